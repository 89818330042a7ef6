#pragma once

#include <QList>
#include <QString>

namespace CaseLens {

// The product areas a ticket list can be filtered on (the API calls them
// `platform`; a ticket carries one as ResourceAffected). The server answers
// 400 to any other value, so callers check against this list before sending.
struct Platform
{
    QString id;              // as the API spells it: "winners", "mcp-server"
    const char *englishName; // the untranslated name: "Winners", "MCP server"

    // In the language installed now (translated at each call, so a language
    // loaded later is followed).
    [[nodiscard]] QString displayName() const;
};

// The 20 documented platforms, in the contract's order.
[[nodiscard]] const QList<Platform> &documentedPlatforms();

// The API's spelling of `text` when it names a documented platform (case and
// surrounding blanks do not matter), else an empty string.
[[nodiscard]] QString documentedPlatformId(const QString &text);

// A person's name for a product area: the translated display name of a
// documented platform, else the text as it came (never empty for a non-empty id).
[[nodiscard]] QString platformDisplayName(const QString &id);

} // namespace CaseLens
