// caselens-cli asks for transparent huge pages on the heap it fills with a
// large ticket (cli/hugepageheap.h): what the kernel recorded for the heap.
#include "cli/hugepageheap.h"

#include <QFile>
#include <QTest>

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace CaseLens::Cli;

namespace {

// The VmFlags of the mapping that holds address, from /proc/self/smaps.
[[maybe_unused]] QByteArray vmFlagsAt(std::uintptr_t address) // unused where the test is skipped
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.startsWith("VmFlags")) {
            bool okStart = false;
            bool okEnd = false;
            const auto start = line.first(dash).toULongLong(&okStart, 16);
            const auto end = line.sliced(dash + 1, space - dash - 1).toULongLong(&okEnd, 16);
            if (okStart && okEnd) {
                inside = address >= start && address < end;
                continue;
            }
        }
        if (inside && line.startsWith("VmFlags:"))
            return line.sliced(8).trimmed();
    }
    return {};
}

} // namespace

class TestHugePageHeap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theHeapAsksForHugePages()
    {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
        QSKIP("glibc's own allocator only (AddressSanitizer replaces it)");
#else
        if (!QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
            QSKIP("this kernel has no transparent huge pages");
        useHugePagesForTheHeap();
        // A large buffer, as the answer and its parse take: it comes from the
        // advised heap, not from a fresh mmap of its own.
        constexpr std::size_t Size = 8u << 20;
        auto *buffer = static_cast<char *>(std::malloc(Size));
        QVERIFY(buffer);
        std::memset(buffer, 1, Size);
        const QByteArray flags = vmFlagsAt(reinterpret_cast<std::uintptr_t>(buffer) + Size / 2);
        std::free(buffer);
        QVERIFY2(flags.split(' ').contains("hg"), flags.constData());
#endif
    }
};

QTEST_GUILESS_MAIN(TestHugePageHeap)
#include "tst_hugepageheap.moc"
