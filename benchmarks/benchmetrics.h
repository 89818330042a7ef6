#pragma once

// What every GUI benchmark prints for scripts/bench.sh: "METRIC name value"
// lines, and medians of its runs; and a wait that does not sleep (the
// event loop is spun, so nothing measured waits for a poll).

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace CaseLens::Bench {

inline double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline void metric(const char *name, double value)
{
    std::printf("METRIC %s %.3f\n", name, value);
    std::fflush(stdout);
}

template <typename Pred>
inline bool spinUntil(Pred pred, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

} // namespace CaseLens::Bench
