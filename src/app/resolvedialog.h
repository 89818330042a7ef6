#pragma once

#include <QDialog>

class QPushButton;

namespace CaseLens::Gui {

// Asks before a ticket is resolved: it names the case and its subject and
// says that there is no way back. Cancel is the default button, so Enter
// never closes a ticket by accident. The window sends the resolve when the
// dialog is accepted.
class ResolveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveDialog)

public:
    ResolveDialog(const QString &caseNumber, const QString &subject, QWidget *parent = nullptr);
    ~ResolveDialog() override;

    [[nodiscard]] QString caseNumber() const { return m_caseNumber; }
    [[nodiscard]] QPushButton *resolveButton() const { return m_resolve; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }

private:
    QString m_caseNumber;
    QPushButton *m_resolve;
    QPushButton *m_cancel;
};

} // namespace CaseLens::Gui
