#pragma once

#include "core/ticket.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrl>

class QLabel;
class QStackedWidget;
class QWidget;

// Small, pure helpers shared by the ticket view's widgets and models.
namespace CaseLens::Gui {

// Item data role carrying the QUrl an item links to. Models set it only for
// URLs isOpenableUrl() accepts; views render such items as links.
inline constexpr int LinkUrlRole = Qt::UserRole + 100;

// Wraps a user string in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE so
// that bidi controls inside it (U+202E, ...) cannot reorder surrounding text.
[[nodiscard]] QString isolate(const QString &text);

// Control characters (new lines, tabs, ...) become spaces; for one-line labels.
[[nodiscard]] QString singleLine(const QString &text);

// At most maxChars characters, with an ellipsis when cut (never splits a
// surrogate pair).
[[nodiscard]] QString shortened(const QString &text, qsizetype maxChars);

// Untrusted HTML made safe to show (Html::sanitize), cut first to
// MaxDisplayHtmlChars with a note saying so: laying out megabytes of text
// (one 10 MB word takes minutes in QTextLine) would freeze the window.
inline constexpr qsizetype MaxDisplayHtmlChars = 100'000;
[[nodiscard]] QString displayHtml(const QString &untrustedHtml);

// A tooltip that shows text literally (escaped rich text, so "<b>" stays
// "<b>" and long text wraps), cut to a readable length.
[[nodiscard]] QString toolTipText(const QString &plainText, qsizetype maxChars = 2000);

// The parser warnings for a field ("Priority", "AccountInfo.Email", ...),
// matched like Ticket::hasWarningFor().
[[nodiscard]] QStringList warningMessages(const Ticket &ticket, const QString &field);

// " ⚠" when there are warnings, for appending to a label's text.
[[nodiscard]] QString warningMark(const QStringList &warnings);

// "26/01/2025 10:00" in the user's locale and time zone; empty when invalid.
[[nodiscard]] QString localDateTimeText(const QDateTime &dateTime);

// "3 days ago", "just now", "in 2 hours" (then relative to now).
[[nodiscard]] QString relativeAgeText(const QDateTime &then, const QDateTime &now);

// "2 days 6 hours", "45 minutes", "less than a minute".
[[nodiscard]] QString durationText(qint64 seconds);

// US numbers (10 digits, or 11 starting with 1) as "(555) 123-4567"; other
// values as sent.
[[nodiscard]] QString formatPhoneNumber(const QString &number);

// "Spanish (es)"; the code as sent when it names no known language.
[[nodiscard]] QString languageText(const QString &code);

// "Winners" for "winners"; "API" for "api", "AWS" for "aws".
[[nodiscard]] QString capitalized(const QString &text);

// True for URLs CaseLens lets the user open: https with a host, or (when
// allowMailto) mailto with an address. Never http, file, javascript, data, ...
[[nodiscard]] bool isOpenableUrl(const QUrl &url, bool allowMailto = true);

// The https URL text names (no mailto), or an invalid QUrl.
[[nodiscard]] QUrl httpsUrlFromText(const QString &text);

// A JSON value as one readable line: strings as they are, numbers as JSON
// writes them, objects and arrays as compact JSON (cut to maxChars).
[[nodiscard]] QString jsonValueText(const QJsonValue &value, qsizetype maxChars = 500);

// A centred, wrapped label in the placeholder colour for empty states.
[[nodiscard]] QLabel *makeEmptyStateLabel(const QString &text, QWidget *parent);

// A tab's page: a row of controls over a body that takes the rest of the
// height, and optionally a widget above the row. The row's first control
// stretches (the filter or find field of the notes, activity and raw tabs).
[[nodiscard]] QWidget *makeBarPage(QWidget *parent, const QList<QWidget *> &bar, QWidget *body,
                                   QWidget *above = nullptr);

// Lays a tab out as its stack: page 0 the content, page 1 an empty-state
// label saying emptyText (returned), so that the tab shows one or the other.
QLabel *fillWithContentStack(QWidget *tab, QStackedWidget *stack, QWidget *content, const QString &emptyText);

// A label for user text: plain text only, selectable, wrapping. A screen
// reader hears its title and its value ("E-mail: ana@example.com"), as
// setAccessibleTitle() arranges.
[[nodiscard]] QLabel *makePlainLabel(QWidget *parent, const QString &title);

// Makes the label's accessible name "title: text", following its text (rich
// text read as plain). An accessible name set on a label would hide its text
// from screen readers, so value labels carry a title instead.
void setAccessibleTitle(QLabel *label, const QString &title);

// What a screen reader hears for a label given a title: "E-mail: ana@example.com".
[[nodiscard]] QString accessibleValueText(const QLabel *label);

} // namespace CaseLens::Gui
