#pragma once

#include <QDateTime>
#include <QLatin1StringView>
#include <QStringView>

#include <iterator>
#include <optional>
#include <string_view>

// The ticket's documented fields, shared by its two readers: the tree reader
// (ticketparser.cpp, through QJsonDocument, any answer) and the text reader
// (plainticket.cpp, straight from the text of an answer it proves plain).
// Internal to core.
namespace CaseLens::TicketFields {

using namespace Qt::StringLiterals;

// The documented fields, in the order the tree reader reads them (and so
// warns), with what the text reader accepts for "would the tree reader warn?".
// Every rule is at least as strict as the tree reader's: false only means
// "let the tree reader judge".
enum class Rule {
    Text,           // a string (absent is fine, null warns)
    TextOrNull,     // Nullable text
    TextOrNumber,   // ids
    TextNumberNull, // MobileNumber
    Date,           // the API's date shape
    DateOrNull,     // CloseDate: also null or ""
    Priority,       // 1, 2 or 3
    Bool,           // Status
    Completion,     // a whole number 0..100
    Pin,            // true, false, 0, 1
    Views,          // a whole number >= 0
    List,           // Collaborators, Files, Documentation
    ListOfText,     // NotifyUsers
    Notes,
    Statistics,
    ObjectOrNull, // Survey, AttachmentInfo, GitHubIssue
    Latitude,
    Longitude,
    Account,
    Any, // not documented, read when it is text (a note's author): at most once
};

struct FieldRule
{
    QLatin1StringView key;
    Rule rule;
    bool required = false;
};

inline constexpr FieldRule DataRules[] = {
    {"CaseNumber"_L1, Rule::Text, true},
    {"Date"_L1, Rule::Date, true},
    {"Subject"_L1, Rule::Text, true},
    {"Description"_L1, Rule::Text},
    {"Priority"_L1, Rule::Priority, true},
    {"Status"_L1, Rule::Bool, true},
    {"ClosedBy"_L1, Rule::TextOrNull},
    {"CloseDate"_L1, Rule::DateOrNull},
    {"Completion"_L1, Rule::Completion},
    {"Pin"_L1, Rule::Pin},
    {"Views"_L1, Rule::Views},
    {"ResourceAffected"_L1, Rule::Text},
    {"NotifyUsers"_L1, Rule::ListOfText},
    {"Collaborators"_L1, Rule::List},
    {"Notes"_L1, Rule::Notes},
    {"Statistics"_L1, Rule::Statistics},
    {"Files"_L1, Rule::List},
    {"Documentation"_L1, Rule::List},
    {"Survey"_L1, Rule::ObjectOrNull},
    {"AttachmentInfo"_L1, Rule::ObjectOrNull},
    {"GitHubIssue"_L1, Rule::ObjectOrNull},
    {"AccountInfo"_L1, Rule::Account},
};
// A note's fields, then the keys some accounts' notes carry an author under
// (not in the contract), the first that holds text winning.
inline constexpr FieldRule NoteRules[] = {
    {"Id"_L1, Rule::TextOrNumber}, {"Date"_L1, Rule::Date},      {"Note"_L1, Rule::Text},
    {"Author"_L1, Rule::Any},      {"AuthorName"_L1, Rule::Any}, {"CreatedBy"_L1, Rule::Any},
    {"UserName"_L1, Rule::Any},    {"FullName"_L1, Rule::Any},   {"Name"_L1, Rule::Any},
};
inline constexpr size_t NoteAuthorAt = 3;
inline constexpr FieldRule StatisticRules[] = {{"Id"_L1, Rule::TextOrNumber},
                                               {"Date"_L1, Rule::Date},
                                               {"UserToken"_L1, Rule::Text},
                                               {"Action"_L1, Rule::Text}};
inline constexpr FieldRule AccountRules[] = {
    {"UserToken"_L1, Rule::Text},
    {"FullName"_L1, Rule::Text},
    {"Email"_L1, Rule::Text},
    {"MobileNumber"_L1, Rule::TextNumberNull},
    {"UserType"_L1, Rule::TextOrNumber},
    {"UserAgent"_L1, Rule::Text},
    {"IpAddress"_L1, Rule::Text},
    {"Language"_L1, Rule::Text},
    {"GeoLat"_L1, Rule::Latitude},
    {"GeoLon"_L1, Rule::Longitude},
    {"SweepstakesName"_L1, Rule::Text},
};
inline constexpr size_t MaxRules = 32; // one bit per field while checking
static_assert(std::size(DataRules) <= MaxRules);

// Where key is in rules, at compile time (a key not there does not compile).
template <size_t N>
consteval size_t slot(const FieldRule (&rules)[N], QLatin1StringView key)
{
    for (size_t i = 0; i < N; ++i) {
        if (std::string_view(rules[i].key.data(), size_t(rules[i].key.size())) ==
            std::string_view(key.data(), size_t(key.size())))
            return i;
    }
    throw "not one of the keys";
}

// The API's own date shape, "2025-03-14T09:30:00.000Z" or
// "2025-03-14T09:30:00Z", read without QDateTime's string parsing. nullopt:
// not that shape, ask Qt; an invalid QDateTime: that shape, but no date.
[[nodiscard]] std::optional<QDateTime> parseFixedUtcDate(QStringView s);

} // namespace CaseLens::TicketFields
