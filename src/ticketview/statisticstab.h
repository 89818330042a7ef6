#pragma once

#include "core/ticket.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace CaseLens::Gui {

class ActivityChart;
class StatisticsModel;

// The Statistics tab: an activity chart over a sortable, filterable table of
// the activity log (Date, Who, Action).
class StatisticsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsTab)

public:
    explicit StatisticsTab(QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket);

    [[nodiscard]] StatisticsModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    [[nodiscard]] QTableView *tableView() const { return m_table; }
    [[nodiscard]] ActivityChart *chart() const { return m_chart; }

    void setFilterText(const QString &text); // applies at once (the box waits for typing to pause)

private:
    void applyFilter();
    void updateState();

    StatisticsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    ActivityChart *m_chart;
    QTableView *m_table;
    QStackedWidget *m_stack;
    QTimer *m_filterTimer;
};

} // namespace CaseLens::Gui
