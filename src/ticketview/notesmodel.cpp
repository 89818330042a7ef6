#include "ticketview/notesmodel.h"

#include "core/htmlsanitizer.h"
#include "core/seenstore.h"
#include "ticketview/viewhelpers.h"

#include <algorithm>

namespace CaseLens::Gui {

NotesModel::NotesModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void NotesModel::setNotes(const QList<Note> &notes)
{
    beginResetModel();
    m_notes = notes;
    m_html.assign(size_t(m_notes.size()), std::nullopt);
    m_plain.assign(size_t(m_notes.size()), std::nullopt);
    endResetModel();
}

int NotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Note &note = m_notes.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString line = accessibleText(row);
        // The "New" pill is painted; a screen reader hears it first.
        return role == Qt::AccessibleTextRole && isNew(row) ? tr("New, %1").arg(line) : line;
    }
    case DateRole:
        return note.date;
    case DateTextRole:
        return localDateTimeText(note.date);
    case SanitizedHtmlRole:
        return sanitizedHtml(row);
    case PlainTextRole:
        return plainText(row);
    case IdRole:
        return note.id;
    case NoteIndexRole:
        return row;
    case IsNewRole:
        return isNew(row);
    case AuthorRole:
        return author(row);
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> NotesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(DateRole, "date");
    names.insert(DateTextRole, "dateText");
    names.insert(SanitizedHtmlRole, "sanitizedHtml");
    names.insert(PlainTextRole, "plainText");
    names.insert(IdRole, "noteId");
    names.insert(NoteIndexRole, "noteIndex");
    names.insert(IsNewRole, "isNew");
    names.insert(AuthorRole, "author");
    return names;
}

void NotesModel::setNewNoteIds(const QSet<QString> &ids)
{
    if (ids == m_newIds)
        return;
    m_newIds = ids;
    if (!m_notes.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_notes.size()) - 1), {IsNewRole, Qt::AccessibleTextRole});
}

int NotesModel::newNoteCount() const
{
    return newNoteCount(m_notes, m_newIds);
}

int NotesModel::newNoteCount(const QList<Note> &notes, const QSet<QString> &ids)
{
    if (ids.isEmpty())
        return 0;
    return int(std::count_if(notes.cbegin(), notes.cend(),
                             [&ids](const Note &note) { return ids.contains(seenNoteKey(note)); }));
}

bool NotesModel::isNew(int row) const
{
    return !m_newIds.isEmpty() && m_newIds.contains(seenNoteKey(m_notes.at(row)));
}

QString NotesModel::author(int row) const
{
    return singleLine(shortened(m_notes.at(row).author, 100));
}

// "Ana Ruiz, 26/01/2025 10:05: text": who and when first, as the list shows them.
QString NotesModel::accessibleText(int row) const
{
    QStringList parts;
    if (const QString who = author(row); !who.isEmpty())
        parts.append(who);
    if (const QString date = localDateTimeText(m_notes.at(row).date); !date.isEmpty())
        parts.append(date);
    const QString text = shortened(plainText(row), 2000);
    return parts.isEmpty() ? text : parts.join(QStringLiteral(", ")) + QStringLiteral(": ") + text;
}

const QString &NotesModel::sanitizedHtml(int row) const
{
    std::optional<QString> &cached = m_html[size_t(row)];
    if (!cached)
        cached = displayHtml(m_notes.at(row).html);
    return *cached;
}

const QString &NotesModel::plainText(int row) const
{
    std::optional<QString> &cached = m_plain[size_t(row)];
    if (!cached)
        cached = Html::toPlainText(m_notes.at(row).html);
    return *cached;
}

} // namespace CaseLens::Gui
