#pragma once

#include "core/ticket.h"

#include <QString>

#include <memory>

class QPagedPaintDevice;

namespace CaseLens::Gui {

class SafeTextDocument;

enum class ExportFormat { Pdf, Markdown, Html };

// The ticket as a document to print or to write as PDF: Export::html(), so
// the description and notes hold only what the sanitiser lets through, in
// a document that never loads a resource. Not paginated: print() lays it
// out on the device's pages, with 2 cm margins and page numbers.
[[nodiscard]] std::unique_ptr<SafeTextDocument> ticketDocument(const Ticket &ticket);

// Lays document out on device's pages (print preview, printer, PDF).
void printTicketDocument(const SafeTextDocument &document, QPagedPaintDevice *device);

// Writes the ticket to path (replacing it only once the whole file is
// written). Returns an empty string, or why it failed, in a sentence.
[[nodiscard]] QString writeTicketExport(const Ticket &ticket, const QString &path, ExportFormat format);

// The file suffix of a format, without the dot: "pdf", "md", "html".
[[nodiscard]] QString exportSuffix(ExportFormat format);

} // namespace CaseLens::Gui
