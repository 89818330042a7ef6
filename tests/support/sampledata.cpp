#include "support/sampledata.h"

#include <QFile>
#include <QJsonDocument>

namespace CaseLens::Testing {

QByteArray sampleTicketResponseBytes()
{
    QFile file(QStringLiteral(CASELENS_TEST_DATA_DIR "/ticket-hyxtnjv.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open sample ticket %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject sampleTicketData()
{
    return QJsonDocument::fromJson(sampleTicketResponseBytes()).object().value(u"Data").toObject();
}

QJsonObject sampleTicketData(const QString &caseNumber)
{
    QJsonObject data = sampleTicketData();
    data.insert(u"CaseNumber", caseNumber);
    data.insert(u"Subject", QStringLiteral("Sample ticket %1").arg(caseNumber));
    return data;
}

QJsonArray numberedNotes(int count, const QString &htmlPattern)
{
    QJsonArray notes;
    for (int i = 0; i < count; ++i)
        notes.append(QJsonObject{{QStringLiteral("Id"), i},
                                 {QStringLiteral("Date"), QStringLiteral("2025-01-26T10:05:12.000Z")},
                                 {QStringLiteral("Note"), htmlPattern.arg(i)}});
    return notes;
}

QJsonObject sampleProfileData()
{
    using namespace Qt::StringLiterals;
    return {
        {u"UserToken"_s, u"9c2e4f17-6b3a-4d58-a1e0-5f7d8c9b2a46"_s},
        {u"Nickname"_s, u"ana"_s},
        {u"Email"_s, u"ana@example.com"_s},
        {u"UserType"_s, 1},
        {u"Status"_s, u"Active"_s},
        {u"CreationDate"_s, u"2023-04-01T09:30:00.000Z"_s},
        {u"LastLogin"_s, u"2025-01-28T08:00:00.000Z"_s},
        {u"ProfileData"_s, QJsonObject{{u"FullName"_s, u"Ana Ruiz"_s}, {u"MobilePhone"_s, u"5551234567"_s}}}};
}

QJsonObject samplePlanData()
{
    using namespace Qt::StringLiterals;
    return {{u"PlanName"_s, u"Business"_s},
            {u"MaxApiCallsAllowed"_s, 100000},
            {u"MaxApiCallsPerMinute"_s, 60},
            {u"Features"_s, QJsonArray{u"api"_s, u"winners"_s}}};
}

} // namespace CaseLens::Testing
