#include "app/screenfit.h"

#include <algorithm>

namespace CaseLens::Gui {

namespace {

// A window as large as the screen is one that did not fit: Qt's
// restoreGeometry() cuts an oversized one to exactly the available size.
int fitLength(int wanted, int available)
{
    if (wanted < available)
        return wanted;
    return std::max(1, int(available * MaximumScreenShare));
}

// start moved so that [start, start + length) lies in [low, low + room).
int moveInside(int start, int length, int low, int room)
{
    return std::clamp(start, low, low + std::max(0, room - length));
}

} // namespace

QRect fitIntoScreen(const QRect &wanted, const QRect &available)
{
    if (!available.isValid())
        return wanted;
    const QSize size(fitLength(wanted.width(), available.width()),
                     fitLength(wanted.height(), available.height()));
    QRect fitted(wanted.topLeft(), size);
    if (fitted.size() != wanted.size()) // shrunk: centred, as a new window
        fitted.moveCenter(available.center());
    fitted.moveTo(moveInside(fitted.x(), size.width(), available.x(), available.width()),
                  moveInside(fitted.y(), size.height(), available.y(), available.height()));
    return fitted;
}

QSize firstWindowSize(QSize preferred, const QRect &available)
{
    if (!available.isValid())
        return preferred;
    return preferred.boundedTo(
        QSize(int(available.width() * MaximumScreenShare), int(available.height() * MaximumScreenShare)));
}

} // namespace CaseLens::Gui
