#include "core/ticketwatcher.h"

#include "core/apiclient.h"

#include <QLoggingCategory>
#include <QNetworkInformation>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcWatch, "caselens.watch")

namespace CaseLens {

using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

constexpr milliseconds Minute{60'000};

// The system's reachability, loaded once per process (a plugin; it may not
// exist: then nothing is known and the network counts as reachable).
QNetworkInformation *networkInformation()
{
    static const bool loaded =
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    return loaded ? QNetworkInformation::instance() : nullptr;
}

// a / b, rounded up: polls come no more often than asked.
constexpr qint64 divideUp(qint64 a, qint64 b)
{
    return (a + b - 1) / b;
}

} // namespace

TicketWatcher::TicketWatcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_environmentInterval(intervalFromEnvironment())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TicketWatcher::pollDue);
    updateState();
}

TicketWatcher::~TicketWatcher()
{
    // Withdraws the polls quietly: nobody waits for them any more.
    for (const QPointer<ApiReply> &reply : std::as_const(m_pending))
        delete reply.data();
}

void TicketWatcher::setClock(RateLimiter::Clock clock)
{
    m_clock = std::move(clock);
    updateState();
}

TicketWatcher::TimePoint TicketWatcher::now() const
{
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

std::optional<seconds> TicketWatcher::intervalFromEnvironment()
{
    const QByteArray raw = qgetenv("CASELENS_WATCH_INTERVAL").trimmed();
    if (raw.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int value = raw.toInt(&ok);
    if (!ok || value < MinimumEnvironmentInterval.count()) {
        qCWarning(lcWatch) << "CASELENS_WATCH_INTERVAL" << raw
                           << "is ignored: it must be a number of seconds, at least"
                           << MinimumEnvironmentInterval.count();
        return std::nullopt;
    }
    return seconds(value);
}

void TicketWatcher::setInterval(std::optional<seconds> interval)
{
    if (interval)
        interval = std::max(*interval, MinimumInterval);
    if (interval == m_settingsInterval)
        return;
    m_settingsInterval = interval;
    updateState();
}

std::optional<seconds> TicketWatcher::interval() const
{
    return m_environmentInterval ? m_environmentInterval : m_settingsInterval;
}

void TicketWatcher::setWatchedCases(const QList<CaseNumber> &cases)
{
    QList<CaseNumber> unique;
    for (const CaseNumber &caseNumber : cases) {
        if (!unique.contains(caseNumber))
            unique.append(caseNumber);
    }
    if (unique == m_cases)
        return;
    m_cases = unique;
    rebuildRotation();
    emit stateChanged(); // the count the window shows
}

void TicketWatcher::setWatchOpenList(bool watch)
{
    if (watch == m_watchList)
        return;
    m_watchList = watch;
    rebuildRotation();
}

void TicketWatcher::setKeyAvailable(bool available)
{
    if (available == m_keyAvailable)
        return;
    m_keyAvailable = available;
    updateState();
}

int TicketWatcher::callsPerMinuteBudget() const
{
    if (m_environmentInterval || !m_client)
        return 0;
    return std::max(1, m_client->callsPerMinute() * BudgetPercent / 100);
}

milliseconds TicketWatcher::spacing() const
{
    const std::optional<seconds> base = interval();
    if (!base || !m_client)
        return Minute;
    const qint64 targets = std::max<qint64>(1, m_rotation.size());
    // The share of the calls a minute, or (the environment lifted it) all of them.
    const int budget =
        m_environmentInterval ? std::max(1, m_client->callsPerMinute()) : callsPerMinuteBudget();
    const qint64 normal =
        std::max(divideUp(milliseconds(*base).count(), targets), divideUp(Minute.count(), budget));
    if (m_backoffLevel == 0)
        return milliseconds(normal);
    // Doubled per level, until a round would take longer than MaximumBackoff
    // (never shorter than without backoff).
    const qint64 ceiling = std::max(normal, divideUp(milliseconds(MaximumBackoff).count(), targets));
    qint64 backedOff = normal;
    for (int level = 0; level < m_backoffLevel && backedOff < ceiling; ++level)
        backedOff *= 2;
    return milliseconds(std::min(backedOff, ceiling));
}

milliseconds TicketWatcher::effectiveInterval() const
{
    if (m_rotation.isEmpty()) {
        const std::optional<seconds> base = interval();
        return base ? milliseconds(*base) : milliseconds(0);
    }
    return spacing() * m_rotation.size();
}

bool TicketWatcher::networkReachable()
{
    // Debian's glib backend says Disconnected on a machine without a default
    // route, where a loopback server (the demo, tests) is as reachable as ever.
    if (!m_client || ApiClient::isLoopbackHost(m_client->baseUrl().host()))
        return true;
    QNetworkInformation *info = networkInformation();
    if (!info)
        return true;
    if (!m_reachabilityConnected) {
        connect(info, &QNetworkInformation::reachabilityChanged, this, &TicketWatcher::updateState);
        m_reachabilityConnected = true;
    }
    // Unknown counts as reachable: it is what a backend without answers says.
    return info->reachability() != QNetworkInformation::Reachability::Disconnected;
}

void TicketWatcher::updateState()
{
    State next = State::Watching;
    if (!interval())
        next = State::Off;
    else if (!m_keyAvailable)
        next = State::NoKey;
    else if (!networkReachable())
        next = State::Offline;
    else if (m_backoffLevel > 0)
        next = State::BackingOff;

    const bool changed = next != m_state;
    m_state = next;
    if (next == State::Off || next == State::NoKey)
        m_nextPollAt.reset(); // the next start waits a full spacing: the window just fetched what it shows
    if (!isActive() || m_rotation.isEmpty()) {
        m_timer.stop();
    } else {
        // A shorter spacing (a shorter interval, the backoff over) brings the
        // next poll forward; a longer one waits for the poll already planned.
        const TimePoint t = now();
        const TimePoint soonest = t + spacing();
        if (!m_nextPollAt || *m_nextPollAt > soonest)
            m_nextPollAt = soonest;
        armTimer(std::chrono::duration_cast<milliseconds>(*m_nextPollAt - t));
    }
    if (changed)
        emit stateChanged();
}

void TicketWatcher::rebuildRotation()
{
    QStringList wanted;
    for (const CaseNumber &caseNumber : std::as_const(m_cases))
        wanted.append(caseNumber.toString());
    if (m_watchList)
        wanted.append(listKey());

    // Targets keep their place in the round; new ones join at its end.
    QStringList rotation;
    for (const QString &key : std::as_const(m_rotation)) {
        if (wanted.contains(key))
            rotation.append(key);
    }
    for (const QString &key : std::as_const(wanted)) {
        if (!rotation.contains(key))
            rotation.append(key);
    }
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (rotation.contains(it.key())) {
            ++it;
            continue;
        }
        delete it->data(); // withdrawn quietly: no tab waits for it
        it = m_pending.erase(it);
    }
    if (m_rotation.isEmpty())
        m_nextPollAt.reset();
    m_rotation = rotation;
    updateState();
}

void TicketWatcher::armTimer(milliseconds delay)
{
    const qint64 ms = std::clamp<qint64>(delay.count(), 0, std::numeric_limits<int>::max());
    m_timer.start(int(ms));
}

void TicketWatcher::pollDue()
{
    updateState(); // the server, and with it the reachability that counts, may have changed
    if (!isActive() || m_rotation.isEmpty() || !m_client || !m_nextPollAt)
        return;
    const TimePoint t = now();
    if (t < *m_nextPollAt) {
        armTimer(std::chrono::ceil<milliseconds>(*m_nextPollAt - t));
        return;
    }
    // Not even queued behind the agent's request: on an idle endpoint a
    // queued poll could start before a user request to another one is done.
    if (m_client->hasUserRequests()) {
        armTimer(UserWaitRecheck);
        return;
    }
    // The next target in the round that is not still on its way.
    for (qsizetype i = 0; i < m_rotation.size(); ++i) {
        const QString key = m_rotation.takeFirst();
        m_rotation.append(key);
        if (!m_pending.contains(key)) {
            send(key);
            break;
        }
    }
    m_nextPollAt = t + spacing();
    armTimer(spacing());
}

void TicketWatcher::send(const QString &key)
{
    if (key == listKey()) {
        TicketListReply *reply = m_client->fetchTickets(TicketListQuery{}, Lane::Background);
        m_pending.insert(key, reply);
        connect(reply, &ApiReply::finished, this, [this, key, reply] {
            if (onFinished(key, reply, reply->error()))
                emit openListPolled(reply->result().list);
        });
        return;
    }
    const ParsedCaseNumber parsed = CaseNumber::parse(key); // made from a CaseNumber: always valid
    if (!parsed.ok())
        return;
    TicketReply *reply = m_client->fetchTicket(*parsed.caseNumber(), Lane::Background);
    m_pending.insert(key, reply);
    connect(reply, &ApiReply::finished, this, [this, key, reply] {
        if (onFinished(key, reply, reply->error()))
            emit ticketPolled(reply->result().ticket);
    });
}

bool TicketWatcher::onFinished(const QString &key, ApiReply *reply, const Error &error)
{
    if (m_pending.value(key) == reply)
        m_pending.remove(key);
    reply->deleteLater();
    if (!error.isError()) {
        if (m_backoffLevel > 0) {
            m_backoffLevel = 0;
            updateState();
        }
        return true;
    }
    const QString target = key == listKey() ? QStringLiteral("the open list") : key;
    switch (error.kind()) {
    case ErrorKind::Cancelled:
        return false;
    case ErrorKind::RateLimited:
    case ErrorKind::ServerError:
        if (error.kind() == ErrorKind::RateLimited || error.httpStatus() == 503) {
            // The server asks for less: the whole round slows down, from now.
            if (effectiveInterval() < MaximumBackoff)
                ++m_backoffLevel;
            m_nextPollAt = now() + spacing();
            qCInfo(lcWatch) << "server busy: watching every"
                            << std::chrono::duration_cast<seconds>(effectiveInterval()).count() << "s";
            updateState();
            return false;
        }
        break;
    case ErrorKind::NotFound:
        if (key != listKey())
            emit pollFailed(key, error);
        break;
    default:
        break;
    }
    // Never the message's details or the request: the kind and status say enough.
    qCWarning(lcWatch) << "background refresh of" << target << "failed:" << Error::kindName(error.kind())
                       << error.httpStatus();
    return false;
}

} // namespace CaseLens
