#include "loopback/httpserverthread.h"

#include "loopback/httpserver.h"

namespace CaseLens::Loopback {

HttpServerThread::HttpServerThread(const std::function<void(HttpServer &)> &configure,
                                   const QHostAddress &address)
    : m_server(new HttpServer)
{
    m_thread.setObjectName(QStringLiteral("loopback-http"));
    m_server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();
    // Sockets belong to the thread that creates them: listen over there.
    QMetaObject::invokeMethod(
        m_server,
        [this, &configure, &address] {
            configure(*m_server);
            m_listening = m_server->listen(address);
            m_url = m_server->url();
        },
        Qt::BlockingQueuedConnection);
}

HttpServerThread::~HttpServerThread()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace CaseLens::Loopback
