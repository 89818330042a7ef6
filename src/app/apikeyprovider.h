#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

namespace CaseLens::Gui {

// The one place that knows where the API key comes from and where it is kept.
// Windows and dialogs ask this class; nothing else reads the environment or
// stores the key. Today the key lives in memory for the session only (never
// in a file or QSettings). The keychain work replaces store()/forget() with
// credential-store calls, adds Source::Keychain and an asynchronous load();
// callers already react to keyChanged() rather than assuming a key at start.
class ApiKeyProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeyProvider)

public:
    enum class Source {
        None,        // no key
        Environment, // CASELENS_API_KEY
        Session,     // typed in Settings, kept in memory until the app exits
    };

    static constexpr const char *EnvironmentVariable = "CASELENS_API_KEY";

    explicit ApiKeyProvider(QObject *parent = nullptr);

    // Takes CASELENS_API_KEY when it is set and not empty.
    void
    loadFromEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    [[nodiscard]] QString key() const { return m_key; }
    [[nodiscard]] bool hasKey() const { return !m_key.isEmpty(); }
    [[nodiscard]] Source source() const { return m_source; }

    // For the Settings dialog: "This session only (memory)", ...
    [[nodiscard]] QString locationDescription() const;

    // The user typed a key: keep it (in memory for now). Empty = forget().
    void store(const QString &key);
    void forget();

Q_SIGNALS:
    void keyChanged();

private:
    void set(const QString &key, Source source);

    QString m_key;
    Source m_source = Source::None;
};

} // namespace CaseLens::Gui
