#include "core/platforms.h"

#include <QCoreApplication>

namespace CaseLens {
namespace {

constexpr auto Context = "CaseLens::Platforms";

const QList<Platform> &platformList()
{
    static const QList<Platform> platforms = {
        {QStringLiteral("general"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "General")},
        {QStringLiteral("renaissance"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Renaissance")},
        {QStringLiteral("overture"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Overture")},
        {QStringLiteral("winners"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Winners")},
        {QStringLiteral("soprano"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Soprano")},
        {QStringLiteral("symphony"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Symphony")},
        {QStringLiteral("sonata"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Sonata")},
        {QStringLiteral("papyrus"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Papyrus")},
        {QStringLiteral("website"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Website")},
        {QStringLiteral("blog"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Blog")},
        {QStringLiteral("enewsletter"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "eNewsletter")},
        {QStringLiteral("socialmedia"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Social media")},
        {QStringLiteral("api"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "API")},
        {QStringLiteral("aws"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "AWS")},
        {QStringLiteral("shopify"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Shopify")},
        {QStringLiteral("instakes"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Instakes")},
        {QStringLiteral("mcp-server"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "MCP server")},
        {QStringLiteral("sweeppea-cli"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Sweeppea CLI")},
        {QStringLiteral("n8n"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "n8n")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("CaseLens::Platforms", "Other")},
    };
    return platforms;
}

const Platform *findPlatform(const QString &text)
{
    const QString wanted = text.trimmed().toLower();
    for (const Platform &p : documentedPlatforms()) {
        if (p.id == wanted)
            return &p;
    }
    return nullptr;
}

} // namespace

QString Platform::displayName() const
{
    return QCoreApplication::translate(Context, englishName);
}

const QList<Platform> &documentedPlatforms()
{
    return platformList();
}

QString documentedPlatformId(const QString &text)
{
    const Platform *p = findPlatform(text);
    return p ? p->id : QString();
}

QString platformDisplayName(const QString &id)
{
    const Platform *p = findPlatform(id);
    return p ? p->displayName() : id;
}

} // namespace CaseLens
