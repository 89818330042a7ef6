#pragma once

#include "core/error.h"
#include "core/proxyconfig.h"

#include <QGroupBox>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace CaseLens {
class ApiClient;
class ApiReply;
class CredentialStore;
class ProxyAuthenticator;
} // namespace CaseLens

namespace CaseLens::Gui {

namespace Ui {
class NetworkSettingsPage;
}

// Settings → Network: how CaseLens reaches the server (the system's proxy
// settings, none, or a proxy given here: HTTP or SOCKS5, host, port), "Test
// connection" through the proxy as edited (on a network of its own, so the
// session's requests are untouched, asking for the proxy's credentials as
// the window does), and the company certificate file.
class NetworkSettingsPage final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkSettingsPage)

public:
    // What a connection test talks to: the server and key as entered in the
    // dialog (a wrong key still proves the connection: the server answers).
    struct TestTarget
    {
        QUrl server;
        QString key;
        std::chrono::seconds timeout{30};
    };

    explicit NetworkSettingsPage(QWidget *parent = nullptr);
    ~NetworkSettingsPage() override;

    void setValues(const ProxyConfig &proxy, const QString &caFile);
    [[nodiscard]] ProxyConfig proxy() const;
    [[nodiscard]] QString caFile() const;
    // A manual proxy needs a host; OK waits for one.
    [[nodiscard]] bool isComplete() const { return proxy().isComplete(); }

    void setTestTarget(std::function<TestTarget()> target) { m_target = std::move(target); }
    void testConnection();

Q_SIGNALS:
    void changed();

private:
    void update();
    void chooseCaFile();
    void onTestFinished();
    void setTestResult(const QString &text, bool isError);

    std::unique_ptr<Ui::NetworkSettingsPage> m_ui;
    std::function<TestTarget()> m_target;
    // The test's own network, made per test (the proxy as edited then).
    std::unique_ptr<QNetworkAccessManager> m_testNetwork;
    CredentialStore *m_keychain;
    ProxyAuthenticator *m_testAuth = nullptr;
    std::unique_ptr<ApiClient> m_testClient;
    ApiReply *m_testReply = nullptr;
    QPalette m_normalPalette;
    QPalette m_errorPalette;
};

} // namespace CaseLens::Gui
