// Export ticket… and Print…: the PDF read back with pdftotext holds the
// ticket (also CJK and Arabic text), the HTML export is sanitised and
// self-contained, file names are safe, and the print document paginates.
#include "core/htmlsanitizer.h"
#include "core/ticketexport.h"
#include "core/ticketparser.h"
#include "support/sampledata.h"
#include "ticketview/safetextdocument.h"
#include "ticketview/ticketdocument.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QPageSize>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

namespace {

const QString CjkSample = QStringLiteral("导出获奖者名单失败"); // "Exporting the winners list fails"
const QString JapaneseSample = QStringLiteral("当選者リストのエクスポート"); // Kana as well as Han
const QString ArabicSample = QStringLiteral("قائمة الفائزين");               // "The winners list"

QJsonObject note(int id, const QString &html)
{
    return {{QStringLiteral("Id"), id},
            {QStringLiteral("Date"), QStringLiteral("2025-01-27T09:30:00.000Z")},
            {QStringLiteral("Note"), html}};
}

Ticket hostileTicket()
{
    QJsonObject data = Testing::sampleTicketData();
    data.insert(QStringLiteral("Subject"), QStringLiteral("<script>alert('subject')</script> Export fails"));
    data.insert(QStringLiteral("Description"),
                QStringLiteral("<p onclick=\"steal()\">Hi <img src=\"https://tracker.example/pixel.png\">"
                               "<a href=\"javascript:alert(1)\">click</a> <a href=\"https://help.example/x\" "
                               "onmouseover=\"x()\">guide</a></p><script>alert(1)</script>"
                               "<style>body{background:url(https://evil.example/bg)}</style>"
                               "<iframe src=\"https://evil.example\"></iframe><svg onload=\"x()\"></svg>"));
    data.insert(QStringLiteral("Notes"),
                QJsonArray{note(1, QStringLiteral("<img src=x onerror=alert(1)>note one")),
                           note(2, QStringLiteral("<a href=\" JaVaScRiPt:alert(2)\">note two</a>")),
                           note(3, QStringLiteral("<object data=\"https://evil.example/x.swf\"></object>"
                                                  "<link rel=stylesheet href=\"https://evil.example/s.css\">"
                                                  "note three"))});
    data.insert(
        QStringLiteral("AccountInfo"),
        QJsonObject{{QStringLiteral("FullName"), QStringLiteral("<b onclick=x()>Eve</b>")},
                    {QStringLiteral("Email"), QStringLiteral("eve@example.com\"><script>x()</script>")}});
    return parseTicketData(data);
}

// The text pdftotext reads from path; a null string when it could not.
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    // Normalised: pdftotext may give presentation forms (Arabic) and breaks lines.
    return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

QString oneSpaced(const QString &text)
{
    return text.simplified();
}

} // namespace

class tst_TicketExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pdfHoldsTheWholeTicket();
    void pdfRendersCjkAndArabic();
    void htmlIsSanitisedAndSelfContained();
    void markdownAndHtmlFilesAreWritten();
    void unwritablePathSaysWhy();
    void safeFileNames_data();
    void safeFileNames();
    void printDocumentPaginates();

private:
    QTemporaryDir m_dir;
};

void tst_TicketExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_TicketExport::pdfHoldsTheWholeTicket()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext is missing (poppler-utils; scripts/install-deps.sh installs it)");
    const Ticket ticket = parseTicketData(Testing::sampleTicketData());
    const QString path = m_dir.filePath(QStringLiteral("sample.pdf"));
    QCOMPARE(writeTicketExport(ticket, path, ExportFormat::Pdf), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const QString text = oneSpaced(pdfText(path));
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    for (const QString &expected :
         {QStringLiteral("HYXTNJV"), ticket.subject, QStringLiteral("Maria Lopez"),
          QStringLiteral("maria.lopez@example.com"), QStringLiteral("Status"), QStringLiteral("Closed"),
          QStringLiteral("Winners"), QStringLiteral("When I export the winners list for Summer Splash 2025"),
          QStringLiteral("Statistics"), QStringLiteral("update"), QStringLiteral("resolve"),
          QStringLiteral("2025-01-26 10:05 UTC"), QStringLiteral("2025-01-28 16:40 UTC")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n--- in ---\n") + text));
    // Every note's text.
    for (const Note &n : ticket.notes) {
        const QString noteText = oneSpaced(Html::toPlainText(n.html));
        QVERIFY2(text.contains(noteText), qPrintable(noteText));
    }
}

void tst_TicketExport::pdfRendersCjkAndArabic()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext is missing (poppler-utils; scripts/install-deps.sh installs it)");
    QJsonObject data = Testing::sampleTicketData();
    data.insert(QStringLiteral("Subject"), CjkSample);
    data.insert(QStringLiteral("Notes"), QJsonArray{note(1, QStringLiteral("<p>%1</p>").arg(JapaneseSample)),
                                                    note(2, QStringLiteral("<p>%1</p>").arg(ArabicSample))});
    const QString path = m_dir.filePath(QStringLiteral("scripts.pdf"));
    QCOMPARE(writeTicketExport(parseTicketData(data), path, ExportFormat::Pdf), QString());
    const QString text = pdfText(path);
    QVERIFY2(text.contains(CjkSample), qPrintable(text));
    QVERIFY2(text.contains(JapaneseSample), qPrintable(text));
    // Arabic comes back in logical order when the glyphs carry their text;
    // compare the letters only (pdftotext may space joined words differently).
    const auto letters = [](const QString &s) {
        QString out;
        for (const QChar c : s) {
            if (c.script() == QChar::Script_Arabic && c.isLetter())
                out += c;
        }
        return out;
    };
    const QString arabic = letters(ArabicSample);
    QString found = letters(text);
    std::reverse(found.begin(), found.end());
    QVERIFY2(letters(text).contains(arabic) || found.contains(arabic), qPrintable(text));
}

void tst_TicketExport::htmlIsSanitisedAndSelfContained()
{
    const QString html = Export::html(hostileTicket());
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QCOMPARE(html.count(QStringLiteral("<style>")), 1); // ours, in the head
    const QString lower = html.toLower();
    QVERIFY(!lower.contains(QStringLiteral("<script")));
    QVERIFY(!lower.contains(QStringLiteral("javascript:")));
    QVERIFY(!lower.contains(QStringLiteral("<img")));
    QVERIFY(!lower.contains(QStringLiteral("<iframe")));
    QVERIFY(!lower.contains(QStringLiteral("<object")));
    QVERIFY(!lower.contains(QStringLiteral("<link")));
    QVERIFY(!lower.contains(QStringLiteral("<svg")));
    QVERIFY(!lower.contains(QStringLiteral("evil.example")));
    QVERIFY(!lower.contains(QStringLiteral("tracker.example")));
    QVERIFY(!lower.contains(QStringLiteral("url(")));
    static const QRegularExpression handler(QStringLiteral(R"(<[^>]*\son[a-z]+\s*=)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!handler.match(html).hasMatch(), qPrintable(handler.match(html).captured()));
    // Any remaining src/href points at https or mailto only.
    static const QRegularExpression resource(QStringLiteral(R"re((src|href)\s*=\s*"([^"]*)")re"));
    for (auto it = resource.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QCOMPARE(m.captured(1), QStringLiteral("href"));
        QVERIFY2(m.captured(2).startsWith(QStringLiteral("https://help.example")), qPrintable(m.captured(2)));
    }
    // The text survives, escaped.
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert('subject')&lt;/script&gt; Export fails")));
    QVERIFY(html.contains(QStringLiteral("note one")));
    QVERIFY(html.contains(QStringLiteral("note two")));
    QVERIFY(html.contains(QStringLiteral("note three")));
    QVERIFY(html.contains(QStringLiteral("&lt;b onclick=x()&gt;Eve&lt;/b&gt;")));
}

void tst_TicketExport::markdownAndHtmlFilesAreWritten()
{
    const Ticket ticket = parseTicketData(Testing::sampleTicketData());
    const QString md = m_dir.filePath(QStringLiteral("t.md"));
    const QString html = m_dir.filePath(QStringLiteral("t.html"));
    QCOMPARE(writeTicketExport(ticket, md, ExportFormat::Markdown), QString());
    QCOMPARE(writeTicketExport(ticket, html, ExportFormat::Html), QString());
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    QVERIFY(mdFile.readAll().startsWith("# HYXTNJV — Winners list export fails"));
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QByteArray htmlBytes = htmlFile.readAll();
    QVERIFY(htmlBytes.startsWith("<!DOCTYPE html>"));
    QVERIFY(htmlBytes.contains("Thanks for reporting this."));
}

void tst_TicketExport::unwritablePathSaysWhy()
{
    const Ticket ticket = parseTicketData(Testing::sampleTicketData());
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/t.pdf"));
    const QString problem = writeTicketExport(ticket, path, ExportFormat::Pdf);
    QVERIFY(problem.contains(path));
    QVERIFY(!QFile::exists(path));
}

void tst_TicketExport::safeFileNames_data()
{
    QTest::addColumn<QString>("caseNumber");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *subject, const char *expected) {
        QTest::newRow(name) << QStringLiteral("HYXTNJV") << QString::fromUtf8(subject)
                            << QString::fromUtf8(expected);
    };
    row("plain", "Winners list export fails", "HYXTNJV - Winners list export fails.pdf");
    row("reserved characters", R"(a/b\c:d*e?f"g<h>i|j)", "HYXTNJV - a_b_c_d_e_f_g_h_i_j.pdf");
    row("control characters and whitespace", "  line\none\ttab\u0001\u007f\u0085  ",
        "HYXTNJV - line one tab.pdf");
    row("dots at the end", "Why... ", "HYXTNJV - Why.pdf");
    row("no subject", "", "HYXTNJV.pdf");
    row("path traversal", "../../etc/passwd", "HYXTNJV - .._.._etc_passwd.pdf");
    row("CJK kept", "导出失败", "HYXTNJV - 导出失败.pdf");
}

void tst_TicketExport::safeFileNames()
{
    QFETCH(QString, caseNumber);
    QFETCH(QString, subject);
    QFETCH(QString, expected);
    Ticket ticket;
    ticket.caseNumber = caseNumber;
    ticket.subject = subject;
    QCOMPARE(Export::exportFileName(ticket, QStringLiteral("pdf")), expected);
}

void tst_TicketExport::printDocumentPaginates()
{
    // Print… cannot be driven to a printer offscreen; it lays out this same
    // document (ticketDocument) on the printer's pages, as the PDF export does.
    QJsonObject data = Testing::sampleTicketData();
    data.insert(QStringLiteral("Notes"),
                Testing::numberedNotes(200, QStringLiteral("<p>Printed note %1</p>")));
    const std::unique_ptr<SafeTextDocument> document = ticketDocument(parseTicketData(data));
    QVERIFY(document->toPlainText().contains(QStringLiteral("Printed note 199")));
    QVERIFY(document->toPlainText().contains(QStringLiteral("Winners list export fails")));
    document->setPageSize(QPageSize(QPageSize::A4).size(QPageSize::Point));
    QVERIFY2(document->pageCount() > 1, qPrintable(QString::number(document->pageCount())));
    // Safe: a document with a remote image in it would not load it.
    QVERIFY(
        !document->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://evil.example/a.png")))
             .isValid());
}

QTEST_MAIN(tst_TicketExport)
#include "tst_ticketexport.moc"
