#pragma once

#include "core/ticket.h"

#include <QJsonDocument>
#include <QString>

// Where two parse results differ, for the tests and the fuzz check that hold
// the text reader (core/plainticket.h) to the tree reader's results: every
// field the ticket carries, its warnings, its error and the telemetry.
// Header-only: the fuzz targets use it without the Qt Test support library.
namespace CaseLens::Testing {

namespace TicketDiffDetail {

inline QString dateText(const QDateTime &dt)
{
    return dt.isValid() ? QString::number(dt.toMSecsSinceEpoch()) + u'/' + QString::number(int(dt.timeSpec()))
                        : QStringLiteral("invalid");
}

inline QString jsonText(const QJsonValue &v)
{
    if (v.isUndefined())
        return QStringLiteral("undefined");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

inline QString optionalText(const std::optional<double> &d)
{
    return d ? QString::number(*d, 'g', 17) : QStringLiteral("none");
}

inline QString optionalText(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QStringLiteral("none");
}

} // namespace TicketDiffDetail

// Empty when a and b are the same result; else the first field that differs,
// with both values (cut to 200 characters).
inline QString ticketResultDifference(const TicketResult &a, const TicketResult &b)
{
    using namespace TicketDiffDetail;
    QString difference;
    const auto same = [&difference](const QString &what, const QString &x, const QString &y) {
        if (difference.isEmpty() && x != y)
            difference = what + QStringLiteral(": ") + x.left(200) + QStringLiteral(" | ") + y.left(200);
    };
    same(QStringLiteral("error kind"), QString::number(int(a.error.kind())),
         QString::number(int(b.error.kind())));
    same(QStringLiteral("error message"), a.error.message(), b.error.message());
    same(QStringLiteral("error detail"), a.error.detail(), b.error.detail());
    same(QStringLiteral("telemetry"), QString::number(a.telemetry.has_value()),
         QString::number(b.telemetry.has_value()));
    if (a.telemetry && b.telemetry) {
        same(QStringLiteral("APICalls"), optionalText(a.telemetry->apiCalls),
             optionalText(b.telemetry->apiCalls));
        same(QStringLiteral("MaxAPICalls"), optionalText(a.telemetry->maxApiCalls),
             optionalText(b.telemetry->maxApiCalls));
        same(QStringLiteral("DataConsumed"), a.telemetry->dataConsumed, b.telemetry->dataConsumed);
    }
    const Ticket &s = a.ticket;
    const Ticket &t = b.ticket;
    same(QStringLiteral("warnings"), QString::number(s.warnings.size()), QString::number(t.warnings.size()));
    for (qsizetype i = 0; i < s.warnings.size() && i < t.warnings.size(); ++i) {
        same(QStringLiteral("warning field"), s.warnings.at(i).field, t.warnings.at(i).field);
        same(QStringLiteral("warning"), s.warnings.at(i).message, t.warnings.at(i).message);
    }
    same(QStringLiteral("CaseNumber"), s.caseNumber, t.caseNumber);
    same(QStringLiteral("Date"), dateText(s.created), dateText(t.created));
    same(QStringLiteral("Subject"), s.subject, t.subject);
    same(QStringLiteral("Description"), s.descriptionHtml, t.descriptionHtml);
    same(QStringLiteral("Priority"), QString::number(int(s.priority)), QString::number(int(t.priority)));
    same(QStringLiteral("Status"), QString::number(int(s.status)), QString::number(int(t.status)));
    same(QStringLiteral("ClosedBy"), s.closedBy, t.closedBy);
    same(QStringLiteral("CloseDate"), dateText(s.closeDate), dateText(t.closeDate));
    same(QStringLiteral("Completion"), QString::number(s.completion), QString::number(t.completion));
    same(QStringLiteral("Pin"), QString::number(s.pinned), QString::number(t.pinned));
    same(QStringLiteral("Views"), QString::number(s.views), QString::number(t.views));
    same(QStringLiteral("ResourceAffected"), s.resourceAffected, t.resourceAffected);
    same(QStringLiteral("NotifyUsers"), s.notifyUsers.join(u'\x1f') + QString::number(s.notifyUsers.size()),
         t.notifyUsers.join(u'\x1f') + QString::number(t.notifyUsers.size()));
    same(QStringLiteral("Notes"), QString::number(s.notes.size()), QString::number(t.notes.size()));
    for (qsizetype i = 0; i < s.notes.size() && i < t.notes.size() && difference.isEmpty(); ++i) {
        const Note &x = s.notes.at(i);
        const Note &y = t.notes.at(i);
        const QString at = QStringLiteral("Notes[%1].").arg(i);
        same(at + QStringLiteral("Id"), x.id, y.id);
        same(at + QStringLiteral("Date"), dateText(x.date), dateText(y.date));
        same(at + QStringLiteral("Note"), x.html, y.html);
        same(at + QStringLiteral("author"), x.author, y.author);
    }
    same(QStringLiteral("Statistics"), QString::number(s.statistics.size()),
         QString::number(t.statistics.size()));
    for (qsizetype i = 0; i < s.statistics.size() && i < t.statistics.size() && difference.isEmpty(); ++i) {
        const StatisticEntry &x = s.statistics.at(i);
        const StatisticEntry &y = t.statistics.at(i);
        const QString at = QStringLiteral("Statistics[%1].").arg(i);
        same(at + QStringLiteral("Id"), x.id, y.id);
        same(at + QStringLiteral("Date"), dateText(x.date), dateText(y.date));
        same(at + QStringLiteral("UserToken"), x.userToken, y.userToken);
        same(at + QStringLiteral("Action"), x.action, y.action);
    }
    const Requester &p = s.requester;
    const Requester &q = t.requester;
    same(QStringLiteral("AccountInfo.UserToken"), p.userToken, q.userToken);
    same(QStringLiteral("AccountInfo.FullName"), p.fullName, q.fullName);
    same(QStringLiteral("AccountInfo.Email"), p.email, q.email);
    same(QStringLiteral("AccountInfo.MobileNumber"), p.mobileNumber, q.mobileNumber);
    same(QStringLiteral("AccountInfo.UserType"), p.userType, q.userType);
    same(QStringLiteral("AccountInfo.UserAgent"), p.userAgent, q.userAgent);
    same(QStringLiteral("AccountInfo.IpAddress"), p.ipAddress, q.ipAddress);
    same(QStringLiteral("AccountInfo.Language"), p.language, q.language);
    same(QStringLiteral("AccountInfo.GeoLat"), optionalText(p.geoLat), optionalText(q.geoLat));
    same(QStringLiteral("AccountInfo.GeoLon"), optionalText(p.geoLon), optionalText(q.geoLon));
    same(QStringLiteral("AccountInfo.SweepstakesName"), p.sweepstakesName, q.sweepstakesName);
    same(QStringLiteral("Collaborators"), jsonText(s.collaborators), jsonText(t.collaborators));
    same(QStringLiteral("Files"), jsonText(s.files), jsonText(t.files));
    same(QStringLiteral("attachments"), QString::number(s.attachments.size()),
         QString::number(t.attachments.size()));
    for (qsizetype i = 0; i < s.attachments.size() && i < t.attachments.size(); ++i) {
        const Attachment &x = s.attachments.at(i);
        const Attachment &y = t.attachments.at(i);
        same(QStringLiteral("attachment"),
             x.name + u'|' + optionalText(x.size) + u'|' + x.type + u'|' + x.link,
             y.name + u'|' + optionalText(y.size) + u'|' + y.type + u'|' + y.link);
    }
    same(QStringLiteral("Documentation"), jsonText(s.documentation), jsonText(t.documentation));
    same(QStringLiteral("Survey"), jsonText(s.survey), jsonText(t.survey));
    same(QStringLiteral("AttachmentInfo"), jsonText(s.attachmentInfo), jsonText(t.attachmentInfo));
    same(QStringLiteral("GitHubIssue"), jsonText(s.gitHubIssue), jsonText(t.gitHubIssue));
    same(QStringLiteral("raw"), jsonText(s.raw.object()), jsonText(t.raw.object()));
    same(QStringLiteral("raw is empty"), QString::number(s.raw.isEmpty()), QString::number(t.raw.isEmpty()));
    same(QStringLiteral("rawAnswer"), QString::number(qHash(s.rawAnswer)),
         QString::number(qHash(t.rawAnswer)));
    return difference;
}

} // namespace CaseLens::Testing
