#include "app/shortcutsdialog.h"

#include "ui_shortcutsdialog.h"

#include <QHeaderView>

namespace CaseLens::Gui {

ShortcutsDialog::ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShortcutsDialog>())
{
    m_ui->setupUi(this);
    QTableWidget *table = m_ui->shortcutsTable;
    table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(entries.at(row).description));
        table->setItem(row, 1, new QTableWidgetItem(entries.at(row).keys));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->resizeRowsToContents();
}

ShortcutsDialog::~ShortcutsDialog() = default;

int ShortcutsDialog::rowCount() const
{
    return m_ui->shortcutsTable->rowCount();
}

} // namespace CaseLens::Gui
