#pragma once

#include <QLabel>

namespace CaseLens::Gui {

// The status bar's watch line (issue 14): "Watching 5 tickets", "Watching
// paused: no network", "Watching slowed: the server is busy", "Watching
// needs an API key" or "Watching off". Its states mirror the core's
// TicketWatcher::State (the window maps one onto the other), so this widget
// needs nothing from the watcher.
class WatchStatusLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchStatusLabel)

public:
    enum class State { Off, Watching, NoKey, Offline, BackingOff };
    Q_ENUM(State)

    explicit WatchStatusLabel(QWidget *parent = nullptr);

    // count: the tickets watched (open tabs, and the open list as one).
    void setState(State state, int count = 0);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] int count() const { return m_count; }

    [[nodiscard]] static QString textFor(State state, int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    State m_state = State::Off;
    int m_count = 0;
};

} // namespace CaseLens::Gui
