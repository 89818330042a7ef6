#include "ticketview/safetextdocument.h"

#include "core/htmlsanitizer.h"

namespace CaseLens::Gui {

SafeTextDocument::SafeTextDocument(QObject *parent)
    : QTextDocument(parent)
{
    setUndoRedoEnabled(false);
}

void SafeTextDocument::setUntrustedHtml(const QString &untrustedHtml)
{
    setHtml(Html::sanitize(untrustedHtml));
}

void SafeTextDocument::setSanitizedHtml(const QString &sanitizedHtml)
{
    setHtml(sanitizedHtml);
}

QVariant SafeTextDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {};
}

} // namespace CaseLens::Gui
