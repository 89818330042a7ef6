#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QSaveFile;

namespace CaseLens {

// Saves one ticket file (a link from the ticket's Files) to a local path.
// One object per download: start(), then progress() as bytes arrive and
// exactly one finished(); error() says how it ended.
//
// The file's host is a stranger: the request is a plain GET with no
// Authorization or other CaseLens header, no stored cookies and no reused
// HTTP credentials (never the API key), through the app's network manager.
// Only https, or plain http to this computer (tests); redirects only to
// https. At most maxBytes (100 MB by default), announced or counted. The
// bytes go through a QSaveFile: the target appears complete, or not at all
// (cancel, error, too large), and an existing file is replaced only then.
// No data for idleTimeout (30 s) ends it as a Timeout.
//
// Error kinds: InvalidInput (not https, or the target cannot be written),
// ServerError (an HTTP error status or a refused redirect), Network, Tls,
// Timeout, TooLarge, Cancelled. Messages name the next step.
class FileDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileDownload)

public:
    static constexpr qint64 DefaultMaxBytes = 100LL * 1024 * 1024;

    FileDownload(QNetworkAccessManager *network, const QUrl &url, const QString &targetPath,
                 QObject *parent = nullptr);
    ~FileDownload() override; // aborts quietly; leaves no file

    // Why url cannot be downloaded (not https and not loopback http, no
    // host), or no error.
    [[nodiscard]] static Error checkUrl(const QUrl &url);

    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    [[nodiscard]] qint64 maxBytes() const { return m_maxBytes; }
    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idleTimeout = timeout; }
    // What an https request trusts (ApiClient::companyTls: behind a company's
    // inspecting proxy, files need its CA as much as the API does).
    void setSslConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }

    // Starts once. A refusal (URL, target) finishes too, on the next turn of
    // the event loop, so callers may connect after start().
    void start();
    // Stops and deletes what was written; finished() with Cancelled.
    void abort();

    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QString targetPath() const { return m_targetPath; }
    [[nodiscard]] bool isRunning() const { return m_started && !m_finished; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] qint64 bytesReceived() const { return m_received; }
    [[nodiscard]] qint64 bytesTotal() const { return m_total; } // -1 while unknown
    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] bool succeeded() const { return m_finished && !m_error.isError(); }

Q_SIGNALS:
    void progress(qint64 received, qint64 total); // total -1 when the server did not say
    void finished();

private:
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onRedirected(const QUrl &target);
    void fail(const Error &error); // aborts the transfer, discards the file, finishes
    void finish(const Error &error);
    [[nodiscard]] Error replyError() const;
    [[nodiscard]] QString tooLargeMessage() const;
    [[nodiscard]] Error writeError() const; // m_file could not be written

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QString m_targetPath;
    std::optional<QSslConfiguration> m_tls;
    qint64 m_maxBytes = DefaultMaxBytes;
    std::chrono::milliseconds m_idleTimeout{std::chrono::seconds(30)};
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_file;
    QTimer m_idleTimer;
    qint64 m_received = 0;
    qint64 m_total = -1;
    Error m_error;
    QString m_sslErrors;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace CaseLens
