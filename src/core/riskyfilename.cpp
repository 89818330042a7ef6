#include "core/riskyfilename.h"

#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace CaseLens {
namespace {

using Extensions = std::initializer_list<QStringView>;

// Lower case, without the dot. Not exhaustive (nothing is): the endings
// Windows, macOS, Linux and Android run or install when a file is opened.
constexpr Extensions ProgramExtensions = {
    u"exe",        u"com",  u"scr",        u"pif",  u"msi",     u"msp",         u"mst",
    u"cpl",        u"dll",  u"ocx",        u"sys",  u"gadget",  u"application", u"appx",
    u"appxbundle", u"msix", u"msixbundle", u"xbap", u"app",     u"dmg",         u"pkg",
    u"mpkg",       u"deb",  u"rpm",        u"apk",  u"xapk",    u"aab",         u"ipa",
    u"appimage",   u"run",  u"bin",        u"snap", u"flatpak", u"flatpakref",  u"jar"};
constexpr Extensions ScriptExtensions = {
    u"js",  u"jse", u"vbs",     u"vbe",  u"vb",     u"wsf", u"wsh", u"wsc", u"sct",         u"bat",
    u"cmd", u"ps1", u"psm1",    u"psd1", u"ps1xml", u"hta", u"chm", u"sh",  u"bash",        u"zsh",
    u"csh", u"ksh", u"command", u"tool", u"py",     u"pyw", u"pl",  u"rb",  u"applescript", u"scpt"};
constexpr Extensions ShortcutExtensions = {u"lnk",
                                           u"url",
                                           u"desktop",
                                           u"scf",
                                           u"webloc",
                                           u"inetloc",
                                           u"library-ms",
                                           u"website",
                                           u"searchconnector-ms",
                                           u"settingcontent-ms"};
constexpr Extensions SettingsExtensions = {u"reg", u"inf", u"mobileconfig"};
constexpr Extensions MacroExtensions = {u"docm", u"dotm", u"xlsm", u"xltm", u"xlam", u"xlsb",
                                        u"pptm", u"potm", u"ppam", u"ppsm", u"sldm"};
constexpr Extensions DiskImageExtensions = {u"iso", u"img", u"vhd", u"vhdx"};
// What a disguised program pretends to be.
constexpr Extensions DocumentExtensions = {
    u"pdf", u"doc", u"docx", u"xls", u"xlsx", u"csv",  u"ppt",  u"pptx", u"odt", u"ods", u"rtf", u"txt",
    u"log", u"jpg", u"jpeg", u"png", u"gif",  u"bmp",  u"webp", u"heic", u"svg", u"mp3", u"mp4", u"mov",
    u"avi", u"wav", u"zip",  u"rar", u"7z",   u"html", u"htm",  u"json", u"xml", u"eml"};

bool contains(Extensions list, QStringView extension)
{
    return std::find(list.begin(), list.end(), extension) != list.end();
}

// Characters that are not drawn but change what is drawn: C0/C1 controls,
// bidi embeddings, overrides and isolates, zero-width joiners and spaces,
// the BOM, the soft hyphen (Unicode's "format" category covers all but the
// controls).
bool isInvisible(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format;
}

// The name without invisible characters, its last path component only.
QString visibleName(const QString &fileName, bool *hadInvisible)
{
    QString out;
    out.reserve(fileName.size());
    *hadInvisible = false;
    for (const QChar c : fileName) {
        if (isInvisible(c))
            *hadInvisible = true;
        else
            out.append(c);
    }
    const qsizetype slash = std::max(out.lastIndexOf(u'/'), out.lastIndexOf(u'\\'));
    if (slash >= 0)
        out.remove(0, slash + 1);
    return out;
}

// Windows drops trailing dots and spaces: "setup.exe. " is setup.exe.
QString withoutTrailingDotsAndSpaces(QString name)
{
    while (!name.isEmpty() && (name.back() == u'.' || name.back().isSpace()))
        name.chop(1);
    return name;
}

FileRisk::Kind kindOf(QStringView extension)
{
    if (contains(ProgramExtensions, extension))
        return FileRisk::Kind::Program;
    if (contains(ScriptExtensions, extension))
        return FileRisk::Kind::Script;
    if (contains(ShortcutExtensions, extension))
        return FileRisk::Kind::Shortcut;
    if (contains(SettingsExtensions, extension))
        return FileRisk::Kind::Settings;
    if (contains(MacroExtensions, extension))
        return FileRisk::Kind::Macros;
    if (contains(DiskImageExtensions, extension))
        return FileRisk::Kind::DiskImage;
    return FileRisk::Kind::None;
}

QString kindSentence(FileRisk::Kind kind)
{
    switch (kind) {
    case FileRisk::Kind::Program:
        return FileRisk::tr("This is a program: opening it can run code on this computer.");
    case FileRisk::Kind::Script:
        return FileRisk::tr("This is a script: opening it can run code on this computer.");
    case FileRisk::Kind::Shortcut:
        return FileRisk::tr("This is a shortcut: opening it can start a program or open another place.");
    case FileRisk::Kind::Settings:
        return FileRisk::tr("This file changes system settings when it is opened.");
    case FileRisk::Kind::Macros:
        return FileRisk::tr("This document can carry macros: opening it can run code on this computer.");
    case FileRisk::Kind::DiskImage:
        return FileRisk::tr("This is a disk image: it can hold programs that look like documents.");
    case FileRisk::Kind::HiddenName:
        return FileRisk::tr("Its name is not what it seems: do not trust what it appears to be.");
    case FileRisk::Kind::None:
        break;
    }
    return {};
}

constexpr QStringView WindowsForbidden = u"<>:\"/\\|?*";

bool isReservedWindowsName(const QString &name)
{
    const QString base = name.section(u'.', 0, 0).trimmed().toUpper();
    static const QStringList reserved = [] {
        QStringList names = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                             QStringLiteral("NUL")};
        for (int i = 1; i <= 9; ++i) {
            names.append(QStringLiteral("COM%1").arg(i));
            names.append(QStringLiteral("LPT%1").arg(i));
        }
        return names;
    }();
    return reserved.contains(base);
}

constexpr qsizetype MaxKeptExtensionChars = 16;

// Cuts text to at most maxChars without splitting a surrogate pair.
QString cutTo(QString text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    text.truncate(maxChars);
    if (!text.isEmpty() && text.back().isHighSurrogate())
        text.chop(1);
    return text;
}

} // namespace

FileRisk fileRisk(const QString &fileName)
{
    FileRisk risk;
    bool hadInvisible = false;
    const QString name = withoutTrailingDotsAndSpaces(visibleName(fileName, &hadInvisible));
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot > 0)
        risk.extension = name.mid(dot + 1).toLower();
    risk.kind = kindOf(risk.extension);

    QStringList sentences;
    if (hadInvisible) {
        risk.disguised = true;
        sentences << (risk.extension.isEmpty()
                          ? FileRisk::tr("The name contains invisible characters that change how it reads.")
                          : FileRisk::tr("The name contains invisible characters that change how it reads; "
                                         "it really ends in “.%1”.")
                                .arg(risk.extension));
        if (risk.kind == FileRisk::Kind::None)
            risk.kind = FileRisk::Kind::HiddenName;
    } else if (risk.kind != FileRisk::Kind::None) {
        const QString stem = name.left(dot);
        const QString trimmedStem = withoutTrailingDotsAndSpaces(stem);
        const qsizetype innerDot = trimmedStem.lastIndexOf(u'.');
        const QString inner = innerDot > 0 ? trimmedStem.mid(innerDot + 1).toLower() : QString();
        if (!inner.isEmpty() && contains(DocumentExtensions, inner)) {
            risk.disguised = true;
            sentences
                << FileRisk::tr("The name shows “.%1” but really ends in “.%2”.").arg(inner, risk.extension);
        } else if (stem.size() - trimmedStem.size() >= 2) {
            risk.disguised = true;
            sentences << FileRisk::tr("Spaces in the name push its real ending “.%1” out of sight.")
                             .arg(risk.extension);
        }
    }
    if (risk.kind != FileRisk::Kind::None) {
        sentences << kindSentence(risk.kind);
        risk.reason = sentences.join(u' ');
    }
    return risk;
}

QString safeFileName(const QString &name, const QString &fallback, qsizetype maxChars)
{
    QString out;
    out.reserve(name.size());
    bool lastWasSpace = false;
    for (const QChar c : name) {
        if (c.isSpace()) { // before the controls: a tab or a new line is a space here
            // Runs of spaces (which can push a real ending out of sight) become one.
            if (!lastWasSpace)
                out.append(u' ');
            lastWasSpace = true;
            continue;
        }
        if (isInvisible(c))
            continue;
        lastWasSpace = false;
        out.append(WindowsForbidden.contains(c) ? u'_' : c);
    }
    out = withoutTrailingDotsAndSpaces(out);
    qsizetype lead = 0;
    while (lead < out.size() && (out.at(lead) == u'.' || out.at(lead).isSpace()))
        ++lead;
    out.remove(0, lead);
    if (out.isEmpty())
        return fallback;
    if (isReservedWindowsName(out))
        out.prepend(u'_');
    if (out.size() > maxChars) {
        const qsizetype dot = out.lastIndexOf(u'.');
        const qsizetype extensionChars = dot > 0 ? out.size() - dot : 0;
        if (extensionChars > 0 && extensionChars <= MaxKeptExtensionChars && extensionChars < maxChars)
            out =
                withoutTrailingDotsAndSpaces(cutTo(out.left(dot), maxChars - extensionChars)) + out.mid(dot);
        else
            out = withoutTrailingDotsAndSpaces(cutTo(out, maxChars));
    }
    return out;
}

} // namespace CaseLens
