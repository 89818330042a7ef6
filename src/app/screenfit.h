#pragma once

#include <QRect>
#include <QSize>

namespace CaseLens::Gui {

// Small screens (issue 18): a window must fit the screen it opens on. The
// share of the available area a window takes at most when it fits it.
inline constexpr double MaximumScreenShare = 0.9;

// wanted, fitted into available (a screen's available geometry): where it
// is not smaller than available (in width or height), MaximumScreenShare of
// it, centred; then moved inside. A rect that fits is returned as is.
[[nodiscard]] QRect fitIntoScreen(const QRect &wanted, const QRect &available);

// The size a window takes at first start: preferred, but at most
// MaximumScreenShare of the available area in either direction.
[[nodiscard]] QSize firstWindowSize(QSize preferred, const QRect &available);

} // namespace CaseLens::Gui
