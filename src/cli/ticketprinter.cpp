#include "cli/ticketprinter.h"

#include "core/htmlsanitizer.h"
#include "core/ticketparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

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
    const QDateTime local = utc.toLocalTime();
    const QDate date = local.date();
    const QTime time = local.time();
    if (date.year() < 1 || date.year() > 9999) // what toString("yyyy") spells otherwise
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    // "yyyy-MM-dd HH:mm" by hand: toString() parses its format for every note.
    const int fields[] = {date.year(), date.month(), date.day(), time.hour(), time.minute()};
    const int widths[] = {4, 2, 2, 2, 2};
    const char16_t separators[] = {u'-', u'-', u' ', u':', 0};
    char16_t text[16];
    qsizetype at = 0;
    for (size_t i = 0; i < std::size(fields); ++i) {
        for (int w = widths[i], value = fields[i]; w > 0; --w, value /= 10)
            text[at + w - 1] = char16_t(u'0' + value % 10);
        at += widths[i];
        if (separators[i])
            text[at++] = separators[i];
    }
    return QString(reinterpret_cast<const QChar *>(text), at);
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

} // namespace

QString stripControlCharacters(const QString &text)
{
    const auto kept = [](char16_t u) {
        return u == u'\n' || u == u'\t' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u < 0xa0));
    };
    const auto *const begin = reinterpret_cast<const char16_t *>(text.utf16());
    const char16_t *const end = begin + text.size();
    const char16_t *const first = std::find_if_not(begin, end, kept);
    if (first == end)
        return text; // the usual case: shared, not copied
    QString out;
    out.reserve(text.size());
    out.append(reinterpret_cast<const QChar *>(begin), first - begin);
    for (const char16_t *p = first + 1; p < end; ++p) {
        if (kept(*p))
            out.append(QChar(*p));
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
    QString out = lines.join(u'\n');
    // The notes go straight into the text (thousands of them in a large
    // ticket): no list of lines, no arg() per line.
    for (const Note &note : t.notes) {
        out += "\n\n  ["_L1;
        out += localDate(note.date);
        out += u']';
        const QString text = stripControlCharacters(Html::toPlainText(note.html));
        for (qsizetype from = 0;;) { // each line indented (as split('\n') cuts them)
            const qsizetype newline = text.indexOf(u'\n', from);
            out += "\n    "_L1;
            out += QStringView(text).sliced(from, (newline < 0 ? text.size() : newline) - from);
            if (newline < 0)
                break;
            from = newline + 1;
        }
    }
    out += u'\n';
    return out;
}

QByteArrayView formatTicketJson(const Ticket &ticket, QByteArray &storage)
{
    // The Data object's text as the server sent it, without its whitespace:
    // what `jq -c .Data` prints (key order and numbers as sent), without
    // re-serialising megabytes through QJsonDocument.
    const Ticket::TextSlice &slice = ticket.rawData;
    const bool found =
        slice.size > 0 && slice.offset >= 0 && slice.offset + slice.size <= ticket.rawAnswer.size();
    const QByteArrayView data = found ? QByteArrayView(ticket.rawAnswer).sliced(slice.offset, slice.size)
                                      : jsonMemberText(ticket.rawAnswer, QLatin1StringView("Data"));
    if (found && slice.compact)
        return data; // already one compact line: the received bytes themselves
    storage = data.isEmpty() ? QJsonDocument(ticket.raw.object()).toJson(QJsonDocument::Compact)
                             : compactJson(data);
    return storage;
}

} // namespace CaseLens::Cli
