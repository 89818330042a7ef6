#include "support/windowharness.h"

#include "support/sampledata.h"
#include "support/ticketpages.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

namespace CaseLens::Testing {

bool useThrowawaySettings(const QString &dir, const QString &suiteName)
{
    if (dir.isEmpty())
        return false;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("CaseLensTest"));
    QCoreApplication::setApplicationName(suiteName);
    // Test mode keeps app data in ~/.qttest, which outlives the run: what a
    // suite's windows saw last time (seen.json, megabytes after the hostile
    // soak) would be loaded and saved again by every window of this run.
    for (const auto location : {QStandardPaths::AppDataLocation, QStandardPaths::CacheLocation}) {
        const QString path = QStandardPaths::writableLocation(location);
        if (!path.isEmpty() && !QDir(path).removeRecursively())
            return false;
    }
    return true;
}

std::unique_ptr<WindowHarness> WindowHarness::create(const WindowOptions &options)
{
    auto h = std::make_unique<WindowHarness>();
    if (!h->server.listen())
        return nullptr;
    if (h->client.setBaseUrl(h->server.url()).isError())
        return nullptr;
    h->client.setRetryPolicy(options.retries, options.retryBase, options.retryMax);
    h->client.setTimeout(options.timeout);
    // What the window asks on its own (the queue's first page, who is signed
    // in) is answered apart, so that the requests a test counts are the
    // agent's (FakeServer::requests()).
    h->server.route("/tickets/fetchOpenTickets", listHandler(options.openTickets));
    h->server.route("/tickets/fetchClosedTickets", listHandler(0));
    h->server.route("/account/profile", [](const Loopback::HttpRequest &) {
        return Loopback::HttpResponse::ticket(sampleProfileData());
    });
    // A generous per-minute limit: suites open hundreds of tickets.
    h->server.route("/account/plan", [](const Loopback::HttpRequest &) {
        QJsonObject plan = samplePlanData();
        plan.insert(QStringLiteral("MaxApiCallsPerMinute"), 1000);
        return Loopback::HttpResponse::ticket(plan);
    });
    if (options.withKey)
        h->keys.store(QStringLiteral("test-key"));
    // The only place a test builds a MainWindow.
    h->window = std::make_unique<Gui::MainWindow>(&h->session);
    if (options.size.isValid())
        h->window->resize(options.size);
    h->window->show();
    h->window->activateWindow();
    if (!QTest::qWaitForWindowExposed(h->window.get()))
        return nullptr;
    return h;
}

QLineEdit *WindowHarness::searchEdit() const
{
    return child<QLineEdit>(QStringLiteral("searchEdit"));
}

QTabWidget *WindowHarness::tabs() const
{
    return child<QTabWidget>(QStringLiteral("ticketTabs"));
}

QLabel *WindowHarness::searchError() const
{
    return child<QLabel>(QStringLiteral("searchErrorLabel"));
}

void WindowHarness::type(const QString &text) const
{
    QLineEdit *edit = searchEdit();
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QString WindowHarness::requestedCase(int index) const
{
    return QJsonDocument::fromJson(server.requests().at(index).body).object().value(u"caseNumber").toString();
}

QPushButton *visibleButton(QWidget *parent, const char *name)
{
    const QList<QPushButton *> buttons = parent->findChildren<QPushButton *>(QString::fromLatin1(name));
    for (QPushButton *b : buttons) {
        if (b->isVisible())
            return b;
    }
    return buttons.value(0);
}

} // namespace CaseLens::Testing
