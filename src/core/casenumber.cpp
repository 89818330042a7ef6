#include "casenumber.h"

#include <QCoreApplication>

namespace CaseLens {

namespace {
// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::CaseNumber)
};
} // namespace

NormalizedCaseNumber normalizeCaseNumber(const QString &input)
{
    QString s = input.trimmed();
    if (s.startsWith(u'#'))
        s = s.mid(1).trimmed();
    if (s.isEmpty())
        return {{}, Error(ErrorKind::InvalidInput, Tr::tr("Enter a case number, e.g. HYXTNJV."))};
    if (s.size() > MaxCaseNumberLength)
        return {{},
                Error(ErrorKind::InvalidInput,
                      Tr::tr("A case number has at most %1 letters or digits.").arg(MaxCaseNumberLength))};
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!ok)
            return {{},
                    Error(ErrorKind::InvalidInput,
                          Tr::tr("A case number has only letters and digits, e.g. HYXTNJV."))};
    }
    return {s.toUpper(), {}};
}

} // namespace CaseLens
