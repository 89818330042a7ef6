#include "app/demoqueue.h"

#include "app/demoserver.h"
#include "core/platforms.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace CaseLens::Gui {

using Loopback::HttpResponse;
using namespace Qt::StringLiterals;

namespace {

// What agents write about, per generated ticket; %1 is the product area.
constexpr std::array Problems = {
    "%1: entries stop being counted after midnight",
    "%1 page shows the wrong time zone for the draw",
    "Cannot upload a logo larger than 2 MB in %1",
    "%1 export misses the last column",
    "Duplicate entries from the same e-mail in %1",
    "%1: reminder e-mails go out twice",
    "How do I move a sweepstakes between accounts in %1?",
    "%1 widget is blank on Safari",
    "Winner notification bounced for several entrants (%1)",
    "%1 settings page times out when saving",
    "Request: allow CSV import of alternate winners in %1",
    "%1 shows entries from a test campaign",
    "Age gate in %1 accepts dates in the future",
    "%1: Spanish translation missing on the thank-you page",
    "Webhook from %1 arrives without a signature",
    "%1 report totals do not match the dashboard",
};

constexpr std::array Requesters = {"Ana Ruiz",   "Marcus Lee",  "Priya Nair",
                                   "Tom Becker", "Sofia Rossi", "Jon Park"};

// A small deterministic generator: the same demo on every run.
class Sequence
{
public:
    quint32 next()
    {
        m_state = m_state * 1664525u + 1013904223u;
        return m_state >> 8;
    }
    int below(int n) { return int(next() % quint32(n)); }

private:
    quint32 m_state = 20260101u;
};

QString isoDate(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

// The real server's answer to a filter it does not take.
HttpResponse badRequest(const QString &message)
{
    HttpResponse response = HttpResponse::error(400, message);
    response.contentType = "application/json; charset=utf-8";
    return response;
}

QString plainText(const QString &html)
{
    QString text = html;
    text.remove(QRegularExpression(u"<[^>]*>"_s));
    return text;
}

} // namespace

DemoQueue::DemoQueue(const QString &directory, const QDateTime &now)
{
    addBundled(directory);
    addGenerated(now);
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.created.isValid() != b.created.isValid())
            return a.created.isValid();
        return a.created > b.created;
    });
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_generated.contains(m_entries.at(i).caseNumber))
            m_generated[m_entries.at(i).caseNumber] = i;
    }
}

void DemoQueue::addBundled(const QString &directory)
{
    const QStringList cases = DemoServer::caseNumbers(directory);
    for (const QString &caseNumber : cases) {
        QFile file(directory + u'/' + caseNumber + u".json"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object().value(u"Data").toObject();
        Entry entry;
        entry.caseNumber = caseNumber;
        entry.subject = data.value(u"Subject").toString().left(100);
        entry.description = data.value(u"Description").toString();
        entry.date = data.value(u"Date");
        entry.priority = data.value(u"Priority");
        entry.resourceAffected = data.value(u"ResourceAffected");
        entry.created = QDateTime::fromString(entry.date.toString(), Qt::ISODateWithMs);
        // Status is a boolean (true = closed); a malformed ticket may say "Closed".
        const QJsonValue status = data.value(u"Status");
        entry.closed = status.isBool() ? status.toBool() : status.toString().trimmed().toLower() == u"closed";
        m_entries.append(entry);
    }
}

void DemoQueue::addGenerated(const QDateTime &now)
{
    static constexpr char16_t Alphabet[] = u"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const QList<Platform> &platforms = documentedPlatforms();
    Sequence random;
    for (int i = 0; i < GeneratedOpen + GeneratedClosed; ++i) {
        Entry entry;
        do {
            entry.caseNumber.clear();
            for (int c = 0; c < 7; ++c)
                entry.caseNumber.append(QChar(Alphabet[random.below(int(std::size(Alphabet)) - 1)]));
        } while (m_generated.contains(entry.caseNumber) ||
                 std::any_of(m_entries.cbegin(), m_entries.cend(),
                             [&](const Entry &e) { return e.caseNumber == entry.caseNumber; }));
        const Platform &platform = platforms.at(random.below(int(platforms.size())));
        entry.subject = QString::fromLatin1(Problems.at(random.below(int(Problems.size()))))
                            .arg(QString::fromLatin1(platform.englishName)); // demo data is English
        entry.description = u"<p>%1</p><p>Reported by %2. It started after the last update.</p>"_s.arg(
            entry.subject.toHtmlEscaped(),
            QString::fromLatin1(Requesters.at(random.below(int(Requesters.size())))));
        entry.priority = 1 + random.below(3);
        entry.resourceAffected = platform.id;
        entry.closed = i >= GeneratedOpen;
        // Open tickets over the last three weeks, closed ones before them.
        const qint64 minutesAgo = qint64(i) * 620 + random.below(300) + 25;
        entry.created = now.toUTC().addSecs(-minutesAgo * 60);
        entry.date = isoDate(entry.created);
        m_generated.insert(entry.caseNumber, m_entries.size());
        m_entries.append(entry);
    }
}

int DemoQueue::count(bool closed) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [closed](const Entry &e) { return e.closed == closed; }));
}

DemoQueue::Entry *DemoQueue::find(const QString &caseNumber)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const Entry &e) { return e.caseNumber == caseNumber; });
    return it == m_entries.end() ? nullptr : &*it;
}

void DemoQueue::markClosed(const QString &caseNumber)
{
    if (Entry *entry = find(caseNumber))
        entry->closed = true;
}

void DemoQueue::setText(const QString &caseNumber, const QString &subject, const QString &description)
{
    if (Entry *entry = find(caseNumber)) {
        entry->subject = subject.left(100);
        entry->description = description;
    }
}

void DemoQueue::addNew(const QString &caseNumber, const QString &subject, const QString &description,
                       const QString &date, int priority, const QString &resourceAffected)
{
    Entry entry;
    entry.caseNumber = caseNumber;
    entry.subject = subject.left(100);
    entry.description = description;
    entry.date = date;
    entry.priority = priority;
    entry.resourceAffected = resourceAffected;
    entry.created = QDateTime::fromString(date, Qt::ISODateWithMs);
    m_entries.prepend(entry); // the newest
    for (qsizetype &index : m_generated)
        ++index;
}

HttpResponse DemoQueue::list(const QByteArray &body, bool closed) const
{
    const QJsonObject request = QJsonDocument::fromJson(body).object();
    const QString search = request.value(u"search").toString().trimmed();
    int priority = 0;
    if (request.contains(u"priority")) {
        priority = request.value(u"priority").toInt();
        if (priority < 1 || priority > 3)
            return badRequest(u"Invalid priority. Use 1 (Low), 2 (Medium) or 3 (High)."_s);
    }
    QString platform;
    if (request.contains(u"platform")) {
        platform = documentedPlatformId(request.value(u"platform").toString());
        if (platform.isEmpty()) {
            QStringList ids;
            for (const Platform &p : documentedPlatforms())
                ids.append(p.id);
            return badRequest(u"Invalid platform. Valid platforms: "_s + ids.join(u", "_s));
        }
    }
    const int page = std::max(1, request.value(u"page").toInt(1));

    QJsonArray rows;
    int total = 0;
    const int first = (page - 1) * PageSize;
    for (const Entry &entry : m_entries) {
        if (entry.closed != closed)
            continue;
        if (priority != 0 && entry.priority.toInt() != priority)
            continue;
        if (!platform.isEmpty() && entry.resourceAffected.toString().trimmed().toLower() != platform)
            continue;
        if (!search.isEmpty() && !entry.subject.contains(search, Qt::CaseInsensitive) &&
            !plainText(entry.description).contains(search, Qt::CaseInsensitive))
            continue;
        if (total >= first && total < first + PageSize) {
            rows.append(QJsonObject{{u"CaseNumber"_s, entry.caseNumber},
                                    {u"Subject"_s, entry.subject},
                                    {u"Date"_s, entry.date},
                                    {u"Priority"_s, entry.priority},
                                    {u"ResourceAffected"_s, entry.resourceAffected}});
        }
        ++total;
    }
    const QJsonObject data{{u"TotalTickets"_s, total},
                           {u"Page"_s, page},
                           {u"Limit"_s, PageSize},
                           {u"TotalPages"_s, (total + PageSize - 1) / PageSize},
                           {u"Tickets"_s, rows}};
    HttpResponse response = HttpResponse::json(200, QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}});
    response.contentType = "application/json; charset=utf-8";
    return response;
}

std::optional<QByteArray> DemoQueue::generatedTicket(const QString &caseNumber) const
{
    const auto found = m_generated.constFind(caseNumber);
    if (found == m_generated.constEnd())
        return std::nullopt;
    return ticketJson(m_entries.at(*found));
}

QByteArray DemoQueue::ticketJson(const Entry &entry)
{
    const QString requester = plainText(entry.description).section(u"Reported by "_s, 1).section(u'.', 0, 0);
    const QString email = requester.toLower().replace(u' ', u'.') + u"@example.com"_s;
    QJsonObject data{
        {u"CaseNumber"_s, entry.caseNumber},
        {u"Date"_s, entry.date},
        {u"Subject"_s, entry.subject},
        {u"Description"_s, entry.description},
        {u"Priority"_s, entry.priority},
        {u"Status"_s, entry.closed},
        {u"Completion"_s, entry.closed ? 100 : 0},
        {u"Pin"_s, false},
        {u"Views"_s, 3},
        {u"ResourceAffected"_s, entry.resourceAffected},
        {u"NotifyUsers"_s, QJsonArray{email}},
        {u"Collaborators"_s, QJsonArray{}},
        {u"Notes"_s,
         QJsonArray{QJsonObject{
             {u"Id"_s, 1}, {u"Date"_s, entry.date}, {u"Note"_s, u"Thanks, we are looking into it."_s}}}},
        {u"Statistics"_s, QJsonArray{QJsonObject{{u"Id"_s, 1},
                                                 {u"Date"_s, entry.date},
                                                 {u"UserToken"_s, u"demo-requester"_s},
                                                 {u"Action"_s, u"create"_s}}}},
        {u"Files"_s, QJsonArray{}},
        {u"Documentation"_s, QJsonArray{}},
        {u"AccountInfo"_s, QJsonObject{{u"FullName"_s, requester}, {u"Email"_s, email}}},
    };
    if (entry.closed) {
        data.insert(u"ClosedBy"_s, u"Dana Whitfield"_s);
        data.insert(u"CloseDate"_s, isoDate(entry.created.addDays(2)));
    }
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

} // namespace CaseLens::Gui
