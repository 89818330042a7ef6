#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/fieldtext.h"
#include "ticketview/jsontreemodel.h"
#include "ticketview/viewhelpers.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
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
    void humanLabelsAndValues();
    void tokensArePeople();
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

// Issue 18: known keys in words, dates in the user's time, sizes in units;
// the tooltip keeps what the server sent.
void tst_JsonTreeModel::humanLabelsAndValues()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonObject issue{
        {QStringLiteral("Url"), QStringLiteral("https://github.com/sweeppea/api/issues/7")},
        {QStringLiteral("ClosedAt"), QStringLiteral("2025-03-14T09:30:00Z")},
        {QStringLiteral("TotalBytes"), 2516582},
        {QStringLiteral("CaseNumber"), QStringLiteral("HYXTNJV")},
        {QStringLiteral("ResourceAffected"), QStringLiteral("winners")},
        {QStringLiteral("SubmittedAt"), QStringLiteral("2025-03-14")},
        {QStringLiteral("FancyField"), QStringLiteral("2025-03-14 is not a date here, it is text")},
        {QStringLiteral("Size"), QStringLiteral("twelve")},
    };
    model.setSections({{QStringLiteral("GitHub issue"), issue, {}}});
    const QModelIndex section = model.index(0, 0);
    QHash<QString, QModelIndex> rows; // label -> value cell
    QHash<QString, QModelIndex> keys;
    for (int row = 0; row < model.rowCount(section); ++row) {
        const QString label = model.index(row, JsonTreeModel::KeyColumn, section).data().toString();
        rows.insert(label, model.index(row, JsonTreeModel::ValueColumn, section));
        keys.insert(label, model.index(row, JsonTreeModel::KeyColumn, section));
    }
    for (const char *label :
         {"Link", "Closed", "Size", "Case number", "Product area", "Submitted", "FancyField"})
        QVERIFY2(rows.contains(QString::fromLatin1(label)), label);
    QVERIFY(!rows.contains(QStringLiteral("Url")));
    // The key as sent is in the tooltip; a link stays a link.
    QVERIFY(keys.value(QStringLiteral("Link")).data(Qt::ToolTipRole).toString().contains(u"Url"));
    QCOMPARE(rows.value(QStringLiteral("Link")).data(LinkUrlRole).toUrl(),
             QUrl(QStringLiteral("https://github.com/sweeppea/api/issues/7")));

    const QLocale locale;
    const QDateTime closed(QDate(2025, 3, 14), QTime(9, 30), Qt::UTC);
    QCOMPARE(rows.value(QStringLiteral("Closed")).data().toString(),
             locale.toString(closed.toLocalTime(), QLocale::ShortFormat));
    QVERIFY(rows.value(QStringLiteral("Closed"))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"2025-03-14T09:30:00Z"));
    QCOMPARE(rows.value(QStringLiteral("Submitted")).data().toString(),
             locale.toString(QDate(2025, 3, 14), QLocale::ShortFormat));
    QCOMPARE(rows.value(QStringLiteral("FancyField")).data().toString(),
             QStringLiteral("2025-03-14 is not a date here, it is text"));

    QModelIndex totalBytes;
    for (int row = 0; row < model.rowCount(section); ++row) {
        if (model.index(row, 0, section).data(Qt::ToolTipRole).toString().contains(u"TotalBytes"))
            totalBytes = model.index(row, JsonTreeModel::ValueColumn, section);
    }
    QVERIFY(totalBytes.isValid());
    QCOMPARE(totalBytes.data().toString(), locale.formattedDataSize(2516582));
    QVERIFY(totalBytes.data(Qt::ToolTipRole).toString().contains(u"2516582"));
    // A size that is no number stays as sent.
    QModelIndex wordSize;
    for (int row = 0; row < model.rowCount(section); ++row) {
        if (model.index(row, JsonTreeModel::ValueColumn, section).data().toString() == u"twelve")
            wordSize = model.index(row, JsonTreeModel::KeyColumn, section);
    }
    QVERIFY(wordSize.isValid());
    QCOMPARE(wordSize.data().toString(), QStringLiteral("Size"));
    QCOMPARE(model.index(0, JsonTreeModel::KeyColumn).data(Qt::ToolTipRole),
             QVariant()); // sections as before
    QCOMPARE(fieldLabel(u"closedate"), QStringLiteral("Closed"));
    QVERIFY(fieldLabel(u"Whatever").isEmpty());
}

void tst_JsonTreeModel::tokensArePeople()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString stranger = QStringLiteral("9f1e2d3c-1111-4000-8000-000000000000");
    const QString maria = QStringLiteral("0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77");
    model.setPeople({{tokenKey(maria), QStringLiteral("Maria Lopez")}}, {});
    model.setSections({{QStringLiteral("Survey"),
                        QJsonObject{{QStringLiteral("UserToken"), stranger},
                                    {QStringLiteral("ReviewerToken"), maria.toUpper()},
                                    {QStringLiteral("Comment"), stranger}},
                        {}}});
    const QModelIndex section = model.index(0, 0);
    const auto valueOf = [&model, &section](const QString &sentKey) {
        for (int row = 0; row < model.rowCount(section); ++row) {
            const QModelIndex key = model.index(row, JsonTreeModel::KeyColumn, section);
            if (key.data().toString() == sentKey || key.data(Qt::ToolTipRole).toString().contains(sentKey))
                return model.index(row, JsonTreeModel::ValueColumn, section);
        }
        return QModelIndex();
    };
    QCOMPARE(valueOf(QStringLiteral("UserToken")).data().toString(),
             QStringLiteral("Unknown user (9f1e2d3c\u2026)"));
    QVERIFY(valueOf(QStringLiteral("UserToken")).data(Qt::ToolTipRole).toString().contains(stranger));
    QCOMPARE(valueOf(QStringLiteral("ReviewerToken")).data().toString(), QStringLiteral("Maria Lopez"));
    QCOMPARE(valueOf(QStringLiteral("Comment")).data().toString(), stranger); // not under a token key

    // Signing in as the stranger: "You", at once.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPeople({{tokenKey(maria), QStringLiteral("Maria Lopez")}}, stranger.toUpper());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(valueOf(QStringLiteral("UserToken")).data().toString(), QStringLiteral("You"));
}

QTEST_MAIN(tst_JsonTreeModel)
#include "tst_jsontreemodel.moc"
