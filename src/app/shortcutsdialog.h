#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include <memory>

namespace CaseLens::Gui {

namespace Ui {
class ShortcutsDialog;
}

struct ShortcutEntry
{
    QString description; // "Refresh the ticket"
    QString keys;        // "F5", in the platform's native text
};

// Lists every keyboard shortcut. The main window builds the list from its
// actions, so it cannot drift from the real bindings.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    [[nodiscard]] int rowCount() const;

private:
    std::unique_ptr<Ui::ShortcutsDialog> m_ui;
};

} // namespace CaseLens::Gui
