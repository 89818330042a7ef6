#pragma once

#include "core/ticket.h"

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStackedWidget;
class QTimer;

namespace CaseLens::Gui {

class NoteDelegate;
class NotesModel;

// The Notes tab: the conversation as a list of rich-text notes with a filter
// box and an oldest/newest first choice. A new ticket opens at its newest note.
class NotesTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesTab)

public:
    explicit NotesTab(QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket);

    [[nodiscard]] NotesModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    [[nodiscard]] QListView *listView() const { return m_list; }

    // The order choice (newest first unless the agent picked otherwise),
    // remembered across tickets and restarts: QSettings "notes/newestFirst".
    void setNewestFirst(bool newestFirst);
    [[nodiscard]] bool newestFirst() const;
    void setFilterText(const QString &text); // applies at once (the box waits for typing to pause)

Q_SIGNALS:
    void httpsLinkActivated(const QUrl &url);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void applySortOrder();
    void rememberSortOrder();
    void showNewestNote();
    void scrollToCurrent();
    void updateState();
    void copySelectedNotes();

    NotesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    NoteDelegate *m_delegate;
    QLineEdit *m_filter;
    QComboBox *m_order;
    QLabel *m_count;
    QListView *m_list;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    QTimer *m_filterTimer;
    bool m_scrollPending = false; // the newest note is to be scrolled to when shown
    int m_scrollAttempts = 0;
};

} // namespace CaseLens::Gui
