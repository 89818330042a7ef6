#pragma once

#include "core/ticket.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QToolButton;

namespace CaseLens::Gui {

class Badge;
class ElidedLabel;

// The top of the ticket view, answering "what is this and how urgent": case
// number (with a copy button), subject, status and priority badges, dates,
// completion, views, pin, product area, and the parser's warnings (a button
// that shows the list; hidden when there are none). Fields the parser could
// not read are marked with ⚠ and a tooltip.
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

Q_SIGNALS:
    void resolveRequested();

private:
    void setWarningsVisible(bool visible);
    [[nodiscard]] QWidget *makeCallout();

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
};

} // namespace CaseLens::Gui
