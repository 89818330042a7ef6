#pragma once

#include "core/envelope.h"
#include "core/error.h"
#include "core/ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace CaseLens {

// Who the API key belongs to (POST /account/profile). Its userToken is the
// one tickets' Statistics and AccountInfo carry.
struct AccountProfile
{
    QString userToken;
    QString nickname;
    QString email;
    QString userType;    // a number here, kept as its text ("1"), or text as sent
    QString status;      // as sent: text, or a number or true/false as its text
    QDateTime created;   // CreationDate, UTC
    QDateTime lastLogin; // LastLogin, UTC
    QString fullName;    // ProfileData.FullName
    QString mobilePhone; // ProfileData.MobilePhone, digits as sent
    QJsonObject data;    // the whole Data object as received (caselens-cli account --json)
    QList<ParseWarning> warnings;
};

// The plan's limits (POST /account/plan).
struct AccountPlan
{
    std::optional<qint64> maxApiCallsAllowed;   // per month
    std::optional<qint64> maxApiCallsPerMinute; // the dispatcher's limiter follows this
    QJsonObject usage; // newer servers: the calls made (shape not documented; empty when absent)
    QJsonObject data;  // the whole Data object as received (caselens-cli account --json)
    QList<ParseWarning> warnings;
};

struct AccountProfileResult
{
    AccountProfile profile;
    std::optional<Telemetry> telemetry;
    Error error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

struct AccountPlanResult
{
    AccountPlan plan;
    std::optional<Telemetry> telemetry;
    Error error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// POST /account/health-check: {Response: true, Message: "API is healthy"}.
// No payload: success means the key works.
struct HealthCheckResult
{
    QString message; // the server's Message, one line
    std::optional<Telemetry> telemetry;
    Error error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// Each reads its endpoint's answer: readEnvelope, then the Data fields,
// tolerantly (a field that is missing or of the wrong type keeps its default
// and adds a warning). Pure, never throws, never crashes.
[[nodiscard]] AccountProfileResult parseAccountProfileResponse(const QByteArray &body, int httpStatus,
                                                               const QByteArray &contentType = {});
[[nodiscard]] AccountPlanResult parseAccountPlanResponse(const QByteArray &body, int httpStatus,
                                                         const QByteArray &contentType = {});
[[nodiscard]] HealthCheckResult parseHealthCheckResponse(const QByteArray &body, int httpStatus,
                                                         const QByteArray &contentType = {});

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::AccountProfileResult)
Q_DECLARE_METATYPE(CaseLens::AccountPlanResult)
Q_DECLARE_METATYPE(CaseLens::HealthCheckResult)
