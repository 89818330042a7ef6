#pragma once

#include "core/ticket.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace CaseLens::Gui {

class ActivityChart;
class StatisticsModel;
class StatisticsProxyModel;

// The Statistics tab: an activity chart over a sortable, filterable table of
// the activity log (Date, Who, Action). A click on a bar of the chart shows
// that day's entries only ("Showing 14 March — Show all"); "Show views"
// (remembered: QSettings "statistics/showViews") adds views to the chart.
class StatisticsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsTab)

public:
    explicit StatisticsTab(QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket);

    [[nodiscard]] StatisticsModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const;
    [[nodiscard]] QTableView *tableView() const { return m_table; }
    [[nodiscard]] ActivityChart *chart() const { return m_chart; }

    void setFilterText(const QString &text); // applies at once (the box waits for typing to pause)
    // Only the entries of these local days (a chart bar's); invalid: all.
    void showDays(const QDate &first, const QDate &last);
    [[nodiscard]] QLabel *daysLabel() const { return m_daysLabel; }
    [[nodiscard]] QPushButton *showAllButton() const { return m_showAll; }
    [[nodiscard]] QCheckBox *showViewsBox() const { return m_showViews; }

private:
    void applyFilter();
    void updateState();
    void setShowViews(bool show);
    [[nodiscard]] QWidget *makeDaysBar();

    StatisticsModel *m_model;
    StatisticsProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QCheckBox *m_showViews;
    QLabel *m_daysLabel;
    QPushButton *m_showAll;
    QWidget *m_daysBar = nullptr;
    ActivityChart *m_chart;
    QTableView *m_table;
    QStackedWidget *m_stack;
    QTimer *m_filterTimer;
};

} // namespace CaseLens::Gui
