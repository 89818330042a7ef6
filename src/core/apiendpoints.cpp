// What each endpoint sends, and how its answer is read: one method per
// endpoint. The dispatching (queues, limiter, lanes, retries) is in
// apiclient.cpp; see docs/architecture.md, "Adding an endpoint".
#include "core/apiclient.h"
#include "core/ticketparser.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace CaseLens {

TicketReply *ApiClient::fetchTicket(const CaseNumber &caseNumber, Lane lane, Freshness freshness)
{
    auto *reply = new TicketReply(this, caseNumber, lane);
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("caseNumber"), caseNumber.toString()}})
            .toJson(QJsonDocument::Compact);
    submit(
        reply, payload,
        [caseNumber, asSent = m_ticketDetail == TicketDetail::AsSent](const QByteArray &body, int status,
                                                                      const QByteArray &contentType) {
            if (asSent)
                return TicketReply::answer(
                    checkTicketResponse(body, status, contentType, caseNumber.toString()));
            return TicketReply::parse(body, status, contentType, caseNumber);
        },
        freshness);
    return reply;
}

TicketListReply *ApiClient::fetchTickets(const TicketListQuery &query, Lane lane, Freshness freshness)
{
    auto *reply = new TicketListReply(this, query, lane);
    submit(
        reply, query.body(),
        [](const QByteArray &body, int status, const QByteArray &contentType) {
            return TicketListReply::answer(parseTicketListResponse(body, status, contentType));
        },
        freshness);
    return reply;
}

template <typename Reply, typename Parse>
Reply *ApiClient::request(const QString &path, const QJsonObject &body, Lane lane, bool isWrite, Parse parse)
{
    auto *reply = new Reply(this, path, lane, isWrite);
    submit(reply, QJsonDocument(body).toJson(QJsonDocument::Compact),
           [parse](const QByteArray &answer, int status, const QByteArray &contentType) {
               return Reply::answer(parse(answer, status, contentType));
           });
    return reply;
}

ProfileReply *ApiClient::fetchProfile(Lane lane)
{
    return request<ProfileReply>(QStringLiteral("/account/profile"), {}, lane, false,
                                 &parseAccountProfileResponse);
}

PlanReply *ApiClient::fetchPlan(Lane lane)
{
    return request<PlanReply>(QStringLiteral("/account/plan"), {}, lane, false, &parseAccountPlanResponse);
}

HealthCheckReply *ApiClient::checkHealth(Lane lane)
{
    return request<HealthCheckReply>(QStringLiteral("/account/health-check"), {}, lane, false,
                                     &parseHealthCheckResponse);
}

ResolveReply *ApiClient::resolveTicket(const CaseNumber &caseNumber)
{
    return request<ResolveReply>(
        QStringLiteral("/tickets/resolve"), {{QStringLiteral("CaseId"), caseNumber.toString()}}, Lane::User,
        true, [caseNumber](const QByteArray &body, int status, const QByteArray &contentType) {
            return parseResolveResponse(body, status, contentType, caseNumber.toString());
        });
}

CreateReply *ApiClient::createTicket(const NewTicket &ticket)
{
    QJsonObject body{{QStringLiteral("Title"), ticket.title},
                     {QStringLiteral("Description"), ticket.descriptionHtml},
                     {QStringLiteral("Priority"), int(ticket.priority)}};
    if (!ticket.assignTo.trimmed().isEmpty())
        body.insert(QStringLiteral("AssignTo"), ticket.assignTo.trimmed());
    return request<CreateReply>(QStringLiteral("/tickets/create"), body, Lane::User, true,
                                &parseCreateResponse);
}

UpdateReply *ApiClient::updateTicket(const CaseNumber &caseNumber, const std::optional<QString> &title,
                                     const std::optional<QString> &descriptionHtml)
{
    QJsonObject body{{QStringLiteral("CaseId"), caseNumber.toString()}};
    if (title)
        body.insert(QStringLiteral("Title"), *title);
    if (descriptionHtml)
        body.insert(QStringLiteral("Description"), *descriptionHtml);
    return request<UpdateReply>(
        QStringLiteral("/tickets/update"), body, Lane::User, true,
        [caseNumber](const QByteArray &answer, int status, const QByteArray &contentType) {
            return parseUpdateResponse(answer, status, contentType, caseNumber.toString());
        });
}

} // namespace CaseLens
