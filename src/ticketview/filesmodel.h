#pragma once

#include "core/riskyfilename.h"
#include "core/ticket.h"
#include "ticketview/titledcolumns.h"

#include <QAbstractTableModel>
#include <QList>
#include <QUrl>

namespace CaseLens::Gui {

// The ticket's files (Ticket::attachments, typed by the parser): Name, Size,
// Link. Only https links carry LinkUrlRole; anything else (http, file:,
// javascript:) is plain text. Files whose name (or link) says they can run
// code (fileRisk) carry a warning icon, tooltip and accessible text on their
// name, and RiskReasonRole.
class FilesModel final : public TitledColumns<QAbstractTableModel>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesModel)

public:
    enum Column { NameColumn, SizeColumn, LinkColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // Name/Link: case-folded text; Size: bytes (qint64, -1 unknown)
        RiskReasonRole,              // every column: why opening it is risky; empty when not
    };

    struct File : Attachment
    {
        QUrl httpsUrl; // valid only for an openable https link
        QUrl webUrl;   // valid for an http or https link with a host (copy, save)
        FileRisk risk; // from the name, else from the link's last path part
    };

    explicit FilesModel(QObject *parent = nullptr);

    void setFiles(const QList<Attachment> &files);
    [[nodiscard]] const QList<File> &files() const { return m_files; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant columnTitle(int section) const override;

    QList<File> m_files;
};

} // namespace CaseLens::Gui
