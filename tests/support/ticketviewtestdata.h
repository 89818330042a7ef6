#pragma once

// Tickets for the ticket view's tests: the documented sample, the bundled
// demo tickets, and generated large ones. Header-only, test code only.

#include "core/ticket.h"
#include "core/ticketparser.h"
#include "support/sampledata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace CaseLens::Testing {

inline QString demoDirectory()
{
    return QStringLiteral(CASELENS_DEMO_DIR);
}

inline QStringList demoCaseNumbers()
{
    QStringList cases;
    const QStringList files =
        QDir(demoDirectory()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        cases.append(file.chopped(5));
    return cases;
}

inline QByteArray demoBytes(const QString &caseNumber)
{
    QFile file(demoDirectory() + u'/' + caseNumber + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open demo ticket %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline TicketResult demoResult(const QString &caseNumber)
{
    return parseTicketResponse(demoBytes(caseNumber), 200, QByteArrayLiteral("application/json"), caseNumber);
}

inline Ticket demoTicket(const QString &caseNumber)
{
    return demoResult(caseNumber).ticket;
}

inline Ticket sampleTicket()
{
    return parseTicketData(sampleTicketData());
}

// The demo ticket with odd field types and hostile HTML.
inline Ticket hostileTicket()
{
    return demoTicket(QStringLiteral("ZX9Q4LB"));
}

inline QString token(int i)
{
    return QStringLiteral("%1-0000-4000-8000-000000000000").arg(i, 8, 16, QLatin1Char('0'));
}

// A ticket with many notes (alternating plain text and HTML) and statistics
// over ~three months, with the sample's requester and collaborator.
inline Ticket largeTicket(int noteCount, int statisticCount)
{
    Ticket t = sampleTicket();
    t.notes.clear();
    t.statistics.clear();
    const QDateTime start(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC);
    t.notes.reserve(noteCount);
    for (int i = 0; i < noteCount; ++i) {
        Note n;
        n.id = QString::number(i + 1);
        n.date = start.addSecs(qint64(i) * 1800);
        n.html = i % 2 == 0
                     ? QStringLiteral("Plain note number %1 about winners export and rows.").arg(i)
                     : QStringLiteral(
                           "<p>HTML note <b>%1</b> with a <a href=\"https://help.sweeppea.com/x\">link</a>"
                           "</p><ul><li>one</li><li>two</li></ul>")
                           .arg(i);
        t.notes.append(n);
    }
    const QStringList actions{QStringLiteral("view"), QStringLiteral("update"), QStringLiteral("comment"),
                              QStringLiteral("create"), QStringLiteral("resolve")};
    const QStringList tokens{t.requester.userToken, QStringLiteral("7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91"),
                             token(1), token(2)};
    t.statistics.reserve(statisticCount);
    for (int i = 0; i < statisticCount; ++i) {
        StatisticEntry e;
        e.id = QString::number(i + 1);
        // Not in date order: the view must sort.
        e.date = start.addSecs(qint64((i * 7919) % statisticCount) * 157);
        e.userToken = tokens.at(i % tokens.size());
        e.action = actions.at((i / 3) % actions.size());
        t.statistics.append(e);
    }
    return t;
}

} // namespace CaseLens::Testing
