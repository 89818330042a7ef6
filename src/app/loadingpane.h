#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace CaseLens::Gui {

// What a ticket page shows while its first fetch runs: a busy bar, what is
// being fetched, retry notices from the client, and Cancel (also Esc).
class LoadingPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadingPane)

public:
    explicit LoadingPane(QWidget *parent = nullptr);

    void start(const QString &caseNumber); // "Fetching HYXTNJV…"
    void setNotice(const QString &notice); // "Server busy, retrying in 2 s (attempt 2 of 4)"

    [[nodiscard]] QString text() const;
    [[nodiscard]] QString notice() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QLabel *m_notice;
    QPushButton *m_cancel;
};

} // namespace CaseLens::Gui
