#pragma once

#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace CaseLens::Gui {

// A sortable table over a model, with an empty state. Items with LinkUrlRole
// are links (https only). Used for the Collaborators and Files tabs.
class TableTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableTab)

public:
    // model: the source model (not owned); sortRole: the model's sort role.
    explicit TableTab(QAbstractItemModel *model, int sortRole, const QString &emptyText,
                      const QString &accessibleName, QWidget *parent = nullptr);

    // Call after the source model changed: shows the table or the empty state.
    void refresh();

    [[nodiscard]] QTableView *tableView() const { return m_table; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    [[nodiscard]] bool isShowingEmptyState() const;

Q_SIGNALS:
    void httpsLinkActivated(const QUrl &url);

private:
    QAbstractItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QStackedWidget *m_stack;
};

} // namespace CaseLens::Gui
