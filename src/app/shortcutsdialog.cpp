#include "app/shortcutsdialog.h"

#include "ui_shortcutsdialog.h"

#include <QHeaderView>
#include <QScrollBar>

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
    // Both columns as wide as their text: German and Spanish descriptions are
    // long, and a key cut to "Strg+Um…" is useless. The table asks for the
    // width of both, so the dialog opens wide enough.
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    table->setMinimumWidth(header->length() + 2 * table->frameWidth() +
                           table->verticalScrollBar()->sizeHint().width());
}

ShortcutsDialog::~ShortcutsDialog() = default;

int ShortcutsDialog::rowCount() const
{
    return m_ui->shortcutsTable->rowCount();
}

} // namespace CaseLens::Gui
