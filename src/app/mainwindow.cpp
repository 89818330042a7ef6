#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/aboutdialog.h"
#include "app/accountstatuslabel.h"
#include "app/appicon.h"
#include "app/appsettings.h"
#include "app/demoserver.h"
#include "app/errorbanner.h"
#include "app/palettecolors.h"
#include "app/proxycredentialsdialog.h"
#include "app/queuepanel.h"
#include "app/recentcases.h"
#include "app/settingsdialog.h"
#include "app/ticketpage.h"
#include "app/writeactions.h"
#include "core/accountstatus.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/casenumber.h"
#include "core/session.h"
#include "ticketview/ticketview.h"
#include "ticketview/viewhelpers.h"

#include <QApplication>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QCompleter>
#include <QDesktopServices>
#include <QLabel>
#include <QSplitter>
#include <QStringListModel>
#include <QStyle>
#include <QTimer>

namespace CaseLens::Gui {

namespace {

constexpr int TicketViewTabShortcuts = 7; // Ctrl+1 .. Ctrl+7
constexpr int RecentMenuEntries = 15;     // the rest are in the welcome list
constexpr int WelcomeIconSize = 64;

// Several key sequences for one action, without duplicates (platform
// bindings often already contain one of ours).
QList<QKeySequence> uniqueSequences(QList<QKeySequence> sequences)
{
    QList<QKeySequence> result;
    for (const QKeySequence &sequence : sequences) {
        if (!sequence.isEmpty() && !result.contains(sequence))
            result.append(sequence);
    }
    return result;
}

QString caseListText(const DemoCase &demoCase)
{
    // Facts first: a long subject is elided at the end, never the status.
    QStringList facts;
    if (demoCase.status != TicketStatus::Unknown)
        facts << statusName(demoCase.status);
    if (demoCase.priority != Priority::Unknown)
        facts << MainWindow::tr("%1 priority").arg(priorityName(demoCase.priority));
    QString text = demoCase.caseNumber;
    if (!facts.isEmpty())
        text += QStringLiteral("  (") + facts.join(QStringLiteral(", ")) + u')';
    if (!demoCase.subject.isEmpty())
        text += QStringLiteral(" — ") + demoCase.subject;
    return text;
}

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(session)
    , m_client(session->client())
    , m_keys(session->keys())
    , m_recent(new RecentCases(this))
    , m_completer(new QCompleter(this))
    , m_completerModel(new QStringListModel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_queueSlot(new QWidget(m_splitter))
    , m_accountLabel(new AccountStatusLabel(session->account(), this))
{
    m_ui->setupUi(this);
    m_ui->statusBar->setAccessibleName(tr("Status"));
    m_ui->menuBar->setAccessibleName(tr("Menu"));

    m_completer->setModel(m_completerModel);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_ui->searchEdit->setCompleter(m_completer);
    m_ui->searchErrorLabel->hide();
    // Pasted case numbers are short; the cap stops a pasted e-mail body.
    m_ui->searchEdit->setMaxLength(256);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &MainWindow::submitSearch);
    connect(m_ui->fetchButton, &QPushButton::clicked, this, &MainWindow::submitSearch);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &caseNumber) { openCase(caseNumber); });
    connect(m_ui->searchEdit, &QLineEdit::textEdited, this, [this] {
        // Once flagged, the message follows the typing, so it goes away as
        // soon as the input is fixed.
        if (m_ui->searchErrorLabel->isVisible()) {
            const ParsedCaseNumber parsed = CaseNumber::parse(m_ui->searchEdit->text());
            if (parsed.ok() || m_ui->searchEdit->text().trimmed().isEmpty())
                clearInputError();
            else
                showInputError(parsed.error().message());
        }
    });

    QTabWidget *tabs = m_ui->ticketTabs;
    tabs->tabBar()->setElideMode(Qt::ElideRight);
    connect(tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);

    connect(m_ui->useKeyButton, &QPushButton::clicked, this, &MainWindow::showSettings);
    connect(m_ui->leaveDemoButton, &QPushButton::clicked, this, &MainWindow::leaveDemo);
    connect(m_recent, &RecentCases::changed, this, &MainWindow::updateRecent);
    connect(m_session, &Session::keyChanged, this, &MainWindow::onKeyChanged);
    connect(m_session, &Session::demoChanged, this, &MainWindow::onDemoChanged);
    connect(m_session, &Session::serverChanged, this, &MainWindow::onAccessChanged);
    connect(m_session->account(), &AccountStatus::changed, this, &MainWindow::updateYouToken);
    connect(m_keys, &ApiKeyProvider::statusChanged, this, [this] {
        if (!m_demo)
            updateWelcome();
    });

    m_session->proxyAuthenticator()->setAsk(
        ProxyCredentialsDialog::asker(this)); // proxies asking for credentials
    setupActions();
    m_writes = new WriteActions(this, m_client, m_ui->menuTicket, m_ui->ticketTabs);
    setupLook(); // focus, reopen, paste, appearance, language (mainwindowfocus.cpp, mainwindowlook.cpp)
    setupWelcome();
    setupQueue();
    setupWatchActions();
    updateColors();
    updateRecent();
    updateWelcome();
    updateActions();
    updateWindowTitle();

    const AppSettings settings;
    restoreFittedGeometry(settings.windowGeometry()); // fits the screen (mainwindowfocus.cpp)
    restoreState(settings.windowState());
    restoreQueueLayout(settings);
    onAccessChanged(); // a key given on the command line or by the environment is already there
}

MainWindow::~MainWindow()
{
    // Closing moves the focus; the form behind updateActions is going away.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
    // Pages cancel their requests as they go; do it before the demo server
    // (a child created later) disappears under a request in flight.
    closeAllTabs();
}

void MainWindow::setupActions()
{
    Ui::MainWindow &ui = *m_ui;
    ui.actionSettings->setShortcuts(uniqueSequences(QKeySequence::keyBindings(QKeySequence::Preferences)
                                                    << QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    ui.actionQuit->setShortcuts(uniqueSequences(QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                                                << QKeySequence::keyBindings(QKeySequence::Quit)));
    // Explicit lists: the platform's NextChild/PreviousChild bindings add
    // keys such as Forward, which here mean history navigation.
    ui.actionNextTab->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    // X11 reports Shift+Tab as Backtab: both spellings must match.
    ui.actionPreviousTab->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                        QKeySequence(Qt::CTRL | Qt::Key_PageUp),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)});
    ui.actionBack->setShortcuts(uniqueSequences(QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_Left)}
                                                << QKeySequence::keyBindings(QKeySequence::Back)));
    ui.actionForward->setShortcuts(uniqueSequences(QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_Right)}
                                                   << QKeySequence::keyBindings(QKeySequence::Forward)));
    ui.actionRefresh->setShortcuts(uniqueSequences(QList<QKeySequence>{QKeySequence(Qt::Key_F5)}
                                                   << QKeySequence::keyBindings(QKeySequence::Refresh)));

    connect(ui.actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(ui.actionExploreDemo, &QAction::triggered, this, &MainWindow::startDemo);
    connect(ui.actionQuit, &QAction::triggered, this, [this] {
        close();
        QCoreApplication::quit();
    });
    connect(ui.actionFocusSearch, &QAction::triggered, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
    connect(ui.actionBack, &QAction::triggered, this, [this] { navigate(true); });
    connect(ui.actionForward, &QAction::triggered, this, [this] { navigate(false); });
    connect(ui.actionNextTab, &QAction::triggered, this, [this] { switchTab(+1); });
    connect(ui.actionPreviousTab, &QAction::triggered, this, [this] { switchTab(-1); });
    connect(ui.actionCloseTab, &QAction::triggered, this, &MainWindow::closeCurrent);
    connect(ui.actionClearRecent, &QAction::triggered, m_recent, &RecentCases::clear);
    connect(ui.actionRefresh, &QAction::triggered, this, &MainWindow::refreshFocused);
    connect(ui.actionFocusQueue, &QAction::triggered, this, &MainWindow::focusQueue);
    connect(ui.actionShowQueue, &QAction::toggled, this, &MainWindow::setQueueVisible);
    // The refresh action's target follows the focus (F5 is bound once).
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::updateActions);
    connect(ui.actionCancel, &QAction::triggered, this, &MainWindow::cancelCurrent);
    connect(ui.actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    for (int i = 0; i < TicketViewTabShortcuts; ++i) {
        auto *action = new QAction(tr("Show ticket tab %1").arg(i + 1), this);
        action->setObjectName(QStringLiteral("actionShowTab%1").arg(i + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] {
            if (TicketPage *page = currentPage(); page && page->hasTicket())
                page->ticketView()->showTab(i);
        });
        ui.menuTicket->addAction(action);
        m_showTabActions.append(action);
    }
    setupHandoff();
}

void MainWindow::finishSetup()
{
    if (m_setupFinished)
        return;
    m_setupFinished = true;
    (void)queuePanel(); // the first frame is on screen: now the panel
    setupWatching();
    // PNG decoding (libpng, zlib) is the costliest part of the constructor,
    // and neither picture is needed for the first frame.
    m_ui->welcomeIconLabel->setPixmap(applicationIcon().pixmap(WelcomeIconSize));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->demoIconLabel->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this).pixmap(iconSize));
}

bool MainWindow::event(QEvent *event)
{
    // Not inside the paint: one event-loop slice after it, once the first
    // frame is flushed (see also startup.cpp's AfterFirstPaint).
    if (event->type() == QEvent::Paint && !m_setupFinished && !m_setupScheduled) {
        m_setupScheduled = true;
        QTimer::singleShot(0, this, &MainWindow::finishSetup);
    }
    return QMainWindow::event(event);
}

void MainWindow::setupWelcome()
{
    QFont titleFont = m_ui->welcomeTitleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_ui->welcomeTitleLabel->setFont(titleFont);
    // The icon is decoded after the first paint (finishSetup): its size is
    // reserved now so that nothing moves when it appears.
    m_ui->welcomeIconLabel->setFixedSize(WelcomeIconSize, WelcomeIconSize);

    QFont listTitleFont = m_ui->caseListLabel->font();
    listTitleFont.setBold(true);
    m_ui->caseListLabel->setFont(listTitleFont);
    m_ui->caseList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->caseList->setTextElideMode(Qt::ElideRight);
    m_ui->caseList->setSpacing(2);
    // The two ways to start are the main thing on this screen.
    for (QPushButton *start : {m_ui->setKeyButton, m_ui->demoButton}) {
        start->setMinimumHeight(start->fontMetrics().height() * 2);
        start->setMinimumWidth(start->fontMetrics().averageCharWidth() * 22);
    }
    m_ui->setKeyButton->setDefault(true);

    connect(m_ui->setKeyButton, &QPushButton::clicked, this, &MainWindow::showSettings);
    connect(m_ui->demoButton, &QPushButton::clicked, this, &MainWindow::startDemo);
    const auto openItem = [this](QListWidgetItem *item) {
        if (item)
            openCase(item->data(Qt::UserRole).toString());
    };
    connect(m_ui->caseList, &QListWidget::itemClicked, this, openItem);
    connect(m_ui->caseList, &QListWidget::itemActivated, this, openItem);
}

// --- Finding and opening cases ---------------------------------------------

void MainWindow::submitSearch()
{
    if (!holdShortInput() && openCase(m_ui->searchEdit->text()))
        m_ui->searchEdit->clear();
}

bool MainWindow::openCase(const QString &input)
{
    const ParsedCaseNumber parsed = CaseNumber::parse(input);
    if (!parsed.ok()) {
        // Before anything is sent: the agent fixes it in place.
        m_ui->searchEdit->setText(input);
        showInputError(parsed.error().message());
        return false;
    }
    clearInputError();
    if (TicketPage *page = pageFor(parsed.text())) {
        m_ui->ticketTabs->setCurrentWidget(page);
        page->setFocus();
        return true;
    }
    TicketPage *page = addPage(*parsed.caseNumber());
    page->fetch();
    return true;
}

void MainWindow::showInputError(const QString &message)
{
    const QColor color = PaletteColors::errorText(QApplication::palette(this));
    m_ui->searchEdit->setStyleSheet(
        QStringLiteral("QLineEdit { border: 2px solid %1; border-radius: 3px; padding: 1px 3px; }")
            .arg(color.name()));
    m_ui->searchEdit->setAccessibleDescription(message);
    // Words and a symbol, not colour alone.
    m_ui->searchErrorLabel->setText(QStringLiteral("⚠ ") + message);
    m_ui->searchErrorLabel->setAccessibleName(message);
    m_ui->searchErrorLabel->show();
    m_ui->searchEdit->setFocus();
}

void MainWindow::clearInputError()
{
    m_ui->searchEdit->setStyleSheet({});
    m_ui->searchEdit->setAccessibleDescription({});
    m_ui->searchErrorLabel->clear();
    m_ui->searchErrorLabel->hide();
}

void MainWindow::editCase(const QString &caseNumber)
{
    m_ui->searchEdit->setText(caseNumber);
    m_ui->searchEdit->setFocus(Qt::OtherFocusReason);
    m_ui->searchEdit->selectAll();
}

// --- Tabs --------------------------------------------------------------------

TicketPage *MainWindow::addPage(const CaseNumber &caseNumber, bool makeCurrent)
{
    auto *page = new TicketPage(m_client, caseNumber, m_ui->ticketTabs);
    page->ticketView()->setYouToken(youToken());
    connect(page, &TicketPage::stateChanged, this, [this, page] { onPageStateChanged(page); });
    connect(page, &TicketPage::ticketLoaded, this, [this, page] {
        // Demo cases are not the agent's work: they stay out of the history.
        if (!isDemo())
            m_recent->add(page->caseNumber());
    });
    connect(page, &TicketPage::settingsRequested, this, &MainWindow::showSettings);
    connect(page, &TicketPage::editCaseRequested, this, &MainWindow::editCase);
    connect(page, &TicketPage::httpsLinkActivated, this, &MainWindow::openLink);
    preparePage(page);

    const int index = m_ui->ticketTabs->addTab(page, caseNumber.toString());
    m_ui->ticketTabs->setTabToolTip(index, tr("Loading %1…").arg(caseNumber.toString()));
    if (makeCurrent)
        m_ui->ticketTabs->setCurrentIndex(index);
    m_ui->centralStack->setCurrentWidget(m_ui->ticketsPage);
    updateQueueMarks();
    if (!makeCurrent) // a background tab: the count in the Go menu still changes
        updateActions();
    return page;
}

int MainWindow::ticketCount() const
{
    return m_ui->ticketTabs->count();
}

TicketPage *MainWindow::currentPage() const
{
    return qobject_cast<TicketPage *>(m_ui->ticketTabs->currentWidget());
}

TicketPage *MainWindow::pageFor(const QString &caseNumber) const
{
    for (int i = 0; i < m_ui->ticketTabs->count(); ++i) {
        auto *page = qobject_cast<TicketPage *>(m_ui->ticketTabs->widget(i));
        if (page && page->caseNumber() == caseNumber)
            return page;
    }
    return nullptr;
}

void MainWindow::closeTab(int index)
{
    auto *page = qobject_cast<TicketPage *>(m_ui->ticketTabs->widget(index));
    if (!page)
        return;
    rememberClosed(page->caseNumber());
    m_ui->ticketTabs->removeTab(index);
    delete page; // cancels its request
    updateQueueMarks();
    if (m_ui->ticketTabs->count() == 0)
        updateWelcome();
    updateActions();
    updateWindowTitle();
    focusAfterClose();
}

void MainWindow::closeCurrent()
{
    closeTab(m_ui->ticketTabs->currentIndex());
}

void MainWindow::closeAllTabs()
{
    while (m_ui->ticketTabs->count() > 0)
        closeTab(m_ui->ticketTabs->count() - 1);
}

void MainWindow::switchTab(int delta)
{
    const int count = m_ui->ticketTabs->count();
    if (count < 2)
        return;
    m_ui->ticketTabs->setCurrentIndex((m_ui->ticketTabs->currentIndex() + delta + count) % count);
}

void MainWindow::onCurrentTabChanged()
{
    if (TicketPage *page = currentPage(); page && !m_navigating)
        m_history.visit(page->caseNumber());
    updateActions();
    updateWindowTitle();
    const TicketPage *page = currentPage();
    m_ui->statusBar->showMessage(page ? page->statusText() : QString());
}

void MainWindow::onPageStateChanged(TicketPage *page)
{
    const int index = m_ui->ticketTabs->indexOf(page);
    if (index < 0)
        return;
    QTabWidget *tabs = m_ui->ticketTabs;
    switch (page->state()) {
    case TicketPage::State::Loading:
        tabs->setTabIcon(index, {});
        tabs->setTabToolTip(index, tr("Loading %1…").arg(page->caseNumber()));
        break;
    case TicketPage::State::Ticket:
        tabs->setTabIcon(index, {});
        tabs->setTabToolTip(index, toolTipText(page->ticketView()->ticket().subject, 500));
        break;
    case TicketPage::State::Error:
        tabs->setTabIcon(index, style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this));
        tabs->setTabToolTip(index, page->errorBanner()->headline());
        break;
    }
    if (page == currentPage()) {
        updateActions();
        updateWindowTitle();
        m_ui->statusBar->showMessage(page->statusText());
    }
}

void MainWindow::navigate(bool back)
{
    const QString caseNumber = back ? m_history.back() : m_history.forward();
    if (caseNumber.isEmpty())
        return;
    // Going back to a closed case opens it again; the history stays as is.
    m_navigating = true;
    openCase(caseNumber);
    m_navigating = false;
    updateActions();
}

void MainWindow::refreshCurrent()
{
    if (TicketPage *page = currentPage())
        page->fetch();
}

void MainWindow::cancelCurrent()
{
    if (TicketPage *page = currentPage())
        page->cancel();
}

// --- Keys, demo mode, settings ------------------------------------------------

void MainWindow::onKeyChanged()
{
    // The session applied the key (and ended a demo when a real key came).
    updateWelcome();
    onAccessChanged();
    if (!m_keys->hasKey())
        return;
    // Pages that failed for want of a (good) key get another chance.
    for (int i = 0; i < m_ui->ticketTabs->count(); ++i) {
        auto *page = qobject_cast<TicketPage *>(m_ui->ticketTabs->widget(i));
        if (page && page->state() == TicketPage::State::Error && page->lastError().needsNewKey())
            page->fetch();
    }
}

bool MainWindow::startDemo()
{
    if (m_demo)
        return true;
    auto *server = new DemoServer(this);
    if (!server->listen()) {
        delete server;
        m_ui->statusBar->showMessage(tr("The demo server could not start on this computer."));
        return false;
    }
    // Tickets of a real account and demo tickets never share a window.
    closeAllTabs();
    m_demo = server;
    m_session->enterDemo(m_demo->url(), m_demo->apiKey());
    return true;
}

void MainWindow::leaveDemo()
{
    if (confirmLeaveDemo())
        m_session->leaveDemo();
}

void MainWindow::onDemoChanged(bool demo)
{
    onAccessChanged();
    if (demo) {
        finishSetup(); // the banner's icon, when demo mode starts before the first paint
        updateColors();
        updateWelcome();
        updateWindowTitle();
        m_ui->searchEdit->setFocus();
        return;
    }
    // The session already points the client back at the configured server.
    closeAllTabs();
    delete m_demo;
    m_demo = nullptr;
    updateWelcome();
    updateWindowTitle();
}

void MainWindow::showSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        m_settingsDialog->focusApiKey();
        return;
    }
    auto *dialog = new SettingsDialog(m_keys, m_session->values(), this, m_session->account());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_session->apply(dialog->values()); });
    dialog->open();
    dialog->focusApiKey();
}

void MainWindow::activateFromOtherLaunch(const QString &caseNumber)
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    if (!caseNumber.isEmpty())
        openCase(caseNumber);
}

void MainWindow::showStartupProblem(const QString &message)
{
    if (!m_startupProblem) {
        m_startupProblem = new QLabel(this);
        m_startupProblem->setObjectName(QStringLiteral("startupProblemBanner"));
        m_startupProblem->setWordWrap(true);
        m_startupProblem->setTextFormat(Qt::PlainText);
        m_startupProblem->setMargin(8);
        m_startupProblem->setAccessibleName(tr("Startup problem"));
        m_startupProblem->setStyleSheet(PaletteColors::bannerStyleSheet(
            QApplication::palette(this), PaletteColors::Tone::Warning, m_startupProblem->objectName()));
        if (auto *layout = qobject_cast<QBoxLayout *>(m_ui->centralWidget->layout()))
            layout->insertWidget(0, m_startupProblem);
    }
    m_startupProblem->setText(QStringLiteral("⚠ ") + message);
    m_startupProblem->show();
}

QString MainWindow::startupProblem() const
{
    return m_startupProblem ? m_startupProblem->text() : QString();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(shortcutEntries(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openLink(const QUrl &url)
{
    // The ticket view only reports https and mailto links; check again, as
    // this is where something actually leaves the app.
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https" || scheme == u"mailto")
        QDesktopServices::openUrl(url);
}

// --- Presentation --------------------------------------------------------------

void MainWindow::updateActions()
{
    const TicketPage *page = currentPage();
    const int count = m_ui->ticketTabs->count();
    // F5's target follows the focus: the queue when it has it, else the ticket.
    const bool queueFocused = queueHasFocus();
    m_ui->actionRefresh->setEnabled(queueFocused || (page && !page->isBusy()));
    m_ui->actionRefresh->setText(queueFocused ? tr("&Refresh my tickets") : tr("&Refresh ticket"));
    m_ui->actionCancel->setEnabled(page && page->isBusy());
    m_ui->actionCloseTab->setEnabled(page);
    m_ui->actionNextTab->setEnabled(count > 1);
    m_ui->actionPreviousTab->setEnabled(count > 1);
    m_ui->actionBack->setEnabled(m_history.canGoBack());
    m_ui->actionForward->setEnabled(m_history.canGoForward());
    m_ui->actionExploreDemo->setEnabled(!m_demo);

    const bool hasTicket = page && page->hasTicket();
    for (int i = 0; i < m_showTabActions.size(); ++i) {
        QAction *action = m_showTabActions.at(i);
        const bool exists = hasTicket && i < page->ticketView()->tabCount();
        action->setEnabled(exists);
        action->setText(exists ? page->ticketView()->tabTitle(i) : tr("Show ticket tab %1").arg(i + 1));
    }
}

void MainWindow::updateWindowTitle()
{
    const QString app = m_demo ? tr("CaseLens (demo data)") : QStringLiteral("CaseLens");
    const TicketPage *page = currentPage();
    if (!page) {
        setWindowTitle(app);
        return;
    }
    QString title = page->caseNumber();
    // Subjects are written by strangers: one line, shortened, and isolated so
    // that a right-to-left override cannot reorder the rest of the title.
    if (page->hasTicket() && !page->ticketView()->ticket().subject.isEmpty())
        title +=
            QStringLiteral(" — ") + isolate(shortened(singleLine(page->ticketView()->ticket().subject), 100));
    setWindowTitle(title + QStringLiteral(" — ") + app);
}

void MainWindow::updateWelcome()
{
    Ui::MainWindow &ui = *m_ui;
    ui.demoBanner->setVisible(m_demo);
    ui.caseList->clear();
    if (m_demo) {
        ui.welcomeTitleLabel->setText(tr("Demo data"));
        ui.welcomeTextLabel->setText(
            tr("These sample tickets come from a small server inside CaseLens, so everything works as it "
               "does with a real Sweeppea account. Pick one, or type its case number above."));
        ui.noKeyActions->hide();
        ui.caseListLabel->setText(tr("Demo tickets"));
        const QList<DemoCase> catalog = DemoServer::catalog(m_demo->directory());
        for (const DemoCase &demoCase : catalog) {
            auto *item = new QListWidgetItem(caseListText(demoCase), ui.caseList);
            item->setData(Qt::UserRole, demoCase.caseNumber);
            item->setToolTip(demoCase.subject.isEmpty() ? tr("Open %1").arg(demoCase.caseNumber)
                                                        : demoCase.subject);
        }
        m_completerModel->setStringList(DemoServer::caseNumbers(m_demo->directory()));
    } else if (!m_keys->hasKey() && m_keys->isLoading()) {
        ui.welcomeTitleLabel->setText(tr("Welcome to CaseLens"));
        ui.welcomeTextLabel->setText(tr("Looking for your API key…"));
        ui.noKeyActions->hide();
    } else if (!m_keys->hasKey()) {
        ui.welcomeTitleLabel->setText(tr("Welcome to CaseLens"));
        QString text =
            tr("CaseLens shows Sweeppea support tickets: type or paste a case number and see the ticket, "
               "its conversation, its activity and who asked, at a glance.\n\n"
               "To start, set your Sweeppea API key. Or explore CaseLens first with bundled demo tickets.");
        if (const Error error = m_keys->keychainError(); error.isError())
            text += QStringLiteral("\n\n⚠ ") + error.message() +
                    tr("\nIn Settings you can use a key for this session only.");
        ui.welcomeTextLabel->setText(text);
        ui.noKeyActions->show();
    } else {
        ui.welcomeTitleLabel->setText(tr("Open a ticket"));
        ui.welcomeTextLabel->setText(tr("Type or paste a case number above and press Enter. Ctrl+L takes you "
                                        "there from anywhere; several tickets can be open at once."));
        ui.noKeyActions->hide();
    }
    if (!m_demo) {
        ui.caseListLabel->setText(tr("Recent cases"));
        const QStringList recent = m_recent->cases();
        for (const QString &caseNumber : recent) {
            auto *item = new QListWidgetItem(caseNumber, ui.caseList);
            item->setData(Qt::UserRole, caseNumber);
            item->setToolTip(tr("Open %1").arg(caseNumber));
        }
        m_completerModel->setStringList(recent);
    }
    const bool listed = ui.caseList->count() > 0;
    ui.caseListLabel->setVisible(listed);
    ui.caseList->setVisible(listed);
    ui.centralStack->setCurrentWidget(ui.ticketTabs->count() > 0 ? ui.ticketsPage : ui.welcomePage);
    updateActions();
}

void MainWindow::updateRecent()
{
    qDeleteAll(m_recentActions);
    m_recentActions.clear();
    const QStringList recent = m_recent->cases();
    QAction *before = m_ui->menuRecent->actions().constFirst(); // the separator
    for (qsizetype i = 0; i < std::min<qsizetype>(recent.size(), RecentMenuEntries); ++i) {
        const QString caseNumber = recent.at(i);
        auto *action = new QAction(caseNumber, m_ui->menuRecent);
        connect(action, &QAction::triggered, this, [this, caseNumber] { openCase(caseNumber); });
        m_ui->menuRecent->insertAction(before, action);
        m_recentActions.append(action);
    }
    m_ui->actionClearRecent->setEnabled(!recent.isEmpty());
    if (!m_demo) // the welcome screen lists recent cases outside demo mode
        updateWelcome();
}

void MainWindow::updateColors()
{
    const QPalette palette = QApplication::palette(this);
    // A style sheet costs a style-sheet style and a parse on polish: the
    // banner gets its colours when demo mode first shows it.
    if (m_demo || !m_ui->demoBanner->styleSheet().isEmpty())
        m_ui->demoBanner->setStyleSheet(PaletteColors::bannerStyleSheet(palette, PaletteColors::Tone::Warning,
                                                                        m_ui->demoBanner->objectName()));
    QPalette errorPalette = m_ui->searchErrorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, PaletteColors::errorText(palette));
    m_ui->searchErrorLabel->setPalette(errorPalette);
    if (m_ui->searchErrorLabel->isVisible())
        showInputError(m_ui->searchErrorLabel->accessibleName());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateColors();
}

void MainWindow::saveWindowState()
{
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry(), saveState());
    settings.setQueueLayout(m_splitter->saveState(), m_ui->actionShowQueue->isChecked());
    if (m_queue)
        m_queue->saveState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

} // namespace CaseLens::Gui
