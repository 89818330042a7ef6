// The dialog behind Ticket → New ticket… and Edit…, on its own: the title's
// counter and limit, bold and italic written as the API's simple HTML, the
// pre-fill from a ticket's (untrusted) description, and sending exactly once,
// against a loopback server keeping tickets in memory.
#include "app/ticketeditordialog.h"
#include "core/ticketparser.h"
#include "support/clientfixture.h"
#include "support/sampledata.h"
#include "support/writeserver.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTextCursor>
#include <QTextEdit>
#include <QToolButton>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

const QString Case = QStringLiteral("HYXTNJV");

Ticket openTicket(const QString &subject, const QString &descriptionHtml)
{
    Ticket ticket;
    ticket.caseNumber = Case;
    ticket.subject = subject;
    ticket.descriptionHtml = descriptionHtml;
    ticket.status = TicketStatus::Open;
    return ticket;
}

QLineEdit *titleEdit(const TicketEditorDialog &dialog)
{
    return dialog.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
}

} // namespace

class tst_TicketEditorDialog final : public QObject, public ClientFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(startServerAndClient(QStringLiteral("test-key")));
        m_store = std::make_unique<FakeTicketStore>(*m_server);
    }

    void cleanup()
    {
        m_store.reset();
        stopServerAndClient();
    }

    void theTitleHasACounterAndALimit()
    {
        TicketEditorDialog dialog(m_client.get());
        dialog.show();
        auto *counter = dialog.findChild<QLabel *>(QStringLiteral("titleCounter"));
        QCOMPARE(counter->text(), QStringLiteral("0 / 200"));
        QTest::keyClicks(titleEdit(dialog), QStringLiteral("Export fails"));
        QCOMPARE(counter->text(), QStringLiteral("12 / 200"));
        QVERIFY(dialog.sendButton()->isEnabled());
        titleEdit(dialog)->clear();
        QVERIFY(!dialog.sendButton()->isEnabled()); // a ticket needs a title
        QTest::keyClicks(titleEdit(dialog), QString(250, u'x'));
        QCOMPARE(dialog.title().size(), 200);
        QCOMPARE(counter->text(), QStringLiteral("200 / 200"));
    }

    void boldItalicAndLineBreaksAreSentAsSimpleHtml()
    {
        TicketEditorDialog dialog(m_client.get());
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog)); // the format shortcuts work in the active dialog
        QTextEdit *edit = dialog.descriptionEdit();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Plain "));
        QTest::mouseClick(dialog.findChild<QToolButton *>(QStringLiteral("boldButton")), Qt::LeftButton);
        QTest::keyClicks(edit, QStringLiteral("bold"));
        QTest::keyClick(edit, Qt::Key_B, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClick(edit, Qt::Key_I, Qt::ControlModifier);
        QTest::keyClicks(edit, QStringLiteral("<i>talic"));
        QVERIFY(dialog.findChild<QToolButton *>(QStringLiteral("italicButton"))->isChecked());
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier); // a line break inside the paragraph
        QTest::keyClicks(edit, QStringLiteral("end"));
        QCOMPARE(dialog.descriptionHtml(),
                 QStringLiteral("Plain <b>bold</b><br><i>&lt;i&gt;talic<br>end</i>"));

        // Pasted rich text arrives plain: only what the buttons make is styled.
        auto *mime = new QMimeData;
        mime->setHtml(QStringLiteral("<h1 style=\"color:red\">Big</h1><u>under</u>"));
        mime->setText(QStringLiteral("Big under"));
        QGuiApplication::clipboard()->setMimeData(mime);
        edit->selectAll();
        edit->paste();
        QCOMPARE(dialog.descriptionHtml(), QStringLiteral("Big under"));
    }

    // Two clicks in quick succession (the server is slow to answer): one request.
    void sendCannotSendTwice()
    {
        m_server->enqueue([] {
            FakeResponse slow = FakeResponse::json(
                201, {{QStringLiteral("Response"), true},
                      {QStringLiteral("Data"),
                       QJsonObject{{QStringLiteral("CaseNumber"), QStringLiteral("NEW0001")},
                                   {QStringLiteral("Status"), QStringLiteral("Open")}}}});
            slow.delayMs = 300;
            return slow;
        }());
        TicketEditorDialog dialog(m_client.get());
        dialog.show();
        QTest::keyClicks(titleEdit(dialog), QStringLiteral("Once"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY(dialog.isSending());
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        dialog.send();
        // Nor can it be closed while the request is on its way.
        dialog.reject();
        QVERIFY(dialog.isVisible());
        QVERIFY(accepted.wait());
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_store->requestCount("/tickets/create"), 1);
        QCOMPARE(dialog.createdCase()->toString(), QStringLiteral("NEW0001"));
    }

    void aFailureKeepsTheDraftAndSaysWhatToDo()
    {
        m_server->enqueue(FakeResponse::error(400, QStringLiteral("Missing or invalid fields")));
        TicketEditorDialog dialog(m_client.get());
        dialog.show();
        QTest::keyClicks(titleEdit(dialog), QStringLiteral("Draft title"));
        QTest::keyClicks(dialog.descriptionEdit(), QStringLiteral("Draft text"));
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isSending());
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.title(), QStringLiteral("Draft title"));
        QCOMPARE(dialog.descriptionEdit()->toPlainText(), QStringLiteral("Draft text"));
        QVERIFY(dialog.sendButton()->isEnabled());
        QVERIFY(!dialog.createdCase());

        // Sent again, it works, and the error goes.
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QVERIFY(accepted.wait());
        QCOMPARE(m_store->requestCount("/tickets/create"), 2);
    }

    void aTooLongDescriptionIsNotSent()
    {
        TicketEditorDialog dialog(m_client.get());
        dialog.show();
        QTest::keyClicks(titleEdit(dialog), QStringLiteral("Long"));
        // Escaping counts: 5,000 '&' are 25,000 characters as sent.
        dialog.descriptionEdit()->setPlainText(QString(5000, u'&'));
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QVERIFY(dialog.errorText().contains(QStringLiteral("too long")));
        QVERIFY(!dialog.isSending());
        QCOMPARE(m_server->requestCount(), 0);
    }

    // Edit is pre-filled through the sanitiser: what it drops never reaches
    // the editor; b/strong are bold; paragraphs become lines.
    void editIsPreFilledFromTheDescription()
    {
        TicketEditorDialog dialog(
            m_client.get(),
            openTicket(QStringLiteral("Subject"),
                       QStringLiteral("<p>Hello <strong>world</strong></p><script>alert(1)</script>"
                                      "<p>Bye<img src=x onerror=alert(2)></p>")));
        dialog.show();
        QCOMPARE(dialog.mode(), TicketEditorDialog::Mode::Edit);
        QCOMPARE(dialog.descriptionEdit()->toPlainText(), QStringLiteral("Hello world\n\nBye"));
        QCOMPARE(dialog.descriptionHtml(), QStringLiteral("Hello <b>world</b><br><br>Bye"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("customerNote"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("assignToEdit"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.sendButton()->isEnabled()); // nothing changed
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("customerNote"));
        QCOMPARE(note->text(), QStringLiteral("The customer sees this change."));

        // A link would be lost if the description changed: the dialog says so.
        TicketEditorDialog withLink(
            m_client.get(), openTicket(QStringLiteral("Subject"),
                                       QStringLiteral("See <a href=\"https://example.com\">the guide</a>")));
        QCOMPARE(withLink.descriptionEdit()->toPlainText(), QStringLiteral("See the guide"));
        QVERIFY(withLink.findChild<QLabel *>(QStringLiteral("customerNote"))
                    ->text()
                    .contains(QStringLiteral("become plain text")));
    }

    void editSendsOnlyTheChangedField_data()
    {
        QTest::addColumn<bool>("changeTitle");
        QTest::addColumn<bool>("changeDescription");
        QTest::newRow("title") << true << false;
        QTest::newRow("description") << false << true;
        QTest::newRow("both") << true << true;
    }

    void editSendsOnlyTheChangedField()
    {
        QFETCH(bool, changeTitle);
        QFETCH(bool, changeDescription);
        m_store->addOpen(Case, QStringLiteral("Old title"));
        const Ticket ticket =
            parseTicketResponse(FakeResponse::ticket(m_store->ticket(Case)).body, 200).ticket;
        TicketEditorDialog dialog(m_client.get(), ticket);
        dialog.show();
        if (changeTitle) {
            titleEdit(dialog)->selectAll();
            QTest::keyClicks(titleEdit(dialog), QStringLiteral("New title"));
        }
        if (changeDescription) {
            dialog.descriptionEdit()->moveCursor(QTextCursor::End);
            QTest::keyClicks(dialog.descriptionEdit(), QStringLiteral(" More."));
        }
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QVERIFY(accepted.wait());

        QCOMPARE(m_store->requestCount("/tickets/update"), 1);
        const QJsonObject body = m_store->bodies("/tickets/update").constFirst();
        QCOMPARE(body.value(u"CaseId").toString(), Case);
        QCOMPARE(body.contains(u"Title"), changeTitle);
        QCOMPARE(body.contains(u"Description"), changeDescription);
        if (changeTitle)
            QCOMPARE(body.value(u"Title").toString(), QStringLiteral("New title"));
        if (changeDescription)
            QVERIFY(body.value(u"Description").toString().endsWith(QStringLiteral(" More.")));
        // The ticket as read back after the change.
        QVERIFY(dialog.updatedTicket());
        QCOMPARE(dialog.updatedTicket()->subject,
                 changeTitle ? QStringLiteral("New title") : QStringLiteral("Old title"));
    }

private:
    std::unique_ptr<FakeTicketStore> m_store;
};

QTEST_MAIN(tst_TicketEditorDialog)
#include "tst_ticketeditordialog.moc"
