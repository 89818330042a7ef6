#include "app/recentcases.h"

#include "app/appsettings.h"
#include "core/casenumber.h"

namespace CaseLens::Gui {

RecentCases::RecentCases(QObject *parent)
    : QObject(parent)
{
    // The settings file is user-editable: keep only entries that are valid
    // case numbers, without duplicates.
    const QStringList stored = AppSettings().recentCases();
    for (const QString &entry : stored) {
        const ParsedCaseNumber parsed = CaseNumber::parse(entry);
        if (parsed.ok() && !m_cases.contains(parsed.text()) && m_cases.size() < MaxEntries)
            m_cases.append(parsed.text());
    }
}

void RecentCases::add(const QString &caseNumber)
{
    if (caseNumber.isEmpty() || (!m_cases.isEmpty() && m_cases.constFirst() == caseNumber))
        return;
    m_cases.removeAll(caseNumber);
    m_cases.prepend(caseNumber);
    while (m_cases.size() > MaxEntries)
        m_cases.removeLast();
    save();
}

void RecentCases::clear()
{
    if (m_cases.isEmpty())
        return;
    m_cases.clear();
    save();
}

void RecentCases::save()
{
    AppSettings().setRecentCases(m_cases);
    Q_EMIT changed();
}

} // namespace CaseLens::Gui
