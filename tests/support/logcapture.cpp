#include "support/logcapture.h"

#include <QLoggingCategory>
#include <QMutexLocker>

#include <atomic>

namespace CaseLens::Testing {

namespace {
// A message handler is a plain function: it finds the capture through this.
std::atomic<LogCapture *> g_current{nullptr};
} // namespace

LogCapture::LogCapture(const QString &rules)
{
    Q_ASSERT_X(!g_current.load(), "LogCapture", "one capture at a time");
    g_current = this;
    QLoggingCategory::setFilterRules(rules);
    m_previous = qInstallMessageHandler(&LogCapture::handle);
    m_active = true;
}

LogCapture::~LogCapture()
{
    stop();
}

void LogCapture::stop()
{
    if (!m_active)
        return;
    m_active = false;
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString());
    g_current = nullptr;
}

QStringList LogCapture::lines() const
{
    const QMutexLocker locker(&m_mutex);
    return m_lines;
}

void LogCapture::handle(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    LogCapture *capture = g_current.load();
    if (!capture)
        return;
    const QString line = QString::fromUtf8(context.category ? context.category : "") + u": " + message;
    const QMutexLocker locker(&capture->m_mutex);
    capture->m_lines << line;
}

} // namespace CaseLens::Testing
