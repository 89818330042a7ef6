#include "app/queuemodel.h"

#include "core/apiclient.h"
#include "core/platforms.h"
#include "ticketview/viewhelpers.h"

#include <QCoreApplication>
#include <QFont>
#include <QScopedValueRollback>

namespace CaseLens::Gui {
namespace {

// The ages reuse the ticket view's plural forms ("%n day(s)" is already
// translated there, in every language), so the queue and the ticket header
// say an age the same way.
struct AgeTr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::TicketView)
};

QString withFullStop(const QString &text)
{
    if (text.isEmpty() || text.endsWith(u'.') || text.endsWith(u'!') || text.endsWith(u'?'))
        return text;
    return text + u'.';
}

} // namespace

QueueModel::QueueModel(ApiClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{}

QueueModel::~QueueModel()
{
    abortRequest();
}

void QueueModel::setQuery(const TicketListQuery &query)
{
    TicketListQuery wanted = query;
    wanted.page = 1;
    if (wanted == m_query)
        return;
    m_query = wanted;
    // Before anything was asked there is nothing to replace: the first load
    // (setKeyAvailable, refresh) asks for this query.
    if (m_state != State::Idle)
        reload();
}

void QueueModel::reload()
{
    abortRequest();
    beginResetModel();
    m_rows.clear();
    m_loadedPages = 0;
    m_totalPages = 0;
    m_totalCount = 0;
    m_pagingStopped = false;
    m_pagingMessage.clear();
    m_pageError = {};
    endResetModel();
    if (!m_keyAvailable) {
        setState(State::NoKey);
        return;
    }
    setState(State::Loading);
    start(1, Lane::User);
}

void QueueModel::refresh(Lane lane)
{
    if (m_rows.isEmpty() || !m_keyAvailable) {
        reload();
        return;
    }
    start(1, lane);
    Q_EMIT stateChanged(); // isFetching() changed: the view says "Refreshing"
}

void QueueModel::retry()
{
    if (m_state != State::Loaded || !m_pageError.isError()) {
        reload();
        return;
    }
    m_pagingStopped = false;
    m_pagingMessage.clear();
    m_pageError = {};
    start(m_loadedPages + 1, Lane::User);
    Q_EMIT stateChanged();
}

void QueueModel::setKeyAvailable(bool available)
{
    m_keyAvailable = available;
    if (!available) {
        reload(); // clears the rows and says why
        return;
    }
    if (m_state == State::Idle || m_state == State::NoKey ||
        (m_state == State::Error && m_error.needsNewKey()))
        reload();
}

void QueueModel::setOpenCases(const QSet<QString> &caseNumbers)
{
    if (caseNumbers == m_openCases)
        return;
    m_openCases = caseNumbers;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {OpenInTabRole, Qt::AccessibleTextRole});
}

void QueueModel::setUnreadCases(const QSet<QString> &caseNumbers)
{
    replaceMarks(m_unreadCases, caseNumbers);
}

void QueueModel::setNewCases(const QSet<QString> &caseNumbers)
{
    replaceMarks(m_newCases, caseNumbers);
}

void QueueModel::replaceMarks(QSet<QString> &marks, const QSet<QString> &caseNumbers)
{
    if (caseNumbers == marks)
        return;
    marks = caseNumbers;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {UnreadRole, Qt::FontRole, Qt::AccessibleTextRole});
}

bool QueueModel::isUnread(const QString &caseNumber) const
{
    return m_unreadCases.contains(caseNumber) || m_newCases.contains(caseNumber);
}

void QueueModel::setReferenceTime(const QDateTime &now)
{
    m_referenceTime = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {AgeTextRole, Qt::AccessibleTextRole});
}

QDateTime QueueModel::now() const
{
    return m_referenceTime.isValid() ? m_referenceTime : QDateTime::currentDateTimeUtc();
}

std::optional<CaseNumber> QueueModel::caseNumberAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).canOpen())
        return std::nullopt;
    return CaseNumber::parse(m_rows.at(row).caseNumber).caseNumber();
}

int QueueModel::rowOf(const QString &caseNumber) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).caseNumber == caseNumber)
            return row;
    }
    return -1;
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(row.caseNumber + u"  " + singleLine(row.subject));
    case Qt::ToolTipRole:
        if (!row.problems.isEmpty())
            return toolTipText(tr("This row is not as documented:") + u'\n' + row.problems.join(u'\n'));
        return toolTipText(singleLine(row.subject));
    case Qt::AccessibleTextRole:
        return accessibleText(index.row());
    case CaseNumberRole:
        return row.caseNumber;
    case SubjectRole:
        return singleLine(row.subject);
    case PriorityRole:
        return int(row.priority);
    case PriorityTextRole:
        return row.priority == Priority::Unknown ? tr("Priority unknown")
                                                 : tr("%1 priority").arg(priorityName(row.priority));
    case ProductAreaRole:
        return row.resourceAffected.isEmpty() ? tr("No product area")
                                              : platformDisplayName(row.resourceAffected);
    case CreatedRole:
        return row.created;
    case AgeTextRole:
        return ageText(row.created, now());
    case OpenInTabRole:
        return m_openCases.contains(row.caseNumber);
    case MarkedRole:
        return !row.problems.isEmpty();
    case ProblemsRole:
        return row.problems;
    case CanOpenRole:
        return row.canOpen();
    case UnreadRole:
        return isUnread(row.caseNumber);
    case Qt::FontRole:
        if (isUnread(row.caseNumber)) {
            // Only the weight: the view's font fills in the rest.
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QHash<int, QByteArray> QueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CaseNumberRole, "caseNumber");
    names.insert(SubjectRole, "subject");
    names.insert(PriorityRole, "priority");
    names.insert(PriorityTextRole, "priorityText");
    names.insert(ProductAreaRole, "productArea");
    names.insert(CreatedRole, "created");
    names.insert(AgeTextRole, "ageText");
    names.insert(OpenInTabRole, "openInTab");
    names.insert(MarkedRole, "marked");
    names.insert(ProblemsRole, "problems");
    names.insert(CanOpenRole, "canOpen");
    return names;
}

QString QueueModel::accessibleText(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QModelIndex at = index(row);
    const TicketSummary &ticket = m_rows.at(row);
    QStringList parts;
    if (m_newCases.contains(ticket.caseNumber))
        parts << tr("New.");
    else if (m_unreadCases.contains(ticket.caseNumber))
        parts << tr("Unread changes.");
    parts << withFullStop(at.data(PriorityTextRole).toString());
    const QString caseText = ticket.caseNumber.isEmpty() ? tr("No case number") : ticket.caseNumber;
    parts << withFullStop(caseText + u": " + singleLine(ticket.subject));
    parts << withFullStop(at.data(ProductAreaRole).toString());
    if (ticket.created.isValid())
        parts << withFullStop(tr("Opened %1").arg(relativeAgeText(ticket.created, now())));
    if (m_openCases.contains(ticket.caseNumber))
        parts << tr("Open in a tab.");
    if (!ticket.problems.isEmpty())
        parts << withFullStop(tr("Not as documented: %1").arg(ticket.problems.join(QStringLiteral("; "))));
    return parts.join(u' ');
}

QString QueueModel::ageText(const QDateTime &created, const QDateTime &now)
{
    if (!created.isValid() || !now.isValid())
        return {};
    const qint64 seconds = created.secsTo(now);
    if (seconds < 60) // also a date a little in the future (clock skew)
        return AgeTr::tr("just now");
    if (seconds < 3600)
        return AgeTr::tr("%n minute(s)", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return AgeTr::tr("%n hour(s)", nullptr, int(seconds / 3600));
    return AgeTr::tr("%n day(s)", nullptr, int(std::min<qint64>(seconds / 86400, 10'000'000)));
}

bool QueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Loaded && m_reply.isNull() && !m_pagingStopped &&
           m_loadedPages < m_totalPages;
}

void QueueModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        start(m_loadedPages + 1, Lane::User);
}

void QueueModel::start(int page, Lane lane)
{
    abortRequest();
    TicketListQuery query = m_query;
    query.page = page;
    m_requestedPage = page;
    m_reply = m_client->fetchTickets(query, lane);
    connect(m_reply, &ApiReply::finished, this, &QueueModel::onFinished);
}

void QueueModel::abortRequest()
{
    // Deleting an unfinished reply withdraws it: no finished(), and the
    // request is dropped unless someone else waits for the same answer.
    delete m_reply.data();
    m_reply = nullptr;
}

void QueueModel::onFinished()
{
    TicketListReply *reply = m_reply.data();
    if (!reply || sender() != reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const TicketListResult &result = reply->result();
    if (m_requestedPage == 1)
        takeFirstPage(result);
    else
        takeLaterPage(m_requestedPage, result);
}

void QueueModel::takeFirstPage(const TicketListResult &result)
{
    // Everything canFetchMore() reads is set before the model's signals go
    // out: a view (or QAbstractItemModelTester) may call fetchMore() from them.
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_rows = result.ok() ? result.list.tickets : QList<TicketSummary>{};
    m_loadedPages = result.ok() ? 1 : 0;
    m_totalPages = result.list.totalPages;
    m_totalCount = std::max<qint64>(result.list.totalTickets, m_rows.size());
    const QString why = result.ok() ? contradiction(1, result.list) : QString();
    m_pagingStopped = !why.isEmpty();
    m_pagingMessage = why;
    m_pageError = {};
    if (!result.ok())
        m_state = result.error.kind() == ErrorKind::NoApiKey ? State::NoKey : State::Error;
    else
        m_state = m_rows.isEmpty() ? State::Empty : State::Loaded;
    m_error = result.error;
    endResetModel();
    Q_EMIT stateChanged();
    if (result.ok())
        Q_EMIT reloaded();
}

void QueueModel::takeLaterPage(int page, const TicketListResult &result)
{
    if (!result.ok()) {
        stopPaging(tr("Page %1 could not be loaded: %2").arg(page).arg(result.error.message()), result.error);
    } else if (result.list.tickets.isEmpty()) {
        stopPaging(
            tr("Page %1 of %2 came back empty; no more tickets are loaded.").arg(page).arg(m_totalPages));
    } else if (result.list.page != 0 && result.list.page != page) {
        // Its rows are another page's: listing them would show tickets twice.
        stopPaging(contradiction(page, result.list));
    } else {
        const int first = int(m_rows.size());
        const int added = int(result.list.tickets.size());
        m_loadedPages = page;
        m_totalPages = result.list.totalPages;
        m_totalCount = std::max<qint64>(result.list.totalTickets, first + added);
        m_pagingMessage = contradiction(page, result.list);
        m_pagingStopped = !m_pagingMessage.isEmpty();
        const QScopedValueRollback changing(m_changing, true);
        beginInsertRows({}, first, first + added - 1);
        m_rows.append(result.list.tickets);
        endInsertRows();
        Q_EMIT stateChanged(); // the count may have changed, or paging stopped
    }
    Q_EMIT pageFinished(page);
}

QString QueueModel::contradiction(int page, const TicketList &list) const
{
    if (list.page != 0 && list.page != page)
        return tr("The server answered page %1 when page %2 was asked for; no more tickets are loaded.")
            .arg(list.page)
            .arg(page);
    if (!list.tickets.isEmpty() && list.totalPages < page)
        return tr("The server sent page %1 of %2 pages; no more tickets are loaded.")
            .arg(page)
            .arg(list.totalPages);
    if (list.limit > 0 && list.tickets.size() > list.limit)
        return tr("The server sent %1 tickets on a page of %2; no more tickets are loaded.")
            .arg(list.tickets.size())
            .arg(list.limit);
    if (list.limit > 0 && list.totalTickets >= 0 &&
        (list.totalTickets + list.limit - 1) / list.limit != qint64(list.totalPages))
        return tr("The server counted %1 tickets in %2 pages of %3; no more tickets are loaded.")
            .arg(list.totalTickets)
            .arg(list.totalPages)
            .arg(list.limit);
    return {};
}

void QueueModel::stopPaging(const QString &message, const Error &error)
{
    m_pagingStopped = true;
    m_pagingMessage = message;
    m_pageError = error;
    Q_EMIT stateChanged();
}

void QueueModel::setState(State state, const Error &error)
{
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged();
}

} // namespace CaseLens::Gui
