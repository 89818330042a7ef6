// Handing a ticket on from the window (issue 16): Ticket → Copy and its
// Ctrl+Shift+C, the header's Copy menu, the ticket tabs' context menu,
// File → Export ticket… through its dialog, and File → Print…'s preview.
#include "app/mainwindow.h"
#include "app/ticketpage.h"
#include "support/sampledata.h"
#include "support/windowharness.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

const QString Subject =
    QStringLiteral("Winners list export fails for sweepstakes with more than 10,000 entries");

std::unique_ptr<WindowHarness> activeWindow()
{
    auto h = WindowHarness::create();
    if (h && !QTest::qWaitForWindowActive(h->window.get()))
        h.reset();
    return h;
}

QAction *windowAction(const WindowHarness &h, const char *name)
{
    return h.window->findChild<QAction *>(QString::fromLatin1(name));
}

// Serves HYXTNJV and the other cases given, and opens them in that order.
bool openTickets(WindowHarness &h, const QStringList &others = {})
{
    QHash<QString, QJsonObject> byCase{{QStringLiteral("HYXTNJV"), sampleTicketData()}};
    for (const QString &c : others)
        byCase.insert(c, sampleTicketData(c));
    h.server.serveTickets(byCase);
    for (const QString &c : QStringList{QStringLiteral("HYXTNJV")} + others) {
        h.type(c);
        TicketPage *page = h.window->pageFor(c);
        if (!page || !QTest::qWaitFor([page] { return page->state() == TicketPage::State::Ticket; }))
            return false;
    }
    return true;
}

// The actions a menu made itself (QMenu::addAction) are its children.
QAction *actionNamed(const QMenu *menu, const char *name)
{
    return menu->findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class tst_WindowHandoff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_windowhandoff")));
    }
    void init()
    {
        QSettings().clear();
        QGuiApplication::clipboard()->clear();
    }

    void actionsFollowTheShownTicket();
    void ctrlShiftCCopiesTheLink();
    void ticketCopyMenuAndHeaderButton();
    void tabMenuClosesOthers();
    void exportDialogWritesTheChosenFormat();
    void printPreviewLaysOutTheTicket();
    void shortcutsAreListedOnce();

private:
    QTemporaryDir m_settingsDir;
};

void tst_WindowHandoff::actionsFollowTheShownTicket()
{
    auto h = activeWindow();
    QVERIFY(h);
    QAction *exportAction = windowAction(*h, "actionExportTicket");
    QAction *print = windowAction(*h, "actionPrint");
    QAction *copyLink = windowAction(*h, "actionCopyLink");
    QVERIFY(exportAction && print && copyLink);
    QVERIFY(!exportAction->isEnabled());
    QVERIFY(!print->isEnabled());
    QVERIFY(!copyLink->isEnabled());

    // File: Settings, …, Export ticket…, Print…, Quit.
    const auto *file = h->window->findChild<QMenu *>(QStringLiteral("menuFile"));
    const QList<QAction *> fileActions = file->actions();
    const qsizetype exportAt = fileActions.indexOf(exportAction);
    QVERIFY(exportAt > fileActions.indexOf(windowAction(*h, "actionSettings")));
    QCOMPARE(fileActions.indexOf(print), exportAt + 1);
    QVERIFY(fileActions.indexOf(windowAction(*h, "actionQuit")) > exportAt + 1);

    // A tab that fails shows no ticket: nothing to export.
    h->server.enqueue(FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied")));
    h->type(QStringLiteral("NOPE404"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Error);
    QVERIFY(!exportAction->isEnabled());

    QVERIFY(openTickets(*h));
    QTRY_VERIFY(exportAction->isEnabled());
    QVERIFY(print->isEnabled());
    QVERIFY(copyLink->isEnabled());

    // Back to the failed tab, then closing everything: disabled again.
    h->tabs()->setCurrentIndex(0);
    QVERIFY(!print->isEnabled());
    while (h->tabs()->count() > 0)
        h->window->closeCurrent();
    QVERIFY(!exportAction->isEnabled());
    QVERIFY(!print->isEnabled());
}

void tst_WindowHandoff::ctrlShiftCCopiesTheLink()
{
    auto h = activeWindow();
    QVERIFY(h);
    QVERIFY(openTickets(*h, {QStringLiteral("ABC1234")}));
    QTest::keyClick(h->window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("caselens://ticket/ABC1234"));
    h->tabs()->setCurrentWidget(h->window->pageFor(QStringLiteral("HYXTNJV")));
    QTest::keyClick(h->window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("caselens://ticket/HYXTNJV"));
}

void tst_WindowHandoff::ticketCopyMenuAndHeaderButton()
{
    auto h = activeWindow();
    QVERIFY(h);
    QVERIFY(openTickets(*h));
    QClipboard *clipboard = QGuiApplication::clipboard();

    // Ticket → Copy: the four ways.
    const auto *copyMenu = h->window->findChild<QMenu *>(QStringLiteral("menuCopy"));
    QVERIFY(copyMenu);
    QCOMPARE(copyMenu->actions().size(), 4);
    actionNamed(copyMenu, "copyTitleAction")->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("HYXTNJV — ") + Subject);
    actionNamed(copyMenu, "copyCaseNumberAction")->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("HYXTNJV"));
    actionNamed(copyMenu, "copyMarkdownAction")->trigger();
    QVERIFY(clipboard->text().startsWith(QStringLiteral("### HYXTNJV — ") + Subject));
    QVERIFY(clipboard->text().contains(QStringLiteral("Maria Lopez")));

    // The header's button: a click copies the case number, its menu the rest.
    TicketHeader *header = h->window->currentPage()->ticketView()->findChild<TicketHeader *>();
    QVERIFY(header);
    auto *button = header->findChild<QToolButton *>(QStringLiteral("copyCaseNumber"));
    QVERIFY(button && button->menu());
    QCOMPARE(button->popupMode(), QToolButton::MenuButtonPopup);
    clipboard->clear();
    button->click();
    QCOMPARE(clipboard->text(), QStringLiteral("HYXTNJV"));
    QCOMPARE(button->menu()->actions().size(), 4);
    QAction *link = actionNamed(button->menu(), "copyLinkAction");
    QVERIFY(link->shortcut().isEmpty()); // Ctrl+Shift+C is bound once, in the window
    link->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("caselens://ticket/HYXTNJV"));
    actionNamed(button->menu(), "copyTitleAction")->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("HYXTNJV — ") + Subject);
}

void tst_WindowHandoff::tabMenuClosesOthers()
{
    auto h = activeWindow();
    QVERIFY(h);
    QVERIFY(openTickets(*h, {QStringLiteral("ABC1234"), QStringLiteral("XYZ7890")}));
    QCOMPARE(h->window->ticketCount(), 3);

    // A right click on the middle tab opens its menu.
    QTabBar *bar = h->tabs()->tabBar();
    const QPoint pos = bar->tabRect(1).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, bar->mapToGlobal(pos));
    QCoreApplication::sendEvent(bar, &event);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QCOMPARE(menu->objectName(), QStringLiteral("ticketTabMenu"));
    actionNamed(menu, "tabCopyLinkAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("caselens://ticket/ABC1234"));
    QAction *closeOthers = actionNamed(menu, "tabCloseOthersAction");
    QVERIFY(closeOthers->isEnabled());
    closeOthers->trigger();
    menu->close();
    QCOMPARE(h->window->ticketCount(), 1);
    QCOMPARE(h->window->currentPage()->caseNumber(), QStringLiteral("ABC1234"));

    // The last tab: Close others has nothing to close; Close closes it.
    QContextMenuEvent again(QContextMenuEvent::Mouse, bar->tabRect(0).center(),
                            bar->mapToGlobal(bar->tabRect(0).center()));
    QCoreApplication::sendEvent(bar, &again);
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QVERIFY(!actionNamed(menu, "tabCloseOthersAction")->isEnabled());
    actionNamed(menu, "tabCloseAction")->trigger();
    menu->close();
    QCOMPARE(h->window->ticketCount(), 0);
}

void tst_WindowHandoff::exportDialogWritesTheChosenFormat()
{
    auto h = activeWindow();
    QVERIFY(h);
    QVERIFY(openTickets(*h));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    windowAction(*h, "actionExportTicket")->trigger();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findTopLevel<QFileDialog>()));
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    QCOMPARE(dialog->nameFilters().size(), 3);
    // The safe name is offered, as a PDF.
    QCOMPARE(QFileInfo(dialog->selectedFiles().value(0)).fileName(),
             QStringLiteral("HYXTNJV - ") + Subject + QStringLiteral(".pdf"));

    // Markdown chosen: that is what is written.
    const QString markdownFilter = dialog->nameFilters().at(1);
    QVERIFY(markdownFilter.contains(QStringLiteral("*.md")));
    dialog->selectNameFilter(markdownFilter);
    const QString path = dir.filePath(QStringLiteral("handoff.md"));
    dialog->setDirectory(dir.path());
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    QTRY_VERIFY(QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith(QByteArray(QByteArray("# HYXTNJV — ") + Subject.toUtf8())));
    QVERIFY(h->window->statusBar()->currentMessage().contains(QStringLiteral("Exported HYXTNJV")));
}

void tst_WindowHandoff::printPreviewLaysOutTheTicket()
{
    // Printing itself cannot be checked offscreen; the preview lays out the
    // same document as the PDF export (tst_ticketexport) on the printer's pages.
    auto h = activeWindow();
    QVERIFY(h);
    QVERIFY(openTickets(*h));
    QTest::keyClick(h->window.get(), Qt::Key_P, Qt::ControlModifier);
    QPrintPreviewDialog *preview = nullptr;
    QTRY_VERIFY((preview = findTopLevel<QPrintPreviewDialog>()));
    QVERIFY(preview->windowTitle().contains(QStringLiteral("HYXTNJV")));
    auto *widget = preview->findChild<QPrintPreviewWidget *>();
    QVERIFY(widget);
    QTRY_VERIFY(widget->pageCount() > 0);
    preview->close();
}

void tst_WindowHandoff::shortcutsAreListedOnce()
{
    auto h = activeWindow();
    QVERIFY(h);
    QStringList keys;
    for (const ShortcutEntry &entry : h->window->shortcutEntries())
        keys << entry.keys.split(QStringLiteral(", "));
    QCOMPARE(keys.count(QStringLiteral("Ctrl+Shift+C")), 1);
    QCOMPARE(keys.count(QStringLiteral("Ctrl+P")), 1);
    // No other action of the window holds them.
    int bound = 0;
    for (const QAction *action : h->window->findChildren<QAction *>()) {
        for (const QKeySequence &sequence : action->shortcuts())
            bound += sequence == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C) ||
                     sequence == QKeySequence(Qt::CTRL | Qt::Key_P);
    }
    QCOMPARE(bound, 2);
}

QTEST_MAIN(tst_WindowHandoff)
#include "tst_windowhandoff.moc"
