#include "core/writeresult.h"

#include "core/fieldreader.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

void readResolved(const QJsonObject &data, ResolvedTicket &t)
{
    FieldReader reader(t.warnings);
    reader.readCaseNumber(data.value("CaseNumber"_L1), topField("CaseNumber"_L1), t.caseNumber);
    reader.readText(data.value("Subject"_L1), topField("Subject"_L1), Presence::Optional, t.subject);
    reader.readStatus(data.value("Status"_L1), topField("Status"_L1), t.status);
    reader.readDate(data.value("CloseDate"_L1), topField("CloseDate"_L1), Presence::Required, t.closeDate);
    reader.readText(data.value("ClosedBy"_L1), topField("ClosedBy"_L1), Presence::Optional, t.closedBy);
}

void readAssignee(FieldReader &reader, const QJsonValue &v, std::optional<Assignee> &out)
{
    constexpr QLatin1StringView name = "AssignedTo"_L1;
    if (!v.isObject()) {
        // null: nobody was named. Missing is as good (older servers).
        if (!v.isNull() && !v.isUndefined())
            reader.warnWrong(topField(name), Expected::Object, v);
        return;
    }
    const QJsonObject o = v.toObject();
    Assignee a;
    reader.readText(o.value("FullName"_L1), {name, -1, "FullName"_L1}, Presence::Optional, a.fullName);
    reader.readText(o.value("Email"_L1), {name, -1, "Email"_L1}, Presence::Optional, a.email);
    out = std::move(a);
}

void readCreated(const QJsonObject &data, CreatedTicket &t)
{
    FieldReader reader(t.warnings);
    reader.readCaseNumber(data.value("CaseNumber"_L1), topField("CaseNumber"_L1), t.caseNumber);
    reader.readText(data.value("Subject"_L1), topField("Subject"_L1), Presence::Optional, t.subject);
    reader.readPriority(data.value("Priority"_L1), topField("Priority"_L1), t.priority);
    reader.readResource(data.value("ResourceAffected"_L1), topField("ResourceAffected"_L1),
                        t.resourceAffected);
    readAssignee(reader, data.value("AssignedTo"_L1), t.assignedTo);
    reader.readDate(data.value("CreationDate"_L1), topField("CreationDate"_L1), Presence::Optional,
                    t.created);
    reader.readStatus(data.value("Status"_L1), topField("Status"_L1), t.status);
}

void readUpdated(const QJsonObject &data, UpdatedTicket &t)
{
    FieldReader reader(t.warnings);
    reader.readCaseNumber(data.value("CaseNumber"_L1), topField("CaseNumber"_L1), t.caseNumber);
    reader.readText(data.value("Subject"_L1), topField("Subject"_L1), Presence::Optional, t.subject);
    reader.readText(data.value("Description"_L1), topField("Description"_L1), Presence::Optional,
                    t.descriptionHtml);
    reader.readPriority(data.value("Priority"_L1), topField("Priority"_L1), t.priority);
    reader.readStatus(data.value("Status"_L1), topField("Status"_L1), t.status);
}

template <typename T, typename Read>
WriteResult<T> parseWrite(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                          QLatin1StringView payloadKey, const QString &caseNumber, Read read)
{
    WriteResult<T> result;
    const Envelope envelope =
        readEnvelope(body, httpStatus, contentType, PayloadKind::WriteResult, payloadKey, caseNumber);
    result.telemetry = envelope.telemetry;
    result.error = envelope.error;
    if (envelope.ok())
        read(envelope.payload.toObject(), result.value);
    return result;
}

} // namespace

ResolveResult parseResolveResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                   const QString &caseNumber)
{
    return parseWrite<ResolvedTicket>(body, httpStatus, contentType, "Data"_L1, caseNumber, readResolved);
}

CreateResult parseCreateResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType)
{
    return parseWrite<CreatedTicket>(body, httpStatus, contentType, "Data"_L1, {}, readCreated);
}

UpdateResult parseUpdateResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                 const QString &caseNumber)
{
    return parseWrite<UpdatedTicket>(body, httpStatus, contentType, "Ticket"_L1, caseNumber, readUpdated);
}

} // namespace CaseLens
