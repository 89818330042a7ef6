#include "ticketview/elidedlabel.h"

#include "ticketview/viewhelpers.h"

#include <QEvent>
#include <QFontMetrics>

namespace CaseLens::Gui {
namespace {

// No screen shows more characters than this on one line; eliding a longer
// text would only cost time.
constexpr qsizetype MaxLineChars = 600;
constexpr int PreferredWidth = 480;

} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    m_lineText = singleLine(shortened(text, MaxLineChars));
    setToolTip(toolTipText(text));
    setAccessibleName(shortened(text, 500));
    updateElidedText();
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int width = std::min(PreferredWidth, fm.horizontalAdvance(m_lineText.left(80)) + 4);
    return {width, QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QChar(0x2026)) * 4, QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateElidedText();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateElidedText();
}

void ElidedLabel::updateElidedText()
{
    const int available = std::max(0, contentsRect().width() - 2);
    const QString elided = fontMetrics().elidedText(m_lineText, Qt::ElideRight, available);
    // The isolate keeps bidi controls in the text from leaking out of it.
    const QString shown = elided.isEmpty() ? QString() : isolate(elided);
    if (shown != text())
        setText(shown);
}

} // namespace CaseLens::Gui
