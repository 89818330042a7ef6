#pragma once

#include "core/casenumber.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace CaseLens::Gui {

// What `caselens [options] [CASE]` asks for. Parsing is separate from acting
// so tests can check every path without starting a window.
struct LaunchOptions
{
    // Run: open the window. Exit: print output/error and exit with exitCode
    // (--help, --version, usage errors).
    enum class Action { Run, Exit };

    static constexpr int UsageErrorExitCode = 2;

    Action action = Action::Run;
    int exitCode = 0;
    QString output; // for stdout
    QString error;  // for stderr

    QString caseNumber; // normalised; empty when none was given
    QUrl baseUrl;       // --base-url, else CASELENS_BASE_URL; empty: use the settings
    bool demo = false;  // --demo

    // Hidden options, for tests and diagnostics (not in --help):
    //   --self-test-startup     print the startup problems (e.g. no TLS backend),
    //                           one per line, and exit 1 if there are any, else 0.
    //   --report-opened-cases   print "opened CASE" on stdout whenever another
    //                           launch hands a case to this instance.
    bool selfTestStartup = false;
    bool reportOpenedCases = false;
};

// A caselens:// link that is not valid is ignored: the app starts without a
// case and error says why (no exit: a bad link from an e-mail must not stop
// the app).
// arguments include the program name (as QCoreApplication::arguments()).
// The flag wins over the environment variable.
[[nodiscard]] LaunchOptions parseCommandLine(const QStringList &arguments,
                                             const QProcessEnvironment &environment);

} // namespace CaseLens::Gui
