#pragma once

#include <QTextDocument>

namespace CaseLens::Gui {

// A QTextDocument that never loads a resource: no images, no style sheets,
// nothing from disk, qrc or the network. Used for rendering untrusted notes.
class SafeTextDocument final : public QTextDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeTextDocument)

public:
    explicit SafeTextDocument(QObject *parent = nullptr);

    // Sets Html::sanitize(untrustedHtml) as the content.
    void setUntrustedHtml(const QString &untrustedHtml);
    // Sets HTML that already went through Html::sanitize().
    void setSanitizedHtml(const QString &sanitizedHtml);

    // Always an empty QVariant: nothing is ever loaded.
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace CaseLens::Gui
