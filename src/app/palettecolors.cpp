#include "app/palettecolors.h"

namespace CaseLens::Gui::PaletteColors {

namespace {

QColor accent(Tone tone)
{
    switch (tone) {
    case Tone::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case Tone::Warning:
        return QColor(0xf0, 0xa2, 0x02);
    case Tone::Info:
        return QColor(0x1f, 0x5f, 0xbf);
    }
    return {};
}

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor errorText(const QPalette &palette)
{
    // Dark red reads on light backgrounds, a light red on dark ones.
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QColor bannerBackground(const QPalette &palette, Tone tone)
{
    return mix(palette.color(QPalette::Base), accent(tone), isDark(palette) ? 0.22 : 0.12);
}

QColor bannerBorder(const QPalette &palette, Tone tone)
{
    return mix(palette.color(QPalette::Base), accent(tone), isDark(palette) ? 0.6 : 0.5);
}

QString bannerStyleSheet(const QPalette &palette, Tone tone, const QString &objectName)
{
    // Only the frame itself: children keep the palette's text colours.
    return QStringLiteral("QFrame#%1 { background-color: %2; border: 1px solid %3; border-radius: 6px; }")
        .arg(objectName, bannerBackground(palette, tone).name(), bannerBorder(palette, tone).name());
}

} // namespace CaseLens::Gui::PaletteColors
