#pragma once

#include "core/apireply.h"
#include "core/casenumber.h"
#include "core/error.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>

namespace CaseLens {

class ApiClient;

// What the resolve, create and update operations share: one write, sent
// once, and what happens around it. The API contract's rule for writes:
// retry only what the server said it did not process (429, 503, which the
// client already does); after any other failure whose outcome is unknown
// (a dropped connection, a timeout, a server fault, an unreadable answer)
// never send again, but read the ticket back and tell what actually
// happened. Subclasses send the write in start() and end with finish().
class WriteOperation : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WriteOperation)

public:
    ~WriteOperation() override;

    // Sends the write; finished() follows once the outcome is known. Once:
    // a second call does nothing.
    virtual void start() = 0;
    [[nodiscard]] bool isRunning() const { return m_running; }
    // Each operation sends its write once: a second start() does nothing.
    [[nodiscard]] bool hasStarted() const { return m_started; }

    // May the write have happened although it ended with error? False only
    // when nothing was sent or the server answered that it did not act on
    // it (400, 401, 403, 404, 429, 503); true for success and every
    // failure that leaves it open.
    [[nodiscard]] static bool mayHaveHappened(const Error &error);

Q_SIGNALS:
    // Once per operation, when its outcome is known.
    void finished();

protected:
    // client must outlive the operation.
    explicit WriteOperation(ApiClient *client, QObject *parent);

    [[nodiscard]] ApiClient *client() const { return m_client; }

    // Marks the operation started; false when it already was.
    [[nodiscard]] bool begin();
    // Calls done(result) once reply finished, then lets the reply go. The
    // reply is withdrawn if this operation is deleted first.
    template <typename Reply, typename Done>
    void await(Reply *reply, Done done)
    {
        m_reply = reply;
        connect(reply, &ApiReply::finished, this, [this, reply, done = std::move(done)] {
            m_reply = nullptr;
            const auto result = reply->result();
            reply->deleteLater();
            done(result);
        });
    }
    // Reads caseNumber again (user lane) and passes what came back.
    void readBack(const CaseNumber &caseNumber, std::function<void(const TicketResult &)> done);
    // The outcome is set: emits finished().
    void finish();

private:
    ApiClient *m_client;        // outlives the operation
    QPointer<ApiReply> m_reply; // the request in flight, if any
    bool m_started = false;
    bool m_running = false;
};

// Whether a ticket as read is closed (Status true; or, when Status could not
// be read, a close date).
[[nodiscard]] bool isClosed(const Ticket &ticket);

} // namespace CaseLens
