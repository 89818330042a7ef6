#pragma once

// The one GUI test harness: a real MainWindow on the offscreen platform,
// talking to its own loopback FakeServer through a real client. Shared by
// the window, translation and hostile-payload suites, so that the way a
// window is put together for a test is written (and changed) in one place.

#include "app/mainwindow.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/session.h"
#include "support/fakeserver.h"

#include <QApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSize>
#include <QString>
#include <QWidget>

#include <chrono>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace CaseLens::Testing {

// How the harness sets the window up; chain the setters:
// WindowHarness::create(WindowOptions().noKey().sized(QSize(1120, 760))).
struct WindowOptions
{
    bool withKey = true; // "test-key" for this session only (never the keychain)
    int retries = 3;
    std::chrono::milliseconds retryBase{5};
    std::chrono::milliseconds retryMax{20};
    std::chrono::milliseconds timeout{5000};
    QSize size;          // resized before it is shown when valid
    int openTickets = 3; // in the queue (one page)

    WindowOptions &noKey()
    {
        withKey = false;
        return *this;
    }
    WindowOptions &retryPolicy(int maxRetries, std::chrono::milliseconds base, std::chrono::milliseconds max)
    {
        retries = maxRetries;
        retryBase = base;
        retryMax = max;
        return *this;
    }
    WindowOptions &timeoutAfter(std::chrono::milliseconds value)
    {
        timeout = value;
        return *this;
    }
    WindowOptions &withOpenTickets(int count)
    {
        openTickets = count;
        return *this;
    }
    WindowOptions &sized(QSize value)
    {
        size = value;
        return *this;
    }
};

// A window suite's settings (window state, recent cases, the queue's
// filters) go to dir, under the suite's name: never the user's, never another
// suite's. Its app data and cache (the seen state) start empty on every run.
// Call from initTestCase(); false when dir is unusable.
[[nodiscard]] bool useThrowawaySettings(const QString &dir, const QString &suiteName);

// Members are destroyed in reverse order: the window first, so that its
// pages cancel on a living client, then the session, the key provider, the client, its
// network manager and last the server.
struct WindowHarness final
{
    WindowHarness() = default;
    Q_DISABLE_COPY_MOVE(WindowHarness)

    // Null when the server cannot listen or the window is never exposed.
    [[nodiscard]] static std::unique_ptr<WindowHarness>
    create(const WindowOptions &options = WindowOptions());

    FakeServer server;
    QNetworkAccessManager network;
    ApiClient client{&network};
    ApiKeyProvider keys;             // MemoryOnly: never the user's keychain
    Session session{&client, &keys}; // the window's controller, as in the app
    std::unique_ptr<Gui::MainWindow> window;

    template <typename T>
    [[nodiscard]] T *child(const QString &name) const
    {
        return window->findChild<T *>(name);
    }
    [[nodiscard]] QLineEdit *searchEdit() const;
    [[nodiscard]] QTabWidget *tabs() const;
    [[nodiscard]] QLabel *searchError() const;

    // Types into the search bar (as an agent pasting a case) and presses Enter.
    void type(const QString &text) const;

    // The case number in the body of the server's request number index.
    [[nodiscard]] QString requestedCase(int index) const;
};

// The first visible button of that name under parent (a page has two
// banners, state and refresh), else the first one.
[[nodiscard]] QPushButton *visibleButton(QWidget *parent, const char *name);

// A visible top-level widget of type T (a dialog the window opened), or null.
template <typename T>
[[nodiscard]] T *findTopLevel()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
            return found;
    }
    return nullptr;
}

} // namespace CaseLens::Testing
