#include "support/notificationservice.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace CaseLens::Testing {

namespace {

constexpr auto ServiceName = "org.freedesktop.Notifications"_L1;
constexpr auto ServicePath = "/org/freedesktop/Notifications"_L1;

} // namespace

NotificationService::NotificationService(QObject *parent)
    : QObject(parent)
    // Unique per instance: a suite may start several in turn.
    , m_connectionName(u"caselens-test-notifications-"_s + QUuid::createUuid().toString(QUuid::Id128))
{}

NotificationService::~NotificationService()
{
    stop();
    QDBusConnection::disconnectFromBus(m_connectionName);
}

bool NotificationService::sessionBusAvailable()
{
    return QDBusConnection::sessionBus().isConnected();
}

bool NotificationService::serviceActivatable()
{
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    if (!bus)
        return false;
    const QDBusReply<QStringList> names = bus->activatableServiceNames();
    return names.isValid() && names.value().contains(ServiceName);
}

QString NotificationService::start()
{
    QDBusConnection connection = QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName);
    if (!connection.isConnected())
        return u"no session bus: "_s + connection.lastError().message();
    // Only the slots: the Qt signal notified() is no D-Bus signal; the
    // service's signals are sent by hand (sendSignal).
    if (!connection.registerObject(ServicePath, this, QDBusConnection::ExportAllSlots))
        return u"cannot register the object: "_s + connection.lastError().message();
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply =
        connection.interface()->registerService(ServiceName, QDBusConnectionInterface::DontQueueService,
                                                QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        connection.unregisterObject(ServicePath);
        return u"another notification service owns org.freedesktop.Notifications on this bus"_s;
    }
    m_registered = true;
    return {};
}

void NotificationService::stop()
{
    if (!m_registered)
        return;
    m_registered = false;
    QDBusConnection connection(m_connectionName);
    connection.interface()->unregisterService(ServiceName);
    connection.unregisterObject(ServicePath);
}

void NotificationService::invokeAction(uint id, const QString &action)
{
    sendSignal(u"ActionInvoked"_s, {id, action});
}

void NotificationService::closeNotification(uint id, uint reason)
{
    m_shown.removeAll(id);
    sendSignal(u"NotificationClosed"_s, {id, reason});
}

uint NotificationService::Notify(const QString &appName, uint replacesId, const QString &appIcon,
                                 const QString &summary, const QString &body, const QStringList &actions,
                                 const QVariantMap &hints, int expireTimeout)
{
    uint id = replacesId;
    if (id == 0 || !m_shown.contains(id)) {
        id = ++m_lastId;
        m_shown.append(id);
    }
    m_calls.append(Call{appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout, id});
    Q_EMIT notified();
    return id;
}

QStringList NotificationService::GetCapabilities()
{
    return {u"actions"_s, u"body"_s};
}

void NotificationService::CloseNotification(uint id)
{
    closeNotification(id, 3); // 3: closed by CloseNotification
}

QString NotificationService::GetServerInformation(QString &vendor, QString &version, QString &specVersion)
{
    vendor = u"CaseLens tests"_s;
    version = u"1"_s;
    specVersion = u"1.2"_s;
    return u"caselens-test-notifications"_s;
}

void NotificationService::sendSignal(const QString &name, const QVariantList &arguments)
{
    QDBusMessage signal = QDBusMessage::createSignal(ServicePath, ServiceName, name);
    signal.setArguments(arguments);
    QDBusConnection(m_connectionName).send(signal);
}

} // namespace CaseLens::Testing
