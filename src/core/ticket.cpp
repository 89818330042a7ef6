#include "core/ticket.h"

#include <QCoreApplication>

namespace CaseLens {

bool Ticket::hasWarningFor(const QString &field) const
{
    for (const ParseWarning &w : warnings) {
        if (w.field == field || w.field.startsWith(field + u'.') || w.field.startsWith(field + u'['))
            return true;
    }
    return false;
}

QString priorityName(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QCoreApplication::translate("CaseLens::Ticket", "Low");
    case Priority::Medium:
        return QCoreApplication::translate("CaseLens::Ticket", "Medium");
    case Priority::High:
        return QCoreApplication::translate("CaseLens::Ticket", "High");
    case Priority::Unknown:
        break;
    }
    return QCoreApplication::translate("CaseLens::Ticket", "Unknown");
}

QString statusName(TicketStatus status)
{
    switch (status) {
    case TicketStatus::Open:
        return QCoreApplication::translate("CaseLens::Ticket", "Open");
    case TicketStatus::Closed:
        return QCoreApplication::translate("CaseLens::Ticket", "Closed");
    case TicketStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("CaseLens::Ticket", "Unknown");
}

} // namespace CaseLens
