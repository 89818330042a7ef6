#include "core/keycheck.h"

#include "core/accountstatus.h"
#include "core/apiclient.h"
#include "core/clientsettings.h"

#include <QNetworkAccessManager>

namespace CaseLens {

KeyCheck::KeyCheck(QObject *parent)
    : QObject(parent)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_client(std::make_unique<ApiClient>(m_network.get()))
{}

KeyCheck::~KeyCheck()
{
    cancel();
}

void KeyCheck::start(const QUrl &server, const QString &key, std::chrono::milliseconds timeout)
{
    cancel();
    if (const Error error = m_client->setBaseUrl(server); error.isError()) {
        emit finished(error, {});
        return;
    }
    m_client->setApiKey(key.trimmed());
    m_client->setTimeout(timeout);
    // Behind a TLS-inspecting proxy the check needs the company certificate too.
    m_client->setCaFile(ClientSettings().caFile());
    HealthCheckReply *reply = m_client->checkHealth();
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, &KeyCheck::onHealth);
}

void KeyCheck::cancel()
{
    delete m_reply.data(); // withdrawn quietly
}

void KeyCheck::onHealth()
{
    auto *health = static_cast<HealthCheckReply *>(m_reply.data());
    health->deleteLater();
    if (!health->ok()) {
        m_reply = nullptr;
        emit finished(health->error(), {});
        return;
    }
    ProfileReply *profile = m_client->fetchProfile();
    m_reply = profile;
    connect(profile, &ApiReply::finished, this, &KeyCheck::onProfile);
}

void KeyCheck::onProfile()
{
    auto *profile = static_cast<ProfileReply *>(m_reply.data());
    m_reply = nullptr;
    profile->deleteLater();
    // The key works (health-check said so); a profile that cannot be read
    // only means its owner cannot be named.
    emit finished({}, profile->ok() ? accountOwnerText(profile->result().profile) : QString());
}

} // namespace CaseLens
