#pragma once

// Ticket-list answers as the contract shapes them (Data: TotalTickets, Page,
// Limit, TotalPages, Tickets), for the queue's tests and benchmark: a server
// holding `total` tickets answers the page its request body asks for.

#include "loopback/httpmessage.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace CaseLens::Testing {

inline constexpr int ListPageSize = 20;

// The first ticket was created at this time, each next one an hour earlier
// (newest first, as the server sends them).
inline QDateTime listEpoch()
{
    return QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
}

// Ticket i: "Q0000001"-style case number, a subject naming it, priorities and
// product areas in turn.
inline QJsonObject listRow(int i)
{
    static const char *const areas[] = {"winners", "api", "general", "overture", "shopify"};
    return QJsonObject{
        {QStringLiteral("CaseNumber"), QStringLiteral("Q%1").arg(i + 1, 7, 10, QLatin1Char('0'))},
        {QStringLiteral("Subject"), QStringLiteral("Queue ticket number %1").arg(i + 1)},
        {QStringLiteral("Date"), listEpoch().addSecs(-3600LL * i).toString(Qt::ISODateWithMs)},
        {QStringLiteral("Priority"), 1 + i % 3},
        {QStringLiteral("ResourceAffected"), QString::fromLatin1(areas[i % 5])},
    };
}

// Data for one page, with the paging fields given (contradictory ones too).
inline QJsonObject listData(const QJsonArray &tickets, qint64 totalTickets, int page, int totalPages)
{
    return QJsonObject{{QStringLiteral("TotalTickets"), totalTickets},
                       {QStringLiteral("Page"), page},
                       {QStringLiteral("Limit"), ListPageSize},
                       {QStringLiteral("TotalPages"), totalPages},
                       {QStringLiteral("Tickets"), tickets}};
}

// Page `page` of a list of `total` tickets (empty past the end).
inline Loopback::HttpResponse listPage(int total, int page)
{
    QJsonArray tickets;
    for (int i = (page - 1) * ListPageSize; i < std::min(total, page * ListPageSize); ++i)
        tickets.append(listRow(i));
    return Loopback::HttpResponse::ticket(
        listData(tickets, total, page, (total + ListPageSize - 1) / ListPageSize));
}

// The page a list request asks for (1 when it does not say).
inline int requestedPage(const Loopback::HttpRequest &request)
{
    return std::max(1, QJsonDocument::fromJson(request.body).object().value(QStringLiteral("page")).toInt(1));
}

// Answers every list request with its page of `total` tickets.
inline std::function<Loopback::HttpResponse(const Loopback::HttpRequest &)> listHandler(int total)
{
    return [total](const Loopback::HttpRequest &request) { return listPage(total, requestedPage(request)); };
}

} // namespace CaseLens::Testing
