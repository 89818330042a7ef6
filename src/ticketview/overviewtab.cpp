#include "ticketview/overviewtab.h"

#include "ticketview/itemviewlinks.h"
#include "ticketview/jsontreemodel.h"
#include "ticketview/safetextbrowser.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/viewhelpers.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace CaseLens::Gui {

OverviewTab::OverviewTab(QWidget *parent)
    : QWidget(parent)
    , m_descriptionTitle(new QLabel(tr("Description"), this))
    , m_description(new SafeTextBrowser(this))
    , m_detailsModel(new JsonTreeModel(this))
    , m_details(new QTreeView(this))
{
    QFont titleFont = m_descriptionTitle->font();
    titleFont.setBold(true);
    m_descriptionTitle->setFont(titleFont);
    m_descriptionTitle->setTextFormat(Qt::PlainText);
    m_descriptionTitle->setBuddy(m_description);

    m_description->setObjectName(QStringLiteral("description"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("No description"));
    connect(m_description, &SafeTextBrowser::httpsLinkActivated, this, &OverviewTab::httpsLinkActivated);

    m_details->setModel(m_detailsModel);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setAccessibleName(tr("Ticket details"));
    m_details->setUniformRowHeights(true);
    m_details->setAlternatingRowColors(true);
    m_details->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setWordWrap(false);
    m_details->header()->setStretchLastSection(true);
    m_details->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::Interactive);
    m_details->header()->resizeSection(JsonTreeModel::KeyColumn,
                                       m_details->fontMetrics().averageCharWidth() * 26);
    setFocusProxy(m_details); // Ctrl+1 lands in the details tree
    auto *links = new ItemViewLinks(m_details);
    connect(links, &ItemViewLinks::linkActivated, this, &OverviewTab::httpsLinkActivated);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_descriptionTitle);
    topLayout->addWidget(m_description, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void OverviewTab::setYouToken(const QString &token)
{
    m_youToken = token;
    m_detailsModel->setPeople(m_names, token);
}

void OverviewTab::setTicket(const Ticket &ticket)
{
    const QStringList descriptionWarnings = warningMessages(ticket, QStringLiteral("Description"));
    m_descriptionTitle->setText(tr("Description") + warningMark(descriptionWarnings));
    m_descriptionTitle->setToolTip(toolTipText(descriptionWarnings.join(u'\n')));
    m_description->setUntrustedHtml(ticket.descriptionHtml);

    const auto section = [&ticket](const QString &title, const QJsonValue &value, const QString &field) {
        return JsonTreeModel::Section{title, value, warningMessages(ticket, field)};
    };
    QJsonArray notify;
    for (const QString &address : ticket.notifyUsers)
        notify.append(address);
    const QJsonValue notifyValue = notify.isEmpty() ? QJsonValue() : QJsonValue(notify);
    const QJsonValue documentation =
        ticket.documentation.isEmpty() ? QJsonValue() : QJsonValue(ticket.documentation);
    m_names = StatisticsModel::namesByToken(ticket);
    m_detailsModel->setPeople(m_names, m_youToken);
    m_detailsModel->setSections({
        section(tr("Notified users"), notifyValue, QStringLiteral("NotifyUsers")),
        section(tr("Documentation"), documentation, QStringLiteral("Documentation")),
        section(tr("GitHub issue"), ticket.gitHubIssue, QStringLiteral("GitHubIssue")),
        section(tr("Survey"), ticket.survey, QStringLiteral("Survey")),
        section(tr("Attachment info"), ticket.attachmentInfo, QStringLiteral("AttachmentInfo")),
    });
    m_details->expandToDepth(1);
}

} // namespace CaseLens::Gui
