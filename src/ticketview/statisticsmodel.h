#pragma once

#include "core/ticket.h"
#include "ticketview/localtimecache.h"
#include "ticketview/titledcolumns.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace CaseLens::Gui {

// The ticket's activity log: Date, Who, Action. "Who" shows the requester's or
// a collaborator's name when the entry's token matches theirs, else
// "Unknown user (0b8e9c4a…)"; the full token is in the tooltip. "Action" is in
// the UI's language ("Created"), as sent in the tooltip. Built for tens of
// thousands of rows: nothing per row is computed before a view asks for it.
class StatisticsModel final : public TitledColumns<QAbstractTableModel>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsModel)

public:
    enum Column { DateColumn, WhoColumn, ActionColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // Date: QDateTime; Who/Action: case-folded text
        FilterRole,                  // the row's shown texts, one string (any column)
        TokenRole,                   // the entry's UserToken
        DateRole,                    // QDateTime (UTC)
    };

    explicit StatisticsModel(QObject *parent = nullptr);

    void setTicket(const Ticket &ticket);
    // The signed-in user's token: their entries say "You". Empty: nobody.
    void setYouToken(const QString &token);

    // Token (case-folded) -> person's name, from the requester and the
    // collaborators (keys UserToken/Token and FullName/Name, any case).
    [[nodiscard]] static QHash<QString, QString> namesByToken(const Ticket &ticket);
    // The text "Who" shows for a token (personText()).
    [[nodiscard]] QString whoText(const QString &token) const;
    // The calendar day of the row's entry in the user's time zone (invalid
    // when undated): the day the activity chart counts it on.
    [[nodiscard]] QDate localDate(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The row's place in date order (QDateTime's operator<, as SortRole sorts):
    // rows with equal dates share a rank. Computed for all rows when first
    // asked, so sorting 20,000 rows by date compares ints, not QVariants.
    [[nodiscard]] int dateRank(int row) const;

private:
    [[nodiscard]] QVariant columnTitle(int section) const override;

    [[nodiscard]] const QString &dateText(int row) const;
    [[nodiscard]] QString filterText(int row) const;

    QList<StatisticEntry> m_entries;
    QHash<QString, QString> m_names;
    QString m_requesterToken;
    QString m_youToken; // tokenKey() of the signed-in user's token
    mutable std::vector<std::optional<QString>> m_dateTexts;
    mutable std::vector<int> m_dateRanks; // empty until dateRank() is first called
    mutable LocalTimeCache m_localTime;
};

// The proxy over a StatisticsModel: sorts the Date column by
// StatisticsModel::dateRank() (the same order as comparing SortRole's
// QDateTime values, ties kept in model order) instead of through QVariant,
// which made sorting 20,000 rows a GUI-thread stall. Other columns and
// roles sort as QSortFilterProxyModel does.
//
// It also keeps only the entries of some days when asked (a click on the
// activity chart's bar), besides the text filter.
class StatisticsProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsProxyModel)

public:
    explicit StatisticsProxyModel(QObject *parent = nullptr);

    // Entries from first to last (local days, inclusive); invalid dates: all.
    void setDayRange(const QDate &first, const QDate &last);

protected:
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QDate m_first;
    QDate m_last;
};

} // namespace CaseLens::Gui
