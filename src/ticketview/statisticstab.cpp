#include "ticketview/statisticstab.h"

#include "ticketview/activitychart.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/viewhelpers.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace CaseLens::Gui {
namespace {

constexpr int FilterDelayMs = 250;
constexpr auto ShowViewsKey = "statistics/showViews";

} // namespace

StatisticsTab::StatisticsTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new StatisticsModel(this))
    , m_proxy(new StatisticsProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_showViews(new QCheckBox(tr("Show views"), this))
    , m_daysLabel(new QLabel(this))
    , m_showAll(new QPushButton(tr("Show all"), this))
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
    m_showViews->setObjectName(QStringLiteral("showViews"));
    m_showViews->setToolTip(tr("Count views in the chart (they often outnumber everything else)"));
    m_showViews->setChecked(QSettings().value(QLatin1StringView(ShowViewsKey), false).toBool());
    m_chart->setShowViews(m_showViews->isChecked());
    connect(m_showViews, &QCheckBox::toggled, this, &StatisticsTab::setShowViews);
    connect(m_chart, &ActivityChart::bucketClicked, this, &StatisticsTab::showDays);

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
    setFocusProxy(m_table); // Ctrl+3 lands in the activity log
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

    auto *above = new QWidget(this);
    auto *aboveLayout = new QVBoxLayout(above);
    aboveLayout->setContentsMargins(0, 0, 0, 0);
    aboveLayout->addWidget(m_chart);
    aboveLayout->addWidget(makeDaysBar());
    fillWithContentStack(this, m_stack, makeBarPage(this, {m_filter, m_count, m_showViews}, m_table, above),
                         tr("No activity recorded on this ticket"));

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &StatisticsTab::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &StatisticsTab::applyFilter);
    updateState();
}

QSortFilterProxyModel *StatisticsTab::proxyModel() const
{
    return m_proxy;
}

// "Showing 14 March — Show all": says the table is cut to a bar's days, and undoes it.
QWidget *StatisticsTab::makeDaysBar()
{
    m_daysBar = new QWidget(this);
    m_daysBar->setObjectName(QStringLiteral("daysBar"));
    m_daysLabel->setObjectName(QStringLiteral("daysLabel"));
    m_daysLabel->setTextFormat(Qt::PlainText);
    m_showAll->setObjectName(QStringLiteral("showAllDays"));
    m_showAll->setFlat(true);
    m_showAll->setAccessibleDescription(tr("List the activity of every day again"));
    connect(m_showAll, &QPushButton::clicked, this, [this] { showDays({}, {}); });
    auto *layout = new QHBoxLayout(m_daysBar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_daysLabel);
    layout->addWidget(m_showAll);
    layout->addStretch(1);
    m_daysBar->hide();
    return m_daysBar;
}

void StatisticsTab::showDays(const QDate &first, const QDate &last)
{
    const bool some = first.isValid() && last.isValid();
    const bool focusWasOnButton = m_showAll->hasFocus();
    m_proxy->setDayRange(first, last);
    if (some) {
        const QLocale locale;
        const QString days = first == last ? locale.toString(first, QLocale::LongFormat)
                                           : tr("%1 to %2")
                                                 .arg(locale.toString(first, QLocale::ShortFormat),
                                                      locale.toString(last, QLocale::ShortFormat));
        //: Above the activity table after a click on a chart bar; %1 is a day or a range of days
        m_daysLabel->setText(tr("Showing %1 —").arg(days));
    }
    m_daysBar->setVisible(some);
    if (!some && focusWasOnButton)
        m_table->setFocus(Qt::OtherFocusReason); // not lost with the hidden button
    updateState();
}

void StatisticsTab::setShowViews(bool show)
{
    QSettings().setValue(QLatin1StringView(ShowViewsKey), show);
    m_chart->setShowViews(show);
}

void StatisticsTab::setTicket(const Ticket &ticket)
{
    showDays({}, {}); // a bar of another ticket means nothing here
    m_model->setTicket(ticket);
    // The reset rows are sorted by the proxy's column as it maps them: sorting
    // the same way again cost a quarter of this tab's fill (20,000 entries).
    const int column = m_table->horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder order = m_table->horizontalHeader()->sortIndicatorOrder();
    if (m_proxy->sortColumn() != column || m_proxy->sortOrder() != order)
        m_proxy->sort(column, order);
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
