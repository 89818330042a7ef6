#include "app/aboutdialog.h"

#include "ui_aboutdialog.h"

#include "app/appicon.h"

namespace CaseLens::Gui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(applicationIcon().pixmap(64));

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->titleLabel->setText(tr("CaseLens %1").arg(QStringLiteral(CASELENS_VERSION)));

    // Built-with and running-with differ when Qt was updated after the build.
    m_ui->versionLabel->setText(tr("Version %1\nQt %2 (built with Qt %3)")
                                    .arg(QStringLiteral(CASELENS_VERSION), QString::fromLatin1(qVersion()),
                                         QStringLiteral(QT_VERSION_STR)));
    m_ui->licencesLabel->setText(tr("CaseLens: MIT License\n"
                                    "Qt: GNU Lesser General Public License v3 (LGPLv3)\n"
                                    "QtKeychain: BSD 3-Clause License"));
}

AboutDialog::~AboutDialog() = default;

} // namespace CaseLens::Gui
