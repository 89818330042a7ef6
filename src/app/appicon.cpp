#include "app/appicon.h"

namespace CaseLens::Gui {

QIcon applicationIcon()
{
    // PNG renders of resources/icons/caselens.svg: Qt needs the optional SVG
    // plugin to draw the SVG itself.
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/caselens-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace CaseLens::Gui
