#include "cli/ticketprinter.h"

#include "core/htmlsanitizer.h"
#include "core/ticketparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

QString localDate(const QDateTime &utc)
{
    if (!utc.isValid())
        return tr("unknown");
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

} // namespace

QString stripControlCharacters(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u < 0xa0)))
            out += c;
    }
    return out;
}

QString formatTicketText(const Ticket &t)
{
    QStringList lines;
    const auto field = [&lines](const QString &name, const QString &value) {
        lines << QStringLiteral("  %1 %2").arg(name + u':', -14).arg(stripControlCharacters(value));
    };
    lines << stripControlCharacters(t.caseNumber + QStringLiteral("  ") + t.subject.simplified());
    QString status = statusName(t.status);
    field(tr("Status"), status);
    field(tr("Priority"), priorityName(t.priority));
    field(tr("Created"), localDate(t.created));
    if (t.status == TicketStatus::Closed || t.closeDate.isValid())
        field(tr("Closed"), t.closedBy.isEmpty() ? localDate(t.closeDate)
                                                 : tr("%1 by %2").arg(localDate(t.closeDate), t.closedBy));
    field(tr("Completion"), QStringLiteral("%1%").arg(t.completion));
    const Requester &r = t.requester;
    field(tr("Requester"), r.email.isEmpty() ? orDash(r.fullName)
                                             : QStringLiteral("%1 <%2>").arg(orDash(r.fullName), r.email));
    field(tr("Counts"), tr("%1 notes, %2 statistics, %3 collaborators, %4 files")
                            .arg(t.notes.size())
                            .arg(t.statistics.size())
                            .arg(t.collaborators.size())
                            .arg(t.files.size()));
    if (!t.attachments.isEmpty()) {
        // One line a file: name, size, type (links stay in --json: long,
        // signed URLs would bury the rest of the summary).
        lines << QString() << QStringLiteral("  %1").arg(tr("Files:"));
        const QLocale locale;
        for (const Attachment &file : t.attachments) {
            const QString size = file.size ? locale.formattedDataSize(*file.size) : QStringLiteral("-");
            lines << stripControlCharacters(
                QStringLiteral("    %1  %2  %3")
                    .arg(orDash(file.name.simplified()), size, orDash(file.type.simplified())));
        }
    }
    for (const Note &note : t.notes) {
        lines << QString();
        lines << QStringLiteral("  [%1]").arg(localDate(note.date));
        const QString text = stripControlCharacters(Html::toPlainText(note.html));
        for (const QString &line : text.split(u'\n'))
            lines << QStringLiteral("    ") + line;
    }
    return lines.join(u'\n') + u'\n';
}

QByteArray formatTicketJson(const Ticket &ticket)
{
    // The Data object's text as the server sent it, without its whitespace:
    // what `jq -c .Data` prints (key order and numbers as sent), without
    // re-serialising megabytes through QJsonDocument.
    if (const QByteArrayView data = jsonMemberText(ticket.rawAnswer, QLatin1StringView("Data"));
        !data.isEmpty())
        return compactJson(data);
    return QJsonDocument(ticket.raw).toJson(QJsonDocument::Compact);
}

} // namespace CaseLens::Cli
