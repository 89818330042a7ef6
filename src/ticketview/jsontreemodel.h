#pragma once

#include "ticketview/titledcolumns.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace CaseLens::Gui {

// JSON of any shape as a two-column tree (Field, Value): objects as key/value
// rows, arrays as numbered rows, scalars as text. The top level is a list of
// named sections ("Survey", "GitHub issue", ...), each with its value and the
// parser warnings about it. https strings carry LinkUrlRole. Hostile sizes are
// cut (depth and node limits) so the tree stays quick to build and show.
// Known keys read as words ("Link" for Url), ISO dates as local dates, byte
// counts as sizes and user tokens as people ("Unknown user (9f1e2d3c…)");
// the tooltip keeps what was sent.
class JsonTreeModel final : public TitledColumns<QAbstractItemModel>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    struct Section
    {
        QString title;
        QJsonValue value;     // Undefined or Null: "Not provided"
        QStringList warnings; // shown with a warning icon and in the tooltip
    };

    static constexpr int MaxDepth = 16;
    static constexpr int MaxNodes = 5000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setSections(const QList<Section> &sections);
    // Who user tokens are (tokenKey() -> name) and the signed-in user's
    // token ("You"); applies to the tree shown and the next ones.
    void setPeople(const QHash<QString, QString> &namesByKey, const QString &youToken);

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant columnTitle(int section) const override;

    struct Node;
    void build(Node *node, const QJsonValue &value, int depth);
    static void presentScalar(Node *node, const QJsonValue &value);
    void emitValuesChanged(const Node *node);
    [[nodiscard]] Node *nodeFor(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    int m_nodeCount = 0;
    QHash<QString, QString> m_names;
    QString m_youKey;
};

} // namespace CaseLens::Gui
