#pragma once

// The reading half of the HTML handling (src/core/htmlsanitizer.h is the
// public face): input preprocessing, character references, a small HTML5-ish
// tokenizer, and walk(), which feeds a consumer the tokens that are not inside
// a content-dropping element. htmlsanitizer.cpp holds the two consumers: the
// allowlist rebuild and the plain-text reduction. Internal to the core.

#include <QList>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <initializer_list>

namespace CaseLens::Html::Detail {

[[nodiscard]] bool isOneOf(QStringView name, std::initializer_list<QStringView> names);
[[nodiscard]] bool isHtmlSpace(QChar c);
[[nodiscard]] bool isAsciiAlpha(QChar c);
[[nodiscard]] bool isAsciiDigit(QChar c);
[[nodiscard]] bool isAsciiAlnum(QChar c);

// HTML names are ASCII case-insensitive; QString::toLower() would also fold
// non-ASCII look-alikes (U+212A KELVIN SIGN -> 'k') into allowlisted names.
[[nodiscard]] QString asciiLower(QStringView s);

// HTML5 input preprocessing: CRLF/CR become LF; NULs are dropped.
[[nodiscard]] QString preprocess(const QString &input);

// Escapes text and attribute values alike; lone surrogates become U+FFFD.
void appendEscaped(QString &out, QStringView s);

enum class TokenKind { Text, StartTag, EndTag, RawText };

struct Attribute
{
    QString name;  // lower case
    QString value; // entity-decoded
};

struct Token
{
    TokenKind kind = TokenKind::Text;
    QString text; // Text: decoded text; RawText: undecoded content; tags: lower-case name
    QList<Attribute> attributes;
    bool selfClosing = false;

    // The first occurrence wins, as in browsers (no de-duplication pass, so
    // a tag with 100,000 attributes stays linear).
    QString attribute(QStringView name) const
    {
        for (const Attribute &a : attributes) {
            if (a.name == name)
                return a.value;
        }
        return {};
    }
};

// What walk() drives: text (decoded), start tags (with attributes) and end
// tags (lower-case names).
class TokenConsumer
{
public:
    virtual ~TokenConsumer() = default;
    virtual void text(const QString &text) = 0;
    virtual void startTag(const Token &tag) = 0;
    virtual void endTag(const QString &name) = 0;

protected:
    TokenConsumer() = default;
    Q_DISABLE_COPY_MOVE(TokenConsumer)
};

// Drives a consumer with the tokens that are not inside a content-dropping
// element (script, style, svg, ...). Nested same-name elements are counted
// ("<svg><svg></svg>x</svg>" drops x); the depth is a counter, so deep
// nesting costs nothing.
void walk(const QString &html, TokenConsumer &consumer);

// "[image: alt]" for an <img> with alt text, else empty.
[[nodiscard]] QString imageAltText(const Token &img);

} // namespace CaseLens::Html::Detail
