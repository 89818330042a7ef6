#include "support/englishplurals.h"
#include "support/throwawaysettings.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/activitychart.h"
#include "ticketview/badge.h"
#include "ticketview/elidedlabel.h"
#include "ticketview/filesmodel.h"
#include "ticketview/filestab.h"
#include "ticketview/headerfacts.h"
#include "ticketview/itemviewlinks.h"
#include "ticketview/notesmodel.h"
#include "ticketview/notestab.h"
#include "ticketview/rawtab.h"
#include "ticketview/requestertab.h"
#include "ticketview/safetextbrowser.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/statisticstab.h"
#include "ticketview/tabletab.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_TicketView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tabsForSampleTicket();
    void headerForSampleTicket();
    void headerWhoAndWhen();
    void headerLongOpen();
    void headerChips();
    void surveyAndIssueReading_data();
    void surveyAndIssueReading();
    void headerUpdatedAge();
    void headerCollapsesWhenShort();
    void subjectIsPlainText();
    void hugeSubjectDoesNotFreeze();
    void emptyStates();
    void blankView();
    void hostileTicket();
    void warnings();
    void showTab();
    void copyCaseNumber();
    void fileLinks();
    void overviewLinks();
    void requesterLinks();
    void requesterDetails();
    void rawTab();
    void notesTab();
    void noteLinks();
    void statisticsTab();
    void largeTicketIsFast();
    void accessibleNames();

private:
    // The notes' order and "Show views" are remembered: not in the user's settings.
    Testing::ThrowawaySettings m_settings{QStringLiteral("tst_ticketview")};
};

namespace {

template <typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qFatal("no child %s", qPrintable(name));
    return widget;
}

} // namespace

void tst_TicketView::tabsForSampleTicket()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    QCOMPARE(view.tabCount(), 7);
    QCOMPARE(view.tabTitle(0), QStringLiteral("Overview"));
    QCOMPARE(view.tabTitle(1), QStringLiteral("Notes (3)"));
    QCOMPARE(view.tabTitle(2), QStringLiteral("Statistics (4)"));
    QCOMPARE(view.tabTitle(3), QStringLiteral("Collaborators (1)"));
    QCOMPARE(view.tabTitle(4), QStringLiteral("Files (1)"));
    QCOMPARE(view.tabTitle(5), QStringLiteral("Requester"));
    QCOMPARE(view.tabTitle(6), QStringLiteral("Raw"));
    QCOMPARE(view.ticket().caseNumber, QStringLiteral("HYXTNJV"));
}

void tst_TicketView::headerForSampleTicket()
{
    TicketView view;
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTicket(Testing::sampleTicket());
    QCOMPARE(child<QLabel>(view, QStringLiteral("caseNumber"))->text(), QStringLiteral("HYXTNJV"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("caseNumber"))->textFormat(), Qt::PlainText);
    auto *status = child<Badge>(view, QStringLiteral("statusBadge"));
    QCOMPARE(status->text(), QStringLiteral("Closed"));
    QCOMPARE(status->icon(), Badge::Icon::Closed);
    auto *priority = child<Badge>(view, QStringLiteral("priorityBadge"));
    QCOMPARE(priority->text(), QStringLiteral("High priority"));
    QCOMPARE(priority->icon(), Badge::Icon::PriorityHigh);
    QCOMPARE(child<QLabel>(view, QStringLiteral("productArea"))->text(),
             QStringLiteral("Product area: \u2068Winners\u2069"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("views"))->text(), QStringLiteral("42 views"));
    QVERIFY(child<QLabel>(view, QStringLiteral("pinned"))->isVisible());
    QCOMPARE(child<QProgressBar>(view, QStringLiteral("completion"))->value(), 100);

    const QString created = child<QLabel>(view, QStringLiteral("created"))->text();
    QVERIFY2(created.contains(QLocale().toString(
                 QDateTime(QDate(2025, 1, 26), QTime(10, 0), Qt::UTC).toLocalTime(), QLocale::ShortFormat)),
             qPrintable(created));
    QVERIFY2(created.contains(QStringLiteral("ago")), qPrintable(created));
    auto *closed = child<QLabel>(view, QStringLiteral("closed"));
    QVERIFY(closed->isVisible());
    QVERIFY2(closed->text().contains(QStringLiteral("by \u2068Dana Whitfield\u2069")),
             qPrintable(closed->text()));
    QVERIFY2(closed->text().contains(QStringLiteral("2 days 6 hours after it was opened")),
             qPrintable(closed->text()));
    QVERIFY(!child<QToolButton>(view, QStringLiteral("warningsButton"))->isVisible());

    auto *subject = child<ElidedLabel>(view, QStringLiteral("subject"));
    QCOMPARE(subject->fullText(), Testing::sampleTicket().subject);
    QVERIFY(subject->text().contains(QStringLiteral("Winners list export")));
}

// Who asked, and what happened last: the requester opens the Requester tab
// (click or Enter); the age and the last note are relative to the header's now.
void tst_TicketView::headerWhoAndWhen()
{
    TicketView view;
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    Ticket ticket = Testing::sampleTicket(); // created 26 Jan 10:00 UTC, last note 28 Jan 16:40
    const QDateTime now(QDate(2025, 1, 31), QTime(16, 40), Qt::UTC);
    view.setTicket(ticket);
    view.header()->setTicket(ticket, now);

    auto *requester = child<QPushButton>(view, QStringLiteral("requesterButton"));
    QCOMPARE(requester->text(), QStringLiteral("⁨Maria Lopez⁩ <⁨maria.lopez@example.com⁩>"));
    QVERIFY(requester->isVisible());
    QTest::mouseClick(requester, Qt::LeftButton);
    QCOMPARE(view.currentTab(), int(TicketView::RequesterTabIndex));
    view.showTab(TicketView::OverviewTabIndex);
    requester->setFocus();
    QTest::keyClick(requester, Qt::Key_Return);
    QCOMPARE(view.currentTab(), int(TicketView::RequesterTabIndex));

    auto *activity = child<QLabel>(view, QStringLiteral("lastActivity"));
    QCOMPARE(activity->text(), QStringLiteral("Opened 5 days ago · Last note 3 days ago"));
    QVERIFY(activity->toolTip().contains(QLocale().toString(
        QDateTime(QDate(2025, 1, 28), QTime(16, 40), Qt::UTC).toLocalTime(), QLocale::LongFormat)));

    // No notes on an open ticket: nobody has answered.
    ticket.notes.clear();
    ticket.status = TicketStatus::Open;
    view.header()->setTicket(ticket, now);
    QCOMPARE(activity->text(), QStringLiteral("Opened 5 days ago · No reply yet"));

    // A name with '&' shows it (a button would take it as a mnemonic), and
    // no requester at all means no button.
    ticket.requester.fullName = QStringLiteral("Tom & Jerry");
    ticket.requester.email.clear();
    view.header()->setTicket(ticket, now);
    QCOMPARE(requester->text(), QStringLiteral("⁨Tom && Jerry⁩"));
    ticket.requester = {};
    view.header()->setTicket(ticket, now);
    QVERIFY(!requester->isVisible());
}

void tst_TicketView::headerLongOpen()
{
    TicketView view;
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Ticket ticket = Testing::sampleTicket();
    ticket.status = TicketStatus::Open;
    ticket.closeDate = {};
    view.setTicket(ticket);
    auto *badge = child<Badge>(view, QStringLiteral("longOpenBadge"));

    view.header()->setTicket(ticket, ticket.created.addDays(20).addSecs(3 * 3600));
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("Long open"));
    QVERIFY2(badge->toolTip().contains(QStringLiteral("Open for 20 days 3 hours")),
             qPrintable(badge->toolTip()));

    view.header()->setTicket(ticket, ticket.created.addDays(10));
    QVERIFY(!badge->isVisible());
    ticket.status = TicketStatus::Closed; // closed tickets are never "long open"
    view.header()->setTicket(ticket, ticket.created.addDays(90));
    QVERIFY(!badge->isVisible());
}

// The survey rating and the GitHub issue as chips; the chip opens only https.
void tst_TicketView::headerChips()
{
    TicketView view;
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Ticket ticket = Testing::sampleTicket();
    view.setTicket(ticket);
    auto *survey = child<Badge>(view, QStringLiteral("surveyChip"));
    auto *gitHub = child<QToolButton>(view, QStringLiteral("gitHubChip"));
    QVERIFY(survey->isVisible());
    QCOMPARE(survey->text(), QStringLiteral("Survey: ⁨5⁩"));
    QVERIFY(gitHub->isVisible());
    QCOMPARE(gitHub->text(), QStringLiteral("GitHub issue #1842"));

    QSignalSpy links(&view, &TicketView::httpsLinkActivated);
    gitHub->click();
    QCOMPARE(links.count(), 1);
    QCOMPARE(links.at(0).at(0).toUrl(),
             QUrl(QStringLiteral("https://github.com/sweeppea/platform/issues/1842")));

    ticket.survey = QJsonValue(QJsonObject{{QStringLiteral("Comment"), QStringLiteral("no rating here")}});
    ticket.gitHubIssue =
        QJsonValue(QJsonObject{{QStringLiteral("Url"), QStringLiteral("javascript:alert(1)")}});
    view.setTicket(ticket);
    QVERIFY(!survey->isVisible());
    QVERIFY(!gitHub->isVisible());
    gitHub->click();
    QCOMPARE(links.count(), 1);
}

void tst_TicketView::surveyAndIssueReading_data()
{
    QTest::addColumn<QJsonValue>("survey");
    QTest::addColumn<QString>("rating");
    QTest::addColumn<QJsonValue>("issue");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("number");
    const auto object = [](const char *json) { return QJsonValue(QJsonDocument::fromJson(json).object()); };
    const auto array = [](const char *json) { return QJsonValue(QJsonDocument::fromJson(json).array()); };
    QTest::newRow("absent") << QJsonValue() << QString() << QJsonValue() << QString() << QString();
    QTest::newRow("scalars") << QJsonValue(4) << QStringLiteral("4")
                             << QJsonValue(QStringLiteral("https://github.com/o/r/issues/12"))
                             << QStringLiteral("https://github.com/o/r/issues/12") << QStringLiteral("12");
    QTest::newRow("objects") << object(R"({"score": 4, "outOf": 5})") << QStringLiteral("4/5")
                             << object(R"({"html_url": "https://github.com/o/r/pull/7", "number": 7})")
                             << QStringLiteral("https://github.com/o/r/pull/7") << QStringLiteral("7");
    QTest::newRow("arrays") << array(R"([{"Rating": "Good"}])") << QStringLiteral("Good")
                            << array(R"([1842, "https://github.com/o/r/issues/1842"])")
                            << QStringLiteral("https://github.com/o/r/issues/1842") << QStringLiteral("1842");
    QTest::newRow("unreadable") << object(R"({"Rating": {"a": 1}})") << QString()
                                << object(R"({"Url": "http://github.com/o/r/issues/1", "Number": 1})")
                                << QString() << QString();
    QTest::newRow("hostile") << QJsonValue(QStringLiteral("  ")) << QString()
                             << QJsonValue(QStringLiteral("file:///etc/passwd")) << QString() << QString();
    QTest::newRow("odd types") << QJsonValue(true) << QString() << QJsonValue(1842) << QString() << QString();
}

void tst_TicketView::surveyAndIssueReading()
{
    QFETCH(QJsonValue, survey);
    QFETCH(QString, rating);
    QFETCH(QJsonValue, issue);
    QFETCH(QString, url);
    QFETCH(QString, number);
    QCOMPARE(surveyRatingText(survey), rating);
    const IssueLink link = gitHubIssueLink(issue);
    QCOMPARE(link.url.toString(), url);
    QCOMPARE(link.number, number);
}

void tst_TicketView::headerUpdatedAge()
{
    TicketView view;
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTicket(Testing::sampleTicket());
    auto *updated = child<QLabel>(view, QStringLiteral("updatedAge"));
    QVERIFY(!updated->isVisible()); // nothing loaded it yet

    const QDateTime loaded(QDate(2026, 3, 2), QTime(14, 2), Qt::UTC);
    view.header()->setUpdatedAt(loaded, loaded.addSecs(30));
    QVERIFY(updated->isVisible());
    QCOMPARE(updated->text(), QStringLiteral("Updated just now"));
    view.header()->updateAges(loaded.addSecs(150));
    QCOMPARE(updated->text(), QStringLiteral("Updated 2 minutes ago"));
    view.header()->updateAges(loaded.addSecs(3 * 3600));
    QCOMPARE(updated->text(), QStringLiteral("Updated 3 hours ago"));
}

// On a short window the header is one line: case, subject, status, priority
// and the actions; the rest comes back when there is room again.
void tst_TicketView::headerCollapsesWhenShort()
{
    TicketView view;
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTicket(Testing::sampleTicket());
    TicketHeader *header = view.header();
    auto *caseNumber = child<QLabel>(view, QStringLiteral("caseNumber"));
    auto *status = child<Badge>(view, QStringLiteral("statusBadge"));
    auto *priority = child<Badge>(view, QStringLiteral("priorityBadge"));
    auto *area = child<QLabel>(view, QStringLiteral("productArea"));
    auto *requester = child<QPushButton>(view, QStringLiteral("requesterButton"));
    QVERIFY(!header->isCompact());
    QVERIFY(area->isVisible() && requester->isVisible());
    const int fullHeight = header->height();

    const auto sameLine = [caseNumber](const QWidget *w) {
        const int y = w->mapTo(w->window(), w->rect().center()).y();
        const QRect line(caseNumber->mapTo(caseNumber->window(), QPoint(0, 0)), caseNumber->size());
        return y >= line.top() && y <= line.bottom();
    };
    QVERIFY(!sameLine(status));

    view.resize(1100, 500);
    QTRY_VERIFY(header->isCompact());
    QTRY_VERIFY(header->height() < fullHeight / 2);
    QVERIFY(caseNumber->isVisible() && status->isVisible() && priority->isVisible());
    QVERIFY(child<ElidedLabel>(view, QStringLiteral("subject"))->isVisible());
    QVERIFY(!area->isVisible() && !requester->isVisible());
    QVERIFY(!child<QLabel>(view, QStringLiteral("created"))->isVisible());
    QTRY_VERIFY(sameLine(status) && sameLine(priority));

    // A new ticket while compact stays compact.
    view.setTicket(Testing::sampleTicket());
    QVERIFY(!area->isVisible());

    view.resize(1100, 700);
    QTRY_VERIFY(!header->isCompact());
    QVERIFY(area->isVisible() && requester->isVisible());
    QTRY_COMPARE(header->height(), fullHeight);
    QVERIFY(!sameLine(status));
}

void tst_TicketView::subjectIsPlainText()
{
    Ticket t = Testing::sampleTicket();
    t.subject = QStringLiteral("<b>x</b>");
    TicketView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTicket(t);
    auto *subject = child<ElidedLabel>(view, QStringLiteral("subject"));
    QCOMPARE(subject->textFormat(), Qt::PlainText);
    QCOMPARE(subject->text(), QStringLiteral("\u2068<b>x</b>\u2069"));
    QVERIFY(subject->toolTip().contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")));
}

void tst_TicketView::hugeSubjectDoesNotFreeze()
{
    Ticket t = Testing::sampleTicket();
    t.subject = QString(20000, u'W') + QStringLiteral("\u202Eend");
    TicketView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setTicket(t);
    for (int width = 600; width < 1400; width += 50) {
        view.resize(width, 600);
        QCoreApplication::processEvents();
    }
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    auto *subject = child<ElidedLabel>(view, QStringLiteral("subject"));
    QCOMPARE(subject->fullText(), t.subject);
    QVERIFY(subject->text().size() < 1000);
    QVERIFY(subject->text().contains(QChar(0x2026)));
    QVERIFY(subject->width() <= view.width());
}

void tst_TicketView::emptyStates()
{
    Ticket t = Testing::sampleTicket();
    t.notes.clear();
    t.statistics.clear();
    t.collaborators = {};
    t.files = {};
    t.attachments = {};
    t.requester = {};
    TicketView view;
    view.setTicket(t);
    for (int i = 0; i < view.tabCount(); ++i) // each tab is filled when the agent gets there
        view.showTab(i, TicketView::TabFocus::KeepFocus);
    QCOMPARE(view.tabTitle(1), QStringLiteral("Notes (0)"));
    QCOMPARE(view.tabTitle(4), QStringLiteral("Files (0)"));
    const auto emptyText = [&view](const QString &tab) {
        auto *page = child<QWidget>(view, tab);
        for (QLabel *label : page->findChildren<QLabel *>(QStringLiteral("emptyState"))) {
            if (label->isVisibleTo(page))
                return label->text();
        }
        return QString();
    };
    QCOMPARE(emptyText(QStringLiteral("notesTab")), QStringLiteral("No notes on this ticket"));
    QCOMPARE(emptyText(QStringLiteral("statisticsTab")),
             QStringLiteral("No activity recorded on this ticket"));
    QCOMPARE(emptyText(QStringLiteral("collaboratorsTab")),
             QStringLiteral("No collaborators on this ticket"));
    QCOMPARE(emptyText(QStringLiteral("filesTab")), QStringLiteral("No files attached to this ticket"));
    QCOMPARE(emptyText(QStringLiteral("requesterTab")),
             QStringLiteral("No requester information on this ticket"));
    QCOMPARE(emptyText(QStringLiteral("overviewTab")), QString());
    auto *notes = child<NotesTab>(view, QStringLiteral("notesTab"));
    QVERIFY(!notes->listView()->isVisibleTo(notes));
    QVERIFY(child<FilesTab>(view, QStringLiteral("filesTab"))->isShowingEmptyState());
    QVERIFY(child<TableTab>(view, QStringLiteral("collaboratorsTab"))->isShowingEmptyState());
    auto *stats = child<StatisticsTab>(view, QStringLiteral("statisticsTab"));
    QVERIFY(!stats->tableView()->isVisibleTo(stats));

    // And back: content replaces the empty state.
    view.setTicket(Testing::sampleTicket());
    for (int i = 0; i < view.tabCount(); ++i)
        view.showTab(i, TicketView::TabFocus::KeepFocus);
    QVERIFY(notes->listView()->isVisibleTo(notes));
    QVERIFY(stats->tableView()->isVisibleTo(stats));
    QVERIFY(!child<FilesTab>(view, QStringLiteral("filesTab"))->isShowingEmptyState());
}

void tst_TicketView::blankView()
{
    TicketView view;
    QCOMPARE(view.tabCount(), 7);
    QCOMPARE(view.tabTitle(1), QStringLiteral("Notes (0)"));
    QVERIFY(!child<QWidget>(view, QStringLiteral("ticketHeader"))->isVisibleTo(&view));
    view.setTicket(Testing::sampleTicket());
    QVERIFY(child<QWidget>(view, QStringLiteral("ticketHeader"))->isVisibleTo(&view));
}

void tst_TicketView::hostileTicket()
{
    TicketView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Ticket t = Testing::hostileTicket();
    view.setTicket(t);
    for (int i = 0; i < view.tabCount(); ++i) {
        view.showTab(i);
        QCoreApplication::processEvents();
    }
    auto *description = child<SafeTextBrowser>(view, QStringLiteral("description"));
    const QString html = description->toHtml().toLower();
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("javascript:")));
    QVERIFY(
        description
            ->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://evil.example/x.png")))
            .isNull());

    // Odd types: priority "high" read with a warning, "Closed" read as closed.
    QCOMPARE(child<Badge>(view, QStringLiteral("priorityBadge"))->text(),
             QStringLiteral("High priority \u26A0"));
    QCOMPARE(child<Badge>(view, QStringLiteral("statusBadge"))->text(), QStringLiteral("Closed"));
    QCOMPARE(child<QProgressBar>(view, QStringLiteral("completion"))->value(), 100);
    QVERIFY(child<QProgressBar>(view, QStringLiteral("completion"))->format().contains(QChar(0x26A0)));
    QVERIFY(child<QLabel>(view, QStringLiteral("views"))->text().startsWith(QStringLiteral("12 views")));
    // Bidi controls in names are isolated in composed labels.
    const QString closed = child<QLabel>(view, QStringLiteral("closed"))->text();
    QVERIFY2(closed.contains(QStringLiteral("by \u2068Automated Cleanup \u202Eresu\u202C\u2069")),
             qPrintable(closed));
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterUserType"))->text(), QStringLiteral("2"));
    // The requester's e-mail is not a plausible address: plain text, no link.
    auto *email = child<QLabel>(view, QStringLiteral("requesterEmail"));
    QVERIFY(!email->text().contains(QStringLiteral("<a ")));
    QVERIFY(!email->text().contains(QStringLiteral("<script>")));
}

void tst_TicketView::warnings()
{
    TicketView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Ticket t = Testing::hostileTicket();
    QVERIFY(!t.warnings.isEmpty());
    view.setTicket(t);
    auto *button = child<QToolButton>(view, QStringLiteral("warningsButton"));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("%1 warnings").arg(t.warnings.size()));
    auto *list = child<QPlainTextEdit>(view, QStringLiteral("warningsList"));
    QVERIFY(!list->isVisible());
    button->click();
    QVERIFY(list->isVisible());
    for (const ParseWarning &w : t.warnings)
        QVERIFY2(list->toPlainText().contains(w.message.left(20)), qPrintable(w.message));
    // Marked fields carry the warning in their tooltip.
    QVERIFY(
        child<Badge>(view, QStringLiteral("priorityBadge"))->toolTip().contains(QStringLiteral("Priority")));
    // A tab whose part had warnings has an icon.
    auto *tabs = child<QTabWidget>(view, QStringLiteral("ticketTabs"));
    QVERIFY(!tabs->tabIcon(TicketView::NotesTabIndex).isNull());
    QVERIFY(tabs->tabIcon(TicketView::RawTabIndex).isNull());

    // A clean ticket hides it again.
    view.setTicket(Testing::sampleTicket());
    QVERIFY(!button->isVisible());
    QVERIFY(!list->isVisible());
    QVERIFY(tabs->tabIcon(TicketView::NotesTabIndex).isNull());
}

void tst_TicketView::showTab()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    for (int i = 0; i < view.tabCount(); ++i) {
        view.showTab(i);
        QCOMPARE(view.currentTab(), i);
    }
    view.showTab(42);
    QCOMPARE(view.currentTab(), 6);
    view.showTab(-1);
    QCOMPARE(view.currentTab(), 6);
}

void tst_TicketView::copyCaseNumber()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    QApplication::clipboard()->clear();
    child<QToolButton>(view, QStringLiteral("copyCaseNumber"))->click();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("HYXTNJV"));
}

void tst_TicketView::fileLinks()
{
    TicketView view;
    view.setTicket(Testing::hostileTicket());
    view.showTab(TicketView::FilesTabIndex);
    QSignalSpy spy(&view, &TicketView::httpsLinkActivated);
    auto *files = child<FilesTab>(view, QStringLiteral("filesTab"));
    auto *links = files->tableView()->findChild<ItemViewLinks *>();
    QVERIFY(links);
    QAbstractItemModel *model = files->tableView()->model();
    QList<QUrl> opened;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column)
            links->activate(model->index(row, column)); // what a click does
    }
    for (const QList<QVariant> &args : spy)
        opened.append(args.at(0).toUrl());
    QCOMPARE(opened.size(), 2);
    for (const QUrl &url : opened)
        QCOMPARE(url.scheme(), QStringLiteral("https"));
}

void tst_TicketView::overviewLinks()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    QSignalSpy spy(&view, &TicketView::httpsLinkActivated);
    auto *description = child<SafeTextBrowser>(view, QStringLiteral("description"));
    Q_EMIT description->anchorClicked(QUrl(QStringLiteral("https://help.sweeppea.com/exports")));
    Q_EMIT description->anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
    Q_EMIT description->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    Q_EMIT description->anchorClicked(QUrl(QStringLiteral("http://help.sweeppea.com/exports")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://help.sweeppea.com/exports")));

    // Links in the details tree (documentation, GitHub issue).
    auto *details = child<QTreeView>(view, QStringLiteral("details"));
    auto *links = details->findChild<ItemViewLinks *>();
    QVERIFY(links);
    QAbstractItemModel *model = details->model();
    std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            links->activate(model->index(row, 1, parent));
            visit(model->index(row, 0, parent));
        }
    };
    visit({});
    QStringList urls;
    for (int i = 1; i < spy.count(); ++i)
        urls.append(spy.at(i).at(0).toUrl().toString());
    QVERIFY(urls.contains(QStringLiteral("https://help.sweeppea.com/exports")));
    QVERIFY(urls.contains(QStringLiteral("https://github.com/sweeppea/platform/issues/1842")));
}

void tst_TicketView::requesterLinks()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    view.showTab(TicketView::RequesterTabIndex);
    QSignalSpy spy(&view, &TicketView::httpsLinkActivated);
    auto *email = child<QLabel>(view, QStringLiteral("requesterEmail"));
    QCOMPARE(email->textFormat(), Qt::RichText);
    QVERIFY(email->text().contains(QStringLiteral("href=\"mailto:maria.lopez@example.com\"")));
    Q_EMIT email->linkActivated(QStringLiteral("mailto:maria.lopez@example.com"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toUrl(), QUrl(QStringLiteral("mailto:maria.lopez@example.com")));

    auto *location = child<QLabel>(view, QStringLiteral("requesterLocation"));
    const QUrl map = RequesterTab::mapUrl(25.7617, -80.1918);
    QCOMPARE(map.scheme(), QStringLiteral("https"));
    QCOMPARE(map.host(), QStringLiteral("www.openstreetmap.org"));
    QVERIFY(map.query().contains(QStringLiteral("mlat=25.7617")));
    QVERIFY(map.query().contains(QStringLiteral("mlon=-80.1918")));
    QVERIFY(location->text().contains(map.toString(QUrl::FullyEncoded).toHtmlEscaped()));
    Q_EMIT location->linkActivated(map.toString(QUrl::FullyEncoded));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toUrl(), map);

    // Nothing else gets through.
    Q_EMIT location->linkActivated(QStringLiteral("javascript:alert(1)"));
    Q_EMIT location->linkActivated(QStringLiteral("file:///etc/passwd"));
    Q_EMIT email->linkActivated(QStringLiteral("http://example.com/"));
    QCOMPARE(spy.count(), 2);

    QVERIFY(RequesterTab::mailtoUrl(QStringLiteral("a@b.example")).isValid());
    QVERIFY(!RequesterTab::mailtoUrl(QStringLiteral("a@b.example?subject=x")).isValid());
    QVERIFY(!RequesterTab::mailtoUrl(QStringLiteral("not an address")).isValid());
    QVERIFY(!RequesterTab::mailtoUrl(QStringLiteral("a@b@c")).isValid());
}

void tst_TicketView::requesterDetails()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    view.showTab(TicketView::RequesterTabIndex);
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterName"))->text(), QStringLiteral("Maria Lopez"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterPhone"))->text(), QStringLiteral("(555) 123-4567"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterLanguage"))->text(),
             QStringLiteral("Spanish (es)"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterUserType"))->text(),
             QStringLiteral("Administrator"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterSweepstakes"))->text(),
             QStringLiteral("Summer Splash 2025"));
    QCOMPARE(child<QLabel>(view, QStringLiteral("requesterIp"))->text(), QStringLiteral("203.0.113.24"));
    QVERIFY(child<QLabel>(view, QStringLiteral("requesterUserAgent"))
                ->text()
                .startsWith(QStringLiteral("Mozilla/5.0")));
    for (QLabel *label : view.findChildren<QLabel *>()) {
        if (label->objectName().startsWith(QStringLiteral("requester")) &&
            label->objectName() != QStringLiteral("requesterEmail") &&
            label->objectName() != QStringLiteral("requesterLocation")) {
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
}

void tst_TicketView::rawTab()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    auto *raw = child<RawTab>(view, QStringLiteral("rawTab"));
    // Built lazily: nothing until the tab is shown.
    QVERIFY(raw->editor()->toPlainText().isEmpty());
    view.showTab(TicketView::RawTabIndex);
    const QString text = raw->editor()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("\"CaseNumber\": \"HYXTNJV\"")));
    QVERIFY(raw->editor()->isReadOnly());
    QVERIFY(raw->editor()->font().fixedPitch());

    auto *find = child<QLineEdit>(view, QStringLiteral("rawFind"));
    find->setText(QStringLiteral("UserToken"));
    QVERIFY(raw->findNext());
    const int first = raw->editor()->textCursor().position();
    QVERIFY(raw->findNext());
    QVERIFY(raw->editor()->textCursor().position() > first);
    QTest::keyClick(find, Qt::Key_Return); // Enter = next
    QCOMPARE(raw->editor()->textCursor().selectedText(), QStringLiteral("UserToken"));
    find->setText(QStringLiteral("no such text anywhere"));
    QVERIFY(!raw->findNext());

    QApplication::clipboard()->clear();
    child<QWidget>(view, QStringLiteral("rawCopy"))->setFocus();
    raw->copyAll();
    QCOMPARE(QApplication::clipboard()->text(), text);

    // A new ticket while Raw is showing is shown at once.
    view.setTicket(Testing::hostileTicket());
    QVERIFY(raw->editor()->toPlainText().contains(QStringLiteral("ZX9Q4LB")));
}

void tst_TicketView::notesTab()
{
    TicketView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTicket(Testing::sampleTicket());
    view.showTab(TicketView::NotesTabIndex);
    auto *notes = child<NotesTab>(view, QStringLiteral("notesTab"));
    QSortFilterProxyModel *proxy = notes->proxyModel();
    QCOMPARE(proxy->rowCount(), 3);
    QCOMPARE(proxy->index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("103")); // newest first
    notes->setNewestFirst(false);
    QCOMPARE(proxy->index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("101"));
    notes->setNewestFirst(true);
    QCOMPARE(proxy->index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("103"));
    notes->setFilterText(QStringLiteral("release 3.14"));
    QCOMPARE(proxy->rowCount(), 1);
    notes->setFilterText({});
    QCOMPARE(proxy->rowCount(), 3);
    // Rows have a height that fits their text.
    QListView *list = notes->listView();
    QTRY_VERIFY(list->visualRect(proxy->index(0, 0)).height() > list->fontMetrics().height() * 2);
}

void tst_TicketView::noteLinks()
{
    Ticket t = Testing::sampleTicket();
    Note safe;
    safe.id = QStringLiteral("1");
    safe.date = QDateTime(QDate(2025, 1, 27), QTime(9, 0), Qt::UTC);
    safe.html = QStringLiteral("<a href=\"https://help.sweeppea.com/exports\">Open the export guide</a>");
    Note unsafe = safe;
    unsafe.id = QStringLiteral("2");
    unsafe.date = safe.date.addSecs(60);
    unsafe.html =
        QStringLiteral("<a href=\"javascript:alert(1)\">Run</a> <a href=\"file:///etc/passwd\">Open</a>");
    t.notes = {safe, unsafe};

    TicketView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    child<NotesTab>(view, QStringLiteral("notesTab"))->setNewestFirst(false); // rows in note order
    view.setTicket(t);
    view.showTab(TicketView::NotesTabIndex);
    QSignalSpy spy(&view, &TicketView::httpsLinkActivated);
    QListView *list = child<NotesTab>(view, QStringLiteral("notesTab"))->listView();
    QTRY_VERIFY(list->visualRect(list->model()->index(1, 0)).isValid());
    // The link text starts the body: below the padding and the date line.
    const auto linkPoint = [list](int row) {
        const QRect rect = list->visualRect(list->model()->index(row, 0));
        const int bodyTop = rect.top() + 8 + list->fontMetrics().height() + 4;
        return QPoint(rect.left() + 8 + 6, bodyTop + list->fontMetrics().height() / 2);
    };
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, linkPoint(1));
    QCOMPARE(spy.count(), 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, linkPoint(0));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://help.sweeppea.com/exports")));
    // A click beside the link (on the date line) opens nothing.
    const QRect first = list->visualRect(list->model()->index(0, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, first.topLeft() + QPoint(12, 10));
    QCOMPARE(spy.count(), 1);
}

void tst_TicketView::statisticsTab()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    view.showTab(TicketView::StatisticsTabIndex);
    auto *stats = child<StatisticsTab>(view, QStringLiteral("statisticsTab"));
    QSortFilterProxyModel *proxy = stats->proxyModel();
    QCOMPARE(proxy->rowCount(), 4);
    QCOMPARE(proxy->index(0, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Maria Lopez"));
    stats->tableView()->sortByColumn(StatisticsModel::DateColumn, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, StatisticsModel::ActionColumn).data().toString(), QStringLiteral("Resolved"));
    stats->setFilterText(QStringLiteral("dana"));
    QCOMPARE(proxy->rowCount(), 2);
    QCOMPARE(stats->tableView()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);

    ActivityChart *chart = stats->chart();
    QCOMPARE(chart->unit(), ActivityChart::Unit::Day);
    QCOMPARE(chart->buckets().size(), 3); // Jan 26..28
    int total = 0;
    for (const ActivityChart::Bucket &b : chart->buckets())
        total += b.total;
    QCOMPARE(total, 4);
    QCOMPARE(chart->actions().first(), QStringLiteral("Updated"));
    QVERIFY(chart->bucketToolTip(0).contains(QStringLiteral("3 actions")));
}

void tst_TicketView::largeTicketIsFast()
{
    const Ticket t = Testing::largeTicket(5000, 20000);
    TicketView view;
    view.resize(1100, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showTab(TicketView::NotesTabIndex);
    QElapsedTimer timer;
    timer.start();
    view.setTicket(t);
    const qint64 setMs = timer.elapsed();
    QCOMPARE(view.tabTitle(1), QStringLiteral("Notes (%1)").arg(QLocale().toString(5000)));
    QCOMPARE(view.tabTitle(2), QStringLiteral("Statistics (%1)").arg(QLocale().toString(20000)));
    qInfo("setTicket with 5,000 notes and 20,000 statistics: %lld ms", setMs);
    QVERIFY2(setMs < 1500, qPrintable(QString::number(setMs)));

    // Painting and scrolling the notes stay responsive.
    timer.restart();
    QListView *list = child<NotesTab>(view, QStringLiteral("notesTab"))->listView();
    for (int i = 0; i < 20; ++i) {
        list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum() * i / 20);
        QCoreApplication::processEvents();
    }
    qInfo("20 scroll steps over 5,000 notes: %lld ms", timer.elapsed());

    view.showTab(TicketView::StatisticsTabIndex);
    QTableView *table = child<StatisticsTab>(view, QStringLiteral("statisticsTab"))->tableView();
    timer.restart();
    for (int i = 0; i < 20; ++i) {
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() * i / 20);
        QCoreApplication::processEvents();
    }
    qInfo("20 scroll steps over 20,000 statistics: %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 3000);

    // Replacing a big ticket with a small one.
    timer.restart();
    view.setTicket(Testing::sampleTicket());
    QVERIFY(timer.elapsed() < 500);
}

void tst_TicketView::accessibleNames()
{
    TicketView view;
    view.setTicket(Testing::hostileTicket());
    const QList<QWidget *> widgets = view.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                             qobject_cast<QAbstractItemView *>(w) || qobject_cast<QProgressBar *>(w) ||
                             qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w) ||
                             qobject_cast<QComboBox *>(w) || qobject_cast<QTabWidget *>(w) ||
                             qobject_cast<Badge *>(w) || qobject_cast<ActivityChart *>(w);
        // Internal children of composite Qt widgets (line edit clear buttons, tab bar scrollers) excluded.
        if (!control || w->objectName().startsWith(QStringLiteral("qt_")) || qobject_cast<QHeaderView *>(w) ||
            qobject_cast<QTabBar *>(w->parentWidget()) ||
            qobject_cast<QAbstractItemView *>(w->parentWidget()) ||
            qobject_cast<QLineEdit *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        if (qobject_cast<QAbstractButton *>(w) && !static_cast<QAbstractButton *>(w)->text().isEmpty())
            continue; // the button's text is its accessible name
        QVERIFY2(!w->accessibleName().isEmpty(),
                 qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                        w->objectName())));
    }
}

QTEST_MAIN(tst_TicketView)
#include "tst_ticketview.moc"
