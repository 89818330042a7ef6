#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QStringList>

namespace CaseLens::Gui {

// A JSON array of undocumented shape as a table: one row per entry, one column
// per key any object entry carries (in order of first appearance); entries
// that are not objects are shown in a single "Value" column. https strings
// carry LinkUrlRole. Used for Collaborators and Documentation.
class JsonArrayTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonArrayTableModel)

public:
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as double, everything else as case-folded text
    };

    // Hostile data with thousands of distinct keys is cut to this many columns.
    static constexpr int MaxColumns = 64;

    explicit JsonArrayTableModel(QObject *parent = nullptr);

    void setArray(const QJsonArray &array);
    // The signed-in user's token: a UserToken/Token cell holding it reads
    // "You" (the token stays in the tooltip). Empty: nobody.
    void setYouToken(const QString &token);
    [[nodiscard]] const QJsonArray &array() const { return m_array; }
    [[nodiscard]] QStringList columnKeys() const { return m_keys; }
    [[nodiscard]] bool hasValueColumn() const { return m_valueColumn >= 0; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] bool isYou(int column, const QJsonValue &value) const;
    [[nodiscard]] QJsonValue cell(int row, int column) const;

    QJsonArray m_array;
    QStringList m_keys;     // object keys, one per column before the value column
    int m_valueColumn = -1; // the "Value" column for non-object entries, if any
    QString m_youToken;     // case-folded
};

} // namespace CaseLens::Gui
