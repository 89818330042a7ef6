#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/ticketview.h"

#include <QFileInfo>
#include <QtTest>

using namespace CaseLens;

class tst_DemoTickets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void coverage();
    void showsInTicketView();
};

void tst_DemoTickets::parse_data()
{
    QTest::addColumn<QString>("caseNumber");
    const QStringList cases = Testing::demoCaseNumbers();
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << c;
}

void tst_DemoTickets::parse()
{
    QFETCH(QString, caseNumber);
    const QFileInfo info(Testing::demoDirectory() + u'/' + caseNumber + QStringLiteral(".json"));
    QVERIFY(info.size() < 1024 * 1024);
    const TicketResult result = Testing::demoResult(caseNumber);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(result.ticket.caseNumber, caseNumber);
    QVERIFY(!result.ticket.subject.isEmpty());
    if (caseNumber == QStringLiteral("ZX9Q4LB")) {
        QVERIFY(result.ticket.warnings.size() >= 5);
        for (const char *field : {"Priority", "Completion", "Views", "Notes", "Survey", "GitHubIssue"})
            QVERIFY2(result.ticket.hasWarningFor(QString::fromLatin1(field)), field);
    } else {
        QStringList warnings;
        for (const ParseWarning &w : result.ticket.warnings)
            warnings.append(w.message);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }
}

void tst_DemoTickets::coverage()
{
    const QStringList cases = Testing::demoCaseNumbers();
    QVERIFY(cases.size() >= 6);
    bool open = false;
    bool closed = false;
    QSet<Priority> priorities;
    qsizetype maxNotes = 0;
    qsizetype maxStatistics = 0;
    bool collaboratorTokenInStatistics = false;
    bool files = false;
    bool documentation = false;
    bool survey = false;
    bool gitHub = false;
    bool attachments = false;
    for (const QString &c : cases) {
        const Ticket t = Testing::demoTicket(c);
        open |= t.status == TicketStatus::Open;
        closed |= t.status == TicketStatus::Closed;
        priorities.insert(t.priority);
        maxNotes = std::max(maxNotes, t.notes.size());
        maxStatistics = std::max(maxStatistics, t.statistics.size());
        files |= !t.files.isEmpty();
        documentation |= !t.documentation.isEmpty();
        survey |= t.survey.isObject();
        gitHub |= t.gitHubIssue.isObject();
        attachments |= t.attachmentInfo.isObject();
        for (const QJsonValue &collaborator : t.collaborators) {
            const QString token = collaborator.toObject().value(QStringLiteral("UserToken")).toString();
            for (const StatisticEntry &e : t.statistics)
                collaboratorTokenInStatistics |= !token.isEmpty() && e.userToken == token;
        }
    }
    QVERIFY(open && closed);
    QVERIFY(priorities.contains(Priority::Low) && priorities.contains(Priority::Medium) &&
            priorities.contains(Priority::High));
    QVERIFY(maxNotes >= 50);
    QVERIFY(maxStatistics >= 1900);
    QVERIFY(collaboratorTokenInStatistics);
    QVERIFY(files && documentation && survey && gitHub && attachments);
}

void tst_DemoTickets::showsInTicketView()
{
    Gui::TicketView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const QString &c : Testing::demoCaseNumbers()) {
        const Ticket t = Testing::demoTicket(c);
        view.setTicket(t);
        for (int i = 0; i < view.tabCount(); ++i) {
            view.showTab(i);
            QCoreApplication::processEvents();
        }
        QCOMPARE(view.tabTitle(1), QStringLiteral("Notes (%1)").arg(t.notes.size()));
    }
}

QTEST_MAIN(tst_DemoTickets)
#include "tst_demotickets.moc"
