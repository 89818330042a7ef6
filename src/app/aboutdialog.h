#pragma once

#include <QDialog>

#include <memory>

namespace CaseLens::Gui {

namespace Ui {
class AboutDialog;
}

// Version, Qt version and the licences of what CaseLens ships with.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace CaseLens::Gui
