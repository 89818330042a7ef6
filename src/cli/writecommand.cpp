#include "cli/writecommand.h"

#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "core/createoperation.h"
#include "core/writeoperation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define CASELENS_ISATTY _isatty
#define CASELENS_FILENO _fileno
#else
#include <unistd.h>
#define CASELENS_ISATTY isatty
#define CASELENS_FILENO fileno
#endif

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

constexpr int MaxTitle = 200;
constexpr int MaxDescription = 20000;

} // namespace

std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                const QString &command, const QString &extraHelp)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, command) + extraHelp +
                 tr("\nThe API key is read from CASELENS_API_KEY, else the keychain (see caselens-cli key "
                    "--help).\n") +
                 exitCodeHelp());
        return ExitOk;
    }
    return std::nullopt;
}

QString descriptionFileHelp()
{
    return tr("\nThe description file is plain text: line breaks are kept, and the simple HTML the API "
              "allows may be typed as such: <b>bold</b>, <i>italic</i>, <strong>, <br>, <hr>. Anything "
              "else is sent as text. At most 20,000 characters; - reads standard input.\n");
}

std::optional<QString> readDescriptionFile(const QString &path)
{
    QFile file;
    bool opened = false;
    if (path == u"-") {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        printError(tr("--description-file: cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    const QString html = descriptionHtmlFromText(QString::fromUtf8(file.readAll()));
    if (html.size() > MaxDescription) {
        printError(tr("--description-file: the description is longer than 20,000 characters"));
        return std::nullopt;
    }
    return html;
}

std::optional<QString> checkedTitle(const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty()) {
        printError(tr("--title: the title is empty"));
        return std::nullopt;
    }
    if (trimmed.size() > MaxTitle) {
        printError(tr("--title: the title is longer than 200 characters"));
        return std::nullopt;
    }
    return trimmed;
}

void runOperation(WriteOperation &operation)
{
    QEventLoop loop;
    QObject::connect(&operation, &WriteOperation::finished, &loop, &QEventLoop::quit);
    operation.start();
    if (operation.isRunning())
        loop.exec();
}

bool canAsk()
{
    return CASELENS_ISATTY(CASELENS_FILENO(stdin)) && CASELENS_ISATTY(CASELENS_FILENO(stderr));
}

bool confirm(const QString &question)
{
    {
        QTextStream err(stderr);
        err << question << ' ';
    }
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

} // namespace CaseLens::Cli
