// The one rule for "which server" and "which key", shared by the app and the
// CLI (core/serverresolution.h).
#include "core/apiclient.h"
#include "core/serverresolution.h"

#include <QTest>

using namespace CaseLens;

namespace {

QProcessEnvironment environmentWith(const QString &name, const QString &value)
{
    QProcessEnvironment environment;
    environment.insert(name, value);
    return environment;
}

QProcessEnvironment baseUrlEnvironment(const QString &value)
{
    return environmentWith(QString::fromLatin1(BaseUrlVariable), value);
}

const QUrl saved(QStringLiteral("https://saved.example.com"));

} // namespace

class tst_ServerResolution final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagWinsOverEnvironmentAndSaved();
    void environmentWinsOverSaved();
    void savedWinsOverDefault();
    void defaultWhenNothingIsGiven();
    void blankValuesCountAsNotGiven();
    void plainHttpOnlyToLoopback_data();
    void plainHttpOnlyToLoopback();
    void unusableSavedServerIsSkipped();
    void keyFromEnvironmentIsTrimmed();
};

void tst_ServerResolution::flagWinsOverEnvironmentAndSaved()
{
    const ResolvedServer server =
        resolveServer(QStringLiteral(" http://127.0.0.1:9000 "),
                      baseUrlEnvironment(QStringLiteral("https://env.example")), saved);
    QVERIFY(server.ok());
    QCOMPARE(server.url, QUrl(QStringLiteral("http://127.0.0.1:9000")));
    QCOMPARE(server.source, ServerSource::Flag);
    QCOMPARE(server.sourceName(), QStringLiteral("--base-url"));
}

void tst_ServerResolution::environmentWinsOverSaved()
{
    const ResolvedServer server =
        resolveServer({}, baseUrlEnvironment(QStringLiteral("https://env.example")), saved);
    QVERIFY(server.ok());
    QCOMPARE(server.url, QUrl(QStringLiteral("https://env.example")));
    QCOMPARE(server.source, ServerSource::Environment);
    QCOMPARE(server.sourceName(), QStringLiteral("CASELENS_BASE_URL"));
}

void tst_ServerResolution::savedWinsOverDefault()
{
    const ResolvedServer server = resolveServer({}, QProcessEnvironment(), saved);
    QVERIFY(server.ok());
    QCOMPARE(server.url, saved);
    QCOMPARE(server.source, ServerSource::Saved);
}

void tst_ServerResolution::defaultWhenNothingIsGiven()
{
    const ResolvedServer server = resolveServer({}, QProcessEnvironment());
    QVERIFY(server.ok());
    QCOMPARE(server.url, ApiClient::defaultBaseUrl());
    QCOMPARE(server.source, ServerSource::Default);
    QVERIFY(!server.ignoredSaved.isError());
}

void tst_ServerResolution::blankValuesCountAsNotGiven()
{
    const ResolvedServer server = resolveServer(
        QStringLiteral("   "), baseUrlEnvironment(QStringLiteral(" https://env.example\n")), saved);
    QVERIFY(server.ok());
    QCOMPARE(server.url, QUrl(QStringLiteral("https://env.example")));
    QCOMPARE(server.source, ServerSource::Environment);
    const ResolvedServer fallsToSaved = resolveServer({}, baseUrlEnvironment(QStringLiteral("  ")), saved);
    QCOMPARE(fallsToSaved.url, saved);
}

void tst_ServerResolution::plainHttpOnlyToLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https anywhere") << "https://api.example.com" << true;
    QTest::newRow("http to 127.0.0.1") << "http://127.0.0.1:8080" << true;
    QTest::newRow("http to localhost") << "http://localhost:8080" << true;
    QTest::newRow("http to [::1]") << "http://[::1]:8080" << true;
    QTest::newRow("http to another host") << "http://api.example.com" << false;
    QTest::newRow("ftp") << "ftp://api.example.com" << false;
    QTest::newRow("not a URL") << "::not a url::" << false;
}

void tst_ServerResolution::plainHttpOnlyToLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    // Both ways of giving a server follow the rule, and a refusal is not
    // replaced by a fallback: the agent asked for that server.
    const ResolvedServer fromFlag = resolveServer(url, QProcessEnvironment(), saved);
    QCOMPARE(fromFlag.ok(), accepted);
    QCOMPARE(fromFlag.source, ServerSource::Flag);
    QCOMPARE(fromFlag.text, url);
    const ResolvedServer fromEnvironment = resolveServer({}, baseUrlEnvironment(url), saved);
    QCOMPARE(fromEnvironment.ok(), accepted);
    QCOMPARE(fromEnvironment.source, ServerSource::Environment);
    if (!accepted) {
        QCOMPARE(fromFlag.error.kind(), ErrorKind::InvalidInput);
        QVERIFY(!fromFlag.error.message().isEmpty());
    }
}

void tst_ServerResolution::unusableSavedServerIsSkipped()
{
    const QUrl unusable(QStringLiteral("http://intranet.example.com"));
    const ResolvedServer server = resolveServer({}, QProcessEnvironment(), unusable);
    QVERIFY(server.ok()); // a warning, not a stop
    QCOMPARE(server.url, ApiClient::defaultBaseUrl());
    QCOMPARE(server.source, ServerSource::Default);
    QVERIFY(server.ignoredSaved.isError());
}

void tst_ServerResolution::keyFromEnvironmentIsTrimmed()
{
    const QString name = QString::fromLatin1(ApiKeyVariable);
    QCOMPARE(keyFromEnvironment(environmentWith(name, QStringLiteral("  abc123\n"))),
             QStringLiteral("abc123"));
    QVERIFY(keyFromEnvironment(environmentWith(name, QStringLiteral("   "))).isEmpty());
    QVERIFY(keyFromEnvironment(QProcessEnvironment()).isEmpty());
    // Another variable is never taken for the key.
    QVERIFY(
        keyFromEnvironment(environmentWith(QStringLiteral("CASELENS_KEY"), QStringLiteral("x"))).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ServerResolution)
#include "tst_serverresolution.moc"
