#pragma once

// A table tab's model behind the sort/filter proxy the tab puts over it
// (ticketview/notestab.cpp, ticketview/statisticstab.cpp), so that model
// tests sort and filter the way an agent's clicks and typing do.

#include <QSortFilterProxyModel>
#include <QtGlobal>

namespace CaseLens::Testing {

template <typename Model>
struct TabModels final
{
    // Sorted by sortRole, filtered case-insensitively by filterRole, as the tabs do.
    TabModels(int sortRole, int filterRole)
    {
        proxy.setSourceModel(&model);
        proxy.setSortRole(sortRole);
        proxy.setFilterRole(filterRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    }
    Q_DISABLE_COPY_MOVE(TabModels)

    Model model; // declared first: the proxy goes before its source
    QSortFilterProxyModel proxy;
};

} // namespace CaseLens::Testing
