// The reference for start-up: QApplication + an empty QMainWindow.
#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1100, 750);
    window.show();
    return app.exec();
}
