#include "app/watchstatus.h"

#include <QEvent>

namespace CaseLens::Gui {

WatchStatusLabel::WatchStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("watchStatus"));
    setTextFormat(Qt::PlainText);
    refresh();
}

void WatchStatusLabel::setState(State state, int count)
{
    m_state = state;
    m_count = std::max(0, count);
    refresh();
}

QString WatchStatusLabel::textFor(State state, int count)
{
    switch (state) {
    case State::Watching:
        return tr("Watching %n ticket(s)", nullptr, count);
    case State::NoKey:
        return tr("Watching needs an API key");
    case State::Offline:
        return tr("Watching paused: no network");
    case State::BackingOff:
        return tr("Watching slowed: the server is busy");
    case State::Off:
        break;
    }
    return tr("Watching off");
}

void WatchStatusLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

void WatchStatusLabel::refresh()
{
    const QString line = textFor(m_state, m_count);
    setText(line);
    setAccessibleName(line);
}

} // namespace CaseLens::Gui
