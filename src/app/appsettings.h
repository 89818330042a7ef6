#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QUrl>

namespace CaseLens::Gui {

// Typed access to what CaseLens keeps in QSettings. The API key is not here on
// purpose: it never goes to a settings file (see ApiKeyProvider).
class AppSettings final
{
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    AppSettings() = default;

    static constexpr int DefaultTimeoutSeconds = 30;
    static constexpr int MinTimeoutSeconds = 1;
    static constexpr int MaxTimeoutSeconds = 600;

    // Empty when nothing (or something unusable) was saved: use the default.
    [[nodiscard]] QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);

    [[nodiscard]] int timeoutSeconds() const;
    void setTimeoutSeconds(int seconds);

    // "system" or a language code such as "en"; applied at start.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);

    [[nodiscard]] QStringList recentCases() const;
    void setRecentCases(const QStringList &cases);

    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);

private:
    QSettings m_settings;
};

} // namespace CaseLens::Gui
