#pragma once

#include <QLoggingCategory>

// Enable with QT_LOGGING_RULES="caselens.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcNet)       // caselens.net: requests, statuses, timings, sizes
Q_DECLARE_LOGGING_CATEGORY(lcParse)     // caselens.parse: parser warnings
