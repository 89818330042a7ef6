#include "app/desktopnotifier.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QStringList>
#include <QSystemTrayIcon>
#include <QVariantMap>

#ifdef CASELENS_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

using namespace Qt::StringLiterals;

namespace CaseLens::Gui {

namespace {

// Debug only: a desktop without a notification service is normal, not a
// warning on every poll.
Q_LOGGING_CATEGORY(lcNotify, "caselens.notify", QtInfoMsg)

constexpr auto AppName = "CaseLens"_L1;
// What the grouped notification replaces: not a case number (those are
// letters and digits only), so it never collides with one.
constexpr auto GroupKey = "#grouped"_L1;

#ifdef CASELENS_HAVE_DBUS
// The freedesktop Desktop Notifications specification (version 1.2).
constexpr auto ServiceName = "org.freedesktop.Notifications"_L1;
constexpr auto ServicePath = "/org/freedesktop/Notifications"_L1;
constexpr auto ServiceInterface = "org.freedesktop.Notifications"_L1;
// A service that does not answer within this is treated as absent (the
// default, 25 s, would hold a notification back for far too long).
constexpr int ServiceTimeoutMs = 5000;

// The desktop file id and icon name (packaging/CMakeLists.txt, CASELENS_APP_ID):
// the service finds the app's name and icon through them.
constexpr auto AppId = "com.caselens.CaseLens"_L1;

QString desktopEntry()
{
    const QString fromApp = QGuiApplication::desktopFileName();
    return fromApp.isEmpty() ? QString(AppId) : fromApp;
}
#endif

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::setDoNotDisturb(bool on)
{
    m_doNotDisturb = on;
}

void DesktopNotifier::setEnabled(bool on)
{
    m_enabled = on;
}

void DesktopNotifier::setTrayIcon(QSystemTrayIcon *icon)
{
    if (m_trayIcon)
        disconnect(m_trayIcon, nullptr, this, nullptr);
    m_trayIcon = icon;
    if (!icon)
        return;
    connect(icon, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_trayCase.isEmpty())
            Q_EMIT openRequested(m_trayCase);
    });
}

void DesktopNotifier::notify(const QList<ChangeNotice> &changes)
{
    if (!m_enabled || m_doNotDisturb || changes.isEmpty())
        return;
    if (changes.size() <= MaxSeparate) {
        for (const ChangeNotice &change : changes)
            show({change.caseNumber, change.caseNumber}, change.text, QString());
        return;
    }
    // Many at once (the first poll after a break, a busy morning): one
    // notification instead of a wall of them; its Open opens the first.
    QStringList named;
    for (qsizetype i = 0; i < MaxSeparate; ++i)
        named.append(changes.at(i).caseNumber);
    const auto others = int(changes.size() - named.size());
    //: The body of the grouped notification: %1 is the first case numbers ("HYXTNJV, 7741209, 2650478"),
    //: %n how many other tickets changed.
    const QString body = tr("%1 and %n more", nullptr, others).arg(named.join(u", "_s));
    show({GroupKey, changes.first().caseNumber}, tr("%n tickets changed", nullptr, int(changes.size())),
         body);
}

void DesktopNotifier::show(const Shown &what, const QString &summary, const QString &body)
{
#ifdef CASELENS_HAVE_DBUS
    if (QDBusConnection::sessionBus().isConnected()) {
        sendToService(what, summary, body);
        return;
    }
    qCDebug(lcNotify) << "no session bus: notification goes to the tray icon, if any";
#endif
    showInTray(what, summary, body);
}

void DesktopNotifier::sendToService(const Shown &what, const QString &summary, const QString &body)
{
#ifdef CASELENS_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!m_listening) {
        // No sender in the match: Qt would otherwise resolve the service's
        // owner with a blocking call, and the service may start (D-Bus
        // activation) only with the first Notify. Ids that are not ours are
        // ignored by the slots.
        m_listening = true;
        bus.connect(QString(), ServicePath, ServiceInterface, u"ActionInvoked"_s, this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(QString(), ServicePath, ServiceInterface, u"NotificationClosed"_s, this,
                    SLOT(onNotificationClosed(uint, uint)));
        bus.connect(QString(), ServicePath, ServiceInterface, u"ActivationToken"_s, this,
                    SLOT(onActivationToken(uint, QString)));
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(ServiceName, ServicePath, ServiceInterface, u"Notify"_s);
    // replaces_id: the case's previous notification is updated, never stacked.
    const uint replaces = m_idByKey.value(what.key, 0);
    //: The action on a desktop notification about a ticket.
    const QString open = tr("Open");
    call << QString(AppName) << replaces << QString(AppId) << summary << body
         << QStringList{u"default"_s, open, u"open"_s, open}
         << QVariantMap{{u"desktop-entry"_s, desktopEntry()}, {u"category"_s, u"x-caselens.ticket"_s}}
         << qint32(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, ServiceTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, what, summary, body](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCDebug(lcNotify) << "no desktop notification service:" << reply.error().name()
                                      << reply.error().message();
                    showInTray(what, summary, body);
                    return;
                }
                const uint id = reply.value();
                if (const uint previous = m_idByKey.value(what.key, 0); previous != 0 && previous != id)
                    m_shownById.remove(previous);
                m_idByKey.insert(what.key, id);
                m_shownById.insert(id, what);
                Q_EMIT delivered(Delivery::DesktopService);
            });
#else
    showInTray(what, summary, body);
#endif
}

void DesktopNotifier::showInTray(const Shown &what, const QString &summary, const QString &body)
{
    if (!m_trayIcon) {
        qCDebug(lcNotify) << "no notification service and no tray icon: not shown:" << summary;
        Q_EMIT delivered(Delivery::Dropped);
        return;
    }
    m_trayCase = what.caseNumber;
    // A tray message needs a text (Windows shows none without one).
    if (body.isEmpty())
        m_trayIcon->showMessage(QString(AppName), summary, QSystemTrayIcon::Information);
    else
        m_trayIcon->showMessage(summary, body, QSystemTrayIcon::Information);
    Q_EMIT delivered(Delivery::TrayIcon);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shownById.constFind(id);
    if (it == m_shownById.constEnd())
        return;
    if (action == u"default" || action == u"open")
        Q_EMIT openRequested(it->caseNumber);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason) // expired, dismissed, closed, undefined: all the same here
    const auto it = m_shownById.constFind(id);
    if (it == m_shownById.constEnd())
        return;
    // A closed notification is not replaced: the next one is new.
    if (m_idByKey.value(it->key) == id)
        m_idByKey.remove(it->key);
    m_shownById.erase(it);
}

void DesktopNotifier::onActivationToken(uint id, const QString &token)
{
    // Sent just before ActionInvoked (specification 1.2): on Wayland the
    // window may take the focus only with this token, which Qt reads from the
    // environment when it activates a window. Best effort.
    if (m_shownById.contains(id) && !token.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
}

} // namespace CaseLens::Gui
