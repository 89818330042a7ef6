#pragma once

#include <QVariant>

namespace CaseLens::Gui {

// The horizontal header of a model whose columns have fixed titles (files,
// activity, the JSON tree): the header shows columnTitle(section) as its text,
// and everything else (vertical headers, other roles) is the base model's.
// Model is QAbstractTableModel or QAbstractItemModel.
template <typename Model>
class TitledColumns : public Model
{
public:
    using Model::Model;

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const final
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return Model::headerData(section, orientation, role);
        return columnTitle(section);
    }

protected:
    // The title of a column; an invalid QVariant for a section with none.
    [[nodiscard]] virtual QVariant columnTitle(int section) const = 0;
};

} // namespace CaseLens::Gui
