#include "ticketview/viewhelpers.h"

#include "core/htmlsanitizer.h"
#include "core/languagenames.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <cmath>

namespace CaseLens::Gui {
namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::TicketView)
};

// Where setAccessibleTitle() keeps a label's title (a dynamic property, so
// that any QLabel can carry one without a subclass).
constexpr char AccessibleTitleProperty[] = "caselensAccessibleTitle";

// A label with a title: its name is "title: value", read when asked, so it
// follows every setText() without the callers' help.
class TitledLabelAccessible final : public QAccessibleWidget
{
public:
    explicit TitledLabelAccessible(QLabel *label)
        : QAccessibleWidget(label, QAccessible::StaticText)
    {}

    [[nodiscard]] QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name)
            return accessibleValueText(static_cast<const QLabel *>(widget()));
        return QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *titledLabelFactory(const QString &className, QObject *object)
{
    if (className == u"QLabel" && object && object->property(AccessibleTitleProperty).isValid())
        return new TitledLabelAccessible(static_cast<QLabel *>(object));
    return nullptr;
}

bool isAllDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QString isolate(const QString &text)
{
    return QChar(0x2068) + text + QChar(0x2069);
}

QString singleLine(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029 || u == 0x85)
            c = u' ';
    }
    return out;
}

QString shortened(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    QString out = text.left(std::max<qsizetype>(maxChars - 1, 0));
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out + QChar(0x2026);
}

QString displayHtml(const QString &untrustedHtml)
{
    if (untrustedHtml.size() <= MaxDisplayHtmlChars)
        return Html::sanitize(untrustedHtml);
    // The sanitiser rebuilds well-formed HTML from any prefix.
    return Html::sanitize(shortened(untrustedHtml, MaxDisplayHtmlChars)) + QStringLiteral("<p><i>") +
           Tr::tr("Shortened to the first %1 characters to keep CaseLens responsive.")
               .arg(QLocale().toString(MaxDisplayHtmlChars))
               .toHtmlEscaped() +
           QStringLiteral("</i></p>");
}

QString toolTipText(const QString &plainText, qsizetype maxChars)
{
    if (plainText.isEmpty())
        return {};
    QString escaped = shortened(plainText, maxChars).toHtmlEscaped();
    escaped.replace(u'\n', QStringLiteral("<br>"));
    return QStringLiteral("<p>") + escaped + QStringLiteral("</p>");
}

QStringList warningMessages(const Ticket &ticket, const QString &field)
{
    QStringList out;
    for (const ParseWarning &w : ticket.warnings) {
        if (w.field == field || w.field.startsWith(field + u'.') || w.field.startsWith(field + u'['))
            out.append(w.message);
    }
    return out;
}

QString warningMark(const QStringList &warnings)
{
    return warnings.isEmpty() ? QString() : QStringLiteral(" \u26A0");
}

QString localDateTimeText(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat);
}

QString relativeAgeText(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid() || !now.isValid())
        return {};
    const qint64 secs = then.secsTo(now);
    const bool future = secs < 0;
    const qint64 a = std::llabs(secs);
    if (a < 60)
        return Tr::tr("just now");
    if (a < 3600) {
        const int n = int(a / 60);
        return future ? Tr::tr("in %n minute(s)", nullptr, n) : Tr::tr("%n minute(s) ago", nullptr, n);
    }
    if (a < 86400) {
        const int n = int(a / 3600);
        return future ? Tr::tr("in %n hour(s)", nullptr, n) : Tr::tr("%n hour(s) ago", nullptr, n);
    }
    if (a < 86400LL * 45) {
        const int n = int(a / 86400);
        return future ? Tr::tr("in %n day(s)", nullptr, n) : Tr::tr("%n day(s) ago", nullptr, n);
    }
    if (a < 86400LL * 365) {
        const int n = int(a / (86400LL * 30));
        return future ? Tr::tr("in %n month(s)", nullptr, n) : Tr::tr("%n month(s) ago", nullptr, n);
    }
    const int n = int(std::min<qint64>(a / (86400LL * 365), 100000));
    return future ? Tr::tr("in %n year(s)", nullptr, n) : Tr::tr("%n year(s) ago", nullptr, n);
}

QString durationText(qint64 seconds)
{
    const qint64 a = std::llabs(seconds);
    if (a < 60)
        return Tr::tr("less than a minute");
    const qint64 days = a / 86400;
    const int hours = int((a % 86400) / 3600);
    const int minutes = int((a % 3600) / 60);
    const auto hourText = [](int n) { return Tr::tr("%n hour(s)", nullptr, n); };
    const auto minuteText = [](int n) { return Tr::tr("%n minute(s)", nullptr, n); };
    if (days > 0) {
        const QString d = Tr::tr("%n day(s)", nullptr, int(std::min<qint64>(days, 10000000)));
        return hours > 0 ? d + u' ' + hourText(hours) : d;
    }
    if (hours > 0)
        return minutes > 0 ? hourText(hours) + u' ' + minuteText(minutes) : hourText(hours);
    return minuteText(minutes);
}

QString formatPhoneNumber(const QString &number)
{
    QString digits = number.trimmed();
    if (digits.startsWith(u'+'))
        digits.remove(0, 1);
    if (!isAllDigits(digits))
        return number;
    if (digits.size() == 11 && digits.front() == u'1')
        digits.remove(0, 1);
    else if (digits.size() != 10 || number.trimmed().startsWith(u'+'))
        return number;
    return QStringLiteral("(%1) %2-%3").arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
}

QString languageText(const QString &code)
{
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QString lower = trimmed.toLower().replace(u'-', u'_');
    const QLocale locale(lower);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage ||
        !lower.startsWith(QLocale::languageToCode(locale.language()))) {
        return trimmed;
    }
    return QStringLiteral("%1 (%2)").arg(languageName(locale.language()), trimmed); // in the UI language
}

QString capitalized(const QString &text)
{
    if (text.isEmpty())
        return text;
    // Product areas that are acronyms.
    if (text.compare(QStringLiteral("api"), Qt::CaseInsensitive) == 0 ||
        text.compare(QStringLiteral("aws"), Qt::CaseInsensitive) == 0) {
        return text.toUpper();
    }
    return text.front().toUpper() + text.mid(1);
}

bool isOpenableUrl(const QUrl &url, bool allowMailto)
{
    if (!url.isValid() || url.isRelative())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return !url.host().isEmpty() && Html::isAllowedLinkUrl(url.toString(QUrl::FullyEncoded));
    if (allowMailto && scheme == u"mailto") {
        const QString address = url.path();
        return address.contains(u'@') && Html::isAllowedLinkUrl(url.toString(QUrl::FullyEncoded));
    }
    return false;
}

QUrl httpsUrlFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive) || trimmed.size() > 4096)
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    return isOpenableUrl(url, false) ? url : QUrl();
}

QString jsonValueText(const QJsonValue &value, qsizetype maxChars)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? Tr::tr("true") : Tr::tr("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.0e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return shortened(value.toString(), maxChars);
    case QJsonValue::Array:
        return shortened(QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)),
                         maxChars);
    case QJsonValue::Object:
        return shortened(QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)),
                         maxChars);
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QLabel *makeEmptyStateLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAccessibleName(text);
    label->setObjectName(QStringLiteral("emptyState"));
    return label;
}

QWidget *makeBarPage(QWidget *parent, const QList<QWidget *> &bar, QWidget *body, QWidget *above)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    if (above)
        layout->addWidget(above);
    auto *row = new QHBoxLayout;
    for (qsizetype i = 0; i < bar.size(); ++i)
        row->addWidget(bar.at(i), i == 0 ? 1 : 0);
    layout->addLayout(row);
    layout->addWidget(body, 1);
    return page;
}

QLabel *fillWithContentStack(QWidget *tab, QStackedWidget *stack, QWidget *content, const QString &emptyText)
{
    stack->addWidget(content);
    QLabel *empty = makeEmptyStateLabel(emptyText, tab);
    stack->addWidget(empty);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack);
    return empty;
}

QLabel *makePlainLabel(QWidget *parent, const QString &title)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    setAccessibleTitle(label, title);
    return label;
}

void setAccessibleTitle(QLabel *label, const QString &title)
{
    // Installed once, before the first interface is asked for; factories
    // installed later are asked first, so this one precedes Qt's own.
    static const bool installed = [] {
        QAccessible::installFactory(titledLabelFactory);
        return true;
    }();
    Q_UNUSED(installed)
    label->setProperty(AccessibleTitleProperty, title);
}

QString accessibleValueText(const QLabel *label)
{
    // A name set on purpose still wins, as it does for any widget.
    if (!label->accessibleName().isEmpty())
        return label->accessibleName();
    const QString title = label->property(AccessibleTitleProperty).toString();
    const bool rich = label->textFormat() == Qt::RichText ||
                      (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    const QString value = rich ? QTextDocumentFragment::fromHtml(label->text()).toPlainText() : label->text();
    if (title.isEmpty())
        return value;
    if (value.isEmpty())
        return title;
    return Tr::tr("%1: %2", "accessible name of a value: its title and its value").arg(title, value);
}

} // namespace CaseLens::Gui
