#include "app/deferrediconstyle.h"

#include <QIconEngine>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

#include <utility>

namespace CaseLens::Gui {

namespace {

// Set while an engine asks the wrapped style for the real icon: should that
// style ask its proxy (us) again, it gets the real icon, not another deferral.
thread_local bool t_building = false;

// Asks the style for the real icon the first time anything needs its
// pixels or sizes. isNull() answers without building it: Qt's common style
// has both deferred icons, and widgets ask isNull() while they lay out.
class DeferredIconEngine final : public QIconEngine
{
public:
    DeferredIconEngine(const QStyle *style, QStyle::StandardPixmap which, const QStyleOption *option,
                       const QWidget *widget)
        // Qt 6.4's QPointer takes no const object; these are only watched.
        : m_style(const_cast<QStyle *>(style))
        , m_which(which)
        , m_widget(const_cast<QWidget *>(widget))
        , m_hasOption(option != nullptr)
    {
        // The option lives only for the call: keep its common part (direction,
        // state, palette), as a plain QStyleOption so that no style casts it
        // to the subclass it was.
        if (option) {
            m_option = *option;
            m_option.type = QStyleOption::SO_Default;
            m_option.version = QStyleOption::Version;
        }
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    bool isNull() override { return m_built && m_icon.isNull(); }
    [[nodiscard]] QString key() const override { return QStringLiteral("CaseLensDeferredIcon"); }
    [[nodiscard]] QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    DeferredIconEngine(const DeferredIconEngine &) = default;

    const QIcon &icon()
    {
        if (!m_built) {
            m_built = true;
            if (m_style) {
                const bool wasBuilding = std::exchange(t_building, true);
                m_icon = m_style->standardIcon(m_which, m_hasOption ? &m_option : nullptr, m_widget);
                t_building = wasBuilding;
            }
        }
        return m_icon;
    }

    QPointer<QStyle> m_style; // the wrapped style
    QStyle::StandardPixmap m_which;
    QPointer<QWidget> m_widget;
    bool m_hasOption;
    QStyleOption m_option;
    bool m_built = false;
    QIcon m_icon;
};

} // namespace

DeferredIconStyle::DeferredIconStyle(const QString &key)
    : QProxyStyle(key)
{}

QIcon DeferredIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                      const QWidget *widget) const
{
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
    case SP_ToolBarVerticalExtensionButton:
    case SP_LineEditClearButton:
        if (!t_building)
            return QIcon(new DeferredIconEngine(baseStyle(), standardIcon, option, widget));
        break;
    default:
        break;
    }
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}

} // namespace CaseLens::Gui
