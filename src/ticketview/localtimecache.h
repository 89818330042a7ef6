#pragma once

#include <QDateTime>
#include <QHash>

namespace CaseLens::Gui {

// Converts UTC times to the user's local time for many entries at once.
// QDateTime::toLocalTime() asks the C library (and often the file system)
// for each call; the offset only changes at time zone transitions, which fall
// on quarter hours, so it is looked up once per quarter hour and reused.
class LocalTimeCache final
{
public:
    LocalTimeCache() = default;

    // The same instant, at the local offset (wall-clock time as the user reads it).
    [[nodiscard]] QDateTime toLocal(const QDateTime &dateTime);

    // "26/01/2025 10:00" in the user's locale; empty when invalid.
    [[nodiscard]] QString shortText(const QDateTime &dateTime);

    void clear() { m_offsets.clear(); }

private:
    QHash<qint64, int> m_offsets; // quarter hour since epoch -> offset from UTC in seconds
};

} // namespace CaseLens::Gui
