#pragma once

// Test tickets for the benchmarks, generated (no data files): a typical
// ticket shaped like the documented example, and a large one with 5,000
// notes of ~300 characters and 20,000 statistics (about 5 MB). Both are
// complete fetchSingleTicket answers ({"Response":true,"Data":{...}}), with
// the server's key order, deterministic byte for byte.

#include <QByteArray>
#include <QList>
#include <QStringBuilder>

namespace CaseLens::Bench {

inline void appendTicketHead(QByteArray &out, const char *caseNumber)
{
    out += R"({"Response":true,"Code":200,"Message":"OK","Data":{"CaseNumber":")";
    out += caseNumber;
    out +=
        R"(","Date":"2025-01-26T10:00:00.000Z",)"
        R"("Subject":"Winners list export fails for sweepstakes with more than 10,000 entries",)"
        R"("Description":"<p>When I export the winners list for <b>Summer Splash 2025</b>, the download )"
        R"(stops at 10,000 rows.</p><p>Steps:</p><ol><li>Open Winners</li><li>Click <i>Export CSV</i></li>)"
        R"(</ol><p>See <a href=\"https://help.sweeppea.com/exports\">the export guide</a>.</p>",)"
        R"("Priority":3,"Status":true,"ClosedBy":"Dana Whitfield","CloseDate":"2025-01-28T16:45:30.250Z",)"
        R"("Completion":100,"Pin":true,"Views":42,"ResourceAffected":"Winners",)"
        R"("NotifyUsers":["ops@example.com","dana.whitfield@sweeppea.com"],)"
        R"("Collaborators":[{"UserToken":"7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91","FullName":"Dana Whitfield",)"
        R"("Email":"dana.whitfield@sweeppea.com","Role":"Support Engineer"}],)";
}

inline void appendTicketTail(QByteArray &out)
{
    out +=
        R"("Files":[{"FileName":"winners-export.csv","Size":482133,)"
        R"("Url":"https://files.sweeppea.com/t/HYXTNJV/winners-export.csv"}],)"
        R"("Documentation":[{"Title":"Exporting winners","Url":"https://help.sweeppea.com/exports"}],)"
        R"("Survey":{"Rating":5,"Comment":"Quick fix, thank you!"},)"
        R"("AttachmentInfo":{"Count":1,"TotalBytes":482133},)"
        R"("GitHubIssue":{"Number":1842,"Url":"https://github.com/sweeppea/platform/issues/1842","State":"closed"},)"
        R"("AccountInfo":{"UserToken":"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77","FullName":"Maria Gonzalez",)"
        R"("Email":"maria@example.com","MobileNumber":"15551234567","UserType":"Administrator",)"
        R"("UserAgent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",)"
        R"("IpAddress":"203.0.113.7","Language":"en","GeoLat":40.7128,"GeoLon":-74.006,)"
        R"("SweepstakesName":"Summer Splash 2025"}}})";
}

inline QByteArray twoDigits(int n)
{
    return QByteArray::number(n).rightJustified(2, '0');
}

// "2025-01-26T10:05:12.000Z"-style dates, one per index, all valid.
inline QByteArray dateFor(int i)
{
    QByteArray s("2025-");
    s += twoDigits(1 + i % 12) + '-' + twoDigits(1 + i % 28) + 'T' + twoDigits(i % 24) + ':' +
         twoDigits(i % 60) + ':' + twoDigits((i / 60) % 60) + '.' +
         QByteArray::number(i % 1000).rightJustified(3, '0') + 'Z';
    return s;
}

// About 300 characters of note, HTML in half of them, one escape each.
inline QByteArray noteText(int i)
{
    QByteArray s = (i % 2) ? "<p>Update " : "Update ";
    s += QByteArray::number(i);
    s += R"(: we looked at the export again and the download still stops at 10,000 rows. )"
         R"(The \"Summer Splash 2025\" winners list has 14,212 entries; the CSV ends mid-row. )"
         R"(Please check the streaming exporter and the proxy timeouts on the files host, )"
         R"(then reply here with what you find.)";
    if (i % 2)
        s += "</p>";
    return s;
}

inline QByteArray typicalTicket()
{
    QByteArray out;
    appendTicketHead(out, "HYXTNJV");
    out +=
        R"("Notes":[)"
        R"({"Id":101,"Date":"2025-01-26T10:05:12.000Z","Note":"Thanks for reporting this. Could you tell us the sweepstakes ID?"},)"
        R"({"Id":102,"Date":"2025-01-26T11:20:00.000Z","Note":"<p>It is <b>SS-2025-0612</b>. The export stops at exactly 10,000 rows.</p>"},)"
        R"({"Id":103,"Date":"2025-01-28T16:40:00.000Z","Note":"<p>Fixed in release 3.14.2: exports are now streamed.</p><p>Please try again.</p>"}],)"
        R"("Statistics":[)"
        R"({"Id":1,"Date":"2025-01-26T10:00:00.000Z","UserToken":"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77","Action":"create"},)"
        R"({"Id":2,"Date":"2025-01-26T10:05:12.000Z","UserToken":"7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91","Action":"update"},)"
        R"({"Id":3,"Date":"2025-01-26T11:20:00.000Z","UserToken":"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77","Action":"update"},)"
        R"({"Id":4,"Date":"2025-01-28T16:45:30.250Z","UserToken":"7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91","Action":"resolve"}],)";
    appendTicketTail(out);
    return out;
}

inline constexpr int LargeNoteCount = 5000;
inline constexpr int LargeStatisticCount = 20000;

inline QByteArray largeTicket()
{
    static const char *const actions[] = {"create", "update", "view", "assign", "comment", "resolve"};
    static const char *const tokens[] = {"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77",
                                         "7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91",
                                         "c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"};
    QByteArray out;
    out.reserve(6 * 1024 * 1024);
    appendTicketHead(out, "LARGE01");
    out += R"("Notes":[)";
    for (int i = 0; i < LargeNoteCount; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"Id":)";
        out += QByteArray::number(100000 + i) + R"(,"Date":")" + dateFor(i) + R"(","Note":")" + noteText(i) +
               R"("})";
    }
    out += R"(],"Statistics":[)";
    for (int i = 0; i < LargeStatisticCount; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"Id":)";
        out += QByteArray::number(i + 1) + R"(,"Date":")" + dateFor(i) + R"(","UserToken":")" +
               tokens[i % 3] + R"(","Action":")" + actions[i % 6] +
               R"(","Details":"Status changed by workflow rule #)" + QByteArray::number(i % 97) +
               R"( after review","Source":"web"})";
    }
    out += "],";
    appendTicketTail(out);
    return out;
}

// The answers to fetchOpenTickets pages 1..pageCount of a list of
// 20 * pageCount tickets, newest first, written as the API writes them
// (compact, so `jq -c '.Data.Tickets[]'` prints each row byte for byte as sent).
inline QList<QByteArray> ticketListPages(int pageCount)
{
    static constexpr const char *areas[] = {"winners", "general", "api", "website", "mcp-server"};
    QList<QByteArray> pages;
    const int total = 20 * pageCount;
    for (int page = 1; page <= pageCount; ++page) {
        QByteArray out = R"({"Response":true,"Code":200,"Message":"OK","Data":{"TotalTickets":)";
        out += QByteArray::number(total) + R"(,"Page":)" + QByteArray::number(page) +
               R"(,"Limit":20,"TotalPages":)" + QByteArray::number(pageCount) + R"(,"Tickets":[)";
        for (int i = (page - 1) * 20; i < page * 20; ++i) {
            if (i % 20)
                out += ',';
            out += R"({"CaseNumber":"Q)" + QByteArray::number(100000 + i) +
                   R"(","Subject":"Winners export )"
                   R"(stops at 10,000 rows for sweepstakes )" +
                   QByteArray::number(total - i) + R"(","Date":")" + dateFor(total - i) + R"(","Priority":)" +
                   QByteArray::number(1 + i % 3) + R"(,"ResourceAffected":")" + areas[i % 5] + R"("})";
        }
        out += "]}}";
        pages << out;
    }
    return pages;
}

} // namespace CaseLens::Bench
