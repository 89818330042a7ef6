#include "app/watchsettingspage.h"

#include "core/ticketwatcher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace CaseLens::Gui {
namespace {

// The watcher's own rule (whole seconds, at least 5), in seconds.
std::optional<int> intervalFromEnvironment()
{
    const std::optional<std::chrono::seconds> interval = TicketWatcher::intervalFromEnvironment();
    return interval ? std::optional<int>(int(interval->count())) : std::nullopt;
}

} // namespace

WatchSettingsPage::WatchSettingsPage(const SettingsValues &values, QWidget *parent)
    : QGroupBox(tr("Watching"), parent)
    , m_interval(new QComboBox(this))
    , m_notifications(new QCheckBox(tr("Show desktop &notifications"), this))
    , m_overrideLabel(new QLabel(this))
    , m_override(intervalFromEnvironment())
{
    setObjectName(QStringLiteral("watchGroup"));
    const QList<int> choices = intervalChoices();
    for (const int minutes : choices)
        m_interval->addItem(minutes == 0 ? tr("Off") : tr("Every %n minute(s)", nullptr, minutes), minutes);
    m_interval->setObjectName(QStringLiteral("watchIntervalCombo"));
    m_interval->setAccessibleName(tr("Refresh open tickets in the background"));
    m_interval->setToolTip(
        tr("Open ticket tabs and your open-tickets list are refreshed in the background, within the "
           "plan's request limit. New notes and status changes are marked."));
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setToolTip(tr("Announce changes found in the background on the desktop. The "
                                   "window's View menu has Do not disturb."));
    m_overrideLabel->setObjectName(QStringLiteral("watchOverrideLabel"));
    m_overrideLabel->setTextFormat(Qt::PlainText);
    m_overrideLabel->setWordWrap(true);
    m_overrideLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Refresh:"), m_interval);
    layout->addRow(QString(), m_overrideLabel);
    layout->addRow(QString(), m_notifications);

    setValues(values);
    updateOverride();
}

QList<int> WatchSettingsPage::intervalChoices()
{
    return {0, 1, 2, 5, 10, 15, 30, 60};
}

void WatchSettingsPage::setValues(const SettingsValues &values)
{
    // A saved value that is not offered (edited by hand) shows as the
    // nearest longer choice: never more requests than were asked for.
    const QList<int> choices = intervalChoices();
    int row = int(choices.size()) - 1;
    if (values.watchIntervalMinutes <= 0) {
        row = 0;
    } else {
        for (int i = 1; i < choices.size(); ++i) {
            if (choices.at(i) >= values.watchIntervalMinutes) {
                row = i;
                break;
            }
        }
    }
    m_interval->setCurrentIndex(row);
    m_notifications->setChecked(values.notifications);
}

void WatchSettingsPage::applyTo(SettingsValues &values) const
{
    values.watchIntervalMinutes = intervalMinutes();
    values.notifications = notifications();
}

int WatchSettingsPage::intervalMinutes() const
{
    return m_interval->currentData().toInt();
}

bool WatchSettingsPage::notifications() const
{
    return m_notifications->isChecked();
}

void WatchSettingsPage::setEnvironmentOverride(std::optional<int> seconds)
{
    m_override = seconds;
    updateOverride();
}

QString WatchSettingsPage::overrideText() const
{
    if (!m_override)
        return {};
    return tr("Set by %1: every %n second(s)", nullptr, *m_override)
        .arg(QStringLiteral("CASELENS_WATCH_INTERVAL"));
}

void WatchSettingsPage::updateOverride()
{
    // The variable wins while it is set; the saved choice is kept for later.
    m_interval->setEnabled(!m_override);
    m_overrideLabel->setText(overrideText());
    m_overrideLabel->setVisible(m_override.has_value());
}

} // namespace CaseLens::Gui
