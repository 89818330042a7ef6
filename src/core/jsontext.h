#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <functional>

// JSON as text: the answer as the server sent it (finding a member without
// re-serialising, compacting it for one line) and short JSON-ish renderings of
// values for warnings. Pure functions, no Qt JSON parsing of the whole text.
namespace CaseLens {

// The text of the value of the top-level object's member named key, as it
// appears in json (a view into it). Empty when json is not an object, has no
// such member, has it more than once, or has a key written with escapes
// (which might spell key). Linear, no allocation. json must be valid JSON
// (e.g. already accepted by QJsonDocument::fromJson).
[[nodiscard]] QByteArrayView jsonMemberText(QByteArrayView json, QLatin1StringView key);

// jsonMemberText that reads the member's value on the same pass instead of
// skipping it: readValue(text, i) gets the text (without a BOM) and the index
// of the value's first byte, and returns the index just past the value, or -1
// to give up (the result is then empty). json must be valid JSON.
[[nodiscard]] QByteArrayView
jsonMemberText(QByteArrayView json, QLatin1StringView key,
               const std::function<qsizetype(QByteArrayView, qsizetype)> &readValue);

// Valid JSON text without its insignificant whitespace: the same value, on
// one line. Control characters inside strings (raw tabs, newlines, ESC)
// are written as \u00XX escapes, so the result is one line and safe for a
// terminal. One linear pass; escapes already in the text are kept as sent.
[[nodiscard]] QByteArray compactJson(QByteArrayView json);

// True when json is one JSON object that QJsonDocument::fromJson reads
// exactly as written: strict RFC 8259 grammar, valid UTF-8, no raw control
// characters in strings, no escaped surrogates, numbers without exponents of
// at most 24 characters (never out of a double's range), nesting at most 512
// deep. Stricter than fromJson on purpose: false means "ask fromJson", never
// "invalid". Linear, no allocation (a few instructions a byte).
[[nodiscard]] bool isPlainJson(QByteArrayView json);

// isPlainJson's verdict, and how many bytes of json compactJson would change
// (whitespace between tokens, DEL in strings: plain text has no other control
// characters), counted on the same pass. No loose bytes: already compact.
struct PlainJsonScan
{
    bool plain = false;
    qsizetype looseBytes = 0;
};
[[nodiscard]] PlainJsonScan scanPlainJson(QByteArrayView json);

// How many bytes of json compactJson would change; json starts outside a
// string (a run of a valid text's tokens, e.g. what lies before a member).
[[nodiscard]] qsizetype looseJsonBytes(QByteArrayView json);

// Index just past the value that starts at json[i] (no whitespace before it),
// or -1. json must be valid JSON (e.g. accepted by isPlainJson).
[[nodiscard]] qsizetype jsonValueEnd(QByteArrayView json, qsizetype i);

// The text without a leading UTF-8 BOM.
[[nodiscard]] QByteArrayView jsonWithoutBom(QByteArrayView json);

// The text without a UTF-8 BOM and without JSON whitespace at either end.
[[nodiscard]] QByteArrayView trimmedJsonText(QByteArrayView body);

[[nodiscard]] constexpr bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A number as JSON shows it: integers without a fraction, others shortest.
[[nodiscard]] QString jsonNumberText(const QJsonValue &v);

// A value for a warning or a detail line: JSON-ish, control characters
// escaped, at most 40 characters (an ellipsis when cut). A huge or deeply
// nested value costs no more than a small one.
[[nodiscard]] QString jsonValuePreview(const QJsonValue &v);

} // namespace CaseLens
