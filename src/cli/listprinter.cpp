#include "cli/listprinter.h"

#include "cli/ticketprinter.h"
#include "core/platforms.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

struct Widths
{
    qsizetype caseNumber = 0;
    qsizetype priority = 0;
    qsizetype created = 0;
    qsizetype area = 0;
};

// Computed once: the headers and every value a documented row can have.
const Widths &columnWidths()
{
    static const Widths widths = [] {
        Widths w;
        w.caseNumber = std::max<qsizetype>(tr("CASE").size(), 7);
        w.priority = tr("PRIORITY").size();
        for (const Priority p : {Priority::Unknown, Priority::Low, Priority::Medium, Priority::High})
            w.priority = std::max(w.priority, priorityName(p).size());
        w.created = std::max<qsizetype>(tr("CREATED").size(), 10);
        w.area = tr("PRODUCT AREA").size();
        for (const Platform &platform : documentedPlatforms())
            w.area = std::max(w.area, platform.displayName().size());
        return w;
    }();
    return widths;
}

QString line(const QString &caseNumber, const QString &priority, const QString &created, const QString &area,
             const QString &subject)
{
    const Widths &w = columnWidths();
    return QStringLiteral("%1  %2  %3  %4  %5\n")
        .arg(caseNumber, -int(w.caseNumber))
        .arg(priority, -int(w.priority))
        .arg(created, -int(w.created))
        .arg(area, -int(w.area))
        .arg(subject);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

} // namespace

QString formatTicketListHeader()
{
    return line(tr("CASE"), tr("PRIORITY"), tr("CREATED"), tr("PRODUCT AREA"), tr("SUBJECT"));
}

QString formatTicketListRows(const QList<TicketSummary> &rows)
{
    QString out;
    for (const TicketSummary &row : rows) {
        const QString created = row.created.isValid()
                                    ? row.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))
                                    : QStringLiteral("-");
        QString subject = row.subject.simplified();
        if (!row.problems.isEmpty())
            subject += (subject.isEmpty() ? QString() : QStringLiteral("  ")) +
                       tr("[bad row: %1]").arg(row.problems.join(QStringLiteral("; ")));
        out +=
            stripControlCharacters(line(orDash(row.caseNumber.simplified()), priorityName(row.priority),
                                        created, orDash(platformDisplayName(row.resourceAffected)), subject));
    }
    return out;
}

QByteArray formatTicketListJson(const QList<TicketSummary> &rows)
{
    QByteArray out;
    qsizetype size = 0;
    for (const TicketSummary &row : rows)
        size += row.json.size() + 1;
    out.reserve(size);
    for (const TicketSummary &row : rows) {
        out += row.json;
        out += '\n';
    }
    return out;
}

} // namespace CaseLens::Cli
