#include "loopback/httpmessage.h"

#include <QJsonDocument>

namespace CaseLens::Loopback {

namespace {

// RFC 9110 token characters: what a method or a header name may be made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool hasToken(const QByteArray &list, QByteArrayView token)
{
    const QList<QByteArray> items = list.split(',');
    for (const QByteArray &item : items) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ParsedRequest refused(ParsedRequest::Outcome outcome)
{
    ParsedRequest result;
    result.outcome = outcome;
    return result;
}

} // namespace

bool HttpRequest::wantsKeepAlive() const
{
    const QByteArray connection = header("connection");
    if (hasToken(connection, "close"))
        return false;
    return version == "HTTP/1.1" || hasToken(connection, "keep-alive");
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::ticket(const QJsonObject &data)
{
    return json(200, QJsonObject{{QStringLiteral("Response"), true}, {QStringLiteral("Data"), data}});
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("Response"), false},
                                    {QStringLiteral("Message"), message},
                                    {QStringLiteral("Code"), status}});
}

HttpResponse HttpResponse::redirect(int status, const QUrl &location)
{
    HttpResponse r;
    r.status = status;
    r.contentType.clear();
    r.headers.append({"Location", location.toEncoded()});
    return r;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray HttpResponse::head(qint64 contentLength, bool chunked, bool keepAlive) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' +
                     (reason.isEmpty() ? reasonPhrase(status) : reason) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    else
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (header("connection").isNull())
        out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    return out;
}

ParsedRequest takeRequest(QByteArray &buffer, const RequestLimits &limits)
{
    using Outcome = ParsedRequest::Outcome;
    // Empty lines before a request are to be ignored (RFC 9112, 2.2).
    qsizetype start = 0;
    while (start < buffer.size() && (buffer.at(start) == '\r' || buffer.at(start) == '\n'))
        ++start;
    buffer.remove(0, start);

    // The method is a token and ends at a space: anything else is refused
    // now, not after headers that will never come.
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        const char c = buffer.at(i);
        if (c == ' ' && i > 0)
            break;
        if (!isTokenChar(c))
            return refused(Outcome::Malformed);
    }

    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    qsizetype headerEnd = -1;
    qsizetype separator = 0;
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        headerEnd = crlf;
        separator = 4;
    } else if (lf >= 0) {
        headerEnd = lf;
        separator = 2;
    }
    if (headerEnd < 0)
        return refused(buffer.size() > limits.maxHeaderBytes ? Outcome::TooLarge : Outcome::Incomplete);
    if (headerEnd > limits.maxHeaderBytes)
        return refused(Outcome::TooLarge);

    QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    ParsedRequest result;
    HttpRequest &request = result.request;
    const QList<QByteArray> requestLine = lines.constFirst().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty() ||
        (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0"))
        return refused(Outcome::Malformed);
    request.method = requestLine.at(0);
    request.path = requestLine.at(1);
    request.version = requestLine.at(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return refused(Outcome::Malformed);
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        const auto existing = request.headers.find(name);
        if (existing == request.headers.end())
            request.headers.insert(name, value);
        else
            *existing += ", " + value;
    }
    if (request.headers.contains("transfer-encoding"))
        return refused(Outcome::Chunked);

    qsizetype length = 0;
    if (request.headers.contains("content-length")) {
        const QByteArray text = request.headers.value("content-length");
        bool ok = isDigits(text);
        length = ok ? text.toLongLong(&ok) : 0;
        if (!ok) // not a number, or two different ones
            return refused(text.size() > 18 && isDigits(text) ? Outcome::TooLarge : Outcome::Malformed);
        if (length > limits.maxBodyBytes)
            return refused(Outcome::TooLarge);
    }
    if (buffer.size() < headerEnd + separator + length)
        return refused(Outcome::Incomplete); // the body is still on its way
    request.body = buffer.mid(headerEnd + separator, length);
    buffer.remove(0, headerEnd + separator + length);
    result.outcome = Outcome::Complete;
    return result;
}

} // namespace CaseLens::Loopback
