#pragma once

#include "app/palettecolors.h"
#include "core/error.h"

#include <QDateTime>

#include <QFrame>
#include <QStringList>

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

    // A cancelled fetch is shown neutrally (the agent asked for it): no
    // warning colour, no warning icon.
    void showError(const Error &error, const QString &caseNumber);
    // A refresh that failed while the ticket from dataTime stays on screen:
    // "Showing data from 14:02 — refresh failed", the reason below and in the tooltip.
    void showRefreshError(const Error &error, const QString &caseNumber, const QDateTime &dataTime);
    // "14:02" for today, else a short date and time, in the user's locale and zone.
    [[nodiscard]] static QString dataTimeText(const QDateTime &dataTime);
    // A banner above a ticket that stays visible (a failed refresh) can be closed.
    void setDismissible(bool dismissible);
    // Demo mode: a case the demo does not have is answered with these.
    void setDemoCases(const QStringList &caseNumbers) { m_demoCases = caseNumbers; }

    [[nodiscard]] Error error() const { return m_error; }
    [[nodiscard]] NextStep nextStep() const { return m_nextStep; }
    [[nodiscard]] static NextStep nextStepFor(const Error &error);
    [[nodiscard]] static QString forbiddenHeadline(ForbiddenReason reason);
    // "Try one of the demo tickets: HYXTNJV, 7741209, …"
    [[nodiscard]] static QString demoCasesHint(const QStringList &caseNumbers);
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
    void setTone(PaletteColors::Tone tone);

    Error m_error;
    QString m_caseNumber;
    NextStep m_nextStep = NextStep::None;
    PaletteColors::Tone m_tone = PaletteColors::Tone::Error;
    QStringList m_demoCases;

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
