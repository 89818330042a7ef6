#pragma once

#include "error.h"

#include <QString>
#include <QUrl>

namespace CaseLens::Cli {

// Where fetch finds the API key: CASELENS_API_KEY when set; otherwise an
// empty key with a NoApiKey error saying how to set one.
struct ApiKeyLookup
{
    QString key;
    Error error;
};

[[nodiscard]] ApiKeyLookup lookUpApiKey(const QUrl &baseUrl);

} // namespace CaseLens::Cli
