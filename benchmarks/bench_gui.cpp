// GUI timings on the offscreen platform, against a loopback server on its
// own thread: a TicketPage (what MainWindow opens on Enter) in a top-level
// window, driven the way Enter drives it (TicketPage::fetch()).
//
// Prints "METRIC name value" lines (medians of --runs runs) for scripts/bench.sh:
//  typical_enter_to_header_ms   Enter -> header painted, minus server time
//  large_enter_to_counts_ms     Enter -> header and every tab count painted, minus server time
//  large_max_stall_ms           longest gap of a 1 ms QTimer probe while the large
//                               ticket arrives, parses and fills its views (+300 ms)
//  stats_scroll_step_ms / stats_scroll_max_ms   statistics table, one page per step
//  notes_scroll_step_ms / notes_scroll_max_ms   notes list, one page per step

#include "benchmarks/benchmetrics.h"
#include "benchmarks/loopbackserver.h"
#include "benchmarks/ticketgen.h"

#include "app/ticketpage.h"
#include "core/apiclient.h"
#include "ticketview/notestab.h"
#include "ticketview/statisticstab.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QTabBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace CaseLens;
using namespace CaseLens::Gui;
using CaseLens::Bench::median;
using CaseLens::Bench::metric;
using CaseLens::Bench::spinUntil;

namespace {

// Records when watched widgets get painted.
class PaintWatch final : public QObject
{
public:
    QElapsedTimer *clock = nullptr;
    QHash<QObject *, qint64> paintedAt; // ns on clock
    bool armed = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (armed && event->type() == QEvent::Paint && !paintedAt.contains(watched))
            paintedAt.insert(watched, clock->nsecsElapsed());
        return false;
    }
};

// The event loop's longest gap, from a 1 ms timer.
class StallProbe final
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_max = std::max(m_max, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_max = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        const qint64 now = m_clock.nsecsElapsed();
        m_max = std::max(m_max, now - m_last);
        return double(m_max) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_max = 0;
};

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

struct LoadResult
{
    double grossMs = -1;
    double serverMs = 0;
    double stallMs = -1;
    bool ok = false;
};

struct Fixture
{
    explicit Fixture(Bench::LoopbackServer *s)
        : server(s)
    {}
    Bench::LoopbackServer *server;
    QNetworkAccessManager network;
    ApiClient client{&network};
};

// Opens case in a fresh page; measures Enter -> header (and tab bar) painted.
LoadResult loadOnce(Fixture &f, const QString &caseNumber, bool probe,
                    std::unique_ptr<QWidget> *keep = nullptr)
{
    auto window = std::make_unique<QWidget>();
    window->resize(1280, 900);
    auto *page = new TicketPage(&f.client, *CaseNumber::parse(caseNumber).caseNumber(), window.get());
    page->resize(window->size());
    window->show();
    settle(50); // the empty page is on screen before "Enter"

    TicketView *view = page->ticketView();
    auto *header = view->findChild<TicketHeader *>();
    auto *tabBar = view->findChild<QTabBar *>();
    QElapsedTimer clock;
    PaintWatch watch;
    watch.clock = &clock;
    header->installEventFilter(&watch);
    tabBar->installEventFilter(&watch);
    bool loaded = false;
    QObject::connect(page, &TicketPage::ticketLoaded, page, [&] {
        loaded = true;
        watch.armed = true; // paints after the ticket is in
    });

    StallProbe stall;
    LoadResult r;
    if (probe)
        stall.start();
    clock.start();
    page->fetch(); // what Enter does
    r.ok = spinUntil([&] { return watch.paintedAt.contains(header) && watch.paintedAt.contains(tabBar); });
    const qint64 done = std::max(watch.paintedAt.value(header), watch.paintedAt.value(tabBar));
    r.grossMs = double(done) / 1e6;
    r.serverMs = double(f.server->lastServerNs()) / 1e6;
    if (probe) {
        settle(300); // views that fill lazily after the first paint
        r.stallMs = stall.stopMs();
    }
    r.ok = r.ok && loaded && page->hasTicket();
    header->removeEventFilter(&watch);
    tabBar->removeEventFilter(&watch);
    if (keep)
        *keep = std::move(window);
    return r;
}

struct ScrollResult
{
    double stepMs = -1;
    double maxMs = -1;
};

// One page per step from top to bottom (at most maxSteps), each step painted
// synchronously: the cost of showing the next screenful.
ScrollResult scroll(QAbstractItemView *itemView, int maxSteps)
{
    QScrollBar *bar = itemView->verticalScrollBar();
    bar->setValue(0);
    QCoreApplication::processEvents();
    std::vector<double> steps;
    QElapsedTimer t;
    for (int i = 0; i < maxSteps && bar->value() < bar->maximum(); ++i) {
        t.start();
        bar->setValue(bar->value() + bar->pageStep());
        itemView->viewport()->repaint();
        QCoreApplication::processEvents();
        steps.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    // Jumps, as a drag of the scroll bar thumb does.
    for (int i = 0; i < 50; ++i) {
        t.start();
        bar->setValue(int((qint64(bar->maximum()) * ((i * 37) % 50)) / 50));
        itemView->viewport()->repaint();
        QCoreApplication::processEvents();
        steps.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    ScrollResult r;
    r.stepMs = median(steps);
    r.maxMs = steps.empty() ? -1 : *std::max_element(steps.begin(), steps.end());
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 7;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i >= 0 && i + 1 < args.size())
        runs = args.at(i + 1).toInt();

    Bench::LoopbackServer server({{"HYXTNJV", Bench::typicalTicket()}, {"LARGE01", Bench::largeTicket()}});
    Fixture f(&server);
    (void)f.client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    f.client.setApiKey(QStringLiteral("bench-api-key-0123456789"));

    // Warm-up: first connection, fonts, style.
    (void)loadOnce(f, QStringLiteral("HYXTNJV"), false);

    std::vector<double> typical, typicalServer;
    for (int i = 0; i < runs * 2; ++i) {
        const LoadResult r = loadOnce(f, QStringLiteral("HYXTNJV"), false);
        if (!r.ok) {
            std::fprintf(stderr, "typical ticket did not load\n");
            return 1;
        }
        typical.push_back(r.grossMs - r.serverMs);
        typicalServer.push_back(r.serverMs);
    }
    metric("typical_enter_to_header_ms", median(typical));
    metric("typical_server_ms", median(typicalServer));

    std::vector<double> large, largeGross, largeServer, stalls;
    std::unique_ptr<QWidget> kept;
    for (int i = 0; i < runs; ++i) {
        const LoadResult r = loadOnce(f, QStringLiteral("LARGE01"), true, i == runs - 1 ? &kept : nullptr);
        if (!r.ok) {
            std::fprintf(stderr, "large ticket did not load\n");
            return 1;
        }
        large.push_back(r.grossMs - r.serverMs);
        largeGross.push_back(r.grossMs);
        largeServer.push_back(r.serverMs);
        stalls.push_back(r.stallMs);
    }
    metric("large_enter_to_counts_ms", median(large));
    metric("large_enter_to_counts_gross_ms", median(largeGross));
    metric("large_server_ms", median(largeServer));
    metric("large_max_stall_ms", median(stalls));
    metric("large_max_stall_worst_ms", *std::max_element(stalls.begin(), stalls.end()));

    auto *view = kept->findChild<TicketView *>();
    const QString notesTitle = view->tabTitle(TicketView::NotesTabIndex);
    const QString statsTitle = view->tabTitle(TicketView::StatisticsTabIndex);
    std::fprintf(stderr, "tab titles: %s | %s\n", qPrintable(notesTitle), qPrintable(statsTitle));

    view->showTab(TicketView::StatisticsTabIndex);
    settle(100);
    auto *statsTab = view->findChild<StatisticsTab *>();
    const ScrollResult stats = scroll(statsTab->tableView(), 400);
    metric("stats_scroll_step_ms", stats.stepMs);
    metric("stats_scroll_max_ms", stats.maxMs);

    view->showTab(TicketView::NotesTabIndex);
    settle(300);
    auto *notesTab = view->findChild<NotesTab *>();
    const ScrollResult notes = scroll(notesTab->listView(), 400);
    metric("notes_scroll_step_ms", notes.stepMs);
    metric("notes_scroll_max_ms", notes.maxMs);
    return 0;
}
