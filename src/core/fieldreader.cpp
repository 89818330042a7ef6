#include "core/fieldreader.h"

#include "core/jsontext.h"
#include "core/ticketparser.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace CaseLens {

void FieldReader::warnMissing(const FieldPath &f)
{
    const QString field = f.toString();
    m_warnings.append({field, tr("%1: missing").arg(field)});
}

void FieldReader::warnWrong(const FieldPath &f, Expected expected, const QJsonValue &v)
{
    const QString field = f.toString();
    const QString got = jsonValuePreview(v);
    QString message;
    switch (expected) {
    case Expected::Text:
        message = tr("%1: expected text, got %2").arg(field, got);
        break;
    case Expected::Number:
        message = tr("%1: expected a number, got %2").arg(field, got);
        break;
    case Expected::Bool:
        message = tr("%1: expected true or false, got %2").arg(field, got);
        break;
    case Expected::Date:
        message = tr("%1: expected a date, got %2").arg(field, got);
        break;
    case Expected::Object:
        message = tr("%1: expected an object, got %2").arg(field, got);
        break;
    case Expected::List:
        message = tr("%1: expected a list, got %2").arg(field, got);
        break;
    case Expected::TextOrNumber:
        message = tr("%1: expected text or a number, got %2").arg(field, got);
        break;
    }
    m_warnings.append({field, message});
}

void FieldReader::warnRange(const FieldPath &f, const QJsonValue &v)
{
    const QString field = f.toString();
    m_warnings.append({field, tr("%1: value out of range, got %2").arg(field, jsonValuePreview(v))});
}

bool FieldReader::present(const QJsonValue &v, const FieldPath &f, Presence p, Expected expected)
{
    if (v.isUndefined()) {
        if (p == Presence::Required)
            warnMissing(f);
        return false;
    }
    if (v.isNull()) {
        if (p != Presence::Nullable)
            warnWrong(f, expected, v);
        return false;
    }
    return true;
}

void FieldReader::readText(const QJsonValue &v, const FieldPath &f, Presence p, QString &out)
{
    if (v.isString()) {
        out = v.toString();
        return;
    }
    if (present(v, f, p, Expected::Text))
        warnWrong(f, Expected::Text, v);
}

void FieldReader::readTextOrNumber(const QJsonValue &v, const FieldPath &f, Presence p, QString &out)
{
    if (v.isString()) {
        out = v.toString();
        return;
    }
    if (v.isDouble()) {
        out = jsonNumberText(v);
        return;
    }
    if (present(v, f, p, Expected::TextOrNumber))
        warnWrong(f, Expected::TextOrNumber, v);
}

void FieldReader::readDate(const QJsonValue &v, const FieldPath &f, Presence p, QDateTime &out)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (s.isEmpty() && p == Presence::Nullable)
            return; // "" where null belongs: not closed
        QDateTime dt = parseTicketDate(s);
        if (dt.isValid())
            out = std::move(dt);
        else
            warnWrong(f, Expected::Date, v);
        return;
    }
    if (present(v, f, p, Expected::Date))
        warnWrong(f, Expected::Date, v);
}

std::optional<double> FieldReader::readNumber(const QJsonValue &v, const FieldPath &f, Presence p)
{
    if (v.isDouble())
        return v.toDouble();
    if (!present(v, f, p, Expected::Number))
        return std::nullopt;
    warnWrong(f, Expected::Number, v);
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::optional<qint64> FieldReader::readWholeNumber(const QJsonValue &v, const FieldPath &f, Presence p,
                                                   qint64 minimum, qint64 maximum)
{
    const std::optional<double> n = readNumber(v, f, p);
    if (!n)
        return std::nullopt;
    if (!std::isfinite(*n) || std::trunc(*n) != *n || *n < double(minimum) || *n > double(maximum)) {
        warnRange(f, v);
        return std::nullopt;
    }
    return static_cast<qint64>(*n);
}

void FieldReader::readArray(const QJsonValue &v, const FieldPath &f, QJsonArray &out)
{
    if (v.isArray()) {
        out = v.toArray();
        return;
    }
    if (!present(v, f, Presence::Optional, Expected::List))
        return;
    warnWrong(f, Expected::List, v);
    if (v.isObject())
        out = QJsonArray{v};
}

void FieldReader::readAsIs(const QJsonValue &v, const FieldPath &f, QJsonValue &out)
{
    if (v.isUndefined())
        return;
    out = v;
    if (!v.isObject() && !v.isNull())
        warnWrong(f, Expected::Object, v);
}

void FieldReader::readCaseNumber(const QJsonValue &v, const FieldPath &f, QString &out)
{
    if (v.isString()) {
        out = v.toString();
        return;
    }
    if (!present(v, f, Presence::Required, Expected::Text))
        return;
    warnWrong(f, Expected::Text, v);
    if (v.isDouble()) // all-digit case numbers ("2650478") sent as a number
        out = jsonNumberText(v);
}

void FieldReader::readPriority(const QJsonValue &v, const FieldPath &f, Priority &out)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == 1.0 || d == 2.0 || d == 3.0)
            out = static_cast<Priority>(static_cast<int>(d));
        else
            warnRange(f, v);
        return;
    }
    if (!present(v, f, Presence::Required, Expected::Number))
        return;
    warnWrong(f, Expected::Number, v);
    if (!v.isString())
        return;
    const QString s = v.toString().trimmed();
    if (s == u"1" || s.compare("low"_L1, Qt::CaseInsensitive) == 0)
        out = Priority::Low;
    else if (s == u"2" || s.compare("medium"_L1, Qt::CaseInsensitive) == 0)
        out = Priority::Medium;
    else if (s == u"3" || s.compare("high"_L1, Qt::CaseInsensitive) == 0)
        out = Priority::High;
}

void FieldReader::readStatus(const QJsonValue &v, const FieldPath &f, TicketStatus &out)
{
    if (v.isBool()) {
        out = v.toBool() ? TicketStatus::Closed : TicketStatus::Open;
        return;
    }
    if (!present(v, f, Presence::Required, Expected::Bool))
        return;
    if (v.isString()) { // some endpoints send "Open"/"Closed"
        const QString s = v.toString().trimmed();
        if (s.compare("open"_L1, Qt::CaseInsensitive) == 0) {
            out = TicketStatus::Open;
            return;
        }
        if (s.compare("closed"_L1, Qt::CaseInsensitive) == 0) {
            out = TicketStatus::Closed;
            return;
        }
    }
    warnWrong(f, Expected::Bool, v);
}

void FieldReader::readResource(const QJsonValue &v, const FieldPath &f, QString &out)
{
    QString resource;
    readText(v, f, Presence::Optional, resource);
    out = resource.trimmed().toLower();
}

} // namespace CaseLens
