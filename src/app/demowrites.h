#pragma once

#include "loopback/httpmessage.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace CaseLens::Gui {

class DemoQueue;

// The writes in demo mode: POST /tickets/resolve, /tickets/create and
// /tickets/update answered as the API contract says ("Writing"), in memory
// for this run. A ticket a write touched is served from here from then on
// (DemoServer asks ticket() first); the lists follow (DemoQueue): a closed
// ticket moves to the closed list, a new one comes first in the open list.
class DemoWrites final
{
    Q_DISABLE_COPY_MOVE(DemoWrites)

public:
    // A ticket's single-ticket answer as the demo serves it before any
    // write (bundled or generated); nothing for an unknown case.
    using TicketSource = std::function<std::optional<QByteArray>(const QString &caseNumber)>;

    // owner: the demo's /account/profile Data (who closes and creates).
    DemoWrites(DemoQueue &queue, TicketSource source, const QJsonObject &owner);

    // The single-ticket answer of a ticket this run wrote; nothing for others.
    [[nodiscard]] std::optional<QByteArray> ticket(const QString &caseNumber) const;

    [[nodiscard]] Loopback::HttpResponse resolve(const QByteArray &body);
    [[nodiscard]] Loopback::HttpResponse create(const QByteArray &body);
    [[nodiscard]] Loopback::HttpResponse update(const QByteArray &body);

private:
    // The ticket's Data as it stands now (written or as served); empty when unknown.
    [[nodiscard]] std::optional<QJsonObject> current(const QString &caseNumber) const;
    // Adds a Statistics entry (and a note, when given) dated now.
    void record(QJsonObject &data, const QString &action, const QString &note = {}) const;
    [[nodiscard]] QString newCaseNumber() const;

    DemoQueue &m_queue;
    TicketSource m_source;
    QString m_ownerName;
    QString m_ownerEmail;
    QString m_ownerToken;
    QHash<QString, QJsonObject> m_written; // case number -> Data
};

} // namespace CaseLens::Gui
