#include "core/rawdata.h"

#include "core/jsontext.h"

#include <QJsonDocument>

namespace CaseLens {

RawData::RawData(QJsonObject tree)
    : m_tree(std::move(tree))
{}

RawData::RawData(QByteArray answer, qsizetype offset, qsizetype size)
    : m_answer(std::move(answer))
    , m_offset(offset)
    , m_size(size)
{
    Q_ASSERT(offset >= 0 && size >= 0 && offset + size <= m_answer.size());
}

QByteArrayView RawData::text() const
{
    return QByteArrayView(m_answer).sliced(m_offset, m_size);
}

QJsonObject RawData::object() const
{
    if (m_size == 0)
        return m_tree;
    const QByteArrayView t = text(); // read in place: m_answer outlives the call
    return QJsonDocument::fromJson(QByteArray::fromRawData(t.data(), t.size())).object();
}

bool RawData::isEmpty() const
{
    if (m_size == 0)
        return m_tree.isEmpty();
    const QByteArrayView inner = trimmedJsonText(text().sliced(1, m_size - 2)); // inside the braces
    return inner.isEmpty();
}

bool RawData::isUnchangedFrom(const RawData &earlier) const
{
    if (m_size > 0 && earlier.m_size > 0)
        return text() == earlier.text();
    return *this == earlier;
}

bool operator==(const RawData &a, const RawData &b)
{
    if (a.m_size > 0 && a.text() == b.text())
        return true;
    return a.object() == b.object();
}

} // namespace CaseLens
