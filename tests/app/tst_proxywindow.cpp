// The window behind a proxy that wants a user name and password: it asks
// (the test fills the dialog when it appears), the ticket arrives, a
// remembered pair goes to the real keychain (scripts/with-keyring.sh) and
// the next window does not ask; a wrong pair is "rejected", in the dialog and
// in the banner.
#include "app/errorbanner.h"
#include "app/proxycredentialsdialog.h"
#include "app/ticketpage.h"
#include "support/connectproxy.h"
#include "support/sampledata.h"
#include "support/testkeyring.h"
#include "support/windowharness.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

// Answers each credentials dialog as it appears, in order; an answer with an
// empty user cancels. Records what each dialog said.
class DialogFiller final : public QObject
{
public:
    struct Answer
    {
        QString user;
        QString password;
        bool remember = false;
    };
    struct Seen
    {
        QString intro;
        bool rejected = false;
    };

    explicit DialogFiller(QList<Answer> answers)
        : m_answers(std::move(answers))
    {
        connect(&m_timer, &QTimer::timeout, this, &DialogFiller::poll);
        m_timer.start(20);
    }
    [[nodiscard]] const QList<Seen> &seen() const { return m_seen; }

private:
    void poll()
    {
        auto *dialog = qobject_cast<ProxyCredentialsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        m_seen.append({dialog->findChild<QLabel *>(QStringLiteral("proxyIntroLabel"))->text(),
                       dialog->findChild<QLabel *>(QStringLiteral("proxyRejectedLabel")) != nullptr});
        const Answer answer = m_answers.isEmpty() ? Answer() : m_answers.takeFirst();
        if (answer.user.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("proxyUserEdit"))->setText(answer.user);
        dialog->findChild<QLineEdit *>(QStringLiteral("proxyPasswordEdit"))->setText(answer.password);
        dialog->findChild<QCheckBox *>(QStringLiteral("proxyRememberCheck"))->setChecked(answer.remember);
        dialog->accept();
    }

    QList<Answer> m_answers;
    QList<Seen> m_seen;
    QTimer m_timer;
};

} // namespace

class TestProxyWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ConnectProxy> m_proxy;

    // A window whose requests all go through the test's proxy.
    std::unique_ptr<WindowHarness> window()
    {
        auto h = WindowHarness::create();
        if (!h)
            return nullptr;
        h->server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        h->network.setProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_proxy->port()));
        return h;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_proxywindow")));
    }
    void init()
    {
        m_proxy = std::make_unique<ConnectProxy>();
        QVERIFY(m_proxy->listen());
        m_proxy->requireCredentials(QStringLiteral("ana"), QStringLiteral("s3cret"));
    }
    void cleanup() { m_proxy.reset(); }

    void asksThenRemembers()
    {
        REQUIRE_TEST_KEYRING(); // "remember" writes to the keychain
        {
            DialogFiller filler({{QStringLiteral("ana"), QStringLiteral("s3cret"), true}});
            auto h = window();
            QVERIFY(h);
            h->type(QStringLiteral("HYXTNJV"));
            QTRY_VERIFY(h->window->currentPage() &&
                        h->window->currentPage()->state() == TicketPage::State::Ticket);
            QCOMPARE(filler.seen().size(), 1);
            QCOMPARE(
                filler.seen().at(0).intro,
                QStringLiteral("The proxy at %1 needs a user name and password.").arg(m_proxy->hostPort()));
            QVERIFY(!filler.seen().at(0).rejected);
            QVERIFY(m_proxy->credentialsSeen().contains(QStringLiteral("ana:s3cret")));
        }
        // A new window (a new start): the pair comes from the keychain.
        const int before = m_proxy->credentialsSeen().size();
        DialogFiller filler({});
        auto h = window();
        QVERIFY(h);
        h->type(QStringLiteral("HYXTNJV"));
        QTRY_VERIFY(h->window->currentPage() &&
                    h->window->currentPage()->state() == TicketPage::State::Ticket);
        QVERIFY(filler.seen().isEmpty());
        QVERIFY(m_proxy->credentialsSeen().mid(before).contains(QStringLiteral("ana:s3cret")));
    }

    void wrongPairIsRejected()
    {
        // Nothing remembered: no keychain entry is written.
        DialogFiller filler({{QStringLiteral("ana"), QStringLiteral("wrong"), false}, {}});
        auto h = window();
        QVERIFY(h);
        h->type(QStringLiteral("HYXTNJV"));
        TicketPage *page = nullptr;
        QTRY_VERIFY((page = h->window->currentPage()) && page->state() == TicketPage::State::Error);
        QCOMPARE(filler.seen().size(), 2);
        QVERIFY(!filler.seen().at(0).rejected);
        QVERIFY(filler.seen().at(1).rejected); // the dialog says so the second time
        const QString message = page->errorBanner()->error().message();
        QVERIFY2(message.startsWith(QStringLiteral("The proxy at %1 rejected the user name or password.")
                                        .arg(m_proxy->hostPort())),
                 qPrintable(message));
        QCOMPARE(h->server.requestCount(), 0);
    }
};

QTEST_MAIN(TestProxyWindow)
#include "tst_proxywindow.moc"
