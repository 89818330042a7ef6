#include "core/casenumber.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace CaseLens {

namespace {
// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::CaseNumber)
};

Error invalid(const QString &message)
{
    return {ErrorKind::InvalidInput, message};
}

bool isAsciiLetterOrDigit(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

// "Case #HYXTNJV", "ticket: abc1234": the word and what separates it go.
QStringView withoutLeadingWord(QStringView s)
{
    for (const QLatin1StringView word : {QLatin1StringView("case"), QLatin1StringView("ticket")}) {
        if (s.size() <= word.size() || !s.startsWith(word, Qt::CaseInsensitive))
            continue;
        const QChar next = s.at(word.size());
        // "Casebook" is not "Case book": the word must end there.
        if (next != u'#' && next != u':' && !next.isSpace())
            continue;
        s = s.mid(word.size());
        if (s.startsWith(u':'))
            s = s.mid(1);
        return s.trimmed();
    }
    return s;
}

// Outside a link, a word is taken for a case number only when it looks like
// one: long enough, and a digit in it or written in capitals.
bool looksLikeCaseNumber(QStringView word)
{
    constexpr int MinimumLength = 5;
    if (word.size() < MinimumLength)
        return false;
    const bool hasDigit = std::any_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
    const bool capitals = std::all_of(word.begin(), word.end(), [](QChar c) { return !c.isLower(); });
    return hasDigit || capitals;
}

// The forms find() looks for, most explicit first. Group 1 is the case
// number; "plausible" ones must also pass looksLikeCaseNumber().
struct Pattern
{
    QRegularExpression expression;
    bool mustLookLikeCaseNumber;
};

const QList<Pattern> &patterns()
{
    static const QList<Pattern> list = [] {
        const auto make = [](const char *pattern, bool check) {
            return Pattern{
                QRegularExpression(QLatin1StringView(pattern), QRegularExpression::CaseInsensitiveOption),
                check};
        };
        return QList<Pattern>{
            make(R"(caselens://ticket/([a-z0-9]{1,32})(?![a-z0-9]))", false),
            // https://example.com/app/tickets/HYXTNJV, .../case/HYXTNJV/notes
            make(R"(https?://\S*?/(?:tickets?|cases?)/([a-z0-9]{1,32})(?=[/?#\s]|$))", false),
            // ...?case=HYXTNJV, &caseNumber=..., ?ticket=...
            make(R"([?&](?:case|casenumber|case_number|caseid|ticket|ticketid)=([a-z0-9]{1,32})(?=[&#\s]|$))",
                 false),
            // "Re: Case #HYXTNJV - export fails", "about ticket: abc1234"
            make(R"((?<![a-z0-9])(?:case|ticket)\s*(?:#|:|no\.)?\s*#?\s*([a-z0-9]{1,32})(?![a-z0-9]))", true),
            make(R"((?<![a-z0-9&])#([a-z0-9]{1,32})(?![a-z0-9]))", true),
        };
    }();
    return list;
}

} // namespace

std::optional<CaseNumber> CaseNumber::find(QStringView text)
{
    if (const ParsedCaseNumber whole = parse(text); whole.ok())
        return whole.caseNumber();
    for (const Pattern &pattern : patterns()) {
        QRegularExpressionMatchIterator it = pattern.expression.globalMatch(text);
        while (it.hasNext()) {
            const QStringView found = it.next().capturedView(1);
            if (!pattern.mustLookLikeCaseNumber || looksLikeCaseNumber(found))
                return CaseNumber(found.toString().toUpper());
        }
    }
    // A lone token such as "HYXTNJV" or "2650478" in a sentence, as written.
    static const QRegularExpression bare(
        QStringLiteral("(?<![A-Za-z0-9])([A-Z0-9]{%1})(?![A-Za-z0-9])").arg(UsualLength));
    if (const QRegularExpressionMatch match = bare.match(text); match.hasMatch())
        return CaseNumber(match.captured(1));
    return std::nullopt;
}

ParsedCaseNumber CaseNumber::parse(QStringView text)
{
    return looksLikeLink(text) ? parseLink(text) : parseBare(text);
}

bool CaseNumber::looksLikeLink(QStringView text)
{
    return text.trimmed().startsWith(QLatin1StringView("caselens:"), Qt::CaseInsensitive);
}

QString CaseNumber::toLink() const
{
    return QStringLiteral("caselens://ticket/") + m_text;
}

ParsedCaseNumber CaseNumber::parseBare(QStringView text)
{
    QStringView s = withoutLeadingWord(text.trimmed());
    if (s.startsWith(u'#'))
        s = s.mid(1).trimmed();
    if (s.isEmpty())
        return invalid(Tr::tr("Enter a case number, e.g. HYXTNJV."));
    if (s.size() > MaxLength)
        return invalid(Tr::tr("A case number has at most %1 letters or digits.").arg(MaxLength));
    for (const QChar c : s) {
        if (!isAsciiLetterOrDigit(c.unicode()))
            return invalid(Tr::tr("A case number has only letters and digits, e.g. HYXTNJV."));
    }
    return CaseNumber(s.toString().toUpper());
}

ParsedCaseNumber CaseNumber::parseLink(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    const auto refused = [&trimmed](const QString &why) {
        return invalid(Tr::tr("This is not a CaseLens ticket link (%1): %2").arg(why, trimmed));
    };
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return refused(Tr::tr("malformed"));
    if (url.scheme() != u"caselens" || url.host() != u"ticket")
        return refused(Tr::tr("expected caselens://ticket/CASE"));
    if (!url.userInfo().isEmpty() || url.port() != -1 || url.hasQuery() || url.hasFragment())
        return refused(Tr::tr("unexpected parts"));
    // "/HYXTNJV" splits into "" and "HYXTNJV".
    const QStringList segments = url.path(QUrl::FullyDecoded).split(u'/');
    if (segments.size() != 2 || !segments.at(0).isEmpty() || segments.at(1).isEmpty())
        return refused(Tr::tr("expected one case number after ticket/"));
    // Only the bare form inside a link: "caselens://ticket/Case HYXTNJV" is no link.
    for (const QChar c : segments.at(1)) {
        if (!isAsciiLetterOrDigit(c.unicode()))
            return refused(Tr::tr("A case number has only letters and digits, e.g. HYXTNJV."));
    }
    ParsedCaseNumber parsed = parseBare(segments.at(1));
    if (!parsed.ok())
        return refused(parsed.error().message());
    return parsed;
}

} // namespace CaseLens
