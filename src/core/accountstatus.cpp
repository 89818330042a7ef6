#include "core/accountstatus.h"

#include "core/apiclient.h"
#include "core/ratelimiter.h"

#include <QCoreApplication>
#include <QLocale>

namespace CaseLens {
namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::AccountStatus)
};

// A limit of 0 (or less) means the figure is unusable, not that nothing is allowed.
std::optional<qint64> positive(const std::optional<qint64> &value)
{
    return value && *value > 0 ? value : std::nullopt;
}

} // namespace

AccountStatus::AccountStatus(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(client, &ApiClient::telemetryReceived, this, &AccountStatus::onTelemetry);
}

AccountStatus::~AccountStatus()
{
    delete m_profileReply.data();
    delete m_planReply.data();
}

void AccountStatus::refresh(Lane lane)
{
    // Answers already on their way are for this key and server (the Session
    // clears the status when either changes): asking again would only spend
    // two more of the month's calls.
    if (!m_client || isLoading())
        return;
    m_profileReply = m_client->fetchProfile(lane);
    connect(m_profileReply, &ApiReply::finished, this, &AccountStatus::onProfile);
    m_planReply = m_client->fetchPlan(lane);
    connect(m_planReply, &ApiReply::finished, this, &AccountStatus::onPlan);
    emit changed();
}

void AccountStatus::clear()
{
    delete m_profileReply.data();
    delete m_planReply.data();
    m_profile.reset();
    m_plan.reset();
    m_profileError = {};
    m_planError = {};
    m_callsThisMonth.reset();
    m_telemetryLimit.reset();
    applyLimit();
    emit changed();
}

void AccountStatus::onProfile()
{
    ProfileReply *reply = m_profileReply;
    m_profileReply = nullptr;
    reply->deleteLater();
    const AccountProfileResult &result = reply->result();
    m_profileError = result.error;
    if (result.ok())
        m_profile = result.profile;
    else if (result.error.needsNewKey())
        m_profile.reset(); // the key is not (or no longer) anyone's
    emit changed();
}

void AccountStatus::onPlan()
{
    PlanReply *reply = m_planReply;
    m_planReply = nullptr;
    reply->deleteLater();
    const AccountPlanResult &result = reply->result();
    m_planError = result.error;
    if (result.ok())
        m_plan = result.plan;
    applyLimit();
    emit changed();
}

void AccountStatus::onTelemetry(const Telemetry &telemetry)
{
    // Nonsense (no count, or a monthly limit of 0) is ignored rather than shown.
    if (!telemetry.apiCalls || (telemetry.maxApiCalls && *telemetry.maxApiCalls <= 0))
        return;
    if (m_callsThisMonth == telemetry.apiCalls &&
        (!telemetry.maxApiCalls || m_telemetryLimit == telemetry.maxApiCalls))
        return;
    m_callsThisMonth = telemetry.apiCalls;
    if (telemetry.maxApiCalls)
        m_telemetryLimit = telemetry.maxApiCalls;
    emit changed();
}

void AccountStatus::applyLimit()
{
    if (!m_client)
        return;
    const std::optional<qint64> perMinute = callsPerMinute();
    m_client->setCallsPerMinute(perMinute ? int(std::min<qint64>(*perMinute, 1'000'000))
                                          : RateLimiter::DefaultCallsPerMinute);
}

std::optional<qint64> AccountStatus::monthlyLimit() const
{
    if (m_telemetryLimit)
        return m_telemetryLimit;
    return m_plan ? positive(m_plan->maxApiCallsAllowed) : std::nullopt;
}

std::optional<qint64> AccountStatus::callsPerMinute() const
{
    return m_plan ? positive(m_plan->maxApiCallsPerMinute) : std::nullopt;
}

QString accountOwnerText(const AccountProfile &profile)
{
    QString name = profile.fullName.trimmed();
    if (name.isEmpty())
        name = profile.nickname.trimmed();
    const QString email = profile.email.trimmed();
    if (name.isEmpty())
        return email;
    return email.isEmpty() ? name : Tr::tr("%1 (%2)").arg(name, email);
}

QString AccountStatus::ownerText() const
{
    return m_profile ? accountOwnerText(*m_profile) : QString();
}

QString AccountStatus::signedInText() const
{
    const QString owner = ownerText();
    return owner.isEmpty() ? QString() : Tr::tr("Signed in as %1").arg(owner);
}

QString AccountStatus::usageText() const
{
    const QLocale locale;
    const std::optional<qint64> limit = monthlyLimit();
    QString month;
    if (m_callsThisMonth && limit)
        month = Tr::tr("%1 of %2 calls this month")
                    .arg(locale.toString(*m_callsThisMonth), locale.toString(*limit));
    else if (m_callsThisMonth)
        month = Tr::tr("%1 calls this month").arg(locale.toString(*m_callsThisMonth));
    else if (limit)
        month = Tr::tr("up to %1 calls a month").arg(locale.toString(*limit));
    const std::optional<qint64> perMinute = callsPerMinute();
    const QString minute = perMinute ? Tr::tr("%1 per minute").arg(locale.toString(*perMinute)) : QString();
    if (month.isEmpty() || minute.isEmpty())
        return month + minute;
    return month + QStringLiteral(" \u00b7 ") + minute;
}

AccountStatus::UsageLevel AccountStatus::usageLevel() const
{
    const std::optional<qint64> limit = monthlyLimit();
    if (!m_callsThisMonth || !limit)
        return UsageLevel::Unknown;
    if (*m_callsThisMonth >= *limit)
        return UsageLevel::Exhausted;
    // 80 %, in whole numbers: calls * 5 >= limit * 4.
    return *m_callsThisMonth * 5 >= *limit * 4 ? UsageLevel::Warning : UsageLevel::Normal;
}

QString AccountStatus::usageWarning() const
{
    switch (usageLevel()) {
    case UsageLevel::Warning:
        return Tr::tr("You have used %1% of this month's API calls. When they run out, CaseLens cannot load "
                      "tickets until the plan resets.")
            .arg(*m_callsThisMonth * 100 / *monthlyLimit());
    case UsageLevel::Exhausted:
        return Tr::tr("This month's API calls are used up: the server will refuse requests until the plan "
                      "resets or is upgraded in Sweeppea.");
    case UsageLevel::Unknown:
    case UsageLevel::Normal:
        break;
    }
    return {};
}

bool AccountStatus::isYou(const QString &userToken) const
{
    return m_profile && !m_profile->userToken.isEmpty() && userToken == m_profile->userToken;
}

} // namespace CaseLens
