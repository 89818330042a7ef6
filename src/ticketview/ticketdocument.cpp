#include "ticketview/ticketdocument.h"

#include "core/ticketexport.h"
#include "core/ticketmarkdown.h"
#include "ticketview/safetextdocument.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

namespace CaseLens::Gui {
namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::TicketDocument)
};

} // namespace

std::unique_ptr<SafeTextDocument> ticketDocument(const Ticket &ticket)
{
    auto document = std::make_unique<SafeTextDocument>();
    document->setMetaInformation(QTextDocument::DocumentTitle, Export::titleText(ticket));
    document->setSanitizedHtml(Export::html(ticket));
    return document;
}

void printTicketDocument(const SafeTextDocument &document, QPagedPaintDevice *device)
{
    // print() paginates a copy of an unpaginated document itself and numbers
    // the pages; a page size set here would switch that off.
    document.print(device);
}

QString exportSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Html:
        return QStringLiteral("html");
    }
    return {};
}

QString writeTicketExport(const Ticket &ticket, const QString &path, ExportFormat format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Tr::tr("Could not write %1: %2").arg(path, file.errorString());
    switch (format) {
    case ExportFormat::Pdf: {
        QPdfWriter writer(&file);
        writer.setTitle(Export::titleText(ticket));
        writer.setCreator(QStringLiteral("CaseLens"));
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        const std::unique_ptr<SafeTextDocument> document = ticketDocument(ticket);
        printTicketDocument(*document, &writer);
        break;
    }
    case ExportFormat::Markdown:
        file.write(Markdown::fullExport(ticket).toUtf8());
        break;
    case ExportFormat::Html:
        file.write(Export::html(ticket).toUtf8());
        break;
    }
    if (!file.commit())
        return Tr::tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace CaseLens::Gui
