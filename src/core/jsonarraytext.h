#pragma once

#include <QByteArrayView>
#include <QList>

#include <optional>

// A JSON array's elements as text: each element's own bytes as they appear
// in the answer (a view into it), so a list's rows can be handed on exactly
// as the server sent them (`caselens-cli list --json`, like
// `jq -c '.Data.Tickets[]'`) without re-serialising them.
namespace CaseLens {

// The text of each element of the array json, in order, without the
// whitespace around it. nullopt when json is not an array. One linear pass,
// no allocation beyond the list. json must be valid JSON (e.g. already
// accepted by QJsonDocument::fromJson): the scan trusts its brackets and
// string quotes.
[[nodiscard]] std::optional<QList<QByteArrayView>> jsonArrayElementTexts(QByteArrayView json);

} // namespace CaseLens
