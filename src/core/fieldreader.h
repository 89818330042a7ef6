#pragma once

#include "core/ticket.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

// Tolerant reading of documented fields, shared by the parsers of every
// endpoint (a ticket, a ticket list's rows, account and write answers): a
// field that is missing, null or of the wrong type keeps its default and
// adds a ParseWarning, and the rest is still read.
namespace CaseLens {

// Where a warning points: "Priority", "AccountInfo.GeoLat", "Notes[3]",
// "Notes[3].Date". Built into a string only when a warning is emitted, so the
// fast path (thousands of notes) allocates nothing for field names.
struct FieldPath
{
    QLatin1StringView parent;
    qsizetype index = -1;
    QLatin1StringView name;

    [[nodiscard]] QString toString() const
    {
        if (parent.isEmpty())
            return QString(name);
        QString s = parent;
        if (index >= 0)
            s += u'[' + QString::number(index) + u']';
        if (!name.isEmpty())
            s += u'.' + name;
        return s;
    }
};

[[nodiscard]] constexpr FieldPath topField(QLatin1StringView name)
{
    return {{}, -1, name};
}

// Missing: a key that is absent. Null: the key is there with null.
enum class Presence {
    Optional, // missing is normal, null warns
    Required, // missing and null warn (the core fields)
    Nullable, // missing and null are both normal
};

enum class Expected { Text, Number, Bool, Date, Object, List, TextOrNumber };

// Reads values into typed fields and appends warnings to a list it does not
// own. The messages keep the translation context "CaseLens::TicketParser"
// they have always had, so existing translations apply to every endpoint.
class FieldReader
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::TicketParser)

public:
    explicit FieldReader(QList<ParseWarning> &warnings)
        : m_warnings(warnings)
    {}

    void warn(const FieldPath &f, QString message) { m_warnings.append({f.toString(), std::move(message)}); }
    void warnMissing(const FieldPath &f);
    void warnWrong(const FieldPath &f, Expected expected, const QJsonValue &v);
    void warnRange(const FieldPath &f, const QJsonValue &v);
    [[nodiscard]] qsizetype warningCount() const { return m_warnings.size(); }
    [[nodiscard]] const ParseWarning &warningAt(qsizetype i) const { return m_warnings.at(i); }

    // Handles missing and null; true when there is a value to read.
    [[nodiscard]] bool present(const QJsonValue &v, const FieldPath &f, Presence p, Expected expected);

    void readText(const QJsonValue &v, const FieldPath &f, Presence p, QString &out);
    void readTextOrNumber(const QJsonValue &v, const FieldPath &f, Presence p, QString &out);
    void readDate(const QJsonValue &v, const FieldPath &f, Presence p, QDateTime &out);
    // A JSON number, or a string holding one (used, with a warning).
    [[nodiscard]] std::optional<double> readNumber(const QJsonValue &v, const FieldPath &f, Presence p);
    // A whole number in [minimum, maximum] (counts, pages, limits); anything
    // else warns and reads as nothing. Bounds within +-9e15 (exact in a double).
    [[nodiscard]] std::optional<qint64> readWholeNumber(const QJsonValue &v, const FieldPath &f, Presence p,
                                                        qint64 minimum, qint64 maximum);
    void readArray(const QJsonValue &v, const FieldPath &f, QJsonArray &out);
    void readAsIs(const QJsonValue &v, const FieldPath &f, QJsonValue &out);

    // A case number; all-digit ones sent as a number are used (with a warning).
    void readCaseNumber(const QJsonValue &v, const FieldPath &f, QString &out);
    // 1..3, or "low"/"medium"/"high" and "1".."3" as text (with a warning).
    void readPriority(const QJsonValue &v, const FieldPath &f, Priority &out);
    // true = closed, false = open; "Open"/"Closed" as some endpoints send them.
    void readStatus(const QJsonValue &v, const FieldPath &f, TicketStatus &out);
    // ResourceAffected: lower case, trimmed ("General" -> "general").
    void readResource(const QJsonValue &v, const FieldPath &f, QString &out);

private:
    QList<ParseWarning> &m_warnings;
};

} // namespace CaseLens
