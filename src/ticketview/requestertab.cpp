#include "ticketview/requestertab.h"

#include "ticketview/viewhelpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUrlQuery>

namespace CaseLens::Gui {
namespace {

constexpr qsizetype MaxShownChars = 1000;

// "25.7617", "-80.1918": up to six decimals, no trailing zeros, never localised.
QString coordinateText(double value)
{
    QString text = QString::number(value, 'f', 6);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace

RequesterTab::RequesterTab(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_form(new QFormLayout)
{
    auto *page = new QWidget;
    page->setLayout(m_form);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);

    m_name = addRow(tr("Name"), QStringLiteral("requesterName"));
    m_email = addRow(tr("E-mail"), QStringLiteral("requesterEmail"));
    m_phone = addRow(tr("Phone"), QStringLiteral("requesterPhone"));
    m_userType = addRow(tr("User type"), QStringLiteral("requesterUserType"));
    m_sweepstakes = addRow(tr("Sweepstakes"), QStringLiteral("requesterSweepstakes"));
    m_language = addRow(tr("Language"), QStringLiteral("requesterLanguage"));
    m_ip = addRow(tr("IP address"), QStringLiteral("requesterIp"));
    m_location = addRow(tr("Location"), QStringLiteral("requesterLocation"));
    m_userAgent = addRow(tr("User agent"), QStringLiteral("requesterUserAgent"));
    m_token = addRow(tr("User token"), QStringLiteral("requesterToken"));

    for (QLabel *link : {m_email, m_location}) {
        link->setTextFormat(Qt::RichText);
        link->setTextInteractionFlags(Qt::TextBrowserInteraction);
        link->setOpenExternalLinks(false);
        connect(link, &QLabel::linkActivated, this, &RequesterTab::handleLinkActivated);
    }

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Requester"));

    fillWithContentStack(this, m_stack, scroll, tr("No requester information on this ticket"));
}

QLabel *RequesterTab::addRow(const QString &title, const QString &objectName)
{
    QLabel *label = makePlainLabel(nullptr, title);
    label->setObjectName(objectName);
    auto *titleLabel = new QLabel(title + u':');
    titleLabel->setBuddy(label);
    m_form->addRow(titleLabel, label);
    return label;
}

void RequesterTab::setRow(QLabel *label, const QString &text, const QStringList &warnings)
{
    const QString shown = text.isEmpty() ? QStringLiteral("\u2014") : shortened(text, MaxShownChars);
    label->setText(shown + warningMark(warnings));
    label->setToolTip(toolTipText(warnings.join(u'\n')));
    label->setAccessibleDescription(warnings.join(u'\n'));
}

QUrl RequesterTab::mapUrl(double latitude, double longitude)
{
    QUrl url(QStringLiteral("https://www.openstreetmap.org/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("mlat"), coordinateText(latitude));
    query.addQueryItem(QStringLiteral("mlon"), coordinateText(longitude));
    url.setQuery(query);
    url.setFragment(QStringLiteral("map=12/%1/%2").arg(coordinateText(latitude), coordinateText(longitude)));
    return url;
}

QUrl RequesterTab::mailtoUrl(const QString &address)
{
    const QString trimmed = address.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 254 || trimmed.count(u'@') != 1 || trimmed.startsWith(u'@') ||
        trimmed.endsWith(u'@')) {
        return {};
    }
    for (const QChar c : trimmed) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == u'<' || c == u'>' || c == u'"' || c == u'?' || c == u'&' || c == u'#' || c == u'/' ||
            c == u'\\' || c == u':') {
            return {};
        }
    }
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(trimmed);
    return isOpenableUrl(url) ? url : QUrl();
}

void RequesterTab::handleLinkActivated(const QString &link)
{
    const QUrl url(link, QUrl::StrictMode);
    if (isOpenableUrl(url))
        Q_EMIT httpsLinkActivated(url);
}

void RequesterTab::setTicket(const Ticket &ticket)
{
    const Requester &r = ticket.requester;
    const auto warnings = [&ticket](const char *field) {
        return warningMessages(ticket, QStringLiteral("AccountInfo.") + QLatin1StringView(field));
    };
    const bool empty = r.userToken.isEmpty() && r.fullName.isEmpty() && r.email.isEmpty() &&
                       r.mobileNumber.isEmpty() && r.userType.isEmpty() && r.userAgent.isEmpty() &&
                       r.ipAddress.isEmpty() && r.language.isEmpty() && !r.geoLat && !r.geoLon &&
                       r.sweepstakesName.isEmpty();
    m_stack->setCurrentIndex(empty ? 1 : 0);

    setRow(m_name, r.fullName, warnings("FullName"));

    // E-mail: a mailto link when it is one plausible address, else plain text.
    const QStringList emailWarnings = warnings("Email");
    const QUrl mailto = mailtoUrl(r.email);
    if (mailto.isValid()) {
        m_email->setText(QStringLiteral("<a href=\"%1\">%2</a>%3")
                             .arg(mailto.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                  isolate(shortened(r.email.trimmed(), MaxShownChars)).toHtmlEscaped(),
                                  warningMark(emailWarnings).toHtmlEscaped()));
        m_email->setToolTip(
            toolTipText((QStringList{tr("Write to %1").arg(r.email.trimmed())} + emailWarnings).join(u'\n')));
    } else {
        const QString shown =
            r.email.isEmpty() ? QStringLiteral("\u2014") : shortened(r.email, MaxShownChars);
        m_email->setText(shown.toHtmlEscaped() + warningMark(emailWarnings).toHtmlEscaped());
        m_email->setToolTip(toolTipText(emailWarnings.join(u'\n')));
    }
    m_email->setAccessibleDescription(emailWarnings.join(u'\n'));

    const QString phone = r.mobileNumber.isEmpty() ? QString() : formatPhoneNumber(r.mobileNumber);
    setRow(m_phone, phone, warnings("MobileNumber"));
    setRow(m_userType, r.userType, warnings("UserType"));
    setRow(m_sweepstakes, r.sweepstakesName, warnings("SweepstakesName"));
    setRow(m_language, languageText(r.language), warnings("Language"));
    setRow(m_ip, r.ipAddress, warnings("IpAddress"));

    // Location: coordinates and an "Open map" link.
    QStringList locationWarnings = warnings("GeoLat") + warnings("GeoLon");
    if (r.geoLat && r.geoLon) {
        const QUrl map = mapUrl(*r.geoLat, *r.geoLon);
        m_location->setText(QStringLiteral("%1, %2 \u2014 <a href=\"%3\">%4</a>%5")
                                .arg(coordinateText(*r.geoLat), coordinateText(*r.geoLon),
                                     map.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                     tr("Open map").toHtmlEscaped(),
                                     warningMark(locationWarnings).toHtmlEscaped()));
        m_location->setToolTip(toolTipText((QStringList{map.toString()} + locationWarnings).join(u'\n')));
    } else {
        QString text = QStringLiteral("\u2014");
        if (r.geoLat || r.geoLon)
            text = tr("Incomplete: %1, %2")
                       .arg(r.geoLat ? coordinateText(*r.geoLat) : tr("no latitude"),
                            r.geoLon ? coordinateText(*r.geoLon) : tr("no longitude"));
        m_location->setText(text.toHtmlEscaped() + warningMark(locationWarnings).toHtmlEscaped());
        m_location->setToolTip(toolTipText(locationWarnings.join(u'\n')));
    }
    m_location->setAccessibleDescription(locationWarnings.join(u'\n'));

    setRow(m_userAgent, r.userAgent, warnings("UserAgent"));
    setRow(m_token, r.userToken, warnings("UserToken"));
}

} // namespace CaseLens::Gui
