#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace CaseLens::Testing {

// A stand-in for the desktop's notification daemon: the freedesktop
// org.freedesktop.Notifications service on the session bus, recording every
// Notify call and sending ActionInvoked / NotificationClosed on request.
// It lives on its own bus connection, so a notifier in the same process
// reaches it through the bus daemon, as it reaches a real daemon. Replaces
// as real daemons do: a Notify with the id of a shown notification gets that
// id back; any other gets a new one.
class NotificationService final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
    Q_DISABLE_COPY_MOVE(NotificationService)

public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
        uint id = 0; // what this service answered
    };

    explicit NotificationService(QObject *parent = nullptr);
    ~NotificationService() override;

    // Whether the process has a session bus at all (tests skip without one).
    [[nodiscard]] static bool sessionBusAvailable();
    // Whether the bus daemon could start a notification service on demand
    // (an installed daemon): then "no service" cannot be arranged.
    [[nodiscard]] static bool serviceActivatable();

    // Takes the service name on a connection of its own; an empty string on
    // success, else why not.
    [[nodiscard]] QString start();
    void stop(); // gives the name up (the notifier then finds no service)

    [[nodiscard]] const QList<Call> &calls() const { return m_calls; }

    // As a daemon does when the user clicks (action "default") or picks an action.
    void invokeAction(uint id, const QString &action);
    void closeNotification(uint id, uint reason = 2); // 2: dismissed by the user

    // The interface (exported slots, called over D-Bus).
public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout);
    QStringList GetCapabilities();
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion);

Q_SIGNALS:
    // Qt-side only (not exported): a Notify call was recorded.
    void notified();

private:
    void sendSignal(const QString &name, const QVariantList &arguments);

    QString m_connectionName;
    bool m_registered = false;
    QList<Call> m_calls;
    QList<uint> m_shown; // ids on screen
    uint m_lastId = 0;
};

} // namespace CaseLens::Testing
