#pragma once

#include "core/ticket.h"

#include <QUrl>
#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace CaseLens::Gui {

// The Requester tab: who opened the ticket (the contract's AccountInfo).
// The e-mail is a mailto link and the location has an "Open map" https link;
// both emit httpsLinkActivated() when clicked, nothing else does.
class RequesterTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequesterTab)

public:
    explicit RequesterTab(QWidget *parent = nullptr);

    void setTicket(const Ticket &ticket);

    // The map link for a location.
    [[nodiscard]] static QUrl mapUrl(double latitude, double longitude);
    // A mailto URL when address looks like one e-mail address, else invalid.
    [[nodiscard]] static QUrl mailtoUrl(const QString &address);

public Q_SLOTS:
    // Handles a link in the e-mail or map label (public so tests can drive it).
    void handleLinkActivated(const QString &link);

Q_SIGNALS:
    void httpsLinkActivated(const QUrl &url);

private:
    QLabel *addRow(const QString &title, const QString &objectName);
    void setRow(QLabel *label, const QString &text, const QStringList &warnings);

    QStackedWidget *m_stack;
    QFormLayout *m_form;
    QLabel *m_name;
    QLabel *m_email;
    QLabel *m_phone;
    QLabel *m_userType;
    QLabel *m_sweepstakes;
    QLabel *m_language;
    QLabel *m_ip;
    QLabel *m_location;
    QLabel *m_userAgent;
    QLabel *m_token;
};

} // namespace CaseLens::Gui
