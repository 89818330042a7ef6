#include "support/clientfixture.h"

namespace CaseLens::Testing {

bool ClientFixture::startServerAndClient(const QString &apiKey)
{
    m_server = std::make_unique<FakeServer>();
    if (!m_server->listen())
        return false;
    m_client = std::make_unique<ApiClient>(&m_network);
    if (m_client->setBaseUrl(m_server->url()).isError())
        return false;
    m_client->setApiKey(apiKey);
    return true;
}

void ClientFixture::stopServerAndClient()
{
    m_client.reset();
    m_server.reset();
}

} // namespace CaseLens::Testing
