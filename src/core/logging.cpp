#include "core/logging.h"

Q_LOGGING_CATEGORY(lcNet, "caselens.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcParse, "caselens.parse", QtWarningMsg)
