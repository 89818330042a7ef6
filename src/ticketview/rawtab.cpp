#include "ticketview/rawtab.h"

#include "ticketview/viewhelpers.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextCursor>

namespace CaseLens::Gui {

RawTab::RawTab(QWidget *parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_findStatus(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_editor(new QPlainTextEdit(this))
    , m_stack(new QStackedWidget(this))
{
    m_find->setPlaceholderText(tr("Find in raw data"));
    m_find->setClearButtonEnabled(true);
    m_find->setAccessibleName(tr("Find in raw data"));
    m_find->setObjectName(QStringLiteral("rawFind"));
    m_findStatus->setTextFormat(Qt::PlainText);
    m_findStatus->setAccessibleName(tr("Find result"));
    m_copy->setAccessibleName(tr("Copy raw data"));
    m_copy->setToolTip(tr("Copy the whole raw data to the clipboard"));
    m_copy->setObjectName(QStringLiteral("rawCopy"));

    m_editor->setReadOnly(true);
    m_editor->setUndoRedoEnabled(false);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setStyleHint(QFont::TypeWriter);
    mono.setFixedPitch(true);
    m_editor->setFont(mono);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setAccessibleName(tr("Raw ticket data"));
    m_editor->setObjectName(QStringLiteral("rawText"));

    connect(m_find, &QLineEdit::returnPressed, this,
            [this] { findNext(QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(m_find, &QLineEdit::textChanged, m_findStatus, &QLabel::clear);
    connect(m_copy, &QPushButton::clicked, this, &RawTab::copyAll);

    fillWithContentStack(this, m_stack, makeBarPage(this, {m_find, m_findStatus, m_copy}, m_editor),
                         tr("No raw data"));
    m_stack->setCurrentIndex(1);
}

void RawTab::setRaw(const RawData &raw)
{
    m_raw = raw;
    m_loaded = false;
    m_editor->clear();
    m_findStatus->clear();
    m_stack->setCurrentIndex(raw.isEmpty() ? 1 : 0);
    if (isVisible())
        ensureLoaded();
}

void RawTab::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_editor->setPlainText(QString::fromUtf8(QJsonDocument(m_raw.object()).toJson(QJsonDocument::Indented)));
}

QString RawTab::text() const
{
    return m_loaded ? m_editor->toPlainText()
                    : QString::fromUtf8(QJsonDocument(m_raw.object()).toJson(QJsonDocument::Indented));
}

bool RawTab::findNext(bool backward)
{
    ensureLoaded();
    const QString needle = m_find->text();
    if (needle.isEmpty()) {
        m_findStatus->clear();
        return false;
    }
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_editor->find(needle, flags);
    if (!found) {
        // Wrap around.
        QTextCursor cursor = m_editor->textCursor();
        cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        m_editor->setTextCursor(cursor);
        found = m_editor->find(needle, flags);
    }
    m_findStatus->setText(found ? QString() : tr("Not found"));
    return found;
}

void RawTab::copyAll()
{
    QApplication::clipboard()->setText(text());
}

void RawTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    ensureLoaded();
}

} // namespace CaseLens::Gui
