#pragma once

#include <QProxyStyle>

namespace CaseLens::Gui {

// The application's style, with two standard icons built on first use
// instead of when the widget that owns them is created: the menu bar's
// overflow button and the search field's clear button. Neither is on screen
// in the first frame (the menus fit, the field is empty), but building either
// icon reads a PNG, and Qt's first image read loads every image-format plugin
// (QImageReader asks each plugin, which dlopens QtSvg, libjpeg, ..., before it
// tries its built-in PNG reader): a few milliseconds of start-up the first
// frame does not need. Everything else is the wrapped style's, unchanged.
class DeferredIconStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeferredIconStyle)

public:
    // key: the style to wrap, as QStyleFactory names it (the current one, so
    // -style and QT_STYLE_OVERRIDE still hold).
    explicit DeferredIconStyle(const QString &key);

    [[nodiscard]] QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                                     const QWidget *widget = nullptr) const override;
};

} // namespace CaseLens::Gui
