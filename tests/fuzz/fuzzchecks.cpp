#include "fuzz/fuzzchecks.h"

#include "core/casenumber.h"
#include "core/htmlsanitizer.h"
#include "core/ticketparser.h"
#include "support/ticketdiff.h"

#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace CaseLens::Fuzz {

namespace {

// What a hostile server may make CaseLens show: generous, but bounded.
constexpr qsizetype MaxMessageChars = 2000;
constexpr qsizetype MaxDetailChars = 4000;
constexpr qsizetype MaxServerMessageChars = 501; // 500 and an ellipsis
constexpr qsizetype MaxWarningExtraChars = 300;  // beyond the field name

// C0 and C1 controls and DEL, except the line breaks and tabs text may keep.
bool isControl(QChar c, bool allowLineBreaks)
{
    const char16_t u = c.unicode();
    if (allowLineBreaks && (u == u'\n' || u == u'\t'))
        return false;
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
}

bool hasControl(const QString &s, bool allowLineBreaks)
{
    return std::any_of(s.begin(), s.end(),
                       [allowLineBreaks](QChar c) { return isControl(c, allowLineBreaks); });
}

bool hasLoneSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        else if (s[i].isSurrogate())
            return true;
    }
    return false;
}

QString checkDate(const QDateTime &dt, QStringView what)
{
    if (dt.isValid() && dt.timeSpec() != Qt::UTC)
        return u"%1: a valid date that is not UTC"_s.arg(what);
    return {};
}

QString checkTicket(const Ticket &t)
{
    if (t.completion < 0 || t.completion > 100)
        return u"Completion %1 outside 0..100"_s.arg(t.completion);
    if (t.views < 0)
        return u"Views %1 negative"_s.arg(t.views);
    if (int(t.priority) < int(Priority::Unknown) || int(t.priority) > int(Priority::High))
        return u"Priority %1 not a known value"_s.arg(int(t.priority));
    if (t.status != TicketStatus::Unknown && t.status != TicketStatus::Open &&
        t.status != TicketStatus::Closed)
        return u"Status not a known value"_s;
    if (t.requester.geoLat && !(std::isfinite(*t.requester.geoLat) && std::abs(*t.requester.geoLat) <= 90))
        return u"GeoLat out of range"_s;
    if (t.requester.geoLon && !(std::isfinite(*t.requester.geoLon) && std::abs(*t.requester.geoLon) <= 180))
        return u"GeoLon out of range"_s;
    for (const QString &problem : {checkDate(t.created, u"Date"), checkDate(t.closeDate, u"CloseDate")}) {
        if (!problem.isEmpty())
            return problem;
    }
    for (const Note &note : t.notes) {
        if (QString p = checkDate(note.date, u"Notes[].Date"); !p.isEmpty())
            return p;
    }
    for (const StatisticEntry &s : t.statistics) {
        if (QString p = checkDate(s.date, u"Statistics[].Date"); !p.isEmpty())
            return p;
    }
    for (const ParseWarning &w : t.warnings) {
        if (w.field.isEmpty() || w.message.isEmpty())
            return u"a warning without field or message"_s;
        if (w.message.size() > w.field.size() + MaxWarningExtraChars)
            return u"warning for %1 is %2 characters long"_s.arg(w.field).arg(w.message.size());
        if (hasControl(w.message, false))
            return u"warning for %1 carries control characters"_s.arg(w.field);
    }
    return {};
}

QString checkError(const TicketResult &r)
{
    const Error &e = r.error;
    if (e.kind() == ErrorKind::None)
        return u"error without a kind"_s;
    if (e.message().isEmpty())
        return u"error without a message"_s;
    if (e.message().size() > MaxMessageChars)
        return u"error message is %1 characters long"_s.arg(e.message().size());
    if (e.detail().size() > MaxDetailChars)
        return u"error detail is %1 characters long"_s.arg(e.detail().size());
    if (e.serverMessage().size() > MaxServerMessageChars)
        return u"server message is %1 characters long"_s.arg(e.serverMessage().size());
    if (hasControl(e.message(), true) || hasControl(e.serverMessage(), true))
        return u"error message carries control characters: %1"_s.arg(e.message().toHtmlEscaped());
    if (hasControl(e.detail(), true))
        return u"error detail carries control characters"_s;
    if (!r.ticket.raw.isEmpty() || !r.ticket.caseNumber.isEmpty() || !r.ticket.warnings.isEmpty())
        return u"an error and a ticket at once"_s;
    return {};
}

QString checkResult(const TicketResult &r, int status)
{
    if (!r.ok())
        return checkError(r);
    if (status != 200)
        return u"a ticket from an HTTP %1 answer"_s.arg(status);
    return checkTicket(r.ticket);
}

// The allowlist the sanitiser promises (htmlsanitizer.h), checked on the
// output read back as XML (with the void <br>/<hr> self-closed).
const QStringList allowedElements = {
    u"p"_s,          u"br"_s,  u"b"_s,   u"strong"_s, u"i"_s,    u"em"_s,    u"u"_s,     u"s"_s,
    u"strike"_s,     u"del"_s, u"ins"_s, u"sub"_s,    u"sup"_s,  u"small"_s, u"code"_s,  u"pre"_s,
    u"blockquote"_s, u"ul"_s,  u"ol"_s,  u"li"_s,     u"h1"_s,   u"h2"_s,    u"h3"_s,    u"h4"_s,
    u"h5"_s,         u"h6"_s,  u"hr"_s,  u"a"_s,      u"span"_s, u"div"_s,   u"table"_s, u"thead"_s,
    u"tbody"_s,      u"tr"_s,  u"th"_s,  u"td"_s,     u"dl"_s,   u"dt"_s,    u"dd"_s,
};

} // namespace

QString structureProblem(const QString &html, ForbiddenXmlChars forbidden)
{
    QString xml = html;
    // Characters XML 1.0 forbids but HTML text may carry: read as text, or
    // left in for the reader to report as not well-formed.
    for (QChar &c : xml) {
        const char16_t u = c.unicode();
        if (forbidden == ForbiddenXmlChars::AreText &&
            ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xFFFE || u == 0xFFFF))
            c = u' ';
    }
    xml.replace(u"<br>"_s, u"<br/>"_s);
    xml.replace(u"<hr>"_s, u"<hr/>"_s);
    QXmlStreamReader reader(QString(u"<root>"_s + xml + u"</root>"_s));
    bool root = true;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (root) {
            root = false;
            continue;
        }
        const QString element = reader.name().toString();
        if (!allowedElements.contains(element))
            return u"element <%1>"_s.arg(element);
        const QXmlStreamAttributes attributes = reader.attributes();
        for (const QXmlStreamAttribute &a : attributes) {
            const QString pair = element + u'@' + a.name();
            if (pair == u"a@href") {
                const QString href = a.value().toString();
                if (!Html::isAllowedLinkUrl(href))
                    return u"link %1 not allowed by isAllowedLinkUrl"_s.arg(href);
                // What the viewer hands to QDesktopServices: QUrl must agree.
                const QString scheme = QUrl(href).scheme().toLower();
                if (scheme != u"http" && scheme != u"https" && scheme != u"mailto")
                    return u"link %1 has scheme \"%2\" for QUrl"_s.arg(href, scheme);
                continue;
            }
            const bool ok = pair == u"a@title" || pair == u"td@colspan" || pair == u"td@rowspan" ||
                            pair == u"th@colspan" || pair == u"th@rowspan" || pair == u"ol@start";
            if (!ok)
                return u"attribute %1=\"%2\""_s.arg(pair, a.value());
        }
    }
    if (reader.hasError())
        return u"not well-formed: %1 at %2"_s.arg(reader.errorString()).arg(reader.characterOffset());
    return {};
}

namespace {

QString decodeHtmlInput(QByteArrayView data)
{
    if (data.size() >= 2 && data[0] == '\xFF' && data[1] == '\xFE') {
        const QByteArrayView units = data.sliced(2);
        QString s(units.size() / 2, Qt::Uninitialized);
        for (qsizetype i = 0; i < s.size(); ++i)
            s[i] = QChar(char16_t(uchar(units[2 * i]) | (uchar(units[2 * i + 1]) << 8)));
        return s;
    }
    return QString::fromUtf8(data);
}

} // namespace

QString checkTicketParser(QByteArrayView data)
{
    const QByteArray body = data.toByteArray();
    const QString asked = u"HYXTNJV"_s;
    const TicketResult result = parseTicketResponse(body, 200, "application/json", asked);
    if (QString problem = checkResult(result, 200); !problem.isEmpty())
        return u"HTTP 200: "_s + problem;
    // The text reader (plain answers) and the tree reader give one result.
    const TicketResult tree = parseTicketResponseWithTree(body, 200, "application/json", asked);
    if (QString difference = Testing::ticketResultDifference(result, tree); !difference.isEmpty())
        return u"text and tree readers differ: "_s + difference;

    // Error statuses read the same bytes for the server's Message: every
    // fourth input also goes down that path.
    if (body.size() % 4 == 0) {
        static constexpr int statuses[] = {400, 401, 403, 404, 429, 500, 502, 503};
        const int status = statuses[uchar(body.isEmpty() ? 0 : body.front()) % std::size(statuses)];
        const TicketResult error = parseTicketResponse(body, status, "text/html", asked);
        if (error.ok())
            return u"HTTP %1 gave a ticket"_s.arg(status);
        if (error.error.kind() != ErrorKind::TooLarge && error.error.httpStatus() != status)
            return u"HTTP %1 reported as %2"_s.arg(status).arg(error.error.httpStatus());
        if (QString problem = checkError(error); !problem.isEmpty())
            return u"HTTP %1: "_s.arg(status) + problem;
    }

    // Short inputs also go straight to the date reader.
    if (body.size() <= 64) {
        const QDateTime dt = parseTicketDate(QString::fromUtf8(body));
        if (QString problem = checkDate(dt, u"parseTicketDate"); !problem.isEmpty())
            return problem;
    }
    return {};
}

QString checkHtmlSanitizer(QByteArrayView data)
{
    const QString input = decodeHtmlInput(data);
    const QString output = Html::sanitize(input);
    if (hasLoneSurrogate(output))
        return u"sanitize() output is not valid UTF-16"_s;
    if (QString problem = structureProblem(output, ForbiddenXmlChars::AreText); !problem.isEmpty())
        return u"sanitize(): "_s + problem;
    // Output that reads differently the second time is how mutation XSS
    // starts. (Modulo CR: "&#13;" decodes to a raw CR, which the second pass
    // turns into LF; harmless, reported to the sanitiser's owner.)
    if (output.contains(u'<')) {
        const auto lineBreaksAsLf = [](QString s) {
            return s.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n'); // as the sanitiser reads them
        };
        const QString once = lineBreaksAsLf(output);
        const QString again = lineBreaksAsLf(Html::sanitize(output));
        if (again != once)
            return u"sanitising the output again changes it"_s;
    }

    const QString plain = Html::toPlainText(input);
    if (plain.contains(QChar(u'\0')))
        return u"toPlainText() output carries NUL"_s;
    // (Input without '<' is plain text already and keeps its line breaks.)
    if (input.contains(u'<') && plain.contains(u"\n\n\n"_s))
        return u"toPlainText() output has more than one blank line in a row"_s;
    return {};
}

QString checkCaseNumber(QByteArrayView data)
{
    const QString input = QString::fromUtf8(data);
    const ParsedCaseNumber n = CaseNumber::parse(input);

    // The plain form is always accepted (an independent statement of the
    // rule in casenumber.h): an optional '#', then 1-32 letters or digits.
    QString bare = input.trimmed();
    if (bare.startsWith(u'#'))
        bare = bare.mid(1).trimmed();
    static const QRegularExpression plain(u"^[A-Za-z0-9]{1,%1}$"_s.arg(CaseNumber::MaxLength));
    static const QRegularExpression wellFormed(u"^[A-Z0-9]{1,%1}$"_s.arg(CaseNumber::MaxLength));
    if (plain.match(bare).hasMatch() && !CaseNumber::looksLikeLink(input)) {
        if (!n.ok())
            return u"valid input refused: %1"_s.arg(n.error().message());
        if (n.text() != bare.toUpper())
            return u"parsed as %1, not the upper-case input"_s.arg(n.text());
    }
    if (!n.ok()) {
        if (n.error().kind() != ErrorKind::InvalidInput || n.error().message().isEmpty())
            return u"refusal without InvalidInput and a message"_s;
        if (!n.text().isEmpty())
            return u"refusal with a case number"_s;
        return {};
    }
    // Whatever form was accepted, the result is well formed and came from the input.
    if (!wellFormed.match(n.text()).hasMatch())
        return u"accepted a malformed case number: %1"_s.arg(n.text());
    if (!CaseNumber::looksLikeLink(input) && !input.toUpper().contains(n.text()))
        return u"the case number is not in the input"_s;
    const ParsedCaseNumber again = CaseNumber::parse(n.text());
    if (!again.ok() || again.caseNumber() != n.caseNumber())
        return u"parsing twice changes the case number"_s;
    if (CaseNumber::parse(n.caseNumber()->toLink()).caseNumber() != n.caseNumber())
        return u"the link does not parse back to the case number"_s;
    return {};
}

} // namespace CaseLens::Fuzz
