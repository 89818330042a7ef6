// A second reference for start-up: the empty QMainWindow of minimalwindow.cpp
// plus one line of text (a QLineEdit with a placeholder). It pays what every
// window that shows text pays before its first frame — fontconfig's
// initialisation and Qt's font database — and nothing of CaseLens', so the
// start-up table can say how much of the gap to the empty window is text.
#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *line = new QLineEdit(&window);
    line->setPlaceholderText(QStringLiteral("Case number, e.g. HYXTNJV"));
    window.setCentralWidget(line);
    window.resize(1100, 750);
    window.show();
    return app.exec();
}
