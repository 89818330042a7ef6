#pragma once

#include "core/error.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace CaseLens::Gui {

// An inline banner in the ticket's place: what went wrong (Error::message()),
// Retry, the next step that fits the kind of error, and the technical
// details on demand. Expected failures never become modal boxes.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    // What the next-step button does for an error kind.
    enum class NextStep { None, OpenSettings, EditCaseNumber, CheckConnection };

    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const Error &error, const QString &caseNumber);
    // A banner above a ticket that stays visible (a failed refresh) can be closed.
    void setDismissible(bool dismissible);

    [[nodiscard]] Error error() const { return m_error; }
    [[nodiscard]] NextStep nextStep() const { return m_nextStep; }
    [[nodiscard]] static NextStep nextStepFor(const Error &error);
    [[nodiscard]] static QString forbiddenHeadline(ForbiddenReason reason);
    [[nodiscard]] QString headline() const;
    // What "Copy details for IT" puts on the clipboard: the headline, the
    // message, every technical detail (for a certificate: the whole chain),
    // CaseLens's version and the time.
    [[nodiscard]] QString reportForIt() const;

Q_SIGNALS:
    void retryRequested();
    void settingsRequested();
    void editCaseRequested(const QString &caseNumber);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onNextStep();
    void updateColors();

    Error m_error;
    QString m_caseNumber;
    NextStep m_nextStep = NextStep::None;

    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_message;
    QLabel *m_hint;
    QPushButton *m_retry;
    QPushButton *m_next;
    QPushButton *m_copyForIt;
    QToolButton *m_detailsToggle;
    QToolButton *m_dismiss;
    QPlainTextEdit *m_details;
};

} // namespace CaseLens::Gui
