#include "ticketview/statisticstab.h"

#include "ticketview/activitychart.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/viewhelpers.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>

namespace CaseLens::Gui {
namespace {

constexpr int FilterDelayMs = 250;

} // namespace

StatisticsTab::StatisticsTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new StatisticsModel(this))
    , m_proxy(new StatisticsProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_chart(new ActivityChart(this))
    , m_table(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_filterTimer(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StatisticsModel::SortRole);
    m_proxy->setFilterRole(StatisticsModel::FilterRole);
    m_proxy->setFilterKeyColumn(StatisticsModel::DateColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(false);

    m_filter->setPlaceholderText(tr("Filter by date, person or action"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter activity"));
    m_filter->setObjectName(QStringLiteral("statisticsFilter"));
    m_count->setTextFormat(Qt::PlainText);
    m_count->setAccessibleName(tr("Number of entries shown"));
    m_chart->setObjectName(QStringLiteral("activityChart"));

    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("statisticsTable"));
    m_table->setAccessibleName(tr("Activity log"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StatisticsModel::DateColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setCornerButtonEnabled(false);
    // Fixed row heights: 50,000 rows scroll without measuring any of them.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    rows->setVisible(false);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    // Widths from a sample date, not from the rows: measuring 50,000 rows would stall.
    const QFontMetrics metrics = m_table->fontMetrics();
    const QString sampleDate = localDateTimeText(QDateTime(QDate(2025, 12, 28), QTime(23, 58, 58), Qt::UTC));
    columns->resizeSection(StatisticsModel::DateColumn, metrics.horizontalAdvance(sampleDate) + 24);
    columns->resizeSection(StatisticsModel::WhoColumn, metrics.averageCharWidth() * 28);

    fillWithContentStack(this, m_stack, makeBarPage(this, {m_filter, m_count}, m_table, m_chart),
                         tr("No activity recorded on this ticket"));

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &StatisticsTab::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &StatisticsTab::applyFilter);
    updateState();
}

void StatisticsTab::setTicket(const Ticket &ticket)
{
    m_model->setTicket(ticket);
    m_proxy->sort(m_table->horizontalHeader()->sortIndicatorSection(),
                  m_table->horizontalHeader()->sortIndicatorOrder());
    m_chart->setStatistics(ticket.statistics);
    updateState();
}

void StatisticsTab::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

void StatisticsTab::applyFilter()
{
    m_filterTimer->stop();
    m_proxy->setFilterFixedString(m_filter->text().trimmed());
    updateState();
}

void StatisticsTab::updateState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_stack->setCurrentIndex(total == 0 ? 1 : 0);
    if (shown == total)
        m_count->setText(tr("%Ln entry(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %Ln entry(s)", nullptr, total).arg(QLocale().toString(shown)));
}

} // namespace CaseLens::Gui
