#include "core/riskyfilename.h"

#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

// Which ticket files the Files tab flags before opening, and why; and the
// name the save dialog offers.
class tst_RiskyFileName final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagged_data();
    void flagged();
    void harmless_data();
    void harmless();
    void disguisesAreNamed();
    void safeName_data();
    void safeName();
    void safeNameKeepsTheRealEndingWhenCut();
};

void tst_RiskyFileName::flagged_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<FileRisk::Kind>("kind");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<bool>("disguised");

    using K = FileRisk::Kind;
    const struct
    {
        const char *tag;
        QString name;
        K kind;
        const char *extension;
        bool disguised;
    } rows[] = {
        {"exe", u"setup.exe"_s, K::Program, "exe", false},
        {"upper case", u"SETUP.EXE"_s, K::Program, "exe", false},
        {"scr", u"holiday.scr"_s, K::Program, "scr", false},
        {"msi", u"tool.msi"_s, K::Program, "msi", false},
        {"jar", u"app.jar"_s, K::Program, "jar", false},
        {"deb", u"fix.deb"_s, K::Program, "deb", false},
        {"apk", u"app.apk"_s, K::Program, "apk", false},
        {"dmg", u"Installer.dmg"_s, K::Program, "dmg", false},
        {"js", u"readme.js"_s, K::Script, "js", false},
        {"jse", u"a.jse"_s, K::Script, "jse", false},
        {"vbs", u"a.vbs"_s, K::Script, "vbs", false},
        {"bat", u"run.bat"_s, K::Script, "bat", false},
        {"cmd", u"run.cmd"_s, K::Script, "cmd", false},
        {"ps1", u"fix.ps1"_s, K::Script, "ps1", false},
        {"hta", u"page.hta"_s, K::Script, "hta", false},
        {"sh", u"install.sh"_s, K::Script, "sh", false},
        {"lnk", u"Documents.lnk"_s, K::Shortcut, "lnk", false},
        {"desktop", u"open-me.desktop"_s, K::Shortcut, "desktop", false},
        {"reg", u"settings.reg"_s, K::Settings, "reg", false},
        {"docm", u"report.docm"_s, K::Macros, "docm", false},
        {"iso", u"disk.iso"_s, K::DiskImage, "iso", false},
        // Windows drops trailing dots and spaces: this is an .exe.
        {"trailing dots", u"invoice.exe. . "_s, K::Program, "exe", false},
        {"in a path", u"C:\\Users\\x\\setup.exe"_s, K::Program, "exe", false},
        {"double extension", u"invoice.pdf.exe"_s, K::Program, "exe", true},
        {"double extension, script", u"photo.jpg.js"_s, K::Script, "js", true},
        {"spaces before the ending", u"photo.jpg      .exe"_s, K::Program, "exe", true},
        {"padding without a second ending", u"invoice                     .scr"_s, K::Program, "scr", true},
        // Shown as "invoiceexe.pdf": the right-to-left override reverses "fdp.exe".
        {"right-to-left override", u"invoice\u202Efdp.exe"_s, K::Program, "exe", true},
        {"right-to-left override, harmless ending", u"report\u202Eexe.pdf"_s, K::HiddenName, "pdf", true},
        {"zero-width space", u"in\u200Bvoice.pdf"_s, K::HiddenName, "pdf", true},
        {"isolate", u"\u2067photo.png"_s, K::HiddenName, "png", true},
    };
    for (const auto &row : rows)
        QTest::newRow(row.tag) << row.name << row.kind << QString::fromLatin1(row.extension) << row.disguised;
}

void tst_RiskyFileName::flagged()
{
    QFETCH(QString, name);
    QFETCH(FileRisk::Kind, kind);
    QFETCH(QString, extension);
    QFETCH(bool, disguised);

    const FileRisk risk = fileRisk(name);
    QVERIFY(risk.isRisky());
    QCOMPARE(risk.kind, kind);
    QCOMPARE(risk.extension, extension);
    QCOMPARE(risk.disguised, disguised);
    QVERIFY2(risk.reason.endsWith(u'.'), qPrintable(risk.reason));
}

void tst_RiskyFileName::harmless_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name :
         {u"winners-export.csv"_s, u"invoice.pdf"_s, u"photo.JPG"_s, u"report.docx"_s, u"archive.tar.gz"_s,
          u"notes"_s, u".bashrc"_s, u""_s, u"exe"_s, u"v1.2 release notes.txt"_s, u"résumé.pdf"_s,
          u"请求.xlsx"_s, u"https://files.sweeppea.com/t/HYXTNJV/winners-export.csv"_s})
        QTest::newRow(qPrintable(name.isEmpty() ? u"empty"_s : name)) << name;
}

void tst_RiskyFileName::harmless()
{
    QFETCH(QString, name);
    const FileRisk risk = fileRisk(name);
    QVERIFY2(!risk.isRisky(), qPrintable(risk.reason));
    QVERIFY(risk.reason.isEmpty());
    QVERIFY(!risk.disguised);
}

void tst_RiskyFileName::disguisesAreNamed()
{
    const QString program = u"This is a program: opening it can run code on this computer."_s;
    QCOMPARE(fileRisk(u"setup.exe"_s).reason, program);
    QCOMPARE(fileRisk(u"invoice.pdf.exe"_s).reason,
             u"The name shows “.pdf” but really ends in “.exe”. "_s + program);
    QCOMPARE(
        fileRisk(u"invoice\u202Efdp.exe"_s).reason,
        u"The name contains invisible characters that change how it reads; it really ends in “.exe”. "_s +
            program);
    QVERIFY(fileRisk(u"photo.jpg      .exe"_s).reason.contains(u"“.jpg”"_s));
    QVERIFY(fileRisk(u"invoice          .scr"_s).reason.startsWith(u"Spaces in the name"_s));
    QVERIFY(fileRisk(u"run.bat"_s).reason.startsWith(u"This is a script"_s));
}

void tst_RiskyFileName::safeName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::newRow("plain") << u"winners-export.csv"_s << u"winners-export.csv"_s;
    QTest::newRow("unicode kept") << u"请求 résumé.pdf"_s << u"请求 résumé.pdf"_s;
    QTest::newRow("path separators") << u"../../etc/passwd"_s << u"_.._etc_passwd"_s;
    QTest::newRow("windows path") << u"C:\\temp\\a.txt"_s << u"C__temp_a.txt"_s;
    QTest::newRow("forbidden characters") << u"a<b>c:d\"e|f?g*h.txt"_s << u"a_b_c_d_e_f_g_h.txt"_s;
    QTest::newRow("right-to-left override") << u"invoice\u202Efdp.exe"_s << u"invoicefdp.exe"_s;
    QTest::newRow("control characters") << u"a\nb\tc\u0007.txt"_s << u"a b c.txt"_s;
    QTest::newRow("spaces collapse") << u"photo.jpg      .exe"_s << u"photo.jpg .exe"_s;
    QTest::newRow("leading dots") << u"...hidden"_s << u"hidden"_s;
    QTest::newRow("trailing dots and spaces") << u"setup.exe . ."_s << u"setup.exe"_s;
    QTest::newRow("reserved device") << u"CON.txt"_s << u"_CON.txt"_s;
    QTest::newRow("reserved device, lower case") << u"nul"_s << u"_nul"_s;
    QTest::newRow("not reserved") << u"console.txt"_s << u"console.txt"_s;
    QTest::newRow("nothing left") << u"\u202E..."_s << u"download"_s;
    QTest::newRow("empty") << QString() << u"download"_s;
}

void tst_RiskyFileName::safeName()
{
    QFETCH(QString, name);
    QFETCH(QString, safe);
    QCOMPARE(safeFileName(name), safe);
}

void tst_RiskyFileName::safeNameKeepsTheRealEndingWhenCut()
{
    // A long name must not lose the ending that says what it is.
    const QString longName = QString(500, u'a') + u".pdf.exe"_s;
    const QString safe = safeFileName(longName);
    QCOMPARE(safe.size(), 200);
    QVERIFY(safe.endsWith(u".exe"_s));
    QCOMPARE(fileRisk(safe).kind, FileRisk::Kind::Program);
    // Surrogate pairs are not split.
    const QString emoji = QString(151, u'x') + u"😀"_s.repeated(100) + u".txt"_s;
    const QString cut = safeFileName(emoji);
    QVERIFY(cut.size() <= 200);
    QVERIFY(cut.endsWith(u".txt"_s));
    QVERIFY(!cut.at(cut.size() - 5).isHighSurrogate());
}

QTEST_GUILESS_MAIN(tst_RiskyFileName)
#include "tst_riskyfilename.moc"
