// The window behind a TLS-inspecting proxy: a server whose certificate
// comes from a private CA. The banner names the CA and the next step, "Copy
// details for IT" copies the whole report with the chain, and once the CA is
// the company certificate (Settings → Network stores it) Retry works.
#include "app/errorbanner.h"
#include "app/ticketpage.h"
#include "core/clientsettings.h"
#include "support/sampledata.h"
#include "support/testcertificates.h"
#include "support/windowharness.h"

#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

class TestCertificateWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    TestCertificates m_certificates;
    Identity m_leaf;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(useThrowawaySettings(m_settingsDir.path(), u"tst_certificatewindow"_s));
        CASELENS_REQUIRE_TLS_TOOLS();
        QVERIFY(m_certificates.isValid());
        QVERIFY(m_certificates.makeCa(u"company"_s, u"/CN=Example Inspection CA/O=Example Corp"_s));
        QVERIFY(m_certificates.makeLeaf(u"leaf"_s, u"company"_s, u"127.0.0.1"_s, u"IP:127.0.0.1"_s,
                                        {u"-days"_s, u"2"_s}));
        m_leaf = m_certificates.load(u"leaf"_s);
        QVERIFY(!m_leaf.isNull());
    }

    void untrustedCertificateThenCompanyCertificate()
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        TlsServer server(m_leaf, [](const RecordedRequest &request) {
            return request.path.endsWith("fetchSingleTicket") ? FakeResponse::ticket(sampleTicketData())
                                                              : FakeResponse::error(404, u"Not here"_s);
        });
        QVERIFY(server.listen());
        QVERIFY(!h->client.setBaseUrl(server.url()).isError());

        h->type(u"HYXTNJV"_s);
        TicketPage *page = h->window->currentPage();
        QVERIFY(page);
        QTRY_COMPARE(page->state(), TicketPage::State::Error);
        ErrorBanner *banner = page->errorBanner();
        QCOMPARE(banner->headline(), u"No secure connection to the server"_s);
        // In the banner itself, not only in Details.
        const QString shown = banner->findChild<QLabel *>(u"messageLabel"_s)->text();
        QVERIFY2(shown.contains(u"“Example Inspection CA (Example Corp)”"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"Covers: 127.0.0.1"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"Settings → Network → Company certificate"_s), qPrintable(shown));

        QPushButton *copy = visibleButton(banner, "copyForItButton");
        QVERIFY(copy && copy->isVisible());
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.contains(shown), qPrintable(copied));
        QVERIFY2(copied.contains(u"Certificate 1 of 1 (the server's):"_s), qPrintable(copied));
        QVERIFY2(copied.contains(QString::fromLatin1(
                     m_leaf.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper())),
                 qPrintable(copied));
        QVERIFY2(copied.contains(u"SslHandshakeFailedError"_s), qPrintable(copied));
        QVERIFY(!copied.contains(u"test-key"_s));
        QCOMPARE(server.requestCount(), 0);

        // Settings → Network → Company certificate, then OK.
        ClientSettings().setCaFile(m_certificates.path(u"company.crt"_s));
        h->session.apply(h->session.values());
        QTest::mouseClick(visibleButton(banner, "retryButton"), Qt::LeftButton);
        QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
        QCOMPARE(server.requestCount(), 1);
        ClientSettings().setCaFile({});
    }

    // Errors that are not IT's (a ticket that does not exist) have no such button.
    void noCopyButtonForOtherErrors()
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        h->server.enqueue(FakeResponse::error(404, u"Ticket Not Found or Access Denied"_s));
        h->type(u"HYXTNJV"_s);
        TicketPage *page = h->window->currentPage();
        QVERIFY(page);
        QTRY_COMPARE(page->state(), TicketPage::State::Error);
        QVERIFY(!page->errorBanner()->findChild<QPushButton *>(u"copyForItButton"_s)->isVisible());
    }
};

QTEST_MAIN(TestCertificateWindow)
#include "tst_certificatewindow.moc"
