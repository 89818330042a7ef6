#pragma once

// Collects every log line while it lives, with the given logging rules on,
// for tests that prove what never reaches a log (the API key above all).
// Restores the previous message handler and the default rules when it goes,
// also when a check fails half-way through a test.

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace CaseLens::Testing {

class LogCapture final
{
public:
    // rules: QLoggingCategory::setFilterRules() text, e.g. "*.debug=true".
    explicit LogCapture(const QString &rules);
    ~LogCapture();
    Q_DISABLE_COPY_MOVE(LogCapture)

    // Stops capturing (before checks that must not be logged themselves);
    // lines() keeps what came until then. Safe to call twice.
    void stop();

    // Each line as "category: message".
    [[nodiscard]] QStringList lines() const;

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    mutable QMutex m_mutex; // messages may come from any thread
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
    bool m_active = false;
};

} // namespace CaseLens::Testing
