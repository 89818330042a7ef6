#include "core/envelope.h"

#include "core/jsontext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

// How much of the server's Message an error keeps (it is shown to the user).
constexpr qsizetype MaxServerMessageChars = 500;
// How much of an unreadable body the technical detail quotes.
constexpr qsizetype BodyPreviewBytes = 120;

bool looksLikeHtml(QByteArrayView trimmed, const QByteArray &contentType)
{
    return contentType.toLower().contains("html") || trimmed.startsWith('<');
}

// C0 and C1 controls and DEL: terminal escapes (ESC, CSI U+009B) and line
// breaks have no place in one-line texts shown to a person.
bool isControlCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
}

// The start of a body, readable in a details view (no control characters).
QString bodyPreview(QByteArrayView trimmed)
{
    QString s = QString::fromUtf8(trimmed.first(std::min(trimmed.size(), BodyPreviewBytes)));
    for (QChar &c : s) {
        if (isControlCharacter(c))
            c = u' ';
    }
    s = s.simplified();
    if (trimmed.size() > BodyPreviewBytes)
        s += u'\u2026';
    return s;
}

// A server's text for one line: shown in a label and printed by the CLI, so
// control characters (a terminal escape sequence from a hostile server)
// become spaces, and it is capped.
QString oneLine(QString s)
{
    for (QChar &c : s) {
        if (isControlCharacter(c))
            c = u' ';
    }
    s = s.simplified();
    if (s.size() > MaxServerMessageChars) {
        s.truncate(MaxServerMessageChars);
        if (s.back().isHighSurrogate())
            s.chop(1);
        s += u'\u2026';
    }
    return s;
}

QString envelopeMessage(const QJsonObject &envelope)
{
    const QJsonValue v = envelope.value("Message"_L1);
    return v.isString() ? oneLine(v.toString()) : QString();
}

// The envelope's Code as an HTTP status, 0 when absent or not a status.
int envelopeCode(const QJsonObject &envelope)
{
    const QJsonValue v = envelope.value("Code"_L1);
    double code = 0;
    if (v.isDouble()) {
        code = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        code = v.toString().trimmed().toInt(&ok);
        if (!ok)
            return 0;
    }
    if (code >= 100 && code <= 599 && std::trunc(code) == code)
        return static_cast<int>(code);
    return 0;
}

bool isFalse(const QJsonValue &v)
{
    if (v.isBool())
        return !v.toBool();
    if (v.isDouble())
        return v.toDouble() == 0.0;
    if (v.isString())
        return v.toString().trimmed().compare("false"_L1, Qt::CaseInsensitive) == 0;
    return false;
}

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Qt's reader refuses numbers outside the range of a double (1e309, 1e-400,
// 400 digits) as "illegal number", which would hide a whole ticket for one
// absurd count. Such a number is read as the text it is instead: its field
// then gets the usual "expected a number" warning. Bounded: a few numbers,
// then the answer is refused as before.
QJsonDocument parseJson(const QByteArray &body, QJsonParseError &error, bool &wasRepaired)
{
    constexpr int MaxRepairedNumbers = 8;
    wasRepaired = false;
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::IllegalNumber)
        return doc;
    QByteArray repaired = body;
    QJsonParseError repairedError = error;
    for (int i = 0; i < MaxRepairedNumbers && repairedError.error == QJsonParseError::IllegalNumber; ++i) {
        const qsizetype end = repairedError.offset; // just past the number
        if (end <= 0 || end > repaired.size())
            break;
        qsizetype start = end;
        while (start > 0 && isNumberChar(repaired[start - 1]))
            --start;
        if (start == end)
            break;
        repaired.insert(end, '"');
        repaired.insert(start, '"');
        QJsonDocument repairedDoc = QJsonDocument::fromJson(repaired, &repairedError);
        if (repairedError.error == QJsonParseError::NoError) {
            error = repairedError;
            wasRepaired = true;
            return repairedDoc;
        }
    }
    return doc; // refused, with the error of the answer as it came
}

Error withDetail(const Error &e, const QString &detail)
{
    return {e.kind(), e.message(), detail, e.httpStatus(), e.serverMessage()};
}

bool isSuccess(int httpStatus)
{
    return httpStatus >= 200 && httpStatus <= 299;
}

// A count in Telemetry: a whole non-negative number, or a string holding one.
std::optional<qint64> telemetryCount(const QJsonValue &v)
{
    double d = -1;
    if (v.isDouble()) {
        d = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        d = v.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!std::isfinite(d) || d < 0 || d >= 9.2e18 || std::trunc(d) != d)
        return std::nullopt;
    return static_cast<qint64>(d);
}

std::optional<Telemetry> readTelemetry(const QJsonValue &v)
{
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    Telemetry t;
    t.apiCalls = telemetryCount(o.value("APICalls"_L1));
    t.maxApiCalls = telemetryCount(o.value("MaxAPICalls"_L1));
    const QJsonValue data = o.value("DataConsumed"_L1);
    if (data.isString())
        t.dataConsumed = oneLine(data.toString());
    else if (data.isDouble())
        t.dataConsumed = jsonNumberText(data);
    if (!t.apiCalls && !t.maxApiCalls && t.dataConsumed.isEmpty())
        return std::nullopt;
    return t;
}

// The messages of one reader, with the translation context the ticket parser
// has always used (the existing translations keep working).
class EnvelopeReader
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::TicketParser)

public:
    static Envelope read(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                         PayloadKind kind, QLatin1StringView payloadKey, const QString &caseNumber);

private:
    static QString webPageMessage(PayloadKind kind);
    static QString notPayloadMessage(PayloadKind kind);
    static QString noPayloadMessage(PayloadKind kind);
};

QString EnvelopeReader::webPageMessage(PayloadKind kind)
{
    switch (kind) {
    case PayloadKind::Ticket:
        break;
    case PayloadKind::TicketList:
        return tr("The server sent a web page instead of a ticket list.");
    case PayloadKind::Account:
        return tr("The server sent a web page instead of account data.");
    case PayloadKind::WriteResult:
        return tr("The server sent a web page instead of the result of the change.");
    }
    return tr("The server sent a web page instead of ticket data.");
}

QString EnvelopeReader::notPayloadMessage(PayloadKind kind)
{
    switch (kind) {
    case PayloadKind::Ticket:
        break;
    case PayloadKind::TicketList:
        return tr("The server's answer could not be read (it is not a ticket list).");
    case PayloadKind::Account:
        return tr("The server's answer could not be read (it is not account data).");
    case PayloadKind::WriteResult:
        return tr("The server's answer could not be read (it is not the result of the change).");
    }
    return tr("The server's answer could not be read (it is not ticket data).");
}

QString EnvelopeReader::noPayloadMessage(PayloadKind kind)
{
    switch (kind) {
    case PayloadKind::Ticket:
        break;
    case PayloadKind::TicketList:
        return tr("The server's answer did not contain a ticket list.");
    case PayloadKind::Account:
        return tr("The server's answer did not contain account data.");
    case PayloadKind::WriteResult:
        return tr("The server's answer did not contain the result of the change.");
    }
    return tr("The server's answer did not contain a ticket.");
}

Envelope EnvelopeReader::read(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                              PayloadKind kind, QLatin1StringView payloadKey, const QString &caseNumber)
{
    Envelope result;
    if (body.size() > MaxResponseBytes) {
        const auto mb = [](qint64 bytes) {
            return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
        };
        result.error = Error(
            ErrorKind::TooLarge,
            tr("The server's answer is too large to show (%1 MB; CaseLens reads at most %2 MB).")
                .arg(mb(body.size()), mb(MaxResponseBytes)),
            tr("%1 bytes received, limit %2 bytes.").arg(body.size()).arg(MaxResponseBytes), httpStatus);
        return result;
    }

    const QByteArrayView trimmed = trimmedJsonText(body);
    const bool html = looksLikeHtml(trimmed, contentType);
    QJsonParseError parseError{};
    // fromJson skips a UTF-8 BOM itself and refuses nesting deeper than 1024
    // (iteratively bounded: 100,000 '[' is an error, not a stack overflow).
    const QJsonDocument doc = parseJson(body, parseError, result.repaired);
    const bool parsed = parseError.error == QJsonParseError::NoError;
    if (parsed && doc.isObject())
        result.object = doc.object();
    const QJsonObject &envelope = result.object;
    result.message = envelopeMessage(envelope);
    result.telemetry = readTelemetry(envelope.value("Telemetry"_L1));
    const QString &serverMessage = result.message;

    const auto unreadableDetail = [&]() {
        QStringList lines;
        if (!parsed)
            lines << tr("JSON error at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        else if (doc.isArray())
            lines << tr("Expected a JSON object at the top level, got an array.");
        if (!contentType.isEmpty())
            lines << tr("Content-Type: %1").arg(QString::fromLatin1(contentType));
        if (trimmed.isEmpty())
            lines << tr("The answer was empty.");
        else
            lines << tr("The answer begins with: %1").arg(bodyPreview(trimmed));
        return lines.join(u'\n');
    };

    if (!isSuccess(httpStatus)) {
        const Error e = Error::fromHttpStatus(httpStatus, serverMessage, caseNumber);
        if (parsed && doc.isObject())
            result.error = e;
        else if (html)
            result.error = withDetail(e, webPageMessage(kind) + u'\n' + unreadableDetail());
        else
            result.error = withDetail(e, unreadableDetail());
        return result;
    }

    if (!parsed || !doc.isObject()) {
        QString message;
        if (html)
            message = webPageMessage(kind);
        else if (trimmed.isEmpty())
            message = tr("The server's answer could not be read (it was empty).");
        else if (!parsed && (parseError.error == QJsonParseError::UnterminatedObject ||
                             parseError.error == QJsonParseError::UnterminatedArray ||
                             parseError.error == QJsonParseError::UnterminatedString ||
                             parseError.offset >= body.size()))
            message = tr("The server's answer could not be read (it was cut off).");
        else
            message = notPayloadMessage(kind);
        result.error = Error(ErrorKind::MalformedResponse, message, unreadableDetail(), httpStatus);
        return result;
    }

    const int code = envelopeCode(envelope);
    const bool errorCode = code != 0 && !isSuccess(code);
    if (isFalse(envelope.value("Response"_L1))) {
        if (errorCode) {
            result.error =
                withDetail(Error::fromHttpStatus(code, serverMessage, caseNumber),
                           tr("HTTP %1 with Response false and Code %2.").arg(httpStatus).arg(code));
        } else {
            const QString message = serverMessage.isEmpty()
                                        ? tr("The server reported a problem but did not say what.")
                                        : tr("The server reported a problem: %1").arg(serverMessage);
            result.error = Error(ErrorKind::ServerError, message,
                                 tr("HTTP %1 with Response false and no usable Code.").arg(httpStatus),
                                 httpStatus, serverMessage);
        }
        return result;
    }

    if (payloadKey.isEmpty())
        return result;
    const QJsonValue payload = envelope.value(payloadKey);
    if (!payload.isObject()) {
        if (errorCode) { // an error envelope without Response
            result.error =
                withDetail(Error::fromHttpStatus(code, serverMessage, caseNumber),
                           tr("HTTP %1 without %2, with Code %3.").arg(httpStatus).arg(payloadKey).arg(code));
            return result;
        }
        QString detail;
        if (payload.isUndefined())
            detail = tr("The answer has no %1.").arg(payloadKey);
        else
            detail = tr("%1 is %2, not an object.").arg(payloadKey, jsonValuePreview(payload));
        result.error =
            Error(ErrorKind::MalformedResponse, noPayloadMessage(kind), detail, httpStatus, serverMessage);
        return result;
    }
    result.payload = payload;
    return result;
}

} // namespace

Envelope readEnvelope(const QByteArray &body, int httpStatus, const QByteArray &contentType, PayloadKind kind,
                      QLatin1StringView payloadKey, const QString &caseNumber)
{
    return EnvelopeReader::read(body, httpStatus, contentType, kind, payloadKey, caseNumber);
}

} // namespace CaseLens
