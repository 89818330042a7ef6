#pragma once

#include <QIcon>

namespace CaseLens::Gui {

// The CaseLens icon in every bundled size (crisp at 100% and 200% scale).
[[nodiscard]] QIcon applicationIcon();

} // namespace CaseLens::Gui
