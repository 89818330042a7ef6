#include "core/casenumber.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

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

} // namespace

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
