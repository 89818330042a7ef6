#include "app/queuepanel.h"

#include "app/queuedelegate.h"
#include "app/queuemodel.h"
#include "app/queuesettings.h"
#include "core/platforms.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {

QueuePanel::QueuePanel(ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_model(new QueueModel(client, this))
{
    buildUi();
    fillFilters();
    retranslate();

    connect(m_model, &QueueModel::stateChanged, this, &QueuePanel::updateState);
    connect(m_model, &QueueModel::reloaded, this, &QueuePanel::restoreSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateState);
    updateState();
}

QueuePanel::~QueuePanel() = default;

void QueuePanel::buildUi()
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_openButton = new QToolButton(this);
    m_closedButton = new QToolButton(this);
    m_statusGroup = new QButtonGroup(this);
    for (QToolButton *button : {m_openButton, m_closedButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::StrongFocus);
    }
    m_statusGroup->addButton(m_openButton, int(TicketStatus::Open));
    m_statusGroup->addButton(m_closedButton, int(TicketStatus::Closed));
    m_openButton->setChecked(true);
    connect(m_statusGroup, &QButtonGroup::idClicked, this, &QueuePanel::applyFilters);

    m_count = new QLabel(this);

    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &QueuePanel::applyFilters);
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applyFilters();
    });

    m_priority = new QComboBox(this);
    m_platform = new QComboBox(this);
    for (QComboBox *box : {m_priority, m_platform}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        connect(box, &QComboBox::activated, this, &QueuePanel::applyFilters);
    }

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(this);
    connect(m_retry, &QPushButton::clicked, m_model, &QueueModel::retry);

    m_list = new QListView(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new QueueDelegate(m_list));
    // Every row has the same height: the view need not measure 2,000 rows.
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);
    connect(m_list, &QListView::doubleClicked, this, [this] { openCurrent(OpenMode::Foreground); });
    connect(m_list, &QListView::customContextMenuRequested, this, &QueuePanel::showContextMenu);

    m_openAction = new QAction(this);
    m_openInBackgroundAction = new QAction(this);
    m_copyAction = new QAction(this);
    connect(m_openAction, &QAction::triggered, this, [this] { openCurrent(OpenMode::Foreground); });
    connect(m_openInBackgroundAction, &QAction::triggered, this,
            [this] { openCurrent(OpenMode::Background); });
    connect(m_copyAction, &QAction::triggered, this, &QueuePanel::copyCurrent);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_openButton);
    header->addWidget(m_closedButton);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_priority, 1);
    filters->addWidget(m_platform, 1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_message, 1);
    status->addWidget(m_retry, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_count);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addLayout(status);
    layout->addWidget(m_list, 1);
}

void QueuePanel::fillFilters()
{
    m_priority->addItem(QString(), int(Priority::Unknown));
    for (const Priority priority : {Priority::Low, Priority::Medium, Priority::High})
        m_priority->addItem(QString(), int(priority));
    m_platform->addItem(QString(), QString());
    for (const Platform &platform : documentedPlatforms())
        m_platform->addItem(QString(), platform.id);
}

void QueuePanel::retranslate()
{
    m_title->setText(tr("My tickets"));
    // Disambiguated: the switch means "open tickets" (es "Abiertos"), the context
    // menu's "Open" below is the verb (es "Abrir").
    m_openButton->setText(tr("Open", "status switch, beside Closed"));
    m_openButton->setAccessibleName(tr("Show open tickets"));
    m_closedButton->setText(tr("Closed"));
    m_closedButton->setAccessibleName(tr("Show closed tickets"));
    m_count->setAccessibleName(tr("Ticket count"));
    m_search->setPlaceholderText(tr("Search subject or description"));
    m_search->setAccessibleName(tr("Search tickets"));
    m_priority->setAccessibleName(tr("Priority filter"));
    m_priority->setItemText(0, tr("Any priority"));
    for (int i = 1; i < m_priority->count(); ++i)
        m_priority->setItemText(i, priorityName(Priority(m_priority->itemData(i).toInt())));
    m_platform->setAccessibleName(tr("Product area filter"));
    m_platform->setItemText(0, tr("All product areas"));
    for (int i = 1; i < m_platform->count(); ++i)
        m_platform->setItemText(i, platformDisplayName(m_platform->itemData(i).toString()));
    m_message->setAccessibleName(tr("Queue status"));
    m_retry->setText(tr("Retry"));
    m_retry->setAccessibleName(tr("Retry loading tickets"));
    m_list->setAccessibleName(tr("My tickets"));
    m_openAction->setText(tr("Open"));
    m_openInBackgroundAction->setText(tr("Open in Background"));
    m_copyAction->setText(tr("Copy Case Number"));
    updateState();
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

TicketListQuery QueuePanel::query() const
{
    TicketListQuery query;
    query.status = m_closedButton->isChecked() ? TicketStatus::Closed : TicketStatus::Open;
    query.search = m_search->text().trimmed();
    query.priority = Priority(m_priority->currentData().toInt());
    query.platform = m_platform->currentData().toString();
    return query;
}

void QueuePanel::applyFilters()
{
    if (m_applyingQuery)
        return;
    m_model->setQuery(query());
}

void QueuePanel::setQueryToControls(const TicketListQuery &query)
{
    m_applyingQuery = true;
    (query.status == TicketStatus::Closed ? m_closedButton : m_openButton)->setChecked(true);
    m_search->setText(query.search);
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(int(query.priority))));
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(query.platform)));
    m_applyingQuery = false;
}

void QueuePanel::saveState() const
{
    QueueSettings::save(query());
}

void QueuePanel::restoreState()
{
    TicketListQuery restored = QueueSettings::load();
    restored.search = m_search->text().trimmed();
    setQueryToControls(restored);
    applyFilters();
}

void QueuePanel::refresh()
{
    const QModelIndex current = m_list->currentIndex();
    m_selectedBeforeRefresh =
        current.isValid() ? current.data(QueueModel::CaseNumberRole).toString() : QString();
    m_model->refresh();
}

void QueuePanel::restoreSelection()
{
    const int row = m_selectedBeforeRefresh.isEmpty() ? -1 : m_model->rowOf(m_selectedBeforeRefresh);
    m_selectedBeforeRefresh.clear();
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

void QueuePanel::focusList()
{
    m_list->setFocus(Qt::ShortcutFocusReason);
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
}

void QueuePanel::setOpenCases(const QSet<QString> &caseNumbers)
{
    m_model->setOpenCases(caseNumbers);
}

void QueuePanel::setKeyAvailable(bool available)
{
    m_model->setKeyAvailable(available);
}

void QueuePanel::updateState()
{
    const bool closed = m_model->query().status == TicketStatus::Closed;
    const qint64 total = m_model->totalCount();
    QString message;
    bool retry = false;
    bool showList = false;
    QString count;
    switch (m_model->state()) {
    case QueueModel::State::Idle:
        break;
    case QueueModel::State::Loading:
        message = tr("Loading tickets…");
        break;
    case QueueModel::State::Loaded:
        showList = true;
        count = closed ? tr("%n closed", nullptr, int(std::min<qint64>(total, INT_MAX)))
                       : tr("%n open", nullptr, int(std::min<qint64>(total, INT_MAX)));
        message = m_model->pagingMessage();
        retry = m_model->pageError().isError();
        if (message.isEmpty() && m_model->isFetching() && m_model->loadedPages() > 0)
            message = tr("Loading tickets…");
        break;
    case QueueModel::State::Empty: {
        count = closed ? tr("%n closed", nullptr, 0) : tr("%n open", nullptr, 0);
        const TicketListQuery &query = m_model->query();
        if (!query.search.isEmpty() || query.priority != Priority::Unknown || !query.platform.isEmpty())
            message = tr("No tickets match these filters");
        else
            message = closed ? tr("No closed tickets") : tr("No open tickets");
        break;
    }
    case QueueModel::State::NoKey:
        message = tr("Add your API key in Settings to see your tickets");
        break;
    case QueueModel::State::Error: {
        const Error &error = m_model->error();
        message = error.message();
        // A 400 (an unknown platform, say): the server's own words.
        if (!error.serverMessage().isEmpty() && !message.contains(error.serverMessage()))
            message = tr("%1 The server said: %2").arg(message, error.serverMessage());
        retry = true;
        break;
    }
    }
    m_count->setText(count);
    m_count->setVisible(!count.isEmpty());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_retry->setVisible(retry);
    m_list->setVisible(showList);
}

bool QueuePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_list->currentIndex().isValid()) {
            openCurrent(key->modifiers().testFlag(Qt::ShiftModifier) ? OpenMode::Background
                                                                     : OpenMode::Foreground);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QueuePanel::openCurrent(OpenMode mode)
{
    const std::optional<CaseNumber> caseNumber = m_model->caseNumberAt(m_list->currentIndex().row());
    if (caseNumber)
        Q_EMIT openRequested(*caseNumber, mode);
}

void QueuePanel::copyCurrent()
{
    const QString text = m_list->currentIndex().data(QueueModel::CaseNumberRole).toString();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void QueuePanel::showContextMenu(const QPoint &position)
{
    const QModelIndex at = m_list->indexAt(position);
    if (at.isValid())
        m_list->setCurrentIndex(at);
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const bool canOpen = current.data(QueueModel::CanOpenRole).toBool();
    m_openAction->setEnabled(canOpen);
    m_openInBackgroundAction->setEnabled(canOpen);
    m_copyAction->setEnabled(!current.data(QueueModel::CaseNumberRole).toString().isEmpty());
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_openInBackgroundAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    // From the keyboard (Menu key) the position is not on a row: the menu
    // goes by the current row.
    const QPoint where = at.isValid() ? position : m_list->visualRect(current).center();
    menu.exec(m_list->viewport()->mapToGlobal(where));
}

} // namespace CaseLens::Gui
