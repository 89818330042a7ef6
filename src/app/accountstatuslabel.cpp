#include "app/accountstatuslabel.h"

#include "app/palettecolors.h"
#include "core/accountstatus.h"

#include <QApplication>
#include <QEvent>

namespace CaseLens::Gui {

AccountStatusLabel::AccountStatusLabel(const AccountStatus *account, QWidget *parent)
    : QLabel(parent)
    , m_account(account)
{
    setObjectName(QStringLiteral("accountStatusLabel"));
    setTextFormat(Qt::PlainText); // names and e-mails come from the server
    setAccessibleName(tr("Account"));
    connect(account, &AccountStatus::changed, this, &AccountStatusLabel::update);
    update();
}

AccountStatusLabel::~AccountStatusLabel() = default;

void AccountStatusLabel::update()
{
    QStringList parts;
    if (const QString signedIn = m_account->signedInText(); !signedIn.isEmpty())
        parts << signedIn;
    if (const QString usage = m_account->usageText(); !usage.isEmpty())
        parts << usage;
    const AccountStatus::UsageLevel level = m_account->usageLevel();
    m_warning = level == AccountStatus::UsageLevel::Warning || level == AccountStatus::UsageLevel::Exhausted;
    // Words and a symbol, not colour alone.
    setText((m_warning ? QStringLiteral("⚠ ") : QString()) + parts.join(QStringLiteral(" · ")));
    setToolTip(m_account->usageWarning());
    setAccessibleDescription(m_account->usageWarning());
    QPalette colours = QApplication::palette(this);
    if (m_warning)
        colours.setColor(QPalette::WindowText, PaletteColors::errorText(colours));
    setPalette(colours);
    setVisible(!parts.isEmpty());
}

void AccountStatusLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        update();
}

} // namespace CaseLens::Gui
