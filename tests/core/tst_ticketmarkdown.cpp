// The Markdown exports: the full ticket and the short summary for issue
// trackers; hostile server text cannot become links, images or HTML.
#include "core/ticketmarkdown.h"
#include "core/ticketparser.h"
#include "support/sampledata.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace CaseLens;

namespace {

Ticket sampleTicket()
{
    return parseTicketData(Testing::sampleTicketData());
}

// Markdown outside escapes: what a renderer would see as markup.
QString withoutEscapes(QString markdown)
{
    static const QRegularExpression escaped(QStringLiteral(R"(\\[\\`*_\[\]<>&|~#+\-=.)!])"));
    return markdown.remove(escaped);
}

} // namespace

class tst_TicketMarkdown final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullExportHasEverySection();
    void summaryHasTheLastThreeNotes();
    void hostileTextIsNeutralised();
    void escapeKeepsParagraphsAndLineBreaks();
    void escapeMarksLineStartsOnly();
};

void tst_TicketMarkdown::fullExportHasEverySection()
{
    const QString md = Markdown::fullExport(sampleTicket());
    QVERIFY(
        md.startsWith(QStringLiteral("# HYXTNJV — Winners list export fails for sweepstakes with more than "
                                     "10,000 entries\n")));
    for (const char *line :
         {"- **Status:** Closed", "- **Priority:** High", "- **Product area:** Winners",
          "- **Created:** 2025-01-26 10:00 UTC", "- **Closed:** 2025-01-28 16:45 UTC by Dana Whitfield",
          "- **Link:** <caselens://ticket/HYXTNJV>", "## Requester",
          "- **Name:** Maria Lopez \\<maria.lopez@example.com\\>", "- **Sweepstakes:** Summer Splash 2025",
          "## Description", "## Notes (3)", "### 2025-01-26 10:05 UTC", "### 2025-01-26 11:20 UTC",
          "### 2025-01-28 16:40 UTC", "## Statistics", "- create: 1", "- resolve: 1", "- update: 2"})
        QVERIFY2(md.contains(QString::fromUtf8(line)), line);
    // The description and the notes as text: no tags, paragraphs kept.
    QVERIFY(md.contains(
        QStringLiteral("When I export the winners list for Summer Splash 2025, the download stops "
                       "at 10,000 rows.\n\nSteps:")));
    QVERIFY(md.contains(QStringLiteral("Thanks for reporting this. Could you tell us the sweepstakes ID?")));
    QVERIFY(md.contains(QStringLiteral("It is SS-2025-0612. The export stops at exactly 10,000 rows.")));
    QVERIFY(md.contains(
        QStringLiteral("Fixed in release 3.14.2: exports are now streamed.\n\nPlease try again.")));
    QVERIFY(!md.contains(QStringLiteral("<p>")));
    QVERIFY(!md.contains(QStringLiteral("<b>")));
    // Sections in order.
    QVERIFY(md.indexOf(QStringLiteral("## Requester")) < md.indexOf(QStringLiteral("## Description")));
    QVERIFY(md.indexOf(QStringLiteral("## Description")) < md.indexOf(QStringLiteral("## Notes")));
    QVERIFY(md.indexOf(QStringLiteral("## Notes")) < md.indexOf(QStringLiteral("## Statistics")));
}

void tst_TicketMarkdown::summaryHasTheLastThreeNotes()
{
    QJsonObject data = Testing::sampleTicketData();
    data.insert(QStringLiteral("Notes"), Testing::numberedNotes(5, QStringLiteral("<p>Note number %1</p>")));
    const QString md = Markdown::summary(parseTicketData(data));
    QVERIFY(md.startsWith(QStringLiteral("### HYXTNJV — Winners list export fails")));
    QVERIFY(md.contains(QStringLiteral("- **Requester:** Maria Lopez \\<maria.lopez@example.com\\>")));
    QVERIFY(md.contains(QStringLiteral("- **Link:** <caselens://ticket/HYXTNJV>")));
    QVERIFY(md.contains(QStringLiteral("#### Description")));
    QVERIFY(md.contains(QStringLiteral("the download stops at 10,000 rows.")));
    QVERIFY(md.contains(QStringLiteral("#### Last 3 of 5 notes")));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(md.contains(QStringLiteral("Note number %1").arg(i)), i >= 2);
    QVERIFY(md.indexOf(QStringLiteral("Note number 2")) < md.indexOf(QStringLiteral("Note number 4")));
    // No statistics in a summary.
    QVERIFY(!md.contains(QStringLiteral("Statistics")));

    // Three notes or fewer: all of them, under a plain heading.
    const QString short3 = Markdown::summary(sampleTicket());
    QVERIFY(short3.contains(QStringLiteral("#### Notes\n")));
    QVERIFY(short3.contains(QStringLiteral("Thanks for reporting this.")));
}

void tst_TicketMarkdown::hostileTextIsNeutralised()
{
    QJsonObject data = Testing::sampleTicketData();
    data.insert(QStringLiteral("Subject"),
                QStringLiteral("[click me](javascript:alert(1)) ![x](https://evil.example/t.png) <img src=x "
                               "onerror=alert(1)> *bold* `code` &lt;"));
    data.insert(QStringLiteral("Description"),
                QStringLiteral("# Heading\n- item\n1. first\n> quote\n    indented code\n---"));
    data.insert(QStringLiteral("Notes"),
                QJsonArray{QJsonObject{{QStringLiteral("Id"), 1},
                                       {QStringLiteral("Date"), QStringLiteral("2025-01-26T10:05:12.000Z")},
                                       {QStringLiteral("Note"),
                                        QStringLiteral("<a href=\"javascript:x\">[y](javascript:y)</a>"
                                                       "\u001b[31m red <b>|a|b|</b><script>alert(1)</script>"
                                                       "[a](https://evil.example)")}}});
    const Ticket ticket = parseTicketData(data);
    for (const QString &md : {Markdown::fullExport(ticket), Markdown::summary(ticket)}) {
        const QString bare = withoutEscapes(md);
        // No link, image, HTML tag or inline code survives unescaped.
        QVERIFY2(!bare.contains(QStringLiteral("](")), qPrintable(md));
        QVERIFY2(!bare.contains(QStringLiteral("<img")), qPrintable(md));
        QVERIFY2(!bare.contains(QStringLiteral("<script")), qPrintable(md));
        QVERIFY2(!bare.contains(u'`'), qPrintable(md));
        QVERIFY2(!bare.contains(QStringLiteral("*bold*")), qPrintable(md));
        QVERIFY2(!md.contains(QChar(0x1b)), "a terminal escape in the export");
        // The text is still there, escaped.
        QVERIFY(md.contains(QStringLiteral("\\[click me\\](javascript:alert(1))")));
        QVERIFY(md.contains(QStringLiteral("\\<img src=x onerror=alert(1)\\>")));
        QVERIFY(md.contains(QStringLiteral("\\&lt;")));
        // Every "<" left is one CaseLens wrote: the caselens: link.
        QCOMPARE(bare.count(u'<'), 1);
    }
    const QString md = Markdown::fullExport(ticket);
    // Block markers from the description are text, not headings, lists, quotes or rules.
    for (const char *line :
         {"\\# Heading\\", "\\- item\\", "1\\. first\\", "\\> quote\\", "indented code\\", "\\---"})
        QVERIFY2(md.contains(QString::fromLatin1(line)), line);
    QVERIFY(!md.contains(QStringLiteral("\n    indented")));
}

void tst_TicketMarkdown::escapeKeepsParagraphsAndLineBreaks()
{
    QCOMPARE(Markdown::escape(QStringLiteral("one\r\ntwo\n\n\n\nthree\rfour")),
             QStringLiteral("one\\\ntwo\n\nthree\\\nfour"));
    QCOMPARE(Markdown::escape(QStringLiteral("  \n\t\n")), QString());
}

void tst_TicketMarkdown::escapeMarksLineStartsOnly()
{
    QCOMPARE(Markdown::escape(QStringLiteral("a-b + c = d #1. 2)")), QStringLiteral("a-b + c = d #1. 2)"));
    QCOMPARE(Markdown::escape(QStringLiteral("+ x")), QStringLiteral("\\+ x"));
    QCOMPARE(Markdown::escape(QStringLiteral("12) x")), QStringLiteral("12\\) x"));
    QCOMPARE(Markdown::escape(QStringLiteral("===")), QStringLiteral("\\==="));
    QCOMPARE(Markdown::escape(QStringLiteral("a\\b_c")), QStringLiteral("a\\\\b\\_c"));
}

QTEST_GUILESS_MAIN(tst_TicketMarkdown)
#include "tst_ticketmarkdown.moc"
