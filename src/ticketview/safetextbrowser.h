#pragma once

#include <QTextBrowser>
#include <QUrl>

namespace CaseLens::Gui {

// A read-only rich text view for untrusted HTML (descriptions). Everything it
// shows went through Html::sanitize(); it loads no resources (images, files,
// remote content) and never navigates. A click on a link emits
// httpsLinkActivated(), and only for https and mailto links.
class SafeTextBrowser final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeTextBrowser)

public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    // Shows Html::sanitize(untrustedHtml). The only way to set content.
    void setUntrustedHtml(const QString &untrustedHtml);

    // Always an empty QVariant: no image, file, qrc, data or remote resource.
    QVariant loadResource(int type, const QUrl &name) override;

public Q_SLOTS:
    // Handles anchorClicked (public so tests can drive it).
    void handleAnchorClicked(const QUrl &url);

Q_SIGNALS:
    void httpsLinkActivated(const QUrl &url);

protected:
    void doSetSource(const QUrl &name, QTextDocument::ResourceType type) override;

private:
    // Hidden: content must go through setUntrustedHtml().
    using QTextBrowser::setHtml;
    using QTextBrowser::setSource;
    using QTextBrowser::setText;

    void showLinkTarget(const QUrl &url);
};

} // namespace CaseLens::Gui
