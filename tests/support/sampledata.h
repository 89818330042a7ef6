#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace CaseLens::Testing {

// The documented example ticket (tests/support/data/ticket-hyxtnjv.json).
[[nodiscard]] QByteArray sampleTicketResponseBytes();
[[nodiscard]] QJsonObject sampleTicketData(); // its Data object

// A copy of the sample with another case number (and subject).
[[nodiscard]] QJsonObject sampleTicketData(const QString &caseNumber);

// A Notes array of count notes, Ids 0 to count - 1, all of one date, each
// note's text htmlPattern with its number for %1: many notes, for the tests
// that feed a ticket more than anyone writes.
[[nodiscard]] QJsonArray numberedNotes(int count, const QString &htmlPattern);

// Data of /account/profile and /account/plan as the contract shapes them:
// Ana Ruiz (ana@example.com); 100,000 calls a month, 60 a minute.
[[nodiscard]] QJsonObject sampleProfileData();
[[nodiscard]] QJsonObject samplePlanData();

} // namespace CaseLens::Testing
