#include "ticketview/filesmodel.h"

#include "core/pluralcount.h"
#include "ticketview/viewhelpers.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace CaseLens::Gui {

FilesModel::FilesModel(QObject *parent)
    : TitledColumns(parent)
{}

void FilesModel::setFiles(const QList<Attachment> &files)
{
    beginResetModel();
    m_files.clear();
    m_files.reserve(files.size());
    for (const Attachment &attachment : files) {
        File file{attachment, {}, {}, {}};
        file.httpsUrl = httpsUrlFromText(file.link);
        const QUrl url(file.link.trimmed());
        const QString scheme = url.scheme().toLower();
        if (url.isValid() && !url.host().isEmpty() && (scheme == u"https" || scheme == u"http"))
            file.webUrl = url;
        // What runs is what the link serves: a harmless name on a program's
        // link is a risk too.
        file.risk = fileRisk(file.name);
        if (!file.risk.isRisky() && url.isValid())
            file.risk = fileRisk(url.fileName());
        m_files.append(std::move(file));
    }
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
            if (file.risk.isRisky())
                return toolTipText(tr("%1\n\n⚠ %2").arg(file.name, file.risk.reason));
            return toolTipText(file.name);
        case SizeColumn:
            if (!file.size)
                return {};
            return tr("%1 byte(s)", nullptr, pluralCount(*file.size)).arg(QLocale().toString(*file.size));
        case LinkColumn:
            if (file.link.isEmpty())
                return {};
            return file.httpsUrl.isValid()
                       ? toolTipText(file.link)
                       : toolTipText(tr("%1\nOnly https links can be opened.").arg(file.link));
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == NameColumn && file.risk.isRisky())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == NameColumn && file.risk.isRisky())
            return tr("%1. Warning: %2").arg(singleLine(shortened(file.name, 300)), file.risk.reason);
        return {};
    case RiskReasonRole:
        return file.risk.reason;
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

QVariant FilesModel::columnTitle(int section) const
{
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
