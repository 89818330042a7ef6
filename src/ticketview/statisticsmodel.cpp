#include "ticketview/statisticsmodel.h"

#include "ticketview/fieldtext.h"
#include "ticketview/viewhelpers.h"

#include <QJsonObject>

#include <algorithm>
#include <numeric>

namespace CaseLens::Gui {
namespace {

// The first string value among keys (compared case-insensitively).
QString stringForKeys(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        for (const QStringView key : keys) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0 && it.value().isString()) {
                const QString value = it.value().toString().trimmed();
                if (!value.isEmpty())
                    return value;
            }
        }
    }
    return {};
}

} // namespace

StatisticsModel::StatisticsModel(QObject *parent)
    : TitledColumns(parent)
{}

QHash<QString, QString> StatisticsModel::namesByToken(const Ticket &ticket)
{
    QHash<QString, QString> names;
    for (const QJsonValue &entry : ticket.collaborators) {
        if (!entry.isObject())
            continue;
        const QJsonObject object = entry.toObject();
        const QString token = stringForKeys(object, {u"UserToken", u"Token"});
        QString name = stringForKeys(object, {u"FullName", u"Name"});
        if (name.isEmpty())
            name = stringForKeys(object, {u"Email"});
        if (!token.isEmpty() && !name.isEmpty())
            names.insert(tokenKey(token), name);
    }
    // The requester wins when a token appears twice.
    if (!ticket.requester.userToken.trimmed().isEmpty() && !ticket.requester.fullName.trimmed().isEmpty())
        names.insert(tokenKey(ticket.requester.userToken), ticket.requester.fullName.trimmed());
    return names;
}

void StatisticsModel::setTicket(const Ticket &ticket)
{
    beginResetModel();
    m_entries = ticket.statistics;
    m_names = namesByToken(ticket);
    m_requesterToken = tokenKey(ticket.requester.userToken);
    m_dateTexts.assign(size_t(m_entries.size()), std::nullopt);
    m_dateRanks.clear();
    m_localTime.clear(); // the user may have changed time zone since
    endResetModel();
}

void StatisticsModel::setYouToken(const QString &token)
{
    const QString key = tokenKey(token);
    if (key == m_youToken)
        return;
    m_youToken = key;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString StatisticsModel::whoText(const QString &token) const
{
    return personText(token, m_names, m_youToken);
}

int StatisticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int StatisticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const QString &StatisticsModel::dateText(int row) const
{
    std::optional<QString> &cached = m_dateTexts[size_t(row)];
    if (!cached)
        cached = m_localTime.shortText(m_entries.at(row).date);
    return *cached;
}

QDate StatisticsModel::localDate(int row) const
{
    const QDateTime &date = m_entries.at(row).date;
    return date.isValid() ? m_localTime.toLocal(date).date() : QDate();
}

int StatisticsModel::dateRank(int row) const
{
    if (m_dateRanks.size() != size_t(m_entries.size())) {
        std::vector<int> order(size_t(m_entries.size()));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [this](int a, int b) { return m_entries.at(a).date < m_entries.at(b).date; });
        m_dateRanks.assign(order.size(), 0);
        int rank = 0;
        for (size_t i = 0; i < order.size(); ++i) {
            if (i > 0 && m_entries.at(order[i - 1]).date < m_entries.at(order[i]).date)
                ++rank;
            m_dateRanks[size_t(order[i])] = rank;
        }
    }
    return m_dateRanks[size_t(row)];
}

QString StatisticsModel::filterText(int row) const
{
    const StatisticEntry &entry = m_entries.at(row);
    return dateText(row) + u'\n' + whoText(entry.userToken) + u'\n' + actionText(entry.action) + u'\n' +
           entry.action + u'\n' + entry.userToken;
}

QVariant StatisticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const StatisticEntry &entry = m_entries.at(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return dateText(row);
        case WhoColumn:
            return whoText(entry.userToken);
        case ActionColumn:
            return actionText(entry.action);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case DateColumn:
            return entry.date.isValid() ? toolTipText(entry.date.toString(Qt::ISODateWithMs)) : QVariant();
        case WhoColumn: {
            if (entry.userToken.isEmpty())
                return {};
            const QString key = tokenKey(entry.userToken);
            const auto it = m_names.constFind(key);
            QString text = entry.userToken;
            if (it != m_names.constEnd()) {
                const QString who = key == m_requesterToken ? tr("%1 (requester)").arg(*it)
                                                            : tr("%1 (collaborator)").arg(*it);
                text = who + u'\n' + entry.userToken;
            }
            return toolTipText(text);
        }
        case ActionColumn:
            return toolTipText(entry.action);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return entry.date;
        case WhoColumn:
            return whoText(entry.userToken).toCaseFolded();
        case ActionColumn:
            return actionText(entry.action).toCaseFolded();
        default:
            return {};
        }
    case FilterRole:
        return filterText(row);
    case TokenRole:
        return entry.userToken;
    case DateRole:
        return entry.date;
    default:
        break;
    }
    return {};
}

QVariant StatisticsModel::columnTitle(int section) const
{
    switch (section) {
    case DateColumn:
        return tr("Date");
    case WhoColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    default:
        break;
    }
    return {};
}

StatisticsProxyModel::StatisticsProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

bool StatisticsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const StatisticsModel *>(left.model());
    if (model && sortRole() == StatisticsModel::SortRole && left.column() == StatisticsModel::DateColumn &&
        right.column() == StatisticsModel::DateColumn && right.model() == model)
        return model->dateRank(left.row()) < model->dateRank(right.row());
    return QSortFilterProxyModel::lessThan(left, right);
}

void StatisticsProxyModel::setDayRange(const QDate &first, const QDate &last)
{
    const bool valid = first.isValid() && last.isValid();
    m_first = valid ? first : QDate();
    m_last = valid ? last : QDate();
    invalidateFilter();
}

bool StatisticsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_first.isValid()) {
        const auto *model = qobject_cast<const StatisticsModel *>(sourceModel());
        const QDate day = model ? model->localDate(sourceRow) : QDate();
        if (!day.isValid() || day < m_first || day > m_last)
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace CaseLens::Gui
