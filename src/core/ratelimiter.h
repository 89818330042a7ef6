#pragma once

#include <QtGlobal>

#include <chrono>
#include <deque>
#include <functional>

namespace CaseLens {

// The account's calls per minute, shared by every endpoint (the API counts
// calls per key, not per endpoint). A sliding window: a call may start when
// fewer than callsPerMinute() calls started in the last 60 seconds.
//
// The clock is injected so that tests can move through a simulated minute
// without sleeping.
class RateLimiter final
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // Until the plan says otherwise (the contract's typical plan).
    static constexpr int DefaultCallsPerMinute = 150;
    static constexpr std::chrono::milliseconds Window{60'000};

    explicit RateLimiter(int callsPerMinute = DefaultCallsPerMinute, Clock clock = {});

    void setCallsPerMinute(int calls); // at least 1
    [[nodiscard]] int callsPerMinute() const { return m_limit; }
    void setClock(Clock clock);

    // Records a call starting now, when the window has room; false when not.
    bool tryAcquire();
    // Calls that may start now.
    [[nodiscard]] int available() const;
    // How long until the next call may start: zero when one may start now.
    [[nodiscard]] std::chrono::milliseconds timeUntilAvailable() const;

private:
    void forgetOldCalls() const;

    int m_limit;
    Clock m_clock;
    mutable std::deque<std::chrono::steady_clock::time_point> m_started; // oldest first
};

} // namespace CaseLens
