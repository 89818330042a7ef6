#pragma once

#include "core/casenumber.h"
#include "core/error.h"
#include "core/ticket.h"
#include "core/ticketlist.h"

#include <QObject>
#include <QPointer>

#include <any>
#include <chrono>

namespace CaseLens {

class ApiClient;

// Which queue a request waits in. A user's request (the agent pressed
// Enter, F5, Retry) always goes before a background one (a refresh nobody
// is waiting for): background requests start only when no user request is
// waiting.
enum class Lane { User, Background };

// Told to the caller while a request waits to be retried, so a UI can say
// "Server busy, retrying in 2 s (attempt 2 of 4)".
struct RetryNotice
{
    int attempt = 0; // the attempt about to be made, 2..maxAttempts
    int maxAttempts = 0;
    std::chrono::milliseconds delay{0};
    Error reason; // why the previous attempt failed

    [[nodiscard]] QString message() const;
};

// What an answer was read as: an error, or a value of the reply's type.
struct ParsedAnswer
{
    Error error;
    std::any value; // e.g. a TicketResult; empty when there is an error and no value
};

// One API request, as the caller sees it: the shape of QNetworkReply. The
// caller holds it, connects to its own signals, may abort() it, and reads
// its result once finished() was emitted. Every reply emits finished()
// exactly once (also when refused before sending, aborted, or failed), and
// never before the call that made it has returned.
//
// The client is the parent of every reply; delete a reply (deleteLater())
// once its result is read. Deleting an unfinished reply withdraws it
// quietly: no signal, and its request is dropped when nobody else waits
// for the same answer.
class ApiReply : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReply)

public:
    ~ApiReply() override;

    [[nodiscard]] QString path() const { return m_path; } // "/tickets/fetchSingleTicket"
    [[nodiscard]] Lane lane() const { return m_lane; }
    [[nodiscard]] bool isWrite() const { return m_isWrite; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] Error error() const { return m_error; }
    [[nodiscard]] bool ok() const { return m_finished && !m_error.isError(); }
    [[nodiscard]] int attempts() const { return m_attempts; }

    // Stops waiting: finished() follows at once with a Cancelled error. A
    // request other replies wait for goes on for them.
    void abort();

Q_SIGNALS:
    void started();                                     // on the wire (again, for a retry)
    void retrying(const CaseLens::RetryNotice &notice); // a retry is coming after notice.delay
    void finished();

protected:
    ApiReply(ApiClient *client, QString path, Lane lane, bool isWrite);

    // Reads the value out of the answer; error() is already set.
    virtual void takeValue(const ParsedAnswer &answer) = 0;

private:
    friend class ApiClient;

    void finish(const ParsedAnswer &answer, int attempts);

    QPointer<ApiClient> m_client;
    QString m_path;
    Lane m_lane;
    bool m_isWrite;
    bool m_finished = false;
    int m_attempts = 0;
    Error m_error;
};

// The answer of POST /tickets/fetchSingleTicket.
class TicketReply final : public ApiReply
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketReply)

public:
    TicketReply(ApiClient *client, const CaseNumber &caseNumber, Lane lane);
    ~TicketReply() override;

    [[nodiscard]] const CaseNumber &caseNumber() const { return m_caseNumber; }
    // The ticket, or the error; valid once finished.
    [[nodiscard]] const TicketResult &result() const { return m_result; }

    // The parse for this endpoint's answers (pure; any thread).
    [[nodiscard]] static ParsedAnswer parse(const QByteArray &body, int status, const QByteArray &contentType,
                                            const CaseNumber &caseNumber);

private:
    void takeValue(const ParsedAnswer &answer) override;

    CaseNumber m_caseNumber;
    TicketResult m_result;
};

// What POST /tickets/fetchOpenTickets or fetchClosedTickets is asked for.
struct TicketListQuery
{
    TicketStatus status = TicketStatus::Open; // which list: Open or Closed
    QString search;                           // in Subject or Description; empty: all
    Priority priority = Priority::Unknown;    // Unknown: any
    QString platform;                         // the product area ("winners"); empty: any
    int page = 1;                             // from 1, 20 tickets a page

    [[nodiscard]] QString path() const;
    [[nodiscard]] QByteArray body() const; // only the fields that filter
    friend bool operator==(const TicketListQuery &, const TicketListQuery &) = default;
};

// One page of the key owner's open or closed tickets.
class TicketListReply final : public ApiReply
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketListReply)

public:
    TicketListReply(ApiClient *client, TicketListQuery query, Lane lane);
    ~TicketListReply() override;

    [[nodiscard]] const TicketListQuery &query() const { return m_query; }
    // The page, or the error; valid once finished.
    [[nodiscard]] const TicketListResult &result() const { return m_result; }

    [[nodiscard]] static ParsedAnswer parse(const QByteArray &body, int status,
                                            const QByteArray &contentType);

private:
    void takeValue(const ParsedAnswer &answer) override;

    TicketListQuery m_query;
    TicketListResult m_result;
};

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::RetryNotice)
