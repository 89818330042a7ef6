#include "core/htmlsanitizer.h"
#include "fuzz/fuzzchecks.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <functional>

using namespace CaseLens;

namespace {

QString withNul(const QString &before, const QString &after)
{
    return before + QChar(u'\0') + after;
}

QString repeated(const QString &unit, qsizetype totalChars)
{
    return unit.repeated(totalChars / unit.size());
}

constexpr qsizetype TenMegaChars = 10 * 1024 * 1024;

} // namespace

class tst_HtmlSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_data();
    void sanitize();
    void removesDangerousContent_data();
    void removesDangerousContent();
    void malformedInputGivesWellFormedOutput_data();
    void malformedInputGivesWellFormedOutput();
    void randomInputGivesWellFormedOutput();
    void isAllowedLinkUrl_data();
    void isAllowedLinkUrl();
    void hugeInputFinishes_data();
    void hugeInputFinishes();
    void deepNesting_data();
    void deepNesting();
    void toPlainText_data();
    void toPlainText();
};

void tst_HtmlSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // Plain text (no '<'): escaped as is, line breaks kept.
    QTest::newRow("plain") << QStringLiteral("plain text") << QStringLiteral("plain text");
    QTest::newRow("plain empty") << QString() << QString();
    QTest::newRow("plain newlines") << QStringLiteral("line 1\nline 2\r\nline 3\rline 4\n\nend")
                                    << QStringLiteral("line 1<br>line 2<br>line 3<br>line 4<br><br>end");
    QTest::newRow("plain specials") << QStringLiteral("a & b > c \"q\" 'x'")
                                    << QStringLiteral("a &amp; b &gt; c &quot;q&quot; 'x'");
    QTest::newRow("plain entities are literal")
        << QStringLiteral("Tom &amp; Jerry") << QStringLiteral("Tom &amp;amp; Jerry");
    QTest::newRow("plain NUL") << withNul(QStringLiteral("a"), QStringLiteral("b")) << QStringLiteral("ab");

    // The allowlist survives unchanged.
    QTest::newRow("inline")
        << QStringLiteral("<p>Hi <b>b</b> <i>i</i> <strong>s</strong> <em>e</em> <u>u</u></p>")
        << QStringLiteral("<p>Hi <b>b</b> <i>i</i> <strong>s</strong> <em>e</em> <u>u</u></p>");
    QTest::newRow("more inline")
        << QStringLiteral("<s>a</s><strike>b</strike><del>c</del><ins>d</ins><sub>e</sub><sup>f</sup>"
                          "<small>g</small><code>h</code><span>i</span>")
        << QStringLiteral("<s>a</s><strike>b</strike><del>c</del><ins>d</ins><sub>e</sub><sup>f</sup>"
                          "<small>g</small><code>h</code><span>i</span>");
    QTest::newRow("blocks") << QStringLiteral("<div><pre>x\n  y</pre><blockquote>q</blockquote></div>")
                            << QStringLiteral("<div><pre>x\n  y</pre><blockquote>q</blockquote></div>");
    QTest::newRow("headings")
        << QStringLiteral("<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>")
        << QStringLiteral("<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>");
    QTest::newRow("lists") << QStringLiteral("<ul><li>a</li><li>b</li></ul><ol start=\"3\"><li>c</li></ol>")
                           << QStringLiteral("<ul><li>a</li><li>b</li></ul><ol start=\"3\"><li>c</li></ol>");
    QTest::newRow("dl") << QStringLiteral("<dl><dt>k</dt><dd>v</dd></dl>")
                        << QStringLiteral("<dl><dt>k</dt><dd>v</dd></dl>");
    QTest::newRow("table") << QStringLiteral(
                                  "<table><thead><tr><th colspan=\"2\">h</th></tr></thead>"
                                  "<tbody><tr><td rowspan=\"3\">x</td><td>y</td></tr></tbody></table>")
                           << QStringLiteral(
                                  "<table><thead><tr><th colspan=\"2\">h</th></tr></thead>"
                                  "<tbody><tr><td rowspan=\"3\">x</td><td>y</td></tr></tbody></table>");
    QTest::newRow("void elements") << QStringLiteral("a<br>b<br/>c<hr />d")
                                   << QStringLiteral("a<br>b<br>c<hr>d");
    QTest::newRow("upper case") << QStringLiteral("<P>A<BR>B</P>") << QStringLiteral("<p>A<br>B</p>");
    QTest::newRow("unknown tags dropped, text kept")
        << QStringLiteral("<font color=red>f</font><center>c</center><custom-tag>t</custom-tag>")
        << QStringLiteral("fct");
    QTest::newRow("document wrapper")
        << QStringLiteral("<!DOCTYPE html><html><head><title>T</title><meta charset=utf-8></head>"
                          "<body><p>x</p></body></html>")
        << QStringLiteral("<p>x</p>");
    QTest::newRow("head without end tag")
        << QStringLiteral("<head><title>T</title><body>shown") << QStringLiteral("shown");

    // Attributes.
    QTest::newRow("attributes dropped")
        << QStringLiteral("<p class=\"x\" style=\"color:red\" id=\"y\" dir=\"rtl\" onclick=\"evil()\">t</p>")
        << QStringLiteral("<p>t</p>");
    QTest::newRow("link")
        << QStringLiteral("<a href=\"https://example.com/?a=1&amp;b=2\" title='T \"q\"' target=_blank>x</a>")
        << QStringLiteral("<a href=\"https://example.com/?a=1&amp;b=2\" title=\"T &quot;q&quot;\">x</a>");
    QTest::newRow("mailto") << QStringLiteral("<a href='MAILTO:me@example.com'>m</a>")
                            << QStringLiteral("<a href=\"MAILTO:me@example.com\">m</a>");
    QTest::newRow("unquoted href") << QStringLiteral("<a href=http://example.com/x>x</a>")
                                   << QStringLiteral("<a href=\"http://example.com/x\">x</a>");
    QTest::newRow("href query keeps &copy=")
        << QStringLiteral("<a href=\"https://x.test/?a=1&copy=2&lt=3\">x</a>")
        << QStringLiteral("<a href=\"https://x.test/?a=1&amp;copy=2&amp;lt=3\">x</a>");
    QTest::newRow("href trimmed") << QStringLiteral("<a href=\" https://x.test/a\n \">x</a>")
                                  << QStringLiteral("<a href=\"https://x.test/a\">x</a>");
    QTest::newRow("bad link keeps text") << QStringLiteral("<p><a href=\"javascript:alert(1)\">click</a></p>")
                                         << QStringLiteral("<p>click</p>");
    QTest::newRow("link without href") << QStringLiteral("<a name=x title=t>x</a>") << QStringLiteral("x");
    QTest::newRow("first duplicate attribute wins")
        << QStringLiteral("<a href=\"javascript:x\" href=\"https://ok.test/\">t</a>") << QStringLiteral("t");
    QTest::newRow("nested links")
        << QStringLiteral("<a href=https://a.test/>1<a href=https://b.test/>2</a></a>")
        << QStringLiteral("<a href=\"https://a.test/\">1</a><a href=\"https://b.test/\">2</a>");
    QTest::newRow("spans must be small numbers")
        << QStringLiteral("<table><tr><td colspan=\"x\" rowspan=\"99999\">c<td colspan=2 rowspan = 3>d")
        << QStringLiteral("<table><tr><td>c</td><td colspan=\"2\" rowspan=\"3\">d</td></tr></table>");
    QTest::newRow("zero span") << QStringLiteral("<table><tr><th colspan=0 rowspan=1>c</th></tr></table>")
                               << QStringLiteral("<table><tr><th rowspan=\"1\">c</th></tr></table>");
    QTest::newRow("ol start digits only")
        << QStringLiteral("<ol start=\"-1\" type=\"a\"><li>x</ol>") << QStringLiteral("<ol><li>x</li></ol>");
    QTest::newRow("odd attribute syntax")
        << QStringLiteral("<p =x a\"b=c 'd' / e=>t</p>") << QStringLiteral("<p>t</p>");

    // Images never load; the alt text stays.
    QTest::newRow("img alt") << QStringLiteral(
                                    "<p>see <img src=\"https://evil.test/t.png\" alt=\" diagram <1> \"></p>")
                             << QStringLiteral("<p>see [image: diagram &lt;1&gt;]</p>");
    QTest::newRow("img no alt") << QStringLiteral("a<img src=x onerror=alert(1)>b") << QStringLiteral("ab");

    // Elements dropped with their content.
    QTest::newRow("script") << QStringLiteral("a<script>alert('<b>x</b>')</script>b") << QStringLiteral("ab");
    QTest::newRow("script case") << QStringLiteral("a<SCRIPT>x</ScRiPt >b") << QStringLiteral("ab");
    QTest::newRow("script look-alike end")
        << QStringLiteral("<script>a</scriptx>b</script>c") << QStringLiteral("c");
    QTest::newRow("script end without >") << QStringLiteral("a<script>x</script") << QStringLiteral("a");
    QTest::newRow("script unclosed") << QStringLiteral("a<script>x<p>y") << QStringLiteral("a");
    QTest::newRow("style") << QStringLiteral("<style>p{color:red}</style>t") << QStringLiteral("t");
    QTest::newRow("textarea and title")
        << QStringLiteral("<textarea><b>x</b></textarea><title>T</title>t") << QStringLiteral("t");
    QTest::newRow("svg") << QStringLiteral("<svg><script>x</script><text>t</text></svg>after")
                         << QStringLiteral("after");
    QTest::newRow("nested svg") << QStringLiteral("<svg><svg></svg>hidden</svg>shown")
                                << QStringLiteral("shown");
    QTest::newRow("self-closed svg") << QStringLiteral("<svg/>shown") << QStringLiteral("shown");
    QTest::newRow("object") << QStringLiteral("<object data=x.swf><param name=a value=b>fallback</object>y")
                            << QStringLiteral("y");
    QTest::newRow("embed") << QStringLiteral("a<embed src=\"x.swf\">b") << QStringLiteral("ab");
    QTest::newRow("template and select")
        << QStringLiteral("<template><p>t</p></template><select><option>o</select>x") << QStringLiteral("x");

    // Entities: decoded, then re-escaped.
    QTest::newRow("entities")
        << QStringLiteral(
               "<p>&lt;tag&gt; &amp; &quot;q&quot; &apos;a&#39;&#x27; &nbsp;&eacute;&hellip;&euro;</p>")
        << QStringLiteral("<p>&lt;tag&gt; &amp; &quot;q&quot; 'a'' \u00A0\u00E9\u2026\u20AC</p>");
    QTest::newRow("invalid code points")
        << QStringLiteral("<p>&#0;&#xD800;&#x110000;&#99999999999999999999;</p>")
        << QStringLiteral("<p>\uFFFD\uFFFD\uFFFD\uFFFD</p>");
    QTest::newRow("windows-1252 references")
        << QStringLiteral("<p>&#150;&#146;</p>") << QStringLiteral("<p>\u2013\u2019</p>");
    QTest::newRow("astral") << QStringLiteral("<p>&#x1F600;&#128512</p>")
                            << QStringLiteral("<p>\U0001F600\U0001F600</p>");
    QTest::newRow("not entities") << QStringLiteral("<p>&bogus; & &#; &#x; &</p>")
                                  << QStringLiteral("<p>&amp;bogus; &amp; &amp;#; &amp;#x; &amp;</p>");
    QTest::newRow("legacy without ;") << QStringLiteral("<p>&amp &copy 2024 &ampx</p>")
                                      << QStringLiteral("<p>&amp; \u00A9 2024 &amp;x</p>");

    // Repairs.
    QTest::newRow("misnested") << QStringLiteral("<b><i>x</b>y</i>") << QStringLiteral("<b><i>x</i></b>y");
    QTest::newRow("stray closers") << QStringLiteral("</div>a</p></b></br>") << QStringLiteral("a");
    QTest::newRow("unclosed") << QStringLiteral("<div><p><b>x")
                              << QStringLiteral("<div><p><b>x</b></p></div>");
    QTest::newRow("implied li end") << QStringLiteral("<ul><li>a<li>b</ul>")
                                    << QStringLiteral("<ul><li>a</li><li>b</li></ul>");
    QTest::newRow("implied p end") << QStringLiteral("<p>a<p>b<div>c")
                                   << QStringLiteral("<p>a</p><p>b</p><div>c</div>");
    QTest::newRow("< in text") << QStringLiteral("<p>1 < 2 and 3 > 2 <3</p>")
                               << QStringLiteral("<p>1 &lt; 2 and 3 &gt; 2 &lt;3</p>");
    QTest::newRow("< at end") << QStringLiteral("<p>x<") << QStringLiteral("<p>x&lt;</p>");
    QTest::newRow("</ at end") << QStringLiteral("<p>x</") << QStringLiteral("<p>x&lt;/</p>");
    QTest::newRow("cut-off tag") << QStringLiteral("<p>x<b") << QStringLiteral("<p>x</p>");
    QTest::newRow("cut-off attribute")
        << QStringLiteral("<p>x<a href=\"https://e.test>y</a></p>") << QStringLiteral("<p>x</p>");
    QTest::newRow("empty end tag") << QStringLiteral("a</>b</ x>c") << QStringLiteral("abc");

    // Comments and other markup declarations.
    QTest::newRow("comment") << QStringLiteral("a<!-- <script>x</script> -->b") << QStringLiteral("ab");
    QTest::newRow("unclosed comment") << QStringLiteral("a<!-- b <p>c") << QStringLiteral("a");
    QTest::newRow("empty comments") << QStringLiteral("<!-->a<!--->b") << QStringLiteral("ab");
    QTest::newRow("cdata") << QStringLiteral("a<![CDATA[<b>x</b>]]>c") << QStringLiteral("ax]]&gt;c");
    QTest::newRow("processing instruction")
        << QStringLiteral("a<?xml version=\"1.0\"?>b") << QStringLiteral("ab");

    // Characters.
    QTest::newRow("NUL") << withNul(QStringLiteral("<p>a"), QStringLiteral("b</p>"))
                         << QStringLiteral("<p>ab</p>");
    QTest::newRow("NUL in tag name") << withNul(QStringLiteral("<scr"), QStringLiteral("ipt>x</script>y"))
                                     << QStringLiteral("y");
    QTest::newRow("bidi controls stay text") << QStringLiteral("<p>\u202Eevil\u202C \u2067x\u2069</p>")
                                             << QStringLiteral("<p>\u202Eevil\u202C \u2067x\u2069</p>");
    QTest::newRow("lone surrogate") << QString(QStringLiteral("<p>") + QChar(0xD800) +
                                               QStringLiteral("x</p>"))
                                    << QStringLiteral("<p>\uFFFDx</p>");
}

void tst_HtmlSanitizer::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString output = Html::sanitize(input);
    QCOMPARE(output, expected);
    QCOMPARE(Fuzz::structureProblem(output, Fuzz::ForbiddenXmlChars::AreAProblem), QString());
}

void tst_HtmlSanitizer::removesDangerousContent_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("forbidden"); // case-insensitive
    QTest::addColumn<QString>("kept");

    const QStringList script = {QStringLiteral("script"), QStringLiteral("alert")};
    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>click") << script
                            << QStringLiteral("click");
    QTest::newRow("script src") << QStringLiteral("<script src=\"https://evil.test/x.js\"></script>click")
                                << QStringList{QStringLiteral("script"), QStringLiteral("evil")}
                                << QStringLiteral("click");
    QTest::newRow("split script") << QStringLiteral("<scr<script>ipt>alert(1)</script>click")
                                  << QStringList{QStringLiteral("<scr")} << QStringLiteral("click");
    QTest::newRow("style") << QStringLiteral(
                                  "<style>body{background:url(https://tracker.test/x)}</style><p>click</p>")
                           << QStringList{QStringLiteral("style"), QStringLiteral("url("),
                                          QStringLiteral("tracker")}
                           << QStringLiteral("<p>click</p>");
    QTest::newRow("style attribute")
        << QStringLiteral(
               "<p style=\"background:url(https://tracker.test/x);width:expression(alert(1))\">click</p>")
        << QStringList{QStringLiteral("style"), QStringLiteral("url("), QStringLiteral("tracker"),
                       QStringLiteral("expression")}
        << QStringLiteral("<p>click</p>");
    QTest::newRow("iframe") << QStringLiteral("<iframe src=\"https://evil.test\">fallback</iframe>click")
                            << QStringList{QStringLiteral("iframe"), QStringLiteral("evil"),
                                           QStringLiteral("fallback")}
                            << QStringLiteral("click");
    QTest::newRow("iframe srcdoc") << QStringLiteral(
                                          "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>click")
                                   << QStringList{QStringLiteral("iframe"), QStringLiteral("script")}
                                   << QStringLiteral("click");
    QTest::newRow("object") << QStringLiteral("<object data=\"https://evil.test/x.swf\">no</object>click")
                            << QStringList{QStringLiteral("object"), QStringLiteral("evil"),
                                           QStringLiteral("no")}
                            << QStringLiteral("click");
    QTest::newRow("embed") << QStringLiteral("<embed src=\"https://evil.test/x.swf\">click")
                           << QStringList{QStringLiteral("embed"), QStringLiteral("evil"),
                                          QStringLiteral("src")}
                           << QStringLiteral("click");

    const QStringList handlers = {QStringLiteral("onclick"), QStringLiteral("onerror"),
                                  QStringLiteral("onload"), QStringLiteral("onmouseover"),
                                  QStringLiteral("alert")};
    QTest::newRow("onclick") << QStringLiteral("<div onclick=\"alert(1)\">click</div>") << handlers
                             << QStringLiteral("<div>click</div>");
    QTest::newRow("ONLOAD") << QStringLiteral("<body ONLOAD=alert(1)>click") << handlers
                            << QStringLiteral("click");
    QTest::newRow("onmouseover") << QStringLiteral("<p onmouseover='alert(1)'>click") << handlers
                                 << QStringLiteral("<p>click</p>");
    QTest::newRow("onerror") << QStringLiteral("<img src=x onerror=alert(1)>click") << handlers
                             << QStringLiteral("click");
    QTest::newRow("svg onload") << QStringLiteral("<svg onload=alert(1)>x</svg>click") << handlers
                                << QStringLiteral("click");
    QTest::newRow("link with handler")
        << QStringLiteral("<a href=\"https://ok.test/\" onclick=\"alert(1)\">click</a>") << handlers
        << QStringLiteral("<a href=\"https://ok.test/\">click</a>");

    // Links with dangerous targets lose the link, keep the text.
    const auto badLink = [](const char *name, const QString &href, const QString &mustNotAppear) {
        QTest::newRow(name) << QStringLiteral("<a href=\"%1\">click</a>").arg(href)
                            << QStringList{QStringLiteral("href"), QStringLiteral("<a"), mustNotAppear}
                            << QStringLiteral("click");
    };
    badLink("javascript:", QStringLiteral("javascript:alert(1)"), QStringLiteral("alert"));
    badLink("JaVaScRiPt:", QStringLiteral("JaVaScRiPt:alert(1)"), QStringLiteral("alert"));
    badLink("java&#x09;script:", QStringLiteral("java&#x09;script:alert(1)"), QStringLiteral("alert"));
    badLink("java&Tab;script:", QStringLiteral("java&Tab;script:alert(1)"), QStringLiteral("alert"));
    badLink("java newline script:", QStringLiteral("java\nscript:alert(1)"), QStringLiteral("alert"));
    badLink("leading space and control", QStringLiteral(" &#1;javascript:alert(1)"), QStringLiteral("alert"));
    badLink("&#106;avascript:", QStringLiteral("&#106;avascript:alert(1)"), QStringLiteral("alert"));
    badLink("javascript&colon;", QStringLiteral("javascript&colon;alert(1)"), QStringLiteral("alert"));
    badLink("javascript&#58;", QStringLiteral("javascript&#58alert(1)"), QStringLiteral("alert"));
    badLink("data:", QStringLiteral("data:text/html;base64,PHNjcmlwdD4="), QStringLiteral("data:"));
    badLink("file:", QStringLiteral("file:///etc/passwd"), QStringLiteral("passwd"));
    badLink("vbscript:", QStringLiteral("vbscript:msgbox(1)"), QStringLiteral("msgbox"));
    badLink("protocol-relative", QStringLiteral("//evil.test/x"), QStringLiteral("evil"));
    badLink("relative", QStringLiteral("/relative/path"), QStringLiteral("relative"));
    badLink("https without host", QStringLiteral("https:/evil.test"), QStringLiteral("evil"));
    badLink("unicode colon", QStringLiteral("javascript\uFF1Aalert(1)"), QStringLiteral("alert"));

    const QStringList image = {QStringLiteral("src"), QStringLiteral("http"), QStringLiteral("tracker"),
                               QStringLiteral("<img"), QStringLiteral("file:")};
    QTest::newRow("remote img") << QStringLiteral("<p>a<img src=\"https://tracker.test/pixel.gif\">b</p>")
                                << image << QStringLiteral("<p>ab</p>");
    QTest::newRow("file img") << QStringLiteral("<img src=\"file:///C:/secret.png\" alt=\"\">click") << image
                              << QStringLiteral("click");
    QTest::newRow("IMG SRC") << QStringLiteral("<IMG SRC=https://tracker.test/p.gif>click") << image
                             << QStringLiteral("click");
    QTest::newRow("img srcset") << QStringLiteral("<img srcset=\"https://tracker.test/a.png 2x\" alt=click>")
                                << image << QStringLiteral("[image: click]");
    QTest::newRow("background attribute")
        << QStringLiteral("<table background=\"https://tracker.test/bg.png\"><tr><td>click</td></tr></table>")
        << image << QStringLiteral("click");

    QTest::newRow("mXSS noscript")
        << QStringLiteral("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">click")
        << QStringList{QStringLiteral("onerror"), QStringLiteral("<img"), QStringLiteral("title")}
        << QStringLiteral("click");
    QTest::newRow("mXSS math")
        << QStringLiteral("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></math>click")
        << QStringList{QStringLiteral("onerror"), QStringLiteral("<img"), QStringLiteral("style")}
        << QStringLiteral("click");
    QTest::newRow("form controls") << QStringLiteral(
                                          "<form action=\"https://evil.test\"><input type=submit><button "
                                          "formaction=javascript:alert(1)>click</button></form>")
                                   << QStringList{QStringLiteral("form"), QStringLiteral("input"),
                                                  QStringLiteral("button"), QStringLiteral("javascript"),
                                                  QStringLiteral("evil")}
                                   << QStringLiteral("click");
    QTest::newRow("meta refresh")
        << QStringLiteral("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.test\">click")
        << QStringList{QStringLiteral("meta"), QStringLiteral("refresh"), QStringLiteral("evil")}
        << QStringLiteral("click");
    QTest::newRow("link and base") << QStringLiteral(
                                          "<link rel=stylesheet href=\"https://evil.test/x.css\"><base "
                                          "href=\"https://evil.test/\">click")
                                   << QStringList{QStringLiteral("link"), QStringLiteral("base"),
                                                  QStringLiteral("evil")}
                                   << QStringLiteral("click");
    QTest::newRow("attribute soup")
        << QStringLiteral(
               "<a href=\"https://ok.test/\" style=\"x\" class=\"y\" id=\"z\" target=\"_blank\">click</a>")
        << QStringList{QStringLiteral("style"), QStringLiteral("class"), QStringLiteral("id="),
                       QStringLiteral("target")}
        << QStringLiteral("click");
}

void tst_HtmlSanitizer::removesDangerousContent()
{
    QFETCH(QString, input);
    QFETCH(QStringList, forbidden);
    QFETCH(QString, kept);
    const QString output = Html::sanitize(input);
    for (const QString &word : std::as_const(forbidden)) {
        if (output.contains(word, Qt::CaseInsensitive))
            QFAIL(qPrintable(QStringLiteral("\"%1\" in output: %2").arg(word, output)));
    }
    QVERIFY2(output.contains(kept), qPrintable(output));
    QCOMPARE(Fuzz::structureProblem(output, Fuzz::ForbiddenXmlChars::AreAProblem), QString());
}

void tst_HtmlSanitizer::malformedInputGivesWellFormedOutput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("readable"); // text that must survive

    QTest::newRow("unclosed tags") << QStringLiteral("<div><ul><li><b>one<li><i>two<table><tr><td>three")
                                   << QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                                  QStringLiteral("three")};
    QTest::newRow("stray closers") << QStringLiteral("</td></tr>one</table></ul>two</li></a>")
                                   << QStringList{QStringLiteral("one"), QStringLiteral("two")};
    QTest::newRow("< in text") << QStringLiteral("<p>if a<b and c>d then <3 <<>> </p>")
                               << QStringList{QStringLiteral("if a")};
    QTest::newRow("unquoted attributes")
        << QStringLiteral("<a href=https://x.test/?a=\"b\" title=a'b>one</a><td colspan=2>two")
        << QStringList{QStringLiteral("one"), QStringLiteral("two")};
    QTest::newRow("unclosed comment")
        << QStringLiteral("<p>one<!-- two") << QStringList{QStringLiteral("one")};
    QTest::newRow("misnesting") << QStringLiteral("<b>one<p>two</b>three</p><i><u>four</i>five</u>")
                                << QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                               QStringLiteral("three"), QStringLiteral("four"),
                                               QStringLiteral("five")};
    QTest::newRow("table soup") << QStringLiteral("<table><td>one<tr>two<th>three</table>four</td>")
                                << QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                               QStringLiteral("three"), QStringLiteral("four")};
    QTest::newRow("quotes everywhere") << QStringLiteral("<p title=\"a\"b\"c>one\"'two'</p>")
                                       << QStringList{QStringLiteral("one&quot;'two'")};
    QTest::newRow("cdata and pi") << QStringLiteral("<![CDATA[x]]>one<?php echo 1 ?>two")
                                  << QStringList{QStringLiteral("one"), QStringLiteral("two")};
}

void tst_HtmlSanitizer::malformedInputGivesWellFormedOutput()
{
    QFETCH(QString, input);
    QFETCH(QStringList, readable);
    const QString output = Html::sanitize(input);
    QCOMPARE(Fuzz::structureProblem(output, Fuzz::ForbiddenXmlChars::AreAProblem), QString());
    for (const QString &text : std::as_const(readable))
        QVERIFY2(output.contains(text), qPrintable(output));
}

void tst_HtmlSanitizer::randomInputGivesWellFormedOutput()
{
    // Random soup of HTML fragments: whatever comes in, the output is
    // well-formed, allowlisted, and sanitising it again changes nothing.
    const QStringList pieces = {
        QStringLiteral("<"),
        QStringLiteral(">"),
        QStringLiteral("/"),
        QStringLiteral("\""),
        QStringLiteral("'"),
        QStringLiteral("="),
        QStringLiteral(" "),
        QStringLiteral("\n"),
        QStringLiteral("&"),
        QStringLiteral("#x3c;"),
        QStringLiteral("amp;"),
        QStringLiteral("!--"),
        QStringLiteral("-->"),
        QStringLiteral("text"),
        QStringLiteral("a"),
        QStringLiteral("p"),
        QStringLiteral("b"),
        QStringLiteral("li"),
        QStringLiteral("td"),
        QStringLiteral("table"),
        QStringLiteral("script"),
        QStringLiteral("style"),
        QStringLiteral("svg"),
        QStringLiteral("img"),
        QStringLiteral("href"),
        QStringLiteral("src"),
        QStringLiteral("onerror"),
        QStringLiteral("javascript:"),
        QStringLiteral("https://x.test/"),
        QStringLiteral("colspan"),
        QStringLiteral("2"),
        QStringLiteral("<a href=\""),
        QStringLiteral("</"),
        QStringLiteral("<![CDATA["),
        QStringLiteral("?"),
        QStringLiteral("\u202E"),
        QStringLiteral("<b>"),
        QStringLiteral("</b>"),
        QStringLiteral("<li>"),
        QStringLiteral("<td>"),
        QStringLiteral("</table>"),
        QStringLiteral("<script>"),
        QStringLiteral("</script>"),
        QStringLiteral("<pre>"),
        QStringLiteral("<ol start=3>"),
    };
    QRandomGenerator random(20240517);
    for (int round = 0; round < 3000; ++round) {
        QString input = QStringLiteral("<");
        const int count = random.bounded(1, 80);
        for (int i = 0; i < count; ++i)
            input += pieces[random.bounded(int(pieces.size()))];
        const QString output = Html::sanitize(input);
        const QString problem = Fuzz::structureProblem(output, Fuzz::ForbiddenXmlChars::AreAProblem);
        if (!problem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1\ninput:  %2\noutput: %3").arg(problem, input, output)));
        if (output.contains(u'<'))
            QCOMPARE(Html::sanitize(output), output);
        const QString plain = Html::toPlainText(input);
        QVERIFY(!plain.contains(QStringLiteral("\n\n\n")));
    }
}

void tst_HtmlSanitizer::isAllowedLinkUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("https") << QStringLiteral("https://example.com/a?b=c#d") << true;
    QTest::newRow("HTTP") << QStringLiteral("HTTP://EXAMPLE.COM") << true;
    QTest::newRow("mailto") << QStringLiteral("mailto:a@b.test") << true;
    QTest::newRow("surrounding space") << QStringLiteral("  https://x.test/a b  ") << true;
    QTest::newRow("tab inside") << QStringLiteral("ht\ttps://x.test/") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("java tab script") << QStringLiteral("java\tscript:alert(1)") << false;
    QTest::newRow("control prefix") << QStringLiteral("\x01javascript:alert(1)") << false;
    QTest::newRow("control inside") << QStringLiteral("https://x.te\x01st/") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,x") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("vbscript") << QStringLiteral("vbscript:x") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://x.test/") << false;
    QTest::newRow("protocol-relative") << QStringLiteral("//evil.test/") << false;
    QTest::newRow("relative") << QStringLiteral("/a/b") << false;
    QTest::newRow("relative with colon") << QStringLiteral("a/b:c") << false;
    QTest::newRow("https no slashes") << QStringLiteral("https:x.test") << false;
    QTest::newRow("https no host") << QStringLiteral("https:///x") << false;
    QTest::newRow("https only") << QStringLiteral("https:") << false;
    QTest::newRow("mailto only") << QStringLiteral("mailto:") << false;
    QTest::newRow("scheme with digit first") << QStringLiteral("1https://x.test/") << false;
}

void tst_HtmlSanitizer::isAllowedLinkUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(Html::isAllowedLinkUrl(url), allowed);
}

void tst_HtmlSanitizer::hugeInputFinishes_data()
{
    // The input is prefix + unit repeated to `size` characters + suffix,
    // built in the test function so the table does not hold all of them at
    // once. Realistic input is 10 M characters; the pathological patterns use
    // 2 M to keep the debug-build run short (a quadratic path would still
    // take hours).
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<qsizetype>("size");

    const auto row = [](const char *name, const char *prefix, const QString &unit, const char *suffix,
                        qsizetype size = TenMegaChars) {
        QTest::newRow(name) << QString::fromLatin1(prefix) << unit << QString::fromLatin1(suffix) << size;
    };
    const qsizetype twoMegaChars = TenMegaChars / 5;
    row("ticket-like", "",
        QStringLiteral("<p>Hello &amp; <b>world</b> <a href=\"https://e.test/\">link</a> &#x263A;</p>\n"),
        "");
    row("plain text", "", QStringLiteral("line & more\n"), "");
    row("<<<", "", QStringLiteral("<"), "", twoMegaChars);
    row("<&<&", "", QStringLiteral("<&"), "", twoMegaChars);
    row("&# prefixes", "<p>", QStringLiteral("&#"), "", twoMegaChars);
    row("long entity names", "<p>", QStringLiteral("&") + QString(40, u'a'), "", twoMegaChars);
    row("unclosed comment", "<!--", QStringLiteral("-"), "");
    row("comment openers", "", QStringLiteral("<!--"), "");
    row("unclosed tag", "", QStringLiteral("<a"), "", twoMegaChars);
    row("many attributes", "<a ", QStringLiteral("href=x "), ">x", twoMegaChars);
    row("unclosed quote", "<a href=\"", QStringLiteral("x"), "");
    row("script end fragments", "<script>", QStringLiteral("</scrip"), "", twoMegaChars);
    row("script end without >", "<script>", QStringLiteral("</script<"), "", twoMegaChars);
    row("processing instructions", "", QStringLiteral("<?"), "");
    row("bogus end tags", "", QStringLiteral("</ "), "");
    row("stray closers", "", QStringLiteral("</b>"), "", twoMegaChars);
    row("nested divs", "", QStringLiteral("<div>"), "", twoMegaChars);
    row("NULs", "", QString(QChar(u'\0')), "<p>x</p>");
}

void tst_HtmlSanitizer::hugeInputFinishes()
{
    QFETCH(QString, prefix);
    QFETCH(QString, unit);
    QFETCH(QString, suffix);
    QFETCH(qsizetype, size);
    const QString input = prefix + repeated(unit, size) + suffix;
    QElapsedTimer timer;
    timer.start();
    const QString output = Html::sanitize(input);
    const QString plain = Html::toPlainText(input);
    // Generous bound for a debug build on a slow machine; a quadratic path
    // would take hours here.
    QVERIFY2(timer.elapsed() < 30'000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(output.size() <= 6 * input.size());
    QVERIFY(plain.size() <= input.size());
    QCOMPARE(Fuzz::structureProblem(output, Fuzz::ForbiddenXmlChars::AreAProblem), QString());
}

void tst_HtmlSanitizer::deepNesting_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("openTag");
    QTest::addColumn<int>("openTagCount"); // in the sanitised output
    QTest::addColumn<QString>("plainText");

    const int depth = 100'000;
    const auto times = [](const char *unit, int n) { return QString::fromLatin1(unit).repeated(n); };
    QTest::newRow("div") << QString(times("<div>", depth) + QStringLiteral("deep") + times("</div>", depth) +
                                    QStringLiteral("after"))
                         << QStringLiteral("<div>") << 100 << QStringLiteral("deep\nafter");
    QTest::newRow("div unclosed") << times("<div>x", depth) << QStringLiteral("<div>") << 100
                                  << times("x\n", depth).trimmed();
    QTest::newRow("b i") << QString(times("<b><i>", depth) + QStringLiteral("deep")) << QStringLiteral("<b>")
                         << 50 << QStringLiteral("deep");
    QTest::newRow("li") << QString(QStringLiteral("<ul>") + times("<li>x", depth)) << QStringLiteral("<li>")
                        << depth << times("- x\n", depth).trimmed();
    QTest::newRow("svg") << QString(times("<svg>", depth) + QStringLiteral("hidden") +
                                    times("</svg>", depth) + QStringLiteral("<p>shown</p>"))
                         << QStringLiteral("<p>") << 1 << QStringLiteral("shown");
    QTest::newRow("links") << times("<a href=https://x.test/>x", depth) << QStringLiteral("<a ") << depth
                           << times("x", depth);
}

void tst_HtmlSanitizer::deepNesting()
{
    QFETCH(QString, input);
    QFETCH(QString, openTag);
    QFETCH(int, openTagCount);
    QFETCH(QString, plainText);
    QElapsedTimer timer;
    timer.start();
    const QString output = Html::sanitize(input);
    const QString plain = Html::toPlainText(input);
    QVERIFY2(timer.elapsed() < 30'000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(output.count(openTag), openTagCount);
    QCOMPARE(Fuzz::structureProblem(output, Fuzz::ForbiddenXmlChars::AreAProblem), QString());
    QCOMPARE(plain, plainText);
}

void tst_HtmlSanitizer::toPlainText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain text as is")
        << QStringLiteral("  Hello &amp; bye\n\n\nagain \n") << QStringLiteral("Hello &amp; bye\n\n\nagain");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("paragraphs") << QStringLiteral("<p>One</p><p>Two</p>") << QStringLiteral("One\n\nTwo");
    QTest::newRow("br") << QStringLiteral("a<br>b<br/>c<BR>d") << QStringLiteral("a\nb\nc\nd");
    QTest::newRow("many br") << QStringLiteral("a<br><br><br><br>b") << QStringLiteral("a\n\nb");
    QTest::newRow("list") << QStringLiteral("<p>Steps:</p><ul><li>one</li><li>two</ul>done")
                          << QStringLiteral("Steps:\n\n- one\n- two\n\ndone");
    QTest::newRow("nested list") << QStringLiteral("<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>")
                                 << QStringLiteral("- a\n  - b\n- c");
    QTest::newRow("entities") << QStringLiteral(
                                     "<p>Tom &amp; Jerry &lt;3 &eacute; &#x27;q&#39; &quot;x&quot;</p>")
                              << QStringLiteral("Tom & Jerry <3 \u00E9 'q' \"x\"");
    QTest::newRow("script and style dropped")
        << QStringLiteral("<p>a</p><script>alert('x')</script><style>p{}</style><p>b</p>")
        << QStringLiteral("a\n\nb");
    QTest::newRow("white space collapsed")
        << QStringLiteral("<p>  a \n  b  </p>\n\n  <p> c</p>") << QStringLiteral("a b\n\nc");
    QTest::newRow("pre kept") << QStringLiteral("<p>t</p><pre>  x\n    y</pre>z")
                              << QStringLiteral("t\n\n  x\n    y\n\nz");
    QTest::newRow("headings and divs")
        << QStringLiteral("<h1>Title</h1><div>a</div><div>b</div>") << QStringLiteral("Title\n\na\nb");
    QTest::newRow("table") << QStringLiteral(
                                  "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>b</td></tr></table>")
                           << QStringLiteral("k\tv\na\tb");
    QTest::newRow("image alt") << QStringLiteral("<p>see <img src=x alt=\"chart\"></p>")
                               << QStringLiteral("see [image: chart]");
    QTest::newRow("inline") << QStringLiteral("<p>Hello <b>bold</b>world <span>a</span> <a href=x>b</a></p>")
                            << QStringLiteral("Hello boldworld a b");
    QTest::newRow("blank lines collapsed")
        << QStringLiteral("<p></p><p></p><div></div><p>x</p>\n\n\n<p>y</p><br><br>")
        << QStringLiteral("x\n\ny");
    QTest::newRow("nbsp") << QStringLiteral("<p>a&nbsp;&nbsp;b</p>") << QStringLiteral("a  b");
    QTest::newRow("comment") << QStringLiteral("a<!-- hidden -->b") << QStringLiteral("ab");
    QTest::newRow("blockquote") << QStringLiteral("<blockquote>q</blockquote>after")
                                << QStringLiteral("q\n\nafter");
    QTest::newRow("malformed") << QStringLiteral("<p>unclosed <b>bold<p>next")
                               << QStringLiteral("unclosed bold\n\nnext");
    QTest::newRow("CRLF") << QStringLiteral("<pre>a\r\nb\rc</pre>") << QStringLiteral("a\nb\nc");
    QTest::newRow("NUL") << withNul(QStringLiteral("<p>a"), QStringLiteral("b")) << QStringLiteral("ab");
}

void tst_HtmlSanitizer::toPlainText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Html::toPlainText(input), expected);
}

QTEST_GUILESS_MAIN(tst_HtmlSanitizer)
#include "tst_htmlsanitizer.moc"
