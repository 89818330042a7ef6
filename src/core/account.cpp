#include "core/account.h"

#include "core/fieldreader.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

// Calls are counted in whole numbers; 9e15 is exact in a double.
constexpr qint64 MaxCalls = qint64(9e15);

void readProfile(const QJsonObject &data, AccountProfile &p)
{
    p.data = data;
    FieldReader reader(p.warnings);
    reader.readText(data.value("UserToken"_L1), topField("UserToken"_L1), Presence::Required, p.userToken);
    reader.readText(data.value("Nickname"_L1), topField("Nickname"_L1), Presence::Optional, p.nickname);
    reader.readText(data.value("Email"_L1), topField("Email"_L1), Presence::Optional, p.email);
    reader.readTextOrNumber(data.value("UserType"_L1), topField("UserType"_L1), Presence::Optional,
                            p.userType);
    const QJsonValue status = data.value("Status"_L1);
    if (status.isBool()) // undocumented type: a flag is as readable as a word
        p.status = status.toBool() ? u"true"_s : u"false"_s;
    else
        reader.readTextOrNumber(status, topField("Status"_L1), Presence::Optional, p.status);
    reader.readDate(data.value("CreationDate"_L1), topField("CreationDate"_L1), Presence::Optional,
                    p.created);
    reader.readDate(data.value("LastLogin"_L1), topField("LastLogin"_L1), Presence::Nullable, p.lastLogin);

    constexpr QLatin1StringView name = "ProfileData"_L1;
    const QJsonValue profileData = data.value(name);
    if (!profileData.isObject()) {
        if (reader.present(profileData, topField(name), Presence::Optional, Expected::Object))
            reader.warnWrong(topField(name), Expected::Object, profileData);
        return;
    }
    const QJsonObject o = profileData.toObject();
    reader.readText(o.value("FullName"_L1), {name, -1, "FullName"_L1}, Presence::Optional, p.fullName);
    reader.readTextOrNumber(o.value("MobilePhone"_L1), {name, -1, "MobilePhone"_L1}, Presence::Nullable,
                            p.mobilePhone);
}

void readPlan(const QJsonObject &data, AccountPlan &p)
{
    p.data = data;
    FieldReader reader(p.warnings);
    p.maxApiCallsAllowed =
        reader.readWholeNumber(data.value("MaxApiCallsAllowed"_L1), topField("MaxApiCallsAllowed"_L1),
                               Presence::Required, 0, MaxCalls);
    p.maxApiCallsPerMinute =
        reader.readWholeNumber(data.value("MaxApiCallsPerMinute"_L1), topField("MaxApiCallsPerMinute"_L1),
                               Presence::Required, 0, MaxCalls);
    QJsonValue usage;
    reader.readAsIs(data.value("Usage"_L1), topField("Usage"_L1), usage);
    p.usage = usage.toObject();
}

// The account answers differ only in what they read from a successful
// envelope: readPayload(envelope, result). The telemetry and the error come
// the same way for each.
template <typename Result, typename ReadPayload>
Result parseAccountAnswer(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                          QLatin1StringView payloadKey, ReadPayload readPayload)
{
    Result result;
    const Envelope envelope = readEnvelope(body, httpStatus, contentType, PayloadKind::Account, payloadKey);
    result.telemetry = envelope.telemetry;
    result.error = envelope.error;
    if (envelope.ok())
        readPayload(envelope, result);
    return result;
}

} // namespace

AccountProfileResult parseAccountProfileResponse(const QByteArray &body, int httpStatus,
                                                 const QByteArray &contentType)
{
    return parseAccountAnswer<AccountProfileResult>(
        body, httpStatus, contentType, "Data"_L1, [](const Envelope &envelope, AccountProfileResult &result) {
            readProfile(envelope.payload.toObject(), result.profile);
        });
}

AccountPlanResult parseAccountPlanResponse(const QByteArray &body, int httpStatus,
                                           const QByteArray &contentType)
{
    return parseAccountAnswer<AccountPlanResult>(body, httpStatus, contentType, "Data"_L1,
                                                 [](const Envelope &envelope, AccountPlanResult &result) {
                                                     readPlan(envelope.payload.toObject(), result.plan);
                                                 });
}

// No payload: success means the key works.
HealthCheckResult parseHealthCheckResponse(const QByteArray &body, int httpStatus,
                                           const QByteArray &contentType)
{
    return parseAccountAnswer<HealthCheckResult>(
        body, httpStatus, contentType, {},
        [](const Envelope &envelope, HealthCheckResult &result) { result.message = envelope.message; });
}

} // namespace CaseLens
