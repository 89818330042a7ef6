#include "support/fakeserver.h"

#include <QJsonDocument>

namespace CaseLens::Testing {

FakeServer::FakeServer(QObject *parent)
    : Loopback::HttpServer(parent)
{}

FakeServer::~FakeServer() = default;

void FakeServer::serveTickets(const QHash<QString, QJsonObject> &ticketsByCase)
{
    setHandler([ticketsByCase](const RecordedRequest &request) {
        const QString caseNumber =
            QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString();
        const auto it = ticketsByCase.constFind(caseNumber);
        if (it == ticketsByCase.constEnd())
            return FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied"));
        return FakeResponse::ticket(*it);
    });
}

} // namespace CaseLens::Testing
