#include "core/seenstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSeen, "caselens.seen")

namespace CaseLens {
namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::TicketChanges)
};

// Forgets the ticket or server used longest ago (tickets and servers both
// carry the sequence number of their last use in `touched`).
template <typename Hash>
void forgetLeastRecentlyTouched(Hash &entries)
{
    entries.erase(std::min_element(entries.cbegin(), entries.cend(),
                                   [](const auto &a, const auto &b) { return a.touched < b.touched; }));
}

QString statusText(TicketStatus status)
{
    switch (status) {
    case TicketStatus::Open:
        return QStringLiteral("open");
    case TicketStatus::Closed:
        return QStringLiteral("closed");
    case TicketStatus::Unknown:
        break;
    }
    return {};
}

TicketStatus statusFromText(const QString &text)
{
    if (text == u"open")
        return TicketStatus::Open;
    if (text == u"closed")
        return TicketStatus::Closed;
    return TicketStatus::Unknown;
}

} // namespace

QString seenNoteKey(const Note &note)
{
    if (!note.id.isEmpty())
        return note.id;
    // A stable hash (qHash is seeded per run): the key must match after a restart.
    const QByteArray hash =
        QCryptographicHash::hash(note.html.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("%1#%2").arg(note.date.toString(Qt::ISODateWithMs), QString::fromLatin1(hash));
}

SeenTicket SeenTicket::from(const Ticket &ticket)
{
    SeenTicket seen;
    seen.noteIds.reserve(ticket.notes.size());
    for (const Note &note : ticket.notes)
        seen.noteIds.insert(seenNoteKey(note));
    seen.statisticsCount = int(ticket.statistics.size());
    seen.status = ticket.status;
    return seen;
}

bool TicketChanges::isEmpty() const
{
    return newNoteIds.isEmpty() && newStatistics == 0 && !statusChanged;
}

QString TicketChanges::summary() const
{
    QStringList parts;
    if (!newNoteIds.isEmpty())
        parts.append(Tr::tr("%n new note(s)", nullptr, int(newNoteIds.size())));
    if (statusChanged && status == TicketStatus::Closed)
        parts.append(closedBy.isEmpty() ? Tr::tr("closed") : Tr::tr("closed by %1").arg(closedBy));
    else if (statusChanged && status == TicketStatus::Open)
        parts.append(Tr::tr("reopened"));
    // New activity says something only when nothing more telling changed
    // (a new note is also an entry there).
    if (parts.isEmpty() && newStatistics > 0)
        parts.append(Tr::tr("%n new change(s)", nullptr, newStatistics));
    return parts.join(Tr::tr(", ", "between the parts of a ticket's changes"));
}

QString TicketChanges::headerCallout() const
{
    if (!statusChanged)
        return {};
    if (status == TicketStatus::Open)
        return Tr::tr("Reopened since you last looked");
    return closedBy.isEmpty() ? Tr::tr("Closed since you last looked")
                              : Tr::tr("Closed by %1 since you last looked").arg(closedBy);
}

TicketChanges compareTicket(const SeenTicket &seen, const Ticket &ticket)
{
    TicketChanges changes;
    for (const Note &note : ticket.notes) {
        QString key = seenNoteKey(note);
        if (!seen.noteIds.contains(key))
            changes.newNoteIds.append(std::move(key));
    }
    changes.newStatistics = std::max(0, int(ticket.statistics.size()) - seen.statisticsCount);
    // An unreadable status (either side) is no change the agent should hear of.
    changes.statusChanged = seen.status != TicketStatus::Unknown && ticket.status != TicketStatus::Unknown &&
                            seen.status != ticket.status;
    if (changes.statusChanged) {
        changes.status = ticket.status;
        if (ticket.status == TicketStatus::Closed)
            changes.closedBy = ticket.closedBy;
    }
    return changes;
}

// --- SeenStore -----------------------------------------------------------------

SeenStore::SeenStore(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &SeenStore::saveInBackground);
    load();
}

SeenStore::~SeenStore()
{
    if (!finishBackgroundSave() || m_dirty)
        save();
}

QString SeenStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/seen.json");
}

QString SeenStore::serverKey(const QUrl &baseUrl)
{
    QString host = baseUrl.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']'; // IPv6: keep the port apart
    const int port = baseUrl.port();
    const int defaultPort = baseUrl.scheme() == u"https" ? 443 : baseUrl.scheme() == u"http" ? 80 : -1;
    if (port == -1 || port == defaultPort)
        return host;
    return host + u':' + QString::number(port);
}

std::optional<SeenTicket> SeenStore::seen(const QString &server, const QString &caseNumber) const
{
    const auto serverIt = m_servers.constFind(server);
    if (serverIt == m_servers.constEnd())
        return std::nullopt;
    const auto it = serverIt->tickets.constFind(caseNumber);
    if (it == serverIt->tickets.constEnd())
        return std::nullopt;
    return it->seen;
}

TicketChanges SeenStore::observe(const QString &server, const Ticket &ticket)
{
    const std::optional<SeenTicket> recorded = seen(server, ticket.caseNumber);
    if (!recorded) {
        record(server, ticket.caseNumber, SeenTicket::from(ticket));
        return {};
    }
    return compareTicket(*recorded, ticket);
}

void SeenStore::markSeen(const QString &server, const Ticket &ticket)
{
    record(server, ticket.caseNumber, SeenTicket::from(ticket));
}

void SeenStore::markNotesSeen(const QString &server, const Ticket &ticket)
{
    SeenTicket now = SeenTicket::from(ticket);
    if (const std::optional<SeenTicket> recorded = seen(server, ticket.caseNumber)) {
        now.statisticsCount = recorded->statisticsCount;
        now.status = recorded->status;
    }
    record(server, ticket.caseNumber, now);
}

QSet<QString> SeenStore::knownQueueCases(const QString &server) const
{
    return m_servers.value(server).queue;
}

void SeenStore::rememberQueueCases(const QString &server, const QSet<QString> &cases)
{
    if (m_servers.value(server).queue.contains(cases))
        return;
    QSet<QString> &queue = use(server).queue;
    queue.unite(cases);
    // No order to keep the newest by: past the cap, what the list shows now stays.
    if (queue.size() > MaxQueueCasesPerServer)
        queue = cases;
    changed();
}

void SeenStore::record(const QString &server, const QString &caseNumber, const SeenTicket &seen)
{
    if (caseNumber.isEmpty())
        return;
    QHash<QString, Entry> &tickets = use(server).tickets;
    tickets.insert(caseNumber, Entry{seen, m_sequence});
    if (tickets.size() > MaxTicketsPerServer) {
        // The cap is reached once per new ticket, so one goes.
        forgetLeastRecentlyTouched(tickets);
    }
    changed();
}

SeenStore::Server &SeenStore::use(const QString &server)
{
    ++m_sequence;
    if (!m_servers.contains(server) && m_servers.size() >= MaxServers)
        forgetLeastRecentlyTouched(m_servers);
    Server &used = m_servers[server];
    used.touched = m_sequence;
    return used;
}

void SeenStore::changed()
{
    m_dirty = true;
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void SeenStore::load()
{
    QFile file(m_filePath);
    if (!file.exists())
        return; // the first run: nothing seen yet
    if (QFileInfo(m_filePath).isDir() || !file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSeen) << "cannot read the seen state" << m_filePath << file.errorString()
                          << "- starting afresh";
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    const QJsonValue servers = root.value(u"servers");
    if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
        root.value(u"version").toInt() != FormatVersion || !servers.isObject()) {
        qCWarning(lcSeen) << "the seen state" << m_filePath << "is not readable"
                          << (parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : QStringLiteral("(unexpected shape)"))
                          << "- starting afresh";
        return;
    }
    int skipped = 0;
    const QJsonObject serversObject = servers.toObject();
    for (auto serverIt = serversObject.constBegin(); serverIt != serversObject.constEnd(); ++serverIt) {
        const QJsonObject serverObject = serverIt->toObject();
        Server server;
        const QJsonObject tickets = serverObject.value(u"tickets").toObject();
        for (auto it = tickets.constBegin(); it != tickets.constEnd(); ++it) {
            const QJsonObject entry = it->toObject();
            const QJsonValue notes = entry.value(u"notes");
            if (!it->isObject() || !notes.isArray()) {
                ++skipped;
                continue;
            }
            Entry loaded;
            for (const QJsonValue &id : notes.toArray()) {
                if (id.isString())
                    loaded.seen.noteIds.insert(id.toString());
            }
            loaded.seen.statisticsCount = std::max(0, entry.value(u"stats").toInt());
            loaded.seen.status = statusFromText(entry.value(u"status").toString());
            loaded.touched = entry.value(u"t").toInteger();
            m_sequence = std::max(m_sequence, loaded.touched);
            server.tickets.insert(it.key(), loaded);
        }
        for (const QJsonValue &caseNumber : serverObject.value(u"queue").toArray()) {
            if (caseNumber.isString())
                server.queue.insert(caseNumber.toString());
        }
        // Files written before servers had their own mark: their newest ticket's.
        server.touched = serverObject.value(u"t").toInteger();
        for (const Entry &entry : std::as_const(server.tickets))
            server.touched = std::max(server.touched, entry.touched);
        m_sequence = std::max(m_sequence, server.touched);
        m_servers.insert(serverIt.key(), server);
    }
    // A file written by hand, or by a build with a higher cap: keep the newest.
    while (m_servers.size() > MaxServers)
        forgetLeastRecentlyTouched(m_servers);
    if (skipped > 0)
        qCWarning(lcSeen) << "the seen state" << m_filePath << "had" << skipped << "unreadable tickets";
}

void SeenStore::saveInBackground()
{
    if (m_backgroundSave.valid() &&
        m_backgroundSave.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        m_saveTimer.start(); // the disk is slow: try again after the next delay
        return;
    }
    if (!finishBackgroundSave())
        m_dirty = true; // the last one failed: this one writes everything again
    if (!m_dirty)
        return;
    m_dirty = false;
    m_backgroundSave = std::async(std::launch::async, &SeenStore::write, m_filePath, m_servers);
}

bool SeenStore::finishBackgroundSave()
{
    if (!m_backgroundSave.valid())
        return true;
    return m_backgroundSave.get();
}

bool SeenStore::save()
{
    m_saveTimer.stop();
    finishBackgroundSave(); // this write has everything: its result does not matter
    if (!write(m_filePath, m_servers))
        return false;
    m_dirty = false;
    return true;
}

bool SeenStore::write(const QString &filePath, const Servers &servers)
{
    QJsonObject serversObject;
    for (auto serverIt = servers.cbegin(); serverIt != servers.cend(); ++serverIt) {
        QJsonObject tickets;
        for (auto it = serverIt->tickets.cbegin(); it != serverIt->tickets.cend(); ++it) {
            QStringList ids(it->seen.noteIds.cbegin(), it->seen.noteIds.cend());
            ids.sort(); // the same state writes the same file
            QJsonObject entry{{QStringLiteral("notes"), QJsonArray::fromStringList(ids)},
                              {QStringLiteral("stats"), it->seen.statisticsCount},
                              {QStringLiteral("t"), it->touched}};
            const QString status = statusText(it->seen.status);
            if (!status.isEmpty())
                entry.insert(QStringLiteral("status"), status);
            tickets.insert(it.key(), entry);
        }
        QStringList queue(serverIt->queue.cbegin(), serverIt->queue.cend());
        queue.sort();
        serversObject.insert(serverIt.key(),
                             QJsonObject{{QStringLiteral("tickets"), tickets},
                                         {QStringLiteral("queue"), QJsonArray::fromStringList(queue)},
                                         {QStringLiteral("t"), serverIt->touched}});
    }
    const QJsonObject root{{QStringLiteral("version"), FormatVersion},
                           {QStringLiteral("servers"), serversObject}};

    QDir().mkpath(QFileInfo(filePath).absolutePath());
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        qCWarning(lcSeen) << "cannot write the seen state" << filePath << file.errorString();
        return false;
    }
    return true;
}

} // namespace CaseLens
