#pragma once

#include <QByteArrayView>
#include <QString>

// What every fuzz target checks, shared by the libFuzzer entry points
// (fuzz_*.cpp, clang only) and by tst_fuzzregressions, which replays the seed
// corpora and every input that ever failed in the normal test suite.
//
// Each function runs one input through the code under test and checks the
// invariants that must hold for ANY input. It returns what is wrong, or an
// empty string. Crashes, hangs, leaks and undefined behaviour are the
// sanitizers' and libFuzzer's business; these catch wrong answers.
namespace CaseLens::Fuzz {

// parseTicketResponse(): an answer is a ticket or an error, never both;
// values are within their documented ranges; what a hostile server can put
// in front of the user (messages, details, warnings) stays short and free of
// control characters.
[[nodiscard]] QString checkTicketParser(QByteArrayView data);

// Html::sanitize() / toPlainText(): the output is well-formed, uses only the
// allowlist, every link is one QUrl also sees as http(s)/mailto, sanitising
// twice changes nothing. Input is UTF-8, or UTF-16LE after a FF FE mark (to
// reach lone surrogates and every code unit).
[[nodiscard]] QString checkHtmlSanitizer(QByteArrayView data);

// Whether characters XML 1.0 forbids (C0 controls but tab and line breaks,
// U+FFFE, U+FFFF) make sanitised HTML not well-formed: fuzz inputs may carry
// them through as text; the sanitiser's unit tests hold its outputs free of them.
enum class ForbiddenXmlChars { AreText, AreAProblem };

// Empty if html (the sanitiser's output) is well-formed as XML once the void
// <br>/<hr> are self-closed, uses only the allowlist in htmlsanitizer.h, and
// every link is one QUrl also sees as http(s)/mailto; otherwise what is wrong.
[[nodiscard]] QString structureProblem(const QString &html, ForbiddenXmlChars forbidden);

// CaseNumber::parse(): valid results are 1-32 upper-case ASCII letters or
// digits and normalise to themselves; invalid ones say why.
[[nodiscard]] QString checkCaseNumber(QByteArrayView data);

} // namespace CaseLens::Fuzz
