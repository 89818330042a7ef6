#include "core/jsonarraytext.h"

#include "core/jsontext.h"

namespace CaseLens {

std::optional<QList<QByteArrayView>> jsonArrayElementTexts(QByteArrayView json)
{
    json = trimmedJsonText(json);
    if (json.size() < 2 || json.front() != '[' || json.back() != ']')
        return std::nullopt;
    // Between the outer brackets, an element ends at a comma outside any
    // string and any nested object or array: count the nesting, skip strings
    // (and the character after each backslash in them).
    QList<QByteArrayView> elements;
    const char *const data = json.data();
    const qsizetype end = json.size() - 1;
    qsizetype start = 1;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 1; i < end; ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            ++depth;
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ',':
            if (depth == 0) {
                elements.append(trimmedJsonText(json.sliced(start, i - start)));
                start = i + 1;
            }
            break;
        default:
            break;
        }
    }
    const QByteArrayView last = trimmedJsonText(json.sliced(start, end - start));
    if (!last.isEmpty() || !elements.isEmpty())
        elements.append(last);
    return elements;
}

} // namespace CaseLens
