// Session: the widget-free controller that configures the ApiClient (server,
// timeout, key), switches to a demo server and back, and applies Settings.
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/clientsettings.h"
#include "core/session.h"
#include "support/fakeserver.h"
#include "support/replywait.h"
#include "support/sampledata.h"
#include "support/testcertificates.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace std::chrono_literals;

namespace {

const QUrl configured(QStringLiteral("https://configured.example.com"));
const QUrl demoUrl(QStringLiteral("http://127.0.0.1:40123"));
const QString demoKey = QStringLiteral("demo-key");

// A client pointed at a configured server, with the session around it.
struct Fixture
{
    QNetworkAccessManager network;
    ApiClient client{&network};
    ApiKeyProvider keys; // MemoryOnly: never the user's keychain
    std::unique_ptr<Session> session;

    Fixture()
    {
        client.setBaseUrl(configured);
        client.setTimeout(30s);
        session = std::make_unique<Session>(&client, &keys);
    }
};

} // namespace

class tst_Session final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void demoEnterLeaveRestoresServerAndKey();
    void realKeyEndsDemo();
    void applyChangesClientAndPersistsOnlyWhatChanged();
    void applyDuringDemoTakesEffectOnLeave();
    void keyChangeReannounces();
    void startUsesOverrideThenSavedThenDefault();
    void companyCertificateFromSettingsWorksOverTls();

private:
    QTemporaryDir m_settingsDir;
};

void tst_Session::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CaseLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_session"));
}

void tst_Session::init()
{
    QSettings().clear();
}

void tst_Session::demoEnterLeaveRestoresServerAndKey()
{
    Fixture f;
    QSignalSpy demoChanged(f.session.get(), &Session::demoChanged);

    f.session->enterDemo(demoUrl, demoKey);
    QVERIFY(f.session->isDemo());
    QCOMPARE(f.client.baseUrl(), demoUrl);
    QCOMPARE(f.session->apiKey(), demoKey);
    // The configured server is still what Settings shows.
    QCOMPARE(f.session->serverUrl(), configured);
    QCOMPARE(f.session->values().serverUrl, configured);
    QCOMPARE(demoChanged.count(), 1);
    QCOMPARE(demoChanged.at(0).at(0).toBool(), true);

    f.session->leaveDemo();
    QVERIFY(!f.session->isDemo());
    QCOMPARE(f.client.baseUrl(), configured);
    QVERIFY(f.session->apiKey().isEmpty()); // no real key: none, not the demo's
    QCOMPARE(demoChanged.count(), 2);
    QCOMPARE(demoChanged.at(1).at(0).toBool(), false);

    f.session->leaveDemo(); // not in demo: nothing happens
    QCOMPARE(demoChanged.count(), 2);
}

void tst_Session::realKeyEndsDemo()
{
    Fixture f;
    f.session->enterDemo(demoUrl, demoKey);
    QSignalSpy demoChanged(f.session.get(), &Session::demoChanged);
    QSignalSpy keyChanged(f.session.get(), &Session::keyChanged);

    f.keys.store(QStringLiteral("real-key"));
    QVERIFY(!f.session->isDemo());
    QCOMPARE(demoChanged.count(), 1);
    QCOMPARE(keyChanged.count(), 1);
    QCOMPARE(f.client.baseUrl(), configured);
    QCOMPARE(f.session->apiKey(), QStringLiteral("real-key"));

    // With a real key, the demo still uses its own key, and gives it back.
    f.session->enterDemo(demoUrl, demoKey);
    QCOMPARE(f.session->apiKey(), demoKey);
    f.session->leaveDemo();
    QCOMPARE(f.session->apiKey(), QStringLiteral("real-key"));
}

void tst_Session::applyChangesClientAndPersistsOnlyWhatChanged()
{
    Fixture f;
    const SettingsValues before = f.session->values();
    QCOMPARE(before.serverUrl, configured);
    QCOMPARE(before.timeoutSeconds, 30);
    QCOMPARE(before.language, QStringLiteral("system"));

    // Unchanged values: nothing is written (a server given on the command
    // line for this run must not end up in the settings).
    f.session->apply(before);
    QVERIFY(QSettings().allKeys().isEmpty());

    const QUrl other(QStringLiteral("https://other.example.com"));
    QSignalSpy serverChanged(f.session.get(), &Session::serverChanged);
    SettingsValues chosen = before;
    chosen.serverUrl = other;
    f.session->apply(chosen);
    QCOMPARE(f.client.baseUrl(), other);
    QCOMPARE(f.keys.server(), other); // the key provider follows the server
    QCOMPARE(serverChanged.count(), 1);
    QCOMPARE(ClientSettings().serverUrl(), other);
    QCOMPARE(QSettings().allKeys(), QStringList{QStringLiteral("server/url")});

    chosen.timeoutSeconds = 45;
    chosen.language = QStringLiteral("de");
    f.session->apply(chosen);
    QCOMPARE(f.client.timeout(), 45s);
    QCOMPARE(ClientSettings().timeoutSeconds(), 45);
    QCOMPARE(ClientSettings().language(), QStringLiteral("de"));
    QCOMPARE(serverChanged.count(), 1); // the server did not change again
    QCOMPARE(f.session->values(), chosen);

    // A URL the client refuses changes nothing.
    SettingsValues refused = chosen;
    refused.serverUrl = QUrl(QStringLiteral("http://intranet.example.com"));
    f.session->apply(refused);
    QCOMPARE(f.client.baseUrl(), other);
    QCOMPARE(ClientSettings().serverUrl(), other);
}

void tst_Session::applyDuringDemoTakesEffectOnLeave()
{
    Fixture f;
    f.session->enterDemo(demoUrl, demoKey);
    const QUrl other(QStringLiteral("https://other.example.com"));
    SettingsValues chosen = f.session->values();
    chosen.serverUrl = other;
    f.session->apply(chosen);
    QCOMPARE(f.client.baseUrl(), demoUrl); // the demo goes on
    QCOMPARE(f.session->serverUrl(), other);
    f.session->leaveDemo();
    QCOMPARE(f.client.baseUrl(), other);
}

void tst_Session::keyChangeReannounces()
{
    Fixture f;
    QSignalSpy keyChanged(f.session.get(), &Session::keyChanged);
    f.keys.store(QStringLiteral("first"));
    QCOMPARE(keyChanged.count(), 1);
    QCOMPARE(f.session->apiKey(), QStringLiteral("first"));
    f.keys.useForSession(QStringLiteral("second"));
    QCOMPARE(keyChanged.count(), 2);
    QCOMPARE(f.session->apiKey(), QStringLiteral("second"));
    f.keys.forget();
    QCOMPARE(keyChanged.count(), 3);
    QVERIFY(f.session->apiKey().isEmpty());
}

void tst_Session::startUsesOverrideThenSavedThenDefault()
{
    const QUrl saved(QStringLiteral("https://saved.example.com"));
    {
        ClientSettings settings;
        settings.setServerUrl(saved);
        settings.setTimeoutSeconds(12);
    }
    {
        Fixture f;
        const ResolvedServer server = f.session->start();
        QCOMPARE(server.source, ServerSource::Saved);
        QCOMPARE(f.client.baseUrl(), saved);
        QCOMPARE(f.keys.server(), saved);
        QCOMPARE(f.client.timeout(), 12s);
    }
    {
        Fixture f;
        const QUrl given(QStringLiteral("http://127.0.0.1:8080"));
        f.session->start(given);
        QCOMPARE(f.client.baseUrl(), given);
        QCOMPARE(f.keys.server(), given);
        QCOMPARE(ClientSettings().serverUrl(), saved); // not written over
    }
    {
        ClientSettings().setServerUrl(QUrl(QStringLiteral("http://intranet.example.com")));
        Fixture f;
        const ResolvedServer server = f.session->start();
        QVERIFY(server.ignoredSaved.isError());
        QCOMPARE(f.client.baseUrl(), ApiClient::defaultBaseUrl());
    }
}

// A server whose certificate comes from a private CA (a company's
// TLS-inspecting proxy, say): refused until Settings → Network names the CA
// file, then the ticket arrives over TLS; cleared again, refused again.
void tst_Session::companyCertificateFromSettingsWorksOverTls()
{
    CASELENS_REQUIRE_TLS_TOOLS();
    Testing::TestCertificates certificates;
    QVERIFY(certificates.isValid());
    QVERIFY(certificates.makeCa(QStringLiteral("company"),
                                QStringLiteral("/CN=Example Inspection CA/O=Example")));
    QVERIFY(certificates.makeLeaf(QStringLiteral("leaf"), QStringLiteral("company"),
                                  QStringLiteral("127.0.0.1"), QStringLiteral("IP:127.0.0.1"),
                                  {QStringLiteral("-days"), QStringLiteral("2")}));
    Testing::TlsServer server(certificates.load(QStringLiteral("leaf")),
                              [](const Testing::RecordedRequest &) {
                                  return Testing::FakeResponse::ticket(Testing::sampleTicketData());
                              });
    QVERIFY(server.listen());
    ClientSettings().setServerUrl(server.url());

    Fixture f;
    f.session->start();
    f.keys.useForSession(QStringLiteral("sk_session_tls_51c0"));
    TicketResult result = Testing::fetchAndWait(f.client, QStringLiteral("HYXTNJV"));
    QCOMPARE(result.error.kind(), ErrorKind::Tls);
    QVERIFY2(result.error.message().contains(QStringLiteral("Example Inspection CA")),
             qPrintable(result.error.message()));
    QCOMPARE(server.requestCount(), 0);

    // What the Network page does: store the path, then the dialog's values are applied.
    ClientSettings().setCaFile(certificates.path(QStringLiteral("company.crt")));
    f.session->apply(f.session->values());
    result = Testing::fetchAndWait(f.client, QStringLiteral("HYXTNJV"));
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(server.requestCount(), 1);

    // The next start reads the saved file too.
    {
        Fixture next;
        next.session->start();
        next.keys.useForSession(QStringLiteral("sk_session_tls_51c0"));
        QCOMPARE(next.client.caFile(), certificates.path(QStringLiteral("company.crt")));
        QVERIFY(Testing::fetchAndWait(next.client, QStringLiteral("HYXTNJV")).ok());
    }

    ClientSettings().setCaFile({});
    f.session->apply(f.session->values());
    server.closeAllConnections();
    result = Testing::fetchAndWait(f.client, QStringLiteral("HYXTNJV"));
    QCOMPARE(result.error.kind(), ErrorKind::Tls);
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
