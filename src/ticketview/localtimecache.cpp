#include "ticketview/localtimecache.h"

#include <QLocale>

namespace CaseLens::Gui {

QDateTime LocalTimeCache::toLocal(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    constexpr qint64 QuarterHourMs = 15 * 60 * 1000;
    const qint64 msecs = dateTime.toMSecsSinceEpoch();
    const qint64 key = msecs >= 0 ? msecs / QuarterHourMs : (msecs - QuarterHourMs + 1) / QuarterHourMs;
    auto it = m_offsets.constFind(key);
    if (it == m_offsets.constEnd())
        it = m_offsets.insert(key, dateTime.toLocalTime().offsetFromUtc());
    return dateTime.toOffsetFromUtc(*it);
}

QString LocalTimeCache::shortText(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return QLocale().toString(toLocal(dateTime), QLocale::ShortFormat);
}

} // namespace CaseLens::Gui
