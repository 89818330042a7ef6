#pragma once

#include "core/ticket.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <future>
#include <optional>

class QUrl;

namespace CaseLens {

// How a note is known in the seen state: its Id, or (a note without one)
// its date and a hash of its html, so that the same note read again is the
// same note. The views mark new notes by this key too.
[[nodiscard]] QString seenNoteKey(const Note &note);

// What the agent has seen of one ticket: nothing else of it is kept (no
// subject, no text), so the file holds no customer data.
struct SeenTicket
{
    QSet<QString> noteIds; // seenNoteKey() of each note
    int statisticsCount = 0;
    TicketStatus status = TicketStatus::Unknown;

    [[nodiscard]] static SeenTicket from(const Ticket &ticket);
};

// What is new in a ticket compared with what was seen.
struct TicketChanges
{
    QStringList newNoteIds; // seenNoteKey()s, in the ticket's order
    int newStatistics = 0;
    bool statusChanged = false;
    TicketStatus status = TicketStatus::Unknown; // the ticket's, when statusChanged
    QString closedBy;                            // when statusChanged to Closed

    [[nodiscard]] bool isEmpty() const;
    // Translated, short: "2 new notes", "closed by Maria Lopez", "1 new note,
    // closed by Maria Lopez"; empty when nothing changed.
    [[nodiscard]] QString summary() const;
    // "Closed by Maria Lopez since you last looked"; empty without a status change.
    [[nodiscard]] QString headerCallout() const;
};

[[nodiscard]] TicketChanges compareTicket(const SeenTicket &seen, const Ticket &ticket);

// What the agent has seen, per server and ticket, kept in one small JSON file
// for the whole app (../docs/architecture.md, "Watching"):
//   {"version": 1, "servers": {"host:port": {"tickets": {"CASE": {"notes": [ids],
//    "stats": n, "status": "open"|"closed", "t": n}}, "queue": [cases]}}}
// "t" orders tickets by last use: past MaxTicketsPerServer the least recently
// touched are forgotten, so the file cannot grow without bound. A file that
// cannot be read or is not of this shape is logged and replaced on the next
// save: the seen state is a convenience, never a reason to fail.
class SeenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeenStore)

public:
    static constexpr int FormatVersion = 1;
    static constexpr int MaxTicketsPerServer = 2000;
    static constexpr int MaxQueueCasesPerServer = 5000;
    // A server not used for a while is forgotten past this many: a loopback
    // or staging server with a new port each run must not grow the file.
    static constexpr int MaxServers = 16;
    // Every save rewrites the whole file (it can reach megabytes with
    // thousands of notes): changes are gathered for a while first, and the
    // store's own saves are made on a thread of their own.
    static constexpr int SaveDelayMs = 10000;

    // Loads filePath at once.
    explicit SeenStore(QString filePath, QObject *parent = nullptr);
    // Writes what is not written yet.
    ~SeenStore() override;

    // QStandardPaths::AppDataLocation + "/seen.json".
    [[nodiscard]] static QString defaultFilePath();
    // The key a server's tickets are kept under: the base URL's host[:port]
    // (lower case; the scheme's default port left out).
    [[nodiscard]] static QString serverKey(const QUrl &baseUrl);

    [[nodiscard]] QString filePath() const { return m_filePath; }

    [[nodiscard]] std::optional<SeenTicket> seen(const QString &server, const QString &caseNumber) const;

    // The first look at a ticket (nothing recorded) records everything in it
    // as seen and returns no changes: nothing is "new" on a first look.
    // Afterwards it returns what is new and records nothing: the agent has
    // not looked yet.
    TicketChanges observe(const QString &server, const Ticket &ticket);
    // Everything in the ticket is now seen.
    void markSeen(const QString &server, const Ticket &ticket);
    // Only its notes (the Notes tab was shown); statistics and status keep
    // what was seen (everything, when nothing was recorded).
    void markNotesSeen(const QString &server, const Ticket &ticket);

    // The open-tickets list: case numbers already known (one not among them
    // is new in the queue). rememberQueueCases adds to them.
    [[nodiscard]] QSet<QString> knownQueueCases(const QString &server) const;
    void rememberQueueCases(const QString &server, const QSet<QString> &cases);

    // Writes the file now (atomically, QSaveFile), after a background save
    // still running. The owner calls it at exit (the destructor does too).
    // False (logged) when it cannot write.
    bool save();

private:
    struct Entry
    {
        SeenTicket seen;
        qint64 touched = 0; // m_sequence when last recorded
    };
    struct Server
    {
        QHash<QString, Entry> tickets; // by case number
        QSet<QString> queue;
        qint64 touched = 0; // m_sequence when last used
    };

    using Servers = QHash<QString, Server>;

    void load();
    void record(const QString &server, const QString &caseNumber, const SeenTicket &seen);
    // The server's state, marked as the most recently used; the least
    // recently used other one goes past MaxServers.
    Server &use(const QString &server);
    void changed();
    // SaveDelayMs after a change: a copy of the state (implicitly shared, so
    // no copying on this thread) is serialised and written on another
    // thread; the window never waits for the disk.
    void saveInBackground();
    // Waits for a background save; false when it failed (the state is then
    // written again).
    bool finishBackgroundSave();
    [[nodiscard]] static bool write(const QString &filePath, const Servers &servers);

    QString m_filePath;
    Servers m_servers;
    qint64 m_sequence = 0;
    bool m_dirty = false;
    QTimer m_saveTimer;
    std::future<bool> m_backgroundSave;
};

} // namespace CaseLens
