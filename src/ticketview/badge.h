#pragma once

#include <QWidget>

namespace CaseLens::Gui {

// A small rounded badge: a shape icon and a text on a background the icon
// chooses. The meaning is carried by the text and the icon, never by colour
// alone; the colours are dark enough for white text and readable on light and
// dark windows.
class Badge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Badge)

public:
    enum class Icon {
        None,
        PriorityLow,    // one of three bars
        PriorityMedium, // two of three bars
        PriorityHigh,   // three bars
        Open,           // an open circle
        Closed,         // a check mark
        Unknown,        // a question mark
    };

    explicit Badge(QWidget *parent = nullptr);

    void setBadge(const QString &text, Icon icon);
    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] Icon icon() const { return m_icon; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintIcon(QPainter &painter, const QRectF &rect) const;

    QString m_text;
    Icon m_icon = Icon::None;
};

} // namespace CaseLens::Gui
