// MainWindow: View → Appearance (System / Light / Dark, the same setting as
// Settings → Appearance), and a language chosen in Settings applied at once
// (issue 18, item 9).
#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/appearance.h"
#include "app/handoffactions.h"
#include "app/languagesupport.h"
#include "app/ticketpage.h"
#include "app/writeactions.h"
#include "core/session.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHash>
#include <QMenu>
#include <QTimer>

#include <functional>

namespace CaseLens::Gui {

namespace {

// QEvent::LanguageChange reaches the window once per translator installed
// or removed: the window retranslates once, after the last.
class LanguageChangeFilter final : public QObject
{
    Q_DISABLE_COPY_MOVE(LanguageChangeFilter)

public:
    LanguageChangeFilter(QObject *parent, std::function<void()> onChange)
        : QObject(parent)
        , m_onChange(std::move(onChange))
    {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parent() && event->type() == QEvent::LanguageChange && !m_pending) {
            m_pending = true;
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                m_onChange();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_onChange;
    bool m_pending = false;
};

QString appearanceActionName(Appearance::Theme theme)
{
    return QStringLiteral("actionAppearance_") + Appearance::name(theme);
}

} // namespace

void MainWindow::setupAppearance()
{
    auto *menu = new QMenu(tr("&Appearance"), m_ui->menuView);
    menu->setObjectName(QStringLiteral("menuAppearance"));
    m_ui->menuView->addMenu(menu);
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    const QString saved = m_session->values().appearance;
    for (const Appearance::Theme theme : Appearance::themes()) {
        QAction *action = menu->addAction(Appearance::displayName(theme));
        action->setObjectName(appearanceActionName(theme));
        action->setCheckable(true);
        action->setChecked(Appearance::name(theme) == saved);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] {
            SettingsValues values = m_session->values();
            values.appearance = Appearance::name(theme);
            m_session->apply(values); // saved; appearanceChanged applies it
        });
    }
    connect(m_session, &Session::appearanceChanged, this, [this](const QString &name) {
        const Appearance::Theme theme = Appearance::fromName(name);
        Appearance::apply(theme);
        if (auto *action = findChild<QAction *>(appearanceActionName(theme)))
            action->setChecked(true);
    });
    connect(m_session, &Session::languageChanged, this, &MainWindow::applyLanguage);
    installEventFilter(new LanguageChangeFilter(this, [this] { retranslate(); }));
}

void MainWindow::applyLanguage(const QString &language)
{
    // Qt sends QEvent::LanguageChange to every widget: the window, its menus
    // and dialogs retranslate themselves (retranslate()).
    installTranslations(*qApp, language);
}

void MainWindow::retranslate()
{
    // retranslateUi() sets the .ui's one shortcut per action again; several
    // have a list made in code (setupActions): keep what is bound.
    QHash<QAction *, QList<QKeySequence>> bound;
    const QList<QAction *> actions = findChildren<QAction *>();
    for (QAction *action : actions)
        bound.insert(action, action->shortcuts());
    m_ui->retranslateUi(this);
    for (auto it = bound.cbegin(); it != bound.cend(); ++it)
        it.key()->setShortcuts(it.value());
    m_ui->statusBar->setAccessibleName(tr("Status"));
    m_ui->menuBar->setAccessibleName(tr("Menu"));
    if (auto *reopen = findChild<QAction *>(QStringLiteral("actionReopenClosedTab")))
        reopen->setText(tr("Reopen closed &tab"));
    if (auto *menu = findChild<QMenu *>(QStringLiteral("menuAppearance"))) {
        menu->setTitle(tr("&Appearance"));
        for (const Appearance::Theme theme : Appearance::themes()) {
            if (auto *action = findChild<QAction *>(appearanceActionName(theme)))
                action->setText(Appearance::displayName(theme));
        }
    }
    if (m_writes)
        m_writes->retranslate();
    if (auto *handoff = findChild<HandoffActions *>())
        handoff->retranslate();
    updateRecent(); // also the welcome screen
    updateWelcome();
    updateActions();
    updateWindowTitle();
    if (const TicketPage *page = currentPage())
        m_ui->statusBar->showMessage(page->statusText());
}

} // namespace CaseLens::Gui
