#include "support/englishplurals.h"
#include "ticketview/viewhelpers.h"

#include <QtTest>

using namespace CaseLens::Gui;

class tst_ViewHelpers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phoneNumbers_data();
    void phoneNumbers();
    void languages();
    void relativeAges();
    void durations();
    void openableUrls_data();
    void openableUrls();
    void textHelpers();
};

void tst_ViewHelpers::phoneNumbers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("10 digits") << QStringLiteral("5551234567") << QStringLiteral("(555) 123-4567");
    QTest::newRow("11 digits with 1") << QStringLiteral("15551234567") << QStringLiteral("(555) 123-4567");
    QTest::newRow("+1") << QStringLiteral("+15551234567") << QStringLiteral("(555) 123-4567");
    QTest::newRow("11 digits, not 1") << QStringLiteral("25551234567") << QStringLiteral("25551234567");
    QTest::newRow("mexico") << QStringLiteral("525512345678") << QStringLiteral("525512345678");
    QTest::newRow("formatted already")
        << QStringLiteral("+44 20 7946 0958") << QStringLiteral("+44 20 7946 0958");
    QTest::newRow("short") << QStringLiteral("12345") << QStringLiteral("12345");
    QTest::newRow("empty") << QString() << QString();
}

void tst_ViewHelpers::phoneNumbers()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(formatPhoneNumber(input), expected);
}

void tst_ViewHelpers::languages()
{
    QCOMPARE(languageText(QStringLiteral("es")), QStringLiteral("Spanish (es)"));
    QCOMPARE(languageText(QStringLiteral("EN")), QStringLiteral("English (EN)"));
    QCOMPARE(languageText(QStringLiteral("zz")), QStringLiteral("zz"));
    QCOMPARE(languageText(QString()), QString());
}

void tst_ViewHelpers::relativeAges()
{
    const QDateTime now(QDate(2025, 1, 29), QTime(10, 0), Qt::UTC);
    QCOMPARE(relativeAgeText(now.addDays(-3), now), QStringLiteral("3 days ago"));
    QCOMPARE(relativeAgeText(now.addSecs(-30), now), QStringLiteral("just now"));
    QCOMPARE(relativeAgeText(now.addSecs(-2 * 3600), now), QStringLiteral("2 hours ago"));
    QCOMPARE(relativeAgeText(now.addDays(-400), now), QStringLiteral("1 year ago"));
    QCOMPARE(relativeAgeText(now.addDays(2), now), QStringLiteral("in 2 days"));
    QCOMPARE(relativeAgeText(QDateTime(), now), QString());
}

void tst_ViewHelpers::durations()
{
    QCOMPARE(durationText(30), QStringLiteral("less than a minute"));
    QCOMPARE(durationText(45 * 60), QStringLiteral("45 minutes"));
    QCOMPARE(durationText(2 * 86400 + 6 * 3600 + 45 * 60), QStringLiteral("2 days 6 hours"));
}

void tst_ViewHelpers::openableUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("openable");
    QTest::newRow("https") << QStringLiteral("https://help.sweeppea.com/exports") << true;
    QTest::newRow("HTTPS") << QStringLiteral("HTTPS://help.sweeppea.com/") << true;
    QTest::newRow("mailto") << QStringLiteral("mailto:maria.lopez@example.com") << true;
    QTest::newRow("http") << QStringLiteral("http://help.sweeppea.com/") << false;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>") << false;
    QTest::newRow("no host") << QStringLiteral("https:///path") << false;
    QTest::newRow("relative") << QStringLiteral("/exports") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/") << false;
    QTest::newRow("mailto without address") << QStringLiteral("mailto:") << false;
}

void tst_ViewHelpers::openableUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, openable);
    QCOMPARE(isOpenableUrl(QUrl(url)), openable);
}

void tst_ViewHelpers::textHelpers()
{
    QCOMPARE(isolate(QStringLiteral("a")), QStringLiteral("\u2068a\u2069"));
    QCOMPARE(singleLine(QStringLiteral("a\nb\tc")), QStringLiteral("a b c"));
    QCOMPARE(shortened(QStringLiteral("abcdef"), 4), QStringLiteral("abc\u2026"));
    QCOMPARE(shortened(QStringLiteral("abc"), 4), QStringLiteral("abc"));
    // A surrogate pair is never split.
    const QString emoji = QStringLiteral("ab\U0001F600cd");
    QCOMPARE(shortened(emoji, 4), QStringLiteral("ab\u2026"));
    QCOMPARE(toolTipText(QStringLiteral("<b>x</b>")), QStringLiteral("<p>&lt;b&gt;x&lt;/b&gt;</p>"));
    QCOMPARE(toolTipText(QString()), QString());
    QCOMPARE(capitalized(QStringLiteral("winners")), QStringLiteral("Winners"));
    QCOMPARE(capitalized(QStringLiteral("api")), QStringLiteral("API"));
    QCOMPARE(httpsUrlFromText(QStringLiteral(" https://a.example/x ")),
             QUrl(QStringLiteral("https://a.example/x")));
    QVERIFY(!httpsUrlFromText(QStringLiteral("http://a.example/x")).isValid());
    QCOMPARE(jsonValueText(QJsonValue(3.0)), QStringLiteral("3"));
    QCOMPARE(jsonValueText(QJsonValue(2.5)), QStringLiteral("2.5"));
    QCOMPARE(jsonValueText(QJsonValue(true)), QStringLiteral("true"));
    QCOMPARE(jsonValueText(QJsonObject{{QStringLiteral("a"), 1}}), QStringLiteral("{\"a\":1}"));
}

QTEST_MAIN(tst_ViewHelpers)
#include "tst_viewhelpers.moc"
