// Desktop notifications (issue 14) on a real session bus: the notifier talks
// to a test org.freedesktop.Notifications service through the bus daemon
// (scripts/with-keyring.sh runs the tests under dbus-run-session).
#include "app/desktopnotifier.h"
#include "support/notificationservice.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QtTest>

using namespace CaseLens::Gui;
using CaseLens::Testing::NotificationService;
using namespace Qt::StringLiterals;

namespace {

ChangeNotice notice(const QString &caseNumber, const QString &change)
{
    return {caseNumber, caseNumber + u": "_s + change};
}

} // namespace

class tst_DesktopNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void oneChangeOneNotification();
    void sameCaseReplacesItsNotification();
    void closedNotificationIsNotReplaced();
    void manyChangesAreGrouped();
    void upToThreeAreSeparate();
    void doNotDisturbAndDisabledShowNothing();
    void openActionOpensTheTicket();
    void groupedOpenOpensTheFirst();
    void noServiceFallsBack();
    void noServiceNoTrayDropsQuietly();
};

void tst_DesktopNotifier::init()
{
    if (!NotificationService::sessionBusAvailable())
        QSKIP("no D-Bus session bus: run the tests under scripts/with-keyring.sh (scripts/test.sh does)");
}

void tst_DesktopNotifier::oneChangeOneNotification()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});

    QTRY_COMPARE(service.calls().size(), 1);
    const NotificationService::Call call = service.calls().constFirst();
    QCOMPARE(call.summary, u"HYXTNJV: 2 new notes"_s);
    QCOMPARE(call.appName, u"CaseLens"_s);
    QCOMPARE(call.appIcon, u"com.caselens.CaseLens"_s);
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.expireTimeout, -1);
    QCOMPARE(call.actions, (QStringList{u"default"_s, u"Open"_s, u"open"_s, u"Open"_s}));
    QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"com.caselens.CaseLens"_s);
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.constFirst().constFirst().value<DesktopNotifier::Delivery>(),
             DesktopNotifier::Delivery::DesktopService);
}

void tst_DesktopNotifier::sameCaseReplacesItsNotification()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

    notifier.notify({notice(u"HYXTNJV"_s, u"1 new note"_s)});
    QTRY_COMPARE(delivered.size(), 1); // the service's id is known once it answered
    notifier.notify({notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(delivered.size(), 2);
    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});

    QTRY_COMPARE(service.calls().size(), 3);
    const QList<NotificationService::Call> &calls = service.calls();
    QCOMPARE(calls.at(1).replacesId, 0u); // another ticket: its own notification
    QVERIFY(calls.at(1).id != calls.at(0).id);
    QCOMPARE(calls.at(2).replacesId, calls.at(0).id); // the same ticket: no stacking
    QCOMPARE(calls.at(2).id, calls.at(0).id);
    QCOMPARE(calls.at(2).summary, u"HYXTNJV: 2 new notes"_s);
}

void tst_DesktopNotifier::closedNotificationIsNotReplaced()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify({notice(u"HYXTNJV"_s, u"1 new note"_s)});
    QTRY_COMPARE(delivered.size(), 1);

    // Dismissed by the agent: the next change is a new notification. The
    // service sends NotificationClosed before it answers the next Notify, and
    // the bus keeps one sender's messages in order, so once that answer is in,
    // the notifier has seen the close.
    service.closeNotification(service.calls().constFirst().id);
    notifier.notify({notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(delivered.size(), 2);
    notifier.notify({notice(u"HYXTNJV"_s, u"closed by Maria Lopez"_s)});

    QTRY_COMPARE(service.calls().size(), 3);
    QCOMPARE(service.calls().at(2).replacesId, 0u);
}

void tst_DesktopNotifier::manyChangesAreGrouped()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s),
                     notice(u"2650478"_s, u"closed by Maria Lopez"_s), notice(u"ABC1234"_s, u"1 new note"_s),
                     notice(u"KQ7M2PX"_s, u"3 new notes"_s)});

    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(service.calls().size(), 1);
    QCOMPARE(service.calls().constFirst().summary, u"5 tickets changed"_s);
    QCOMPARE(service.calls().constFirst().body, u"HYXTNJV, 7741209, 2650478 and 2 more"_s);
}

void tst_DesktopNotifier::upToThreeAreSeparate()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s),
                     notice(u"2650478"_s, u"closed by Maria Lopez"_s)});

    QTRY_COMPARE(delivered.size(), 3);
    QStringList summaries;
    for (const NotificationService::Call &call : service.calls())
        summaries.append(call.summary);
    summaries.sort();
    QCOMPARE(summaries, (QStringList{u"2650478: closed by Maria Lopez"_s, u"7741209: 1 new note"_s,
                                     u"HYXTNJV: 2 new notes"_s}));
}

void tst_DesktopNotifier::doNotDisturbAndDisabledShowNothing()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

    notifier.setDoNotDisturb(true);
    QVERIFY(notifier.doNotDisturb());
    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});
    notifier.setDoNotDisturb(false);
    notifier.setEnabled(false);
    notifier.notify({notice(u"7741209"_s, u"1 new note"_s)});
    notifier.setEnabled(true);
    // A notification sent afterwards arrives after anything sent before it
    // (one connection, in order): once it is in, nothing else came.
    notifier.notify({notice(u"2650478"_s, u"1 new note"_s)});

    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(service.calls().size(), 1);
    QCOMPARE(service.calls().constFirst().summary, u"2650478: 1 new note"_s);
}

void tst_DesktopNotifier::openActionOpensTheTicket()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);
    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(delivered.size(), 2);
    uint idOf7741209 = 0;
    for (const NotificationService::Call &call : service.calls()) {
        if (call.summary.startsWith(u"7741209"))
            idOf7741209 = call.id;
    }
    QVERIFY(idOf7741209 != 0);

    service.invokeAction(idOf7741209, u"open"_s);
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().toString(), u"7741209"_s);

    // A click on the notification is its "default" action.
    service.invokeAction(idOf7741209, u"default"_s);
    QTRY_COMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).constFirst().toString(), u"7741209"_s);

    // Another application's notification (an id that is not ours) opens nothing.
    service.invokeAction(idOf7741209 + 100, u"default"_s);
    service.invokeAction(idOf7741209, u"open"_s); // ordered after it on the bus
    QTRY_COMPARE(opened.size(), 3);
    QCOMPARE(opened.at(2).constFirst().toString(), u"7741209"_s);
}

void tst_DesktopNotifier::groupedOpenOpensTheFirst()
{
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);
    QList<ChangeNotice> changes;
    for (const QString &caseNumber : {u"KQ7M2PX"_s, u"HYXTNJV"_s, u"7741209"_s, u"2650478"_s})
        changes.append(notice(caseNumber, u"1 new note"_s));
    notifier.notify(changes);
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(service.calls().constFirst().summary, u"4 tickets changed"_s);
    QCOMPARE(service.calls().constFirst().body, u"KQ7M2PX, HYXTNJV, 7741209 and 1 more"_s);

    service.invokeAction(service.calls().constFirst().id, u"default"_s);
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().toString(), u"KQ7M2PX"_s);
}

void tst_DesktopNotifier::noServiceFallsBack()
{
    if (NotificationService::serviceActivatable())
        QSKIP("a notification daemon is installed for D-Bus activation: the bus would start it");
    DesktopNotifier notifier;
    QSystemTrayIcon tray; // on the offscreen platform it shows nothing, but it is handed the message
    notifier.setTrayIcon(&tray);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy opened(&notifier, &DesktopNotifier::openRequested);

    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});

    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.constFirst().constFirst().value<DesktopNotifier::Delivery>(),
             DesktopNotifier::Delivery::TrayIcon);
    // A click on the tray's message opens that ticket.
    Q_EMIT tray.messageClicked();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().toString(), u"HYXTNJV"_s);
}

void tst_DesktopNotifier::noServiceNoTrayDropsQuietly()
{
    if (NotificationService::serviceActivatable())
        QSKIP("a notification daemon is installed for D-Bus activation: the bus would start it");
    // A service that went away: nothing is sent to where it was.
    NotificationService service;
    const QString problem = service.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    service.stop();
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

    notifier.notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s)});

    QTRY_COMPARE(delivered.size(), 2);
    for (const QList<QVariant> &arguments : std::as_const(delivered))
        QCOMPARE(arguments.constFirst().value<DesktopNotifier::Delivery>(),
                 DesktopNotifier::Delivery::Dropped);
    QVERIFY(service.calls().isEmpty());
}

QTEST_MAIN(tst_DesktopNotifier)
#include "tst_desktopnotifier.moc"
