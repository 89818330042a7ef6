// What a screen reader reads from a ticket (issue 18): the real window on
// the offscreen platform, read through QAccessible as AT-SPI reads it. Values
// must be readable, not only their titles ("E-mail: maria.lopez@example.com",
// never just "E-mail").
#include "app/mainwindow.h"
#include "app/ticketpage.h"
#include "support/sampledata.h"
#include "support/windowharness.h"
#include "ticketview/activitychart.h"
#include "ticketview/badge.h"
#include "ticketview/elidedlabel.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QtTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

const QString SampleEmail = QStringLiteral("maria.lopez@example.com");

// The window with HYXTNJV open and keyboard focus; null when it cannot be built.
std::unique_ptr<WindowHarness> windowWithSample(TicketPage **page)
{
    auto h = WindowHarness::create();
    if (!h || !QTest::qWaitForWindowActive(h->window.get()))
        return nullptr;
    h->server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
    h->type(QStringLiteral("HYXTNJV"));
    *page = h->window->currentPage();
    if (!*page || !QTest::qWaitFor([p = *page] { return p->state() == TicketPage::State::Ticket; }))
        return nullptr;
    return h;
}

// Every name and value in the accessible tree under iface, as a screen
// reader walks it (depth-limited: the tree of one tab is shallow).
void collectTexts(QAccessibleInterface *iface, QStringList &texts, int depth = 0)
{
    if (!iface || depth > 12)
        return;
    if (!iface->state().invisible) {
        texts.append(iface->text(QAccessible::Name));
        texts.append(iface->text(QAccessible::Value));
    }
    for (int i = 0; i < iface->childCount(); ++i)
        collectTexts(iface->child(i), texts, depth + 1);
}

QString plainText(const QLabel *label)
{
    // An elided label shows part of its text; a screen reader gets it all.
    if (const auto *elided = qobject_cast<const ElidedLabel *>(label))
        return elided->fullText();
    return label->textFormat() == Qt::PlainText
               ? label->text()
               : QTextDocumentFragment::fromHtml(label->text()).toPlainText();
}

} // namespace

class tst_Accessibility final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requesterEmailAfterCtrl6();
    void headerValuesAreRead();
    void chartHasSummary();

private:
    QTemporaryDir m_settingsDir;
};

void tst_Accessibility::initTestCase()
{
    QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_accessibility")));
}

void tst_Accessibility::requesterEmailAfterCtrl6()
{
    TicketPage *page = nullptr;
    auto h = windowWithSample(&page);
    QVERIFY(h);
    QTest::keyClick(h->window.get(), Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(page->ticketView()->currentTab(), int(TicketView::RequesterTabIndex));

    auto *tab = page->ticketView()->findChild<QWidget *>(QStringLiteral("requesterTab"));
    QVERIFY(tab && tab->isVisible());
    QStringList texts;
    collectTexts(QAccessible::queryAccessibleInterface(tab), texts);
    const auto readable = [&texts](const QString &needle) {
        return std::any_of(texts.cbegin(), texts.cend(),
                           [&needle](const QString &t) { return t.contains(needle); });
    };
    QVERIFY2(readable(SampleEmail), qPrintable(texts.join(u'|')));
    // Title and value together, as a screen reader should say them.
    QVERIFY2(readable(QStringLiteral("Phone: (555) 123-4567")), qPrintable(texts.join(u'|')));
    QVERIFY2(readable(QStringLiteral("IP address: 203.0.113.24")), qPrintable(texts.join(u'|')));
    QVERIFY2(readable(QStringLiteral("Language: Spanish")), qPrintable(texts.join(u'|')));
}

void tst_Accessibility::headerValuesAreRead()
{
    TicketPage *page = nullptr;
    auto h = windowWithSample(&page);
    QVERIFY(h);
    TicketHeader *header = page->ticketView()->header();

    int checked = 0;
    const QList<QLabel *> labels = header->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        const QString value = plainText(label).trimmed();
        if (!label->isVisible() || value.isEmpty())
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(const_cast<QLabel *>(label));
        QVERIFY(iface);
        const QString heard = iface->text(QAccessible::Name) + u' ' + iface->text(QAccessible::Value);
        QVERIFY2(heard.contains(value), qPrintable(label->objectName() + u": heard \"" + heard + u'"'));
        ++checked;
    }
    QVERIFY(checked >= 6); // case number, area, views, created, closed, activity, updated, ...

    const auto nameOf = [header](const char *name) {
        QWidget *widget = header->findChild<QWidget *>(QString::fromLatin1(name));
        QAccessibleInterface *iface = widget ? QAccessible::queryAccessibleInterface(widget) : nullptr;
        return iface ? iface->text(QAccessible::Name) : QString();
    };
    QCOMPARE(nameOf("caseNumber"), QStringLiteral("Case number: HYXTNJV"));
    QVERIFY2(nameOf("created").startsWith(QStringLiteral("Created: ")), qPrintable(nameOf("created")));
    QVERIFY2(nameOf("requesterButton").contains(SampleEmail), qPrintable(nameOf("requesterButton")));
    QCOMPARE(nameOf("surveyChip"), QStringLiteral("Survey: \u20685\u2069"));
    QCOMPARE(nameOf("gitHubChip"), QStringLiteral("GitHub issue #1842"));
}

void tst_Accessibility::chartHasSummary()
{
    TicketPage *page = nullptr;
    auto h = windowWithSample(&page);
    QVERIFY(h);
    QTest::keyClick(h->window.get(), Qt::Key_3, Qt::ControlModifier);
    auto *chart = page->ticketView()->findChild<ActivityChart *>();
    QVERIFY(chart);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(chart);
    QVERIFY(iface);
    const QString summary = iface->text(QAccessible::Description);
    QVERIFY2(!summary.isEmpty(), "the chart has no accessible summary");
    // It summarises the data: the sample's four statistics entries are counted.
    int counted = 0;
    for (qsizetype i = 0; i < chart->actions().size(); ++i)
        counted += summary.contains(chart->actions().at(i)) ? 1 : 0;
    QVERIFY2(counted == chart->actions().size(), qPrintable(summary));
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
