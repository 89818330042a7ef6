#pragma once

#include <QLabel>

namespace CaseLens {
class AccountStatus;
} // namespace CaseLens

namespace CaseLens::Gui {

// The status bar's account line: "Signed in as Ana Ruiz (ana@example.com) ·
// 1,204 of 100,000 calls this month · 60 per minute". From 80 % of the month's
// calls it starts with a warning sign, turns the error colour and says why in
// its tooltip. Hidden while nothing is known. Follows the AccountStatus.
class AccountStatusLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountStatusLabel)

public:
    explicit AccountStatusLabel(const AccountStatus *account, QWidget *parent = nullptr);
    ~AccountStatusLabel() override;

    [[nodiscard]] bool isWarning() const { return m_warning; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    const AccountStatus *m_account;
    bool m_warning = false;
};

} // namespace CaseLens::Gui
