#pragma once

#include <QString>
#include <QStringList>

#include <thread>

class QApplication;

namespace CaseLens::Gui {

// Fontconfig's first initialisation (reading /etc/fonts, mapping the font
// caches) was the largest single cost before the first frame (perf: about a
// fifth of it), and it needs no Qt. main() starts it on its own thread before
// QApplication is built, so the two run side by side; runApplication waits for
// it before the window, the first font use, so the work is never done twice.
// Does nothing where Qt does not use fontconfig.
class FontConfigWarmUp final
{
    Q_DISABLE_COPY_MOVE(FontConfigWarmUp)

public:
    FontConfigWarmUp();
    ~FontConfigWarmUp(); // waits

    void wait();

private:
    std::thread m_thread;
};

// Everything main() does: application identity, command line, translations,
// single instance (a second launch hands its case over and exits 0), the
// network client, the key, the window. Returns the exit status. fonts, when
// given, is waited for before the window is built.
int runApplication(QApplication &app, FontConfigWarmUp *fonts = nullptr);

// Empty when a TLS backend is available (QSslSocket::supportsSsl()); else a
// sentence for the agent saying what is missing and what to do.
[[nodiscard]] QString tlsBackendProblem();
// Every problem found at start, as sentences (for the window's banner and
// the hidden --self-test-startup option).
[[nodiscard]] QStringList startupProblems();

} // namespace CaseLens::Gui
