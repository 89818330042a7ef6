#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>
#include <QUrl>

#include <optional>

namespace CaseLens::Gui {

// The ticket's files: Name, Size, Link. Entry shapes are undocumented, so the
// columns are read from common keys in any case (FileName/Name, Size/Bytes,
// Url/Link, ...); a string entry is a URL or a name. Only https links carry
// LinkUrlRole; anything else (http, file:, javascript:) is plain text.
class FilesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesModel)

public:
    enum Column { NameColumn, SizeColumn, LinkColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // Name/Link: case-folded text; Size: bytes (qint64, -1 unknown)
    };

    struct File
    {
        QString name;
        std::optional<qint64> size;
        QString link;  // as sent
        QUrl httpsUrl; // valid only for an openable https link
    };

    explicit FilesModel(QObject *parent = nullptr);

    void setFiles(const QJsonArray &files);
    [[nodiscard]] const QList<File> &files() const { return m_files; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static File fileFromJson(const QJsonValue &entry);

private:
    QList<File> m_files;
};

} // namespace CaseLens::Gui
