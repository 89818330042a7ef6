#pragma once

#include "core/ticket.h"

#include <QHash>
#include <QUrl>
#include <QWidget>

class QLabel;
class QTreeView;

namespace CaseLens::Gui {

class JsonTreeModel;
class SafeTextBrowser;

// The Overview tab: the sanitised description, and the ticket's other parts
// (notified users, documentation, GitHub issue, survey, attachment info) as a
// tree, whatever their JSON shape.
class OverviewTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewTab)

public:
    explicit OverviewTab(QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket);
    // The signed-in user's token: the details say "You" for it.
    void setYouToken(const QString &token);

    [[nodiscard]] SafeTextBrowser *descriptionBrowser() const { return m_description; }
    [[nodiscard]] JsonTreeModel *detailsModel() const { return m_detailsModel; }
    [[nodiscard]] QTreeView *detailsView() const { return m_details; }

Q_SIGNALS:
    void httpsLinkActivated(const QUrl &url);

private:
    QLabel *m_descriptionTitle;
    SafeTextBrowser *m_description;
    JsonTreeModel *m_detailsModel;
    QTreeView *m_details;
    QHash<QString, QString> m_names; // token -> name, from the requester and collaborators
    QString m_youToken;
};

} // namespace CaseLens::Gui
