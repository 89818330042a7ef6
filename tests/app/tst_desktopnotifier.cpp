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
    void cleanup();
    void oneChangeOneNotification();
    void sameCaseReplacesItsNotification();
    void closedNotificationIsNotReplaced();
    void manyChangesAreGrouped();
    void upToThreeAreSeparate();
    void doNotDisturbAndDisabledShowNothing();
    void openActionOpensTheTicket();
    void groupedOpenOpensTheFirst();
    void noServiceFallsBack();

private:
    // Each test: a notifier and a service on the bus, and what the notifier told.
    std::unique_ptr<NotificationService> m_service;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::unique_ptr<QSignalSpy> m_delivered;
    std::unique_ptr<QSignalSpy> m_opened;
};

void tst_DesktopNotifier::init()
{
    if (!NotificationService::sessionBusAvailable())
        QSKIP("no D-Bus session bus: run the tests under scripts/with-keyring.sh (scripts/test.sh does)");
    m_service = std::make_unique<NotificationService>();
    const QString problem = m_service->start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    m_notifier = std::make_unique<DesktopNotifier>();
    m_delivered = std::make_unique<QSignalSpy>(m_notifier.get(), &DesktopNotifier::delivered);
    m_opened = std::make_unique<QSignalSpy>(m_notifier.get(), &DesktopNotifier::openRequested);
}

void tst_DesktopNotifier::cleanup()
{
    m_opened.reset();
    m_delivered.reset();
    m_notifier.reset();
    m_service.reset();
}

void tst_DesktopNotifier::oneChangeOneNotification()
{
    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});

    QTRY_COMPARE(m_service->calls().size(), 1);
    const NotificationService::Call call = m_service->calls().constFirst();
    QCOMPARE(call.summary, u"HYXTNJV: 2 new notes"_s);
    QCOMPARE(call.appName, u"CaseLens"_s);
    QCOMPARE(call.appIcon, u"com.caselens.CaseLens"_s);
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.expireTimeout, -1);
    QCOMPARE(call.actions, (QStringList{u"default"_s, u"Open"_s, u"open"_s, u"Open"_s}));
    QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"com.caselens.CaseLens"_s);
    QTRY_COMPARE(m_delivered->size(), 1);
    QCOMPARE(m_delivered->constFirst().constFirst().value<DesktopNotifier::Delivery>(),
             DesktopNotifier::Delivery::DesktopService);
}

void tst_DesktopNotifier::sameCaseReplacesItsNotification()
{
    m_notifier->notify({notice(u"HYXTNJV"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 1); // the service's id is known once it answered
    m_notifier->notify({notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 2);
    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});

    QTRY_COMPARE(m_service->calls().size(), 3);
    const QList<NotificationService::Call> &calls = m_service->calls();
    QCOMPARE(calls.at(1).replacesId, 0u); // another ticket: its own notification
    QVERIFY(calls.at(1).id != calls.at(0).id);
    QCOMPARE(calls.at(2).replacesId, calls.at(0).id); // the same ticket: no stacking
    QCOMPARE(calls.at(2).id, calls.at(0).id);
    QCOMPARE(calls.at(2).summary, u"HYXTNJV: 2 new notes"_s);
}

void tst_DesktopNotifier::closedNotificationIsNotReplaced()
{
    m_notifier->notify({notice(u"HYXTNJV"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 1);

    // Dismissed by the agent: the next change is a new notification. The
    // service sends NotificationClosed before it answers the next Notify, and
    // the bus keeps one sender's messages in order, so once that answer is in,
    // the notifier has seen the close.
    m_service->closeNotification(m_service->calls().constFirst().id);
    m_notifier->notify({notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 2);
    m_notifier->notify({notice(u"HYXTNJV"_s, u"closed by Maria Lopez"_s)});

    QTRY_COMPARE(m_service->calls().size(), 3);
    QCOMPARE(m_service->calls().at(2).replacesId, 0u);
}

void tst_DesktopNotifier::manyChangesAreGrouped()
{
    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s),
                        notice(u"2650478"_s, u"closed by Maria Lopez"_s),
                        notice(u"ABC1234"_s, u"1 new note"_s), notice(u"KQ7M2PX"_s, u"3 new notes"_s)});

    QTRY_COMPARE(m_delivered->size(), 1);
    QCOMPARE(m_service->calls().size(), 1);
    QCOMPARE(m_service->calls().constFirst().summary, u"5 tickets changed"_s);
    QCOMPARE(m_service->calls().constFirst().body, u"HYXTNJV, 7741209, 2650478 and 2 more"_s);
}

void tst_DesktopNotifier::upToThreeAreSeparate()
{
    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s),
                        notice(u"2650478"_s, u"closed by Maria Lopez"_s)});

    QTRY_COMPARE(m_delivered->size(), 3);
    QStringList summaries;
    for (const NotificationService::Call &call : m_service->calls())
        summaries.append(call.summary);
    summaries.sort();
    QCOMPARE(summaries, (QStringList{u"2650478: closed by Maria Lopez"_s, u"7741209: 1 new note"_s,
                                     u"HYXTNJV: 2 new notes"_s}));
}

void tst_DesktopNotifier::doNotDisturbAndDisabledShowNothing()
{
    m_notifier->setDoNotDisturb(true);
    QVERIFY(m_notifier->doNotDisturb());
    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s)});
    m_notifier->setDoNotDisturb(false);
    m_notifier->setEnabled(false);
    m_notifier->notify({notice(u"7741209"_s, u"1 new note"_s)});
    m_notifier->setEnabled(true);
    // A notification sent afterwards arrives after anything sent before it
    // (one connection, in order): once it is in, nothing else came.
    m_notifier->notify({notice(u"2650478"_s, u"1 new note"_s)});

    QTRY_COMPARE(m_delivered->size(), 1);
    QCOMPARE(m_service->calls().size(), 1);
    QCOMPARE(m_service->calls().constFirst().summary, u"2650478: 1 new note"_s);
}

void tst_DesktopNotifier::openActionOpensTheTicket()
{
    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 2);
    uint idOf7741209 = 0;
    for (const NotificationService::Call &call : m_service->calls()) {
        if (call.summary.startsWith(u"7741209"))
            idOf7741209 = call.id;
    }
    QVERIFY(idOf7741209 != 0);

    m_service->invokeAction(idOf7741209, u"open"_s);
    QTRY_COMPARE(m_opened->size(), 1);
    QCOMPARE(m_opened->constFirst().constFirst().toString(), u"7741209"_s);

    // A click on the notification is its "default" action.
    m_service->invokeAction(idOf7741209, u"default"_s);
    QTRY_COMPARE(m_opened->size(), 2);
    QCOMPARE(m_opened->at(1).constFirst().toString(), u"7741209"_s);

    // Another application's notification (an id that is not ours) opens nothing.
    m_service->invokeAction(idOf7741209 + 100, u"default"_s);
    m_service->invokeAction(idOf7741209, u"open"_s); // ordered after it on the bus
    QTRY_COMPARE(m_opened->size(), 3);
    QCOMPARE(m_opened->at(2).constFirst().toString(), u"7741209"_s);
}

void tst_DesktopNotifier::groupedOpenOpensTheFirst()
{
    QList<ChangeNotice> changes;
    for (const QString &caseNumber : {u"KQ7M2PX"_s, u"HYXTNJV"_s, u"7741209"_s, u"2650478"_s})
        changes.append(notice(caseNumber, u"1 new note"_s));
    m_notifier->notify(changes);
    QTRY_COMPARE(m_delivered->size(), 1);
    QCOMPARE(m_service->calls().constFirst().summary, u"4 tickets changed"_s);
    QCOMPARE(m_service->calls().constFirst().body, u"KQ7M2PX, HYXTNJV, 7741209 and 1 more"_s);

    m_service->invokeAction(m_service->calls().constFirst().id, u"default"_s);
    QTRY_COMPARE(m_opened->size(), 1);
    QCOMPARE(m_opened->constFirst().constFirst().toString(), u"KQ7M2PX"_s);
}

// Without a notification service: the tray icon, if there is one, else
// nothing (quietly), and no crash.
void tst_DesktopNotifier::noServiceFallsBack()
{
    if (NotificationService::serviceActivatable())
        QSKIP("a notification daemon is installed for D-Bus activation: the bus would start it");
    // The service went away: nothing is sent to where it was.
    m_service->stop();

    m_notifier->notify({notice(u"HYXTNJV"_s, u"2 new notes"_s), notice(u"7741209"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 2);
    for (const QList<QVariant> &arguments : std::as_const(*m_delivered))
        QCOMPARE(arguments.constFirst().value<DesktopNotifier::Delivery>(),
                 DesktopNotifier::Delivery::Dropped);
    QVERIFY(m_service->calls().isEmpty());

    QSystemTrayIcon tray; // on the offscreen platform it shows nothing, but it is handed the message
    m_notifier->setTrayIcon(&tray);
    m_notifier->notify({notice(u"KQ7M2PX"_s, u"1 new note"_s)});
    QTRY_COMPARE(m_delivered->size(), 3);
    QCOMPARE(m_delivered->at(2).constFirst().value<DesktopNotifier::Delivery>(),
             DesktopNotifier::Delivery::TrayIcon);
    // A click on the tray's message opens that ticket.
    Q_EMIT tray.messageClicked();
    QCOMPARE(m_opened->size(), 1);
    QCOMPARE(m_opened->constFirst().constFirst().toString(), u"KQ7M2PX"_s);
    QVERIFY(m_service->calls().isEmpty());
}

QTEST_MAIN(tst_DesktopNotifier)
#include "tst_desktopnotifier.moc"
