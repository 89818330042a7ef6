// Small screens (issue 18): a window's rect fitted into a screen's available
// area, as the window does with its first size and a remembered geometry.
#include "app/screenfit.h"

#include <QtTest>

using namespace CaseLens::Gui;

class tst_ScreenFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fit_data()
    {
        QTest::addColumn<QRect>("wanted");
        QTest::addColumn<QRect>("available");
        QTest::addColumn<QRect>("expected");
        const QRect small(0, 0, 1024, 610); // 1024×640 less a 30 px panel
        QTest::newRow("fits: unchanged") << QRect(10, 20, 800, 500) << small << QRect(10, 20, 800, 500);
        // What Qt's restoreGeometry() makes of an oversized saved geometry.
        QTest::newRow("exactly the screen") << small << small << QRect(51, 30, 921, 549);
        // 1120×760 on 1024×640: 90 %, centred.
        QTest::newRow("the old first window") << QRect(0, 0, 1120, 760) << small << QRect(51, 30, 921, 549);
        QTest::newRow("too wide only") << QRect(0, 0, 1300, 400) << small << QRect(51, 105, 921, 400);
        QTest::newRow("off the right edge")
            << QRect(900, 100, 400, 300) << small << QRect(624, 100, 400, 300);
        QTest::newRow("above and left") << QRect(-300, -50, 400, 300) << small << QRect(0, 0, 400, 300);
        QTest::newRow("second monitor left of the first")
            << QRect(-1500, 100, 800, 500) << QRect(-1280, 0, 1280, 1024) << QRect(-1280, 100, 800, 500);
        QTest::newRow("left on a monitor that is gone")
            << QRect(2000, 300, 1000, 600) << small << QRect(24, 10, 1000, 600);
        QTest::newRow("no screen: unchanged") << QRect(0, 0, 1120, 760) << QRect() << QRect(0, 0, 1120, 760);
    }
    void fit()
    {
        QFETCH(QRect, wanted);
        QFETCH(QRect, available);
        QFETCH(QRect, expected);
        const QRect fitted = fitIntoScreen(wanted, available);
        QCOMPARE(fitted, expected);
        if (available.isValid())
            QVERIFY(available.contains(fitted));
    }

    void firstWindow()
    {
        QCOMPARE(firstWindowSize(QSize(1120, 760), QRect(0, 0, 1920, 1050)), QSize(1120, 760));
        QCOMPARE(firstWindowSize(QSize(1120, 760), QRect(0, 0, 1024, 610)), QSize(921, 549));
        QCOMPARE(firstWindowSize(QSize(1120, 760), QRect(0, 0, 1200, 700)), QSize(1080, 630));
        QCOMPARE(firstWindowSize(QSize(1120, 760), QRect()), QSize(1120, 760));
    }
};

QTEST_GUILESS_MAIN(tst_ScreenFit)
#include "tst_screenfit.moc"
