#pragma once

#include "core/ticket.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QUrl>

// What the ticket header reads from a ticket beyond its documented fields:
// pure functions, so that their defensive reading is tested on its own.
namespace CaseLens::Gui {

// A ticket open longer than this is flagged "Long open" in the header.
inline constexpr qint64 LongOpenDays = 14;

// The survey's rating as one short line ("4/5", "Satisfied"), read from the
// undocumented Survey value: a number, a string, or an object (or the first
// object of an array) with a rating-like key (Rating, Score, Stars, ...) and
// optionally a scale (Max, OutOf, Scale). Empty when absent or unreadable.
[[nodiscard]] QString surveyRatingText(const QJsonValue &survey);

// A linked GitHub issue read from the undocumented GitHubIssue value: a URL
// string, an object with a URL-like key (HtmlUrl, Url, Link, ...) and
// optionally a Number and Title, or an array holding either. Only https URLs count: anything else is no link.
struct IssueLink
{
    QUrl url;       // https only; invalid when there is no readable link
    QString number; // "123" from Number or the URL's /issues/123; may be empty
    QString title;  // the issue's Title when sent
};
[[nodiscard]] IssueLink gitHubIssueLink(const QJsonValue &gitHubIssue);

// The newest dated note's date (UTC), or an invalid QDateTime.
[[nodiscard]] QDateTime lastNoteDate(const Ticket &ticket);

// True when the ticket is open and was created more than LongOpenDays before now.
[[nodiscard]] bool isLongOpen(const Ticket &ticket, const QDateTime &now);

} // namespace CaseLens::Gui
