#pragma once

#include "loopback/httpmessage.h"

#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace CaseLens::Gui {

// The demo's ticket lists: what POST /tickets/fetchOpenTickets and
// /tickets/fetchClosedTickets answer in demo mode. The bundled demo tickets
// (their fields as they are, so a malformed one is listed and marked) plus
// generated ones, the same on every run apart from their dates (spread over
// the weeks before `now`, so ages look alive). As the real server does: 20 a
// page, newest first, `search` in Subject or Description (any case),
// `priority` 1-3 and `platform` (an unknown one is a 400) filter.
class DemoQueue final
{
public:
    static constexpr int PageSize = 20;
    static constexpr int GeneratedOpen = 48;
    static constexpr int GeneratedClosed = 12;

    explicit DemoQueue(const QString &directory, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The list answer for a request's body.
    [[nodiscard]] Loopback::HttpResponse list(const QByteArray &body, bool closed) const;
    // The single-ticket answer for a generated ticket; nothing for others.
    [[nodiscard]] std::optional<QByteArray> generatedTicket(const QString &caseNumber) const;

    // How many tickets each list holds (without filters).
    [[nodiscard]] int count(bool closed) const;

    // What the demo's writes (DemoWrites) change: a ticket moves to the
    // closed list; its subject and description are replaced; a new ticket
    // comes first in the open list.
    void markClosed(const QString &caseNumber);
    void setText(const QString &caseNumber, const QString &subject, const QString &description);
    void addNew(const QString &caseNumber, const QString &subject, const QString &description,
                const QString &date, int priority, const QString &resourceAffected);

private:
    struct Entry
    {
        QString caseNumber;
        QString subject;
        QString description; // HTML
        QJsonValue date;     // as the row sends them: a bundled ticket's fields as they are
        QJsonValue priority;
        QJsonValue resourceAffected;
        QDateTime created; // for the order; invalid sorts last
        bool closed = false;
    };

    void addBundled(const QString &directory);
    void addGenerated(const QDateTime &now);
    [[nodiscard]] static QByteArray ticketJson(const Entry &entry);
    [[nodiscard]] Entry *find(const QString &caseNumber);

    QList<Entry> m_entries;                // newest first
    QHash<QString, qsizetype> m_generated; // case number -> index in m_entries
};

} // namespace CaseLens::Gui
