#include "app/ticketeditordialog.h"

#include "app/palettecolors.h"
#include "core/apiclient.h"
#include "core/createoperation.h"
#include "core/updateoperation.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {
namespace {

constexpr int DescriptionLines = 10;

// A checkable format action with its shortcut, on button, which shows the
// style it applies (font). The shortcut works while the focus is anywhere in
// the dialog.
QAction *formatAction(QWidget *dialog, QToolButton *button, const QString &text, const QString &name,
                      QKeySequence::StandardKey key, const QFont &font)
{
    auto *action = new QAction(text, dialog);
    action->setCheckable(true);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(
        QStringLiteral("%1 (%2)").arg(name, action->shortcut().toString(QKeySequence::NativeText)));
    dialog->addAction(action);
    button->setDefaultAction(action);
    button->setAccessibleName(name);
    button->setFont(font);
    return action;
}

} // namespace

TicketEditorDialog::TicketEditorDialog(ApiClient *client, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_mode(mode)
    , m_form(new QWidget(this))
    , m_title(new QLineEdit(m_form))
    , m_counter(new QLabel(m_form))
    , m_bold(new QToolButton(m_form))
    , m_italic(new QToolButton(m_form))
    , m_description(new QTextEdit(m_form))
    , m_priority(new QComboBox(m_form))
    , m_assignTo(new QLineEdit(m_form))
    , m_note(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_send(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    Q_ASSERT(client);
    buildForm();
}

TicketEditorDialog::TicketEditorDialog(ApiClient *client, QWidget *parent)
    : TicketEditorDialog(client, Mode::New, parent)
{
    setWindowTitle(tr("New ticket"));
    m_send->setText(tr("&Create ticket"));
    m_note->hide();
    updateCounter();
    updateSendButton();
}

TicketEditorDialog::TicketEditorDialog(ApiClient *client, const Ticket &ticket, QWidget *parent)
    : TicketEditorDialog(client, Mode::Edit, parent)
{
    m_caseNumber = CaseNumber::parse(ticket.caseNumber).caseNumber();
    setWindowTitle(tr("Edit %1").arg(ticket.caseNumber));
    m_send->setText(tr("&Save changes"));
    // The API changes only the title and the description after creation.
    m_priority->hide();
    m_assignTo->hide();
    m_title->setText(ticket.subject);
    setRuns(*m_description->document(), SimpleHtml::fromHtml(ticket.descriptionHtml));
    // What the pre-fill would send: the comparison that decides what changed
    // is made in the form the dialog writes, not against the server's HTML.
    m_originalTitle = title();
    m_originalHtml = descriptionHtml();
    // Say so before the agent loses a link by fixing a typo.
    if (!SimpleHtml::isSimple(ticket.descriptionHtml))
        m_note->setText(m_note->text() + u'\n' +
                        tr("The description has links, lists or other formatting that CaseLens cannot "
                           "edit: if you change the description, they become plain text."));
    m_description->moveCursor(QTextCursor::End);
    updateCounter();
    updateSendButton();
}

TicketEditorDialog::~TicketEditorDialog() = default;

void TicketEditorDialog::buildForm()
{
    setObjectName(QStringLiteral("ticketEditorDialog"));
    setMinimumWidth(560);

    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setMaxLength(MaxTitleLength);
    m_title->setAccessibleName(tr("Title"));
    m_counter->setObjectName(QStringLiteral("titleCounter"));
    m_counter->setForegroundRole(QPalette::PlaceholderText);
    connect(m_title, &QLineEdit::textChanged, this, [this] {
        updateCounter();
        updateSendButton();
    });
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_counter);

    QFont boldFont = m_bold->font();
    boldFont.setBold(true);
    QFont italicFont = m_italic->font();
    italicFont.setItalic(true);
    m_bold->setObjectName(QStringLiteral("boldButton"));
    m_italic->setObjectName(QStringLiteral("italicButton"));
    connect(formatAction(this, m_bold, tr("B"), tr("Bold"), QKeySequence::Bold, boldFont),
            &QAction::triggered, this, &TicketEditorDialog::setBold);
    connect(formatAction(this, m_italic, tr("I"), tr("Italic"), QKeySequence::Italic, italicFont),
            &QAction::triggered, this, &TicketEditorDialog::setItalic);
    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_bold);
    formatRow->addWidget(m_italic);
    formatRow->addStretch(1);

    // Pasted text comes in plain: bold and italic are all the API keeps.
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAcceptRichText(false);
    m_description->setTabChangesFocus(true);
    m_description->setAccessibleName(tr("Description"));
    m_description->setMinimumHeight(m_description->fontMetrics().lineSpacing() * DescriptionLines);
    connect(m_description, &QTextEdit::currentCharFormatChanged, this,
            &TicketEditorDialog::updateFormatButtons);
    connect(m_description, &QTextEdit::textChanged, this, &TicketEditorDialog::updateSendButton);
    auto *descriptionBox = new QVBoxLayout;
    descriptionBox->setContentsMargins(0, 0, 0, 0);
    descriptionBox->addLayout(formatRow);
    descriptionBox->addWidget(m_description, 1);

    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    m_priority->setAccessibleName(tr("Priority"));
    for (const Priority priority : {Priority::Low, Priority::Medium, Priority::High})
        m_priority->addItem(priorityName(priority), int(priority));
    m_priority->setCurrentIndex(m_priority->findData(int(Priority::Medium)));

    m_assignTo->setObjectName(QStringLiteral("assignToEdit"));
    m_assignTo->setAccessibleName(tr("Assign to"));
    m_assignTo->setPlaceholderText(tr("An admin's name or e-mail (optional)"));

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Title:"), titleRow);
    form->addRow(tr("&Description:"), descriptionBox);
    if (m_mode == Mode::New) {
        form->addRow(tr("&Priority:"), m_priority);
        form->addRow(tr("&Assign to:"), m_assignTo);
    }
    // QFormLayout gives a row's label the buddy of a widget, not a layout.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(titleRow)))
        label->setBuddy(m_title);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(descriptionBox)))
        label->setBuddy(m_description);

    m_note->setObjectName(QStringLiteral("customerNote"));
    m_note->setText(tr("The customer sees this change."));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);

    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_send, &QPushButton::clicked, this, &TicketEditorDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &TicketEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_title->setFocus();
}

QString TicketEditorDialog::title() const
{
    return m_title->text().trimmed();
}

QString TicketEditorDialog::descriptionHtml() const
{
    return SimpleHtml::toHtml(runsOf(*m_description->document()));
}

Priority TicketEditorDialog::priority() const
{
    return Priority(m_priority->currentData().toInt());
}

QString TicketEditorDialog::assignTo() const
{
    return m_assignTo->text().trimmed();
}

bool TicketEditorDialog::isSending() const
{
    return m_operation && m_operation->isRunning();
}

QString TicketEditorDialog::errorText() const
{
    return m_problem->isVisibleTo(this) && !isSending() ? m_problem->text() : QString();
}

void TicketEditorDialog::send()
{
    if (m_operation || !m_send->isEnabled())
        return; // one request per click, however fast the clicks come
    const QString html = descriptionHtml();
    if (html.size() > MaxDescriptionLength) {
        showProblem(tr("The description is too long for Sweeppea (at most %L1 characters as sent, "
                       "%L2 now). Shorten it and send again.")
                        .arg(MaxDescriptionLength)
                        .arg(html.size()));
        return;
    }
    if (m_mode == Mode::New) {
        run(new CreateOperation(m_client, ApiClient::NewTicket{title(), html, priority(), assignTo()}, this),
            &TicketEditorDialog::onCreateFinished);
        return;
    }
    if (!m_caseNumber)
        return;
    // Only what changed: an untouched field is not replaced.
    const std::optional<QString> newTitle =
        title() != m_originalTitle ? std::optional(title()) : std::nullopt;
    const std::optional<QString> newHtml = html != m_originalHtml ? std::optional(html) : std::nullopt;
    run(new UpdateOperation(m_client, *m_caseNumber, newTitle, newHtml, this),
        &TicketEditorDialog::onUpdateFinished);
}

template <typename Operation>
void TicketEditorDialog::run(Operation *operation, void (TicketEditorDialog::*done)())
{
    connect(operation, &WriteOperation::finished, this, done);
    m_operation = operation;
    setSending(true);
    operation->start();
}

void TicketEditorDialog::reject()
{
    if (!isSending())
        QDialog::reject();
}

template <typename Operation>
auto TicketEditorDialog::takeOutcome()
{
    auto *operation = qobject_cast<Operation *>(m_operation.data());
    auto outcome = operation->outcome();
    operation->deleteLater();
    m_operation = nullptr;
    setSending(false);
    Q_EMIT writeFinished();
    return outcome;
}

void TicketEditorDialog::onCreateFinished()
{
    const CreateOutcome outcome = takeOutcome<CreateOperation>();
    if (outcome.kind != CreateOutcome::Kind::Created) {
        showProblem(outcome.message()); // the draft stays for another try
        return;
    }
    m_created = CaseNumber::parse(outcome.caseNumber).caseNumber();
    m_resultMessage = outcome.message();
    accept();
}

void TicketEditorDialog::onUpdateFinished()
{
    const UpdateOutcome outcome = takeOutcome<UpdateOperation>();
    if (outcome.kind != UpdateOutcome::Kind::Updated) {
        showProblem(outcome.message());
        return;
    }
    m_updated = outcome.ticket;
    m_resultMessage = outcome.message();
    accept();
}

void TicketEditorDialog::setSending(bool sending)
{
    // The draft stays on screen, read-only, while it is on its way.
    m_form->setEnabled(!sending);
    m_cancel->setEnabled(!sending);
    if (sending) {
        m_problem->setPalette(palette());
        m_problem->setText(tr("Sending…"));
        m_problem->show();
    } else {
        m_problem->hide();
    }
    updateSendButton();
}

void TicketEditorDialog::showProblem(const QString &text)
{
    QPalette errorPalette = palette();
    errorPalette.setColor(QPalette::WindowText, PaletteColors::errorText(palette()));
    m_problem->setPalette(errorPalette);
    m_problem->setText(QStringLiteral("⚠ ") + text);
    m_problem->show();
}

void TicketEditorDialog::updateCounter()
{
    m_counter->setText(tr("%1 / %2").arg(m_title->text().size()).arg(MaxTitleLength));
    m_counter->setAccessibleName(tr("%1 of %2 characters").arg(m_title->text().size()).arg(MaxTitleLength));
}

void TicketEditorDialog::updateSendButton()
{
    bool ready = !m_operation && !title().isEmpty();
    if (ready && m_mode == Mode::Edit)
        ready = m_caseNumber && (title() != m_originalTitle || descriptionHtml() != m_originalHtml);
    m_send->setEnabled(ready);
}

void TicketEditorDialog::updateFormatButtons()
{
    const QTextCharFormat format = m_description->currentCharFormat();
    m_bold->defaultAction()->setChecked(format.fontWeight() > QFont::Normal);
    m_italic->defaultAction()->setChecked(format.fontItalic());
}

void TicketEditorDialog::setBold(bool bold)
{
    QTextCharFormat format;
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    applyFormat(format);
}

void TicketEditorDialog::setItalic(bool italic)
{
    QTextCharFormat format;
    format.setFontItalic(italic);
    applyFormat(format);
}

void TicketEditorDialog::applyFormat(const QTextCharFormat &format)
{
    // To the selection, or to what is typed next; the typing goes on there.
    m_description->mergeCurrentCharFormat(format);
    m_description->setFocus(Qt::ShortcutFocusReason);
}

QList<SimpleHtml::Run> TicketEditorDialog::runsOf(const QTextDocument &document)
{
    QList<SimpleHtml::Run> runs;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block != document.begin()) {
            // A break between two alike styles takes it, so that "<b>a<br>b</b>"
            // stays one run; else it is plain.
            const SimpleHtml::Run before = runs.isEmpty() ? SimpleHtml::Run{} : runs.constLast();
            const QTextCharFormat after =
                block.begin().atEnd() ? QTextCharFormat() : block.begin().fragment().charFormat();
            const bool alike =
                before.bold == (after.fontWeight() > QFont::Normal) && before.italic == after.fontItalic();
            runs.append(SimpleHtml::Run{QStringLiteral("\n"), alike && before.bold, alike && before.italic});
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            // Shift+Enter is a line separator inside a block: a break too.
            QString text = fragment.text();
            text.replace(QChar::LineSeparator, u'\n').remove(QChar::ObjectReplacementCharacter);
            runs.append(SimpleHtml::Run{text, format.fontWeight() > QFont::Normal, format.fontItalic()});
        }
    }
    return runs;
}

void TicketEditorDialog::setRuns(QTextDocument &document, const QList<SimpleHtml::Run> &runs)
{
    document.clear();
    QTextCursor cursor(&document);
    for (const SimpleHtml::Run &run : runs) {
        QTextCharFormat format;
        format.setFontWeight(run.bold ? QFont::Bold : QFont::Normal);
        format.setFontItalic(run.italic);
        cursor.insertText(run.text, format); // '\n' starts a new block
    }
}

} // namespace CaseLens::Gui
