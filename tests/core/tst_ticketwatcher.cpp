#include "core/ticketwatcher.h"

#include "core/apiclient.h"
#include "core/seenstore.h"
#include "support/fakeserver.h"
#include "support/replywait.h"
#include "support/sampledata.h"
#include "support/ticketpages.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using std::chrono::milliseconds;
using std::chrono::seconds;
using TimePoint = std::chrono::steady_clock::time_point;

namespace {

constexpr auto TicketPath = "/tickets/fetchSingleTicket";
constexpr auto OpenListPath = "/tickets/fetchOpenTickets";

// Sets CASELENS_WATCH_INTERVAL while it lives (also when a check fails).
class EnvironmentInterval final
{
public:
    explicit EnvironmentInterval(const QByteArray &value) { qputenv("CASELENS_WATCH_INTERVAL", value); }
    ~EnvironmentInterval() { qunsetenv("CASELENS_WATCH_INTERVAL"); }
    Q_DISABLE_COPY_MOVE(EnvironmentInterval)
};

// Runs the event loop until done() holds; false after timeoutMs. Blocks on
// the next event rather than sleeping: the simulated hour runs hundreds of
// round trips.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    QTimer tick; // an event now and then, so that the timeout is seen when nothing else comes
    tick.start(100);
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QString caseAt(int i)
{
    return u"W%1"_s.arg(i, 6, 10, QLatin1Char('0'));
}

} // namespace

class TestTicketWatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void staysWithinBudgetOverAnHour();
    void noPollWhileAUserRequestWaits();
    void backsOffWhenTheServerIsBusy_data();
    void backsOffWhenTheServerIsBusy();
    void nothingWithoutAKeyOrWhenOff();
    void intervalFromEnvironment();
    void environmentLiftsTheShare();
    void newNoteBetweenPolls();
    void openListAndMissingTicket();
    void loopbackIsNeverOffline();

private:
    void advance(milliseconds by) { m_now += by; }
    // Calls pollDue(); when that sent a poll, waits until it is answered.
    // True when a poll was sent.
    bool pollAndWait();
    [[nodiscard]] int requestsTo(const char *path) const;
    [[nodiscard]] QList<CaseNumber> watch(int tickets) const;

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<TicketWatcher> m_watcher;
    TimePoint m_now;
    QHash<QString, QJsonObject> m_tickets; // what the server has, by case number
    std::function<std::optional<FakeResponse>(const RecordedRequest &)> m_override;
    QList<TimePoint> m_requestTimes; // the simulated time of each request the server saw
};

void TestTicketWatcher::init()
{
    m_now = std::chrono::steady_clock::now();
    m_tickets.clear();
    m_override = nullptr;
    m_requestTimes.clear();

    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_server->setHandler([this](const RecordedRequest &request) {
        m_requestTimes.append(m_now);
        if (m_override) {
            if (std::optional<FakeResponse> response = m_override(request))
                return *response;
        }
        if (request.path == OpenListPath)
            return listPage(25, requestedPage(request));
        const QString caseNumber =
            QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString();
        const auto it = m_tickets.constFind(caseNumber);
        return it == m_tickets.constEnd() ? FakeResponse::error(404, u"Ticket Not Found or Access Denied"_s)
                                          : FakeResponse::ticket(*it);
    });

    m_client = std::make_unique<ApiClient>(m_network.get());
    QVERIFY(!m_client->setBaseUrl(m_server->url()).isError());
    m_client->setApiKey(u"test-key"_s);
    m_client->setRetryPolicy(0, 1ms); // a 429 reaches the watcher at once
    m_client->setTimeout(5s);
    const RateLimiter::Clock clock = [this] { return m_now; };
    m_client->setClock(clock);

    m_watcher = std::make_unique<TicketWatcher>(m_client.get());
    m_watcher->setClock(clock);
}

void TestTicketWatcher::cleanup()
{
    m_override = nullptr; // it may hold a finished test's locals
    m_watcher.reset();
    m_client.reset();
    m_server.reset();
    m_network.reset();
}

bool TestTicketWatcher::pollAndWait()
{
    const int before = m_client->pendingCount();
    m_watcher->pollDue();
    if (m_client->pendingCount() == before)
        return false;
    // The client finishes a call's replies (the watcher's signals) as it
    // lets go of it, in one go: no longer pending means handled.
    if (!waitUntil([&] { return m_client->pendingCount() == before; }))
        qWarning("a poll was not answered");
    return true;
}

int TestTicketWatcher::requestsTo(const char *path) const
{
    return int(std::count_if(m_server->requests().cbegin(), m_server->requests().cend(),
                             [path](const RecordedRequest &request) { return request.path == path; }));
}

QList<CaseNumber> TestTicketWatcher::watch(int tickets) const
{
    QList<CaseNumber> cases;
    for (int i = 0; i < tickets; ++i)
        cases.append(caseNumber(caseAt(i)));
    return cases;
}

void TestTicketWatcher::staysWithinBudgetOverAnHour()
{
    for (int i = 0; i < 30; ++i)
        m_tickets.insert(caseAt(i), sampleTicketData(caseAt(i)));
    QHash<QString, int> polls;
    connect(m_watcher.get(), &TicketWatcher::ticketPolled, this,
            [&polls](const Ticket &ticket) { ++polls[ticket.caseNumber]; });
    int listPolls = 0;
    connect(m_watcher.get(), &TicketWatcher::openListPolled, this, [&listPolls] { ++listPolls; });

    m_watcher->setInterval(1min);
    m_watcher->setWatchedCases(watch(30));
    m_watcher->setWatchOpenList(true);
    QCOMPARE(m_watcher->state(), TicketWatcher::State::Watching);
    QCOMPARE(m_watcher->watchedCount(), 30);
    QCOMPARE(m_watcher->callsPerMinuteBudget(), 15); // 10% of the 150 assumed
    // 31 targets at 15 a minute: the round stretches from 1 minute to 124 s.
    QCOMPARE(m_watcher->effectiveInterval(), milliseconds(124'000));

    const TimePoint start = m_now;
    while (m_now - start < 1h) {
        advance(250ms);
        pollAndWait();
    }

    // Every minute window (sliding, from each request) holds at most 15.
    int busiestMinute = 0;
    milliseconds smallestGap = 1h;
    for (qsizetype i = 0; i < m_requestTimes.size(); ++i) {
        int inWindow = 0;
        for (qsizetype j = i; j < m_requestTimes.size() && m_requestTimes.at(j) - m_requestTimes.at(i) < 1min;
             ++j)
            ++inWindow;
        busiestMinute = std::max(busiestMinute, inWindow);
        if (i > 0)
            smallestGap = std::min(smallestGap, std::chrono::duration_cast<milliseconds>(
                                                    m_requestTimes.at(i) - m_requestTimes.at(i - 1)));
    }
    qInfo("simulated hour: %d requests, at most %d in any minute, at least %lld ms apart; round %lld s",
          int(m_requestTimes.size()), busiestMinute, qlonglong(smallestGap.count()),
          qlonglong(std::chrono::duration_cast<seconds>(m_watcher->effectiveInterval()).count()));
    QVERIFY2(busiestMinute <= 15, qPrintable(QString::number(busiestMinute)));
    QCOMPARE(busiestMinute, 15); // the budget is used, not wasted
    QVERIFY(smallestGap >= 4s);  // spread over the round, never a burst
    QCOMPARE(m_requestTimes.size(), 900);

    // Every target is polled in turn: 29 rounds of 124 s in the hour.
    QCOMPARE(polls.size(), 30);
    for (auto it = polls.cbegin(); it != polls.cend(); ++it)
        QVERIFY2(it.value() >= 29 && it.value() <= 30, qPrintable(it.key()));
    QVERIFY(listPolls >= 29 && listPolls <= 30);
    QCOMPARE(m_server->maxConcurrentRequests(), 1);
}

void TestTicketWatcher::noPollWhileAUserRequestWaits()
{
    m_tickets.insert(u"AAA1111"_s, sampleTicketData(u"AAA1111"_s));
    m_tickets.insert(u"BBB2222"_s, sampleTicketData(u"BBB2222"_s));
    bool holdUser = true;
    m_override = [&holdUser, this](const RecordedRequest &request) -> std::optional<FakeResponse> {
        if (!holdUser || !request.body.contains("BBB2222"))
            return std::nullopt;
        FakeResponse response = FakeResponse::ticket(m_tickets.value(u"BBB2222"_s));
        response.delayMs = 300; // on the wire a while
        return response;
    };
    m_watcher->setInterval(1min);
    m_watcher->setWatchedCases({caseNumber(u"AAA1111"_s)});
    advance(61s); // AAA1111 is due

    // The agent fetches another ticket (another case, same endpoint).
    TicketReply *user = m_client->fetchTicket(caseNumber(u"BBB2222"_s));
    m_watcher->pollDue();
    QCOMPARE(m_client->pendingCount(), 1); // the poll is not even queued
    QVERIFY(waitUntil([&] { return m_server->requestCount() == 1; }));
    m_watcher->pollDue(); // on the wire now: still waiting
    QCOMPARE(m_client->pendingCount(), 1);
    QVERIFY(waitForFinished(user));
    QVERIFY(user->ok());
    QCOMPARE(m_server->requestCount(), 1);
    delete user;

    // Then the watcher goes on by itself (its own timer looks again).
    QSignalSpy polled(m_watcher.get(), &TicketWatcher::ticketPolled);
    QVERIFY(polled.wait(5000));
    QCOMPARE(polled.constFirst().constFirst().value<Ticket>().caseNumber, u"AAA1111"_s);
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY(m_server->requests().at(0).body.contains("BBB2222"));
    QVERIFY(m_server->requests().at(1).body.contains("AAA1111"));
}

void TestTicketWatcher::backsOffWhenTheServerIsBusy_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("429") << 429;
    QTest::newRow("503") << 503;
}

void TestTicketWatcher::backsOffWhenTheServerIsBusy()
{
    QFETCH(int, status);
    m_tickets.insert(u"AAA1111"_s, sampleTicketData(u"AAA1111"_s));
    bool busy = true;
    m_override = [&busy, status](const RecordedRequest &) -> std::optional<FakeResponse> {
        if (!busy)
            return std::nullopt;
        return FakeResponse::error(status, u"Slow down"_s);
    };
    m_watcher->setInterval(1min);
    m_watcher->setWatchedCases({caseNumber(u"AAA1111"_s)});
    QCOMPARE(m_watcher->effectiveInterval(), milliseconds(1min));

    advance(1min);
    QVERIFY(pollAndWait());
    QCOMPARE(m_watcher->state(), TicketWatcher::State::BackingOff);
    QCOMPARE(m_watcher->effectiveInterval(), milliseconds(2min));

    // Not at the normal time...
    advance(1min);
    QVERIFY(!pollAndWait());
    // ...but twice as late; busy again: twice as late again.
    advance(1min);
    QVERIFY(pollAndWait());
    QCOMPARE(m_watcher->effectiveInterval(), milliseconds(4min));
    QCOMPARE(m_server->requestCount(), 2);

    // The first success: back to normal.
    busy = false;
    QSignalSpy stateChanged(m_watcher.get(), &TicketWatcher::stateChanged);
    advance(4min);
    QVERIFY(pollAndWait());
    QCOMPARE(m_watcher->state(), TicketWatcher::State::Watching);
    QCOMPARE(m_watcher->effectiveInterval(), milliseconds(1min));
    QVERIFY(!stateChanged.isEmpty());
    advance(1min);
    QVERIFY(pollAndWait());
    QCOMPARE(m_server->requestCount(), 4);
}

void TestTicketWatcher::nothingWithoutAKeyOrWhenOff()
{
    m_tickets.insert(u"AAA1111"_s, sampleTicketData(u"AAA1111"_s));
    m_watcher->setInterval(1min);
    m_watcher->setWatchedCases({caseNumber(u"AAA1111"_s)});
    m_watcher->setWatchOpenList(true);

    QSignalSpy stateChanged(m_watcher.get(), &TicketWatcher::stateChanged);
    m_watcher->setKeyAvailable(false);
    QCOMPARE(m_watcher->state(), TicketWatcher::State::NoKey);
    QCOMPARE(stateChanged.size(), 1);
    for (int i = 0; i < 10; ++i) {
        advance(1min);
        QVERIFY(!pollAndWait());
    }

    m_watcher->setKeyAvailable(true);
    m_watcher->setInterval(std::nullopt);
    QCOMPARE(m_watcher->state(), TicketWatcher::State::Off);
    for (int i = 0; i < 10; ++i) {
        advance(1min);
        QVERIFY(!pollAndWait());
    }
    QCOMPARE(m_client->pendingCount(), 0);
    QCOMPARE(m_server->requestCount(), 0);

    // Back on: the first poll waits for its turn (the window just fetched).
    m_watcher->setInterval(1min);
    QCOMPARE(m_watcher->state(), TicketWatcher::State::Watching);
    QVERIFY(!pollAndWait());
    advance(30s);
    QVERIFY(pollAndWait());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestTicketWatcher::intervalFromEnvironment()
{
    {
        const EnvironmentInterval environment("5");
        QCOMPARE(TicketWatcher::intervalFromEnvironment(), std::optional<seconds>(5s));
        TicketWatcher watcher(m_client.get());
        watcher.setClock([this] { return m_now; });
        watcher.setInterval(10min); // Settings lose to the environment
        QVERIFY(watcher.isIntervalFromEnvironment());
        QCOMPARE(watcher.interval(), std::optional<seconds>(5s));
        watcher.setWatchedCases({caseNumber(u"AAA1111"_s)});
        watcher.setWatchOpenList(true);
        QCOMPARE(watcher.effectiveInterval(), milliseconds(5s)); // exact: 2.5 s each
        watcher.setInterval(std::nullopt);
        QCOMPARE(watcher.state(), TicketWatcher::State::Watching);
    }
    for (const QByteArray &ignored :
         {QByteArray("4"), QByteArray("0"), QByteArray("-10"), QByteArray("soon")}) {
        const EnvironmentInterval environment(ignored);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"CASELENS_WATCH_INTERVAL.*ignored"_s));
        TicketWatcher watcher(m_client.get());
        QVERIFY(!watcher.isIntervalFromEnvironment());
        QCOMPARE(watcher.interval(), std::optional<seconds>(TicketWatcher::DefaultInterval));
    }
    QVERIFY(!TicketWatcher::intervalFromEnvironment()); // unset
    // Settings: at least a minute.
    m_watcher->setInterval(10s);
    QCOMPARE(m_watcher->interval(), std::optional<seconds>(1min));
}

void TestTicketWatcher::environmentLiftsTheShare()
{
    const EnvironmentInterval environment("60");
    TicketWatcher watcher(m_client.get());
    watcher.setWatchedCases(watch(30));
    watcher.setWatchOpenList(true);
    QCOMPARE(watcher.callsPerMinuteBudget(), 0);
    // 31 targets in a minute (not 124 s): only the client's 150 a minute bound it.
    QCOMPARE(watcher.effectiveInterval(), milliseconds(31 * 1936));

    const EnvironmentInterval fast("5");
    TicketWatcher fastWatcher(m_client.get());
    fastWatcher.setWatchedCases(watch(30));
    fastWatcher.setWatchOpenList(true);
    // 5 s for 31 targets would be 372 a minute: the client's 150 hold (400 ms apart).
    QCOMPARE(fastWatcher.effectiveInterval(), milliseconds(31 * 400));
}

void TestTicketWatcher::newNoteBetweenPolls()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SeenStore store(dir.filePath(u"seen.json"_s));
    const QString server = SeenStore::serverKey(m_client->baseUrl());
    m_tickets.insert(u"AAA1111"_s, sampleTicketData(u"AAA1111"_s));

    QList<Ticket> polled;
    connect(m_watcher.get(), &TicketWatcher::ticketPolled, this,
            [&polled](const Ticket &ticket) { polled.append(ticket); });
    m_watcher->setInterval(1min);
    m_watcher->setWatchedCases({caseNumber(u"AAA1111"_s)});

    advance(1min);
    QVERIFY(pollAndWait());
    QCOMPARE(polled.size(), 1);
    QVERIFY(store.observe(server, polled.constLast()).isEmpty()); // the first look

    // A customer adds a note on the server.
    QJsonObject data = m_tickets.value(u"AAA1111"_s);
    QJsonArray notes = data.value(u"Notes").toArray();
    notes.append(QJsonObject{{u"Id"_s, 104},
                             {u"Date"_s, u"2026-12-03T09:10:00.000Z"_s},
                             {u"Note"_s, u"<p>Still failing after the update.</p>"_s}});
    data.insert(u"Notes"_s, notes);
    m_tickets.insert(u"AAA1111"_s, data);

    advance(1min);
    QVERIFY(pollAndWait());
    QCOMPARE(polled.size(), 2);
    QCOMPARE(polled.constLast().notes.size(), 4);
    QCOMPARE(polled.constLast().notes.constLast().html, u"<p>Still failing after the update.</p>"_s);
    const TicketChanges changes = store.observe(server, polled.constLast());
    QCOMPARE(changes.newNoteIds, QStringList{u"104"_s});
    QVERIFY(!changes.statusChanged);
    QCOMPARE(changes.newStatistics, 0);
}

void TestTicketWatcher::openListAndMissingTicket()
{
    QSignalSpy lists(m_watcher.get(), &TicketWatcher::openListPolled);
    QSignalSpy failures(m_watcher.get(), &TicketWatcher::pollFailed);
    m_watcher->setInterval(1min);
    m_watcher->setWatchOpenList(true);
    m_watcher->setWatchedCases({caseNumber(u"GONE404"_s)}); // the server does not have it

    advance(1min);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"background refresh of.*failed"_s));
    QVERIFY(pollAndWait());
    advance(1min);
    QVERIFY(pollAndWait());
    QCOMPARE(lists.size(), 1);
    QCOMPARE(lists.constFirst().constFirst().value<TicketList>().tickets.size(), 20);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.constFirst().at(0).toString(), u"GONE404"_s);
    QCOMPARE(failures.constFirst().at(1).value<Error>().kind(), ErrorKind::NotFound);
    QCOMPARE(requestsTo(OpenListPath), 1);
    QCOMPARE(requestsTo(TicketPath), 1);
    // A missing ticket is no reason to slow down.
    QCOMPARE(m_watcher->state(), TicketWatcher::State::Watching);

    // A tab closed: its ticket is no longer polled.
    m_watcher->setWatchedCases({});
    QCOMPARE(m_watcher->watchedCount(), 0);
    for (int i = 0; i < 3; ++i) {
        advance(1min);
        QVERIFY(pollAndWait());
    }
    QCOMPARE(requestsTo(TicketPath), 1);
    QCOMPARE(requestsTo(OpenListPath), 4);
}

void TestTicketWatcher::loopbackIsNeverOffline()
{
    // The fake server is on 127.0.0.1: whatever the system's network
    // information says (a machine without a default route says Disconnected),
    // the watcher watches, and does not even load the backend to ask.
    m_watcher->setInterval(1min);
    m_watcher->setWatchedCases({caseNumber(u"AAA1111"_s)});
    QCOMPARE(m_watcher->state(), TicketWatcher::State::Watching);
    QVERIFY(!QNetworkInformation::instance());
}

QTEST_GUILESS_MAIN(TestTicketWatcher)
#include "tst_ticketwatcher.moc"
