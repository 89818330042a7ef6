#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace CaseLens::Testing {

// What caselens-cli did: its exit code (-1 when it crashed or was killed
// for taking too long), stdout as bytes (--json output is compared byte for
// byte), stderr as text.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// This process's environment without CASELENS_API_KEY, CASELENS_BASE_URL and CASELENS_CA_FILE,
// so that nothing from the machine leaks into a run; with key set as
// CASELENS_API_KEY when it is not empty.
[[nodiscard]] QProcessEnvironment cliEnvironment(const QString &key);

// Runs program with arguments and waits with the event loop running (the
// fake server a test starts lives in the test's own process), at most
// timeoutMs, then kills it.
[[nodiscard]] CliRun runCli(const QString &program, const QStringList &arguments,
                            const QProcessEnvironment &environment, int timeoutMs = 60000);

} // namespace CaseLens::Testing
