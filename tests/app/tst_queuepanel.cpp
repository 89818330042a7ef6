// The "My tickets" panel as an agent uses it: real widgets on the offscreen
// platform, a real client and a loopback server.

#include "app/queuemodel.h"
#include "app/queuepanel.h"
#include "core/apiclient.h"
#include "support/englishplurals.h"
#include "support/listserverclient.h"
#include "support/ticketpages.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

template <typename T>
T *byAccessibleName(QWidget *root, const QString &name)
{
    const QList<T *> all = root->findChildren<T *>();
    for (T *widget : all) {
        if (widget->accessibleName() == name)
            return widget;
    }
    return nullptr;
}

QJsonObject lastBody(const FakeServer &server)
{
    return QJsonDocument::fromJson(server.requests().constLast().body).object();
}

} // namespace

class TestQueuePanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<ListServerClient> m_api; // the client the panel asks, and its server
    FakeServer *m_server = nullptr;
    std::unique_ptr<QueuePanel> m_panel;

    QListView *list() const { return m_panel->listView(); }
    QLabel *message() const { return byAccessibleName<QLabel>(m_panel.get(), u"Queue status"_s); }
    QLabel *count() const { return byAccessibleName<QLabel>(m_panel.get(), u"Ticket count"_s); }
    QPushButton *retry() const
    {
        return byAccessibleName<QPushButton>(m_panel.get(), u"Retry loading tickets"_s);
    }

    bool waitUntilSettled() const
    {
        return QTest::qWaitFor([this] { return !m_panel->model()->isFetching(); }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CaseLensTests"_s);
        QCoreApplication::setApplicationName(u"tst_queuepanel"_s);
    }

    void init()
    {
        QSettings().clear();
        m_api = std::make_unique<ListServerClient>();
        QVERIFY(m_api->start(u"panel-test-key"_s));
        m_server = &m_api->server;
        m_panel = std::make_unique<QueuePanel>(&m_api->client);
        // Room for a few rows only, so that page 2 waits for scrolling.
        m_panel->resize(340, 420);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_api.reset();
    }

    void loadsPageOneThenPageTwoByScrolling()
    {
        m_server->setHandler(listHandler(45));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(m_panel->model()->rowCount(), 20);
        QVERIFY(list()->isVisible());
        QCOMPARE(count()->text(), u"45 open"_s);
        QVERIFY(waitUntilSettled());
        QCOMPARE(m_server->requestCount(), 1); // page 2 waits for the agent

        list()->verticalScrollBar()->setValue(list()->verticalScrollBar()->maximum());
        QTRY_COMPARE(m_panel->model()->rowCount(), 40);
        QCOMPARE(requestedPage(m_server->requests().at(1)), 2);
    }

    void enterOpensTheRowsTicket()
    {
        m_server->setHandler(listHandler(45));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(m_panel->model()->rowCount(), 20);
        QList<std::pair<QString, QueuePanel::OpenMode>> opened;
        connect(m_panel.get(), &QueuePanel::openRequested, this,
                [&](const CaseNumber &caseNumber, QueuePanel::OpenMode mode) {
                    opened.append({caseNumber.toString(), mode});
                });
        m_panel->focusList();
        QTRY_VERIFY(list()->hasFocus());
        QTest::keyClick(list(), Qt::Key_End);
        QTest::keyClick(list(), Qt::Key_Home);
        QTest::keyClick(list(), Qt::Key_Down);
        QTest::keyClick(list(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first, u"Q0000002"_s);
        QCOMPARE(opened.first().second, QueuePanel::OpenMode::Foreground);

        // Double-click opens too.
        const QRect third = list()->visualRect(m_panel->model()->index(2));
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, third.center()); // the press before it
        QCOMPARE(opened.size(), 1);                                                // a click only selects
        QTest::mouseDClick(list()->viewport(), Qt::LeftButton, {}, third.center());
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.last().first, u"Q0000003"_s);

        // The context menu's actions, on the current row.
        m_panel->openInBackgroundAction()->trigger();
        QCOMPARE(opened.size(), 3);
        QCOMPARE(opened.last(), std::make_pair(u"Q0000003"_s, QueuePanel::OpenMode::Background));
        m_panel->copyCaseNumberAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Q0000003"_s);
    }

    void refreshKeepsTheSelection()
    {
        m_server->setHandler(listHandler(45));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(m_panel->model()->rowCount(), 20);
        QVERIFY(waitUntilSettled());
        list()->setCurrentIndex(m_panel->model()->index(5));
        QSignalSpy reloaded(m_panel->model(), &QueueModel::reloaded);
        m_panel->refresh();
        QVERIFY(reloaded.wait());
        QCOMPARE(list()->currentIndex().data(QueueModel::CaseNumberRole).toString(), u"Q0000006"_s);
    }

    void theSwitchAndFiltersChangeTheRequest()
    {
        m_server->setHandler(listHandler(3));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(m_server->requestCount(), 1);
        QVERIFY(waitUntilSettled());

        QTest::mouseClick(byAccessibleName<QToolButton>(m_panel.get(), u"Show closed tickets"_s),
                          Qt::LeftButton);
        QTRY_COMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->requests().constLast().path, QByteArray("/tickets/fetchClosedTickets"));
        QTRY_COMPARE(count()->text(), u"3 closed"_s);

        auto *priority = byAccessibleName<QComboBox>(m_panel.get(), u"Priority filter"_s);
        QVERIFY(priority);
        priority->setFocus();
        QTest::keyClick(priority, Qt::Key_End); // High
        QTRY_COMPARE(m_server->requestCount(), 3);
        QCOMPARE(lastBody(*m_server).value(u"priority"_s).toInt(), 3);

        auto *platform = byAccessibleName<QComboBox>(m_panel.get(), u"Product area filter"_s);
        QVERIFY(platform);
        platform->setFocus();
        QTest::keyClick(platform, Qt::Key_Down); // General, the first documented one
        QTRY_COMPARE(m_server->requestCount(), 4);
        QCOMPARE(lastBody(*m_server).value(u"platform"_s).toString(), u"general"_s);

        // Typing searches after a pause; Enter at once, and only once.
        auto *search = byAccessibleName<QLineEdit>(m_panel.get(), u"Search tickets"_s);
        QVERIFY(search);
        QTest::keyClicks(search, u"exp"_s);
        QCOMPARE(m_server->requestCount(), 4);
        QTRY_COMPARE(m_server->requestCount(), 5);
        QCOMPARE(lastBody(*m_server).value(u"search"_s).toString(), u"exp"_s);
        QTest::keyClicks(search, u"ort"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(m_server->requestCount(), 6);
        QCOMPARE(lastBody(*m_server).value(u"search"_s).toString(), u"export"_s);
        auto *timer = m_panel->findChild<QTimer *>();
        QVERIFY(timer);
        QVERIFY(!timer->isActive()); // Enter sent it: no second search follows
        QCOMPARE(m_panel->query().status, TicketStatus::Closed);
    }

    void theStatesAreSaidInline()
    {
        m_server->setHandler(listHandler(0));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(message()->text(), u"No open tickets"_s);
        QVERIFY(message()->isVisible());
        QVERIFY(!list()->isVisible());
        QVERIFY(!retry()->isVisible());

        QTest::mouseClick(byAccessibleName<QToolButton>(m_panel.get(), u"Show closed tickets"_s),
                          Qt::LeftButton);
        QTRY_COMPARE(message()->text(), u"No closed tickets"_s);

        auto *search = byAccessibleName<QLineEdit>(m_panel.get(), u"Search tickets"_s);
        QTest::keyClicks(search, u"nothing"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(message()->text(), u"No tickets match these filters"_s);

        m_panel->setKeyAvailable(false);
        QCOMPARE(message()->text(), u"Add your API key in Settings to see your tickets"_s);
        QVERIFY(!retry()->isVisible());
    }

    void aBadPlatformShowsTheServersMessageAndRetryLoads()
    {
        m_server->enqueue(FakeResponse::error(400, u"Invalid platform. Valid platforms: general, api"_s));
        m_server->setHandler(listHandler(3));
        m_panel->setKeyAvailable(true);
        QTRY_VERIFY(retry()->isVisible());
        QVERIFY2(message()->text().contains(u"Invalid platform. Valid platforms: general, api"_s),
                 qPrintable(message()->text()));
        QVERIFY(!list()->isVisible());
        QTest::mouseClick(retry(), Qt::LeftButton);
        QTRY_VERIFY(list()->isVisible());
        QCOMPARE(m_panel->model()->rowCount(), 3);
        QVERIFY(!message()->isVisible());
    }

    void openTicketsAreMarked()
    {
        m_server->setHandler(listHandler(3));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(m_panel->model()->rowCount(), 3);
        m_panel->setOpenCases({u"Q0000002"_s});
        QVERIFY(m_panel->model()->index(1).data(QueueModel::OpenInTabRole).toBool());
        QVERIFY(!m_panel->model()->index(0).data(QueueModel::OpenInTabRole).toBool());
    }

    void theSwitchAndFiltersAreRemembered()
    {
        m_server->setHandler(listHandler(3));
        QTest::mouseClick(byAccessibleName<QToolButton>(m_panel.get(), u"Show closed tickets"_s),
                          Qt::LeftButton);
        auto *priority = byAccessibleName<QComboBox>(m_panel.get(), u"Priority filter"_s);
        priority->setFocus();
        QTest::keyClick(priority, Qt::Key_Down); // Low
        m_panel->saveState();

        QueuePanel again(&m_api->client);
        again.restoreState();
        QCOMPARE(again.query().status, TicketStatus::Closed);
        QCOMPARE(again.query().priority, Priority::Low);
        QCOMPARE(again.query().platform, QString());
        QCOMPARE(m_server->requestCount(), 0); // restoring asks for nothing
    }

    void everyControlHasAnAccessibleName()
    {
        m_server->setHandler(listHandler(3));
        m_panel->setKeyAvailable(true);
        QTRY_COMPARE(m_panel->model()->rowCount(), 3);
        const QList<QWidget *> widgets = m_panel->findChildren<QWidget *>();
        int controls = 0;
        for (QWidget *widget : widgets) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(m_panel.get()) ||
                widget->parentWidget() != m_panel.get())
                continue;
            ++controls;
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
        QVERIFY(controls >= 6); // switch (2), search, two filters, list
        QCOMPARE(list()->accessibleName(), u"My tickets"_s);
        QCOMPARE(m_panel->model()->index(0).data(Qt::AccessibleTextRole).toString().count(u". "_s), 3);
    }
};

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
