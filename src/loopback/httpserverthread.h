#pragma once

#include <QHostAddress>
#include <QThread>
#include <QUrl>

#include <functional>

namespace CaseLens::Loopback {

class HttpServer;

// An HttpServer on a thread of its own, so that its parsing and writing
// never land on the caller's thread (the benchmarks measure the GUI
// thread). configure runs on the server's thread before it listens: set
// the handler there, and connect to the server's signals with
// Qt::DirectConnection and thread-safe state (atomics) to learn from it.
class HttpServerThread final
{
    Q_DISABLE_COPY_MOVE(HttpServerThread)

public:
    explicit HttpServerThread(const std::function<void(HttpServer &)> &configure,
                              const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    ~HttpServerThread();

    [[nodiscard]] bool isListening() const { return m_listening; }
    [[nodiscard]] quint16 port() const { return m_url.port(0); }
    [[nodiscard]] QUrl url() const { return m_url; }

private:
    QThread m_thread;
    HttpServer *m_server = nullptr; // lives on m_thread, deleted there when it finishes
    bool m_listening = false;
    QUrl m_url;
};

} // namespace CaseLens::Loopback
