#include "app/loadingpane.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {

LoadingPane::LoadingPane(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_notice(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("loadingPane"));
    m_label->setObjectName(QStringLiteral("loadingLabel"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setTextFormat(Qt::PlainText);
    QFont font = m_label->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_label->setFont(font);

    m_bar->setObjectName(QStringLiteral("loadingBar"));
    m_bar->setRange(0, 0); // busy: the duration is unknown
    m_bar->setTextVisible(false);
    m_bar->setMinimumWidth(280);
    m_bar->setMaximumWidth(360);
    m_bar->setAccessibleName(tr("Loading"));

    m_notice->setObjectName(QStringLiteral("retryNoticeLabel"));
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_cancel->setToolTip(tr("Stop fetching this ticket (Esc)"));
    connect(m_cancel, &QPushButton::clicked, this, &LoadingPane::cancelRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_label);
    layout->addSpacing(8);
    layout->addWidget(m_bar, 0, Qt::AlignHCenter);
    layout->addWidget(m_notice);
    layout->addSpacing(8);
    layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

void LoadingPane::start(const QString &caseNumber)
{
    m_label->setText(tr("Fetching %1…").arg(caseNumber));
    m_label->setAccessibleName(m_label->text());
    setNotice({});
}

void LoadingPane::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setAccessibleName(notice);
    m_notice->setVisible(!notice.isEmpty());
}

QString LoadingPane::text() const
{
    return m_label->text();
}

QString LoadingPane::notice() const
{
    return m_notice->text();
}

} // namespace CaseLens::Gui
