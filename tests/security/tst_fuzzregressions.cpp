// The fuzz targets' checks (tests/fuzz/fuzzchecks.cpp) on every seed input
// and every input that ever made a fuzzer fail (tests/fuzz/regressions/),
// in the normal test suite: no clang or libFuzzer needed.
#include "fuzz/fuzzchecks.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace CaseLens;

namespace {

using Check = QString (*)(QByteArrayView);

struct Target
{
    const char *name;
    Check check;
};

const Target targets[] = {
    {"ticketparser", &Fuzz::checkTicketParser},
    {"htmlsanitizer", &Fuzz::checkHtmlSanitizer},
    {"casenumber", &Fuzz::checkCaseNumber},
};

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputs_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("path");
        const QDir root(QStringLiteral(CASELENS_FUZZ_DIR));
        for (int t = 0; t < int(std::size(targets)); ++t) {
            const QString name = QLatin1StringView(targets[t].name);
            int seeds = 0;
            for (const char *kind : {"corpus", "regressions"}) {
                const QDir dir(root.filePath(QLatin1StringView(kind) + u'/' + name));
                const QStringList files = dir.entryList(QDir::Files, QDir::Name);
                for (const QString &file : files) {
                    const QString row = name + u'/' + QLatin1StringView(kind) + u'/' + file;
                    QTest::newRow(qPrintable(row)) << t << dir.filePath(file);
                    if (QLatin1StringView(kind) == u"corpus")
                        ++seeds;
                }
            }
            // An empty corpus would make this test pass without checking anything.
            QVERIFY2(seeds >= 5, qPrintable(name + QStringLiteral(": seed corpus missing")));
        }
    }

    void inputs()
    {
        QFETCH(int, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray data = file.readAll();
        const QString problem = targets[target].check(data);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
