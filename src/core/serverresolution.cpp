#include "core/serverresolution.h"

#include "core/apiclient.h"

namespace CaseLens {

QString ResolvedServer::sourceName() const
{
    switch (source) {
    case ServerSource::Flag:
        return QStringLiteral("--base-url");
    case ServerSource::Environment:
        return QString::fromLatin1(BaseUrlVariable);
    case ServerSource::Saved:
        return QStringLiteral("settings");
    case ServerSource::Default:
        break;
    }
    return QStringLiteral("default");
}

ResolvedServer resolveServer(const QString &flag, const QProcessEnvironment &environment, const QUrl &saved)
{
    ResolvedServer result;
    // Given text (flag, then environment) is the agent's explicit choice: a
    // bad one stops, so that a typo never silently talks to another server.
    const QString environmentText = environment.value(QString::fromLatin1(BaseUrlVariable)).trimmed();
    const QString text = flag.trimmed().isEmpty() ? environmentText : flag.trimmed();
    if (!text.isEmpty()) {
        result.source = flag.trimmed().isEmpty() ? ServerSource::Environment : ServerSource::Flag;
        result.text = text;
        result.url = QUrl(text, QUrl::StrictMode);
        result.error = ApiClient::validateBaseUrl(result.url);
        return result;
    }
    if (!saved.isEmpty()) {
        // A saved setting may predate today's rules or be hand-edited: skip it.
        if (const Error error = ApiClient::validateBaseUrl(saved); error.isError()) {
            result.ignoredSaved = error;
        } else {
            result.source = ServerSource::Saved;
            result.url = saved;
            return result;
        }
    }
    result.source = ServerSource::Default;
    result.url = ApiClient::defaultBaseUrl();
    return result;
}

QString keyFromEnvironment(const QProcessEnvironment &environment)
{
    return environment.value(QString::fromLatin1(ApiKeyVariable)).trimmed();
}

} // namespace CaseLens
