// The description's simple HTML (b, i, br), written from styled runs and read
// back from a ticket's (untrusted) description for editing.
#include "core/simplehtml.h"

#include <QtTest>

using namespace CaseLens;
using SimpleHtml::Run;

namespace {

Run plain(const QString &text)
{
    return Run{text, false, false};
}

Run bold(const QString &text)
{
    return Run{text, true, false};
}

Run italic(const QString &text)
{
    return Run{text, false, true};
}

} // namespace

Q_DECLARE_METATYPE(QList<CaseLens::SimpleHtml::Run>)

namespace QTest {
template <>
char *toString(const QList<CaseLens::SimpleHtml::Run> &runs)
{
    QStringList parts;
    for (const Run &run : runs)
        parts << QStringLiteral("%1%2\"%3\"")
                     .arg(run.bold ? u"b" : u"", run.italic ? u"i" : u"",
                          QString(run.text).replace(u'\n', QStringLiteral("\\n")));
    return qstrdup(parts.join(QStringLiteral(", ")).toUtf8().constData());
}
} // namespace QTest

class tst_SimpleHtml final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toHtml_data()
    {
        QTest::addColumn<QList<Run>>("runs");
        QTest::addColumn<QString>("html");

        QTest::newRow("empty") << QList<Run>{} << QString();
        QTest::newRow("plain") << QList<Run>{plain(QStringLiteral("Hello"))} << QStringLiteral("Hello");
        QTest::newRow("bold word") << QList<Run>{plain(QStringLiteral("Hello ")),
                                                 bold(QStringLiteral("world"))}
                                   << QStringLiteral("Hello <b>world</b>");
        QTest::newRow("line breaks") << QList<Run>{plain(QStringLiteral("one\ntwo\n\nthree"))}
                                     << QStringLiteral("one<br>two<br><br>three");
        QTest::newRow("bold italic") << QList<Run>{Run{QStringLiteral("both"), true, true},
                                                   italic(QStringLiteral(" slanted"))}
                                     << QStringLiteral("<b><i>both</i></b><i> slanted</i>");
        QTest::newRow("break inside bold")
            << QList<Run>{bold(QStringLiteral("a\nb"))} << QStringLiteral("<b>a<br>b</b>");
        QTest::newRow("alike runs merge")
            << QList<Run>{bold(QStringLiteral("a")), bold(QStringLiteral("b")), plain({})}
            << QStringLiteral("<b>ab</b>");
        // What an agent types is text, never markup.
        QTest::newRow("escaped")
            << QList<Run>{plain(QStringLiteral("<script>alert(1)</script> & <b>not bold</b>"))}
            << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;not bold&lt;/b&gt;");
        QTest::newRow("NUL dropped") << QList<Run>{plain(QStringLiteral("a") + QChar::Null + u'b')}
                                     << QStringLiteral("ab");
        QTest::newRow("non-Latin") << QList<Run>{bold(QStringLiteral("報告 — مرحبا"))}
                                   << QStringLiteral("<b>報告 — مرحبا</b>");
    }

    void toHtml()
    {
        QFETCH(QList<Run>, runs);
        QFETCH(QString, html);
        QCOMPARE(SimpleHtml::toHtml(runs), html);
    }

    void fromHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QList<Run>>("runs");

        QTest::newRow("empty") << QString() << QList<Run>{};
        QTest::newRow("plain text keeps its lines")
            << QStringLiteral("first line\nsecond & third")
            << QList<Run>{plain(QStringLiteral("first line\nsecond & third"))};
        QTest::newRow("b and strong, i and em")
            << QStringLiteral("<strong>S</strong> <b>B</b> <em>E</em> <i>I</i>")
            << QList<Run>{bold(QStringLiteral("S")),  plain(QStringLiteral(" ")),  bold(QStringLiteral("B")),
                          plain(QStringLiteral(" ")), italic(QStringLiteral("E")), plain(QStringLiteral(" ")),
                          italic(QStringLiteral("I"))};
        QTest::newRow("nested bold") << QStringLiteral("<b><b>x</b>y</b>z")
                                     << QList<Run>{bold(QStringLiteral("xy")), plain(QStringLiteral("z"))};
        QTest::newRow("br and hr") << QStringLiteral("a<br>b<hr>c")
                                   << QList<Run>{plain(QStringLiteral("a\nb\n\nc"))};
        QTest::newRow("paragraphs and divs")
            << QStringLiteral("<p>one</p><p>two</p><div>three</div><div>four</div>")
            << QList<Run>{plain(QStringLiteral("one\n\ntwo\n\nthree\nfour"))};
        QTest::newRow("HTML white space collapses") << QStringLiteral("<p>\n  Hello\n   world  </p>")
                                                    << QList<Run>{plain(QStringLiteral("Hello world"))};
        QTest::newRow("entities decoded")
            << QStringLiteral("<p>a &amp; b &lt;c&gt;</p>") << QList<Run>{plain(QStringLiteral("a & b <c>"))};
        // Untrusted: what the sanitiser drops never reaches the editor.
        QTest::newRow("hostile") << QStringLiteral(
                                        "<script>alert(1)</script><img src=x onerror=alert(2)><a "
                                        "href=\"javascript:x\">link</a><style>p{}</style><b onclick=x>ok</b>")
                                 << QList<Run>{plain(QStringLiteral("link")), bold(QStringLiteral("ok"))};
        QTest::newRow("unclosed bold ends with the text")
            << QStringLiteral("<b>open") << QList<Run>{bold(QStringLiteral("open"))};
    }

    void fromHtml()
    {
        QFETCH(QString, html);
        QFETCH(QList<Run>, runs);
        QCOMPARE(SimpleHtml::fromHtml(html), runs);
    }

    void isSimple_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<bool>("simple");
        QTest::newRow("plain text") << QStringLiteral("a\nb <c>") << true;
        QTest::newRow("what the editor writes") << QStringLiteral("Hello <b>world</b><br><i>x</i>") << true;
        QTest::newRow("paragraphs, strong, em")
            << QStringLiteral("<p><strong>a</strong></p><div><em>b</em></div>") << true;
        // Dropped by the sanitiser anyway: nothing to lose.
        QTest::newRow("script") << QStringLiteral("a<script>x</script>") << true;
        QTest::newRow("link") << QStringLiteral("see <a href=\"https://example.com\">guide</a>") << false;
        QTest::newRow("list") << QStringLiteral("<ol><li>one</li></ol>") << false;
        QTest::newRow("rule") << QStringLiteral("a<hr>b") << false;
    }

    void isSimple()
    {
        QFETCH(QString, html);
        QFETCH(bool, simple);
        QCOMPARE(SimpleHtml::isSimple(html), simple);
    }

    // Edit pre-fills from the description and sends toHtml() back: what the
    // agent did not touch comes back as it was sent.
    void roundTrip()
    {
        const QList<Run> runs{plain(QStringLiteral("Hello ")), bold(QStringLiteral("world")),
                              plain(QStringLiteral("\nsecond & <line>\n\n")),
                              Run{QStringLiteral("both"), true, true}};
        const QString html = SimpleHtml::toHtml(runs);
        QCOMPARE(SimpleHtml::toHtml(SimpleHtml::fromHtml(html)), html);
    }
};

QTEST_GUILESS_MAIN(tst_SimpleHtml)
#include "tst_simplehtml.moc"
