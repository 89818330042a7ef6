#pragma once

#include "core/rawdata.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace CaseLens::Gui {

// The Raw tab: the ticket's Data object as received, pretty-printed in a
// read-only monospace editor, with a find box (Enter: next, Shift+Enter:
// previous) and a Copy button. The text is built the first time the tab is
// shown, so setting a huge ticket costs nothing until then.
class RawTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawTab)

public:
    explicit RawTab(QWidget *parent = nullptr);

    void setRaw(const RawData &raw);
    // Builds the text now if it is not built yet.
    void ensureLoaded();

    [[nodiscard]] QPlainTextEdit *editor() const { return m_editor; }
    [[nodiscard]] QString text() const;

    // Selects the next (or previous) match of the find box's text, wrapping
    // around; false when there is none.
    bool findNext(bool backward = false);
    void copyAll();

protected:
    void showEvent(QShowEvent *event) override;

private:
    RawData m_raw;
    bool m_loaded = true;
    QLineEdit *m_find;
    QLabel *m_findStatus;
    QPushButton *m_copy;
    QPlainTextEdit *m_editor;
    QStackedWidget *m_stack;
};

} // namespace CaseLens::Gui
