// MainWindow's part in watching tickets (issue 14): View → Do not disturb
// (remembered), and the status bar's watch line and "Do not disturb" mark.
// The watcher, the seen store and the notifier are wired to these by the
// window's owner; nothing here polls or notifies.
#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/desktopnotifier.h"
#include "app/queuemodel.h"
#include "app/queuepanel.h"
#include "app/watchcontroller.h"
#include "app/watchstatus.h"
#include "core/settingskeys.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSystemTrayIcon>

namespace CaseLens::Gui {

void MainWindow::setupWatchActions()
{
    m_doNotDisturb = new QAction(tr("&Do not disturb"), this);
    m_doNotDisturb->setObjectName(QStringLiteral("actionDoNotDisturb"));
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setStatusTip(tr("No desktop notifications; changes are still marked in the window"));
    m_doNotDisturb->setChecked(QSettings().value(SettingsKeys::WatchDoNotDisturb, false).toBool());
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(m_doNotDisturb);

    m_watchStatus = new WatchStatusLabel(this);
    m_ui->statusBar->addPermanentWidget(m_watchStatus);

    // Said in words, not only by the menu's tick: it is easy to forget.
    m_doNotDisturbIndicator = new QLabel(tr("Do not disturb"), this);
    m_doNotDisturbIndicator->setObjectName(QStringLiteral("doNotDisturbIndicator"));
    m_doNotDisturbIndicator->setTextFormat(Qt::PlainText);
    m_doNotDisturbIndicator->setToolTip(tr("Desktop notifications are off (View → Do not disturb)"));
    m_doNotDisturbIndicator->setVisible(m_doNotDisturb->isChecked());
    m_ui->statusBar->addPermanentWidget(m_doNotDisturbIndicator);

    connect(m_doNotDisturb, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(SettingsKeys::WatchDoNotDisturb, on);
        m_doNotDisturbIndicator->setVisible(on);
    });
}

void MainWindow::setupWatching()
{
    // After the first frame: the seen state is read from disk and the
    // notifier looks for the session bus, neither needed to show the window.
    m_watch = new WatchController(this, m_session, m_ui->ticketTabs);
    m_watch->setQueueModel(queuePanel()->model());
    m_watch->pagesChanged();
    connect(m_watch, &WatchController::openRequested, this, &MainWindow::activateFromOtherLaunch);
#ifndef Q_OS_LINUX
    // Windows and macOS: notifications are the tray icon's messages (Linux
    // uses the desktop's notification service, DesktopNotifier).
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = new QSystemTrayIcon(windowIcon(), this);
        tray->setToolTip(QApplication::applicationDisplayName());
        connect(tray, &QSystemTrayIcon::activated, this, [this] { activateFromOtherLaunch({}); });
        tray->show();
        m_watch->notifier()->setTrayIcon(tray);
    }
#endif
}

} // namespace CaseLens::Gui
