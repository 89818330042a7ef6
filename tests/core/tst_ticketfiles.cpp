#include "core/attachments.h"
#include "core/ticketparser.h"
#include "support/sampledata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

Ticket ticketWithFiles(const QJsonValue &files)
{
    QJsonObject root = QJsonDocument::fromJson(Testing::sampleTicketResponseBytes()).object();
    QJsonObject data = root.value("Data"_L1).toObject();
    data.insert(u"Files"_s, files);
    root.insert(u"Data"_s, data);
    const TicketResult r =
        parseTicketResponse(QJsonDocument(root).toJson(), 200, "application/json", u"HYXTNJV"_s);
    if (!r.ok())
        qFatal("sample refused: %s", qPrintable(r.error.message()));
    return r.ticket;
}

} // namespace

// The ticket's Files as the parser types them (the Files tab and
// caselens-cli fetch both show this list).
class TestTicketFiles final : public QObject
{
    Q_OBJECT

private slots:
    void sample();
    void commonKeys_data();
    void commonKeys();
    void stringEntries();
    void oddEntriesKeptAsText();
    void sizes_data();
    void sizes();
    void notAList();
    void hugeNameCut();
};

void TestTicketFiles::sample()
{
    const TicketResult r =
        parseTicketResponse(Testing::sampleTicketResponseBytes(), 200, "application/json", u"HYXTNJV"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.ticket.attachments.size(), 1);
    const Attachment &file = r.ticket.attachments.at(0);
    QCOMPARE(file.name, u"winners-export.csv"_s);
    QCOMPARE(file.size, std::optional<qint64>(482133));
    QCOMPARE(file.link, u"https://files.sweeppea.com/t/HYXTNJV/winners-export.csv"_s);
    QCOMPARE(file.type, QString());
    // The entries as sent stay on the ticket, for the fallback display and --json.
    QCOMPARE(r.ticket.files.size(), 1);
    QCOMPARE(r.ticket.files.at(0).toObject().value("FileName"_L1).toString(), u"winners-export.csv"_s);
}

void TestTicketFiles::commonKeys_data()
{
    QTest::addColumn<QJsonObject>("entry");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("link");
    QTest::newRow("Name/Bytes/MimeType/Link")
        << QJsonObject{{u"Name"_s, u"a.pdf"_s},
                       {u"Bytes"_s, 10},
                       {u"MimeType"_s, u"application/pdf"_s},
                       {u"Link"_s, u"https://x.example/a.pdf"_s}}
        << u"a.pdf"_s << qint64(10) << u"application/pdf"_s << u"https://x.example/a.pdf"_s;
    QTest::newRow("any case") << QJsonObject{{u"filename"_s, u"b.png"_s},
                                             {u"FILESIZE"_s, 2048},
                                             {u"contentType"_s, u"image/png"_s},
                                             {u"downloadurl"_s, u"https://x.example/b"_s}}
                              << u"b.png"_s << qint64(2048) << u"image/png"_s << u"https://x.example/b"_s;
    QTest::newRow("first key wins") << QJsonObject{{u"Title"_s, u"title"_s}, {u"FileName"_s, u"file"_s}}
                                    << u"file"_s << qint64(-1) << QString() << QString();
    QTest::newRow("null skipped") << QJsonObject{{u"FileName"_s, QJsonValue::Null}, {u"Name"_s, u"n"_s}}
                                  << u"n"_s << qint64(-1) << QString() << QString();
    QTest::newRow("name from link") << QJsonObject{{u"Url"_s, u"https://x.example/dir/report.xlsx?sig=1"_s}}
                                    << u"report.xlsx"_s << qint64(-1) << QString()
                                    << u"https://x.example/dir/report.xlsx?sig=1"_s;
    QTest::newRow("extension as type") << QJsonObject{{u"Name"_s, u"c"_s}, {u"Extension"_s, u"csv"_s}}
                                       << u"c"_s << qint64(-1) << u"csv"_s << QString();
}

void TestTicketFiles::commonKeys()
{
    QFETCH(QJsonObject, entry);
    QFETCH(QString, name);
    QFETCH(qint64, size);
    QFETCH(QString, type);
    QFETCH(QString, link);
    const Ticket t = ticketWithFiles(QJsonArray{entry});
    QCOMPARE(t.attachments.size(), 1);
    const Attachment &file = t.attachments.at(0);
    QCOMPARE(file.name, name);
    QCOMPARE(file.size.value_or(-1), size);
    QCOMPARE(file.type, type);
    QCOMPARE(file.link, link);
    QVERIFY(!t.hasWarningFor(u"Files"_s));
}

void TestTicketFiles::stringEntries()
{
    const Ticket t = ticketWithFiles(
        QJsonArray{u"https://x.example/loose.txt"_s, u"  notes.docx "_s, u"javascript:alert(1)"_s});
    QCOMPARE(t.attachments.size(), 3);
    QCOMPARE(t.attachments.at(0).name, u"loose.txt"_s);
    QCOMPARE(t.attachments.at(0).link, u"https://x.example/loose.txt"_s);
    QCOMPARE(t.attachments.at(1).name, u"notes.docx"_s);
    QVERIFY(t.attachments.at(1).link.isEmpty());
    QCOMPARE(t.attachments.at(2).link, u"javascript:alert(1)"_s); // kept as text; the views decide
}

void TestTicketFiles::oddEntriesKeptAsText()
{
    const Ticket t = ticketWithFiles(QJsonArray{
        7, true, QJsonArray{1, 2}, QJsonObject{{u"Name"_s, QJsonObject{{u"x"_s, 1}}}}, QJsonObject{}});
    QCOMPARE(t.attachments.size(), 5); // one per entry, none dropped
    QCOMPARE(t.attachments.at(0).name, u"7"_s);
    QCOMPARE(t.attachments.at(1).name, u"true"_s);
    QCOMPARE(t.attachments.at(2).name, u"[1,2]"_s);
    QCOMPARE(t.attachments.at(3).name, u"{\"x\":1}"_s);
    QCOMPARE(t.attachments.at(4).name, QString());
}

void TestTicketFiles::sizes_data()
{
    QTest::addColumn<QJsonValue>("size");
    QTest::addColumn<qint64>("expected"); // -1: unknown
    QTest::newRow("number") << QJsonValue(1024) << qint64(1024);
    QTest::newRow("text") << QJsonValue(u" 1024 "_s) << qint64(1024);
    QTest::newRow("fraction rounds") << QJsonValue(10.6) << qint64(11);
    QTest::newRow("negative") << QJsonValue(-1) << qint64(-1);
    QTest::newRow("words") << QJsonValue(u"big"_s) << qint64(-1);
    QTest::newRow("absurd") << QJsonValue(1e300) << qint64(-1);
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"kb"_s, 1}}) << qint64(-1);
}

void TestTicketFiles::sizes()
{
    QFETCH(QJsonValue, size);
    QFETCH(qint64, expected);
    const Attachment file = attachmentFromJson(QJsonObject{{u"Name"_s, u"f"_s}, {u"Size"_s, size}});
    QCOMPARE(file.size.value_or(-1), expected);
}

void TestTicketFiles::notAList()
{
    // One object where a list belongs: read as a one-entry list (with the
    // warning the parser always gave).
    const Ticket t = ticketWithFiles(QJsonObject{{u"FileName"_s, u"only.txt"_s}});
    QCOMPARE(t.attachments.size(), 1);
    QCOMPARE(t.attachments.at(0).name, u"only.txt"_s);
    QVERIFY(t.hasWarningFor(u"Files"_s));

    const Ticket none = ticketWithFiles(u"none"_s);
    QVERIFY(none.attachments.isEmpty());
    QVERIFY(none.hasWarningFor(u"Files"_s));
}

void TestTicketFiles::hugeNameCut()
{
    const QString huge(1'000'000, u'a');
    const Attachment file = attachmentFromJson(QJsonObject{{u"Name"_s, huge}, {u"Url"_s, huge}});
    QVERIFY(file.name.size() <= 4096);
    QVERIFY(file.link.size() <= 4096);
    QVERIFY(file.name.endsWith(u'\u2026'));
}

QTEST_GUILESS_MAIN(TestTicketFiles)
#include "tst_ticketfiles.moc"
