#include "app/singleinstance.h"

#include "core/casenumber.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

namespace CaseLens::Gui {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "caselens.instance", QtInfoMsg)

constexpr qsizetype MaxLineLength = 256; // "open " + a case number is far shorter

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName()
{
    const QString override = qEnvironmentVariable("CASELENS_INSTANCE_NAME");
    if (!override.isEmpty())
        return override;
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    const QByteArray identity = (user + u'\n' + QDir::homePath()).toUtf8();
    return QStringLiteral("caselens-") +
           QString::fromLatin1(
               QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(16));
}

bool SingleInstance::sendToRunning(const QString &caseNumber, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false;
    const QByteArray line =
        caseNumber.isEmpty() ? QByteArrayLiteral("raise\n") : "open " + caseNumber.toUtf8() + '\n';
    socket.write(line);
    if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
        return false;
    while (!socket.canReadLine()) {
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
    const bool accepted = socket.readLine().trimmed() == "ok";
    socket.disconnectFromServer();
    qCInfo(lcInstance) << "handed over to the running instance:" << accepted;
    return accepted;
}

bool SingleInstance::listen()
{
    if (m_server)
        return m_server->isListening();
    m_server = new QLocalServer(this);
    // Only this user may hand cases over.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_serverName))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // A stale socket from a crash, unless another launch started
        // listening meanwhile: then it is the running instance.
        QLocalSocket probe;
        probe.connectToServer(m_serverName);
        if (probe.waitForConnected(100)) {
            probe.abort();
            qCWarning(lcInstance) << "another instance started at the same time";
            return false;
        }
        QLocalServer::removeServer(m_serverName);
        if (m_server->listen(m_serverName))
            return true;
    }
    qCWarning(lcInstance) << "cannot listen for other launches:" << m_server->errorString();
    return false;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        if (socket->canReadLine())
            onReadyRead(socket);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxLineLength)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(MaxLineLength).trimmed();
    socket->disconnect(this); // one line per connection
    QString caseNumber;
    bool valid = false;
    if (line == "raise") {
        valid = true;
    } else if (line.startsWith("open ")) {
        const ParsedCaseNumber parsed = CaseNumber::parse(QString::fromUtf8(line.mid(5)));
        valid = parsed.ok();
        caseNumber = parsed.text();
    }
    if (!valid) {
        qCWarning(lcInstance) << "ignoring a request from another launch";
        socket->abort();
        return;
    }
    socket->write("ok\n");
    socket->disconnectFromServer();
    Q_EMIT activationRequested(caseNumber);
}

} // namespace CaseLens::Gui
