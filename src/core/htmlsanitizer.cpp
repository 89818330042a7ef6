#include "htmlsanitizer.h"

// Placeholder until the sanitiser lands: escape everything.
namespace CaseLens::Html {
QString sanitize(const QString &html) { return html.toHtmlEscaped(); }
QString toPlainText(const QString &html) { return html; }
} // namespace CaseLens::Html
