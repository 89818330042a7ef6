#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/safetextbrowser.h"
#include "ticketview/safetextdocument.h"

#include <QSignalSpy>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_SafeTextBrowser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configuration();
    void loadsNoResources_data();
    void loadsNoResources();
    void hostileDescription();
    void anchorClicks_data();
    void anchorClicks();
    void safeDocument();
};

void tst_SafeTextBrowser::configuration()
{
    SafeTextBrowser browser;
    QVERIFY(!browser.openLinks());
    QVERIFY(!browser.openExternalLinks());
    QVERIFY(browser.isReadOnly());
}

void tst_SafeTextBrowser::loadsNoResources_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("https") << QUrl(QStringLiteral("https://evil.example/x.png"));
    QTest::newRow("http") << QUrl(QStringLiteral("http://evil.example/x.png"));
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd"));
    QTest::newRow("relative") << QUrl(QStringLiteral("x.png"));
    QTest::newRow("data") << QUrl(QStringLiteral("data:image/png;base64,iVBORw0KGgo="));
    QTest::newRow("qrc") << QUrl(QStringLiteral("qrc:/icons/caselens-16.png"));
}

void tst_SafeTextBrowser::loadsNoResources()
{
    QFETCH(QUrl, url);
    SafeTextBrowser browser;
    for (const int type : {int(QTextDocument::ImageResource), int(QTextDocument::StyleSheetResource),
                           int(QTextDocument::HtmlResource), int(QTextDocument::UserResource)}) {
        QVERIFY(browser.loadResource(type, url).isNull());
    }
    SafeTextDocument document;
    QVERIFY(document.loadResource(QTextDocument::ImageResource, url).isNull());
}

void tst_SafeTextBrowser::hostileDescription()
{
    SafeTextBrowser browser;
    const Ticket ticket = Testing::hostileTicket();
    browser.setUntrustedHtml(ticket.descriptionHtml);
    const QString html = browser.toHtml().toLower();
    QVERIFY2(!html.contains(QStringLiteral("<img")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("<script")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("javascript")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("evil.example")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("file:")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("80px")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("https://help.sweeppea.com/security/phishing")));
    const QString text = browser.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Our prize page shows this banner")));
    QVERIFY(!text.contains(QStringLiteral("alert(")));
    // No image format in the document.
    for (QTextBlock block = browser.document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it)
            QVERIFY(!it.fragment().charFormat().isImageFormat());
    }
}

void tst_SafeTextBrowser::anchorClicks_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("emitted");
    QTest::newRow("https") << QUrl(QStringLiteral("https://help.sweeppea.com/exports")) << true;
    QTest::newRow("mailto") << QUrl(QStringLiteral("mailto:ops@example.com")) << true;
    QTest::newRow("http") << QUrl(QStringLiteral("http://help.sweeppea.com/exports")) << false;
    QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)")) << false;
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd")) << false;
    QTest::newRow("data") << QUrl(QStringLiteral("data:text/html,hi")) << false;
    QTest::newRow("relative") << QUrl(QStringLiteral("#top")) << false;
}

void tst_SafeTextBrowser::anchorClicks()
{
    QFETCH(QUrl, url);
    QFETCH(bool, emitted);
    SafeTextBrowser browser;
    browser.setUntrustedHtml(QStringLiteral("<p>x</p>"));
    QSignalSpy spy(&browser, &SafeTextBrowser::httpsLinkActivated);
    Q_EMIT browser.anchorClicked(url); // what a click on a link does
    QCOMPARE(spy.count(), emitted ? 1 : 0);
    if (emitted)
        QCOMPARE(spy.at(0).at(0).toUrl(), url);
    // The browser never navigates away from its content.
    QCOMPARE(browser.toPlainText(), QStringLiteral("x"));
    QVERIFY(browser.source().isEmpty());
}

void tst_SafeTextBrowser::safeDocument()
{
    SafeTextDocument document;
    document.setUntrustedHtml(QStringLiteral("<p>a<img src=\"file:///etc/passwd\"><script>x()</script></p>"));
    QVERIFY(!document.toHtml().contains(QStringLiteral("<img")));
    QCOMPARE(document.toPlainText(), QStringLiteral("a"));
}

QTEST_MAIN(tst_SafeTextBrowser)
#include "tst_safetextbrowser.moc"
