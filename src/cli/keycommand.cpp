#include "cli/keycommand.h"

#include "cli/apikeysource.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "core/credentialstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

#if defined(Q_OS_UNIX)
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#endif

namespace CaseLens::Cli {

namespace {

constexpr qsizetype MaxKeyBytes = 16 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

bool stdinIsTerminal()
{
#if defined(Q_OS_UNIX)
    return ::isatty(STDIN_FILENO) == 1;
#elif defined(Q_OS_WIN)
    return ::_isatty(::_fileno(stdin)) != 0;
#else
    return false;
#endif
}

#if defined(Q_OS_UNIX)
termios g_savedTerminal;
volatile std::sig_atomic_t g_echoIsOff = 0;

// Ctrl+C at the prompt must not leave the terminal without echo.
void restoreTerminalAndReraise(int signalNumber)
{
    if (g_echoIsOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

// Turns the terminal's echo off for its lifetime.
class NoEcho final
{
    Q_DISABLE_COPY_MOVE(NoEcho)

public:
    NoEcho()
    {
        if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(Signals); ++i) {
            ::sigaction(Signals[i], nullptr, &m_previous[i]);
            if (m_previous[i].sa_handler != SIG_IGN) // keep ignoring what was ignored
                ::sigaction(Signals[i], &action, nullptr);
        }
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        g_echoIsOff = 1;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }

    ~NoEcho()
    {
        if (!g_echoIsOff)
            return;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        g_echoIsOff = 0;
        for (std::size_t i = 0; i < std::size(Signals); ++i)
            ::sigaction(Signals[i], &m_previous[i], nullptr);
    }

private:
    static constexpr int Signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction m_previous[std::size(Signals)] = {};
};
#elif defined(Q_OS_WIN)
class NoEcho final
{
    Q_DISABLE_COPY_MOVE(NoEcho)

public:
    NoEcho()
        : m_handle(::GetStdHandle(STD_INPUT_HANDLE))
    {
        m_changed = ::GetConsoleMode(m_handle, &m_mode) &&
                    ::SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
    }
    ~NoEcho()
    {
        if (m_changed)
            ::SetConsoleMode(m_handle, m_mode);
    }

private:
    HANDLE m_handle;
    DWORD m_mode = 0;
    bool m_changed = false;
};
#else
class NoEcho final
{
};
#endif

struct KeyInput
{
    QString key;
    QString error; // why there is no usable key
};

// The key from standard input: one hidden line from a terminal, else
// everything up to end of file. Surrounding whitespace is dropped.
KeyInput readKey(const QString &server)
{
    QByteArray bytes;
    if (stdinIsTerminal()) {
        QTextStream(stderr) << tr("API key for %1 (input is hidden): ").arg(server) << Qt::flush;
        bytes.resize(MaxKeyBytes + 2);
        {
            const NoEcho noEcho;
            if (!std::fgets(bytes.data(), int(bytes.size()), stdin))
                bytes[0] = '\0';
        }
        std::fputc('\n', stderr);
        bytes.truncate(qstrlen(bytes.constData()));
    } else {
        char buffer[4096];
        while (bytes.size() <= MaxKeyBytes) {
            const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
            if (n == 0)
                break;
            bytes.append(buffer, qsizetype(n));
        }
    }
    const bool tooLong = bytes.size() > MaxKeyBytes;
    const QString key = QString::fromUtf8(bytes).trimmed();
    bytes.fill('\0');
    if (tooLong)
        return {{}, tr("key set: the input is too long to be an API key.")};
    if (key.isEmpty())
        return {{},
                tr("key set: no API key given. Pipe it in, e.g. caselens-cli key set < key.txt, or type it "
                   "at the prompt.")};
    for (const QChar c : key) {
        if (c.category() == QChar::Other_Control)
            return {{}, tr("key set: the API key must be a single line of printable text.")};
    }
    return {key, {}};
}

int failed(const Error &error)
{
    printError(error.message());
    return exitCodeFor(error);
}

int setKey(const QUrl &server, const QString &account)
{
    const KeyInput input = readKey(account);
    if (!input.error.isEmpty()) {
        printError(input.error);
        return ExitUsage;
    }
    const CredentialResult result = storeKey(server, input.key);
    if (!result.ok())
        return failed(result.error);
    printOut(tr("Saved the API key for %1 in the system keychain.\n").arg(account));
    return ExitOk;
}

int keyStatus(const QUrl &server, const QString &account)
{
    const CredentialResult result = readStoredKey(server);
    if (!result.ok())
        return failed(result.error);
    if (result.found && !result.key.trimmed().isEmpty()) {
        printOut(tr("An API key is stored for %1.\n").arg(account));
        return ExitOk;
    }
    printOut(tr("No API key stored for %1.\n").arg(account));
    return ExitAuth;
}

int forgetKey(const QUrl &server, const QString &account)
{
    const CredentialResult before = readStoredKey(server);
    if (!before.ok())
        return failed(before.error);
    // Delete even when the read found nothing: "not found" is no proof (a
    // locked keyring says so too), and the user asked for it to be gone.
    const CredentialResult removed = removeStoredKey(server);
    if (!removed.ok())
        return failed(removed.error);
    printOut(before.found ? tr("Forgot the API key for %1.\n").arg(account)
                          : tr("No API key was stored for %1; nothing to forget.\n").arg(account));
    return ExitOk;
}

QString actionHelp()
{
    return tr("\nActions:\n"
              "  set     read the key from standard input and save it in the keychain. On a\n"
              "          terminal it prompts without echo; it never takes the key as an argument.\n"
              "  status  say whether a key is stored for the server (never prints it).\n"
              "          A locked keyring may look empty: unlock it first.\n"
              "  forget  delete the stored key for the server.\n"
              "\n"
              "Keys are kept per server (scheme, host and port of --base-url), in %1.\n"
              "When the keychain is unavailable, set CASELENS_API_KEY instead.\n"
              "fetch uses CASELENS_API_KEY when set, else the stored key.\n")
        .arg(CredentialStore::keychainName());
}

} // namespace

int runKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Keep the API key in the system keychain, one entry per server."));
    parser.addHelpOption();
    parser.addOption(baseUrlOption());
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("set, status or forget"),
                                 QStringLiteral("set|status|forget"));

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText().replace(QCoreApplication::arguments().constFirst(),
                                           QCoreApplication::applicationName() + QStringLiteral(" key")) +
                 actionHelp() + exitCodeHelp());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action.isEmpty()) {
        printError(tr("key: give an action: set, status or forget (see caselens-cli key --help)"));
        return ExitUsage;
    }
    if (action != u"set" && action != u"status" && action != u"forget") {
        // Not echoed: it may be a key pasted in the wrong place.
        printError(tr("key: unknown action; use set, status or forget (see caselens-cli key --help)"));
        return ExitUsage;
    }
    if (positional.size() > 1) {
        printError(action == u"set" ? tr("key set takes no arguments: it reads the key from standard input, "
                                         "never from the command line")
                                    : tr("key %1 takes no arguments").arg(action));
        return ExitUsage;
    }
    const ResolvedBaseUrl base = resolveBaseUrl(parser);
    if (base.error.isError()) {
        printError(base.error.message());
        return ExitUsage;
    }
    const QString account = CredentialStore::accountForServer(base.url);
    if (action == u"set")
        return setKey(base.url, account);
    if (action == u"status")
        return keyStatus(base.url, account);
    return forgetKey(base.url, account);
}

} // namespace CaseLens::Cli
