#pragma once

#include <QObject>
#include <QStringList>

namespace CaseLens::Gui {

// The last cases an agent opened, newest first, persisted in QSettings so
// they survive a restart (the search bar completes from them).
class RecentCases final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentCases)

public:
    static constexpr int MaxEntries = 50;

    explicit RecentCases(QObject *parent = nullptr); // loads from QSettings

    [[nodiscard]] QStringList cases() const { return m_cases; }

    // Moves (or adds) caseNumber to the front and saves.
    void add(const QString &caseNumber);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();

    QStringList m_cases;
};

} // namespace CaseLens::Gui
