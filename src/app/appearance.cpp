#include "app/appearance.h"

#include "app/deferrediconstyle.h"

#include <QApplication>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace CaseLens::Gui {

namespace {

// What the application looked like before CaseLens first changed it.
struct Original
{
    bool captured = false;
    QString styleKey;      // as QStyleFactory names it
    bool deferred = false; // wrapped in DeferredIconStyle (startup.cpp does so)
};

Original &original()
{
    static Original value;
    return value;
}

Appearance::Theme &currentTheme()
{
    static Appearance::Theme theme = Appearance::Theme::System;
    return theme;
}

void captureOriginal()
{
    Original &saved = original();
    if (saved.captured)
        return;
    saved.captured = true;
    QStyle *style = QApplication::style();
    saved.deferred = qobject_cast<DeferredIconStyle *>(style) != nullptr;
    const auto *proxy = qobject_cast<QProxyStyle *>(style);
    saved.styleKey = proxy && proxy->baseStyle() ? proxy->baseStyle()->name() : style->name();
}

QStyle *makeStyle(const QString &key, bool deferred)
{
    if (deferred)
        return new DeferredIconStyle(key);
    return QStyleFactory::create(key);
}

// A role's colour in all three groups, then what differs when disabled.
void setAll(QPalette &palette, QPalette::ColorRole role, const QColor &color)
{
    palette.setColor(QPalette::All, role, color);
}

} // namespace

Appearance::Theme Appearance::fromName(const QString &name)
{
    if (name == u"light")
        return Theme::Light;
    if (name == u"dark")
        return Theme::Dark;
    return Theme::System;
}

QString Appearance::name(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

QString Appearance::displayName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return tr("Light");
    case Theme::Dark:
        return tr("Dark");
    case Theme::System:
        break;
    }
    return tr("System", "appearance: follow the desktop");
}

QPalette Appearance::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
    setAll(palette, QPalette::Link, QColor(0x0b, 0x57, 0xd0));
    setAll(palette, QPalette::LinkVisited, QColor(0x6a, 0x1b, 0x9a));
    return palette;
}

QPalette Appearance::darkPalette()
{
    QPalette palette;
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor dimmed(0x80, 0x80, 0x80);
    setAll(palette, QPalette::Window, window);
    setAll(palette, QPalette::WindowText, text);
    setAll(palette, QPalette::Base, QColor(0x1e, 0x1e, 0x1f));
    setAll(palette, QPalette::AlternateBase, QColor(0x27, 0x27, 0x2a));
    setAll(palette, QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x40));
    setAll(palette, QPalette::ToolTipText, text);
    setAll(palette, QPalette::PlaceholderText, QColor(0x96, 0x96, 0x96));
    setAll(palette, QPalette::Text, text);
    setAll(palette, QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    setAll(palette, QPalette::ButtonText, text);
    setAll(palette, QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    setAll(palette, QPalette::Light, QColor(0x55, 0x55, 0x5a));
    setAll(palette, QPalette::Midlight, QColor(0x46, 0x46, 0x4a));
    setAll(palette, QPalette::Mid, QColor(0x26, 0x26, 0x28));
    setAll(palette, QPalette::Dark, QColor(0x1a, 0x1a, 0x1b));
    setAll(palette, QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    setAll(palette, QPalette::Highlight, QColor(0x2f, 0x7b, 0xd6));
    setAll(palette, QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    setAll(palette, QPalette::Link, QColor(0x7c, 0xb8, 0xff));
    setAll(palette, QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xff));
    // Disabled: readable but clearly dimmed; a selection that does not shout.
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
        palette.setColor(QPalette::Disabled, role, dimmed);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    palette.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x33, 0x36));
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4e));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xb4, 0xb4, 0xb4));
    palette.setColor(QPalette::Disabled, QPalette::Link, QColor(0x6a, 0x80, 0x9a));
    palette.setColor(QPalette::Disabled, QPalette::PlaceholderText, QColor(0x66, 0x66, 0x66));
    return palette;
}

void Appearance::apply(Theme theme)
{
    if (theme == currentTheme())
        return;
    captureOriginal();
    const Original &saved = original();
    currentTheme() = theme;
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(makeStyle(saved.styleKey, saved.deferred));
        // An empty palette: every role from the platform theme or the style
        // again, as before the first change (and following later desktop changes).
        QApplication::setPalette(QPalette());
        return;
    case Theme::Light:
    case Theme::Dark:
        QApplication::setStyle(makeStyle(QStringLiteral("Fusion"), saved.deferred));
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
        return;
    }
}

Appearance::Theme Appearance::current()
{
    return currentTheme();
}

} // namespace CaseLens::Gui
