#pragma once

#include "core/ticket.h"

#include <QAbstractListModel>
#include <QSet>

#include <optional>
#include <vector>

namespace CaseLens::Gui {

// The ticket's notes, one row each, in the order the server sent them.
// Sanitised HTML and plain text are computed when first asked for and cached,
// so a ticket with thousands of notes is set instantly.
class NotesModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesModel)

public:
    enum Role {
        DateRole = Qt::UserRole + 1, // QDateTime (UTC); sort role
        DateTextRole,                // "26/01/2025 10:05" in local time
        SanitizedHtmlRole,           // Html::sanitize(note)
        PlainTextRole,               // Html::toPlainText(note); filter role
        IdRole,                      // the note's Id as text
        NoteIndexRole,               // int: the row in this model (stable key for caches)
        IsNewRole,                   // bool: added since the agent last looked (setNewNoteIds)
        AuthorRole,                  // who wrote it, one line; empty when the note does not say
    };

    explicit NotesModel(QObject *parent = nullptr);

    void setNotes(const QList<Note> &notes);
    [[nodiscard]] const QList<Note> &notes() const { return m_notes; }

    // Notes added since the agent last looked, by seenNoteKey(): IsNewRole, and their
    // accessible text starts with "New, ". Kept across setNotes() (a refresh
    // brings the same ids back); an empty set clears the markers.
    void setNewNoteIds(const QSet<QString> &ids);
    [[nodiscard]] const QSet<QString> &newNoteIds() const { return m_newIds; }
    // How many of the notes shown are new (ids of notes not in the ticket do not count).
    [[nodiscard]] int newNoteCount() const;
    // How many of notes are in ids (the view counts before the model is filled).
    [[nodiscard]] static int newNoteCount(const QList<Note> &notes, const QSet<QString> &ids);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] const QString &sanitizedHtml(int row) const;
    [[nodiscard]] const QString &plainText(int row) const;
    [[nodiscard]] QString author(int row) const;
    [[nodiscard]] QString accessibleText(int row) const;

    [[nodiscard]] bool isNew(int row) const;

    QList<Note> m_notes;
    QSet<QString> m_newIds;
    mutable std::vector<std::optional<QString>> m_html;
    mutable std::vector<std::optional<QString>> m_plain;
};

} // namespace CaseLens::Gui
