#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace CaseLens::Gui {

// Everything main() does: application identity, command line, translations,
// single instance (a second launch hands its case over and exits 0), the
// network client, the key, the window. Returns the exit status.
int runApplication(QApplication &app);

// Empty when a TLS backend is available (QSslSocket::supportsSsl()); else a
// sentence for the agent saying what is missing and what to do.
[[nodiscard]] QString tlsBackendProblem();
// Every problem found at start, as sentences (for the window's banner and
// the hidden --self-test-startup option).
[[nodiscard]] QStringList startupProblems();

} // namespace CaseLens::Gui
