#pragma once

#include <QColor>
#include <QHash>
#include <QJsonValue>
#include <QString>

// Raw data made human (issue 18): the words and colours the ticket view uses
// for the server's field names, values and activity actions, so that the
// Overview tree, the activity table and the chart say the same thing.
namespace CaseLens::Gui {

// The label for a known field name ("Case number" for CaseNumber, "Link" for
// Url, any case); empty for names CaseLens does not know.
[[nodiscard]] QString fieldLabel(QStringView key);

// How a field's value reads, from its name: dates are found by their shape
// whatever the name; sizes and user tokens only under names that say so.
enum class FieldKind { Plain, Size, Token };
[[nodiscard]] FieldKind fieldKind(QStringView key);

// An ISO-8601 date or date-time ("2025-03-14", "2025-03-14T09:30:00Z") in the
// user's locale and time zone; empty when text is no such date.
[[nodiscard]] QString localDateText(const QString &text);

// A byte count under a size-like name ("2.4 MB"); empty when the value is no
// non-negative whole number (a JSON number or digits in a string).
[[nodiscard]] QString dataSizeText(const QJsonValue &value);

// Tokens compared as the server may spell them: trimmed, any case.
[[nodiscard]] QString tokenKey(const QString &token);

// Who a user token is: "You" for the signed-in user (youKey, a tokenKey()),
// the name the ticket gives it (namesByKey: tokenKey() -> name), else
// "Unknown user (0b8e9c4a…)"; "Unknown" without a token.
[[nodiscard]] QString personText(const QString &token, const QHash<QString, QString> &namesByKey,
                                 const QString &youKey);

// An activity action in the UI's language ("Created" for create, "Note" for
// note or reply); unknown actions as sent, on one line.
[[nodiscard]] QString actionText(const QString &action);

// The action's colour, the same on every ticket: fixed for known actions
// (synonyms share one), from a hash of the name for the others.
[[nodiscard]] QColor actionColor(const QString &action);

// The action key the chart hides unless asked ("view").
[[nodiscard]] bool isViewAction(const QString &action);

} // namespace CaseLens::Gui
