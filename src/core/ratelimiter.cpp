#include "core/ratelimiter.h"

#include <algorithm>

namespace CaseLens {

RateLimiter::RateLimiter(int callsPerMinute, Clock clock)
    : m_limit(std::max(1, callsPerMinute))
{
    setClock(std::move(clock));
}

void RateLimiter::setCallsPerMinute(int calls)
{
    m_limit = std::max(1, calls);
}

void RateLimiter::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); });
}

void RateLimiter::forgetOldCalls() const
{
    const auto now = m_clock();
    while (!m_started.empty() && now - m_started.front() >= Window)
        m_started.pop_front();
}

bool RateLimiter::tryAcquire()
{
    forgetOldCalls();
    if (qsizetype(m_started.size()) >= m_limit)
        return false;
    m_started.push_back(m_clock());
    return true;
}

int RateLimiter::available() const
{
    forgetOldCalls();
    return std::max(0, m_limit - int(m_started.size()));
}

std::chrono::milliseconds RateLimiter::timeUntilAvailable() const
{
    forgetOldCalls();
    if (qsizetype(m_started.size()) < m_limit)
        return std::chrono::milliseconds(0);
    // The call that frees a slot is the one limit places from the end.
    const auto freesAt = m_started[m_started.size() - size_t(m_limit)] + Window;
    return std::max(std::chrono::milliseconds(1),
                    std::chrono::ceil<std::chrono::milliseconds>(freesAt - m_clock()));
}

} // namespace CaseLens
