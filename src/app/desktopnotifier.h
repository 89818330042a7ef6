#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;

namespace CaseLens::Gui {

// One ticket's change, as a notification names it.
struct ChangeNotice
{
    QString caseNumber;
    QString text; // "HYXTNJV: 2 new notes" (the notification's summary)
};

// Desktop notifications for watched tickets (issue 14). On Linux they go to
// the freedesktop notification service (org.freedesktop.Notifications) over
// the session bus, with an "Open" action; a ticket's notification replaces
// its previous one instead of stacking. Without that service, or elsewhere,
// they go to the tray icon's showMessage() if one is set, else nowhere (a
// debug line only: a desktop without notifications is not an error).
// Every D-Bus call is asynchronous: nothing here blocks the window.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    // More changes than this in one notify() call make one grouped notification.
    static constexpr int MaxSeparate = 3;

    // Where a notification went (delivered()).
    enum class Delivery { DesktopService, TrayIcon, Dropped };
    Q_ENUM(Delivery)

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void setDoNotDisturb(bool on);
    [[nodiscard]] bool doNotDisturb() const { return m_doNotDisturb; }
    void setEnabled(bool on); // Settings → Watching: "Show desktop notifications"
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    // The fallback where there is no notification service, and the only way
    // off Linux. Not owned; may be null.
    void setTrayIcon(QSystemTrayIcon *icon);

    // One notification per ticket; more than MaxSeparate at once: one grouped
    // "5 tickets changed" whose Open opens the first. Nothing while
    // do-not-disturb is on or notifications are off.
    void notify(const QList<ChangeNotice> &changes);

Q_SIGNALS:
    // The "Open" action, or a click on the notification or the tray message.
    void openRequested(const QString &caseNumber);
    // Each notification once it was handed on (for the desktop service: once
    // the service answered), or dropped; for tests and diagnostics.
    void delivered(CaseLens::Gui::DesktopNotifier::Delivery how);

private Q_SLOTS:
    // The notification service's signals (org.freedesktop.Notifications); any
    // id that is not one of ours is someone else's notification.
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);
    void onActivationToken(uint id, const QString &token);

private:
    // What a notification is for: `key` is what it replaces (a case number,
    // or GroupKey), `caseNumber` what its Open opens.
    struct Shown
    {
        QString key;
        QString caseNumber;
    };

    void show(const Shown &what, const QString &summary, const QString &body);
    void sendToService(const Shown &what, const QString &summary, const QString &body);
    void showInTray(const Shown &what, const QString &summary, const QString &body);

    bool m_doNotDisturb = false;
    bool m_enabled = true;
    bool m_listening = false; // connected to the service's signals
    QPointer<QSystemTrayIcon> m_trayIcon;
    QString m_trayCase;             // what the tray's last message opens
    QHash<QString, uint> m_idByKey; // the service's id of each key's notification
    QHash<uint, Shown> m_shownById; // ... and back, for its signals
};

} // namespace CaseLens::Gui
