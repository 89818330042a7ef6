#pragma once

#include "core/casenumber.h"
#include "core/simplehtml.h"
#include "core/ticket.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextCharFormat;
class QTextDocument;
class QTextEdit;
class QToolButton;

namespace CaseLens {
class ApiClient;
class WriteOperation;
} // namespace CaseLens

namespace CaseLens::Gui {

// Writes a new ticket (Ticket → New ticket…) or changes the title and
// description of an open one (Ticket → Edit…). The description is plain
// text with bold, italic and line breaks, sent as the simple HTML the API
// allows (core/simplehtml).
//
// The dialog sends its own request (CreateOperation, UpdateOperation: once,
// never resent) and closes only when it worked. While it is on its way Send
// is disabled and the dialog cannot be closed; when it fails, the draft
// stays as typed and the reason is shown in the dialog, with the next step.
class TicketEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketEditorDialog)

public:
    enum class Mode { New, Edit };
    static constexpr int MaxTitleLength = 200;
    static constexpr int MaxDescriptionLength = 20'000; // of the HTML sent

    // A new ticket.
    explicit TicketEditorDialog(ApiClient *client, QWidget *parent = nullptr);
    // Editing ticket (open), pre-filled with its title and description.
    TicketEditorDialog(ApiClient *client, const Ticket &ticket, QWidget *parent = nullptr);
    ~TicketEditorDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString descriptionHtml() const;
    [[nodiscard]] Priority priority() const;
    [[nodiscard]] QString assignTo() const;
    [[nodiscard]] bool isSending() const;

    // After accepted(): the new ticket's case number (New), or the ticket as
    // read back after the change (Edit, when that read worked); and what to
    // tell the agent.
    [[nodiscard]] std::optional<CaseNumber> createdCase() const { return m_created; }
    [[nodiscard]] std::optional<Ticket> updatedTicket() const { return m_updated; }
    [[nodiscard]] QString resultMessage() const { return m_resultMessage; }

    // The problem shown in the dialog, if any.
    [[nodiscard]] QString errorText() const;

    [[nodiscard]] QPushButton *sendButton() const { return m_send; }
    [[nodiscard]] QTextEdit *descriptionEdit() const { return m_description; }

    // Sends, as a click on Send does (nothing while one is on its way).
    void send();

    void reject() override; // not while sending: the outcome must be seen

Q_SIGNALS:
    // A request finished, whatever its outcome (the server's lists may have
    // changed even when it failed: a lost answer).
    void writeFinished();

public:
    // The editor's styled text as runs for core/simplehtml, and back.
    [[nodiscard]] static QList<SimpleHtml::Run> runsOf(const QTextDocument &document);
    static void setRuns(QTextDocument &document, const QList<SimpleHtml::Run> &runs);

private:
    TicketEditorDialog(ApiClient *client, Mode mode, QWidget *parent);
    void buildForm();
    void updateCounter();
    void updateSendButton();
    void updateFormatButtons();
    void setBold(bool bold);
    void setItalic(bool italic);
    void applyFormat(const QTextCharFormat &format);
    // Sends with operation (once); done() follows its finished().
    template <typename Operation>
    void run(Operation *operation, void (TicketEditorDialog::*done)());
    // The finished operation's outcome; the operation goes, the form comes back.
    template <typename Operation>
    auto takeOutcome();
    void setSending(bool sending);
    void showProblem(const QString &text);
    void onCreateFinished();
    void onUpdateFinished();

    ApiClient *m_client;
    Mode m_mode;
    std::optional<CaseNumber> m_caseNumber; // Edit
    QString m_originalTitle;                // Edit: as pre-filled
    QString m_originalHtml;                 // Edit: the pre-fill as it would be sent
    QPointer<WriteOperation> m_operation;   // on its way
    std::optional<CaseNumber> m_created;
    std::optional<Ticket> m_updated;
    QString m_resultMessage;

    QWidget *m_form;
    QLineEdit *m_title;
    QLabel *m_counter;
    QToolButton *m_bold;
    QToolButton *m_italic;
    QTextEdit *m_description;
    QComboBox *m_priority;
    QLineEdit *m_assignTo;
    QLabel *m_note;
    QLabel *m_problem;
    QPushButton *m_send;
    QPushButton *m_cancel;
};

} // namespace CaseLens::Gui
