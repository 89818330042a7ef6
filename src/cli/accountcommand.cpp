#include "cli/accountcommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/ticketprinter.h"
#include "core/apiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <optional>

namespace CaseLens::Cli {

namespace {

const QString ProfilePath = QStringLiteral("/account/profile");
const QString PlanPath = QStringLiteral("/account/plan");

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

// The CLI speaks English whatever the locale: "1,204", also under LC_ALL=C.
QString number(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value);
}

// A server value on one line, or "unknown" when it was missing or
// unreadable: never an empty field, never a 0 that was not sent.
QString orUnknown(const QString &value)
{
    const QString text = stripControlCharacters(value).simplified();
    return text.isEmpty() ? tr("unknown") : text;
}

// A limit of 0 (or less) says nothing usable, not that nothing is allowed.
std::optional<qint64> positive(const std::optional<qint64> &value)
{
    return value && *value > 0 ? value : std::nullopt;
}

// The figures the text output shows; each unknown unless an answer said it readably.
struct Usage
{
    std::optional<qint64> callsThisMonth; // the latest Telemetry's APICalls
    std::optional<qint64> monthlyLimit;   // its MaxAPICalls, else the plan's MaxApiCallsAllowed
    std::optional<qint64> perMinute;      // the plan's MaxApiCallsPerMinute
};

// The answers' Telemetry in the order they came (the last is the newest
// count), and the plan when it was read. A Telemetry without a count, or
// with a monthly limit of 0, is nonsense and ignored, as the window does.
Usage usageOf(std::initializer_list<std::optional<Telemetry>> telemetries, const AccountPlan *plan)
{
    Usage usage;
    for (const std::optional<Telemetry> &telemetry : telemetries) {
        if (!telemetry || !telemetry->apiCalls || (telemetry->maxApiCalls && *telemetry->maxApiCalls <= 0))
            continue;
        usage.callsThisMonth = telemetry->apiCalls;
        if (telemetry->maxApiCalls)
            usage.monthlyLimit = telemetry->maxApiCalls;
    }
    if (plan) {
        if (!usage.monthlyLimit)
            usage.monthlyLimit = positive(plan->maxApiCallsAllowed);
        usage.perMinute = positive(plan->maxApiCallsPerMinute);
    }
    return usage;
}

QString monthText(const Usage &usage)
{
    if (usage.callsThisMonth && usage.monthlyLimit)
        return tr("%1 of %2 calls this month")
            .arg(number(*usage.callsThisMonth), number(*usage.monthlyLimit));
    if (usage.callsThisMonth)
        return tr("%1 calls this month (monthly limit unknown)").arg(number(*usage.callsThisMonth));
    if (usage.monthlyLimit)
        return tr("unknown of %1 calls this month").arg(number(*usage.monthlyLimit));
    return tr("unknown");
}

// "Label: value" lines, the values aligned one column after the longest label.
QString formatAccountText(const AccountProfile &profile, const Usage &usage)
{
    const QString name = profile.fullName.trimmed().isEmpty() ? profile.nickname : profile.fullName;
    const QList<std::pair<QString, QString>> rows{
        {tr("Name"), orUnknown(name)},
        {tr("E-mail"), orUnknown(profile.email)},
        {tr("User type"), orUnknown(profile.userType)},
        {tr("Account status"), orUnknown(profile.status)},
        {tr("Usage"), monthText(usage)},
        {tr("Rate limit"),
         usage.perMinute ? tr("%1 calls per minute").arg(number(*usage.perMinute)) : tr("unknown")},
    };
    qsizetype width = 0;
    for (const auto &[label, value] : rows)
        width = std::max(width, label.size() + 1);
    QString text;
    for (const auto &[label, value] : rows)
        text += QStringLiteral("%1 %2\n").arg(label + u':', -int(width)).arg(value);
    return text;
}

// {"profile":<Data>,"plan":<Data or null>} on one line. Written out by hand
// so that the profile comes first, as --help shows it (a QJsonObject would
// sort its keys); each Data is compact JSON of the object as received.
QByteArray formatAccountJson(const AccountProfile &profile, const AccountPlan *plan)
{
    const QByteArray planJson = plan ? QJsonDocument(plan->data).toJson(QJsonDocument::Compact) : "null";
    return "{\"profile\":" + QJsonDocument(profile.data).toJson(QJsonDocument::Compact) +
           ",\"plan\":" + planJson + "}\n";
}

// A 404 from an account endpoint is no missing ticket: the server does not
// offer the endpoint (an older API). It is the server's problem, exit 5.
Error accountError(const Error &error, const QString &path)
{
    if (error.kind() != ErrorKind::NotFound)
        return error;
    return {ErrorKind::ServerError,
            tr("The server does not offer %1 (HTTP 404); it may run an older version of the API.").arg(path),
            error.detail(), error.httpStatus(), error.serverMessage()};
}

void printWarnings(const QList<ParseWarning> &warnings, const QString &what)
{
    for (const ParseWarning &warning : warnings)
        printError(tr("%1: warning: %2").arg(what, stripControlCharacters(warning.message)));
}

QString accountHelp()
{
    return tr("\nThe API key and the server are found as for fetch: CASELENS_API_KEY, else the keychain (see "
              "caselens-cli key --help).\n"
              "\n"
              "Output: the key owner's name, e-mail, user type and account status, this month's calls\n"
              "against the plan's monthly limit (\"1,204 of 100,000 calls this month\") and the calls\n"
              "allowed per minute, one \"Label: value\" line each. What the server did not send, or sent\n"
              "in a form that cannot be read, shows as \"unknown\" (with a warning on stderr), never as 0.\n"
              "With --json: one compact JSON object, {\"profile\":...,\"plan\":...}, each the server's Data\n"
              "object as received; \"plan\" is null when the plan could not be read.\n"
              "\n"
              "Two requests, one after the other: /account/profile, then /account/plan (not sent when the\n"
              "key is refused). When only the plan fails, the profile is still printed, with\n"
              "\"Plan unavailable: REASON\" on stderr, and the exit code is 0. A refused key (401, 403)\n"
              "exits 3 with the server's reason, e.g. \"API access restricted. Wildcard domain (*)\n"
              "required.\"\n");
}

} // namespace

int runAccount(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show whose API key this is and how much of the plan is used."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the profile and the plan as received, as one JSON object."));
    parser.addOption(jsonOption);
    parser.addOptions(serverOptions());

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("account")) + accountHelp() + exitCodeHelp());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("account: unexpected argument \"%1\"")
                       .arg(stripControlCharacters(parser.positionalArguments().constFirst())));
        return ExitUsage;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;
    ApiClient &client = setup.client();

    // One after the other (the API asks for one request at a time): a key
    // the profile shows refused costs no second call of the month's quota.
    const std::unique_ptr<ProfileReply> profileReply(client.fetchProfile());
    waitForReply(*profileReply, tr("profile"));
    const AccountProfileResult &profile = profileReply->result();
    if (!profile.ok()) {
        const Error error = accountError(profile.error, ProfilePath);
        printError(error.message());
        printDetails(error);
        return exitCodeFor(error);
    }
    const std::unique_ptr<PlanReply> planReply(client.fetchPlan());
    waitForReply(*planReply, tr("plan"));
    const AccountPlanResult &plan = planReply->result();

    printWarnings(profile.profile.warnings, tr("profile"));
    if (plan.ok())
        printWarnings(plan.plan.warnings, tr("plan"));
    else
        printError(tr("Plan unavailable: %1").arg(accountError(plan.error, PlanPath).message()));
    const AccountPlan *readPlan = plan.ok() ? &plan.plan : nullptr;
    if (parser.isSet(jsonOption))
        printOutBytes(formatAccountJson(profile.profile, readPlan));
    else
        printOut(formatAccountText(profile.profile, usageOf({profile.telemetry, plan.telemetry}, readPlan)));
    return ExitOk;
}

} // namespace CaseLens::Cli
