#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace CaseLens {

// A ticket's Data object as received: either the tree the parser built, or
// where its text lies in the answer, when the parser read the ticket
// straight from that text and built no tree (core/plainticket.h). Only the
// Raw tab and the watch's change check look at it, so the tree is built from
// the text when asked for, not for every ticket. Implicitly shared parts:
// cheap to copy.
class RawData
{
public:
    RawData() = default;
    explicit RawData(QJsonObject tree);
    // The object whose text is answer[offset, offset + size).
    RawData(QByteArray answer, qsizetype offset, qsizetype size);

    // The Data object (parsed from the text on each call when there is no tree).
    [[nodiscard]] QJsonObject object() const;
    // No Data, or an object without members.
    [[nodiscard]] bool isEmpty() const;
    // The object's text as sent, when that is what is kept; else empty.
    [[nodiscard]] QByteArrayView text() const;

    // Cheaply, nothing new since earlier: when both are kept as text, the
    // same bytes (a reformatted answer counts as new: showing it again costs
    // a repaint, where comparing objects would parse megabytes twice);
    // otherwise the same object.
    [[nodiscard]] bool isUnchangedFrom(const RawData &earlier) const;

    // The same object (the same text is; different text may be too).
    friend bool operator==(const RawData &a, const RawData &b);
    friend bool operator!=(const RawData &a, const RawData &b) { return !(a == b); }

private:
    QJsonObject m_tree;
    QByteArray m_answer;
    qsizetype m_offset = 0;
    qsizetype m_size = 0;
};

} // namespace CaseLens
