// API-READY
// ReceiptPdf — writes a receipt as a one-page A4 PDF (QPdfWriter + QTextDocument): the bank, the title, the
// amount, the status and every section of ReceiptText, in the current translation and the given locale's
// formats. Chinese text is set in a CJK font (WenQuanYi Micro Hei when installed), so the glyphs are
// embedded, not boxes. Synchronous and quick (one page); call it from the GUI thread or any other.
#pragma once

#include "ui/receipts/receipt.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bw::ui {

class ReceiptPdf
{
    Q_DECLARE_TR_FUNCTIONS(bw::ui::ReceiptPdf)

public:
    // Writes the PDF to `path` (replacing a file there). Returns an empty string on success, otherwise a
    // translated sentence saying what went wrong and what to do.
    static QString write(const Receipt &receipt, const QString &path, const QLocale &locale = QLocale());
    // The same document as HTML (what the PDF renders; for tests and previews).
    static QString html(const Receipt &receipt, const QLocale &locale = QLocale());
};

} // namespace bw::ui
