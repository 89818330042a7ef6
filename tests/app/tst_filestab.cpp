#include "core/apiclient.h"
#include "core/filedownload.h"
#include "support/fakeserver.h"
#include "ticketview/filesmodel.h"
#include "ticketview/filestab.h"
#include "ticketview/itemviewlinks.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

namespace {

const QUrl csvUrl(u"https://files.sweeppea.com/t/HYXTNJV/winners-export.csv"_s);
const QUrl exeUrl(u"https://files.sweeppea.com/t/HYXTNJV/invoice.pdf.exe"_s);

QList<Attachment> sampleFiles(const QUrl &extraLink = {})
{
    QList<Attachment> files = {
        {u"winners-export.csv"_s, 482133, {}, csvUrl.toString()},
        {u"invoice.pdf.exe"_s, 1024, {}, exeUrl.toString()},
    };
    if (extraLink.isValid())
        files.append({u"report.bin"_s, {}, {}, extraLink.toString()});
    return files;
}

// The Files tab, shown on the offscreen platform, over its own model.
struct Tab
{
    explicit Tab(const QList<Attachment> &files)
    {
        model.setFiles(files);
        tab.refresh();
        tab.resize(700, 400);
        tab.show();
    }

    // Makes row (in model order: the table is unsorted) current.
    void select(int row, int column = FilesModel::NameColumn)
    {
        tab.tableView()->setCurrentIndex(tab.tableView()->model()->index(row, column));
    }

    FilesModel model;
    FilesTab tab{&model};
};

// A tab whose third file (report.bin) a loopback server serves with handler,
// with a client (its network manager) for Save As… and a folder to save into.
struct ServedTab
{
    explicit ServedTab(FakeServer::Handler handler)
    {
        listening = server.listen();
        server.route("/files/report.bin", std::move(handler));
        QUrl link = server.url();
        link.setPath(u"/files/report.bin"_s);
        t = std::make_unique<Tab>(sampleFiles(link));
        t->tab.setApiClient(&client);
    }

    [[nodiscard]] QString path() const { return dir.filePath(u"report.bin"_s); }

    // Destroyed from the bottom up: the tab (and its download) before the server.
    FakeServer server;
    QNetworkAccessManager network;
    ApiClient client{&network};
    std::unique_ptr<Tab> t;
    QTemporaryDir dir;
    bool listening = false;
};

// Answers the next modal question with button, after checking it; what it saw.
struct QuestionAnswer
{
    QString text;
    QString informativeText;
    bool defaultIsNo = false;
};

void answerNextQuestion(QMessageBox::StandardButton button, QuestionAnswer *seen)
{
    QTimer::singleShot(0, qApp, [button, seen] {
        QMessageBox *box = nullptr;
        if (!QTest::qWaitFor([&box] {
                box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                return box != nullptr;
            }))
            return;
        seen->text = box->text();
        seen->informativeText = box->informativeText();
        seen->defaultIsNo = box->defaultButton() == box->button(QMessageBox::No);
        if (button == QMessageBox::NoButton)
            QTest::keyClick(box, Qt::Key_Return); // the default
        else
            box->button(button)->click();
    });
}

} // namespace

class tst_FilesTab final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextMenuHasTheThreeActions();
    void riskyRowIsMarked();
    void riskyFileAsksBeforeOpening();
    void returnOpensTheCurrentRow();
    void copyLinkPutsTheUrlOnTheClipboard();
    void saveAsDownloadsWithProgressInTheTab();
    void saveAsErrorsStayInTheTab();
    void plainHttpIsRefusedWithAMessage();
};

void tst_FilesTab::contextMenuHasTheThreeActions()
{
    Tab t(sampleFiles());
    QNetworkAccessManager network; // Save As… needs a client
    ApiClient client(&network);
    t.tab.setApiClient(&client);
    QVERIFY(QTest::qWaitForWindowExposed(&t.tab));
    t.select(1);
    t.tab.tableView()->setFocus();
    QTRY_VERIFY(t.tab.tableView()->hasFocus());
    // From the keyboard (Shift+F10), at the current row.
    QTest::keyClick(t.tab.tableView(), Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QCOMPARE(menu, t.tab.contextMenu());
    QStringList texts;
    for (QAction *action : menu->actions()) {
        texts << action->text();
        QVERIFY2(action->isEnabled(), qPrintable(action->text()));
    }
    QCOMPARE(texts, (QStringList{u"&Open"_s, u"Copy &Link"_s, u"&Save As…"_s}));
    menu->close();
    QTRY_VERIFY(!QApplication::activePopupWidget());

    // A right click on another row makes that row the one acted on.
    const QRect row0 = t.tab.tableView()->visualRect(t.tab.tableView()->model()->index(0, 1));
    t.tab.showContextMenu(row0.center());
    QTRY_VERIFY(t.tab.contextMenu()->isVisible());
    QCOMPARE(t.tab.currentRow(), 0);
    t.tab.contextMenu()->close();

    // The same actions sit above the table, keyboard reachable.
    for (QAction *action : {t.tab.openAction(), t.tab.copyLinkAction(), t.tab.saveAction()}) {
        QToolButton *button = nullptr;
        for (QToolButton *b : t.tab.findChildren<QToolButton *>()) {
            if (b->defaultAction() == action)
                button = b;
        }
        QVERIFY2(button && button->isVisible(), qPrintable(action->text()));
    }
}

void tst_FilesTab::riskyRowIsMarked()
{
    Tab t(sampleFiles());
    const QAbstractItemModel *model = t.tab.tableView()->model();
    const QModelIndex risky = model->index(1, FilesModel::NameColumn);
    const QModelIndex safe = model->index(0, FilesModel::NameColumn);
    QVERIFY(!risky.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(safe.data(Qt::DecorationRole).isNull());
    const QString reason = risky.data(FilesModel::RiskReasonRole).toString();
    QVERIFY(reason.contains(u"program"_s));
    QVERIFY(risky.data(Qt::ToolTipRole).toString().contains(u"really ends in"_s));
    QVERIFY(risky.data(Qt::AccessibleTextRole).toString().contains(u"Warning"_s));
    QVERIFY(safe.data(FilesModel::RiskReasonRole).toString().isEmpty());

    // A harmless name on a program's link is a risky file too.
    FilesModel byLink;
    byLink.setFiles({{u"report.pdf"_s, {}, {}, u"https://files.example.com/x/setup.exe"_s}});
    QVERIFY(!byLink.index(0, 0).data(FilesModel::RiskReasonRole).toString().isEmpty());
}

void tst_FilesTab::riskyFileAsksBeforeOpening()
{
    Tab t(sampleFiles());
    QSignalSpy opened(&t.tab, &FilesTab::httpsLinkActivated);

    // A harmless file opens at once.
    t.select(0);
    t.tab.openAction()->trigger();
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.takeFirst().at(0).toUrl(), csvUrl);

    // A program asks, with the reason; Return takes the default: No.
    t.select(1);
    QuestionAnswer seen;
    answerNextQuestion(QMessageBox::NoButton, &seen);
    t.tab.openAction()->trigger();
    QVERIFY(seen.text.contains(u"invoice.pdf.exe"_s));
    QVERIFY(seen.informativeText.contains(u"This is a program"_s));
    QVERIFY(seen.defaultIsNo);
    QCOMPARE(opened.count(), 0);

    // Yes opens it; a click on its link asks as well.
    answerNextQuestion(QMessageBox::Yes, &seen);
    t.tab.openAction()->trigger();
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.takeFirst().at(0).toUrl(), exeUrl);
    answerNextQuestion(QMessageBox::No, &seen);
    auto *links = t.tab.tableView()->findChild<ItemViewLinks *>();
    QVERIFY(links);
    links->activate(t.tab.tableView()->model()->index(1, FilesModel::LinkColumn)); // what a click does
    QCOMPARE(opened.count(), 0);
}

void tst_FilesTab::returnOpensTheCurrentRow()
{
    Tab t(sampleFiles());
    QVERIFY(QTest::qWaitForWindowExposed(&t.tab));
    QSignalSpy opened(&t.tab, &FilesTab::httpsLinkActivated);
    t.select(0, FilesModel::SizeColumn); // not on the link itself
    t.tab.tableView()->setFocus();
    QTRY_VERIFY(t.tab.tableView()->hasFocus());
    QTest::keyClick(t.tab.tableView(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toUrl(), csvUrl);
}

void tst_FilesTab::copyLinkPutsTheUrlOnTheClipboard()
{
    Tab t(sampleFiles());
    QApplication::clipboard()->clear();
    t.select(0);
    t.tab.copyLinkAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), csvUrl.toString());

    // A javascript: "link" is no link: nothing to copy, open or save.
    FilesModel model;
    FilesTab tab(&model);
    model.setFiles({{u"x"_s, {}, {}, u"javascript:alert(1)"_s}});
    tab.refresh();
    tab.tableView()->setCurrentIndex(tab.tableView()->model()->index(0, 0));
    QVERIFY(!tab.copyLinkAction()->isEnabled());
    QVERIFY(!tab.openAction()->isEnabled());
    QVERIFY(!tab.saveAction()->isEnabled());
}

void tst_FilesTab::saveAsDownloadsWithProgressInTheTab()
{
    const QByteArray body(300 * 1024, 'q');
    ServedTab served([body](const RecordedRequest &) {
        FakeResponse response;
        response.contentType = "application/octet-stream";
        response.body = body;
        return response;
    });
    QVERIFY(served.listening);
    Tab &t = *served.t;
    const FakeServer &server = served.server;
    t.select(2);
    QVERIFY(t.tab.saveAction()->isEnabled());
    QVERIFY(t.tab.saveAction()->toolTip().contains(u"100 MB"_s)); // the cap is said

    const QString path = served.path();
    t.tab.saveFileTo(2, path);
    QVERIFY(t.tab.downloadStatusText().startsWith(u"Downloading"_s));
    QVERIFY(!t.tab.saveAction()->isEnabled()); // one at a time
    QTRY_VERIFY(t.tab.downloadStatusText().startsWith(u"Saved"_s));
    QVERIFY(t.tab.downloadStatusText().contains(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll() == body);
    QVERIFY(!server.routedRequests().first().headers.contains("authorization"));
    QVERIFY(t.tab.saveAction()->isEnabled());
}

void tst_FilesTab::saveAsErrorsStayInTheTab()
{
    ServedTab served([](const RecordedRequest &) {
        FakeResponse slow;
        slow.body = QByteArray(100 * 1024, 'a');
        slow.behaviour = FakeResponse::Behaviour::HangAfterHeaders;
        return slow;
    });
    QVERIFY(served.listening);
    Tab &t = *served.t;
    FakeServer &server = served.server;
    const QString path = served.path();

    // Cancel in the tab: nothing saved.
    t.tab.saveFileTo(2, path);
    auto *cancel = t.tab.findChild<QPushButton *>(u"cancelDownload"_s);
    QVERIFY(cancel && cancel->isVisible());
    QTRY_COMPARE(server.routedRequests().size(), 1);
    cancel->click();
    QTRY_VERIFY(t.tab.downloadStatusText().contains(u"cancelled"_s));
    QVERIFY(!QFile::exists(path));

    // A 404: said in the tab with the next step, no modal box.
    server.route("/files/report.bin",
                 [](const RecordedRequest &) { return FakeResponse::error(404, u"gone"_s); });
    t.tab.saveFileTo(2, path);
    QTRY_VERIFY(t.tab.downloadStatusText().contains(u"404"_s));
    QVERIFY(t.tab.downloadStatusText().contains(u"refresh the ticket"_s));
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!QFile::exists(path));
}

void tst_FilesTab::plainHttpIsRefusedWithAMessage()
{
    Tab t({{u"rules.pdf"_s, {}, {}, u"http://insecure.example/rules.pdf"_s}});
    QNetworkAccessManager network;
    ApiClient client(&network);
    t.tab.setApiClient(&client);
    t.select(0);
    QVERIFY(!t.tab.openAction()->isEnabled()); // Open is https only
    QVERIFY(t.tab.saveAction()->isEnabled());  // Save As… explains why not
    QTemporaryDir dir;
    t.tab.saveFileTo(0, dir.filePath(u"rules.pdf"_s));
    QTRY_VERIFY(t.tab.downloadStatusText().contains(u"only over https"_s));
    QVERIFY(!QFile::exists(dir.filePath(u"rules.pdf"_s)));
}

QTEST_MAIN(tst_FilesTab)
#include "tst_filestab.moc"
