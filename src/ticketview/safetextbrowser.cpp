#include "ticketview/safetextbrowser.h"

#include "core/htmlsanitizer.h"
#include "ticketview/viewhelpers.h"

#include <QToolTip>

namespace CaseLens::Gui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(this, &QTextBrowser::anchorClicked, this, &SafeTextBrowser::handleAnchorClicked);
    connect(this, &QTextBrowser::highlighted, this, &SafeTextBrowser::showLinkTarget);
}

void SafeTextBrowser::setUntrustedHtml(const QString &untrustedHtml)
{
    QTextBrowser::setHtml(displayHtml(untrustedHtml));
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {};
}

void SafeTextBrowser::handleAnchorClicked(const QUrl &url)
{
    if (isOpenableUrl(url))
        Q_EMIT httpsLinkActivated(url);
}

void SafeTextBrowser::doSetSource(const QUrl &name, QTextDocument::ResourceType type)
{
    // Never navigate: a QTextBrowser would otherwise load the target itself.
    Q_UNUSED(name)
    Q_UNUSED(type)
}

// Shows where a link goes before it is clicked (the text may say otherwise).
void SafeTextBrowser::showLinkTarget(const QUrl &url)
{
    if (url.isEmpty()) {
        setToolTip({});
        return;
    }
    const QString target = url.toDisplayString();
    setToolTip(isOpenableUrl(url) ? toolTipText(target)
                                  : toolTipText(tr("%1 (this link cannot be opened)").arg(target)));
}

} // namespace CaseLens::Gui
