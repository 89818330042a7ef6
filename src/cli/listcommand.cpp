#include "cli/listcommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/listprinter.h"
#include "cli/ticketprinter.h"
#include "core/platforms.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>
#include <optional>

namespace CaseLens::Cli {

namespace {

// --all reads at most this many pages (2,000 tickets), then says so.
constexpr int MaxPages = 100;

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

// What the command line asked for, checked before anything is sent.
struct ListRequest
{
    TicketListQuery query;
    bool all = false;
    bool json = false;
};

std::optional<Priority> priorityFromText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"low" || t == u"1")
        return Priority::Low;
    if (t == u"medium" || t == u"2")
        return Priority::Medium;
    if (t == u"high" || t == u"3")
        return Priority::High;
    return std::nullopt;
}

QString platformList()
{
    QStringList ids;
    for (const Platform &platform : documentedPlatforms())
        ids << platform.id;
    return ids.join(QStringLiteral(", "));
}

// A usage error's message, or nothing when the options make a request.
std::optional<QString> readRequest(const QCommandLineParser &parser, ListRequest &request)
{
    request.query.status = parser.isSet(QStringLiteral("closed")) ? TicketStatus::Closed : TicketStatus::Open;
    request.query.search = parser.value(QStringLiteral("search"));
    request.json = parser.isSet(QStringLiteral("json"));
    request.all = parser.isSet(QStringLiteral("all"));
    if (!parser.positionalArguments().isEmpty())
        return tr("list: unexpected argument \"%1\"")
            .arg(stripControlCharacters(parser.positionalArguments().constFirst()));
    if (parser.isSet(QStringLiteral("priority"))) {
        const std::optional<Priority> priority = priorityFromText(parser.value(QStringLiteral("priority")));
        if (!priority)
            return tr("--priority: expected low, medium or high");
        request.query.priority = *priority;
    }
    if (parser.isSet(QStringLiteral("platform"))) {
        // The server answers 400 to anything else: say so without asking it.
        const QString name = parser.value(QStringLiteral("platform"));
        request.query.platform = documentedPlatformId(name);
        if (request.query.platform.isEmpty())
            return tr("--platform: unknown product area \"%1\"; use one of: %2")
                .arg(stripControlCharacters(name), platformList());
    }
    if (parser.isSet(QStringLiteral("page"))) {
        if (request.all)
            return tr("--page and --all cannot be used together");
        bool ok = false;
        const int page = parser.value(QStringLiteral("page")).toInt(&ok);
        if (!ok || page < 1)
            return tr("--page: expected a page number from 1");
        request.query.page = page;
    }
    return std::nullopt;
}

// Prints the pages it reads as they arrive, so a failure later keeps what
// was already shown; stops at the first error.
class ListPrinter final
{
    Q_DISABLE_COPY_MOVE(ListPrinter)

public:
    ListPrinter(ApiClient &client, const ListRequest &request)
        : m_client(client)
        , m_request(request)
    {}
    ~ListPrinter() = default;

    [[nodiscard]] int run()
    {
        if (m_request.all)
            return readAllPages();
        const int page = m_request.query.page;
        if (const int code = fetchPage(page); code != ExitOk)
            return code;
        print(page);
        printSummary(page, page);
        return ExitOk;
    }

private:
    // One page asked for and read into m_list; ExitOk, or the error's exit code.
    [[nodiscard]] int fetchPage(int page)
    {
        TicketListQuery query = m_request.query;
        query.page = page;
        const std::unique_ptr<TicketListReply> reply(m_client.fetchTickets(query));
        waitForReply(*reply, tr("page %1").arg(page));
        const TicketListResult &result = reply->result();
        if (!result.ok()) {
            printError(tr("page %1: %2").arg(page).arg(result.error.message()));
            printDetails(result.error);
            // The server refusing the filters is a usage error, as an
            // unknown platform caught here is.
            return result.error.kind() == ErrorKind::BadRequest ? int(ExitUsage)
                                                                : int(exitCodeFor(result.error));
        }
        m_list = result.list;
        return ExitOk;
    }

    [[nodiscard]] int readAllPages()
    {
        // One page at a time, never two requests at once: the API serves
        // one request per endpoint, and rows must come out in order. Each
        // page is printed once it is known to follow the one before.
        int previousTotalPages = -1;
        for (int page = 1;; ++page) {
            if (const int code = fetchPage(page); code != ExitOk)
                return code;
            if (const std::optional<QString> contradiction = pagingContradiction(page, previousTotalPages)) {
                printError(*contradiction);
                return ExitFailure;
            }
            previousTotalPages = m_list.totalPages;
            if (m_list.tickets.isEmpty()) {
                if (page <= m_list.totalPages)
                    printError(
                        tr("page %1 of %2 came back empty; stopped there").arg(page).arg(m_list.totalPages));
                printSummary(1, std::max(1, page - 1));
                return ExitOk;
            }
            print(page);
            if (page >= m_list.totalPages) {
                printSummary(1, page);
                return ExitOk;
            }
            if (page >= MaxPages) {
                printSummary(1, page);
                printError(tr("stopped after %1 pages, the most --all reads; %2 more remain (use --page to "
                              "read on, or narrow the list with --search, --priority or --platform)")
                               .arg(MaxPages)
                               .arg(m_list.totalPages - page));
                return ExitOk;
            }
        }
    }

    // Paging fields that cannot all be true end --all: following them could
    // skip rows, repeat them or never end.
    [[nodiscard]] std::optional<QString> pagingContradiction(int page, int previousTotalPages) const
    {
        const auto unreadable = [this](const char *field) {
            for (const ParseWarning &warning : m_list.warnings)
                if (warning.field == QLatin1StringView(field))
                    return true;
            return false;
        };
        if (unreadable("Page") || unreadable("TotalPages"))
            return tr("page %1: the answer's Page or TotalPages could not be read; stopped paging").arg(page);
        if (m_list.page != page)
            return tr("asked for page %1 but the server answered page %2; stopped paging")
                .arg(page)
                .arg(m_list.page);
        if (previousTotalPages >= 0 && m_list.totalPages < previousTotalPages)
            return tr("page %1: the list shrank from %2 to %3 pages while paging; stopped (run list again)")
                .arg(page)
                .arg(previousTotalPages)
                .arg(m_list.totalPages);
        if (!m_list.tickets.isEmpty() && page > m_list.totalPages)
            return tr("page %1 has tickets, but the server says there are only %2 pages; stopped paging")
                .arg(page)
                .arg(m_list.totalPages);
        return std::nullopt;
    }

    void print(int page)
    {
        if (m_request.json) {
            for (const TicketSummary &row : std::as_const(m_list.tickets))
                for (const QString &problem : row.problems)
                    printError(tr("page %1: warning: %2").arg(page).arg(stripControlCharacters(problem)));
            printOutBytes(formatTicketListJson(m_list.tickets));
        } else if (!m_list.tickets.isEmpty()) {
            if (!m_headerShown)
                printOut(formatTicketListHeader());
            m_headerShown = true;
            printOut(formatTicketListRows(m_list.tickets));
        }
        fflush(stdout);
    }

    void printSummary(int firstPage, int lastPage) const
    {
        if (!m_request.json)
            printStatus(ticketListSummary(m_request.query.status, firstPage, lastPage, m_list.totalPages,
                                          m_list.totalTickets));
    }

    ApiClient &m_client;
    const ListRequest &m_request;
    TicketList m_list; // the last page read
    bool m_headerShown = false;
};

QString listHelp()
{
    return tr("\nThe API key and the server are found as for fetch: CASELENS_API_KEY, else the keychain (see "
              "caselens-cli key --help).\n"
              "\n"
              "Product areas (--platform): %1.\n"
              "\n"
              "Output: a table on stdout (case, priority, created, product area, subject), and a summary\n"
              "such as \"Page 1 of 2 · 23 open tickets\" on stderr. With --json, each ticket row exactly as\n"
              "the server sent it, one compact JSON object a line, and nothing else on stdout. Rows the\n"
              "server sent incomplete are still printed and marked \"bad row\" (with --json: warnings on\n"
              "stderr).\n"
              "\n"
              "--all reads page after page, one request at a time, up to %2 pages, and stops at an empty\n"
              "page. Paging fields that contradict each other (a page other than the one asked for, a\n"
              "list that shrinks while paging) stop it with a message and exit code 5; the rows already\n"
              "printed stay.\n"
              "\n"
              "An unknown product area exits 2 before anything is sent. A server that refuses the\n"
              "filters (400) also exits 2, with its message. An empty list exits 0.\n")
        .arg(platformList())
        .arg(MaxPages);
}

} // namespace

int runList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List your open (or closed) Sweeppea tickets, newest first."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("closed"), tr("List closed tickets instead of open ones.")},
        {QStringLiteral("search"), tr("Only tickets whose subject or description contains TEXT."),
         QStringLiteral("TEXT")},
        {QStringLiteral("priority"), tr("Only tickets of this priority: low, medium or high."),
         QStringLiteral("PRIORITY")},
        {QStringLiteral("platform"), tr("Only tickets about this product area (see below)."),
         QStringLiteral("NAME")},
        {QStringLiteral("page"), tr("Print page N (20 tickets a page; default 1)."), QStringLiteral("N")},
        {QStringLiteral("all"), tr("Print every page, in order.")},
        {QStringLiteral("json"), tr("Print each ticket row as received, one compact JSON line each.")},
    });
    parser.addOptions(serverOptions());

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("list")) + listHelp() + exitCodeHelp());
        return ExitOk;
    }
    ListRequest request;
    if (const std::optional<QString> usageError = readRequest(parser, request)) {
        printError(*usageError);
        return ExitUsage;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;
    ListPrinter printer(setup.client(), request);
    return printer.run();
}

} // namespace CaseLens::Cli
