#include "core/filedownload.h"
#include "support/clientfixture.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

const QString testKey = u"sk_test_files_7c1d5e9a3b"_s;

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(20261203);
    for (char &b : bytes)
        b = char(generator.bounded(256));
    return bytes;
}

FakeResponse fileResponse(const QByteArray &body)
{
    FakeResponse response;
    response.contentType = "application/octet-stream";
    response.body = body;
    return response;
}

} // namespace

// Saving a ticket's file (the Files tab's Save as…) against a real loopback
// server: the bytes arrive whole or not at all, within the cap, and the
// file's host never sees the API key.
class tst_FileDownload final : public QObject, private ClientFixture
{
    Q_OBJECT

private:
    QUrl fileUrl(const QString &path = u"/files/report.bin"_s) const
    {
        QUrl url = m_server->url();
        url.setPath(path);
        return url;
    }

    QString target(const QString &name = u"report.bin"_s) const { return m_dir->filePath(name); }

    // Runs download to its end; false if finished() did not come exactly once.
    [[nodiscard]] static bool run(FileDownload &download, int timeoutMs = 10000)
    {
        QSignalSpy finished(&download, &FileDownload::finished);
        download.start();
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, timeoutMs))
            return false;
        QTest::qWait(0); // a second finished() would be queued by now
        return finished.count() == 1 && download.isFinished();
    }

    // Nothing but the files the test put there: no half file, no temporary.
    [[nodiscard]] QStringList filesInDir() const
    {
        return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        QVERIFY(startServerAndClient(testKey));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        stopServerAndClient();
        m_dir.reset();
    }

    void savesTheBytes()
    {
        const QByteArray body = randomBytes(3 * 1024 * 1024 + 17);
        m_server->route("/files/report.bin", [body](const RecordedRequest &) { return fileResponse(body); });
        FileDownload download(&m_network, fileUrl(), target());
        QSignalSpy progress(&download, &FileDownload::progress);
        QVERIFY(run(download));
        QVERIFY2(download.succeeded(), qPrintable(download.error().message()));
        QFile saved(target());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.size(), body.size());
        QVERIFY(saved.readAll() == body);
        QCOMPARE(filesInDir(), QStringList{u"report.bin"_s});
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), body.size());
        QCOMPARE(progress.last().at(1).toLongLong(), body.size());
        QCOMPARE(download.bytesReceived(), body.size());
        QCOMPARE(m_server->routedRequests().size(), 1);
        QCOMPARE(m_server->routedRequests().first().method, QByteArray("GET"));
    }

    void neverSendsTheKey()
    {
        // The API answers with a cookie, as a proxy in front of it might.
        m_server->route("/tickets/fetchSingleTicket", [](const RecordedRequest &) {
            return FakeResponse::ticket(sampleTicketData())
                .withHeader("Set-Cookie", "session=" + testKey.toUtf8());
        });
        const TicketResult ticket = fetchAndWait(*m_client, u"HYXTNJV"_s);
        QVERIFY2(ticket.ok(), qPrintable(ticket.error.message()));
        // The API request carried the key, so the check below can fail.
        QVERIFY(m_server->routedRequests().first().header("authorization").contains(testKey.toUtf8()));

        // The same manager, the same server: the file request carries nothing of it.
        m_server->route("/files/report.bin", [](const RecordedRequest &) { return fileResponse("data"); });
        FileDownload download(&m_network, fileUrl(), target());
        QVERIFY(run(download));
        QVERIFY2(download.succeeded(), qPrintable(download.error().message()));
        QCOMPARE(m_server->routedRequests().size(), 2);
        const RecordedRequest &request = m_server->routedRequests().last();
        QCOMPARE(request.path, QByteArray("/files/report.bin"));
        QVERIFY(!request.headers.contains("authorization"));
        QVERIFY(!request.headers.contains("cookie"));
        for (auto it = request.headers.constBegin(); it != request.headers.constEnd(); ++it) {
            QVERIFY2(!it.value().contains(testKey.toUtf8()), it.key().constData());
            QVERIFY2(!it.key().startsWith("x-"), it.key().constData()); // no API headers of any name
        }
    }

    void announcedSizeOverTheCap()
    {
        m_server->route("/files/report.bin",
                        [](const RecordedRequest &) { return fileResponse(QByteArray(4096, 'x')); });
        FileDownload download(&m_network, fileUrl(), target());
        download.setMaxBytes(1024);
        QVERIFY(run(download));
        QCOMPARE(download.error().kind(), ErrorKind::TooLarge);
        QVERIFY(download.error().message().contains(u"Open"_s)); // the next step
        QVERIFY(!QFile::exists(target()));
        QCOMPARE(filesInDir(), QStringList{});
    }

    void endlessBodyStopsAtTheCap()
    {
        FakeResponse endless = fileResponse({});
        endless.behaviour = FakeResponse::Behaviour::EndlessBody; // chunked, no length
        m_server->route("/files/report.bin", [endless](const RecordedRequest &) { return endless; });
        FileDownload download(&m_network, fileUrl(), target());
        download.setMaxBytes(2 * 1024 * 1024);
        QVERIFY(run(download));
        QCOMPARE(download.error().kind(), ErrorKind::TooLarge);
        QVERIFY(download.bytesReceived() <= 2 * 1024 * 1024);
        QCOMPARE(filesInDir(), QStringList{});
    }

    void defaultCapIsOneHundredMegabytes()
    {
        FileDownload download(&m_network, fileUrl(), target());
        QCOMPARE(download.maxBytes(), 100LL * 1024 * 1024);
    }

    void plainHttpRefused_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("http") << QUrl(u"http://files.example.com/a.pdf"_s) << u"https"_s;
        QTest::newRow("http, private address") << QUrl(u"http://10.1.2.3/a.pdf"_s) << u"https"_s;
        QTest::newRow("ftp") << QUrl(u"ftp://files.example.com/a.pdf"_s) << u"https"_s;
        QTest::newRow("file") << QUrl(u"file:///etc/passwd"_s) << u"address"_s;
        QTest::newRow("javascript") << QUrl(u"javascript:alert(1)"_s) << u"address"_s;
    }

    void plainHttpRefused()
    {
        QFETCH(QUrl, url);
        QFETCH(QString, says);
        FileDownload download(&m_network, url, target());
        QVERIFY(run(download, 1000));
        QCOMPARE(download.error().kind(), ErrorKind::InvalidInput);
        QVERIFY2(download.error().message().contains(says), qPrintable(download.error().message()));
        QCOMPARE(filesInDir(), QStringList{});
        // Loopback http is allowed (the tests), https always.
        QVERIFY(!FileDownload::checkUrl(fileUrl()));
        QVERIFY(!FileDownload::checkUrl(QUrl(u"https://files.sweeppea.com/t/HYXTNJV/x.csv"_s)));
        QVERIFY(!FileDownload::checkUrl(QUrl(u"http://localhost:8080/x.csv"_s)));
    }

    void cancelLeavesNoFile()
    {
        // An older file of that name stays as it was.
        {
            QFile old(target());
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the old report");
        }
        FakeResponse slow = fileResponse(QByteArray(64 * 1024, 'y'));
        slow.behaviour = FakeResponse::Behaviour::Drip;
        slow.dripIntervalMs = 5;
        m_server->route("/files/report.bin", [slow](const RecordedRequest &) { return slow; });
        FileDownload download(&m_network, fileUrl(), target());
        QSignalSpy progress(&download, &FileDownload::progress);
        QSignalSpy finished(&download, &FileDownload::finished);
        download.start();
        QVERIFY(progress.wait(10000)); // some bytes are written
        QVERIFY(download.isRunning());
        download.abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(download.error().kind(), ErrorKind::Cancelled);
        QCOMPARE(filesInDir(), QStringList{u"report.bin"_s});
        QFile old(target());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the old report"));
        QTest::qWait(0); // one turn of the event loop: a second finished() would be queued by now
        QCOMPARE(finished.count(), 1);
    }

    void errorStatusKeepsTheOldFile()
    {
        {
            QFile old(target());
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("kept");
        }
        m_server->route("/files/report.bin", [](const RecordedRequest &) {
            FakeResponse gone = fileResponse("<html>Not here</html>");
            gone.status = 404;
            return gone;
        });
        FileDownload download(&m_network, fileUrl(), target());
        QVERIFY(run(download));
        QCOMPARE(download.error().kind(), ErrorKind::ServerError);
        QCOMPARE(download.error().httpStatus(), 404);
        QVERIFY2(download.error().message().contains(u"404"_s), qPrintable(download.error().message()));
        QVERIFY(download.error().message().contains(u"refresh the ticket"_s));
        QFile old(target());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("kept"));
        QCOMPARE(filesInDir(), QStringList{u"report.bin"_s});
    }

    void redirects()
    {
        // To another path on loopback: followed (tests only; real links need https).
        m_server->route("/files/old.bin", [this](const RecordedRequest &) {
            return FakeResponse::redirect(302, fileUrl(u"/files/report.bin"_s));
        });
        m_server->route("/files/report.bin", [](const RecordedRequest &) { return fileResponse("moved"); });
        FileDownload followed(&m_network, fileUrl(u"/files/old.bin"_s), target());
        QVERIFY(run(followed));
        QVERIFY2(followed.succeeded(), qPrintable(followed.error().message()));
        QFile saved(target());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("moved"));

        // To plain http elsewhere: refused before any connection, nothing saved.
        m_server->route("/files/away.bin", [](const RecordedRequest &) {
            return FakeResponse::redirect(301, QUrl(u"http://files.example.com/a.bin"_s));
        });
        FileDownload refused(&m_network, fileUrl(u"/files/away.bin"_s), target(u"away.bin"_s));
        QVERIFY(run(refused));
        QCOMPARE(refused.error().kind(), ErrorKind::ServerError);
        QVERIFY2(refused.error().message().contains(u"http://files.example.com"_s),
                 qPrintable(refused.error().message()));
        QVERIFY(!QFile::exists(target(u"away.bin"_s)));
    }

    void silentServerTimesOut()
    {
        FakeResponse hang = fileResponse(QByteArray(1000, 'z'));
        hang.behaviour = FakeResponse::Behaviour::HangAfterHeaders;
        m_server->route("/files/report.bin", [hang](const RecordedRequest &) { return hang; });
        FileDownload download(&m_network, fileUrl(), target());
        download.setIdleTimeout(300ms);
        QVERIFY(run(download));
        QCOMPARE(download.error().kind(), ErrorKind::Timeout);
        QCOMPARE(filesInDir(), QStringList{});
    }

    void unwritableTargetSendsNothing()
    {
        m_server->route("/files/report.bin", [](const RecordedRequest &) { return fileResponse("data"); });
        FileDownload download(&m_network, fileUrl(), m_dir->filePath(u"no/such/folder/report.bin"_s));
        QVERIFY(run(download, 1000));
        QCOMPARE(download.error().kind(), ErrorKind::InvalidInput);
        QVERIFY(download.error().message().contains(u"Choose another folder"_s));
        QCOMPARE(m_server->routedRequests().size(), 0);
    }

    void connectionRefused()
    {
        const QUrl url = fileUrl();
        stopServerAndClient(); // nobody listens there any more
        FileDownload download(&m_network, url, target());
        QVERIFY(run(download));
        QCOMPARE(download.error().kind(), ErrorKind::Network);
        QVERIFY(download.error().message().contains(u"try again"_s));
        QCOMPARE(filesInDir(), QStringList{});
    }
};

QTEST_GUILESS_MAIN(tst_FileDownload)
#include "tst_filedownload.moc"
