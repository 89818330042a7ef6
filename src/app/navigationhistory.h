#pragma once

#include <QString>
#include <QStringList>

namespace CaseLens::Gui {

// Back/forward through the cases an agent looked at, like a browser: visiting
// a case drops the forward entries. Pure logic, no widgets.
class NavigationHistory final
{
public:
    static constexpr int MaxEntries = 100;

    // Records a visit. Visiting the current entry again changes nothing.
    void visit(const QString &caseNumber);

    [[nodiscard]] bool canGoBack() const { return m_index > 0; }
    [[nodiscard]] bool canGoForward() const { return m_index + 1 < m_entries.size(); }

    // Move and return the case now current (empty when not possible).
    QString back();
    QString forward();

    // Closed cases stay in the history: going back to one fetches it again.
    [[nodiscard]] QString current() const { return m_index >= 0 ? m_entries.at(m_index) : QString(); }
    [[nodiscard]] QStringList entries() const { return m_entries; }

private:
    QStringList m_entries;
    qsizetype m_index = -1;
};

} // namespace CaseLens::Gui
