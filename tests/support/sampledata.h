#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace CaseLens::Testing {

// The documented example ticket (tests/support/data/ticket-hyxtnjv.json).
[[nodiscard]] QByteArray sampleTicketResponseBytes();
[[nodiscard]] QJsonObject sampleTicketData(); // its Data object

// A copy of the sample with another case number (and subject).
[[nodiscard]] QJsonObject sampleTicketData(const QString &caseNumber);

} // namespace CaseLens::Testing
