#include "app/navigationhistory.h"

#include <QtTest>

using namespace CaseLens::Gui;

class tst_NavigationHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void backAndForward();
    void visitDropsForward();
    void repeatedVisitIgnored();
    void capped();
};

void tst_NavigationHistory::empty()
{
    NavigationHistory history;
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.canGoForward());
    QVERIFY(history.back().isEmpty());
    QVERIFY(history.forward().isEmpty());
    QVERIFY(history.current().isEmpty());
}

void tst_NavigationHistory::backAndForward()
{
    NavigationHistory history;
    history.visit(QStringLiteral("A"));
    history.visit(QStringLiteral("B"));
    history.visit(QStringLiteral("C"));
    QCOMPARE(history.back(), QStringLiteral("B"));
    QCOMPARE(history.back(), QStringLiteral("A"));
    QVERIFY(!history.canGoBack());
    QCOMPARE(history.forward(), QStringLiteral("B"));
    QCOMPARE(history.forward(), QStringLiteral("C"));
    QVERIFY(!history.canGoForward());
}

void tst_NavigationHistory::visitDropsForward()
{
    NavigationHistory history;
    history.visit(QStringLiteral("A"));
    history.visit(QStringLiteral("B"));
    history.back();
    history.visit(QStringLiteral("C"));
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.entries(), (QStringList{QStringLiteral("A"), QStringLiteral("C")}));
}

void tst_NavigationHistory::repeatedVisitIgnored()
{
    NavigationHistory history;
    history.visit(QStringLiteral("A"));
    history.visit(QStringLiteral("A"));
    QCOMPARE(history.entries().size(), 1);
}

void tst_NavigationHistory::capped()
{
    NavigationHistory history;
    for (int i = 0; i < NavigationHistory::MaxEntries + 10; ++i)
        history.visit(QString::number(i));
    QCOMPARE(history.entries().size(), NavigationHistory::MaxEntries);
    QCOMPARE(history.current(), QString::number(NavigationHistory::MaxEntries + 9));
}

QTEST_GUILESS_MAIN(tst_NavigationHistory)
#include "tst_navigationhistory.moc"
