// QueueModel against a real loopback server: paging through canFetchMore /
// fetchMore, filters in the request body, rows and pages that are not as
// documented, the states a view shows, and QAbstractItemModelTester.

#include "app/queuemodel.h"
#include "core/apiclient.h"
#include "support/englishplurals.h"
#include "support/listserverclient.h"
#include "support/ticketpages.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;
using CaseLens::Loopback::HttpResponse;

namespace {

const QString testKey = u"queue-test-key"_s;

QList<QJsonObject> listBodies(const FakeServer &server)
{
    QList<QJsonObject> bodies;
    for (const RecordedRequest &request : server.requests())
        bodies << QJsonDocument::fromJson(request.body).object();
    return bodies;
}

QList<int> requestedPages(const FakeServer &server)
{
    QList<int> pages;
    for (const RecordedRequest &request : server.requests())
        pages << requestedPage(request);
    return pages;
}

} // namespace

class TestQueueModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<ListServerClient> m_api;
    FakeServer *m_server = nullptr;
    ApiClient *m_client = nullptr;
    std::unique_ptr<QueueModel> m_model;

    // Loads page 1 and waits for it.
    bool loadFirstPage()
    {
        m_model->setKeyAvailable(true);
        return QTest::qWaitFor([this] { return m_model->state() != QueueModel::State::Loading; }, 10000);
    }

    // Asks for the next page as a view does, and waits for it.
    bool fetchNextPage()
    {
        if (!m_model->canFetchMore({}))
            return false;
        QSignalSpy finished(m_model.get(), &QueueModel::pageFinished);
        m_model->fetchMore({});
        return finished.wait(10000);
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<ListServerClient>();
        QVERIFY(m_api->start(testKey));
        m_server = &m_api->server;
        m_client = &m_api->client;
        m_model = std::make_unique<QueueModel>(m_client);
        m_model->setReferenceTime(listEpoch().addDays(3));
    }

    void cleanup()
    {
        m_model.reset();
        m_api.reset();
    }

    void asksForNothingUntilAKeyIsThere()
    {
        m_server->setHandler(listHandler(5));
        QCOMPARE(m_model->state(), QueueModel::State::Idle);
        m_model->setKeyAvailable(false);
        QCOMPARE(m_model->state(), QueueModel::State::NoKey);
        QVERIFY(!m_model->canFetchMore({}));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->state(), QueueModel::State::Loaded);
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void threePagesThenStops()
    {
        m_server->setHandler(listHandler(45)); // 20 + 20 + 5
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->rowCount(), 20);
        QCOMPARE(m_model->totalCount(), 45);
        QCOMPARE(m_model->totalPages(), 3);

        QVERIFY(m_model->canFetchMore({}));
        m_model->fetchMore({});
        // One request at a time: a view asking again meanwhile sends nothing.
        QVERIFY(m_model->isFetching());
        QVERIFY(!m_model->canFetchMore({}));
        m_model->fetchMore({});
        QTRY_COMPARE(m_model->rowCount(), 40);
        QVERIFY(fetchNextPage());
        QCOMPARE(m_model->rowCount(), 45);

        // Past the end: page 4 is never asked for.
        QVERIFY(!m_model->canFetchMore({}));
        m_model->fetchMore({});
        QVERIFY(!m_model->isFetching());
        QCOMPARE(requestedPages(*m_server), (QList<int>{1, 2, 3}));
        QCOMPARE(m_server->maxConcurrentRequests("/tickets/fetchOpenTickets"), 1);
        QVERIFY(m_model->pagingMessage().isEmpty());
        QCOMPARE(m_model->index(44).data(QueueModel::CaseNumberRole).toString(), u"Q0000045"_s);
    }

    void aPageAnsweredPastTheEndEndsPaging()
    {
        // The server counts 3 pages, but page 2 is already empty.
        m_server->setHandler([](const RecordedRequest &request) {
            const int page = requestedPage(request);
            if (page == 1)
                return listPage(45, 1);
            return HttpResponse::ticket(listData({}, 45, page, 3));
        });
        QVERIFY(loadFirstPage());
        QVERIFY(fetchNextPage());
        QCOMPARE(m_model->rowCount(), 20);
        QVERIFY(!m_model->canFetchMore({}));
        QVERIFY2(m_model->pagingMessage().contains(u"empty"_s), qPrintable(m_model->pagingMessage()));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void filtersArriveInTheBodyAsDocumented()
    {
        m_server->setHandler(listHandler(3));
        TicketListQuery query;
        query.status = TicketStatus::Closed;
        query.search = u"  export "_s;
        query.priority = Priority::High;
        query.platform = u"winners"_s;
        m_model->setQuery(query);
        QCOMPARE(m_server->requestCount(), 0); // nothing asked before the first load
        QVERIFY(loadFirstPage());
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/tickets/fetchClosedTickets"));
        QCOMPARE(listBodies(*m_server).first(), (QJsonObject{{u"search"_s, u"export"_s},
                                                             {u"priority"_s, 3},
                                                             {u"platform"_s, u"winners"_s},
                                                             {u"page"_s, 1}}));
    }

    void aNewQueryAbortsTheOutstandingOne()
    {
        // The first query's answer is slow; the second one is quick.
        m_server->setHandler([](const RecordedRequest &request) {
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            if (body.value(u"search"_s).toString() == u"second"_s)
                return listPage(2, 1);
            HttpResponse slow = listPage(45, 1);
            slow.delayMs = 1500;
            return slow;
        });
        m_model->setKeyAvailable(true);
        QVERIFY(m_model->isFetching());
        QTRY_COMPARE(m_server->requestCount(), 1);
        TicketListQuery second;
        second.search = u"second"_s;
        m_model->setQuery(second);
        QCOMPARE(m_model->rowCount(), 0); // a new query starts from nothing
        QTRY_COMPARE(m_model->state(), QueueModel::State::Loaded);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->totalCount(), 2);
        QCOMPARE(m_model->query().search, u"second"_s);
    }

    void malformedRowsAreKeptAndMarked()
    {
        QJsonObject noCaseNumber = listRow(1);
        noCaseNumber.remove(u"CaseNumber"_s);
        QJsonObject badPriority = listRow(2);
        badPriority.insert(u"Priority"_s, u"urgent"_s);
        const QJsonArray rows{listRow(0), noCaseNumber, badPriority, 42};
        m_server->enqueue(HttpResponse::ticket(listData(rows, 4, 1, 1)));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->rowCount(), 4); // every row stays listed

        const QModelIndex good = m_model->index(0);
        QVERIFY(!good.data(QueueModel::MarkedRole).toBool());
        QVERIFY(good.data(QueueModel::CanOpenRole).toBool());

        const QModelIndex missing = m_model->index(1);
        QVERIFY(missing.data(QueueModel::MarkedRole).toBool());
        QVERIFY(!missing.data(QueueModel::CanOpenRole).toBool());
        QVERIFY(!m_model->caseNumberAt(1).has_value());
        QVERIFY2(missing.data(Qt::ToolTipRole).toString().contains(u"CaseNumber"_s),
                 qPrintable(missing.data(Qt::ToolTipRole).toString()));

        const QModelIndex priority = m_model->index(2);
        QVERIFY(priority.data(QueueModel::MarkedRole).toBool());
        QVERIFY(priority.data(QueueModel::CanOpenRole).toBool());
        QCOMPARE(priority.data(QueueModel::PriorityTextRole).toString(), u"Priority unknown"_s);
        QVERIFY(priority.data(Qt::ToolTipRole).toString().contains(u"Priority"_s));
        QVERIFY(m_model->index(3).data(QueueModel::MarkedRole).toBool());
    }

    void aMalformedPageKeepsThePagesShown()
    {
        int page2Answers = 0;
        m_server->setHandler([&page2Answers](const RecordedRequest &request) {
            const int page = requestedPage(request);
            if (page == 2 && page2Answers++ == 0) {
                HttpResponse broken;
                broken.body = "{\"Response\":true,\"Data\":{\"Tickets\":[";
                return broken;
            }
            return listPage(45, page);
        });
        QVERIFY(loadFirstPage());
        QVERIFY(fetchNextPage());
        QCOMPARE(m_model->rowCount(), 20);
        QCOMPARE(m_model->state(), QueueModel::State::Loaded);
        QCOMPARE(m_model->pageError().kind(), ErrorKind::MalformedResponse);
        QVERIFY(!m_model->pagingMessage().isEmpty());
        QVERIFY(!m_model->canFetchMore({}));

        // Retry asks for the page that failed, and paging goes on.
        QSignalSpy finished(m_model.get(), &QueueModel::pageFinished);
        m_model->retry();
        QVERIFY(finished.wait());
        QCOMPARE(m_model->rowCount(), 40);
        QVERIFY(m_model->pagingMessage().isEmpty());
        QVERIFY(m_model->canFetchMore({}));
        QCOMPARE(requestedPages(*m_server), (QList<int>{1, 2, 2}));
    }

    void contradictoryPagingStops_data()
    {
        QTest::addColumn<QJsonObject>("secondPage");
        QTest::addColumn<int>("rowsShown");
        QJsonArray rows;
        for (int i = 20; i < 40; ++i)
            rows.append(listRow(i));
        QTest::newRow("page 1 again") << listData(rows, 45, 1, 3) << 20;
        QTest::newRow("page 2 of 1") << listData(rows, 45, 2, 1) << 40;
        QTest::newRow("count and pages disagree") << listData(rows, 45, 2, 99) << 40;
    }

    void contradictoryPagingStops()
    {
        QFETCH(QJsonObject, secondPage);
        QFETCH(int, rowsShown);
        m_server->enqueue(listPage(45, 1));
        m_server->enqueue(HttpResponse::ticket(secondPage));
        m_server->setHandler(listHandler(45));
        QVERIFY(loadFirstPage());
        QVERIFY(fetchNextPage());
        QCOMPARE(m_model->rowCount(), rowsShown);
        QVERIFY(!m_model->pagingMessage().isEmpty());
        QVERIFY(!m_model->canFetchMore({}));
        m_model->fetchMore({});
        QVERIFY(!m_model->isFetching()); // never loops
        QCOMPARE(m_server->requestCount(), 2);
    }

    void contradictoryFirstPageStopsAtOnce()
    {
        QJsonArray rows;
        for (int i = 0; i < 20; ++i)
            rows.append(listRow(i));
        m_server->enqueue(HttpResponse::ticket(listData(rows, 45, 1, 40)));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->rowCount(), 20);
        QVERIFY(!m_model->canFetchMore({}));
        QVERIFY(m_model->pagingMessage().contains(u"45"_s));
    }

    void errorStates_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("needsNewKey");
        QTest::newRow("401") << 401 << u"Invalid or Missing Bearer Token"_s << int(ErrorKind::Unauthorized)
                             << true;
        QTest::newRow("403") << 403 << u"Invalid API Token"_s << int(ErrorKind::Forbidden) << true;
        QTest::newRow("400") << 400 << u"Invalid platform"_s << int(ErrorKind::BadRequest) << false;
    }

    void errorStates()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(int, kind);
        QFETCH(bool, needsNewKey);
        m_server->enqueue(HttpResponse::error(status, message));
        m_server->setHandler(listHandler(3));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->state(), QueueModel::State::Error);
        QCOMPARE(int(m_model->error().kind()), kind);
        QCOMPARE(m_model->error().needsNewKey(), needsNewKey);
        QCOMPARE(m_model->error().serverMessage(), message);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->canFetchMore({}));

        // Retry loads page 1 again.
        m_model->retry();
        QTRY_COMPARE(m_model->state(), QueueModel::State::Loaded);
        QCOMPARE(m_model->rowCount(), 3);
    }

    void aKeyRefusedIsAskedAgainWhenANewKeyArrives()
    {
        m_server->enqueue(HttpResponse::error(401, u"Invalid or Missing Bearer Token"_s));
        m_server->setHandler(listHandler(3));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->state(), QueueModel::State::Error);
        m_model->setKeyAvailable(true); // the window: the key changed
        QTRY_COMPARE(m_model->state(), QueueModel::State::Loaded);
    }

    void noKeyInTheClientIsTheNoKeyState()
    {
        m_client->setApiKey({});
        m_server->setHandler(listHandler(3));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->state(), QueueModel::State::NoKey);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void emptyList()
    {
        m_server->setHandler(listHandler(0));
        QVERIFY(loadFirstPage());
        QCOMPARE(m_model->state(), QueueModel::State::Empty);
        QCOMPARE(m_model->totalCount(), 0);
        QVERIFY(!m_model->canFetchMore({}));
    }

    void rowsSpeakAsOneSentence()
    {
        QJsonObject row{{u"CaseNumber"_s, u"HYXTNJV"_s},
                        {u"Subject"_s, u"Winners list export fails"_s},
                        {u"Date"_s, listEpoch().toString(Qt::ISODateWithMs)},
                        {u"Priority"_s, 3},
                        {u"ResourceAffected"_s, u"Winners"_s}};
        m_server->enqueue(HttpResponse::ticket(listData({row}, 1, 1, 1)));
        QVERIFY(loadFirstPage());
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(QueueModel::AgeTextRole).toString(), u"3 days"_s);
        QCOMPARE(index.data(QueueModel::ProductAreaRole).toString(), u"Winners"_s);
        QCOMPARE(index.data(Qt::AccessibleTextRole).toString(),
                 u"High priority. HYXTNJV: Winners list export fails. Winners. Opened 3 days ago."_s);

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setOpenCases({u"HYXTNJV"_s});
        QCOMPARE(changed.size(), 1);
        QVERIFY(index.data(QueueModel::OpenInTabRole).toBool());
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().endsWith(u"Open in a tab."_s));
    }

    void unreadAndNewRowsAreBold()
    {
        m_server->setHandler(listHandler(45));
        QVERIFY(loadFirstPage());
        const auto bold = [this](const QString &caseNumber) {
            const QModelIndex index = m_model->index(m_model->rowOf(caseNumber));
            const QVariant font = index.data(Qt::FontRole);
            return font.isValid() && font.value<QFont>().bold() &&
                   index.data(QueueModel::UnreadRole).toBool();
        };
        QVERIFY(!m_model->index(0).data(Qt::FontRole).isValid()); // the view's own font
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        // Q0000030 is on page 2, not loaded yet.
        m_model->setUnreadCases({u"Q0000002"_s, u"Q0000030"_s});
        m_model->setNewCases({u"Q0000005"_s});
        QCOMPARE(changed.size(), 2);
        QVERIFY(changed.constFirst().at(2).value<QList<int>>().contains(Qt::FontRole));
        QVERIFY(bold(u"Q0000002"_s));
        QVERIFY(bold(u"Q0000005"_s));
        QVERIFY(!bold(u"Q0000001"_s));
        const auto spoken = [this](const QString &caseNumber) {
            return m_model->index(m_model->rowOf(caseNumber)).data(Qt::AccessibleTextRole).toString();
        };
        QVERIFY2(spoken(u"Q0000002"_s).startsWith(u"Unread changes. "_s), qPrintable(spoken(u"Q0000002"_s)));
        QVERIFY2(spoken(u"Q0000005"_s).startsWith(u"New. "_s), qPrintable(spoken(u"Q0000005"_s)));
        QVERIFY(!spoken(u"Q0000001"_s).contains(u"Unread"_s));

        // The next page brings a marked row in bold; a refresh keeps the marks.
        QVERIFY(fetchNextPage());
        QVERIFY(bold(u"Q0000030"_s));
        QSignalSpy reloaded(m_model.get(), &QueueModel::reloaded);
        m_model->refresh();
        QVERIFY(reloaded.wait());
        QVERIFY(bold(u"Q0000002"_s));
        QVERIFY(bold(u"Q0000005"_s));

        // Seen: the marks go.
        changed.clear();
        m_model->setUnreadCases({});
        m_model->setNewCases({});
        QCOMPARE(changed.size(), 2);
        QVERIFY(!bold(u"Q0000002"_s));
        QVERIFY(!m_model->index(m_model->rowOf(u"Q0000005"_s)).data(Qt::FontRole).isValid());
        m_model->setUnreadCases({}); // no change, no signal
        QCOMPARE(changed.size(), 2);
    }

    void ageTexts()
    {
        const QDateTime now = listEpoch();
        QCOMPARE(QueueModel::ageText(now.addSecs(-20), now), u"just now"_s);
        QCOMPARE(QueueModel::ageText(now.addSecs(-60 * 12), now), u"12 minutes"_s);
        QCOMPARE(QueueModel::ageText(now.addSecs(-3600), now), u"1 hour"_s);
        QCOMPARE(QueueModel::ageText(now.addDays(-1), now), u"1 day"_s);
        QCOMPARE(QueueModel::ageText(now.addDays(-40), now), u"40 days"_s);
        QCOMPARE(QueueModel::ageText(now.addSecs(120), now), u"just now"_s); // clock skew
        QCOMPARE(QueueModel::ageText({}, now), QString());
    }

    void refreshKeepsTheRowsUntilPageOneArrives()
    {
        m_server->setHandler(listHandler(45));
        QVERIFY(loadFirstPage());
        QVERIFY(fetchNextPage());
        QCOMPARE(m_model->rowCount(), 40);
        QSignalSpy reloaded(m_model.get(), &QueueModel::reloaded);
        m_model->refresh();
        QCOMPARE(m_model->rowCount(), 40); // still on show
        QVERIFY(reloaded.wait());
        QCOMPARE(m_model->rowCount(), 20);
        QCOMPARE(m_model->rowOf(u"Q0000007"_s), 6);
        QCOMPARE(requestedPages(*m_server), (QList<int>{1, 2, 1}));
    }

    void passesTheModelTester()
    {
        QAbstractItemModelTester tester(m_model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_server->setHandler(listHandler(45));
        QVERIFY(loadFirstPage());
        // The tester itself calls fetchMore() as it checks: page on until all are in.
        const bool allIn = QTest::qWaitFor([this] {
            if (m_model->canFetchMore({}))
                m_model->fetchMore({});
            return m_model->rowCount() == 45;
        });
        QVERIFY2(allIn, qPrintable(u"%1 rows; %2"_s.arg(m_model->rowCount()).arg(m_model->pagingMessage())));
        m_model->setOpenCases({u"Q0000002"_s});
        QSignalSpy reloaded(m_model.get(), &QueueModel::reloaded);
        m_model->refresh();
        QVERIFY(reloaded.wait());
        TicketListQuery other;
        other.priority = Priority::Low;
        m_model->setQuery(other);
        QTRY_COMPARE(m_model->state(), QueueModel::State::Loaded);
        m_model->setKeyAvailable(false);
        QCOMPARE(m_model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
