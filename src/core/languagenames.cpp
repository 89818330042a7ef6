#include "core/languagenames.h"

#include <QCoreApplication>

namespace CaseLens {

namespace {
// lupdate files the names under this context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Language)
};
} // namespace

QString languageName(QLocale::Language language)
{
    // One tr() per name, spelled out: lupdate reads literals only.
    switch (language) {
    case QLocale::English:
        return Tr::tr("English");
    case QLocale::Spanish:
        return Tr::tr("Spanish");
    case QLocale::German:
        return Tr::tr("German");
    case QLocale::French:
        return Tr::tr("French");
    case QLocale::Portuguese:
        return Tr::tr("Portuguese");
    case QLocale::Italian:
        return Tr::tr("Italian");
    case QLocale::Dutch:
        return Tr::tr("Dutch");
    case QLocale::Polish:
        return Tr::tr("Polish");
    case QLocale::Catalan:
        return Tr::tr("Catalan");
    case QLocale::Russian:
        return Tr::tr("Russian");
    case QLocale::Chinese:
        return Tr::tr("Chinese");
    case QLocale::Japanese:
        return Tr::tr("Japanese");
    default:
        return QLocale::languageToString(language);
    }
}

} // namespace CaseLens
