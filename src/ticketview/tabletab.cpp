#include "ticketview/tabletab.h"

#include "ticketview/itemviewlinks.h"
#include "ticketview/viewhelpers.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>

namespace CaseLens::Gui {
namespace {

constexpr int MaxInitialColumnWidth = 320;

} // namespace

TableTab::TableTab(QAbstractItemModel *model, int sortRole, const QString &emptyText,
                   const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_stack(new QStackedWidget(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(accessibleName);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // server order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    auto *links = new ItemViewLinks(m_table);
    connect(links, &ItemViewLinks::linkActivated, this, &TableTab::httpsLinkActivated);

    fillWithContentStack(this, m_stack, m_table, emptyText);
    refresh();
}

void TableTab::refresh()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentIndex(empty ? 1 : 0);
    if (empty)
        return;
    m_table->resizeColumnsToContents();
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (header->sectionSize(column) > MaxInitialColumnWidth)
            header->resizeSection(column, MaxInitialColumnWidth);
    }
}

bool TableTab::isShowingEmptyState() const
{
    return m_stack->currentIndex() == 1;
}

} // namespace CaseLens::Gui
