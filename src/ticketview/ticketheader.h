#pragma once

#include "core/ticket.h"

#include <QDateTime>
#include <QHash>
#include <QUrl>
#include <QWidget>

class QBoxLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace CaseLens::Gui {

class Badge;
class ElidedLabel;

// The top of the ticket view, answering "what is this and how urgent": case
// number (with a copy button), subject, status and priority badges, dates,
// completion, views, pin, product area, and the parser's warnings (a button
// that shows the list; hidden when there are none). Fields the parser could
// not read are marked with ⚠ and a tooltip. A secondary row answers "who
// asked, what happened last, how fresh is this": the requester (a link to the
// Requester tab), the age and the last note, and when the data was loaded; a
// "Long open" flag and chips for a survey rating and a linked GitHub issue sit
// with the facts. On a short window the header collapses to one line.
class TicketHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketHeader)

public:
    explicit TicketHeader(QWidget *parent = nullptr);

    // now: the time relative ages are computed against (tests pass a fixed one).
    void setTicket(const Ticket &ticket, const QDateTime &now = QDateTime::currentDateTimeUtc());

    void copyCaseNumber();
    // The Resolve… button shows for open tickets; the window enables it
    // when resolving is possible now (not while the ticket loads).
    void setResolveEnabled(bool enabled);

    // A quiet line under the title about what changed since the agent last
    // looked ("Closed by Maria Lopez since you last looked"); empty hides it.
    void setCallout(const QString &text);
    [[nodiscard]] QString callout() const;
    // When the data shown was loaded ("Updated 2 minutes ago"); hidden while
    // invalid. The page calls it on each load, then updateAges() each minute.
    void setUpdatedAt(const QDateTime &loadedAt, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Recomputes the texts that age (last activity, Long open, Updated).
    void updateAges(const QDateTime &now = QDateTime::currentDateTimeUtc());

    // One line: case, subject, status, priority and the actions; the rest hidden.
    void setCompact(bool compact);
    [[nodiscard]] bool isCompact() const { return m_compact; }

Q_SIGNALS:
    void resolveRequested();
    // The requester's name was clicked (or Enter pressed on it).
    void requesterActivated();
    // The GitHub chip was clicked: an https URL only.
    void httpsLinkActivated(const QUrl &url);

private:
    void setWarningsVisible(bool visible);
    [[nodiscard]] QWidget *makeCallout();
    void setShown(QWidget *widget, bool shown);
    void updateChips();
    void updateRequester();

    Ticket m_ticket; // what the Copy menu copies
    QString m_caseNumberText;
    QLabel *m_caseNumber;
    QToolButton *m_copy;
    QToolButton *m_resolve;
    ElidedLabel *m_subject;
    QToolButton *m_warningsButton;
    QPlainTextEdit *m_warningsList;
    Badge *m_status;
    Badge *m_priority;
    QLabel *m_area;
    QLabel *m_views;
    QLabel *m_pinned;
    QLabel *m_created;
    QLabel *m_closedTitle;
    QLabel *m_closed;
    QProgressBar *m_completion;
    QLabel *m_completionTitle;
    QWidget *m_callout = nullptr; // icon + text, hidden while empty
    QLabel *m_calloutText = nullptr;
    QLabel *m_createdTitle;
    Badge *m_longOpen;
    Badge *m_survey;
    QToolButton *m_gitHub;
    QPushButton *m_requester;
    QLabel *m_activity;
    QLabel *m_updated;
    QBoxLayout *m_titleRow;
    QBoxLayout *m_factsRow;

    QUrl m_gitHubUrl;
    QDateTime m_loadedAt;
    bool m_compact = false;
    // Whether each widget the compact mode hides would show in the full header.
    QHash<QWidget *, bool> m_wanted;
};

} // namespace CaseLens::Gui
