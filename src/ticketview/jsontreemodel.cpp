#include "ticketview/jsontreemodel.h"

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
    QString key;
    QString valueText;
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
            build(node->addChild(singleLine(shortened(it.key(), 100))), it.value(), depth + 1);
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
    node->valueText = jsonValueText(value, 2000);
    if (value.isNull())
        node->valueText = tr("(null)");
    if (value.isString())
        node->url = httpsUrlFromText(value.toString());
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
        return singleLine(shortened(node->valueText, 500));
    case Qt::AccessibleDescriptionRole:
        if (index.column() == KeyColumn && !node->warnings.isEmpty())
            return node->warnings.join(u'\n');
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (index.column() == ValueColumn && node->valueText.size() > 60)
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
