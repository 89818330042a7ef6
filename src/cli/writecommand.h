#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace CaseLens {
class WriteOperation;
}

namespace CaseLens::Cli {

// What resolve, create and update share.

// Reads the parser's arguments; prints the command's --help (with extra
// text and the exit codes) or the usage error. Returns the exit code when
// the command is done, nothing when it goes on.
[[nodiscard]] std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                              const QString &command, const QString &extraHelp);

// The --description-file option, and what it names read as the API's
// description (plain text escaped, line breaks as <br>, b/strong/i/hr/br
// tags kept): "-" is standard input. Prints why, and returns nothing, when
// it cannot be read or is too long.
[[nodiscard]] QString descriptionFileHelp();
[[nodiscard]] std::optional<QString> readDescriptionFile(const QString &path);

// A title as the API takes it (1 to 200 characters, trimmed); prints why
// and returns nothing otherwise.
[[nodiscard]] std::optional<QString> checkedTitle(const QString &title);

// Starts operation and runs the event loop until it finished.
void runOperation(WriteOperation &operation);

// True when standard input and standard error are a terminal (someone can
// answer a question).
[[nodiscard]] bool canAsk();
// Asks question on stderr and reads the answer from stdin: true for y/yes.
[[nodiscard]] bool confirm(const QString &question);

} // namespace CaseLens::Cli
