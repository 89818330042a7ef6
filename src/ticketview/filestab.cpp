#include "ticketview/filestab.h"

#include "core/apiclient.h"
#include "core/filedownload.h"
#include "core/riskyfilename.h"
#include "ticketview/filesmodel.h"
#include "ticketview/tabletab.h"
#include "ticketview/viewhelpers.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {
namespace {

QToolButton *barButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

qint64 capMegabytes()
{
    return FileDownload::DefaultMaxBytes / (1024 * 1024);
}

} // namespace

FilesTab::FilesTab(FilesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new TableTab(model, FilesModel::SortRole, tr("No files attached to this ticket"), tr("Files"),
                           this))
    , m_bar(new QWidget(this))
    , m_open(new QAction(tr("&Open"), this))
    , m_copyLink(new QAction(tr("Copy &Link"), this))
    , m_save(new QAction(tr("&Save As…"), this))
    , m_menu(new QMenu(this))
    , m_strip(new QFrame(this))
    , m_stripIcon(new QLabel(m_strip))
    , m_stripText(new QLabel(m_strip))
    , m_progress(new QProgressBar(m_strip))
    , m_cancel(new QPushButton(tr("Cancel"), m_strip))
    , m_dismiss(new QToolButton(m_strip))
{
    m_table->setObjectName(QStringLiteral("filesTable"));
    m_open->setObjectName(QStringLiteral("openFileAction"));
    m_copyLink->setObjectName(QStringLiteral("copyFileLinkAction"));
    m_save->setObjectName(QStringLiteral("saveFileAction"));
    m_menu->setObjectName(QStringLiteral("filesContextMenu"));
    m_open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_save->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_open->setToolTip(tr("Open the file's https link in your browser (Return)"));
    m_copyLink->setToolTip(tr("Copy the file's link"));
    m_save->setToolTip(
        tr("Save a copy of the file on this computer (https only, up to %1 MB)").arg(capMegabytes()));
    m_menu->addActions({m_open, m_copyLink, m_save});
    connect(m_open, &QAction::triggered, this, [this] { openFile(currentRow()); });
    connect(m_copyLink, &QAction::triggered, this, [this] { copyLink(currentRow()); });
    connect(m_save, &QAction::triggered, this, [this] { saveFile(currentRow()); });

    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_open, m_copyLink, m_save})
        barLayout->addWidget(barButton(action, m_bar));
    barLayout->addStretch();

    QTableView *table = m_table->tableView();
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, &FilesTab::showContextMenu);
    // The keyboard's ways to the same menu, at the current row.
    auto *menuKey = new QAction(tr("Actions for This File"), table);
    menuKey->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::Key_Menu)});
    menuKey->setShortcutContext(Qt::WidgetShortcut);
    connect(menuKey, &QAction::triggered, this, [this, table] {
        const QModelIndex current = table->currentIndex();
        showContextMenu(current.isValid() ? table->visualRect(current).center() : QPoint(0, 0));
    });
    table->addAction(menuKey);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, &FilesTab::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FilesTab::updateActions);
    // A click on a link, or Return: Open, with the same question for risky files.
    connect(m_table, &TableTab::httpsLinkActivated, this, &FilesTab::onLinkActivated);

    // The download strip: what is being saved, or how it ended.
    m_strip->setObjectName(QStringLiteral("downloadStrip"));
    m_strip->setFrameShape(QFrame::StyledPanel);
    m_stripText->setObjectName(QStringLiteral("downloadStatus"));
    m_stripText->setTextFormat(Qt::PlainText);
    m_stripText->setWordWrap(true);
    m_stripText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->setMaximumWidth(200);
    m_cancel->setObjectName(QStringLiteral("cancelDownload"));
    m_dismiss->setObjectName(QStringLiteral("dismissDownload"));
    m_dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss"));
    auto *stripLayout = new QHBoxLayout(m_strip);
    stripLayout->addWidget(m_stripIcon);
    stripLayout->addWidget(m_stripText, 1);
    stripLayout->addWidget(m_progress);
    stripLayout->addWidget(m_cancel);
    stripLayout->addWidget(m_dismiss);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_download)
            m_download->abort();
    });
    connect(m_dismiss, &QToolButton::clicked, m_strip, &QWidget::hide);
    m_strip->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_strip);
    layout->addWidget(m_table, 1);
    refresh();
}

FilesTab::~FilesTab()
{
    delete m_download; // aborts quietly: QSaveFile drops what was written
}

void FilesTab::refresh()
{
    m_table->refresh();
    m_bar->setVisible(!m_table->isShowingEmptyState());
    updateActions();
}

void FilesTab::setApiClient(ApiClient *client)
{
    m_client = client;
    updateActions();
}

QTableView *FilesTab::tableView() const
{
    return m_table->tableView();
}

bool FilesTab::isShowingEmptyState() const
{
    return m_table->isShowingEmptyState();
}

QString FilesTab::downloadStatusText() const
{
    return m_strip->isHidden() ? QString() : m_stripText->text();
}

int FilesTab::currentRow() const
{
    const QModelIndex current = m_table->proxyModel()->mapToSource(tableView()->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void FilesTab::openFile(int row)
{
    if (row < 0 || row >= m_model->files().size())
        return;
    const QUrl url = m_model->files().at(row).httpsUrl;
    if (!url.isValid() || !confirmRiskyOpen(row))
        return;
    Q_EMIT httpsLinkActivated(url);
}

bool FilesTab::confirmRiskyOpen(int row)
{
    const FilesModel::File &file = m_model->files().at(row);
    if (!file.risk.isRisky())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Open File"),
                    tr("Open “%1”?").arg(isolate(singleLine(shortened(file.name, 200)))),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("riskyFileQuestion"));
    box.setInformativeText(file.risk.reason + u"\n\n" +
                           tr("Open it only if you expected this file from the requester."));
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void FilesTab::onLinkActivated(const QUrl &url)
{
    // The clicked (or current) row; else the first file with that link.
    int row = currentRow();
    const QList<FilesModel::File> &files = m_model->files();
    if (row < 0 || files.at(row).httpsUrl != url) {
        row = -1;
        for (qsizetype i = 0; i < files.size() && row < 0; ++i) {
            if (files.at(i).httpsUrl == url)
                row = int(i);
        }
    }
    openFile(row);
}

void FilesTab::copyLink(int row)
{
    if (row < 0 || row >= m_model->files().size())
        return;
    const QUrl url = m_model->files().at(row).webUrl;
    if (url.isValid())
        QApplication::clipboard()->setText(url.toString());
}

void FilesTab::saveFile(int row)
{
    if (row < 0 || row >= m_model->files().size())
        return;
    const FilesModel::File &file = m_model->files().at(row);
    const QString name = safeFileName(file.name.isEmpty() ? file.webUrl.fileName() : file.name);
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save File"), QDir(folder).filePath(name));
    if (!path.isEmpty())
        saveFileTo(row, path);
}

void FilesTab::saveFileTo(int row, const QString &path)
{
    if (row < 0 || row >= m_model->files().size() || !m_client || (m_download && m_download->isRunning()))
        return;
    const FilesModel::File &file = m_model->files().at(row);
    delete m_download;
    m_download = new FileDownload(m_client->network(), file.webUrl.isValid() ? file.webUrl : QUrl(file.link),
                                  path, this);
    if (const std::optional<QSslConfiguration> tls = m_client->companyTls())
        m_download->setSslConfiguration(*tls);
    m_downloadName = singleLine(shortened(file.name, 120));
    connect(m_download, &FileDownload::progress, this, &FilesTab::onDownloadProgress);
    connect(m_download, &FileDownload::finished, this, &FilesTab::onDownloadFinished);
    m_progress->setRange(0, 0); // busy until the size is known
    showStrip(tr("Downloading “%1”…").arg(isolate(m_downloadName)), true, false);
    m_download->start();
    updateActions();
}

void FilesTab::onDownloadProgress(qint64 received, qint64 total)
{
    const QLocale locale;
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(received * 1000 / total));
        m_stripText->setText(tr("Downloading “%1”… %2 of %3")
                                 .arg(isolate(m_downloadName), locale.formattedDataSize(received),
                                      locale.formattedDataSize(total)));
    } else {
        m_stripText->setText(
            tr("Downloading “%1”… %2").arg(isolate(m_downloadName), locale.formattedDataSize(received)));
    }
}

void FilesTab::onDownloadFinished()
{
    const Error &error = m_download->error();
    if (!error)
        showStrip(tr("Saved “%1” to %2.")
                      .arg(isolate(m_downloadName), QDir::toNativeSeparators(m_download->targetPath())),
                  false, false);
    else
        showStrip(error.message(), false, error.kind() != ErrorKind::Cancelled);
    updateActions();
}

void FilesTab::showStrip(const QString &text, bool running, bool failed)
{
    m_stripText->setText(text);
    m_stripText->setAccessibleName(text);
    const QStyle::StandardPixmap icon = failed
                                            ? QStyle::SP_MessageBoxWarning
                                            : (running ? QStyle::SP_ArrowDown : QStyle::SP_DialogApplyButton);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_stripIcon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_dismiss->setVisible(!running);
    m_strip->show();
}

void FilesTab::showContextMenu(const QPoint &viewportPos)
{
    QTableView *table = tableView();
    const QModelIndex index = table->indexAt(viewportPos);
    if (index.isValid())
        table->setCurrentIndex(index);
    if (currentRow() < 0)
        return;
    updateActions();
    m_menu->popup(table->viewport()->mapToGlobal(viewportPos));
}

void FilesTab::updateActions()
{
    const int row = currentRow();
    const FilesModel::File *file =
        row >= 0 && row < m_model->files().size() ? &m_model->files().at(row) : nullptr;
    const bool downloading = m_download && m_download->isRunning();
    m_open->setEnabled(file && file->httpsUrl.isValid());
    m_copyLink->setEnabled(file && file->webUrl.isValid());
    m_save->setEnabled(file && file->webUrl.isValid() && m_client && !downloading);
}

} // namespace CaseLens::Gui
