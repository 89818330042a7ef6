#include "app/appearancesettingspage.h"

#include "app/appearance.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

#include <algorithm>

namespace CaseLens::Gui {

AppearanceSettingsPage::AppearanceSettingsPage(const QString &appearance, QWidget *parent)
    : QGroupBox(tr("Appearance"), parent)
    , m_theme(new QComboBox(this))
{
    setObjectName(QStringLiteral("appearancePage"));
    m_theme->setObjectName(QStringLiteral("appearanceCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    for (const Appearance::Theme theme : Appearance::themes())
        m_theme->addItem(Appearance::displayName(theme), Appearance::name(theme));
    m_theme->setCurrentIndex(
        std::max(0, m_theme->findData(Appearance::name(Appearance::fromName(appearance)))));
    m_theme->setToolTip(tr("Light and Dark do not depend on the desktop's theme."));

    auto *layout = new QFormLayout(this);
    auto *label = new QLabel(tr("Th&eme:"), this);
    label->setBuddy(m_theme);
    layout->addRow(label, m_theme);
}

QString AppearanceSettingsPage::appearance() const
{
    return m_theme->currentData().toString();
}

} // namespace CaseLens::Gui
