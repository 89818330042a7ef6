#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace CaseLens::Loopback {

// A request as the server read it off the wire.
struct HttpRequest
{
    QByteArray method;
    QByteArray path; // the request target as sent, query included
    QByteArray version;
    QHash<QByteArray, QByteArray> headers; // lower-case names; repeated headers joined with ", "
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    // HTTP/1.1 keeps the connection unless asked not to; HTTP/1.0 only when asked to.
    [[nodiscard]] bool wantsKeepAlive() const;
};

// What the server answers, including ways to misbehave on purpose (the
// faults real servers, proxies and networks produce).
struct HttpResponse
{
    enum class Behaviour {
        Normal,               // status line, headers, body
        CloseAfterStatusLine, // sends the status line, then closes
        HangAfterHeaders,     // sends headers (with a Content-Length), then nothing, keeps the socket open
        ResetMidBody,         // sends headers and half the body, then aborts the connection (RST)
        TruncatedBody,        // Content-Length says more than is sent, then closes cleanly
        Drip,                 // sends the response one byte per dripIntervalMs
        EndlessBody,          // chunked body that never ends (until the client goes away)
        NoAnswer,             // reads the request and never answers
        CloseImmediately,     // closes the connection without answering
        Raw,                  // writes rawBytes verbatim, then closes
        RawThenEndless,       // writes rawBytes, then streamChunk again and again while the client reads
    };

    int status = 200;
    QByteArray reason;                            // default from status
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, sent as given
    QByteArray contentType = "application/json";  // no Content-Type header when empty
    QByteArray body;
    Behaviour behaviour = Behaviour::Normal;
    int delayMs = 0; // before answering; other connections are answered meanwhile
    int dripIntervalMs = 1000;
    QByteArray rawBytes;
    QByteArray streamChunk; // repeated by RawThenEndless; EndlessBody's chunk (64 KiB of spaces when empty)

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    // The value of an extra header (case-insensitive name), or an empty array.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse ticket(const QJsonObject &data);           // {"Response":true,"Data":data}
    static HttpResponse error(int status, const QString &message); // the API contract's error envelope
    static HttpResponse redirect(int status, const QUrl &location);

    [[nodiscard]] static QByteArray reasonPhrase(int status);
    // Status line and headers, ending in the empty line. With chunked, a
    // Transfer-Encoding header takes Content-Length's place.
    [[nodiscard]] QByteArray head(qint64 contentLength, bool chunked, bool keepAlive) const;
};

// Reading requests from a connection's bytes, one at a time.
struct RequestLimits
{
    qsizetype maxHeaderBytes = 64 * 1024;
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
};

struct ParsedRequest
{
    enum class Outcome {
        Incomplete, // not a whole request yet: read more
        Complete,   // request holds it; its bytes are gone from the buffer
        Malformed,  // not HTTP (answer 400 and close)
        TooLarge,   // headers or body over the limits (answer 413 and close)
        Chunked,    // a chunked body, which this server does not read (answer 400 and close)
    };
    Outcome outcome = Outcome::Incomplete;
    HttpRequest request;
};

// Takes the first complete request off the front of buffer. Tolerates bare
// LF line ends; refuses a first line that cannot be an HTTP request as soon
// as it is seen (a TLS hello, say), so such a client is not left waiting.
[[nodiscard]] ParsedRequest takeRequest(QByteArray &buffer, const RequestLimits &limits = {});

} // namespace CaseLens::Loopback
