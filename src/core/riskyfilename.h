#pragma once

#include <QCoreApplication>
#include <QString>

namespace CaseLens {

// What a file's name says about opening it. Ticket files come from strangers:
// a program named "invoice.pdf.exe", "photo.jpg      .exe" (the real ending
// pushed out of sight) or "invoice<U+202E>fdp.exe" (shown as "invoiceexe.pdf")
// must not pass for a document.
struct FileRisk
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::FileRisk)

public:
    enum class Kind {
        None,       // nothing known to run code when opened
        Program,    // .exe, .msi, .app, .deb, .apk, .jar, ...
        Script,     // .js, .vbs, .bat, .ps1, .sh, .hta, ...
        Shortcut,   // .lnk, .url, .desktop: opening starts something else
        Settings,   // .reg: changes Windows settings
        Macros,     // .docm, .xlsm, ...: documents that carry code
        DiskImage,  // .iso, .img, .vhd: can hide programs
        HiddenName, // invisible or direction-changing characters in the name
    };

    Kind kind = Kind::None;
    QString extension;      // the real last extension, lower case, without the dot ("exe")
    bool disguised = false; // another extension, spaces or bidi characters hide the real one
    QString reason;         // one or two sentences for the agent; empty when not risky

    [[nodiscard]] bool isRisky() const { return kind != Kind::None; }
};

// Judges a file name (or the last part of a link's path). Case-insensitive;
// trailing dots and spaces (which Windows drops) are ignored; invisible and
// bidi control characters are removed before the extension is read.
[[nodiscard]] FileRisk fileRisk(const QString &fileName);

// A name that is safe to offer in a save dialog: one path component, no
// control, bidi or invisible characters, no characters Windows refuses
// (<>:"/\|?*), no leading dots, no trailing dots or spaces, not a reserved
// Windows device name (CON, NUL, COM1, ...), at most maxChars characters
// with the extension kept. fallback (already safe) when nothing is left.
[[nodiscard]] QString safeFileName(const QString &name, const QString &fallback = QStringLiteral("download"),
                                   qsizetype maxChars = 200);

} // namespace CaseLens
