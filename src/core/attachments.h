#pragma once

#include "core/ticket.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>

namespace CaseLens {

// Reads one entry of a ticket's Files. The entry shape is undocumented, so
// the parts are looked up under common keys in any case (FileName/Name,
// Size/Bytes, Type/MimeType, Url/Link, ...); a string entry is a link (it has
// "://" or is a javascript: text) or a name; anything else becomes the name,
// as text. Never fails: an unreadable part stays empty.
[[nodiscard]] Attachment attachmentFromJson(const QJsonValue &entry);

// Every entry of Files, in order (one Attachment per entry, none dropped).
[[nodiscard]] QList<Attachment> attachmentsFromJson(const QJsonArray &files);

} // namespace CaseLens
