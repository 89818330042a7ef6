#include "core/ticketexport.h"

#include "core/htmlsanitizer.h"
#include "core/riskyfilename.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

namespace CaseLens::Export {
namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Export)
};

QString esc(const QString &text)
{
    return text.simplified().toHtmlEscaped();
}

// Kept short and print-friendly; QTextDocument (PDF, print) reads the same
// rules, so only properties it understands are used.
constexpr auto StyleSheet = R"(body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 16pt; margin-bottom: 6pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; border-bottom: 1px solid #999; }
table.facts th { text-align: left; padding-right: 12pt; font-weight: bold; }
table.stats th { text-align: left; padding-right: 12pt; }
.note { margin-top: 8pt; }
.date { color: #555555; font-weight: bold; margin-bottom: 2pt; }
.footer { color: #777777; font-size: 8pt; margin-top: 16pt; }
)";

} // namespace

QString dateText(const QDateTime &utc)
{
    if (!utc.isValid())
        return Tr::tr("unknown date");
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
}

QString titleText(const Ticket &ticket)
{
    const QString subject = ticket.subject.simplified();
    return ticket.caseNumber.simplified() + QStringLiteral(" — ") +
           (subject.isEmpty() ? Tr::tr("(no subject)") : subject);
}

QString requesterText(const Requester &requester)
{
    const QString name = requester.fullName.simplified();
    const QString email = requester.email.simplified();
    if (name.isEmpty() && email.isEmpty())
        return Tr::tr("unknown");
    if (name.isEmpty() || email.isEmpty())
        return name + email;
    return name + QStringLiteral(" <") + email + u'>';
}

QList<Fact> headerFacts(const Ticket &ticket)
{
    QList<Fact> facts{{Tr::tr("Status"), statusName(ticket.status)},
                      {Tr::tr("Priority"), priorityName(ticket.priority)}};
    if (QString area = ticket.resourceAffected.simplified(); !area.isEmpty()) {
        area[0] = area.at(0).toUpper();
        facts.append({Tr::tr("Product area"), area});
    }
    facts.append({Tr::tr("Created"), dateText(ticket.created)});
    if (ticket.status == TicketStatus::Closed || ticket.closeDate.isValid()) {
        const QString when = dateText(ticket.closeDate);
        const QString by = ticket.closedBy.simplified();
        facts.append({Tr::tr("Closed"), by.isEmpty() ? when : Tr::tr("%1 by %2").arg(when, by)});
    }
    return facts;
}

QList<std::pair<QString, int>> actionCounts(const Ticket &ticket)
{
    QMap<QString, int> counts; // sorted by action
    for (const StatisticEntry &entry : ticket.statistics) {
        const QString action = entry.action.simplified();
        ++counts[action.isEmpty() ? Tr::tr("(no action)") : action];
    }
    QList<std::pair<QString, int>> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result.append({it.key(), it.value()});
    return result;
}

QString html(const Ticket &ticket)
{
    QString out;
    out.reserve(4096 + ticket.descriptionHtml.size() + ticket.notes.size() * 256);
    // The CSP is for browsers opening the file: even if something slipped
    // through, nothing may run or load.
    out += QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'\">\n<title>") +
           esc(titleText(ticket)) + QStringLiteral("</title>\n<style>\n") + QLatin1StringView(StyleSheet) +
           QStringLiteral("</style>\n</head>\n<body>\n<h1 dir=\"auto\">") + esc(titleText(ticket)) +
           QStringLiteral("</h1>\n<table class=\"facts\">\n");
    QList<Fact> facts = headerFacts(ticket);
    facts.append({Tr::tr("Requester"), requesterText(ticket.requester)});
    for (const Fact &fact : std::as_const(facts))
        out += QStringLiteral("<tr><th>") + esc(fact.label) + QStringLiteral("</th><td dir=\"auto\">") +
               esc(fact.value) + QStringLiteral("</td></tr>\n");
    out += QStringLiteral("</table>\n<h2>") + esc(Tr::tr("Description")) +
           QStringLiteral("</h2>\n<div dir=\"auto\">") + Html::sanitize(ticket.descriptionHtml) +
           QStringLiteral("</div>\n<h2>") + esc(Tr::tr("Notes (%1)").arg(ticket.notes.size())) +
           QStringLiteral("</h2>\n");
    for (const Note &note : ticket.notes)
        out += QStringLiteral("<div class=\"note\"><p class=\"date\">") + esc(dateText(note.date)) +
               QStringLiteral("</p>\n<div dir=\"auto\">") + Html::sanitize(note.html) +
               QStringLiteral("</div></div>\n");
    out += QStringLiteral("<h2>") + esc(Tr::tr("Statistics")) + QStringLiteral("</h2>\n");
    const QList<std::pair<QString, int>> counts = actionCounts(ticket);
    if (counts.isEmpty())
        out += QStringLiteral("<p>") + esc(Tr::tr("No statistics.")) + QStringLiteral("</p>\n");
    else
        out += QStringLiteral("<table class=\"stats\">\n");
    for (const auto &[action, count] : counts)
        out += QStringLiteral("<tr><th>") + esc(action) + QStringLiteral("</th><td>") +
               QString::number(count) + QStringLiteral("</td></tr>\n");
    if (!counts.isEmpty())
        out += QStringLiteral("</table>\n");
    out += QStringLiteral("<p class=\"footer\">") +
           esc(Tr::tr("Exported from CaseLens on %1").arg(dateText(QDateTime::currentDateTimeUtc()))) +
           QStringLiteral("</p>\n</body>\n</html>\n");
    return out;
}

QString exportFileName(const Ticket &ticket, const QString &suffix)
{
    const QString subject = ticket.subject.simplified();
    const QString base =
        subject.isEmpty() ? ticket.caseNumber : ticket.caseNumber + QStringLiteral(" - ") + subject;
    // The whole name stays well inside Windows' 260-character paths.
    return CaseLens::safeFileName(base, QStringLiteral("ticket"), 120) + u'.' + suffix;
}

} // namespace CaseLens::Export
