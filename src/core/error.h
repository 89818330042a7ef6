#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace CaseLens {

// Every failure path in CaseLens ends in one of these kinds. The kind decides
// what the user can do next (exit codes, which button the UI offers).
enum class ErrorKind {
    None,
    InvalidInput,      // e.g. a case number that cannot exist; nothing was sent
    NoApiKey,          // no key configured
    Unauthorized,      // 401
    Forbidden,         // 403
    NotFound,          // 404, or Response:false with Code 404
    BadRequest,        // 400: the server says the request was malformed
    RateLimited,       // 429 after all retries
    ServerError,       // 5xx, or a server answer CaseLens refuses (e.g. unsafe redirect)
    Network,           // connection refused, reset, host not found, ...
    Timeout,           // transfer took longer than the configured timeout
    Tls,               // certificate or handshake problems
    TooLarge,          // response exceeded the size cap
    MalformedResponse, // not JSON, truncated, wrong envelope, absurd nesting
    Cancelled,         // the user or the program cancelled the request
    Keychain,          // the system keychain failed or is unavailable
};

// Why a 403 came back. The API sends 403 for several unrelated problems and
// tells them apart only in its Message; each needs a different next step.
enum class ForbiddenReason {
    None,                  // not a 403
    KeyInvalid,            // invalid or revoked key (also: a reason not recognised)
    AccountInactive,       // the Sweeppea account is disabled or hibernating
    WildcardDomainMissing, // the account's API domains lack "*"
    PlanLimitReached,      // the plan's calls are used up
};

// An error as a value: what happened (kind), what to tell a support agent
// (message, translated), and what a details view shows (technical detail,
// HTTP status, the server's own Message).
class Error
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Error)

public:
    Error() = default;
    Error(ErrorKind kind, QString message, QString detail = {}, int httpStatus = 0,
          QString serverMessage = {});

    [[nodiscard]] bool isError() const { return m_kind != ErrorKind::None; }
    explicit operator bool() const { return isError(); }

    [[nodiscard]] ErrorKind kind() const { return m_kind; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString detail() const { return m_detail; }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    [[nodiscard]] QString serverMessage() const { return m_serverMessage; }

    // For a 403: which of the API's reasons it is, read from the server's
    // Message (the only place the API says it). None for other errors.
    [[nodiscard]] ForbiddenReason forbiddenReason() const;

    // The technical lines for a "Details" view: status, server message, detail.
    [[nodiscard]] QString details() const;

    // A stable, untranslated identifier such as "not-found" (logs, scripts).
    [[nodiscard]] static QString kindName(ErrorKind kind);

    // A network failure that may go away by itself (the connection dropped
    // before the answer was complete). Whether the request reached the
    // server is unknown.
    [[nodiscard]] static Error connectionLost(QString message, QString detail = {});

    // The one rule for retrying, used by the client for every endpoint:
    // may the same request be sent again unchanged? 429 and 503 say the
    // server did not process it: yes, for any request. A lost connection is
    // ambiguous: only a read may be sent again (a write may have happened).
    [[nodiscard]] bool mayRetry(bool isWrite) const;

    // True when the next step is a (new) API key: none was set, or the
    // server refused it (401, 403). The window re-fetches such failures
    // when the key changes; the CLI exits 3.
    [[nodiscard]] bool needsNewKey() const;

    // The error a given HTTP status means, with the server's message when it
    // sent one. Status 200 yields no error.
    [[nodiscard]] static Error fromHttpStatus(int httpStatus, const QString &serverMessage = {},
                                              const QString &caseNumber = {});

    // For an error made from this HTTP status (an answer's status line, not
    // an envelope's Code), when the status has no explanation of its own
    // (418, 422, 507...) and the server sent no Message: the same error with
    // the status line's reason phrase as the server's text, which is then
    // all there is to go on. Other errors come back unchanged.
    [[nodiscard]] Error withReasonPhrase(int httpStatus, const QString &reasonPhrase) const;

private:
    [[nodiscard]] static ForbiddenReason forbiddenReasonOf(const QString &serverMessage);
    [[nodiscard]] static QString forbiddenMessage(ForbiddenReason reason);

    ErrorKind m_kind = ErrorKind::None;
    QString m_message;
    QString m_detail;
    int m_httpStatus = 0;
    QString m_serverMessage;
    bool m_connectionLost = false;
};

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::Error)
