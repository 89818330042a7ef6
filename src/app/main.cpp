#include "app/startup.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    // First, so that fontconfig loads while QApplication starts.
    CaseLens::Gui::FontConfigWarmUp fonts;
    QApplication app(argc, argv);
    return CaseLens::Gui::runApplication(app, &fonts);
}
