#pragma once

#include "core/apireply.h"

namespace CaseLens::Gui {

// What the queue panel remembers across restarts (QSettings group "Queue"):
// the Open/Closed switch and the priority and product-area filters. The
// search text is not kept: it is a question of the moment.
struct QueueSettings
{
    [[nodiscard]] static TicketListQuery load();
    static void save(const TicketListQuery &query);
};

} // namespace CaseLens::Gui
