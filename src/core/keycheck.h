#pragma once

#include "core/error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace CaseLens {

class ApiClient;
class ApiReply;

// Checks an API key against a server before (or without) using it: a
// health-check (the API's cheapest call), then the profile, to say whose key
// it is. Runs on a client of its own, so the session's key, server and
// queues are untouched.
class KeyCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyCheck)

public:
    explicit KeyCheck(QObject *parent = nullptr);
    ~KeyCheck() override;

    // Starts a check (ending any running one without a signal).
    void start(const QUrl &server, const QString &key, std::chrono::milliseconds timeout);
    void cancel();
    [[nodiscard]] bool isRunning() const { return !m_reply.isNull(); }

Q_SIGNALS:
    // error is None when the key works; owner is "Ana Ruiz (ana@example.com)"
    // when the profile said so (empty when it could not be read).
    void finished(const CaseLens::Error &error, const QString &owner);

private:
    void onHealth();
    void onProfile();

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    QPointer<ApiReply> m_reply;
};

} // namespace CaseLens
