#include "ticketview/fieldtext.h"

#include "core/ticketparser.h"
#include "ticketview/viewhelpers.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace CaseLens::Gui {
namespace {

constexpr const char *Context = "CaseLens::Gui::FieldText";
constexpr qsizetype ShortTokenChars = 8;

struct Label
{
    QStringView key;
    const char *text;
};

// The contract's names and the ones its undocumented parts (Survey,
// GitHubIssue, AttachmentInfo, Documentation) are seen with.
constexpr Label Labels[] = {
    {u"CaseNumber", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Case number")},
    {u"CaseId", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Case ID")},
    {u"ClosedAt", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Closed")},
    {u"CloseDate", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Closed")},
    {u"ClosedBy", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Closed by")},
    {u"CreatedAt", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Created")},
    {u"CreationDate", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Created")},
    {u"Date", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Created")},
    {u"UpdatedAt", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Updated")},
    {u"SubmittedAt", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Submitted")},
    {u"LastLogin", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Last sign-in")},
    {u"TotalBytes", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Size")},
    {u"Size", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Size")},
    {u"FileSize", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Size")},
    {u"LargestFile", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Largest file")},
    {u"Count", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Number of files")},
    {u"Url", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Link")},
    {u"Link", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Link")},
    {u"Title", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Title")},
    {u"Subject", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Subject")},
    {u"Description", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Description")},
    {u"Priority", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Priority")},
    {u"Status", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Status")},
    {u"State", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "State")},
    {u"Number", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Number")},
    {u"Labels", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Labels")},
    {u"ResourceAffected", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Product area")},
    {u"AssignTo", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Assigned to")},
    {u"Email", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "E-mail")},
    {u"FullName", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Name")},
    {u"Name", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Name")},
    {u"Nickname", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Nickname")},
    {u"UserToken", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "User")},
    {u"UserType", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "User type")},
    {u"Rating", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Rating")},
    {u"Comment", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Comment")},
    {u"Question", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Question")},
    {u"Answer", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Answer")},
    {u"Answers", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Answers")},
};

struct Action
{
    QStringView key;
    const char *text;
    QRgb color;
};

// Mid-tone colours (Tableau 10) readable on light and dark backgrounds; a
// colour belongs to one meaning (note and reply share theirs).
constexpr Action Actions[] = {
    {u"create", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Created"), 0x4e79a7},
    {u"update", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Updated"), 0xf28e2b},
    {u"edit", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Edited"), 0xf28e2b},
    {u"resolve", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Resolved"), 0x59a14f},
    {u"close", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Closed"), 0x59a14f},
    {u"reopen", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Reopened"), 0xe15759},
    {u"note", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Note"), 0x76b7b2},
    {u"reply", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Note"), 0x76b7b2},
    {u"comment", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Note"), 0x76b7b2},
    {u"view", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Viewed"), 0xbab0ac},
    {u"assign", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Assigned"), 0xb07aa1},
    {u"pin", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Pinned"), 0xedc948},
    {u"unpin", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Unpinned"), 0xedc948},
    {u"upload", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "File added"), 0x9c755f},
    {u"delete", QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Deleted"), 0xff9da7},
};

QString translated(const char *text)
{
    return QCoreApplication::translate(Context, text);
}

const Action *knownAction(const QString &action)
{
    const QString key = action.trimmed();
    for (const Action &known : Actions) {
        if (key.compare(known.key, Qt::CaseInsensitive) == 0)
            return &known;
    }
    return nullptr;
}

bool isDateShaped(QStringView s)
{
    const auto digit = [s](qsizetype i) { return s.at(i) >= u'0' && s.at(i) <= u'9'; };
    return s.size() >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && s.at(4) == u'-' && digit(5) &&
           digit(6) && s.at(7) == u'-' && digit(8) && digit(9) && (s.size() == 10 || s.at(10) == u'T');
}

} // namespace

QString fieldLabel(QStringView key)
{
    for (const Label &label : Labels) {
        if (key.compare(label.key, Qt::CaseInsensitive) == 0)
            return translated(label.text);
    }
    return {};
}

FieldKind fieldKind(QStringView key)
{
    if (key.contains(u"token", Qt::CaseInsensitive))
        return FieldKind::Token;
    if (key.contains(u"bytes", Qt::CaseInsensitive) || key.compare(u"Size", Qt::CaseInsensitive) == 0 ||
        key.compare(u"FileSize", Qt::CaseInsensitive) == 0 ||
        key.compare(u"LargestFile", Qt::CaseInsensitive) == 0)
        return FieldKind::Size;
    return FieldKind::Plain;
}

QString localDateText(const QString &text)
{
    const QStringView s = QStringView(text).trimmed();
    if (!isDateShaped(s))
        return {};
    const QLocale locale;
    if (s.size() == 10) { // a calendar day has no time zone: shown as the day it names
        const QDate day = QDate::fromString(s.toString(), Qt::ISODate);
        return day.isValid() ? locale.toString(day, QLocale::ShortFormat) : QString();
    }
    const QDateTime utc = parseTicketDate(s);
    return utc.isValid() ? locale.toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString dataSizeText(const QJsonValue &value)
{
    qint64 bytes = -1;
    if (value.isDouble()) {
        const double n = value.toDouble();
        if (n >= 0 && n < 9e18 && std::trunc(n) == n)
            bytes = qint64(n);
    } else if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        if (ok && n >= 0)
            bytes = n;
    }
    return bytes < 0 ? QString() : QLocale().formattedDataSize(bytes);
}

QString tokenKey(const QString &token)
{
    return token.trimmed().toCaseFolded();
}

QString personText(const QString &token, const QHash<QString, QString> &namesByKey, const QString &youKey)
{
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty())
        return translated(QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Unknown"));
    const QString key = tokenKey(trimmed);
    if (!youKey.isEmpty() && key == youKey)
        return translated(QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "You"));
    const auto it = namesByKey.constFind(key);
    if (it != namesByKey.constEnd())
        return singleLine(shortened(*it, 200));
    //: %1 is the start of a user token, as in "Unknown user (0b8e9c4a…)"
    return translated(QT_TRANSLATE_NOOP("CaseLens::Gui::FieldText", "Unknown user (%1)"))
        .arg(singleLine(shortened(trimmed, ShortTokenChars + 1)));
}

QString actionText(const QString &action)
{
    if (const Action *known = knownAction(action))
        return translated(known->text);
    return singleLine(shortened(action.trimmed(), 200));
}

QColor actionColor(const QString &action)
{
    if (const Action *known = knownAction(action))
        return QColor::fromRgb(known->color);
    // FNV-1a: the same name gives the same colour on every ticket and every run
    // (qHash is seeded per process).
    quint32 hash = 2166136261U;
    for (const QChar c : action.trimmed().toCaseFolded()) {
        hash ^= c.unicode();
        hash *= 16777619U;
    }
    return QColor::fromHsl(int(hash % 360U), 120, 130);
}

bool isViewAction(const QString &action)
{
    return action.trimmed().compare(u"view", Qt::CaseInsensitive) == 0;
}

} // namespace CaseLens::Gui
