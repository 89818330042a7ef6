// How messages name an address: IPv6 in brackets, the port the URL implies.
#include "core/hostport.h"

#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

class TestHostPort final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostAndPort_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("name, default https")
            << QUrl(u"https://api-v3.sweeppea.com"_s) << u"api-v3.sweeppea.com:443"_s;
        QTest::newRow("IPv4 with port") << QUrl(u"http://127.0.0.1:8080/x"_s) << u"127.0.0.1:8080"_s;
        QTest::newRow("IPv6 loopback") << QUrl(u"http://[::1]:8080"_s) << u"[::1]:8080"_s;
        QTest::newRow("IPv6, default http") << QUrl(u"http://[2001:db8::1]"_s) << u"[2001:db8::1]:80"_s;
        QTest::newRow("user info never shown")
            << QUrl(u"https://user:secret@example.com:8443"_s) << u"example.com:8443"_s;
    }

    void hostAndPort()
    {
        QFETCH(QUrl, url);
        QFETCH(QString, shown);
        QCOMPARE(CaseLens::hostAndPort(url), shown);
    }

    void hostAndPortFromParts()
    {
        QCOMPARE(CaseLens::hostAndPort(u"::1"_s, 3128), u"[::1]:3128"_s);
        QCOMPARE(CaseLens::hostAndPort(u"[::1]"_s, 3128), u"[::1]:3128"_s); // not bracketed twice
        QCOMPARE(CaseLens::hostAndPort(u"proxy.example.com"_s, 3128), u"proxy.example.com:3128"_s);
        QCOMPARE(CaseLens::hostAndPort(u"proxy.example.com"_s, -1), u"proxy.example.com"_s);
        QCOMPARE(displayHost(u"fe80::1"_s), u"[fe80::1]"_s);
    }
};

QTEST_GUILESS_MAIN(TestHostPort)
#include "tst_hostport.moc"
