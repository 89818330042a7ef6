#include "ticketview/filesmodel.h"

#include "core/pluralcount.h"
#include "ticketview/viewhelpers.h"

#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace CaseLens::Gui {
namespace {

QJsonValue valueForKeys(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (const QStringView key : keys) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0 && !it.value().isNull())
                return it.value();
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

std::optional<qint64> sizeFromJson(const QJsonValue &value)
{
    double d = -1;
    if (value.isDouble()) {
        d = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        d = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(d) || d < 0 || d > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(std::llround(d));
}

QString fileNameFromUrl(const QString &link)
{
    const QUrl url(link);
    const QString name = url.fileName();
    return name.isEmpty() ? link : name;
}

} // namespace

FilesModel::FilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

FilesModel::File FilesModel::fileFromJson(const QJsonValue &entry)
{
    File file;
    if (entry.isObject()) {
        const QJsonObject object = entry.toObject();
        const QJsonValue name =
            valueForKeys(object, {u"FileName", u"Name", u"Title", u"OriginalName", u"File"});
        const QJsonValue size =
            valueForKeys(object, {u"Size", u"FileSize", u"Bytes", u"Length", u"SizeBytes"});
        const QJsonValue link =
            valueForKeys(object, {u"Url", u"Link", u"Href", u"DownloadUrl", u"Location", u"Path"});
        file.name = name.isString() ? name.toString() : jsonValueText(name);
        file.size = sizeFromJson(size);
        file.link = link.isString() ? link.toString() : jsonValueText(link);
    } else if (entry.isString()) {
        const QString text = entry.toString().trimmed();
        if (text.contains(QStringLiteral("://")) ||
            text.startsWith(QStringLiteral("javascript:"), Qt::CaseInsensitive)) {
            file.link = text;
        } else {
            file.name = text;
        }
    } else {
        file.name = jsonValueText(entry);
    }
    file.httpsUrl = httpsUrlFromText(file.link);
    if (file.name.trimmed().isEmpty() && !file.link.isEmpty())
        file.name = fileNameFromUrl(file.link);
    return file;
}

void FilesModel::setFiles(const QJsonArray &files)
{
    beginResetModel();
    m_files.clear();
    m_files.reserve(files.size());
    for (const QJsonValue &entry : files)
        m_files.append(fileFromJson(entry));
    endResetModel();
}

int FilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int FilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const File &file = m_files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return singleLine(shortened(file.name, 300));
        case SizeColumn:
            return file.size ? QLocale().formattedDataSize(*file.size) : QString();
        case LinkColumn:
            return singleLine(shortened(file.link, 300));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return toolTipText(file.name);
        case SizeColumn:
            if (!file.size)
                return {};
            return (*file.size == 1 ? tr("%1 byte", nullptr, 1)
                                    : tr("%1 bytes", nullptr, pluralCount(*file.size)))
                .arg(QLocale().toString(*file.size));
        case LinkColumn:
            if (file.link.isEmpty())
                return {};
            return file.httpsUrl.isValid()
                       ? toolTipText(file.link)
                       : toolTipText(tr("%1\nOnly https links can be opened.").arg(file.link));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LinkUrlRole:
        if (index.column() == LinkColumn && file.httpsUrl.isValid())
            return file.httpsUrl;
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return file.name.toCaseFolded();
        case SizeColumn:
            return file.size.value_or(-1);
        case LinkColumn:
            return file.link.toCaseFolded();
        default:
            return {};
        }
    default:
        break;
    }
    return {};
}

QVariant FilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case LinkColumn:
        return tr("Link");
    default:
        break;
    }
    return {};
}

} // namespace CaseLens::Gui
