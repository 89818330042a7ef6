// Proxies in the core: the proxy made from the settings, the environment's
// proxy, and every proxy failure through a real client and a real proxy on
// loopback (support/connectproxy), each named by host:port with a next step.
#include "core/apiclient.h"
#include "core/clientsettings.h"
#include "core/proxyauth.h"
#include "core/proxyconfig.h"
#include "support/connectproxy.h"
#include "support/fakeserver.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;

namespace {

const CaseNumber sampleCase = *CaseNumber::parse(QStringLiteral("HYXTNJV")).caseNumber();

// A client on its own network that goes through proxy to a server with the
// sample ticket.
struct ProxiedClient
{
    explicit ProxiedClient(const QNetworkProxy &proxy)
    {
        network.setProxy(proxy);
        client.setRetryPolicy(0, std::chrono::milliseconds(1));
        client.setTimeout(std::chrono::seconds(10));
        client.setProxyAuthenticator(&authenticator);
        client.setApiKey(QStringLiteral("sk_test_proxy_123456"));
        server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
    }
    [[nodiscard]] bool start() { return server.listen() && !client.setBaseUrl(server.url()).isError(); }
    [[nodiscard]] Error fetch()
    {
        TicketReply *reply = client.fetchTicket(sampleCase);
        if (!waitForFinished(reply, 20000))
            return Error(ErrorKind::Timeout, QStringLiteral("the test gave up waiting"));
        const Error error = reply->error();
        delete reply;
        return error;
    }

    FakeServer server;
    QNetworkAccessManager network;
    ProxyAuthenticator authenticator{&network, nullptr};
    ApiClient client{&network};
};

QNetworkProxy httpProxy(quint16 port, const QString &user = {}, const QString &password = {})
{
    return QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), port, user, password);
}

quint16 unusedPort() // a port nobody listens on; 0 if none could be found
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort(); // closed when probe goes
}

} // namespace

class TestProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void proxyFromSettings()
    {
        QCOMPARE(networkProxyFor({}).type(), QNetworkProxy::DefaultProxy);
        QCOMPARE(networkProxyFor({ProxyMode::None, ProxyType::Http, {}, 0}).type(), QNetworkProxy::NoProxy);
        const QNetworkProxy http =
            networkProxyFor({ProxyMode::Manual, ProxyType::Http, QStringLiteral(" proxy.corp "), 3128});
        QCOMPARE(http.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(http.hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(http.port(), quint16(3128));
        QCOMPARE(networkProxyFor({ProxyMode::Manual, ProxyType::Socks5, QStringLiteral("s"), 1080}).type(),
                 QNetworkProxy::Socks5Proxy);
        // Half a manual proxy is none, never a broken one.
        QVERIFY(!ProxyConfig({ProxyMode::Manual, ProxyType::Http, {}, 3128}).isComplete());
        QCOMPARE(networkProxyFor({ProxyMode::Manual, ProxyType::Http, {}, 3128}).type(),
                 QNetworkProxy::NoProxy);

        // Kept in the settings file and read back; the CLI reads the app's.
        const ProxyConfig chosen{ProxyMode::Manual, ProxyType::Socks5, QStringLiteral("10.0.0.8"), 1080};
        ClientSettings(ClientSettings::Owner::App).setProxy(chosen);
        QCOMPARE(ClientSettings(ClientSettings::Owner::App).proxy(), chosen);
        ClientSettings(ClientSettings::Owner::App).setProxy({});
        QCOMPARE(ClientSettings(ClientSettings::Owner::App).proxy().mode, ProxyMode::System);
    }

    void addressesInBrackets()
    {
        const auto address = [](const char *host) {
            return proxyAddress(QNetworkProxy(QNetworkProxy::HttpProxy, QLatin1String(host), 3128));
        };
        QCOMPARE(address("proxy.corp"), QStringLiteral("proxy.corp:3128"));
        QCOMPARE(address("::1"), QStringLiteral("[::1]:3128"));
    }

    void proxyFromEnvironment_()
    {
        QProcessEnvironment env;
        const QUrl api(QStringLiteral("https://api-v3.sweeppea.com"));
        QVERIFY(!proxyFromEnvironment(env, api));
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("http://ana:p%40ss@proxy.corp:8080"));
        auto proxy = proxyFromEnvironment(env, api);
        QVERIFY(proxy);
        QCOMPARE(proxy->type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxyAddress(*proxy), QStringLiteral("proxy.corp:8080"));
        QCOMPARE(proxy->user(), QStringLiteral("ana"));
        QCOMPARE(proxy->password(), QStringLiteral("p@ss"));
        // http_proxy is for http only.
        QVERIFY(!proxyFromEnvironment(env, QUrl(QStringLiteral("http://127.0.0.1:9"))));
        env.insert(QStringLiteral("no_proxy"), QStringLiteral("localhost, .sweeppea.com"));
        QVERIFY(!proxyFromEnvironment(env, api));
        env.remove(QStringLiteral("no_proxy"));
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("socks5h://proxy.corp"));
        proxy = proxyFromEnvironment(env, api);
        QVERIFY(proxy);
        QCOMPARE(proxy->type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(proxy->port(), quint16(1080));
    }

    void forwardsThroughProxy()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        ProxiedClient c(httpProxy(proxy.port()));
        QVERIFY(c.start());
        QCOMPARE(c.fetch().kind(), ErrorKind::None);
        QCOMPARE(proxy.requestCount(), 1);
        QCOMPARE(c.server.requestCount(), 1);
    }

    void proxyDown()
    {
        const quint16 port = unusedPort();
        QVERIFY(port != 0);
        ProxiedClient c(httpProxy(port));
        QVERIFY(c.start());
        const Error error = c.fetch();
        QCOMPARE(error.kind(), ErrorKind::Network);
        QVERIFY2(error.message().contains(QStringLiteral("proxy at 127.0.0.1:%1").arg(port)),
                 qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("connection refused")));
        QCOMPARE(c.server.requestCount(), 0);
    }

    // https goes through a CONNECT tunnel: Qt reports the tunnel's failures as
    // UnknownNetworkError; the message still names the proxy.
    void proxyDownForATunnel()
    {
        const quint16 port = unusedPort();
        QVERIFY(port != 0);
        ProxiedClient c(httpProxy(port));
        QVERIFY(!c.client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:9"))).isError());
        const Error error = c.fetch();
        QVERIFY2(error.message().startsWith(
                     QStringLiteral("Could not connect to the proxy at 127.0.0.1:%1 (connection refused).")
                         .arg(port)),
                 qPrintable(error.message() + QStringLiteral(" / ") + error.details()));
    }

    void tunnelCredentialsRejectedWith401()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials(QStringLiteral("ana"), QStringLiteral("secret"));
        proxy.setWrongCredentialsStatus(401);
        ProxiedClient c(httpProxy(proxy.port(), QStringLiteral("ana"), QStringLiteral("wrong")));
        QVERIFY(!c.client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:9"))).isError());
        const Error error = c.fetch();
        QVERIFY2(
            error.message().startsWith(
                QStringLiteral("The proxy at %1 rejected the user name or password.").arg(proxy.hostPort())),
            qPrintable(error.message()));
        QVERIFY(proxy.credentialsSeen().contains(QStringLiteral("ana:wrong")));
    }

    void proxyClosesOrDrops_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("refuses") << int(ConnectProxy::Mode::Refuse);
        QTest::newRow("drops mid-answer") << int(ConnectProxy::Mode::DropMidway);
    }
    void proxyClosesOrDrops()
    {
        QFETCH(int, mode);
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.setMode(ConnectProxy::Mode(mode));
        ProxiedClient c(httpProxy(proxy.port()));
        QVERIFY(c.start());
        const Error error = c.fetch();
        QVERIFY(error.isError());
        QVERIFY2(error.message().contains(QStringLiteral("proxy at ") + proxy.hostPort()),
                 qPrintable(error.message()));
    }

    void credentialsMissing()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials(QStringLiteral("ana"), QStringLiteral("secret"));
        ProxiedClient c(httpProxy(proxy.port()));
        QVERIFY(c.start());
        const Error error = c.fetch();
        QCOMPARE(error.message(),
                 QStringLiteral("The proxy at %1 needs a user name and password. Put them in https_proxy "
                                "(http://user:password@host:port) or save them once in CaseLens (Settings → "
                                "Network).")
                     .arg(proxy.hostPort()));
        QCOMPARE(c.server.requestCount(), 0);
    }

    void credentialsInProxySettings()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials(QStringLiteral("ana"), QStringLiteral("secret"));
        ProxiedClient c(httpProxy(proxy.port(), QStringLiteral("ana"), QStringLiteral("secret")));
        QVERIFY(c.start());
        QCOMPARE(c.fetch().kind(), ErrorKind::None);
        QVERIFY(proxy.credentialsSeen().contains(QStringLiteral("ana:secret")));
    }

    void credentialsRejected()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials(QStringLiteral("ana"), QStringLiteral("secret"));
        ProxiedClient c(httpProxy(proxy.port(), QStringLiteral("ana"), QStringLiteral("wrong")));
        QVERIFY(c.start());
        const Error error = c.fetch();
        QVERIFY2(
            error.message().startsWith(
                QStringLiteral("The proxy at %1 rejected the user name or password.").arg(proxy.hostPort())),
            qPrintable(error.message()));
        QVERIFY(proxy.credentialsSeen().contains(QStringLiteral("ana:wrong")));
        QCOMPARE(c.server.requestCount(), 0);
    }

    // The policy the window follows, without a window: asked once, and told
    // "rejected" when a pair sent was refused.
    void askedThenRejected()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireCredentials(QStringLiteral("ana"), QStringLiteral("secret"));
        ProxiedClient c(httpProxy(proxy.port()));
        QVERIFY(c.start());
        QList<QPair<QString, bool>> asked;
        QList<ProxyCredentials> answers{{QStringLiteral("ana"), QStringLiteral("wrong"), false},
                                        {QStringLiteral("ana"), QStringLiteral("secret"), false}};
        c.authenticator.setAsk([&](const QString &address, bool rejected) -> std::optional<ProxyCredentials> {
            asked.append({address, rejected});
            if (answers.isEmpty())
                return std::nullopt;
            return answers.takeFirst();
        });
        QCOMPARE(c.fetch().kind(), ErrorKind::None);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(0), qMakePair(proxy.hostPort(), false));
        QCOMPARE(asked.at(1), qMakePair(proxy.hostPort(), true));
        QCOMPARE(c.server.requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
