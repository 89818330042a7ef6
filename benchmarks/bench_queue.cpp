// The "My tickets" panel's costs (issue 13), on the offscreen platform with
// the API on a loopback server thread:
//  - first page painted after its answer arrived (budget 30 ms);
//  - 2,000 rows loaded by scrolling, the GUI thread's time per page step,
//    from the page's answer to its rows painted (budget 16 ms);
//  - memory per 1,000 rows (resident set growth; budget 2 MB).
// Prints METRIC lines for scripts/bench.sh (section "queue").

#include "benchmarks/benchmetrics.h"

#include "app/queuemodel.h"
#include "app/queuepanel.h"
#include "core/apiclient.h"
#include "loopback/httpserver.h"
#include "loopback/httpserverthread.h"
#include "support/ticketpages.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Bench;

namespace {

constexpr int TotalRows = 2000;

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Times from an answer's arrival (the network reply finished, before it is
// parsed) to the end of the list's next paint: the paint event is handled,
// then the posted zero timer runs.
class PageClock final : public QObject
{
public:
    explicit PageClock(QWidget *viewport)
        : m_viewport(viewport)
    {
        viewport->installEventFilter(this);
    }

    void answerArrived()
    {
        m_clock.start();
        m_waiting = true;
    }
    [[nodiscard]] bool done() const { return !m_waiting && m_last >= 0; }
    [[nodiscard]] double takeMs()
    {
        const double ms = m_last;
        m_last = -1;
        return ms;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_waiting && watched == m_viewport && event->type() == QEvent::Paint) {
            m_waiting = false;
            QTimer::singleShot(0, this, [this] { m_last = double(m_clock.nsecsElapsed()) / 1e6; });
        }
        return false;
    }

private:
    QWidget *m_viewport;
    QElapsedTimer m_clock;
    bool m_waiting = false;
    double m_last = -1;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    int runs = 5;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size())
        runs = std::max(1, args.at(at + 1).toInt());

    Loopback::HttpServerThread server([](Loopback::HttpServer &s) {
        s.setKeepRequests(false);
        s.setHandler(Testing::listHandler(TotalRows));
    });
    if (!server.isListening()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }

    std::vector<double> firstPage;
    std::vector<double> steps;
    std::vector<double> stepMax;
    std::vector<double> kibPer1000;
    for (int run = 0; run < runs; ++run) {
        QNetworkAccessManager network;
        ApiClient client(&network);
        (void)client.setBaseUrl(server.url());
        client.setApiKey(QStringLiteral("bench-queue-key"));
        const qint64 before = residentKiB();
        {
            QueuePanel panel(&client);
            panel.resize(380, 760);
            panel.show();
            QListView *list = panel.listView();
            PageClock clock(list->viewport());
            QObject::connect(&network, &QNetworkAccessManager::finished, &clock,
                             [&clock] { clock.answerArrived(); });

            panel.setKeyAvailable(true);
            if (!spinUntil([&] { return clock.done(); })) {
                std::fprintf(stderr, "first page was not painted\n");
                return 1;
            }
            firstPage.push_back(clock.takeMs());

            std::vector<double> runSteps;
            while (panel.model()->rowCount() < TotalRows) {
                const int rows = panel.model()->rowCount();
                list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
                if (!spinUntil([&] { return panel.model()->rowCount() > rows && clock.done(); })) {
                    std::fprintf(stderr, "page after %d rows did not load\n", rows);
                    return 1;
                }
                runSteps.push_back(clock.takeMs());
            }
            steps.push_back(median(runSteps));
            stepMax.push_back(*std::max_element(runSteps.begin(), runSteps.end()));
            const qint64 after = residentKiB();
            kibPer1000.push_back(double(after - before) * 1000.0 / TotalRows);
        }
    }
    metric("queue_first_page_ms", median(firstPage));
    metric("queue_page_step_ms", median(steps));
    metric("queue_page_step_max_ms", median(stepMax));
    metric("queue_memory_mb_per_1000", median(kibPer1000) / 1024.0);
    return 0;
}
