#pragma once

#include "core/ticket.h"

#include <QSet>
#include <QUrl>
#include <QWidget>

#include <bitset>

class QTabWidget;
class QTimer;

namespace CaseLens {
class ApiClient;
}

namespace CaseLens::Gui {

class FilesModel;
class FilesTab;
class JsonArrayTableModel;
class NotesTab;
class OverviewTab;
class RawTab;
class RequesterTab;
class StatisticsTab;
class TableTab;
class TicketHeader;

// Shows one ticket: a header (what is it, how urgent) over tabs Overview,
// Notes, Statistics, Collaborators, Files, Requester and Raw. It only
// displays a Ticket: no JSON from the network, no requests, and it never opens
// links itself — it emits httpsLinkActivated() and the window decides.
class TicketView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketView)

public:
    enum Tab {
        OverviewTabIndex,
        NotesTabIndex,
        StatisticsTabIndex,
        CollaboratorsTabIndex,
        FilesTabIndex,
        RequesterTabIndex,
        RawTabIndex,
        TabCount
    };

    explicit TicketView(QWidget *parent = nullptr);

    // Replaces the content; fast even for 5,000 notes / 20,000 statistics
    // (rich text and the raw text are laid out only when shown).
    void setTicket(const CaseLens::Ticket &ticket);
    [[nodiscard]] const CaseLens::Ticket &ticket() const;
    [[nodiscard]] TicketHeader *header() const { return m_header; }

    [[nodiscard]] int tabCount() const;
    // Ctrl+1..7 from the main window: the tab, with the keyboard in its
    // content (the notes list, the table, ...). A refresh that keeps the tab
    // passes KeepFocus, so that it takes nothing from where the agent types.
    enum class TabFocus { MoveIntoContent, KeepFocus };
    void showTab(int index, TabFocus focus = TabFocus::MoveIntoContent);
    [[nodiscard]] QString tabTitle(int index) const; // e.g. "Notes (12)"
    [[nodiscard]] int currentTab() const;
    // The signed-in user's token (from the account's profile): Statistics
    // and Collaborators show it as "You". Empty while unknown.
    void setYouToken(const QString &token);
    // For the Files tab's Save As… (plain requests through the client's
    // network, with its TLS trust; never the API key).
    void setApiClient(ApiClient *client);

    // What is new since the agent last looked (issue 14): the Notes tab's
    // title says "Notes (62 · 2 new)"; 0 gives the usual "Notes (62)".
    void setNewNotesCount(int count);
    [[nodiscard]] int newNotesCount() const { return m_newNotes; }
    // Marks those notes "New" in the Notes tab and sets the count from the
    // ones this ticket has; an empty set clears both.
    void setNewNoteIds(const QSet<QString> &ids);
    // Filled with this ticket's notes first (the tab is otherwise filled
    // when shown, or shortly after setTicket()).
    [[nodiscard]] NotesTab *notesTab();
    // Below this height the header collapses to one line.
    static constexpr int CompactHeaderBelowHeight = 560;

Q_SIGNALS:
    // Only https URLs (and mailto), after a user click.
    void httpsLinkActivated(const QUrl &url);
    // The Notes tab is in front of the agent: it became current in a visible
    // view, or the view became visible with it current (its notes are seen).
    void notesViewed();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] QString notesTabTitle() const;
    void forwardLink(const QUrl &url);
    void updateTabTitles();
    void focusTabContent(int index);
    void onCurrentTabChanged(int index);
    void fillTab(int index);
    void fillNextTab();

    Ticket m_ticket;
    TicketHeader *m_header;
    QTabWidget *m_tabs;
    OverviewTab *m_overview;
    NotesTab *m_notes;
    StatisticsTab *m_statistics;
    JsonArrayTableModel *m_collaboratorsModel;
    TableTab *m_collaborators;
    FilesModel *m_filesModel;
    FilesTab *m_files;
    RequesterTab *m_requester;
    RawTab *m_raw;
    QTimer *m_fillTimer;              // the next tab to fill, after the first paint
    std::bitset<TabCount> m_unfilled; // tabs still showing the previous ticket
    int m_newNotes = 0;
};

} // namespace CaseLens::Gui
