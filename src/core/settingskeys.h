#pragma once

#include <QLatin1StringView>

// Every key CaseLens keeps in QSettings, in one table. The client settings
// (ClientSettings) and the window's own (Gui::AppSettings) share one settings
// file: a key named once here cannot be taken twice for different things.
namespace CaseLens::SettingsKeys {

inline constexpr QLatin1StringView ServerUrl("server/url");
inline constexpr QLatin1StringView TimeoutSeconds("server/timeoutSeconds");
inline constexpr QLatin1StringView Language("ui/language");
inline constexpr QLatin1StringView CaFile("Network/caFile");       // the company CA (PEM), see CompanyCa
inline constexpr QLatin1StringView Appearance("ui/appearance");    // "system", "light", "dark"
inline constexpr QLatin1StringView ProxyMode("Network/proxyMode"); // "system", "none", "manual"
inline constexpr QLatin1StringView ProxyType("Network/proxyType"); // "http", "socks5"
inline constexpr QLatin1StringView ProxyHost("Network/proxyHost");
inline constexpr QLatin1StringView ProxyPort("Network/proxyPort");
inline constexpr QLatin1StringView WatchIntervalMinutes("watch/intervalMinutes"); // 0: off
inline constexpr QLatin1StringView WatchNotifications("watch/notifications");
inline constexpr QLatin1StringView WatchDoNotDisturb("watch/doNotDisturb"); // the window's View menu
inline constexpr QLatin1StringView RecentCases("recent/cases");
inline constexpr QLatin1StringView WindowGeometry("window/geometry");
inline constexpr QLatin1StringView WindowState("window/state");
inline constexpr QLatin1StringView QueueSplitter("window/queueSplitter"); // the panel's width
inline constexpr QLatin1StringView QueueVisible("window/queueVisible");

} // namespace CaseLens::SettingsKeys
