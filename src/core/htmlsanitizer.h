#pragma once

#include <QString>

namespace CaseLens {

// Server text (descriptions, notes) is untrusted HTML.
namespace Html {

// Keeps only an allowlist of harmless tags and attributes; links only with
// https:, http: or mailto: targets; no images, styles, scripts or resources.
// The result is well-formed (escaped text, quoted attributes, balanced tags).
// Input without any '<' is taken as plain text: escaped, line breaks -> <br>
// (entities in it are literal text). NULs are dropped; invalid character
// references and lone surrogates become U+FFFD.
[[nodiscard]] QString sanitize(const QString &html);

// Reduces HTML (or plain text) to readable plain text: block elements and
// <br> become line breaks, entities are decoded, tags dropped.
// Input without any '<' is plain text already and comes back as is, only
// trimmed (NULs dropped, CRLF/CR -> LF, as for HTML).
[[nodiscard]] QString toPlainText(const QString &html);

// True if url (already entity-decoded) is a link target sanitize() keeps:
// an absolute http(s)://host... or mailto:... URL. Tabs/newlines inside and
// surrounding control characters/spaces are ignored, as browsers do.
// Useful to re-check a link before opening it.
[[nodiscard]] bool isAllowedLinkUrl(const QString &url);

} // namespace Html
} // namespace CaseLens
