#pragma once

#include "core/apireply.h"
#include "core/casenumber.h"
#include "core/error.h"
#include "core/ticketlist.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QSet>

#include <optional>

namespace CaseLens {
class ApiClient;
}

namespace CaseLens::Gui {

// The key owner's open or closed tickets (one TicketListQuery), as a list
// model that loads page by page: page 1 on reload(), later pages when a view
// asks (canFetchMore/fetchMore, as QAbstractItemView does when its last row
// scrolls into sight). At most one request is outstanding, a page is never
// fetched twice, and paging stops at TotalPages, at an empty page, at a page
// that cannot be read (the pages already shown stay), or at paging fields
// that contradict each other (pagingMessage() says why).
class QueueModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)

public:
    enum Role {
        CaseNumberRole = Qt::UserRole + 1, // QString, as sent
        SubjectRole,                       // QString, one line
        PriorityRole,                      // int (CaseLens::Priority)
        PriorityTextRole,                  // "High priority", "Priority unknown"
        ProductAreaRole,                   // display name: "Winners"
        CreatedRole,                       // QDateTime (UTC), invalid when unreadable
        AgeTextRole,                       // "3 days"
        OpenInTabRole,                     // bool: the ticket is open in a tab
        MarkedRole,                        // bool: the row is not as documented
        ProblemsRole,                      // QStringList: why it is marked
        CanOpenRole,                       // bool: the case number is well formed
        UnreadRole,                        // bool: new, or changed since the agent looked (bold)
    };
    Q_ENUM(Role)

    enum class State {
        Idle,    // nothing asked yet
        Loading, // page 1 is on its way
        Loaded,  // at least one row
        Empty,   // page 1 had no rows
        Error,   // page 1 failed: error()
        NoKey,   // there is no API key to ask with
    };
    Q_ENUM(State)

    explicit QueueModel(ApiClient *client, QObject *parent = nullptr);
    ~QueueModel() override;

    // The list asked for (its page is ignored: the model pages itself). A
    // different query aborts the outstanding request and reloads.
    [[nodiscard]] const TicketListQuery &query() const { return m_query; }
    void setQuery(const TicketListQuery &query);

    // Clears the rows and asks for page 1.
    void reload();
    // Asks for page 1 again, keeping the rows on show until it arrives (then
    // they are replaced and reloaded() lets a view select the same case).
    // lane: Background when no one asked (the watcher found a new ticket).
    void refresh(Lane lane = Lane::User);
    // After a failure: page 1 again when page 1 failed, else the page that
    // failed (the rows shown stay).
    void retry();

    // Without a key nothing is asked; with one, a model that has not loaded
    // (or stopped for want of a key) loads.
    void setKeyAvailable(bool available);
    [[nodiscard]] bool keyAvailable() const { return m_keyAvailable; }

    // Case numbers open in tabs: their rows are marked (OpenInTabRole).
    void setOpenCases(const QSet<QString> &caseNumbers);

    // Tickets with changes the agent has not seen (issue 14): bold rows
    // (Qt::FontRole, UnreadRole), "Unread changes." for screen readers. By
    // case number, so the marks stay on rows still listed after a refresh
    // or with the next page.
    void setUnreadCases(const QSet<QString> &caseNumbers);
    [[nodiscard]] const QSet<QString> &unreadCases() const { return m_unreadCases; }
    // Tickets new in the queue (not opened yet): bold as well, "New." for
    // screen readers.
    void setNewCases(const QSet<QString> &caseNumbers);
    [[nodiscard]] const QSet<QString> &newCases() const { return m_newCases; }

    // The time ages are counted to; invalid (the default): the current time.
    void setReferenceTime(const QDateTime &now);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Error &error() const { return m_error; } // for State::Error
    [[nodiscard]] qint64 totalCount() const { return m_totalCount; }
    [[nodiscard]] int loadedPages() const { return m_loadedPages; }
    [[nodiscard]] int totalPages() const { return m_totalPages; }
    [[nodiscard]] bool isFetching() const { return !m_reply.isNull(); }
    // Why paging stopped before TotalPages (empty or unreadable page,
    // contradictory paging); empty while paging goes on or ended normally.
    [[nodiscard]] QString pagingMessage() const { return m_pagingMessage; }
    // The error of a later page that failed (Retry asks for it again).
    [[nodiscard]] const Error &pageError() const { return m_pageError; }

    [[nodiscard]] std::optional<CaseNumber> caseNumberAt(int row) const;
    [[nodiscard]] int rowOf(const QString &caseNumber) const; // -1 when not listed

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // One row as a sentence, for screen readers:
    // "High priority. HYXTNJV: Winners list export fails. Winners. Opened 3 days ago."
    [[nodiscard]] QString accessibleText(int row) const;
    // "3 days", "5 hours", "12 minutes", "just now".
    [[nodiscard]] static QString ageText(const QDateTime &created, const QDateTime &now);

Q_SIGNALS:
    void stateChanged();
    // Page 1 arrived after refresh() or reload(): rows were replaced.
    void reloaded();
    // A later page arrived (or failed, or stopped paging).
    void pageFinished(int page);

private:
    void start(int page, Lane lane);
    void abortRequest();
    void onFinished();
    void takeFirstPage(const TicketListResult &result);
    void takeLaterPage(int page, const TicketListResult &result);
    [[nodiscard]] QString contradiction(int page, const TicketList &list) const;
    void setState(State state, const Error &error = {});
    void stopPaging(const QString &message, const Error &error = {});
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] bool isUnread(const QString &caseNumber) const;
    void replaceMarks(QSet<QString> &marks, const QSet<QString> &caseNumbers);

    ApiClient *m_client;
    TicketListQuery m_query;
    QPointer<TicketListReply> m_reply;
    int m_requestedPage = 0;
    QList<TicketSummary> m_rows;
    QSet<QString> m_openCases;
    QSet<QString> m_unreadCases;
    QSet<QString> m_newCases;
    QDateTime m_referenceTime;
    State m_state = State::Idle;
    Error m_error;
    Error m_pageError;
    QString m_pagingMessage;
    qint64 m_totalCount = 0;
    int m_loadedPages = 0;
    int m_totalPages = 0;
    bool m_keyAvailable = true;
    bool m_pagingStopped = false;
    // While rows change: a view or QAbstractItemModelTester may call
    // fetchMore() from the model's own signals; it waits until they are out.
    bool m_changing = false;
};

} // namespace CaseLens::Gui
