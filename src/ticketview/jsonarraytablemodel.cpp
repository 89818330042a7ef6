#include "ticketview/jsonarraytablemodel.h"

#include "ticketview/viewhelpers.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace CaseLens::Gui {
namespace {

// Names first, internal ids last: people read the leftmost columns.
int keyRank(const QString &key)
{
    const QString k = key.toLower();
    if (k == u"fullname" || k == u"name" || k == u"title" || k == u"filename")
        return 0;
    if (k == u"email" || k == u"role" || k == u"url")
        return 1;
    if (k == u"usertoken" || k == u"token" || k == u"id")
        return 3;
    return 2;
}

} // namespace

JsonArrayTableModel::JsonArrayTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void JsonArrayTableModel::setArray(const QJsonArray &array)
{
    beginResetModel();
    m_array = array;
    m_keys.clear();
    m_valueColumn = -1;
    QSet<QString> seen;
    bool hasNonObject = false;
    for (const QJsonValue &entry : m_array) {
        if (!entry.isObject()) {
            hasNonObject = true;
            continue;
        }
        const QJsonObject object = entry.toObject();
        for (auto it = object.constBegin(); it != object.constEnd() && m_keys.size() < MaxColumns - 1; ++it) {
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                m_keys.append(it.key());
            }
        }
    }
    std::stable_sort(m_keys.begin(), m_keys.end(),
                     [](const QString &a, const QString &b) { return keyRank(a) < keyRank(b); });
    if (hasNonObject)
        m_valueColumn = int(m_keys.size());
    endResetModel();
}

int JsonArrayTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_array.size());
}

int JsonArrayTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_keys.size()) + (m_valueColumn >= 0 ? 1 : 0);
}

QJsonValue JsonArrayTableModel::cell(int row, int column) const
{
    const QJsonValue entry = m_array.at(row);
    if (column == m_valueColumn)
        return entry.isObject() ? QJsonValue(QJsonValue::Undefined) : entry;
    if (!entry.isObject() || column < 0 || column >= m_keys.size())
        return QJsonValue(QJsonValue::Undefined);
    return entry.toObject().value(m_keys.at(column));
}

QVariant JsonArrayTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonValue value = cell(index.row(), index.column());
    const bool you = isYou(index.column(), value);
    switch (role) {
    case Qt::DisplayRole:
        return you ? tr("You") : singleLine(jsonValueText(value, 300));
    case Qt::ToolTipRole: {
        const QString text = jsonValueText(value, 2000);
        if (you)
            return toolTipText(tr("You (%1)").arg(text));
        return text.size() > 40 ? toolTipText(text) : QVariant();
    }
    case LinkUrlRole: {
        if (!value.isString())
            return {};
        const QUrl url = httpsUrlFromText(value.toString());
        return url.isValid() ? QVariant(url) : QVariant();
    }
    case SortRole:
        if (value.isDouble())
            return value.toDouble();
        return jsonValueText(value, 300).toCaseFolded();
    default:
        break;
    }
    return {};
}

void JsonArrayTableModel::setYouToken(const QString &token)
{
    const QString folded = token.trimmed().toCaseFolded();
    if (folded == m_youToken)
        return;
    m_youToken = folded;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool JsonArrayTableModel::isYou(int column, const QJsonValue &value) const
{
    if (m_youToken.isEmpty() || !value.isString() || column < 0 || column >= m_keys.size())
        return false;
    const QString key = m_keys.at(column).toLower();
    return (key == u"usertoken" || key == u"token") &&
           value.toString().trimmed().toCaseFolded() == m_youToken;
}

QVariant JsonArrayTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        if (section == m_valueColumn)
            return tr("Value");
        if (section >= 0 && section < m_keys.size())
            return role == Qt::DisplayRole ? singleLine(shortened(m_keys.at(section), 60))
                                           : toolTipText(m_keys.at(section));
        return {};
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace CaseLens::Gui
