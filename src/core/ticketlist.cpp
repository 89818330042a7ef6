#include "core/ticketlist.h"

#include "core/casenumber.h"
#include "core/fieldreader.h"
#include "core/jsonarraytext.h"
#include "core/jsontext.h"
#include "core/pluralcount.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

void readRows(FieldReader &reader, const QJsonValue &v, QList<TicketSummary> &out)
{
    constexpr QLatin1StringView name = "Tickets"_L1;
    if (!v.isArray()) {
        if (reader.present(v, topField(name), Presence::Required, Expected::List))
            reader.warnWrong(topField(name), Expected::List, v);
        return;
    }
    const QJsonArray array = v.toArray();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        const qsizetype warningsBefore = reader.warningCount();
        TicketSummary row;
        if (!entry.isObject()) {
            reader.warnWrong({name, i, {}}, Expected::Object, entry);
        } else {
            const QJsonObject o = entry.toObject();
            reader.readCaseNumber(o.value("CaseNumber"_L1), {name, i, "CaseNumber"_L1}, row.caseNumber);
            reader.readText(o.value("Subject"_L1), {name, i, "Subject"_L1}, Presence::Required, row.subject);
            reader.readDate(o.value("Date"_L1), {name, i, "Date"_L1}, Presence::Required, row.created);
            reader.readPriority(o.value("Priority"_L1), {name, i, "Priority"_L1}, row.priority);
            reader.readResource(o.value("ResourceAffected"_L1), {name, i, "ResourceAffected"_L1},
                                row.resourceAffected);
        }
        // Every row stays, so the list keeps the server's count and order; a
        // row that could not be read as documented carries why, for the list
        // to mark it (and one without a case number cannot be opened).
        for (qsizetype w = warningsBefore; w < reader.warningCount(); ++w)
            row.problems.append(reader.warningAt(w).message);
        out.append(std::move(row));
    }
}

// Each row's text as sent (Data.Tickets[i]), compacted. When the text does
// not line up with the parsed rows (a member written twice or with escapes
// in its name, which jsonMemberText refuses to guess about), each row is
// re-serialised instead: same values, Qt's key order.
void keepRowTexts(const QByteArray &body, const QJsonValue &tickets, QList<TicketSummary> &rows)
{
    const QByteArrayView data = jsonMemberText(body, "Data"_L1);
    const std::optional<QList<QByteArrayView>> texts =
        jsonArrayElementTexts(data.isEmpty() ? data : jsonMemberText(data, "Tickets"_L1));
    if (texts && texts->size() == rows.size()) {
        for (qsizetype i = 0; i < rows.size(); ++i)
            rows[i].json = compactJson(texts->at(i));
        return;
    }
    const QJsonArray array = tickets.toArray();
    for (qsizetype i = 0; i < rows.size() && i < array.size(); ++i) {
        // A one-element array, without its brackets: QJsonDocument writes
        // only objects and arrays, and a row may be anything.
        const QByteArray text = QJsonDocument(QJsonArray{array.at(i)}).toJson(QJsonDocument::Compact);
        rows[i].json = text.sliced(1, text.size() - 2);
    }
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::TicketList)
};

} // namespace

bool TicketSummary::canOpen() const
{
    return CaseNumber::parse(caseNumber).ok();
}

TicketListResult parseTicketListResponse(const QByteArray &body, int httpStatus,
                                         const QByteArray &contentType)
{
    TicketListResult result;
    const Envelope envelope = readEnvelope(body, httpStatus, contentType, PayloadKind::TicketList);
    result.telemetry = envelope.telemetry;
    if (!envelope.ok()) {
        result.error = envelope.error;
        return result;
    }
    const QJsonObject data = envelope.payload.toObject();
    TicketList &list = result.list;
    FieldReader reader(list.warnings);
    constexpr qint64 IntMax = std::numeric_limits<int>::max();
    const auto count = [&](QLatin1StringView name, qint64 minimum, qint64 maximum) {
        return reader.readWholeNumber(data.value(name), topField(name), Presence::Required, minimum, maximum);
    };
    list.totalTickets = count("TotalTickets"_L1, 0, qint64(9e15)).value_or(0);
    list.page = int(count("Page"_L1, 1, IntMax).value_or(0));
    list.limit = int(count("Limit"_L1, 0, IntMax).value_or(0));
    list.totalPages = int(count("TotalPages"_L1, 0, IntMax).value_or(0));
    const QJsonValue tickets = data.value("Tickets"_L1);
    readRows(reader, tickets, list.tickets);
    keepRowTexts(body, tickets, list.tickets);
    return result;
}

QString ticketListSummary(TicketStatus status, int firstPage, int lastPage, int totalPages,
                          qint64 totalTickets)
{
    const bool closed = status == TicketStatus::Closed;
    if (totalTickets <= 0)
        return closed ? Tr::tr("No closed tickets") : Tr::tr("No open tickets");
    const int n = pluralCount(totalTickets);
    const QString count =
        closed ? Tr::tr("%n closed ticket(s)", nullptr, n) : Tr::tr("%n open ticket(s)", nullptr, n);
    const QString pages = firstPage < lastPage
                              ? Tr::tr("Pages %1–%2 of %3").arg(firstPage).arg(lastPage).arg(totalPages)
                              : Tr::tr("Page %1 of %2").arg(lastPage).arg(totalPages);
    //: "Page 1 of 2 · 23 open tickets"
    return Tr::tr("%1 · %2").arg(pages, count);
}

} // namespace CaseLens
