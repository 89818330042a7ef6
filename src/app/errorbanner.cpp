#include "app/errorbanner.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_message(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_next(new QPushButton(this))
    , m_copyForIt(new QPushButton(tr("Copy details for IT"), this))
    , m_detailsToggle(new QToolButton(this))
    , m_dismiss(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);

    m_icon->setAlignment(Qt::AlignTop);

    // Server text is never interpreted: plain text everywhere in the banner.
    for (QLabel *label : {m_headline, m_message, m_hint}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_headline->setObjectName(QStringLiteral("headlineLabel"));
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    m_headline->setFont(headlineFont);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->hide();

    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Retry"));
    m_next->setObjectName(QStringLiteral("nextStepButton"));
    m_copyForIt->setObjectName(QStringLiteral("copyForItButton"));
    m_copyForIt->setToolTip(tr("Copy the message and its technical details, to send to your IT department"));
    m_copyForIt->hide();
    m_detailsToggle->setObjectName(QStringLiteral("detailsButton"));
    m_detailsToggle->setText(tr("Details"));
    m_detailsToggle->setAccessibleName(tr("Show details"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_dismiss->setObjectName(QStringLiteral("dismissButton"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss this message"));
    m_dismiss->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_dismiss->hide();

    m_details->setObjectName(QStringLiteral("detailsText"));
    m_details->setAccessibleName(tr("Error details"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 7);
    m_details->hide();

    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    connect(m_next, &QPushButton::clicked, this, &ErrorBanner::onNextStep);
    connect(m_copyForIt, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(reportForIt()); });
    connect(m_dismiss, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_detailsToggle->setAccessibleName(on ? tr("Hide details") : tr("Show details"));
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_next);
    buttons->addWidget(m_copyForIt);
    buttons->addWidget(m_detailsToggle);
    buttons->addStretch();
    buttons->addWidget(m_dismiss);

    auto *text = new QVBoxLayout;
    text->addWidget(m_headline);
    text->addWidget(m_message);
    text->addWidget(m_hint);
    text->addLayout(buttons);
    text->addWidget(m_details);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);

    setTone(PaletteColors::Tone::Error);
}

QString ErrorBanner::demoCasesHint(const QStringList &caseNumbers)
{
    constexpr qsizetype Listed = 5;
    QStringList shown = caseNumbers.mid(0, Listed);
    if (caseNumbers.size() > Listed)
        shown << QStringLiteral("…");
    return tr("Try one of the demo tickets: %1").arg(shown.join(QStringLiteral(", ")));
}

ErrorBanner::NextStep ErrorBanner::nextStepFor(const Error &error)
{
    // A disabled account, a missing wildcard domain or a used-up plan are
    // fixed in Sweeppea, not by another key: the message says where.
    switch (error.forbiddenReason()) {
    case ForbiddenReason::AccountInactive:
    case ForbiddenReason::WildcardDomainMissing:
    case ForbiddenReason::PlanLimitReached:
        return NextStep::None;
    case ForbiddenReason::None:
    case ForbiddenReason::KeyInvalid:
        break;
    }
    if (error.needsNewKey())
        return NextStep::OpenSettings;
    switch (error.kind()) {
    case ErrorKind::NotFound:
        return NextStep::EditCaseNumber;
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Tls:
        return NextStep::CheckConnection;
    default:
        return NextStep::None;
    }
}

QString ErrorBanner::forbiddenHeadline(ForbiddenReason reason)
{
    switch (reason) {
    case ForbiddenReason::AccountInactive:
        return tr("Your Sweeppea account is not active");
    case ForbiddenReason::WildcardDomainMissing:
        return tr("Your account does not allow API calls from CaseLens");
    case ForbiddenReason::PlanLimitReached:
        return tr("Your plan's API calls are used up");
    case ForbiddenReason::None:
    case ForbiddenReason::KeyInvalid:
        break;
    }
    return tr("Your API key was rejected");
}

QString ErrorBanner::headline() const
{
    return m_headline->text();
}

QString ErrorBanner::reportForIt() const
{
    return m_headline->text() + u'\n' + m_error.message() + QStringLiteral("\n\n") + m_error.details() +
           u'\n' +
           tr("CaseLens %1, %2")
               .arg(QCoreApplication::applicationVersion(),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

void ErrorBanner::showError(const Error &error, const QString &caseNumber)
{
    m_error = error;
    m_caseNumber = caseNumber;
    m_nextStep = nextStepFor(error);

    QString headline;
    QString message = error.message();
    switch (error.kind()) {
    case ErrorKind::NoApiKey:
        headline = tr("No API key set");
        break;
    case ErrorKind::Unauthorized:
        headline = tr("Your API key was rejected");
        break;
    case ErrorKind::Forbidden:
        headline = forbiddenHeadline(error.forbiddenReason());
        break;
    case ErrorKind::NotFound:
        headline = tr("No ticket %1 for this API key").arg(caseNumber);
        // The headline already says it; the server's words are in Details.
        message = tr("Check the case number. Tickets of other accounts are not visible with your key.");
        if (!m_demoCases.isEmpty()) {
            headline = tr("No demo ticket %1").arg(caseNumber);
            message = demoCasesHint(m_demoCases);
        }
        break;
    case ErrorKind::Network:
    case ErrorKind::Timeout:
        headline = tr("Could not reach the server");
        break;
    case ErrorKind::Tls:
        headline = tr("No secure connection to the server");
        break;
    case ErrorKind::Cancelled:
        headline = tr("Cancelled — press F5 to load %1 again").arg(caseNumber);
        message.clear();
        break;
    default:
        headline = tr("Could not load %1").arg(caseNumber);
        break;
    }
    m_headline->setText(headline);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    setAccessibleDescription(headline + u' ' + message);
    setToolTip({});
    setTone(error.kind() == ErrorKind::Cancelled ? PaletteColors::Tone::Info : PaletteColors::Tone::Error);

    m_retry->setText(error.kind() == ErrorKind::Cancelled ? tr("Fetch again") : tr("Retry"));
    m_retry->setAccessibleName(m_retry->text());
    m_retry->setToolTip(tr("Fetch %1 again").arg(caseNumber));

    m_hint->hide();
    m_next->setCheckable(false);
    switch (m_nextStep) {
    case NextStep::None:
        break;
    case NextStep::OpenSettings:
        m_next->setText(tr("Open settings"));
        break;
    case NextStep::EditCaseNumber:
        m_next->setText(tr("Edit case number"));
        break;
    case NextStep::CheckConnection:
        m_next->setText(tr("Check your connection"));
        m_next->setCheckable(true);
        m_next->setChecked(false);
        m_hint->setText(tr("• Is this computer online?\n"
                           "• Is the server address in Settings right?\n"
                           "• If your network needs a proxy, is it set in the system settings?\n"
                           "Then press Retry."));
        break;
    }
    m_next->setVisible(m_nextStep != NextStep::None);
    // Certificates, proxies and networks are IT's to fix: give them all we know.
    m_copyForIt->setVisible(error.kind() == ErrorKind::Tls || error.kind() == ErrorKind::Network ||
                            error.kind() == ErrorKind::Timeout);
    m_next->setAccessibleName(m_next->text());

    m_details->setPlainText(error.details());
    m_detailsToggle->setChecked(false);
}

void ErrorBanner::showRefreshError(const Error &error, const QString &caseNumber, const QDateTime &dataTime)
{
    showError(error, caseNumber);
    // The old ticket is still useful: say how old it is first, and why it
    // stayed (the error's own headline) second.
    const QString reason = m_headline->text();
    const QString headline = tr("Showing data from %1 — refresh failed").arg(dataTimeText(dataTime));
    m_headline->setText(headline);
    m_message->setText(reason);
    m_message->setVisible(true);
    m_message->setToolTip(error.message());
    setToolTip(reason + u'\n' + error.message());
    setAccessibleDescription(headline + u' ' + reason);
    m_details->setPlainText(error.message() + QStringLiteral("\n\n") + error.details());
    setTone(PaletteColors::Tone::Warning);
}

QString ErrorBanner::dataTimeText(const QDateTime &dataTime)
{
    const QDateTime local = dataTime.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

void ErrorBanner::setDismissible(bool dismissible)
{
    m_dismiss->setVisible(dismissible);
}

void ErrorBanner::onNextStep()
{
    switch (m_nextStep) {
    case NextStep::None:
        break;
    case NextStep::OpenSettings:
        Q_EMIT settingsRequested();
        break;
    case NextStep::EditCaseNumber:
        Q_EMIT editCaseRequested(m_caseNumber);
        break;
    case NextStep::CheckConnection:
        m_hint->setVisible(m_next->isChecked());
        break;
    }
}

void ErrorBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateColors();
}

void ErrorBanner::updateColors()
{
    // From the application palette: the style sheet tints this widget's own
    // palette, and deriving from that would tint again on every change.
    setStyleSheet(PaletteColors::bannerStyleSheet(QApplication::palette(this), m_tone, objectName()));
}

void ErrorBanner::setTone(PaletteColors::Tone tone)
{
    m_tone = tone;
    const bool error = tone != PaletteColors::Tone::Info;
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_icon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation, nullptr,
                           this)
            .pixmap(iconSize));
    m_icon->setAccessibleName(error ? tr("Warning") : tr("Information"));
    setAccessibleName(error ? tr("Error") : tr("Notice"));
    updateColors();
}

} // namespace CaseLens::Gui
