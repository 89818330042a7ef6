#include "core/attachments.h"

#include "core/jsontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cmath>
#include <initializer_list>

namespace CaseLens {
namespace {

// Names and links longer than this are cut (a hostile server's megabyte
// "name" must not reach a table cell or a terminal whole).
constexpr qsizetype MaxTextChars = 4096;

QJsonValue valueForKeys(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (const QStringView key : keys) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0 && !it.value().isNull())
                return it.value();
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

std::optional<qint64> sizeFromJson(const QJsonValue &value)
{
    double d = -1;
    if (value.isDouble()) {
        d = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        d = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(d) || d < 0 || d > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(std::llround(d));
}

// Any value as text: strings as they are, numbers as JSON writes them,
// arrays and objects as compact JSON. Null and missing are empty.
QString valueText(const QJsonValue &value)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::String:
        text = value.toString();
        break;
    case QJsonValue::Double:
        text = jsonNumberText(value);
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    if (text.size() > MaxTextChars) {
        text.truncate(MaxTextChars - 1);
        if (text.back().isHighSurrogate())
            text.chop(1);
        text += u'\u2026';
    }
    return text;
}

QString fileNameFromLink(const QString &link)
{
    const QString name = QUrl(link).fileName();
    return name.isEmpty() ? link : name;
}

} // namespace

Attachment attachmentFromJson(const QJsonValue &entry)
{
    Attachment file;
    if (entry.isObject()) {
        const QJsonObject object = entry.toObject();
        file.name =
            valueText(valueForKeys(object, {u"FileName", u"Name", u"Title", u"OriginalName", u"File"}));
        file.size =
            sizeFromJson(valueForKeys(object, {u"Size", u"FileSize", u"Bytes", u"Length", u"SizeBytes"}));
        file.type = valueText(
            valueForKeys(object, {u"Type", u"MimeType", u"ContentType", u"Mime", u"FileType", u"Extension"}));
        file.link =
            valueText(valueForKeys(object, {u"Url", u"Link", u"Href", u"DownloadUrl", u"Location", u"Path"}));
    } else if (entry.isString()) {
        const QString text = valueText(entry).trimmed();
        if (text.contains(QStringLiteral("://")) ||
            text.startsWith(QStringLiteral("javascript:"), Qt::CaseInsensitive)) {
            file.link = text;
        } else {
            file.name = text;
        }
    } else {
        file.name = valueText(entry);
    }
    if (file.name.trimmed().isEmpty() && !file.link.isEmpty())
        file.name = fileNameFromLink(file.link);
    return file;
}

QList<Attachment> attachmentsFromJson(const QJsonArray &files)
{
    QList<Attachment> out;
    out.reserve(files.size());
    for (const QJsonValue &entry : files)
        out.append(attachmentFromJson(entry));
    return out;
}

} // namespace CaseLens
