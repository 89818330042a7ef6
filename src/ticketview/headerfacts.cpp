#include "ticketview/headerfacts.h"

#include "ticketview/viewhelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace CaseLens::Gui {
namespace {

constexpr qsizetype MaxRatingChars = 40;

// The value of the first key of keys present in object, compared without
// case: the shapes are undocumented, and "rating", "Rating" and "RATING" all occur
// in the wild.
QJsonValue valueOf(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (const QStringView key : keys) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0 && !it.value().isNull() &&
                !it.value().isUndefined())
                return it.value();
        }
    }
    return QJsonValue::Undefined;
}

// A number or a short string as one line; anything else (objects, arrays,
// booleans, NaN) is not a rating.
QString scalarText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::abs(d) > 1e6)
            return {};
        return QLocale().toString(d, 'g', 6);
    }
    if (value.isString())
        return singleLine(shortened(value.toString().trimmed(), MaxRatingChars)).trimmed();
    return {};
}

QJsonObject firstObject(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            if (entry.isObject())
                return entry.toObject();
        }
    }
    return {};
}

// "123" from ".../issues/123" or ".../pull/123".
QString numberFromPath(const QUrl &url)
{
    const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {};
    const QString &kind = parts.at(parts.size() - 2);
    bool ok = false;
    const qint64 n = parts.last().toLongLong(&ok);
    if (!ok || n <= 0 || (kind != u"issues" && kind != u"pull"))
        return {};
    return QString::number(n);
}

} // namespace

QString surveyRatingText(const QJsonValue &survey)
{
    if (survey.isDouble() || survey.isString())
        return scalarText(survey);
    const QJsonObject object = firstObject(survey);
    if (object.isEmpty())
        return {};
    const QString rating = scalarText(
        valueOf(object, {u"Rating", u"Score", u"Stars", u"Satisfaction", u"Value", u"Result", u"Answer"}));
    if (rating.isEmpty())
        return {};
    const QJsonValue scale = valueOf(object, {u"Max", u"OutOf", u"Scale", u"MaxRating", u"MaxScore"});
    if (scale.isDouble() && !rating.contains(u'/')) {
        const QString scaleText = scalarText(scale);
        if (!scaleText.isEmpty())
            return rating + u'/' + scaleText;
    }
    return rating;
}

IssueLink gitHubIssueLink(const QJsonValue &gitHubIssue)
{
    IssueLink link;
    QJsonValue number;
    if (gitHubIssue.isString()) {
        link.url = httpsUrlFromText(gitHubIssue.toString());
    } else if (gitHubIssue.isArray()) {
        // [1842, "https://…"]: the first https string, and a number beside it.
        const QJsonArray array = gitHubIssue.toArray();
        for (const QJsonValue &entry : array) {
            if (!link.url.isValid() && entry.isString())
                link.url = httpsUrlFromText(entry.toString());
            else if (number.isNull() && entry.isDouble())
                number = entry;
        }
        if (!link.url.isValid())
            return gitHubIssueLink(firstObject(gitHubIssue));
    } else {
        const QJsonObject object = firstObject(gitHubIssue);
        const QJsonValue url =
            valueOf(object, {u"HtmlUrl", u"html_url", u"Url", u"Link", u"Href", u"IssueUrl"});
        if (url.isString())
            link.url = httpsUrlFromText(url.toString());
        number = valueOf(object, {u"Number", u"IssueNumber"});
        const QJsonValue title = valueOf(object, {u"Title"});
        if (title.isString())
            link.title = singleLine(shortened(title.toString().trimmed(), 200));
    }
    if (!link.url.isValid())
        return {};
    if (number.isDouble() && number.toDouble() >= 1 && number.toDouble() < 1e12)
        link.number = QString::number(qint64(number.toDouble()));
    else if (number.isString() && !number.toString().trimmed().isEmpty())
        link.number = singleLine(shortened(number.toString().trimmed(), 20));
    if (link.number.isEmpty())
        link.number = numberFromPath(link.url);
    return link;
}

QDateTime lastNoteDate(const Ticket &ticket)
{
    QDateTime last;
    for (const Note &note : ticket.notes) {
        if (note.date.isValid() && (!last.isValid() || note.date > last))
            last = note.date;
    }
    return last;
}

bool isLongOpen(const Ticket &ticket, const QDateTime &now)
{
    return ticket.status == TicketStatus::Open && ticket.created.isValid() && now.isValid() &&
           ticket.created.secsTo(now) > LongOpenDays * 86400;
}

} // namespace CaseLens::Gui
