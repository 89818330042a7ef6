#include "ticketview/jsontreemodel.h"

#include "ticketview/fieldtext.h"
#include "ticketview/viewhelpers.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QJsonArray>
#include <QJsonObject>
#include <QStyle>

namespace CaseLens::Gui {

struct JsonTreeModel::Node
{
    QString key;          // as shown: a known key's label, else the key as sent
    QString name;         // the key as sent, for object members
    QString valueText;    // as shown
    QString sentValue;    // the value as sent, when valueText says it otherwise
    QString token;        // a user token: shown as who it is (personText)
    QUrl url;             // https link for string leaves
    QStringList warnings; // sections only
    bool missing = false; // a section without a value
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *addChild(QString childKey)
    {
        auto child = std::make_unique<Node>();
        child->key = std::move(childKey);
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

JsonTreeModel::JsonTreeModel(QObject *parent)
    : TitledColumns(parent)
    , m_root(std::make_unique<Node>())
{}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setSections(const QList<Section> &sections)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_nodeCount = 0;
    for (const Section &section : sections) {
        Node *node = m_root->addChild(section.title);
        node->warnings = section.warnings;
        if (section.value.isUndefined() || section.value.isNull()) {
            node->missing = true;
            node->valueText = tr("Not provided");
            continue;
        }
        build(node, section.value, 0);
    }
    endResetModel();
}

void JsonTreeModel::build(Node *node, const QJsonValue &value, int depth)
{
    ++m_nodeCount;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        node->valueText = object.isEmpty() ? tr("(empty)") : tr("%Ln field(s)", nullptr, int(object.size()));
        if (depth >= MaxDepth) {
            node->valueText = jsonValueText(value, 200);
            return;
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (m_nodeCount >= MaxNodes) {
                node->addChild(QString(QChar(0x2026)))->valueText = tr("(more not shown)");
                return;
            }
            const QString label = fieldLabel(it.key());
            Node *child = node->addChild(label.isEmpty() ? singleLine(shortened(it.key(), 100)) : label);
            child->name = it.key();
            build(child, it.value(), depth + 1);
        }
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        node->valueText = array.isEmpty() ? tr("(empty)") : tr("%Ln item(s)", nullptr, int(array.size()));
        if (depth >= MaxDepth) {
            node->valueText = jsonValueText(value, 200);
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (m_nodeCount >= MaxNodes) {
                node->addChild(QString(QChar(0x2026)))->valueText = tr("(more not shown)");
                return;
            }
            build(node->addChild(QString::number(i + 1)), array.at(i), depth + 1);
        }
        return;
    }
    presentScalar(node, value);
}

// A value as a person reads it; what was sent stays in the tooltip.
void JsonTreeModel::presentScalar(Node *node, const QJsonValue &value)
{
    node->valueText = jsonValueText(value, 2000);
    if (value.isNull()) {
        node->valueText = tr("(null)");
        return;
    }
    switch (fieldKind(node->name)) {
    case FieldKind::Token:
        if (value.isString() && !value.toString().trimmed().isEmpty()) {
            node->token = value.toString();
            node->sentValue = node->valueText;
            return;
        }
        break;
    case FieldKind::Size:
        if (const QString size = dataSizeText(value); !size.isEmpty()) {
            //: The tooltip of a size in the Overview tree, %1 the byte count as sent
            node->sentValue = tr("%1 bytes").arg(node->valueText);
            node->valueText = size;
            return;
        }
        break;
    case FieldKind::Plain:
        break;
    }
    if (!value.isString())
        return;
    if (const QString date = localDateText(value.toString()); !date.isEmpty()) {
        node->sentValue = node->valueText;
        node->valueText = date;
        return;
    }
    node->url = httpsUrlFromText(value.toString());
}

void JsonTreeModel::setPeople(const QHash<QString, QString> &namesByKey, const QString &youToken)
{
    m_names = namesByKey;
    m_youKey = tokenKey(youToken);
    emitValuesChanged(m_root.get());
}

void JsonTreeModel::emitValuesChanged(const Node *node)
{
    if (node->children.empty())
        return;
    const Node *first = node->children.front().get();
    const Node *last = node->children.back().get();
    Q_EMIT dataChanged(createIndex(first->row, ValueColumn, first), createIndex(last->row, ValueColumn, last),
                       {Qt::DisplayRole});
    for (const auto &child : node->children)
        emitValuesChanged(child.get());
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeFor(parent);
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = static_cast<Node *>(child.internalPointer());
    Node *parentNode = node->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const bool isSection = node->parent == m_root.get();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KeyColumn)
            return node->key; // warnings: the icon, the tooltip and the accessible description
        if (!node->token.isEmpty())
            return personText(node->token, m_names, m_youKey);
        return singleLine(shortened(node->valueText, 500));
    case Qt::AccessibleDescriptionRole:
        if (index.column() == KeyColumn && !node->warnings.isEmpty())
            return node->warnings.join(u'\n');
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (index.column() == KeyColumn && !node->name.isEmpty() && node->name != node->key)
            lines.append(node->name); // "Url" beside "Link": the name the data uses
        if (index.column() == ValueColumn && !node->sentValue.isEmpty())
            lines.append(node->sentValue);
        else if (index.column() == ValueColumn && node->valueText.size() > 60)
            lines.append(node->valueText);
        lines.append(node->warnings);
        return lines.isEmpty() ? QVariant() : QVariant(toolTipText(lines.join(u'\n')));
    }
    case Qt::DecorationRole:
        if (index.column() == KeyColumn && !node->warnings.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::FontRole:
        if (isSection && index.column() == KeyColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (node->missing && index.column() == ValueColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case LinkUrlRole:
        if (index.column() == ValueColumn && node->url.isValid())
            return node->url;
        return {};
    default:
        break;
    }
    return {};
}

QVariant JsonTreeModel::columnTitle(int section) const
{
    return section == KeyColumn ? tr("Field") : tr("Value");
}

} // namespace CaseLens::Gui
