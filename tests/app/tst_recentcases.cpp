#include "app/recentcases.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace CaseLens::Gui;

class tst_RecentCases final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void newestFirstWithoutDuplicates();
    void cappedAtFifty();
    void persistedAndCleared();
    void ignoresGarbageInSettings();

private:
    QTemporaryDir m_dir;
};

void tst_RecentCases::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CaseLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recentcases"));
}

void tst_RecentCases::newestFirstWithoutDuplicates()
{
    RecentCases recent;
    QSignalSpy changed(&recent, &RecentCases::changed);
    recent.add(QStringLiteral("AAA1111"));
    recent.add(QStringLiteral("BBB2222"));
    recent.add(QStringLiteral("AAA1111"));
    QCOMPARE(recent.cases(), (QStringList{QStringLiteral("AAA1111"), QStringLiteral("BBB2222")}));
    QCOMPARE(changed.size(), 3);
    recent.add(QStringLiteral("AAA1111")); // already first: nothing to do
    QCOMPARE(changed.size(), 3);
}

void tst_RecentCases::cappedAtFifty()
{
    RecentCases recent;
    for (int i = 0; i < 60; ++i)
        recent.add(QStringLiteral("C%1").arg(i, 6, 10, QLatin1Char('0')));
    QCOMPARE(recent.cases().size(), RecentCases::MaxEntries);
    QCOMPARE(recent.cases().first(), QStringLiteral("C000059"));
    QCOMPARE(recent.cases().last(), QStringLiteral("C000010"));
}

void tst_RecentCases::persistedAndCleared()
{
    {
        RecentCases recent;
        recent.add(QStringLiteral("AAA1111"));
        recent.add(QStringLiteral("BBB2222"));
    }
    {
        RecentCases recent;
        QCOMPARE(recent.cases(), (QStringList{QStringLiteral("BBB2222"), QStringLiteral("AAA1111")}));
        recent.clear();
    }
    RecentCases recent;
    QVERIFY(recent.cases().isEmpty());
}

void tst_RecentCases::ignoresGarbageInSettings()
{
    QSettings().setValue(
        QStringLiteral("recent/cases"),
        QStringList{QStringLiteral("abc1234"), QStringLiteral("../x"), QStringLiteral("ABC1234"), QString()});
    RecentCases recent;
    QCOMPARE(recent.cases(), QStringList{QStringLiteral("ABC1234")});
}

QTEST_GUILESS_MAIN(tst_RecentCases)
#include "tst_recentcases.moc"
