#pragma once

class QApplication;

namespace CaseLens::Gui {

// Everything main() does: application identity, command line, translations,
// the network client, the key, the window. Returns the exit status.
int runApplication(QApplication &app);

} // namespace CaseLens::Gui
