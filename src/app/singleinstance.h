#pragma once

#include <QObject>
#include <QString>

#include <chrono>

class QLocalServer;
class QLocalSocket;

namespace CaseLens::Gui {

// One CaseLens window per user: a second launch (e.g. a caselens://ticket/…
// link clicked in an e-mail) hands its case to the running instance over a
// local socket and exits.
//
// The protocol is one line each way: the new launch sends "open CASE\n" (or
// "raise\n" without a case), the running instance answers "ok\n". Cases are
// checked again on arrival (CaseNumber::parse); anything else is ignored.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    static constexpr std::chrono::milliseconds DefaultTimeout{1000};

    // serverName: defaultServerName() in the app; tests pass their own.
    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // "caselens-" + a hash of the user (so users on one machine do not meet);
    // CASELENS_INSTANCE_NAME overrides it (for tests).
    [[nodiscard]] static QString defaultServerName();
    [[nodiscard]] QString serverName() const { return m_serverName; }

    // Hands caseNumber (may be empty: just raise the window) to a running
    // instance. True when one answered; false when none runs (or it did not
    // answer within timeout): then start normally and listen().
    bool sendToRunning(const QString &caseNumber, std::chrono::milliseconds timeout = DefaultTimeout);

    // Listens for later launches; a stale socket left by a crashed instance
    // is removed. False when listening failed (the app still runs).
    bool listen();
    [[nodiscard]] bool isListening() const;

Q_SIGNALS:
    // Another launch asked to show the window and, when caseNumber is not
    // empty, to open that (normalised) case.
    void activationRequested(const QString &caseNumber);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace CaseLens::Gui
