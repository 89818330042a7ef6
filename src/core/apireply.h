#pragma once

#include "core/account.h"
#include "core/casenumber.h"
#include "core/error.h"
#include "core/ticket.h"
#include "core/ticketlist.h"
#include "core/writeresult.h"

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

// Whether a read may share an identical read already on the wire. A read
// that must show the effect of a write just made (the re-read after a
// resolve) must not: that request may have left before the write landed.
// It still shares one that has not been sent yet.
enum class Freshness { MayShare, AfterWrite };

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
    std::any value;                     // e.g. a TicketResult; empty when there is an error and no value
    std::optional<Telemetry> telemetry; // the answer's usage figures (also on errors)

    // An error with no answer to read (refused, aborted, the network failed).
    [[nodiscard]] static ParsedAnswer failed(Error error)
    {
        ParsedAnswer answer;
        answer.error = std::move(error);
        return answer;
    }
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

// A reply whose answer is read into Result ({value fields...; Error error}),
// the type an endpoint's parser returns. The endpoints that need nothing
// more than their result use it as it is (ProfileReply, ResolveReply, ...).
template <typename Result>
class ResultReply : public ApiReply
{
public:
    ResultReply(ApiClient *client, QString path, Lane lane, bool isWrite)
        : ApiReply(client, std::move(path), lane, isWrite)
    {}

    // The value, or the error; valid once finished.
    [[nodiscard]] const Result &result() const { return m_result; }

    // Wraps a parser's result for the client.
    [[nodiscard]] static ParsedAnswer answer(Result result)
    {
        Error error = result.error;
        std::optional<Telemetry> telemetry = result.telemetry;
        return {std::move(error), std::move(result), std::move(telemetry)};
    }

private:
    void takeValue(const ParsedAnswer &answer) override
    {
        const auto *result = std::any_cast<Result>(&answer.value);
        // The error as finished (the client may have added to it, or it was
        // aborted): an error never comes with a half-read value.
        m_result = result && !error().isError() ? *result : Result{};
        m_result.error = error();
    }

    Result m_result;
};

// POST /tickets/fetchSingleTicket.
class TicketReply final : public ResultReply<TicketResult>
{
public:
    TicketReply(ApiClient *client, const CaseNumber &caseNumber, Lane lane);

    [[nodiscard]] const CaseNumber &caseNumber() const { return m_caseNumber; }
    [[nodiscard]] static ParsedAnswer parse(const QByteArray &body, int status, const QByteArray &contentType,
                                            const CaseNumber &caseNumber);

private:
    CaseNumber m_caseNumber;
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
class TicketListReply final : public ResultReply<TicketListResult>
{
public:
    TicketListReply(ApiClient *client, TicketListQuery query, Lane lane);

    [[nodiscard]] const TicketListQuery &query() const { return m_query; }

private:
    TicketListQuery m_query;
};

// The account (POST /account/profile, /account/plan, /account/health-check).
using ProfileReply = ResultReply<AccountProfileResult>;
using PlanReply = ResultReply<AccountPlanResult>;
using HealthCheckReply = ResultReply<HealthCheckResult>;

// Writes (POST /tickets/resolve, /tickets/create, /tickets/update): never
// shared with another request, never sent twice after an ambiguous failure.
using ResolveReply = ResultReply<ResolveResult>;
using CreateReply = ResultReply<CreateResult>;
using UpdateReply = ResultReply<UpdateResult>;

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::RetryNotice)
