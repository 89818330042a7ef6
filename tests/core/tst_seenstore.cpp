#include "core/seenstore.h"

#include "core/ticketparser.h"
#include "support/sampledata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString Server = u"api-v3.sweeppea.com"_s;

// The documented sample (HYXTNJV: notes 101-103, 4 statistics, closed by Dana Whitfield).
Ticket sampleTicket()
{
    const TicketResult result = parseTicketResponse(sampleTicketResponseBytes(), 200, "application/json");
    Q_ASSERT(result.ok());
    return result.ticket;
}

Note note(const QString &id, const QString &html)
{
    return Note{id, QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC), html, {}};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSeenStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void firstLookCountsAsSeen();
    void newNoteAfterMarkSeen();
    void markNotesSeenKeepsOtherChanges();
    void statusChangeIsCalledOut();
    void notesWithoutIdAreKnownByDateAndText();
    void survivesARestart();
    void savesByItselfAfterAChange();
    void corruptFileStartsEmpty_data();
    void corruptFileStartsEmpty();
    void unreadablePathStartsEmpty();
    void fileHoldsNoTicketText();
    void serversAreKeptApart();
    void queueCasesAreRemembered();
    void ticketsAreCapped();
    void serversAreCapped();
    void serverKey_data();
    void serverKey();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSeenStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"state/seen.json"_s); // its folder does not exist yet
}

void TestSeenStore::firstLookCountsAsSeen()
{
    SeenStore store(m_path);
    const Ticket ticket = sampleTicket();
    QVERIFY(!store.seen(Server, ticket.caseNumber));

    const TicketChanges first = store.observe(Server, ticket);
    QVERIFY(first.isEmpty());
    QVERIFY(first.summary().isEmpty());
    QVERIFY(first.headerCallout().isEmpty());

    const std::optional<SeenTicket> seen = store.seen(Server, ticket.caseNumber);
    QVERIFY(seen);
    QCOMPARE(seen->noteIds, (QSet<QString>{u"101"_s, u"102"_s, u"103"_s}));
    QCOMPARE(seen->statisticsCount, 4);
    QCOMPARE(seen->status, TicketStatus::Closed);
    QVERIFY(store.observe(Server, ticket).isEmpty()); // the same ticket again: still nothing new
}

void TestSeenStore::newNoteAfterMarkSeen()
{
    SeenStore store(m_path);
    Ticket ticket = sampleTicket();
    store.markSeen(Server, ticket);

    ticket.notes.append(note(u"104"_s, u"<p>Still failing for me.</p>"_s));
    ticket.notes.append(note(u"105"_s, u"Attached the log."_s));
    ticket.statistics.append(ticket.statistics.constLast());
    const TicketChanges changes = store.observe(Server, ticket);
    QCOMPARE(changes.newNoteIds, (QStringList{u"104"_s, u"105"_s}));
    QCOMPARE(changes.newStatistics, 1);
    QVERIFY(!changes.statusChanged);
    QVERIFY2(changes.summary().startsWith(u"2 new note"_s), qPrintable(changes.summary()));

    // observe() recorded nothing: the agent has not looked yet.
    QCOMPARE(store.observe(Server, ticket).newNoteIds, changes.newNoteIds);
    store.markSeen(Server, ticket);
    QVERIFY(store.observe(Server, ticket).isEmpty());
}

void TestSeenStore::markNotesSeenKeepsOtherChanges()
{
    SeenStore store(m_path);
    Ticket ticket = sampleTicket();
    ticket.status = TicketStatus::Open;
    ticket.closedBy.clear();
    store.markSeen(Server, ticket);

    ticket.notes.append(note(u"104"_s, u"Closing this now."_s));
    ticket.statistics.append(ticket.statistics.constLast());
    ticket.status = TicketStatus::Closed;
    ticket.closedBy = u"Maria Lopez"_s;
    store.markNotesSeen(Server, ticket);

    const TicketChanges changes = store.observe(Server, ticket);
    QVERIFY(changes.newNoteIds.isEmpty());
    QCOMPARE(changes.newStatistics, 1);
    QVERIFY(changes.statusChanged);
    QCOMPARE(changes.summary(), u"closed by Maria Lopez"_s);
}

void TestSeenStore::statusChangeIsCalledOut()
{
    SeenStore store(m_path);
    Ticket ticket = sampleTicket();
    ticket.status = TicketStatus::Open;
    store.markSeen(Server, ticket);

    ticket.notes.append(note(u"104"_s, u"Fixed."_s));
    ticket.status = TicketStatus::Closed;
    ticket.closedBy = u"Maria Lopez"_s;
    const TicketChanges changes = store.observe(Server, ticket);
    QVERIFY(changes.statusChanged);
    QCOMPARE(changes.status, TicketStatus::Closed);
    QCOMPARE(changes.closedBy, u"Maria Lopez"_s);
    QCOMPARE(changes.headerCallout(), u"Closed by Maria Lopez since you last looked"_s);
    QVERIFY2(changes.summary().startsWith(u"1 new note"_s), qPrintable(changes.summary()));
    QVERIFY2(changes.summary().endsWith(u", closed by Maria Lopez"_s), qPrintable(changes.summary()));

    // A status the parser could not read is no change.
    ticket.status = TicketStatus::Unknown;
    QVERIFY(!store.observe(Server, ticket).statusChanged);
}

void TestSeenStore::notesWithoutIdAreKnownByDateAndText()
{
    SeenStore store(m_path);
    Ticket ticket = sampleTicket();
    ticket.notes = {note({}, u"First"_s), note({}, u"Second"_s)};
    store.markSeen(Server, ticket);
    QVERIFY(store.observe(Server, ticket).isEmpty());

    ticket.notes.append(note({}, u"Third"_s)); // same date, other text
    const TicketChanges changes = store.observe(Server, ticket);
    QCOMPARE(changes.newNoteIds.size(), 1);
    QCOMPARE(changes.newNoteIds.constFirst(), seenNoteKey(ticket.notes.constLast()));
    QVERIFY(seenNoteKey(ticket.notes.at(0)) != seenNoteKey(ticket.notes.at(1)));
}

void TestSeenStore::survivesARestart()
{
    Ticket ticket = sampleTicket();
    {
        SeenStore store(m_path);
        store.markSeen(Server, ticket);
        QVERIFY(store.save());
    }
    ticket.notes.append(note(u"104"_s, u"New after the restart."_s));
    SeenStore reopened(m_path);
    const std::optional<SeenTicket> seen = reopened.seen(Server, ticket.caseNumber);
    QVERIFY(seen);
    QCOMPARE(seen->statisticsCount, 4);
    QCOMPARE(seen->status, TicketStatus::Closed);
    // Notes seen before the restart are not new after it; the one added is.
    QCOMPARE(reopened.observe(Server, ticket).newNoteIds, QStringList{u"104"_s});
}

// The store's own save runs on another thread; what changes after it is
// written at exit, and nothing is lost between the two.
void TestSeenStore::savesByItselfAfterAChange()
{
    Ticket second = sampleTicket();
    second.caseNumber = u"ABC1234"_s;
    {
        SeenStore store(m_path);
        store.markSeen(Server, sampleTicket());
        QVERIFY(!QFile::exists(m_path));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_path), SeenStore::SaveDelayMs * 5);
        SeenStore other(m_path);
        QVERIFY(other.seen(Server, u"HYXTNJV"_s));
        QVERIFY(!other.seen(Server, second.caseNumber));
        store.markSeen(Server, second);
    }
    SeenStore reopened(m_path);
    QVERIFY(reopened.seen(Server, u"HYXTNJV"_s));
    QVERIFY(reopened.seen(Server, second.caseNumber));
}

void TestSeenStore::corruptFileStartsEmpty_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("garbage bytes") << QByteArray("\x00\xff{{not json at all", 20);
    QTest::newRow("truncated") << QByteArray(R"({"version":1,"servers":{"a":{"tickets":{)");
    QTest::newRow("an array") << QByteArray(R"([1,2,3])");
    QTest::newRow("servers is a list") << QByteArray(R"({"version":1,"servers":[]})");
    QTest::newRow("another version") << QByteArray(R"({"version":99,"servers":{}})");
}

void TestSeenStore::corruptFileStartsEmpty()
{
    QFETCH(QByteArray, contents);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QVERIFY(writeFile(m_path, contents));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"seen state.*starting afresh"_s));
    SeenStore store(m_path);
    QVERIFY(!store.seen(Server, u"HYXTNJV"_s));
    const Ticket ticket = sampleTicket();
    QVERIFY(store.observe(Server, ticket).isEmpty());
    QVERIFY(store.save());
    SeenStore reopened(m_path); // the next save replaced the file: no warning now
    QVERIFY(reopened.seen(Server, ticket.caseNumber));
}

void TestSeenStore::unreadablePathStartsEmpty()
{
    // A folder where the file should be: it can be neither read nor replaced.
    QVERIFY(QDir().mkpath(m_path));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot read the seen state"_s));
    SeenStore store(m_path);
    const Ticket ticket = sampleTicket();
    QVERIFY(store.observe(Server, ticket).isEmpty());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot write the seen state"_s));
    QVERIFY(!store.save());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot write the seen state"_s)); // again at exit
}

void TestSeenStore::fileHoldsNoTicketText()
{
    const Ticket ticket = sampleTicket();
    {
        SeenStore store(m_path);
        store.markSeen(Server, ticket);
        QVERIFY(store.save());
    }
    const QByteArray file = readAll(m_path);
    QVERIFY(file.contains("HYXTNJV"));
    QVERIFY(!file.contains(ticket.subject.toUtf8()));
    QVERIFY(!file.contains("Winners list"));
    QVERIFY(!file.contains("Maria Lopez"));  // the requester
    QVERIFY(!file.contains("SS-2025-0612")); // a note's text
    QVERIFY(!file.contains("Dana Whitfield"));
}

void TestSeenStore::serversAreKeptApart()
{
    SeenStore store(m_path);
    const Ticket ticket = sampleTicket();
    store.markSeen(Server, ticket);
    QVERIFY(!store.seen(u"127.0.0.1:8080"_s, ticket.caseNumber));
    QVERIFY(store.observe(u"127.0.0.1:8080"_s, ticket).isEmpty());
}

void TestSeenStore::queueCasesAreRemembered()
{
    {
        SeenStore store(m_path);
        QVERIFY(store.knownQueueCases(Server).isEmpty());
        store.rememberQueueCases(Server, {u"AAA1111"_s, u"BBB2222"_s});
        store.rememberQueueCases(Server, {u"CCC3333"_s});
        QVERIFY(store.save());
    }
    SeenStore reopened(m_path);
    QCOMPARE(reopened.knownQueueCases(Server), (QSet<QString>{u"AAA1111"_s, u"BBB2222"_s, u"CCC3333"_s}));
    QVERIFY(reopened.knownQueueCases(u"other.example.com"_s).isEmpty());
}

void TestSeenStore::ticketsAreCapped()
{
    Ticket ticket = sampleTicket();
    {
        SeenStore store(m_path);
        for (int i = 0; i < SeenStore::MaxTicketsPerServer + 10; ++i) {
            ticket.caseNumber = u"C%1"_s.arg(i);
            store.markSeen(Server, ticket);
        }
        // The oldest went; the newest stayed.
        QVERIFY(!store.seen(Server, u"C0"_s));
        QVERIFY(!store.seen(Server, u"C9"_s));
        QVERIFY(store.seen(Server, u"C10"_s));
        QVERIFY(store.save());
    }
    // The order of use survives the file: the next one pushes out C10.
    SeenStore reopened(m_path);
    ticket.caseNumber = u"NEW"_s;
    reopened.markSeen(Server, ticket);
    QVERIFY(!reopened.seen(Server, u"C10"_s));
    QVERIFY(reopened.seen(Server, u"C11"_s));
    QVERIFY(reopened.seen(Server, u"NEW"_s));
}

// A local server on a new port each run (or a staging server tried once)
// must not grow the file for ever: the least recently used server goes.
void TestSeenStore::serversAreCapped()
{
    const Ticket ticket = sampleTicket();
    const auto local = [](int i) { return u"127.0.0.1:%1"_s.arg(40000 + i); };
    {
        SeenStore store(m_path);
        store.markSeen(Server, ticket);
        for (int i = 0; i < SeenStore::MaxServers - 1; ++i)
            store.markSeen(local(i), ticket);
        store.rememberQueueCases(Server, {u"AAA1111"_s}); // the real server is used again
        store.markSeen(local(100), ticket);               // one too many: local(0) goes
        QVERIFY(store.seen(Server, ticket.caseNumber));
        QVERIFY(!store.seen(local(0), ticket.caseNumber));
        QVERIFY(store.seen(local(1), ticket.caseNumber));
        QVERIFY(store.seen(local(100), ticket.caseNumber));
        QVERIFY(store.save());
    }
    // The order of use survives the file: the next new server pushes out local(1).
    SeenStore reopened(m_path);
    reopened.markSeen(u"staging.example.com"_s, ticket);
    QVERIFY(!reopened.seen(local(1), ticket.caseNumber));
    QVERIFY(reopened.seen(local(2), ticket.caseNumber));
    QVERIFY(reopened.seen(Server, ticket.caseNumber));
    QCOMPARE(reopened.knownQueueCases(Server), QSet<QString>{u"AAA1111"_s});
    int servers = 0;
    for (int i = 0; i <= 100; ++i)
        servers += reopened.seen(local(i), ticket.caseNumber) ? 1 : 0;
    QCOMPARE(servers + 2, SeenStore::MaxServers); // + the real one and staging
}

void TestSeenStore::serverKey_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("key");
    QTest::newRow("https") << QUrl(u"https://API-v3.Sweeppea.com"_s) << u"api-v3.sweeppea.com"_s;
    QTest::newRow("default port") << QUrl(u"https://api-v3.sweeppea.com:443/"_s) << u"api-v3.sweeppea.com"_s;
    QTest::newRow("loopback") << QUrl(u"http://127.0.0.1:8080"_s) << u"127.0.0.1:8080"_s;
    QTest::newRow("ipv6") << QUrl(u"http://[::1]:8080"_s) << u"[::1]:8080"_s;
}

void TestSeenStore::serverKey()
{
    QFETCH(QUrl, url);
    QFETCH(QString, key);
    QCOMPARE(SeenStore::serverKey(url), key);
}

QTEST_GUILESS_MAIN(TestSeenStore)
#include "tst_seenstore.moc"
