#include "app/navigationhistory.h"

namespace CaseLens::Gui {

void NavigationHistory::visit(const QString &caseNumber)
{
    if (caseNumber.isEmpty() || current() == caseNumber)
        return;
    m_entries.resize(m_index + 1);
    m_entries.append(caseNumber);
    if (m_entries.size() > MaxEntries)
        m_entries.removeFirst();
    m_index = m_entries.size() - 1;
}

QString NavigationHistory::back()
{
    if (!canGoBack())
        return {};
    return m_entries.at(--m_index);
}

QString NavigationHistory::forward()
{
    if (!canGoForward())
        return {};
    return m_entries.at(++m_index);
}

} // namespace CaseLens::Gui
