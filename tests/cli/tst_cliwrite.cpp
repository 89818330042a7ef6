// caselens-cli resolve, create and update end to end: the real executable
// against a loopback server that keeps tickets (and can lose a write's
// answer after acting on it).
#include "support/cliprocess.h"
#include "support/writeserver.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens::Testing;

namespace {
const QString testKey = QStringLiteral("sk_live_cli_write_2e94b1");
const QByteArray resolvePath = "/tickets/resolve";
const QByteArray createPath = "/tickets/create";
const QByteArray updatePath = "/tickets/update";
const QByteArray fetchPath = "/tickets/fetchSingleTicket";
} // namespace

class TestCliWrite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<FakeTicketStore> m_store;

    // caselens-cli COMMAND --base-url <server> REST... (stdin is no terminal)
    CliRun run(const QString &command, const QStringList &rest)
    {
        return runCli(QStringLiteral(CASELENS_CLI_PATH),
                      QStringList{command, QStringLiteral("--base-url"), m_server->url().toString()} + rest,
                      cliEnvironment(testKey), 20000);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeServer>();
        QVERIFY(m_server->listen());
        m_store = std::make_unique<FakeTicketStore>(*m_server);
        m_store->addOpen(QStringLiteral("HYXTNJV"), QStringLiteral("Winners list export fails"));
    }

    void cleanup()
    {
        m_store.reset();
        m_server.reset();
    }

    void helpNamesTheWriteCommands()
    {
        const CliRun r =
            runCli(QStringLiteral(CASELENS_CLI_PATH), {QStringLiteral("--help")}, cliEnvironment(testKey));
        QCOMPARE(r.exitCode, 0);
        for (const char *word : {"resolve CASE...", "create", "update CASE", "--timeout SECONDS"})
            QVERIFY2(r.out.contains(word), word);
        const CliRun help = run(QStringLiteral("create"), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"--title", "--priority", "--description-file", "--assign-to", "<b>bold</b>",
                                 "--base-url", "--timeout", "Exit codes"})
            QVERIFY2(help.out.contains(word), word);
    }

    void resolveWithoutATerminalNeedsYesAndSendsNothing()
    {
        const CliRun r = run(QStringLiteral("resolve"), {QStringLiteral("HYXTNJV")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(!m_store->ticket(QStringLiteral("HYXTNJV")).value(u"Status").toBool());
    }

    void resolveWithYesClosesOnceAndSaysWhoAndWhen()
    {
        const CliRun r = run(QStringLiteral("resolve"), {QStringLiteral("--yes"), QStringLiteral("hyxtnjv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("HYXTNJV is closed. Closed by Ana Ruiz on "), r.out.constData());
        QCOMPARE(m_store->bodies(resolvePath),
                 QList<QJsonObject>({QJsonObject{{QStringLiteral("CaseId"), QStringLiteral("HYXTNJV")}}}));
        QVERIFY(m_store->ticket(QStringLiteral("HYXTNJV")).value(u"Status").toBool());
    }

    void resolveExits4WhenAlreadyClosedOrNotFound()
    {
        m_store->addClosed(QStringLiteral("ABC1234"), QStringLiteral("Old"),
                           QStringLiteral("Dana Whitfield"));
        const CliRun r =
            run(QStringLiteral("resolve"), {QStringLiteral("--yes"), QStringLiteral("ABC1234"),
                                            QStringLiteral("NOPE123"), QStringLiteral("HYXTNJV")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("ABC1234 was already closed. Closed by Dana Whitfield on ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("NOPE123 was not closed: there is no such ticket")),
                 qPrintable(r.err));
        QVERIFY(r.out.startsWith("HYXTNJV is closed.")); // the others still go
        QCOMPARE(m_store->requestCount(resolvePath), 3);
    }

    void resolveRefusesABadCaseBeforeSendingAnything()
    {
        const CliRun r = run(QStringLiteral("resolve"),
                             {QStringLiteral("--yes"), QStringLiteral("HYXTNJV"), QStringLiteral("no/such")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void resolveAfterALostAnswerReReads_data()
    {
        QTest::addColumn<bool>("done");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("said");
        QTest::newRow("closed") << true << 0 << QStringLiteral("HYXTNJV is closed.");
        QTest::newRow("not closed") << false << 5 << QStringLiteral("HYXTNJV was not closed. Try again.");
    }

    void resolveAfterALostAnswerReReads()
    {
        QFETCH(bool, done);
        QFETCH(int, exitCode);
        QFETCH(QString, said);
        m_store->writeFate =
            done ? FakeTicketStore::WriteFate::DoneAnswerLost : FakeTicketStore::WriteFate::NotDoneAnswerLost;
        const CliRun r = run(QStringLiteral("resolve"), {QStringLiteral("--yes"), QStringLiteral("HYXTNJV")});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString(QString::fromUtf8(r.out) + r.err).contains(said), qPrintable(r.err));
        QCOMPARE(m_store->requestCount(resolvePath), 1);
        QCOMPARE(m_store->requestCount(fetchPath), 1);
    }

    void createPrintsTheNewCaseNumberAndSendsTheDocumentedBody()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("description.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Export stops at <b>10,000</b> rows.\n<script>alert(1)</script> & more\n\n");
        file.close();
        const CliRun r =
            run(QStringLiteral("create"), {QStringLiteral("--title"), QStringLiteral(" Export stops early "),
                                           QStringLiteral("--priority"), QStringLiteral("medium"),
                                           QStringLiteral("--description-file"), file.fileName()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("NEW0001\n"));
        QCOMPARE(m_store->bodies(createPath),
                 QList<QJsonObject>({QJsonObject{
                     {QStringLiteral("Title"), QStringLiteral("Export stops early")},
                     {QStringLiteral("Description"),
                      QStringLiteral("Export stops at <b>10,000</b> rows.<br>&lt;script&gt;alert(1)&lt;/"
                                     "script&gt; &amp; more")},
                     {QStringLiteral("Priority"), 2}}}));
    }

    void createSendsTheAssigneeAndRefusesBadInput()
    {
        CliRun r = run(QStringLiteral("create"), {QStringLiteral("--title"), QStringLiteral("T"),
                                                  QStringLiteral("--priority"), QStringLiteral("urgent")});
        QCOMPARE(r.exitCode, 2);
        r = run(QStringLiteral("create"), {QStringLiteral("--priority"), QStringLiteral("low")});
        QCOMPARE(r.exitCode, 2);
        r = run(QStringLiteral("create"), {QStringLiteral("--title"), QString(201, u'x'),
                                           QStringLiteral("--priority"), QStringLiteral("low")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(m_server->requestCount(), 0);

        r = run(QStringLiteral("create"),
                {QStringLiteral("--title"), QStringLiteral("For Dana"), QStringLiteral("--priority"),
                 QStringLiteral("HIGH"), QStringLiteral("--assign-to"), QStringLiteral("dana@example.com")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject body = m_store->bodies(createPath).value(0);
        QCOMPARE(body.value(u"AssignTo").toString(), QStringLiteral("dana@example.com"));
        QCOMPARE(body.value(u"Priority").toInt(), 3);
        QCOMPARE(body.value(u"Description").toString(), QString());
    }

    void createAfterALostAnswerLooksForTheTicketInsteadOfResending()
    {
        m_store->writeFate = FakeTicketStore::WriteFate::DoneAnswerLost;
        CliRun r = run(QStringLiteral("create"), {QStringLiteral("--title"), QStringLiteral("Lost answer"),
                                                  QStringLiteral("--priority"), QStringLiteral("low")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("NEW0001\n"));
        QCOMPARE(m_store->requestCount(createPath), 1);

        m_store->writeFate = FakeTicketStore::WriteFate::NotDoneAnswerLost;
        r = run(QStringLiteral("create"), {QStringLiteral("--title"), QStringLiteral("Never made"),
                                           QStringLiteral("--priority"), QStringLiteral("low")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("could not tell whether the ticket was created")),
                 qPrintable(r.err));
        QCOMPARE(m_store->requestCount(createPath), 2);
    }

    void updateSendsOnlyWhatIsGiven()
    {
        CliRun r = run(QStringLiteral("update"), {QStringLiteral("HYXTNJV")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(m_server->requestCount(), 0);

        r = run(QStringLiteral("update"), {QStringLiteral("HYXTNJV"), QStringLiteral("--title"),
                                           QStringLiteral("Export stops at 10,000 rows")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("HYXTNJV was changed.\n"));
        QCOMPARE(m_store->bodies(updatePath),
                 QList<QJsonObject>({QJsonObject{
                     {QStringLiteral("CaseId"), QStringLiteral("HYXTNJV")},
                     {QStringLiteral("Title"), QStringLiteral("Export stops at 10,000 rows")}}}));
    }

    void updateOfAClosedTicketFails()
    {
        m_store->addClosed(QStringLiteral("ABC1234"), QStringLiteral("Old"),
                           QStringLiteral("Dana Whitfield"));
        const CliRun r = run(QStringLiteral("update"),
                             {QStringLiteral("ABC1234"), QStringLiteral("--title"), QStringLiteral("New")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot update closed ticket")), qPrintable(r.err));
        QCOMPARE(m_store->requestCount(updatePath), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliWrite)
#include "tst_cliwrite.moc"
