#pragma once

#include <QLabel>

namespace CaseLens::Gui {

// A one-line plain-text label that elides its text to the available width and
// shows the full text in its tooltip. Its size hint does not depend on the
// text, so a 20,000-character text costs the layout nothing.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // Plain text, never interpreted as HTML.
    void setFullText(const QString &text);
    [[nodiscard]] QString fullText() const { return m_fullText; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateElidedText();

    QString m_fullText;
    QString m_lineText; // one line, cut to what any screen can show
};

} // namespace CaseLens::Gui
