#include "ticketview/notesmodel.h"

#include "core/htmlsanitizer.h"
#include "ticketview/viewhelpers.h"

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
        const QString date = localDateTimeText(note.date);
        const QString text = shortened(plainText(row), 2000);
        return date.isEmpty() ? text : date + QStringLiteral(": ") + text;
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
    return names;
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
