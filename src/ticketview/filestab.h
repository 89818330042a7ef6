#pragma once

#include <QPointer>
#include <QUrl>
#include <QWidget>

class QAction;
class QFrame;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace CaseLens {
class ApiClient;
class FileDownload;
} // namespace CaseLens

namespace CaseLens::Gui {

class FilesModel;
class TableTab;

// The Files tab: the ticket's files in a table, and per file Open (https
// only, emitted as httpsLinkActivated for the window to open; a risky file
// asks first, default No), Copy Link and Save As… (a FileDownload: https
// only, capped, progress and Cancel in the tab, errors inline). The actions
// are in a bar above the table and in the row's context menu (right click,
// Menu key, Shift+F10); Return opens the current row's link.
class FilesTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesTab)

public:
    // model: not owned; the tab shows what it holds after refresh().
    explicit FilesTab(FilesModel *model, QWidget *parent = nullptr);
    ~FilesTab() override; // cancels a download still running (no file is left)

    // Call after the model changed.
    void refresh();
    // Save As… downloads through the client's network manager and trusts
    // what it trusts (its company CA), never with its key. Without a client,
    // Save As… is off (nothing can be downloaded).
    void setApiClient(ApiClient *client);

    [[nodiscard]] QTableView *tableView() const;
    [[nodiscard]] bool isShowingEmptyState() const;
    [[nodiscard]] QMenu *contextMenu() const { return m_menu; }
    [[nodiscard]] QAction *openAction() const { return m_open; }
    [[nodiscard]] QAction *copyLinkAction() const { return m_copyLink; }
    [[nodiscard]] QAction *saveAction() const { return m_save; }
    [[nodiscard]] FileDownload *download() const { return m_download; }
    [[nodiscard]] QString downloadStatusText() const;

    // The model row of the current file, or -1.
    [[nodiscard]] int currentRow() const;
    // What the actions do for a model row (public for tests and the window).
    void openFile(int row);
    void copyLink(int row);
    void saveFile(int row); // asks where, then saveFileTo()
    void saveFileTo(int row, const QString &path);
    void showContextMenu(const QPoint &viewportPos);

Q_SIGNALS:
    void httpsLinkActivated(const QUrl &url);

private:
    void onLinkActivated(const QUrl &url);
    void onDownloadProgress(qint64 received, qint64 total);
    void onDownloadFinished();
    void updateActions();
    void showStrip(const QString &text, bool running, bool failed);
    [[nodiscard]] bool confirmRiskyOpen(int row);

    FilesModel *m_model;
    TableTab *m_table;
    QWidget *m_bar;
    QAction *m_open;
    QAction *m_copyLink;
    QAction *m_save;
    QMenu *m_menu;
    QFrame *m_strip;
    QLabel *m_stripIcon;
    QLabel *m_stripText;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QToolButton *m_dismiss;
    QPointer<ApiClient> m_client;
    FileDownload *m_download = nullptr;
    QString m_downloadName;
};

} // namespace CaseLens::Gui
