#include "app/resolvedialog.h"

#include "ticketview/viewhelpers.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {

ResolveDialog::ResolveDialog(const QString &caseNumber, const QString &subject, QWidget *parent)
    : QDialog(parent)
    , m_caseNumber(caseNumber)
    , m_resolve(new QPushButton(tr("&Resolve ticket"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("resolveDialog"));
    setWindowTitle(tr("Resolve %1").arg(caseNumber));

    // The subject is written by a stranger: one line, shortened, isolated
    // so that right-to-left text cannot reorder the question.
    const QString shownSubject =
        subject.trimmed().isEmpty() ? tr("(no subject)") : isolate(shortened(singleLine(subject), 120));
    auto *question = new QLabel(tr("Resolve %1 — %2?").arg(caseNumber, shownSubject), this);
    question->setObjectName(QStringLiteral("question"));
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);

    auto *warning = new QLabel(tr("The ticket is closed for good: it cannot be reopened."), this);
    warning->setObjectName(QStringLiteral("warning"));
    warning->setTextFormat(Qt::PlainText);
    warning->setWordWrap(true);

    // Enter cancels: closing a ticket takes a deliberate click (or Alt+R).
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_resolve->setAutoDefault(false);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setDefault(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_resolve, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(warning);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

ResolveDialog::~ResolveDialog() = default;

} // namespace CaseLens::Gui
