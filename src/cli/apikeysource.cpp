#include "apikeysource.h"

#include <QCoreApplication>

namespace CaseLens::Cli {

ApiKeyLookup lookUpApiKey(const QUrl &baseUrl)
{
    Q_UNUSED(baseUrl)
    const QString key = qEnvironmentVariable("CASELENS_API_KEY").trimmed();
    if (!key.isEmpty())
        return {key, {}};
    return {{},
            Error(ErrorKind::NoApiKey,
                  QCoreApplication::translate("CaseLens::Cli",
                                              "No API key: set the environment variable CASELENS_API_KEY."))};
}

} // namespace CaseLens::Cli
