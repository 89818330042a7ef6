#pragma once

#include "core/error.h"

#include <QCommandLineOption>
#include <QString>
#include <QUrl>

class QCommandLineParser;

namespace CaseLens::Cli {

// Options and helpers shared by the subcommands.
[[nodiscard]] QCommandLineOption baseUrlOption();

// --base-url, else CASELENS_BASE_URL, else the production server. Refuses
// plain http to anything but loopback (InvalidInput).
struct ResolvedBaseUrl
{
    QUrl url;
    Error error;
};
[[nodiscard]] ResolvedBaseUrl resolveBaseUrl(const QCommandLineParser &parser);

// A subcommand's --help from its parser, naming it as typed:
// "Usage: caselens-cli list [options]".
[[nodiscard]] QString commandHelp(const QCommandLineParser &parser, const QString &command);

// The exit-code table, appended to every --help.
[[nodiscard]] QString exitCodeHelp();

// One clear line on stderr, prefixed with the program name.
void printError(const QString &message);
// With --verbose (setVerbose), an error's details on stderr, indented under
// its line: Qt's error code and words, the HTTP status, the server's
// message, the certificate chain. The client has taken the key out of them.
void setVerbose(bool verbose);
void printDetails(const Error &error);
// A line on stderr that is no error (a summary beside the output): no prefix.
void printStatus(const QString &text);
void printOut(const QString &text);
void printOutBytes(QByteArrayView bytes);

} // namespace CaseLens::Cli
