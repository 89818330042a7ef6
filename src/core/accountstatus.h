#pragma once

#include "core/account.h"
#include "core/apireply.h"
#include "core/error.h"
#include "core/telemetry.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace CaseLens {

class ApiClient;

// "Ana Ruiz (ana@example.com)": the full name (else the nickname) and the
// e-mail, with what is known; empty when neither is.
[[nodiscard]] QString accountOwnerText(const AccountProfile &profile);

// What CaseLens knows of the key's owner and plan: who is signed in and how
// much of the plan is used. refresh() reads /account/profile and
// /account/plan (when a key is found or changed); afterwards every answer's
// Telemetry, from any endpoint, keeps the month's count current. The plan's
// per-minute limit becomes the client's limiter. Values the server did not
// send readably stay unknown: never shown as 0.
class AccountStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountStatus)

public:
    enum class UsageLevel {
        Unknown,   // no monthly figures
        Normal,    // below 80 %
        Warning,   // 80 % of the monthly calls or more
        Exhausted, // all of them
    };

    explicit AccountStatus(ApiClient *client, QObject *parent = nullptr);
    ~AccountStatus() override;

    // Reads the profile and the plan again (in parallel: two endpoints);
    // nothing new while they are already being read.
    void refresh(Lane lane = Lane::Background);
    // No key (or another key): forgets everything; the limiter goes back to
    // the default until a plan says otherwise.
    void clear();

    [[nodiscard]] bool isLoading() const { return m_profileReply || m_planReply; }
    [[nodiscard]] const std::optional<AccountProfile> &profile() const { return m_profile; }
    [[nodiscard]] const std::optional<AccountPlan> &plan() const { return m_plan; }
    [[nodiscard]] Error profileError() const { return m_profileError; }
    [[nodiscard]] Error planError() const { return m_planError; }

    [[nodiscard]] std::optional<qint64> callsThisMonth() const { return m_callsThisMonth; }
    [[nodiscard]] std::optional<qint64> monthlyLimit() const;
    [[nodiscard]] std::optional<qint64> callsPerMinute() const;

    // "Ana Ruiz (ana@example.com)"; empty while unknown.
    [[nodiscard]] QString ownerText() const;
    // "Signed in as Ana Ruiz (ana@example.com)"; empty while unknown.
    [[nodiscard]] QString signedInText() const;
    // "1,204 of 100,000 calls this month · 60 per minute", with the parts
    // that are known; empty when nothing is.
    [[nodiscard]] QString usageText() const;
    [[nodiscard]] UsageLevel usageLevel() const;
    // A sentence for the warning levels ("You have used 80% of ..."), else empty.
    [[nodiscard]] QString usageWarning() const;
    // True for the signed-in user's token (Statistics, Collaborators say "You").
    [[nodiscard]] bool isYou(const QString &userToken) const;

Q_SIGNALS:
    void changed();

private:
    void onProfile();
    void onPlan();
    void onTelemetry(const Telemetry &telemetry);
    void applyLimit();

    QPointer<ApiClient> m_client;
    QPointer<ProfileReply> m_profileReply;
    QPointer<PlanReply> m_planReply;
    std::optional<AccountProfile> m_profile;
    std::optional<AccountPlan> m_plan;
    Error m_profileError;
    Error m_planError;
    std::optional<qint64> m_callsThisMonth;
    std::optional<qint64> m_telemetryLimit; // MaxAPICalls, when Telemetry said it
};

} // namespace CaseLens
