#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/jsonarraytablemodel.h"
#include "ticketview/viewhelpers.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_JsonArrayTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void sampleCollaborators();
    void unionOfKeys();
    void nonObjectEntries();
    void links();
    void tooManyKeys();
    void theSignedInUserIsYou();
};

void tst_JsonArrayTableModel::empty()
{
    JsonArrayTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArray({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void tst_JsonArrayTableModel::sampleCollaborators()
{
    JsonArrayTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArray(Testing::sampleTicket().collaborators);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 4);
    // Names first, tokens last.
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("FullName"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("UserToken"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Dana Whitfield"));
}

void tst_JsonArrayTableModel::unionOfKeys()
{
    JsonArrayTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArray(QJsonArray{QJsonObject{{QStringLiteral("Name"), QStringLiteral("A")}},
                              QJsonObject{{QStringLiteral("Shift"), QStringLiteral("night")},
                                          {QStringLiteral("Age"), 42},
                                          {QStringLiteral("Tags"), QJsonArray{1, 2}}}});
    QCOMPARE(model.columnKeys(), (QStringList{QStringLiteral("Name"), QStringLiteral("Age"),
                                              QStringLiteral("Shift"), QStringLiteral("Tags")}));
    QVERIFY(!model.hasValueColumn());
    QCOMPARE(model.index(0, 1).data().toString(), QString()); // A has no Age
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("42"));
    QCOMPARE(model.index(1, 1).data(JsonArrayTableModel::SortRole).toDouble(), 42.0);
    QCOMPARE(model.index(1, 3).data().toString(), QStringLiteral("[1,2]"));
}

void tst_JsonArrayTableModel::nonObjectEntries()
{
    JsonArrayTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArray(Testing::hostileTicket().collaborators);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.hasValueColumn());
    const int value = model.columnCount() - 1;
    QCOMPARE(model.headerData(value, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(model.index(0, value).data().toString(), QStringLiteral("Jordan Lee (contractor)"));
    QCOMPARE(model.index(3, value).data().toString(), QString()); // null

    // Only strings: one Value column, a list.
    model.setArray(QJsonArray{QStringLiteral("a@example.com"), QStringLiteral("b@example.com")});
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("b@example.com"));
}

void tst_JsonArrayTableModel::links()
{
    JsonArrayTableModel model;
    model.setArray(
        QJsonArray{QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://help.sweeppea.com/a")}},
                   QJsonObject{{QStringLiteral("Url"), QStringLiteral("javascript:alert(1)")}},
                   QJsonObject{{QStringLiteral("Url"), QStringLiteral("http://insecure.example/")}},
                   QJsonObject{{QStringLiteral("Url"), QStringLiteral("file:///etc/passwd")}}});
    QCOMPARE(model.index(0, 0).data(LinkUrlRole).toUrl(),
             QUrl(QStringLiteral("https://help.sweeppea.com/a")));
    for (int row = 1; row < 4; ++row)
        QVERIFY(!model.index(row, 0).data(LinkUrlRole).isValid());
}

void tst_JsonArrayTableModel::tooManyKeys()
{
    QJsonObject wide;
    for (int i = 0; i < 1000; ++i)
        wide.insert(QStringLiteral("k%1").arg(i), i);
    JsonArrayTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArray(QJsonArray{wide, 5});
    QVERIFY(model.columnCount() <= JsonArrayTableModel::MaxColumns);
    QVERIFY(model.hasValueColumn());
}

void tst_JsonArrayTableModel::theSignedInUserIsYou()
{
    JsonArrayTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArray(
        {QJsonObject{{QStringLiteral("FullName"), QStringLiteral("Ana Ruiz")},
                     {QStringLiteral("UserToken"), QStringLiteral("tok-ana")}},
         QJsonObject{{QStringLiteral("FullName"), QStringLiteral("tok-ana")}, // a name, not a token
                     {QStringLiteral("UserToken"), QStringLiteral("tok-dana")}}});
    model.setYouToken(QStringLiteral("TOK-ANA"));
    const int tokenColumn = int(model.columnKeys().indexOf(QStringLiteral("UserToken")));
    const int nameColumn = int(model.columnKeys().indexOf(QStringLiteral("FullName")));
    QCOMPARE(model.index(0, tokenColumn).data().toString(), QStringLiteral("You"));
    QVERIFY(model.index(0, tokenColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("tok-ana")));
    QCOMPARE(model.index(1, tokenColumn).data().toString(), QStringLiteral("tok-dana"));
    QCOMPARE(model.index(1, nameColumn).data().toString(), QStringLiteral("tok-ana"));
}

QTEST_MAIN(tst_JsonArrayTableModel)
#include "tst_jsonarraytablemodel.moc"
