#include "app/queuesettings.h"

#include "core/platforms.h"

#include <QSettings>

namespace CaseLens::Gui {
namespace {

constexpr auto Group = "Queue";
constexpr auto StatusKey = "status";     // "open" or "closed"
constexpr auto PriorityKey = "priority"; // 0 any, 1..3
constexpr auto PlatformKey = "platform"; // the API's spelling, empty for all

} // namespace

TicketListQuery QueueSettings::load()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(Group));
    TicketListQuery query;
    query.status = settings.value(QLatin1String(StatusKey)).toString() == u"closed" ? TicketStatus::Closed
                                                                                    : TicketStatus::Open;
    // A hand-edited or older file can hold anything: only known values count.
    const int priority = settings.value(QLatin1String(PriorityKey)).toInt();
    if (priority >= int(Priority::Low) && priority <= int(Priority::High))
        query.priority = Priority(priority);
    query.platform = documentedPlatformId(settings.value(QLatin1String(PlatformKey)).toString());
    return query;
}

void QueueSettings::save(const TicketListQuery &query)
{
    QSettings settings;
    settings.beginGroup(QLatin1String(Group));
    settings.setValue(QLatin1String(StatusKey), query.status == TicketStatus::Closed
                                                    ? QStringLiteral("closed")
                                                    : QStringLiteral("open"));
    settings.setValue(QLatin1String(PriorityKey), int(query.priority));
    settings.setValue(QLatin1String(PlatformKey), query.platform);
}

} // namespace CaseLens::Gui
