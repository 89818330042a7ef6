#include "ticketview/ticketheader.h"

#include "core/pluralcount.h"
#include "ticketview/badge.h"
#include "ticketview/elidedlabel.h"
#include "ticketview/headerfacts.h"
#include "ticketview/ticketcopy.h"
#include "ticketview/viewhelpers.h"

#include <QClipboard>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {
namespace {

constexpr qsizetype MaxNameChars = 120;
constexpr int WarningsListLines = 6;
constexpr qsizetype MaxEmailChars = 80;

QLabel *makeTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void setMarked(QLabel *label, const QString &text, const QStringList &warnings, const QString &toolTip = {})
{
    label->setText(text + warningMark(warnings));
    QStringList tip;
    if (!toolTip.isEmpty())
        tip.append(toolTip);
    tip.append(warnings);
    label->setToolTip(toolTipText(tip.join(u'\n')));
    label->setAccessibleDescription(warnings.join(u'\n'));
}

} // namespace

TicketHeader::TicketHeader(QWidget *parent)
    : QWidget(parent)
    , m_caseNumber(new QLabel(this))
    , m_copy(new QToolButton(this))
    , m_resolve(new QToolButton(this))
    , m_subject(new ElidedLabel(this))
    , m_warningsButton(new QToolButton(this))
    , m_warningsList(new QPlainTextEdit(this))
    , m_status(new Badge(this))
    , m_priority(new Badge(this))
    , m_area(new QLabel(this))
    , m_views(new QLabel(this))
    , m_pinned(new QLabel(this))
    , m_created(makePlainLabel(this, tr("Created")))
    , m_closedTitle(makeTitle(tr("Closed:"), this))
    , m_closed(makePlainLabel(this, tr("Closed")))
    , m_completion(new QProgressBar(this))
    , m_completionTitle(makeTitle(tr("Completion:"), this))
    , m_createdTitle(makeTitle(tr("Created:"), this))
    , m_longOpen(new Badge(this))
    , m_survey(new Badge(this))
    , m_gitHub(new QToolButton(this))
    , m_requester(new QPushButton(this))
    , m_activity(new QLabel(this))
    , m_updated(new QLabel(this))
    , m_titleRow(new QHBoxLayout)
    , m_factsRow(new QHBoxLayout)
{
    QFont caseFont = m_caseNumber->font();
    caseFont.setBold(true);
    caseFont.setPointSizeF(caseFont.pointSizeF() * 1.25);
    m_caseNumber->setFont(caseFont);
    m_caseNumber->setTextFormat(Qt::PlainText);
    m_caseNumber->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAccessibleTitle(m_caseNumber, tr("Case number"));
    m_caseNumber->setObjectName(QStringLiteral("caseNumber"));

    m_copy->setText(tr("Copy"));
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setToolTip(tr("Copy the case number"));
    m_copy->setAccessibleName(tr("Copy case number"));
    m_copy->setObjectName(QStringLiteral("copyCaseNumber"));
    m_copy->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this, &TicketHeader::copyCaseNumber);
    // The arrow offers the other ways to hand the ticket on (link, title, Markdown).
    m_copy->setPopupMode(QToolButton::MenuButtonPopup);
    m_copy->setMenu(new QMenu(m_copy));
    addCopyActions(m_copy->menu(), [this] { return &m_ticket; });

    m_resolve->setText(tr("Resolve…"));
    m_resolve->setToolTip(tr("Close this ticket for good"));
    m_resolve->setAccessibleName(tr("Resolve ticket"));
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    connect(m_resolve, &QToolButton::clicked, this, &TicketHeader::resolveRequested);

    QFont subjectFont = m_subject->font();
    subjectFont.setBold(true);
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.25);
    m_subject->setFont(subjectFont);
    m_subject->setObjectName(QStringLiteral("subject"));

    m_warningsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_warningsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warningsButton->setCheckable(true);
    m_warningsButton->setAutoRaise(true);
    m_warningsButton->setObjectName(QStringLiteral("warningsButton"));
    m_warningsButton->setToolTip(tr("Show the parts of this ticket that could not be read"));
    connect(m_warningsButton, &QToolButton::toggled, this, &TicketHeader::setWarningsVisible);

    m_warningsList->setReadOnly(true);
    m_warningsList->setObjectName(QStringLiteral("warningsList"));
    m_warningsList->setAccessibleName(tr("Ticket warnings"));
    m_warningsList->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_warningsList->setFixedHeight(m_warningsList->fontMetrics().lineSpacing() * WarningsListLines +
                                   2 * m_warningsList->frameWidth() + 8);
    m_warningsList->hide();

    m_status->setObjectName(QStringLiteral("statusBadge"));
    m_priority->setObjectName(QStringLiteral("priorityBadge"));
    for (QLabel *label : {m_area, m_views, m_pinned}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    // Their texts name what they are ("Product area: Winners", "42 views"):
    // no accessible name, so that a screen reader reads the text itself.
    m_area->setObjectName(QStringLiteral("productArea"));
    m_views->setObjectName(QStringLiteral("views"));
    m_pinned->setObjectName(QStringLiteral("pinned"));
    m_created->setObjectName(QStringLiteral("created"));
    m_closed->setObjectName(QStringLiteral("closed"));

    m_completion->setRange(0, 100);
    m_completion->setTextVisible(true);
    m_completion->setAccessibleName(tr("Completion"));
    m_completion->setObjectName(QStringLiteral("completion"));
    m_completion->setMaximumWidth(m_completion->fontMetrics().averageCharWidth() * 28);
    m_completion->setMaximumHeight(m_completion->fontMetrics().height() + 6);

    m_longOpen->setObjectName(QStringLiteral("longOpenBadge"));
    m_survey->setObjectName(QStringLiteral("surveyChip"));
    m_gitHub->setObjectName(QStringLiteral("gitHubChip"));
    m_gitHub->setAutoRaise(true);
    connect(m_gitHub, &QToolButton::clicked, this, [this] {
        if (isOpenableUrl(m_gitHubUrl, false))
            Q_EMIT httpsLinkActivated(m_gitHubUrl);
    });

    // Who asked: a link-like button, so that it takes focus and Enter opens
    // the Requester tab as a click does.
    m_requester->setObjectName(QStringLiteral("requesterButton"));
    m_requester->setFlat(true);
    m_requester->setAutoDefault(true); // Enter clicks it (outside a dialog it draws nothing more)
    m_requester->setCursor(Qt::PointingHandCursor);
    QFont linkFont = m_requester->font();
    linkFont.setUnderline(true);
    m_requester->setFont(linkFont);
    m_requester->setToolTip(tr("Show the requester's details"));
    connect(m_requester, &QPushButton::clicked, this, &TicketHeader::requesterActivated);

    for (QLabel *label : {m_activity, m_updated}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setForegroundRole(QPalette::PlaceholderText);
    }
    m_activity->setObjectName(QStringLiteral("lastActivity"));
    m_updated->setObjectName(QStringLiteral("updatedAge"));

    // Row 1: case number, copy, subject, warnings; the actions at the right.
    // A compact header moves the status and priority badges here.
    m_titleRow->addWidget(m_caseNumber);
    m_titleRow->addWidget(m_copy);
    m_titleRow->addSpacing(8);
    m_titleRow->addWidget(m_subject, 1);
    m_titleRow->addWidget(m_warningsButton);
    m_titleRow->addWidget(m_resolve);

    // Row 2: badges and small facts.
    m_factsRow->addWidget(m_status);
    m_factsRow->addWidget(m_priority);
    m_factsRow->addWidget(m_longOpen);
    m_factsRow->addSpacing(8);
    m_factsRow->addWidget(m_area);
    m_factsRow->addSpacing(8);
    m_factsRow->addWidget(m_views);
    m_factsRow->addSpacing(8);
    m_factsRow->addWidget(m_pinned);
    m_factsRow->addSpacing(8);
    m_factsRow->addWidget(m_survey);
    m_factsRow->addWidget(m_gitHub);
    m_factsRow->addStretch(1);

    // Row 3: who asked, what happened last, how fresh the data is.
    auto *peopleRow = new QHBoxLayout;
    peopleRow->setSpacing(12);
    peopleRow->addWidget(m_requester);
    peopleRow->addWidget(m_activity);
    peopleRow->addStretch(1);
    peopleRow->addWidget(m_updated);

    // Rows 4+: dates and completion.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_createdTitle, 0, 0, Qt::AlignRight | Qt::AlignTop);
    grid->addWidget(m_created, 0, 1);
    grid->addWidget(m_closedTitle, 1, 0, Qt::AlignRight | Qt::AlignTop);
    grid->addWidget(m_closed, 1, 1);
    grid->addWidget(m_completionTitle, 2, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(m_completion, 2, 1, Qt::AlignLeft | Qt::AlignVCenter);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(m_titleRow);
    layout->addWidget(makeCallout());
    layout->addLayout(m_factsRow);
    layout->addLayout(peopleRow);
    layout->addLayout(grid);
    layout->addWidget(m_warningsList);

    setTicket(Ticket{});
}

void TicketHeader::setTicket(const Ticket &ticket, const QDateTime &now)
{
    const auto w = [&ticket](const char *field) {
        return warningMessages(ticket, QString::fromLatin1(field));
    };

    m_ticket = ticket;
    // Case number and subject.
    m_caseNumberText = ticket.caseNumber.trimmed();
    const QStringList caseWarnings = w("CaseNumber");
    m_caseNumber->setText(singleLine(shortened(m_caseNumberText, 40)) + warningMark(caseWarnings));
    m_caseNumber->setToolTip(toolTipText(caseWarnings.join(u'\n')));
    m_copy->setEnabled(!m_caseNumberText.isEmpty());
    const QStringList subjectWarnings = w("Subject");
    m_subject->setFullText(ticket.subject.isEmpty() && ticket.caseNumber.isEmpty()
                               ? QString()
                               : (ticket.subject.isEmpty() ? tr("(no subject)") : ticket.subject) +
                                     warningMark(subjectWarnings));
    if (!subjectWarnings.isEmpty())
        m_subject->setToolTip(toolTipText(ticket.subject + u'\n' + subjectWarnings.join(u'\n')));

    // Status and priority: a badge each, with text and a shape icon.
    const QStringList statusWarnings = w("Status");
    QString statusText = tr("Status unknown");
    Badge::Icon statusIcon = Badge::Icon::Unknown;
    if (ticket.status == TicketStatus::Open) {
        statusText = statusName(ticket.status);
        statusIcon = Badge::Icon::Open;
    } else if (ticket.status == TicketStatus::Closed) {
        statusText = statusName(ticket.status);
        statusIcon = Badge::Icon::Closed;
    }
    m_status->setBadge(statusText + warningMark(statusWarnings), statusIcon);
    m_resolve->setVisible(ticket.status == TicketStatus::Open); // there is no reopening
    m_status->setToolTip(
        toolTipText((QStringList{tr("Status: %1").arg(statusText)} + statusWarnings).join(u'\n')));

    const QStringList priorityWarnings = w("Priority");
    QString priorityText = tr("Priority unknown");
    Badge::Icon priorityIcon = Badge::Icon::Unknown;
    switch (ticket.priority) {
    case Priority::Low:
        priorityIcon = Badge::Icon::PriorityLow;
        break;
    case Priority::Medium:
        priorityIcon = Badge::Icon::PriorityMedium;
        break;
    case Priority::High:
        priorityIcon = Badge::Icon::PriorityHigh;
        break;
    case Priority::Unknown:
        break;
    }
    if (ticket.priority != Priority::Unknown)
        priorityText = tr("%1 priority").arg(priorityName(ticket.priority));
    m_priority->setBadge(priorityText + warningMark(priorityWarnings), priorityIcon);
    m_priority->setToolTip(toolTipText((QStringList{priorityText} + priorityWarnings).join(u'\n')));

    // Product area, views, pin.
    const QStringList areaWarnings = w("ResourceAffected");
    const QString area = singleLine(shortened(ticket.resourceAffected, 60));
    setShown(m_area, !area.isEmpty() || !areaWarnings.isEmpty());
    setMarked(m_area, tr("Product area: %1").arg(isolate(capitalized(area))), areaWarnings);
    setMarked(m_views,
              tr("%1 view(s)", nullptr, pluralCount(ticket.views)).arg(QLocale().toString(ticket.views)),
              w("Views"));
    const QStringList pinWarnings = w("Pin");
    setShown(m_pinned, ticket.pinned || !pinWarnings.isEmpty());
    setMarked(m_pinned, ticket.pinned ? tr("Pinned") : tr("Not pinned"), pinWarnings);

    // Created.
    const QStringList dateWarnings = w("Date");
    QString created = tr("Unknown");
    if (ticket.created.isValid())
        created = tr("%1 (%2)").arg(localDateTimeText(ticket.created), relativeAgeText(ticket.created, now));
    setMarked(m_created, created, dateWarnings,
              ticket.created.isValid() ? ticket.created.toString(Qt::ISODateWithMs) : QString());

    // Closed: by whom, when, after how long.
    const QStringList closedWarnings = w("ClosedBy") + w("CloseDate");
    const bool closed =
        ticket.status == TicketStatus::Closed || ticket.closeDate.isValid() || !ticket.closedBy.isEmpty();
    setShown(m_closedTitle, closed || !closedWarnings.isEmpty());
    setShown(m_closed, closed || !closedWarnings.isEmpty());
    QStringList closedParts;
    if (!ticket.closedBy.trimmed().isEmpty())
        closedParts.append(
            tr("by %1").arg(isolate(singleLine(shortened(ticket.closedBy.trimmed(), MaxNameChars)))));
    if (ticket.closeDate.isValid()) {
        closedParts.append(
            tr("on %1 (%2)")
                .arg(localDateTimeText(ticket.closeDate), relativeAgeText(ticket.closeDate, now)));
        if (ticket.created.isValid() && ticket.closeDate >= ticket.created)
            closedParts.append(
                tr("%1 after it was opened").arg(durationText(ticket.created.secsTo(ticket.closeDate))));
    }
    if (closedParts.isEmpty())
        closedParts.append(tr("yes, no details"));
    setMarked(m_closed, closedParts.join(QStringLiteral(", ")), closedWarnings,
              ticket.closeDate.isValid() ? ticket.closeDate.toString(Qt::ISODateWithMs) : QString());

    // Completion.
    const QStringList completionWarnings = w("Completion");
    m_completion->setValue(std::clamp(ticket.completion, 0, 100));
    m_completion->setFormat(tr("%p%") + warningMark(completionWarnings));
    m_completion->setToolTip(toolTipText(completionWarnings.join(u'\n')));
    m_completion->setAccessibleDescription(tr("%1% complete").arg(ticket.completion));

    // All warnings in one place.
    const qsizetype count = ticket.warnings.size();
    m_warningsButton->setVisible(count > 0);
    m_warningsButton->setText(tr("%Ln warning(s)", nullptr, pluralCount(count)));
    m_warningsButton->setAccessibleName(m_warningsButton->text());
    QStringList lines;
    lines.reserve(std::min<qsizetype>(count, 1000));
    for (qsizetype i = 0; i < count && i < 1000; ++i)
        lines.append(QStringLiteral("\u2022 ") + singleLine(ticket.warnings.at(i).message));
    if (count > 1000)
        lines.append(tr("\u2026 and %n more", nullptr, int(count - 1000)));
    m_warningsList->setPlainText(lines.join(u'\n'));
    if (count == 0)
        m_warningsButton->setChecked(false);
    setWarningsVisible(m_warningsButton->isChecked() && count > 0);

    for (QWidget *always : std::initializer_list<QWidget *>{m_views, m_createdTitle, m_created,
                                                            m_completionTitle, m_completion})
        setShown(always, true);
    updateRequester();
    updateChips();
    updateAges(now);
}

void TicketHeader::updateRequester()
{
    const Requester &r = m_ticket.requester;
    const QString name = singleLine(shortened(r.fullName.trimmed(), MaxNameChars)).trimmed();
    const QString email = singleLine(shortened(r.email.trimmed(), MaxEmailChars)).trimmed();
    QString text = name.isEmpty() ? email : isolate(name);
    if (!name.isEmpty() && !email.isEmpty())
        text += QStringLiteral(" <") + isolate(email) + u'>';
    setShown(m_requester, !text.isEmpty());
    // A button's text takes '&' as a mnemonic marker: double it to show it.
    m_requester->setText(QString(text).replace(u'&', QStringLiteral("&&")));
    m_requester->setAccessibleName(tr("Requester: %1").arg(text));
}

void TicketHeader::updateChips()
{
    const QString rating = surveyRatingText(m_ticket.survey);
    setShown(m_survey, !rating.isEmpty());
    m_survey->setBadge(tr("Survey: %1").arg(isolate(rating)), Badge::Icon::None);
    m_survey->setToolTip(
        toolTipText(tr("Satisfaction survey, as sent:\n%1").arg(jsonValueText(m_ticket.survey))));

    const IssueLink issue = gitHubIssueLink(m_ticket.gitHubIssue);
    m_gitHubUrl = issue.url;
    setShown(m_gitHub, issue.url.isValid());
    m_gitHub->setText(issue.number.isEmpty() ? tr("GitHub issue") : tr("GitHub issue #%1").arg(issue.number));
    m_gitHub->setAccessibleName(m_gitHub->text());
    m_gitHub->setToolTip(toolTipText((issue.title.isEmpty() ? QString() : issue.title + u'\n') +
                                     tr("Open %1").arg(issue.url.toString())));
}

void TicketHeader::updateAges(const QDateTime &now)
{
    // The age and the last note: what happened last, and whether anyone answered.
    const QDateTime lastNote = lastNoteDate(m_ticket);
    QStringList parts;
    QStringList tips;
    const QLocale locale;
    if (m_ticket.created.isValid()) {
        parts.append(tr("Opened %1").arg(relativeAgeText(m_ticket.created, now)));
        tips.append(
            tr("Opened: %1").arg(locale.toString(m_ticket.created.toLocalTime(), QLocale::LongFormat)));
    }
    if (m_ticket.notes.isEmpty()) {
        parts.append(m_ticket.status == TicketStatus::Closed ? tr("No notes") : tr("No reply yet"));
    } else if (lastNote.isValid()) {
        parts.append(tr("Last note %1").arg(relativeAgeText(lastNote, now)));
        tips.append(tr("Last note: %1").arg(locale.toString(lastNote.toLocalTime(), QLocale::LongFormat)));
    }
    m_activity->setText(parts.join(QStringLiteral(" \u00B7 ")));
    m_activity->setToolTip(toolTipText(tips.join(u'\n')));
    setShown(m_activity, !parts.isEmpty());

    const bool longOpen = isLongOpen(m_ticket, now);
    setShown(m_longOpen, longOpen);
    const QString openFor =
        longOpen ? tr("Open for %1").arg(durationText(m_ticket.created.secsTo(now))) : QString();
    m_longOpen->setBadge(tr("Long open"), Badge::Icon::None);
    m_longOpen->setToolTip(toolTipText(openFor));
    m_longOpen->setAccessibleDescription(openFor);

    // How fresh the data is.
    setShown(m_updated, m_loadedAt.isValid());
    if (m_loadedAt.isValid()) {
        m_updated->setText(tr("Updated %1").arg(relativeAgeText(m_loadedAt, now)));
        m_updated->setToolTip(
            toolTipText(tr("Loaded at %1. Press F5 to refresh.")
                            .arg(locale.toString(m_loadedAt.toLocalTime(), QLocale::LongFormat))));
    }
}

void TicketHeader::setUpdatedAt(const QDateTime &loadedAt, const QDateTime &now)
{
    m_loadedAt = loadedAt;
    updateAges(now);
}

void TicketHeader::setShown(QWidget *widget, bool shown)
{
    m_wanted.insert(widget, shown);
    widget->setVisible(shown && !m_compact);
}

void TicketHeader::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    // The badges move between rows of one parent widget: no reparenting, so
    // they stay shown.
    for (Badge *badge : {m_status, m_priority}) {
        m_titleRow->removeWidget(badge);
        m_factsRow->removeWidget(badge);
    }
    if (compact) {
        m_titleRow->insertWidget(2, m_status);
        m_titleRow->insertWidget(3, m_priority);
    } else {
        m_factsRow->insertWidget(0, m_status);
        m_factsRow->insertWidget(1, m_priority);
    }
    for (auto it = m_wanted.cbegin(); it != m_wanted.cend(); ++it)
        it.key()->setVisible(it.value() && !compact);
}

void TicketHeader::copyCaseNumber()
{
    if (!m_caseNumberText.isEmpty())
        QGuiApplication::clipboard()->setText(m_caseNumberText);
}

void TicketHeader::setResolveEnabled(bool enabled)
{
    m_resolve->setEnabled(enabled);
}

QWidget *TicketHeader::makeCallout()
{
    m_callout = new QWidget(this);
    m_callout->setObjectName(QStringLiteral("callout"));
    auto *icon = new QLabel(m_callout);
    const int size = fontMetrics().height();
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    m_calloutText = new QLabel(m_callout);
    m_calloutText->setObjectName(QStringLiteral("calloutText"));
    m_calloutText->setTextFormat(Qt::PlainText);
    m_calloutText->setWordWrap(true);
    m_calloutText->setTextInteractionFlags(Qt::NoTextInteraction);
    // The link colour: readable on the window in light and dark palettes,
    // and it follows a palette change by itself.
    m_calloutText->setForegroundRole(QPalette::Link);
    auto *row = new QHBoxLayout(m_callout);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_calloutText, 1);
    m_callout->hide();
    return m_callout;
}

void TicketHeader::setCallout(const QString &text)
{
    const QString line = singleLine(text.trimmed());
    m_calloutText->setText(line);
    m_calloutText->setAccessibleName(line);
    m_callout->setVisible(!line.isEmpty());
}

QString TicketHeader::callout() const
{
    return m_calloutText->text();
}

void TicketHeader::setWarningsVisible(bool visible)
{
    m_warningsList->setVisible(visible);
}

} // namespace CaseLens::Gui
