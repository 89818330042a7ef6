#include "app/languagesupport.h"
#include "app/settingsdialog.h"
#include "core/apikeyprovider.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

namespace {

SettingsValues defaults()
{
    return {QUrl(QStringLiteral("https://api-v3.sweeppea.com")), 30, QStringLiteral("system")};
}

template <typename T>
T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class tst_SettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyMaskedWithShowToggle();
    void saveAndForgetKey();
    void environmentKeyLocation();
    void serverUrlValidated();
    void valuesRoundTrip();
};

void tst_SettingsDialog::keyMaskedWithShowToggle()
{
    ApiKeyProvider keys;
    keys.store(QStringLiteral("secret"));
    SettingsDialog dialog(&keys, defaults());
    auto *edit = child<QLineEdit>(&dialog, "apiKeyEdit");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QCOMPARE(edit->text(), QStringLiteral("secret"));
    auto *show = child<QToolButton>(&dialog, "showKeyButton");
    show->click();
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    show->click();
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
}

void tst_SettingsDialog::saveAndForgetKey()
{
    ApiKeyProvider keys;
    SettingsDialog dialog(&keys, defaults());
    auto *edit = child<QLineEdit>(&dialog, "apiKeyEdit");
    auto *save = child<QPushButton>(&dialog, "saveKeyButton");
    auto *forget = child<QPushButton>(&dialog, "forgetKeyButton");
    auto *location = child<QLabel>(&dialog, "keyLocationLabel");
    QVERIFY(!save->isEnabled());
    QVERIFY(!forget->isEnabled());

    edit->setText(QStringLiteral("  new-key "));
    QVERIFY(save->isEnabled());
    save->click();
    QCOMPARE(keys.key(), QStringLiteral("new-key"));
    QCOMPARE(keys.source(), ApiKeyProvider::Source::Session);
    QVERIFY(location->text().contains(QStringLiteral("This session only (memory)")));
    QVERIFY(forget->isEnabled());

    forget->click();
    QVERIFY(!keys.hasKey());
    QVERIFY(edit->text().isEmpty());
    QVERIFY(!forget->isEnabled());
}

void tst_SettingsDialog::environmentKeyLocation()
{
    ApiKeyProvider keys;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CASELENS_API_KEY"), QStringLiteral("from-env"));
    keys.loadFromEnvironment(environment);
    QCOMPARE(keys.source(), ApiKeyProvider::Source::Environment);
    SettingsDialog dialog(&keys, defaults());
    QVERIFY(child<QLabel>(&dialog, "keyLocationLabel")
                ->text()
                .contains(QStringLiteral("Environment variable CASELENS_API_KEY")));
}

void tst_SettingsDialog::serverUrlValidated()
{
    ApiKeyProvider keys;
    SettingsDialog dialog(&keys, defaults());
    dialog.show();
    auto *url = child<QLineEdit>(&dialog, "serverUrlEdit");
    auto *error = child<QLabel>(&dialog, "serverUrlErrorLabel");
    QPushButton *ok = child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    QVERIFY(!error->isVisible());
    QVERIFY(ok->isEnabled());

    url->setText(QStringLiteral("http://remote.example.com"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("https")));
    QVERIFY(!ok->isEnabled());

    url->setText(QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!error->isVisible());
    QVERIFY(ok->isEnabled());

    child<QPushButton>(&dialog, "defaultServerButton")->click();
    QCOMPARE(url->text(), QStringLiteral("https://api-v3.sweeppea.com"));
}

void tst_SettingsDialog::valuesRoundTrip()
{
    ApiKeyProvider keys;
    SettingsDialog dialog(&keys,
                          {QUrl(QStringLiteral("https://staging.example.com")), 45, QStringLiteral("en")});
    QCOMPARE(dialog.values().serverUrl, QUrl(QStringLiteral("https://staging.example.com")));
    QCOMPARE(dialog.values().timeoutSeconds, 45);
    QCOMPARE(dialog.values().language, QStringLiteral("en"));
    child<QSpinBox>(&dialog, "timeoutSpin")->setValue(5);
    auto *language = child<QComboBox>(&dialog, "languageCombo");
    // "System", then every shipped language (English, Spanish, German).
    QCOMPARE(language->count(), int(availableLanguages().size()));
    QVERIFY(language->findData(QStringLiteral("es")) >= 0);
    QVERIFY(language->findData(QStringLiteral("de")) >= 0);
    language->setCurrentIndex(language->findData(QStringLiteral("system")));
    QCOMPARE(dialog.values().timeoutSeconds, 5);
    QCOMPARE(dialog.values().language, QStringLiteral("system"));
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
