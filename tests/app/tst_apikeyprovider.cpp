// ApiKeyProvider (and the Settings dialog and main window around it) against
// a real Secret Service (GNOME Keyring, started by scripts/with-keyring.sh),
// and against a machine without one.
//
// libsecret keeps its D-Bus connection for the whole process, and HOME / XDG
// directories are read once: the "keychain unavailable" and "no key in any
// file" cases run in child processes (this executable again, with
// CASELENS_TST_CHILD set), which run their own test class.
#include "app/errorbanner.h"
#include "app/mainwindow.h"
#include "app/settingsdialog.h"
#include "app/ticketpage.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/credentialstore.h"
#include "core/session.h"
#include "support/fakeserver.h"
#include "support/sampledata.h"
#include "support/testkeyring.h"

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;

namespace {

// A loopback origin nobody else uses.
QUrl uniqueLoopbackServer()
{
    const quint16 port = quint16(20000 + QUuid::createUuid().data1 % 40000);
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

template <typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

// Saves through the provider and waits for the answer.
Error saveAndWait(ApiKeyProvider &keys, const QString &key)
{
    QSignalSpy spy(&keys, &ApiKeyProvider::saveFinished);
    keys.save(key); // answers at once in MemoryOnly
    if (spy.isEmpty() && !spy.wait(20000))
        return Error(ErrorKind::Keychain, QStringLiteral("no saveFinished"));
    return spy.constFirst().constFirst().value<Error>();
}

Error forgetAndWait(ApiKeyProvider &keys)
{
    QSignalSpy spy(&keys, &ApiKeyProvider::forgetFinished);
    keys.forget();
    if (spy.isEmpty() && !spy.wait(20000))
        return Error(ErrorKind::Keychain, QStringLiteral("no forgetFinished"));
    return spy.constFirst().constFirst().value<Error>();
}

// Starts load() and waits until the keychain answered; false when it never did.
[[nodiscard]] bool loadAndWait(ApiKeyProvider &keys)
{
    keys.load();
    return QTest::qWaitFor([&keys] { return !keys.isLoading(); }, 20000);
}

// A provider that keeps its key in the keychain entry for server, as the app's.
[[nodiscard]] std::unique_ptr<ApiKeyProvider> keychainFor(const QUrl &server)
{
    auto keys = std::make_unique<ApiKeyProvider>(ApiKeyProvider::Storage::Keychain);
    keys->setServer(server);
    return keys;
}

// What a later start of the app finds: a fresh keychain provider for server
// that has read its entry; null when the keychain never answered.
[[nodiscard]] std::unique_ptr<ApiKeyProvider> loadedFor(const QUrl &server)
{
    auto keys = keychainFor(server);
    if (!loadAndWait(*keys))
        return nullptr;
    return keys;
}

// What the app runs on against a loopback FakeServer: a real client pointed
// at it and a keychain provider for its origin. Members are destroyed in
// reverse order: the provider before the client, the server last.
struct Backend final
{
    Backend() = default;
    Q_DISABLE_COPY_MOVE(Backend)

    // False when the server cannot listen.
    [[nodiscard]] bool start()
    {
        if (!server.listen() || client.setBaseUrl(server.url()).isError())
            return false;
        keys.setServer(server.url());
        return true;
    }

    FakeServer server;
    QNetworkAccessManager network;
    ApiClient client{&network};
    ApiKeyProvider keys{ApiKeyProvider::Storage::Keychain};
};

// Runs this executable again as a child test run; returns its output.
struct ChildRun
{
    int exitCode = -1;
    QByteArray output;
};

ChildRun runChild(const QByteArray &mode, QProcessEnvironment environment)
{
    environment.insert(QStringLiteral("CASELENS_TST_CHILD"), QString::fromLatin1(mode));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QCoreApplication::applicationFilePath(), {});
    ChildRun run;
    if (!process.waitForFinished(90000)) {
        process.kill();
        process.waitForFinished();
        run.output = "timed out: " + process.readAll();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll();
    return run;
}

} // namespace

// ---- the main run ---------------------------------------------------------

class tst_ApiKeyProvider final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void memoryOnlyNeverTouchesKeychain();
    void saveThenNewInstanceLoads();
    void forgetRemovesEntry();
    void environmentWinsOverKeychain();
    void environmentKeyCannotBeForgotten();
    void serverChangeReadsItsOwnKey();
    void settingsDialogSaveAndForget();
    void rejectedKeyIsKept();
    void keychainUnavailable();
    void keyInNoFile();
    void announcedLoadShowsLookingForKey();
};

void tst_ApiKeyProvider::initTestCase()
{
    qRegisterMetaType<CaseLens::Error>();
    QStandardPaths::setTestModeEnabled(true);
}

// Start-up reads the keychain after the first paint but announces it first:
// the first frame already says the key is being looked for (no flash of
// "set your API key"), and an environment key is not "loading" at all.
void tst_ApiKeyProvider::announcedLoadShowsLookingForKey()
{
    ApiKeyProvider keys(ApiKeyProvider::Storage::Keychain);
    QSignalSpy status(&keys, &ApiKeyProvider::statusChanged);
    keys.announceLoad();
    QVERIFY(keys.isLoading());
    QCOMPARE(status.size(), 1);

    QNetworkAccessManager network;
    ApiClient client(&network);
    Session session(&client, &keys);
    MainWindow window(&session);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("welcomeTextLabel"))
                ->text()
                .contains(QStringLiteral("Looking for your API key")));

    ApiKeyProvider fromEnvironment(ApiKeyProvider::Storage::Keychain);
    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(ApiKeyProvider::EnvironmentVariable), QStringLiteral("env-key"));
    fromEnvironment.loadFromEnvironment(environment);
    fromEnvironment.announceLoad();
    QVERIFY(!fromEnvironment.isLoading());

    ApiKeyProvider memoryOnly;
    memoryOnly.announceLoad();
    QVERIFY(!memoryOnly.isLoading());
}

void tst_ApiKeyProvider::memoryOnlyNeverTouchesKeychain()
{
    ApiKeyProvider keys; // MemoryOnly: what other widget tests use
    QVERIFY(!keys.usesKeychain());
    keys.load(); // nothing to read
    QVERIFY(!keys.isLoading());
    QCOMPARE(saveAndWait(keys, QStringLiteral(" typed ")).kind(), ErrorKind::None);
    QCOMPARE(keys.key(), QStringLiteral("typed"));
    QCOMPARE(keys.source(), ApiKeyProvider::Source::Session);
    QVERIFY(keys.locationDescription().contains(QStringLiteral("This session only")));
    QVERIFY(keys.locationDescription().contains(QStringLiteral("not saved")));
    QCOMPARE(forgetAndWait(keys).kind(), ErrorKind::None);
    QVERIFY(!keys.hasKey());
}

void tst_ApiKeyProvider::saveThenNewInstanceLoads()
{
    REQUIRE_TEST_KEYRING();
    const QUrl server = uniqueLoopbackServer();
    const QString key = uniqueKey("saved-");
    {
        const auto keys = keychainFor(server);
        QSignalSpy changed(keys.get(), &ApiKeyProvider::keyChanged);
        const Error error = saveAndWait(*keys, key);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(keys->key(), key);
        QCOMPARE(keys->source(), ApiKeyProvider::Source::Keychain);
        QCOMPARE(changed.size(), 1);
        QVERIFY(keys->locationDescription().contains(CredentialStore::keychainName()));
    }
    const auto later = keychainFor(server);
    QSignalSpy changed(later.get(), &ApiKeyProvider::keyChanged);
    later->load();
    QVERIFY(later->isLoading()); // asynchronous: nothing waits for it
    QVERIFY(!later->hasKey());
    QTRY_VERIFY_WITH_TIMEOUT(!later->isLoading(), 20000);
    QCOMPARE(later->key(), key);
    QCOMPARE(later->source(), ApiKeyProvider::Source::Keychain);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!later->keychainError().isError());
    QCOMPARE(forgetAndWait(*later).kind(), ErrorKind::None);
}

void tst_ApiKeyProvider::forgetRemovesEntry()
{
    REQUIRE_TEST_KEYRING();
    const QUrl server = uniqueLoopbackServer();
    const auto keys = keychainFor(server);
    QVERIFY(!saveAndWait(*keys, uniqueKey("forget-")).isError());
    const Error error = forgetAndWait(*keys);
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QVERIFY(!keys->hasKey());
    QCOMPARE(keys->source(), ApiKeyProvider::Source::None);

    const auto later = loadedFor(server);
    QVERIFY(later);
    QVERIFY(!later->hasKey());
    QVERIFY(!later->keychainError().isError()); // not found is not an error
}

void tst_ApiKeyProvider::environmentWinsOverKeychain()
{
    REQUIRE_TEST_KEYRING();
    const QUrl server = uniqueLoopbackServer();
    const auto saver = keychainFor(server);
    QVERIFY(!saveAndWait(*saver, uniqueKey("stored-")).isError());

    const auto keys = keychainFor(server);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CASELENS_API_KEY"), QStringLiteral(" from-env "));
    keys->loadFromEnvironment(environment);
    keys->load();
    QVERIFY(!keys->isLoading()); // the keychain is not even asked
    // A later keychain read of the same entry has come back: a read started
    // by load() would have answered by now, and must not have replaced the key.
    const auto reader = loadedFor(server);
    QVERIFY(reader);
    QVERIFY(reader->hasKey());
    QVERIFY(!keys->isBusy());
    QCOMPARE(keys->key(), QStringLiteral("from-env"));
    QCOMPARE(keys->source(), ApiKeyProvider::Source::Environment);
    QVERIFY(keys->locationDescription().contains(QStringLiteral("CASELENS_API_KEY")));
    QCOMPARE(forgetAndWait(*saver).kind(), ErrorKind::None);
}

void tst_ApiKeyProvider::environmentKeyCannotBeForgotten()
{
    ApiKeyProvider keys(ApiKeyProvider::Storage::Keychain);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CASELENS_API_KEY"), QStringLiteral("from-env"));
    keys.loadFromEnvironment(environment);
    QVERIFY(!keys.canForget());
    const Error error = forgetAndWait(keys);
    QVERIFY(error.isError());
    QVERIFY(error.message().contains(QStringLiteral("CASELENS_API_KEY")));
    QCOMPARE(keys.key(), QStringLiteral("from-env"));

    SettingsDialog dialog(&keys, {ApiClient::defaultBaseUrl(), 30, QStringLiteral("system")});
    QVERIFY(!child<QPushButton>(&dialog, "forgetKeyButton")->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "keyLocationLabel")->text().contains(QStringLiteral("cannot forget")));
}

void tst_ApiKeyProvider::serverChangeReadsItsOwnKey()
{
    REQUIRE_TEST_KEYRING();
    const QUrl first = uniqueLoopbackServer();
    QUrl second = first;
    second.setPort(first.port() + 1);
    const auto saver = keychainFor(first);
    QVERIFY(!saveAndWait(*saver, QStringLiteral("key-one")).isError());
    saver->setServer(second);
    QVERIFY(!saveAndWait(*saver, QStringLiteral("key-two")).isError());

    const auto keys = loadedFor(first);
    QVERIFY(keys);
    QCOMPARE(keys->key(), QStringLiteral("key-one"));
    keys->setServer(second);
    QVERIFY(!keys->hasKey()); // the first server's key is never sent to the second
    QTRY_VERIFY_WITH_TIMEOUT(!keys->isLoading(), 20000);
    QCOMPARE(keys->key(), QStringLiteral("key-two"));

    QCOMPARE(forgetAndWait(*keys).kind(), ErrorKind::None);
    saver->setServer(first);
    QCOMPARE(saveAndWait(*saver, QStringLiteral("x")).kind(), ErrorKind::None);
    QCOMPARE(forgetAndWait(*saver).kind(), ErrorKind::None);
}

void tst_ApiKeyProvider::settingsDialogSaveAndForget()
{
    REQUIRE_TEST_KEYRING();
    const QUrl server = uniqueLoopbackServer();
    const auto keys = keychainFor(server);
    SettingsDialog dialog(keys.get(), {server, 30, QStringLiteral("system")});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = child<QLineEdit>(&dialog, "apiKeyEdit");
    auto *status = child<QLabel>(&dialog, "keyStatusLabel");
    auto *location = child<QLabel>(&dialog, "keyLocationLabel");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!child<QPushButton>(&dialog, "sessionOnlyButton")->isVisible());

    const QString key = uniqueKey("dialog-");
    QTest::keyClicks(edit, key);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveKeyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Saved in")), 20000);
    QVERIFY(status->text().contains(CredentialStore::keychainName()));
    QCOMPARE(keys->source(), ApiKeyProvider::Source::Keychain);
    QVERIFY(location->text().contains(CredentialStore::keychainName()));

    // Forget asks first; Cancel keeps the key.
    auto *forget = child<QPushButton>(&dialog, "forgetKeyButton");
    QVERIFY(forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = child<QMessageBox>(&dialog, "forgetConfirmation")));
    QPointer<QMessageBox> cancelled = box;
    box->button(QMessageBox::Cancel)->click();
    // The box is gone (deleted on close) and no keychain job was started.
    QTRY_VERIFY(!cancelled);
    QVERIFY(!keys->isBusy());
    QCOMPARE(keys->key(), key);
    QCOMPARE(keys->source(), ApiKeyProvider::Source::Keychain);

    QTest::mouseClick(forget, Qt::LeftButton);
    QTRY_VERIFY((box = child<QMessageBox>(&dialog, "forgetConfirmation")) && box->isVisible());
    const QList<QAbstractButton *> buttons = box->buttons();
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *button : buttons) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = button;
    }
    QVERIFY(confirm);
    confirm->click();
    QTRY_VERIFY_WITH_TIMEOUT(!keys->hasKey(), 20000);
    QVERIFY(edit->text().isEmpty());
    QVERIFY(location->text().contains(QStringLiteral("No key set")));

    const auto later = loadedFor(server);
    QVERIFY(later);
    QVERIFY(!later->hasKey());
}

void tst_ApiKeyProvider::rejectedKeyIsKept()
{
    REQUIRE_TEST_KEYRING();
    Backend app;
    QVERIFY(app.start());
    app.server.setHandler(
        [](const RecordedRequest &) { return FakeResponse::error(401, QStringLiteral("Invalid API key")); });
    app.client.setRetryPolicy(0, 5ms, 20ms);
    const QString key = uniqueKey("rejected-");
    QVERIFY(!saveAndWait(app.keys, key).isError());

    Session session(&app.client, &app.keys);
    auto window = std::make_unique<MainWindow>(&session);
    window->show();
    QVERIFY(window->openCase(QStringLiteral("HYXTNJV")));
    TicketPage *page = window->currentPage();
    QTRY_COMPARE(page->state(), TicketPage::State::Error);
    QCOMPARE(page->lastError().kind(), ErrorKind::Unauthorized);
    QVERIFY(page->errorBanner()->headline().contains(QStringLiteral("API key")));
    QVERIFY(page->lastError().message().contains(QStringLiteral("Your API key was rejected")));
    QCOMPARE(page->errorBanner()->nextStep(), ErrorBanner::NextStep::OpenSettings);
    QPushButton *next = child<QPushButton>(page->errorBanner(), "nextStepButton");
    QCOMPARE(next->text(), QStringLiteral("Open settings"));

    // The key is not deleted: not in memory, not in the keychain.
    QCOMPARE(app.keys.key(), key);
    const auto later = loadedFor(app.server.url());
    QVERIFY(later);
    QCOMPARE(later->key(), key);
    window.reset();
    QCOMPARE(forgetAndWait(*later).kind(), ErrorKind::None);
}

void tst_ApiKeyProvider::keychainUnavailable()
{
    // No session bus at all, set before the child's first D-Bus use.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    environment.remove(QStringLiteral("CASELENS_API_KEY"));
    const ChildRun run = runChild("unavailable", environment);
    QVERIFY2(run.exitCode == 0, run.output.constData());
}

void tst_ApiKeyProvider::keyInNoFile()
{
    REQUIRE_TEST_KEYRING();
    QTemporaryDir home;
    QVERIFY(home.isValid());
    // The keyring daemon keeps its own dirs (with-keyring.sh): only this
    // process's HOME and XDG dirs move; XDG_RUNTIME_DIR stays as it is.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    environment.remove(QStringLiteral("CASELENS_API_KEY"));
    const QString key = uniqueKey("secret-");
    environment.insert(QStringLiteral("CASELENS_TST_KEY"), key);
    const ChildRun run = runChild("no-file", environment);
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QVERIFY2(run.output.contains("PASS   : tst_ApiKeyProviderNoFile::saveAndFetch()"),
             run.output.constData());
    // Logs were on (the output is long), and the key is nowhere in them.
    QVERIFY(run.output.contains("caselens."));
    QVERIFY(!run.output.contains(key.toUtf8()));

    int files = 0;
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(key.toUtf8()), qPrintable(file.fileName()));
        const QByteArray utf16(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
        QVERIFY2(!content.contains(utf16), qPrintable(file.fileName()));
        ++files;
    }
    QVERIFY2(files > 0, "the child wrote its settings under HOME"); // the scan saw something
}

// ---- child: no keychain ---------------------------------------------------

class tst_ApiKeyProviderUnavailable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorShownAndSessionKeyWorks();
};

void tst_ApiKeyProviderUnavailable::errorShownAndSessionKeyWorks()
{
    Backend app;
    QVERIFY(app.start());
    app.server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
    app.keys.load();
    Session session(&app.client, &app.keys);
    MainWindow window(&session);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!app.keys.isLoading(), 20000);
    QCOMPARE(app.keys.keychainError().kind(), ErrorKind::Keychain);
    QVERIFY(!app.keys.hasKey());
    const QString message = app.keys.keychainError().message();
    QVERIFY2(message.contains(QStringLiteral("GNOME Keyring")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("this session only")), qPrintable(message));
    // The welcome screen says so.
    QVERIFY(child<QLabel>(&window, "welcomeTextLabel")->text().contains(message));

    SettingsDialog dialog(&app.keys, {app.server.url(), 30, QStringLiteral("system")});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *status = child<QLabel>(&dialog, "keyStatusLabel");
    QVERIFY(status->isVisible());
    QVERIFY(status->text().contains(message));
    auto *sessionOnly = child<QPushButton>(&dialog, "sessionOnlyButton");
    QVERIFY(sessionOnly->isVisible());

    // Saving fails the same way; the key is not used silently.
    auto *edit = child<QLineEdit>(&dialog, "apiKeyEdit");
    QTest::keyClicks(edit, QStringLiteral("session-key"));
    QTest::mouseClick(child<QPushButton>(&dialog, "saveKeyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!app.keys.isBusy(), 20000);
    QVERIFY(!app.keys.hasKey());
    QVERIFY(status->text().contains(QStringLiteral("GNOME Keyring")));
    QVERIFY(sessionOnly->isVisible());

    QTest::mouseClick(sessionOnly, Qt::LeftButton);
    QCOMPARE(app.keys.key(), QStringLiteral("session-key"));
    QCOMPARE(app.keys.source(), ApiKeyProvider::Source::Session);
    QVERIFY(status->text().contains(QStringLiteral("This session only — not saved")));
    QVERIFY(child<QLabel>(&dialog, "keyLocationLabel")->text().contains(QStringLiteral("This session only")));
    QVERIFY(!sessionOnly->isVisible());
    dialog.accept();

    QVERIFY(window.openCase(QStringLiteral("HYXTNJV")));
    QTRY_COMPARE(window.currentPage()->state(), TicketPage::State::Ticket);
    QCOMPARE(app.server.requests().constLast().header("authorization"), QByteArray("Bearer session-key"));
}

// ---- child: the key in no file ----------------------------------------------

class tst_ApiKeyProviderNoFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveAndFetch();
};

void tst_ApiKeyProviderNoFile::saveAndFetch()
{
    const QString key = qEnvironmentVariable("CASELENS_TST_KEY");
    QVERIFY(!key.isEmpty());
    Backend app;
    QVERIFY(app.start());
    app.server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
    Session session(&app.client, &app.keys);
    auto window = std::make_unique<MainWindow>(&session);
    window->show();

    SettingsDialog dialog(&app.keys, {app.server.url(), 30, QStringLiteral("system")});
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "apiKeyEdit"), key);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveKeyButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(app.keys.source(), ApiKeyProvider::Source::Keychain, 20000);
    dialog.accept();

    QVERIFY(window->openCase(QStringLiteral("HYXTNJV")));
    QTRY_COMPARE(window->currentPage()->state(), TicketPage::State::Ticket);
    QCOMPARE(app.server.requests().constLast().header("authorization"), "Bearer " + key.toUtf8());

    // A second start finds it in the keychain, then the window goes away
    // (settings and window state are written under HOME).
    const auto later = loadedFor(app.server.url());
    QVERIFY(later);
    QCOMPARE(later->key(), key);
    window->close();
    window.reset();
    QSettings().sync();
    QCOMPARE(forgetAndWait(*later).kind(), ErrorKind::None);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    const QByteArray mode = qgetenv("CASELENS_TST_CHILD");
    // The children get no arguments of the parent's run.
    char *childArgv[] = {argv[0], nullptr};
    if (mode == "unavailable") {
        QStandardPaths::setTestModeEnabled(true);
        tst_ApiKeyProviderUnavailable test;
        return QTest::qExec(&test, 1, childArgv);
    }
    if (mode == "no-file") {
        // Real paths under the temporary HOME: they are what is checked.
        QCoreApplication::setOrganizationName(QStringLiteral("CaseLens"));
        QCoreApplication::setApplicationName(QStringLiteral("CaseLens"));
        tst_ApiKeyProviderNoFile test;
        return QTest::qExec(&test, 1, childArgv);
    }
    tst_ApiKeyProvider test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_apikeyprovider.moc"
