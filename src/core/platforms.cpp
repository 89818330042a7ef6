#include "core/platforms.h"

#include <QCoreApplication>

namespace CaseLens {
namespace {

class PlatformNames
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Platforms)

public:
    static QList<Platform> make()
    {
        using namespace Qt::StringLiterals;
        return {
            {u"general"_s, tr("General")},
            {u"renaissance"_s, tr("Renaissance")},
            {u"overture"_s, tr("Overture")},
            {u"winners"_s, tr("Winners")},
            {u"soprano"_s, tr("Soprano")},
            {u"symphony"_s, tr("Symphony")},
            {u"sonata"_s, tr("Sonata")},
            {u"papyrus"_s, tr("Papyrus")},
            {u"website"_s, tr("Website")},
            {u"blog"_s, tr("Blog")},
            {u"enewsletter"_s, tr("eNewsletter")},
            {u"socialmedia"_s, tr("Social media")},
            {u"api"_s, tr("API")},
            {u"aws"_s, tr("AWS")},
            {u"shopify"_s, tr("Shopify")},
            {u"instakes"_s, tr("Instakes")},
            {u"mcp-server"_s, tr("MCP server")},
            {u"sweeppea-cli"_s, tr("Sweeppea CLI")},
            {u"n8n"_s, tr("n8n")},
            {u"other"_s, tr("Other")},
        };
    }
};

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

const QList<Platform> &documentedPlatforms()
{
    // Built once, after translators are installed (first use is after start-up).
    static const QList<Platform> platforms = PlatformNames::make();
    return platforms;
}

QString documentedPlatformId(const QString &text)
{
    const Platform *p = findPlatform(text);
    return p ? p->id : QString();
}

QString platformDisplayName(const QString &id)
{
    const Platform *p = findPlatform(id);
    return p ? p->displayName : id;
}

} // namespace CaseLens
