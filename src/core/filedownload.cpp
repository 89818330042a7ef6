#include "core/filedownload.h"

#include "core/apiclient.h"
#include "core/logging.h"
#include "core/pluralcount.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSslError>

namespace CaseLens {
namespace {

constexpr int MaxRedirects = 5;

bool isLoopbackHttp(const QUrl &url)
{
    return url.scheme().compare(u"http", Qt::CaseInsensitive) == 0 && ApiClient::isLoopbackHost(url.host());
}

// Where a URL points, for messages: scheme and host only (a path may carry a
// token the file's host handed out).
QString originText(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                               QUrl::RemoveFragment);
}

} // namespace

FileDownload::FileDownload(QNetworkAccessManager *network, const QUrl &url, const QString &targetPath,
                           QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(url)
    , m_targetPath(targetPath)
{
    Q_ASSERT(network);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        fail({ErrorKind::Timeout,
              tr("The file's server sent nothing for %Ln second(s). Nothing was saved; try again later.",
                 nullptr, int(std::chrono::duration_cast<std::chrono::seconds>(m_idleTimeout).count()))});
    });
}

FileDownload::~FileDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    // m_file, if still open, is discarded by QSaveFile's destructor.
}

Error FileDownload::checkUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {ErrorKind::InvalidInput, tr("This link is not a web address CaseLens can download."),
                url.toDisplayString()};
    if (url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 || isLoopbackHttp(url))
        return {};
    if (url.scheme().compare(u"http", Qt::CaseInsensitive) == 0)
        return {ErrorKind::InvalidInput,
                tr("CaseLens downloads files only over https, and this link uses plain http (anyone on the "
                   "network could change the file). Ask the requester for an https link."),
                originText(url)};
    return {ErrorKind::InvalidInput, tr("CaseLens downloads only https links."), originText(url)};
}

void FileDownload::start()
{
    if (m_started)
        return;
    m_started = true;

    Error refusal = checkUrl(m_url);
    if (!refusal) {
        m_file = std::make_unique<QSaveFile>(m_targetPath);
        if (!m_file->open(QIODevice::WriteOnly))
            refusal = writeError();
    }
    if (refusal) {
        // Queued: callers connect to finished() after start().
        QMetaObject::invokeMethod(
            this, [this, refusal] { finish(refusal); }, Qt::QueuedConnection);
        return;
    }

    // A plain request: no Authorization, no API headers, no stored cookies
    // or credentials. The file's host must never see the API key.
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxRedirects);
    if (m_tls)
        request.setSslConfiguration(*m_tls); // kept by the redirects Qt follows

    qCInfo(lcNet) << "download from" << originText(m_url);
    m_reply = m_network->get(request);
    // Read as data arrives, so the cap holds without Qt buffering the rest.
    m_reply->setReadBufferSize(256 * 1024);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &FileDownload::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FileDownload::onReplyFinished);
    connect(m_reply, &QNetworkReply::redirected, this, &FileDownload::onRedirected);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        m_sslErrors = texts.join(QStringLiteral("; ")); // never ignored: the handshake fails
    });
    m_idleTimer.start(m_idleTimeout);
}

void FileDownload::abort()
{
    if (!isRunning())
        return;
    fail({ErrorKind::Cancelled, tr("Download cancelled. Nothing was saved.")});
}

void FileDownload::onRedirected(const QUrl &target)
{
    // Never from https down to http; plain http only from loopback to loopback (tests).
    const bool allowed = target.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ||
                         (isLoopbackHttp(m_url) && isLoopbackHttp(target));
    if (allowed && !target.host().isEmpty()) {
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    qCInfo(lcNet) << "download: refused redirect to" << originText(target);
    fail({ErrorKind::ServerError,
          tr("The file's server sent CaseLens on to %1, which is not https. CaseLens did not follow it. Use "
             "Open to get the file in your browser, or ask the requester for another link.")
              .arg(originText(target))});
}

void FileDownload::onMetaDataChanged()
{
    if (!m_reply)
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 announced = length.isValid() ? length.toLongLong() : -1;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400)
        return; // a redirect's own length means nothing
    if (announced > m_maxBytes) {
        fail({ErrorKind::TooLarge, tooLargeMessage(),
              tr("Announced size: %1 byte(s)", nullptr, pluralCount(announced)).arg(announced)});
        return;
    }
    m_total = announced >= 0 ? announced : -1;
}

void FileDownload::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        // An error page is not the file: read and drop it, finished() judges.
        m_reply->readAll();
        return;
    }
    m_idleTimer.start(m_idleTimeout);
    const QByteArray chunk = m_reply->readAll();
    if (m_received + chunk.size() > m_maxBytes) {
        fail({ErrorKind::TooLarge, tooLargeMessage()});
        return;
    }
    if (m_file->write(chunk) != chunk.size()) {
        fail(writeError());
        return;
    }
    m_received += chunk.size();
    Q_EMIT progress(m_received, m_total);
}

void FileDownload::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    onReadyRead(); // whatever is left
    if (m_finished)
        return;
    const Error error = replyError();
    if (error) {
        fail(error);
        return;
    }
    if (!m_file->commit()) {
        fail(writeError());
        return;
    }
    m_file.reset();
    m_reply->deleteLater();
    m_reply = nullptr;
    qCInfo(lcNet) << "download finished:" << m_received << "bytes";
    finish({});
}

Error FileDownload::replyError() const
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = m_reply->error();
    const QString where = originText(m_reply->url());
    if (status != 0 && status != 200) {
        // The reason phrase is the server's text: printable characters only, short.
        QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().left(80);
        reason.removeIf([](QChar c) { return !c.isPrint(); });
        return {ErrorKind::ServerError,
                tr("The file's server answered %1 %2. The link may have expired: refresh the ticket (F5) and "
                   "try again.")
                    .arg(status)
                    .arg(reason),
                where, status};
    }
    if (code == QNetworkReply::NoError)
        return {};
    if (code == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty())
        return {ErrorKind::Tls,
                tr("The file's server at %1 could not prove who it is (%2). Nothing was downloaded.")
                    .arg(where, m_sslErrors.isEmpty() ? m_reply->errorString() : m_sslErrors)};
    if (code == QNetworkReply::TooManyRedirectsError)
        return {ErrorKind::ServerError,
                tr("The file's server sent CaseLens from address to address. Use Open to get the file in "
                   "your browser."),
                where};
    return {ErrorKind::Network,
            tr("The file could not be downloaded from %1 (%2). Check your connection and try again.")
                .arg(where, m_reply->errorString()),
            where};
}

Error FileDownload::writeError() const
{
    return {ErrorKind::InvalidInput,
            tr("CaseLens could not write to %1 (%2). Choose another folder and try again.")
                .arg(m_targetPath, m_file->errorString())};
}

QString FileDownload::tooLargeMessage() const
{
    return tr("The file is larger than %1 MB, the most CaseLens saves. Nothing was saved; use Open to get it "
              "in your browser.")
        .arg(m_maxBytes / (1024 * 1024));
}

void FileDownload::fail(const Error &error)
{
    if (m_finished)
        return;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // the temporary file goes; the target was never touched
    }
    finish(error);
}

void FileDownload::finish(const Error &error)
{
    if (m_finished)
        return;
    m_idleTimer.stop();
    m_file.reset();
    m_error = error;
    m_finished = true;
    if (error)
        qCInfo(lcNet) << "download ended:" << Error::kindName(error.kind());
    Q_EMIT finished();
}

} // namespace CaseLens
