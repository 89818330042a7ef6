// LD_PRELOAD hook for start-up and memory figures, loaded the same way into
// caselens and into the minimal Qt Widgets program (bench_minimal_window), so
// both are measured by one method without touching src/app:
//  - CASELENS_BENCH_T0_NS: CLOCK_REALTIME (ns) taken by the launcher just
//    before exec. At the first Paint event of any widget, the hook prints
//    "FIRST_PAINT_MS <ms since T0>" to stderr.
//  - CASELENS_BENCH_QUIT_MS: quit that many ms after the first paint, and
//    print "VMHWM_KB <peak RSS>" from /proc/self/status first.

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace {

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void printPeakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            std::fprintf(stderr, "VMHWM_KB %lld\n", line.mid(6).trimmed().split(' ').value(0).toLongLong());
    }
}

class FirstPaint final : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_done && event->type() == QEvent::Paint && watched->isWidgetType()) {
            m_done = true;
            const qint64 t0 = qEnvironmentVariable("CASELENS_BENCH_T0_NS").toLongLong();
            std::fprintf(stderr, "FIRST_PAINT_MS %.3f\n", double(nowNs() - t0) / 1e6);
            std::fflush(stderr);
            bool ok = false;
            const int quitMs = qEnvironmentVariableIntValue("CASELENS_BENCH_QUIT_MS", &ok);
            if (ok)
                QTimer::singleShot(quitMs, qApp, [] {
                    printPeakRss();
                    std::fflush(stderr);
                    std::_Exit(0); // no close dialogs, no saved state
                });
        }
        return false;
    }

private:
    bool m_done = false;
};

void install()
{
    qApp->installEventFilter(new FirstPaint);
}

struct Registrar
{
    Registrar() { qAddPreRoutine(install); }
} registrar;

} // namespace
