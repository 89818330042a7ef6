#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/filesmodel.h"
#include "ticketview/viewhelpers.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_FilesModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void sampleFiles();
    void hostileFiles();
};

void tst_FilesModel::empty()
{
    FilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiles({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 3);
}

void tst_FilesModel::sampleFiles()
{
    FilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiles(Testing::sampleTicket().attachments);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, FilesModel::NameColumn).data().toString(), QStringLiteral("winners-export.csv"));
    QCOMPARE(model.index(0, FilesModel::SizeColumn).data().toString(), QLocale().formattedDataSize(482133));
    QCOMPARE(model.index(0, FilesModel::SizeColumn).data(FilesModel::SortRole).toLongLong(), 482133);
    const QUrl url(QStringLiteral("https://files.sweeppea.com/t/HYXTNJV/winners-export.csv"));
    QCOMPARE(model.index(0, FilesModel::LinkColumn).data().toString(), url.toString());
    QCOMPARE(model.index(0, FilesModel::LinkColumn).data(LinkUrlRole).toUrl(), url);
    QVERIFY(!model.index(0, FilesModel::NameColumn).data(LinkUrlRole).isValid());
}

void tst_FilesModel::hostileFiles()
{
    FilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiles(Testing::hostileTicket().attachments);
    QCOMPARE(model.rowCount(), 6);
    const QList<FilesModel::File> &files = model.files();
    // {"Name", "Size": "1024", "Link": "javascript:..."}: read, but the link is text.
    QCOMPARE(files.at(0).name, QStringLiteral("invoice.pdf.exe"));
    QCOMPARE(files.at(0).size.value_or(-1), 1024);
    QVERIFY(!model.index(0, FilesModel::LinkColumn).data(LinkUrlRole).isValid());
    QCOMPARE(model.index(0, FilesModel::LinkColumn).data().toString(),
             QStringLiteral("javascript:alert('file')"));
    // http and file: are not links.
    QVERIFY(!model.index(1, FilesModel::LinkColumn).data(LinkUrlRole).isValid());
    QVERIFY(model.index(1, FilesModel::LinkColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("https")));
    QVERIFY(!model.index(2, FilesModel::LinkColumn).data(LinkUrlRole).isValid());
    QVERIFY(!files.at(2).size.has_value()); // negative size
    // https is.
    QVERIFY(model.index(3, FilesModel::LinkColumn).data(LinkUrlRole).isValid());
    // A bare URL string: named after its file.
    QCOMPARE(files.at(4).name, QStringLiteral("loose-string-entry.txt"));
    QVERIFY(model.index(4, FilesModel::LinkColumn).data(LinkUrlRole).isValid());
    // A number: shown as its text.
    QCOMPARE(files.at(5).name, QStringLiteral("7"));
}

QTEST_MAIN(tst_FilesModel)
#include "tst_filesmodel.moc"
