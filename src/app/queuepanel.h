#pragma once

#include "core/casenumber.h"

#include <QSet>
#include <QWidget>

class QAction;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;
class QToolButton;

namespace CaseLens {
class ApiClient;
struct TicketListQuery;
} // namespace CaseLens

namespace CaseLens::Gui {

class QueueModel;

// "My tickets": the key owner's open or closed tickets beside the ticket
// tabs. An Open/Closed switch with the count, a search box (Enter searches at
// once, typing after a pause), priority and product-area filters, and the
// list, which loads page by page as it is scrolled (QueueModel). Loading,
// empty, no-key and error states are said inline, with Retry where it helps;
// the rest of the window stays usable meanwhile.
//
// The panel asks for nothing until setKeyAvailable(true) or refresh(); the
// window decides when (at start-up, when the key changes).
class QueuePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuePanel)

public:
    enum class OpenMode { Foreground, Background };
    Q_ENUM(OpenMode)

    // How long typing waits before the search is sent.
    static constexpr int SearchDelayMs = 400;

    explicit QueuePanel(ApiClient *client, QWidget *parent = nullptr);
    ~QueuePanel() override;

    [[nodiscard]] QueueModel *model() const { return m_model; }
    [[nodiscard]] QListView *listView() const { return m_list; }

    // Asks for page 1 again; the selected case stays selected when it is
    // still listed.
    void refresh();
    // Keyboard focus to the list (its current row, else the first).
    void focusList();
    // Case numbers open in tabs: their rows are marked.
    void setOpenCases(const QSet<QString> &caseNumbers);
    // Without a key the panel says how to add one; with one it loads.
    void setKeyAvailable(bool available);

    // The switch and the filters, in QSettings (group "Queue").
    void saveState() const;
    void restoreState();

    [[nodiscard]] TicketListQuery query() const;

    // The row's actions (also in its context menu), on the current row.
    [[nodiscard]] QAction *openAction() const { return m_openAction; }
    [[nodiscard]] QAction *openInBackgroundAction() const { return m_openInBackgroundAction; }
    [[nodiscard]] QAction *copyCaseNumberAction() const { return m_copyAction; }

Q_SIGNALS:
    // Open the ticket in a tab (or switch to its tab); in the background:
    // open the tab without switching to it.
    void openRequested(const CaseLens::CaseNumber &caseNumber, CaseLens::Gui::QueuePanel::OpenMode mode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void fillFilters();
    void applyFilters();
    void updateState();
    void openCurrent(OpenMode mode);
    void copyCurrent();
    void showContextMenu(const QPoint &position);
    void restoreSelection();
    void setQueryToControls(const TicketListQuery &query);

    QueueModel *m_model;
    QLabel *m_title = nullptr;
    QToolButton *m_openButton = nullptr;
    QToolButton *m_closedButton = nullptr;
    QButtonGroup *m_statusGroup = nullptr;
    QLabel *m_count = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_priority = nullptr;
    QComboBox *m_platform = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_retry = nullptr;
    QListView *m_list = nullptr;
    QTimer *m_searchTimer = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openInBackgroundAction = nullptr;
    QAction *m_copyAction = nullptr;
    QString m_selectedBeforeRefresh;
    bool m_applyingQuery = false;
};

} // namespace CaseLens::Gui
