#include "app/languagesupport.h"
#include "app/settingsdialog.h"
#include "app/watchsettingspage.h"
#include "core/accountstatus.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/clientsettings.h"
#include "core/session.h"
#include "support/fakeserver.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

namespace {

SettingsValues defaults()
{
    return {QUrl(QStringLiteral("https://api-v3.sweeppea.com")), 30, QStringLiteral("system")};
}

// The account endpoints as a server that knows one key: Ana's.
void serveAccount(FakeServer &server)
{
    server.setHandler([](const RecordedRequest &request) {
        if (request.header("authorization") != "Bearer anas-key-0123456789")
            return FakeResponse::error(403, QStringLiteral("Invalid API Token"));
        if (request.path == "/account/health-check")
            return FakeResponse::json(200, {{QStringLiteral("Response"), true},
                                            {QStringLiteral("Message"), QStringLiteral("API is healthy")}});
        if (request.path == "/account/plan")
            return FakeResponse::ticket({{QStringLiteral("MaxApiCallsAllowed"), 100000},
                                         {QStringLiteral("MaxApiCallsPerMinute"), 60}});
        return FakeResponse::json(
            200, {{QStringLiteral("Response"), true},
                  {QStringLiteral("Data"),
                   QJsonObject{{QStringLiteral("Email"), QStringLiteral("ana@example.com")},
                               {QStringLiteral("ProfileData"),
                                QJsonObject{{QStringLiteral("FullName"), QStringLiteral("Ana Ruiz")}}}}},
                  {QStringLiteral("Telemetry"), QJsonObject{{QStringLiteral("APICalls"), 1204},
                                                            {QStringLiteral("MaxAPICalls"), 100000}}}});
    });
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
    void checkKeySaysWhoseKeyItIs();
    void showsWhoIsSignedIn();
    void watchingRoundTripsThroughTheSettings();
    void watchingIntervalSetByTheEnvironment();
    void everyMnemonicIsUsedOnce_data();
    void everyMnemonicIsUsedOnce();

private:
    QTemporaryDir m_settingsDir;
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

void tst_SettingsDialog::checkKeySaysWhoseKeyItIs()
{
    FakeServer server;
    serveAccount(server);
    QVERIFY(server.listen());
    ApiKeyProvider keys;
    SettingsDialog dialog(&keys, {server.url(), 30, QStringLiteral("system")});
    auto *edit = child<QLineEdit>(&dialog, "apiKeyEdit");
    auto *check = child<QPushButton>(&dialog, "checkKeyButton");
    auto *status = child<QLabel>(&dialog, "keyStatusLabel");
    QVERIFY(!check->isEnabled()); // nothing to check yet

    edit->setText(QStringLiteral("anas-key-0123456789"));
    QVERIFY(check->isEnabled());
    check->click();
    QTRY_COMPARE(status->text(), QStringLiteral("The key works. It belongs to Ana Ruiz (ana@example.com)."));
    QVERIFY(!keys.hasKey()); // checking is not saving

    edit->setText(QStringLiteral("someone-elses-key"));
    check->click();
    QTRY_VERIFY2(status->text().contains(QStringLiteral("The key does not work")),
                 qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("Invalid API Token")), qPrintable(status->text()));
}

void tst_SettingsDialog::showsWhoIsSignedIn()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    FakeServer server;
    serveAccount(server);
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(QStringLiteral("anas-key-0123456789"));
    AccountStatus account(&client);
    ApiKeyProvider keys;
    SettingsDialog dialog(&keys, defaults(), nullptr, &account);
    auto *label = child<QLabel>(&dialog, "accountLabel");
    QVERIFY(label->isHidden()); // nothing known yet

    account.refresh(Lane::User);
    QTRY_COMPARE(label->text(), QStringLiteral("Signed in as Ana Ruiz (ana@example.com)\n"
                                               "1,204 of 100,000 calls this month \u00b7 60 per minute"));
    QVERIFY(!label->isHidden());
}

void tst_SettingsDialog::watchingRoundTripsThroughTheSettings()
{
    // This suite's own settings file, never the user's.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();

    QNetworkAccessManager network;
    ApiClient client(&network);
    ApiKeyProvider keys;
    Session session(&client, &keys);
    // Nothing saved: every 5 minutes, with notifications.
    QCOMPARE(session.values().watchIntervalMinutes, 5);
    QVERIFY(session.values().notifications);
    {
        SettingsDialog dialog(&keys, session.values());
        auto *interval = child<QComboBox>(&dialog, "watchIntervalCombo");
        auto *notify = child<QCheckBox>(&dialog, "notificationsCheck");
        QCOMPARE(interval->currentData().toInt(), 5);
        QVERIFY(notify->isChecked());
        QStringList offered;
        for (int i = 0; i < interval->count(); ++i)
            offered << interval->itemData(i).toString();
        QCOMPARE(offered.join(u','), QStringLiteral("0,1,2,5,10,15,30,60"));
        QCOMPARE(interval->itemText(0), QStringLiteral("Off"));
        interval->setCurrentIndex(interval->findData(15));
        notify->setChecked(false);
        session.apply(dialog.values());
    }
    QCOMPARE(ClientSettings().watchIntervalMinutes(), 15);
    QVERIFY(!ClientSettings().notifications());
    // The next time the dialog opens, it shows what was saved.
    {
        SettingsDialog dialog(&keys, session.values());
        QCOMPARE(child<QComboBox>(&dialog, "watchIntervalCombo")->currentData().toInt(), 15);
        QVERIFY(!child<QCheckBox>(&dialog, "notificationsCheck")->isChecked());
        child<QComboBox>(&dialog, "watchIntervalCombo")->setCurrentIndex(0); // Off
        session.apply(dialog.values());
    }
    QCOMPARE(ClientSettings().watchIntervalMinutes(), 0);
    // A value edited by hand: out of range falls back or is capped; one not
    // offered shows as the next longer choice.
    QSettings().setValue(QStringLiteral("watch/intervalMinutes"), QStringLiteral("soon"));
    QCOMPARE(ClientSettings().watchIntervalMinutes(), 5);
    QSettings().setValue(QStringLiteral("watch/intervalMinutes"), 500);
    QCOMPARE(ClientSettings().watchIntervalMinutes(), 60);
    SettingsValues odd = session.values();
    odd.watchIntervalMinutes = 7;
    WatchSettingsPage page(odd);
    QCOMPARE(page.intervalMinutes(), 10);
}

void tst_SettingsDialog::watchingIntervalSetByTheEnvironment()
{
    ApiKeyProvider keys;
    qputenv("CASELENS_WATCH_INTERVAL", "7");
    SettingsDialog dialog(&keys, defaults());
    qunsetenv("CASELENS_WATCH_INTERVAL");
    auto *interval = child<QComboBox>(&dialog, "watchIntervalCombo");
    auto *label = child<QLabel>(&dialog, "watchOverrideLabel");
    // The variable wins: the choice is greyed out and the page says why.
    QVERIFY(!interval->isEnabled());
    QVERIFY(!label->isHidden());
    QVERIFY2(label->text().startsWith(QStringLiteral("Set by CASELENS_WATCH_INTERVAL: every 7 second")),
             qPrintable(label->text()));
    // The saved choice still round-trips.
    QCOMPARE(dialog.values().watchIntervalMinutes, 5);

    // Too short or not a number: ignored, as the watcher ignores it.
    for (const QByteArray &value : {QByteArray("4"), QByteArray("fast")}) {
        qputenv("CASELENS_WATCH_INTERVAL", value);
        WatchSettingsPage page(defaults());
        qunsetenv("CASELENS_WATCH_INTERVAL");
        QVERIFY(!page.environmentOverride());
        QVERIFY(page.findChild<QComboBox *>(QStringLiteral("watchIntervalCombo"))->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("watchOverrideLabel"))->isHidden());
    }
}

QTEST_MAIN(tst_SettingsDialog)
void tst_SettingsDialog::everyMnemonicIsUsedOnce_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("es") << QStringLiteral("es");
    QTest::newRow("de") << QStringLiteral("de");
}

// Alt+letter must reach one field: a letter shared by two (once "&Theme",
// "Request &timeout" and "&Test connection") only cycles between them.
void tst_SettingsDialog::everyMnemonicIsUsedOnce()
{
    QFETCH(QString, language);
    QVERIFY(installTranslations(*qApp, language).applicationLoaded || language == u"en");
    ApiKeyProvider keys;
    SettingsDialog dialog(&keys, defaults());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QHash<QChar, QStringList> owners;
    const auto note = [&owners](const QString &text) {
        const qsizetype at = QString(text).replace(u"&&"_s, u"__"_s).indexOf(u'&');
        if (at >= 0 && at + 1 < text.size())
            owners[text.at(at + 1).toLower()].append(text);
    };
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->buddy() && label->isVisibleTo(&dialog))
            note(label->text());
    }
    const QList<QAbstractButton *> buttons = dialog.findChildren<QAbstractButton *>();
    for (const QAbstractButton *button : buttons) {
        if (button->isVisibleTo(&dialog))
            note(button->text());
    }
    installTranslations(*qApp, QStringLiteral("en"));

    QVERIFY(owners.size() >= 6); // the fields with one: URL, timeout, language, theme, proxy, ...
    QString used;                // for the message: the letters taken, to pick a free one
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        used += it.key();
    std::sort(used.begin(), used.end());
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        QVERIFY2(it.value().size() == 1, qPrintable(u"Alt+"_s + it.key() + u": "_s + it.value().join(u" | ") +
                                                    u" (taken: "_s + used + u')'));
}

#include "tst_settingsdialog.moc"
