#pragma once

#include "core/error.h"

#include <QHashFunctions>
#include <QString>
#include <QStringView>

#include <optional>

namespace CaseLens {

class ParsedCaseNumber;

// A Sweeppea case number that is known to be well formed: 1-32 ASCII letters
// or digits, upper case ("HYXTNJV"). The only way to make one is parse(), so
// a function that takes a CaseNumber needs no second check, and every part
// of CaseLens (search bar, links, CLI, client) refuses bad input with the
// same words.
class CaseNumber final
{
public:
    static constexpr int MaxLength = 32;

    // Case numbers arrive pasted from e-mails and chats. Accepted:
    //  - " #hyxtnjv ", "HYXTNJV": trimmed, one leading '#' dropped, upper-cased;
    //  - "Case #HYXTNJV", "case: hyxtnjv", "Ticket HYXTNJV": a leading word
    //    "case" or "ticket" is dropped;
    //  - caselens://ticket/HYXTNJV, strictly (no user, port, query, fragment).
    // Anything else is InvalidInput with a sentence saying what is wrong.
    [[nodiscard]] static ParsedCaseNumber parse(QStringView text);

    // The usual length of a Sweeppea case number (the API contract: 7). The
    // window gives a hint, before anything is sent, for anything shorter.
    static constexpr int UsualLength = 7;

    // A case number inside longer pasted text: the whole text when parse()
    // takes it, else the first of a caselens:// link, an https link's
    // ".../tickets/X" or "?case=X", "Case #X" / "ticket: X" in a sentence,
    // "#X", or a lone upper-case token of UsualLength letters and digits.
    // Outside links, a word must look like a case number (a digit, or all
    // upper case) so that "the case is closed" finds nothing.
    [[nodiscard]] static std::optional<CaseNumber> find(QStringView text);

    // True when text is meant as a caselens: link (parse() reads it as one).
    [[nodiscard]] static bool looksLikeLink(QStringView text);

    [[nodiscard]] const QString &toString() const { return m_text; }
    // caselens://ticket/HYXTNJV
    [[nodiscard]] QString toLink() const;

    friend bool operator==(const CaseNumber &a, const CaseNumber &b) { return a.m_text == b.m_text; }
    friend bool operator!=(const CaseNumber &a, const CaseNumber &b) { return a.m_text != b.m_text; }
    friend size_t qHash(const CaseNumber &c, size_t seed = 0) noexcept { return qHash(c.m_text, seed); }

private:
    [[nodiscard]] static ParsedCaseNumber parseBare(QStringView text);
    [[nodiscard]] static ParsedCaseNumber parseLink(QStringView text);

    explicit CaseNumber(QString text)
        : m_text(std::move(text))
    {}

    QString m_text;
};

// What parse() found: a case number, or why there is none.
class ParsedCaseNumber final
{
public:
    ParsedCaseNumber(CaseNumber caseNumber)
        : m_caseNumber(std::move(caseNumber))
    {}
    ParsedCaseNumber(Error error)
        : m_error(std::move(error))
    {}

    [[nodiscard]] bool ok() const { return m_caseNumber.has_value(); }
    [[nodiscard]] const std::optional<CaseNumber> &caseNumber() const { return m_caseNumber; }
    // The case number's text, empty when invalid.
    [[nodiscard]] QString text() const { return m_caseNumber ? m_caseNumber->toString() : QString(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    std::optional<CaseNumber> m_caseNumber;
    Error m_error; // InvalidInput when there is no case number
};

} // namespace CaseLens
