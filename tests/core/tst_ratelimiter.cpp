// The account's calls per minute, over simulated time: the clock is
// injected, so a minute passes without sleeping.
#include "core/ratelimiter.h"

#include <QTest>

using namespace CaseLens;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private:
    std::chrono::steady_clock::time_point m_now{std::chrono::hours(5)};
    RateLimiter::Clock clock()
    {
        return [this] { return m_now; };
    }

private Q_SLOTS:
    void defaultIsTheContractsTypicalPlan()
    {
        const RateLimiter limiter({}, clock());
        QCOMPARE(RateLimiter::DefaultCallsPerMinute, 150);
        QCOMPARE(RateLimiter(RateLimiter::DefaultCallsPerMinute, clock()).available(), 150);
        QCOMPARE(limiter.callsPerMinute(), 1); // zero or less means at least one
    }

    void holdsOverASimulatedMinute()
    {
        RateLimiter limiter(150, clock());
        int started = 0;
        // A caller that tries every 100 ms for three minutes.
        QList<std::chrono::steady_clock::time_point> starts;
        for (int tick = 0; tick < 1800; ++tick) {
            while (limiter.tryAcquire()) {
                starts << m_now;
                ++started;
            }
            m_now += 100ms;
        }
        QCOMPARE(started, 450); // exactly three minutes' worth
        for (qsizetype i = 0; i + 150 < starts.size(); ++i)
            QVERIFY(starts.at(i + 150) - starts.at(i) >= RateLimiter::Window);
    }

    void saysHowLongToWait()
    {
        RateLimiter limiter(3, clock());
        QCOMPARE(limiter.timeUntilAvailable(), 0ms);
        QVERIFY(limiter.tryAcquire());
        m_now += 10s;
        QVERIFY(limiter.tryAcquire());
        QVERIFY(limiter.tryAcquire());
        QCOMPARE(limiter.available(), 0);
        QVERIFY(!limiter.tryAcquire());
        QCOMPARE(limiter.timeUntilAvailable(), 50s); // the first call leaves the window then
        m_now += 50s;
        QCOMPARE(limiter.available(), 1);
        QVERIFY(limiter.tryAcquire());
        QVERIFY(!limiter.tryAcquire());
        QCOMPARE(limiter.timeUntilAvailable(), 10s);
    }

    void lowerLimitTakesEffectAtOnce()
    {
        // The plan arrives after some calls were made (issue: the limit comes
        // from the plan when known).
        RateLimiter limiter(150, clock());
        for (int i = 0; i < 100; ++i) {
            QVERIFY(limiter.tryAcquire());
            m_now += 100ms;
        }
        limiter.setCallsPerMinute(60);
        QCOMPARE(limiter.available(), 0);
        QVERIFY(!limiter.tryAcquire());
        // 41 of the 100 must leave the window: the 41st was made at 4.0 s.
        QCOMPARE(limiter.timeUntilAvailable(), 4000ms + 60s - 10s);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
