#pragma once

#include <QtGlobal>

class QIcon;
class QPalette;
class QTabWidget;

namespace CaseLens::Gui {

// A ticket tab with changes the agent has not looked at yet (issue 14): a
// small dot as the tab's icon, in the palette's highlight colour; its
// tooltip and What's This gain "Unread changes" and a screen reader hears
// "HYXTNJV, unread". Clearing it gives the tab back the icon it had. The
// mark follows the tab's page (a moved tab keeps it). The window sets a
// tab's icon and tooltip when its page changes state: mark it after that.
void setTabUnread(QTabWidget *tabs, int index, bool unread);
[[nodiscard]] bool isTabUnread(const QTabWidget *tabs, int index);

// The dot at the tab bar's icon size, sharp at the screen's pixel ratio.
[[nodiscard]] QIcon unreadDotIcon(const QPalette &palette, int size, qreal devicePixelRatio);

} // namespace CaseLens::Gui
