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

} // namespace CaseLens::Testing
