#pragma once

#include "core/apireply.h"
#include "core/casenumber.h"
#include "core/ratelimiter.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <optional>

namespace CaseLens {

class ApiClient;

// Refreshes the open ticket tabs and page 1 of the open-tickets list in the
// background, politely (../docs/architecture.md, "Watching"):
//  - every watched target once per interval, spread evenly over it (one
//    poll at a time, never a burst);
//  - at most BudgetPercent of the client's calls per minute: with many
//    targets the cycle stretches instead (effectiveInterval());
//  - nothing is even queued while a user's request waits in the client;
//  - after a 429 or 503 the interval doubles, up to an hour, until a poll
//    succeeds;
//  - no key, no polling; paused while the network is unreachable (except
//    for a loopback server).
// Every poll goes on the background lane and may share a user's read.
class TicketWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketWatcher)

public:
    enum class State { Off, Watching, NoKey, Offline, BackingOff };
    Q_ENUM(State)

    static constexpr std::chrono::seconds DefaultInterval{5 * 60};
    static constexpr std::chrono::seconds MinimumInterval{60};
    static constexpr std::chrono::seconds MinimumEnvironmentInterval{5};
    static constexpr std::chrono::seconds MaximumBackoff{60 * 60};
    static constexpr int BudgetPercent = 10;
    // While a user's request waits, the next look is this much later.
    static constexpr std::chrono::milliseconds UserWaitRecheck{500};

    explicit TicketWatcher(ApiClient *client, QObject *parent = nullptr);
    ~TicketWatcher() override;

    // Tests: an injected clock (also give it to the client's limiter).
    void setClock(RateLimiter::Clock clock);

    // From Settings: nullopt is off; at least MinimumInterval. The
    // environment's interval, when set, wins over it.
    void setInterval(std::optional<std::chrono::seconds> interval);
    // The interval that applies (the environment's or Settings').
    [[nodiscard]] std::optional<std::chrono::seconds> interval() const;
    [[nodiscard]] bool isIntervalFromEnvironment() const { return m_environmentInterval.has_value(); }
    // CASELENS_WATCH_INTERVAL, in seconds, at least 5 (else ignored with a
    // warning). It is exact and lifts the watcher's share of the calls; the
    // client's own limiter still holds.
    [[nodiscard]] static std::optional<std::chrono::seconds> intervalFromEnvironment();

    void setWatchedCases(const QList<CaseNumber> &cases); // the open ticket tabs
    void setWatchOpenList(bool watch);                    // page 1 of the open-tickets list
    void setKeyAvailable(bool available);

    // How long one round of every target takes, after the budget and the
    // backoff (the interval itself when nothing is watched).
    [[nodiscard]] std::chrono::milliseconds effectiveInterval() const;
    // The calls a minute the watcher allows itself: 0 when the environment
    // lifted the share (the client's limit then holds alone).
    [[nodiscard]] int callsPerMinuteBudget() const;
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] int watchedCount() const { return int(m_cases.size()); }

    // Sends the poll that is due at clock() now, if any, and sets the timer
    // for the next. The watcher's own timer calls it; tests call it after
    // moving their clock.
    void pollDue();

Q_SIGNALS:
    void ticketPolled(const CaseLens::Ticket &ticket);
    void openListPolled(const CaseLens::TicketList &list);
    // A watched ticket the server no longer has for this key (404).
    void pollFailed(const QString &caseNumber, const CaseLens::Error &error);
    // State, or the number of watched tickets, changed.
    void stateChanged();

private:
    using TimePoint = std::chrono::steady_clock::time_point;

    // The rotation's key for page 1 of the open list (no case number is empty).
    [[nodiscard]] static QString listKey() { return {}; }
    [[nodiscard]] TimePoint now() const;
    // The time between two polls, after the budget and the backoff.
    [[nodiscard]] std::chrono::milliseconds spacing() const;
    [[nodiscard]] bool isActive() const { return m_state == State::Watching || m_state == State::BackingOff; }
    [[nodiscard]] bool networkReachable();
    void updateState();
    void rebuildRotation();
    void armTimer(std::chrono::milliseconds delay);
    void send(const QString &key);
    // Book-keeping for a finished poll; true when it succeeded.
    bool onFinished(const QString &key, ApiReply *reply, const Error &error);

    QPointer<ApiClient> m_client;
    RateLimiter::Clock m_clock;
    std::optional<std::chrono::seconds> m_settingsInterval{DefaultInterval};
    std::optional<std::chrono::seconds> m_environmentInterval;
    QList<CaseNumber> m_cases;
    bool m_watchList = false;
    bool m_keyAvailable = true;
    State m_state = State::Off;
    int m_backoffLevel = 0;                       // the interval is doubled this many times
    QStringList m_rotation;                       // case numbers, and listKey(); the next poll first
    QHash<QString, QPointer<ApiReply>> m_pending; // by rotation key: a target is never polled twice at once
    std::optional<TimePoint> m_nextPollAt;
    QTimer m_timer;
    bool m_reachabilityConnected = false;
};

} // namespace CaseLens
