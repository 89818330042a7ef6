#pragma once

#include "support/clientfixture.h"
#include "support/fakeserver.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace CaseLens {
class WriteOperation;
}

namespace CaseLens::Testing {

// The key owner's tickets, kept in memory behind a FakeServer: it answers
// fetchSingleTicket, the open list (page 1, newest first, search in the
// subject) and the three writes as the contract says, and can lose a
// write's answer on purpose. The suites of the write operations and of
// caselens-cli's write commands share it.
class FakeTicketStore final
{
    Q_DISABLE_COPY_MOVE(FakeTicketStore)

public:
    // What happens to the next write request (resolve, create, update).
    enum class WriteFate {
        Answer,            // done, and answered as the contract says
        DoneAnswerLost,    // done, then the connection closes without an answer
        NotDoneAnswerLost, // not done, and the connection closes without an answer
    };

    // Installs its handler on server, which must outlive the store.
    explicit FakeTicketStore(FakeServer &server);

    // An open ticket (the sample ticket's fields, this case and subject).
    void addOpen(const QString &caseNumber, const QString &subject);
    // A closed one, closed by closedBy.
    void addClosed(const QString &caseNumber, const QString &subject, const QString &closedBy);
    [[nodiscard]] QJsonObject ticket(const QString &caseNumber) const { return m_tickets.value(caseNumber); }
    [[nodiscard]] bool contains(const QString &caseNumber) const { return m_tickets.contains(caseNumber); }

    WriteFate writeFate = WriteFate::Answer;
    // The case number the next create makes.
    QString nextCaseNumber = QStringLiteral("NEW0001");
    // Who closes tickets.
    QString ownerName = QStringLiteral("Ana Ruiz");

    // The requests to path (e.g. "/tickets/resolve") the server received,
    // and their JSON bodies.
    [[nodiscard]] int requestCount(const QByteArray &path) const;
    [[nodiscard]] QList<QJsonObject> bodies(const QByteArray &path) const;

private:
    [[nodiscard]] FakeResponse answer(const RecordedRequest &request);
    [[nodiscard]] FakeResponse resolve(const QJsonObject &body);
    [[nodiscard]] FakeResponse create(const QJsonObject &body);
    [[nodiscard]] FakeResponse update(const QJsonObject &body);
    [[nodiscard]] FakeResponse openList(const QJsonObject &body) const;

    FakeServer &m_server;
    QHash<QString, QJsonObject> m_tickets;
    QStringList m_order; // case numbers, oldest first
};

// The write operations' suites: a client on a FakeServer holding a
// FakeTicketStore with one open ticket, HYXTNJV, short retries (5 ms) and
// a 3 s timeout.
class WriteFixture : protected ClientFixture
{
protected:
    WriteFixture() = default;
    ~WriteFixture() = default;
    Q_DISABLE_COPY_MOVE(WriteFixture)

    [[nodiscard]] bool startStore(const QString &apiKey);
    void stopStore();

    // Starts operation twice (a second press must send nothing more) and
    // waits; true when it finished, exactly once, within timeoutMs.
    [[nodiscard]] static bool runOnce(WriteOperation &operation, int timeoutMs = 10000);
    // An Operation on this client, made from args, run once: its outcome,
    // or nothing when it did not finish exactly once.
    template <typename Operation, typename... Args>
    [[nodiscard]] auto outcomeOf(Args &&...args)
    {
        Operation operation(m_client.get(), std::forward<Args>(args)...);
        using Outcome = std::decay_t<decltype(operation.outcome())>;
        return runOnce(operation) ? std::optional<Outcome>(operation.outcome()) : std::nullopt;
    }

    std::unique_ptr<FakeTicketStore> m_store;
};

} // namespace CaseLens::Testing
