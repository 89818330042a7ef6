#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/jsontreemodel.h"
#include "ticketview/viewhelpers.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_JsonTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void sections();
    void hostileShapes();
    void hugeAndDeep();
};

void tst_JsonTreeModel::empty()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSections({});
    QCOMPARE(model.rowCount(), 0);
    model.setSections({{QStringLiteral("Survey"), QJsonValue(), {}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("Not provided"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void tst_JsonTreeModel::sections()
{
    const Ticket t = Testing::sampleTicket();
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSections({{QStringLiteral("Survey"), t.survey, {}},
                       {QStringLiteral("Documentation"), QJsonValue(t.documentation), {}},
                       {QStringLiteral("Notified"), QJsonArray{QStringLiteral("ops@example.com")}, {}}});
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex survey = model.index(0, 0);
    QCOMPARE(survey.data().toString(), QStringLiteral("Survey"));
    QCOMPARE(model.rowCount(survey), 2);
    QCOMPARE(model.index(0, 0, survey).data().toString(), QStringLiteral("Comment"));
    QCOMPARE(model.index(1, 1, survey).data().toString(), QStringLiteral("5"));

    const QModelIndex docs = model.index(1, 0);
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("1 item"));
    const QModelIndex firstDoc = model.index(0, 0, docs);
    QCOMPARE(firstDoc.data().toString(), QStringLiteral("1"));
    QCOMPARE(model.parent(firstDoc), docs);
    const QModelIndex url = model.index(1, 1, firstDoc);
    QCOMPARE(url.data().toString(), QStringLiteral("https://help.sweeppea.com/exports"));
    QCOMPARE(url.data(LinkUrlRole).toUrl(), QUrl(QStringLiteral("https://help.sweeppea.com/exports")));

    const QModelIndex notified = model.index(2, 0);
    QCOMPARE(model.index(0, 1, notified).data().toString(), QStringLiteral("ops@example.com"));
    QVERIFY(!model.index(0, 1, notified).data(LinkUrlRole).isValid());
}

void tst_JsonTreeModel::hostileShapes()
{
    const Ticket t = Testing::hostileTicket();
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSections({
        {QStringLiteral("Survey"), t.survey, warningMessages(t, QStringLiteral("Survey"))},
        {QStringLiteral("GitHub issue"), t.gitHubIssue, warningMessages(t, QStringLiteral("GitHubIssue"))},
        {QStringLiteral("Attachment info"), t.attachmentInfo, {}},
        {QStringLiteral("Documentation"), QJsonValue(t.documentation), {}},
    });
    // A string where an object belongs is shown, marked.
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("five stars"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Survey"));
    QVERIFY(
        model.index(0, 0).data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("Survey")));
    QVERIFY(model.index(0, 0).data(Qt::DecorationRole).isValid());
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Survey")));
    // An array where an object belongs: numbered rows.
    QCOMPARE(model.rowCount(model.index(1, 0)), 2);
    // Unsafe link targets are text.
    const QModelIndex docs = model.index(3, 0);
    const QModelIndex bad = model.index(2, 0, docs);
    QCOMPARE(model.rowCount(bad), 2);
    for (int row = 0; row < 2; ++row)
        QVERIFY(!model.index(row, 1, bad).data(LinkUrlRole).isValid());
    QVERIFY(model.index(0, 1, docs).data(LinkUrlRole).isValid());
}

void tst_JsonTreeModel::hugeAndDeep()
{
    QJsonArray big;
    for (int i = 0; i < 100000; ++i)
        big.append(QJsonObject{{QStringLiteral("n"), i}});
    QJsonValue deep = QStringLiteral("bottom");
    for (int i = 0; i < 200; ++i)
        deep = QJsonArray{deep};
    JsonTreeModel model;
    QElapsedTimer timer;
    timer.start();
    model.setSections({{QStringLiteral("Big"), big, {}}, {QStringLiteral("Deep"), deep, {}}});
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(model.rowCount(model.index(0, 0)) <= JsonTreeModel::MaxNodes + 1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

QTEST_MAIN(tst_JsonTreeModel)
#include "tst_jsontreemodel.moc"
