#include "ui/receipts/receipt_pdf.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace bw::ui {

using gateway::PaymentStatus;

namespace {

const QString kCjkFamily = QStringLiteral("WenQuanYi Micro Hei");
const QString kLatinFamily = QStringLiteral("DejaVu Sans");

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Colours of the status, as on screen: green done, amber waiting, red refused.
QString statusColour(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Succeeded:
        return QStringLiteral("#1b7f3b");
    case PaymentStatus::Processing:
    case PaymentStatus::PendingReview:
        return QStringLiteral("#8a5a00");
    case PaymentStatus::Rejected:
        return QStringLiteral("#b3261e");
    }
    return QStringLiteral("#1b2a3a");
}

// The font every glyph of the receipt can be drawn with: the CJK font first for Chinese (so Latin digits
// and Chinese share one face), after the Latin one otherwise (for a Chinese name in an English receipt).
QFont receiptFont(const QLocale &locale)
{
    QFont font;
    const bool chinese = locale.language() == QLocale::Chinese;
    QStringList families =
        chinese ? QStringList{kCjkFamily, kLatinFamily} : QStringList{kLatinFamily, kCjkFamily};
    const QStringList installed = QFontDatabase::families();
    QStringList usable;
    for (const QString &family : families)
        if (installed.contains(family))
            usable.append(family);
    if (!usable.isEmpty())
        font.setFamilies(usable);
    font.setPointSizeF(9.5);
    // No ligatures: "ﬀ" in "Coffee" would be copied and searched as one odd character.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

} // namespace

QString ReceiptPdf::html(const Receipt &receipt, const QLocale &locale)
{
    const gateway::Payment &p = receipt.payment;
    const QString bank = receipt.bankName.isEmpty() ? ReceiptText::fallbackBankName() : receipt.bankName;
    const QString amount =
        ReceiptText::money(p.kind == QLatin1String("incoming") ? p.credit : p.debit, locale);
    QString h;
    h += QStringLiteral("<html><body style=\"color:#1b2a3a;\">");
    // Header band: the bank and the kind of receipt on the left, the amount and status on the right.
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"14\" bgcolor=\"#0b4f8a\">"
                        "<tr><td valign=\"middle\">");
    h += QStringLiteral("<p style=\"color:#cfe0f1; font-size:10pt; margin:0;\">%1</p>").arg(esc(bank));
    h += QStringLiteral("<p style=\"color:#ffffff; font-size:17pt; font-weight:bold; margin:0;\">%1</p>")
             .arg(esc(ReceiptText::title(p)));
    h += QStringLiteral("</td><td align=\"right\" valign=\"middle\">");
    h += QStringLiteral("<p align=\"right\" style=\"color:#ffffff; font-size:17pt; font-weight:bold; "
                        "margin:0;\">%1</p>")
             .arg(esc(amount));
    h += QStringLiteral("<p align=\"right\" style=\"color:#ffffff; font-size:10pt; margin:0;\">%1</p>")
             .arg(esc(ReceiptText::statusName(p)));
    h += QStringLiteral("</td></tr></table>");

    h += QStringLiteral("<p style=\"margin-top:10px; color:%1;\">%2</p>")
             .arg(statusColour(p.status), esc(ReceiptText::statusMeaning(p)));

    for (const ReceiptSection &section : ReceiptText::sections(receipt, locale)) {
        h += QStringLiteral("<p style=\"margin-top:14px; margin-bottom:4px; color:#0b4f8a; font-size:11pt; "
                            "font-weight:bold;\">%1</p>")
                 .arg(esc(section.title));
        h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">");
        int row = 0;
        for (const ReceiptField &field : section.fields) {
            const bool total = field.key == QLatin1String("debit") || field.key == QLatin1String("credit");
            h += QStringLiteral("<tr bgcolor=\"%1\"><td width=\"34%\" style=\"color:#5b6b7b;\">%2</td>"
                                "<td%3>%4</td></tr>")
                     .arg(row++ % 2 ? QStringLiteral("#ffffff") : QStringLiteral("#f3f6f9"), esc(field.label),
                          total ? QStringLiteral(" style=\"font-weight:bold;\"") : QString(),
                          esc(field.value));
        }
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<p style=\"margin-top:22px; color:#5b6b7b; font-size:8pt;\">%1</p>")
             .arg(esc(tr("Issued by %1 through BankWallet on %2. This receipt records the transaction as the "
                         "bank has it; keep it for your records.")
                          .arg(bank, ReceiptText::timeText(QDateTime::currentDateTimeUtc(), locale))));
    h += QStringLiteral("</body></html>");
    return h;
}

QString ReceiptPdf::write(const Receipt &receipt, const QString &path, const QLocale &locale)
{
    if (path.isEmpty())
        return tr("Choose where to save the receipt.");
    {
        // QPdfWriter reports no errors: find out first whether the file can be written at all.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return tr("The receipt could not be saved to %1: %2. Choose another folder and try again.")
                .arg(QFileInfo(path).fileName(), probe.errorString());
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(16, 16, 16, 16), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(ReceiptText::title(receipt.payment) + QStringLiteral(" ") + receipt.payment.receiptNo);
    writer.setCreator(QStringLiteral("BankWallet"));

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer); // fonts measured at the PDF's resolution
    doc.setDefaultFont(receiptFont(locale));
    doc.setDocumentMargin(0);
    doc.setHtml(html(receipt, locale));
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    doc.setPageSize(page.size());

    QPainter painter;
    if (!painter.begin(&writer))
        return tr("The receipt could not be saved to %1. Choose another folder and try again.")
            .arg(QFileInfo(path).fileName());
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        painter.translate(0, -clip.top());
        doc.drawContents(&painter, clip);
        painter.restore();
    }
    if (!painter.end())
        return tr("The receipt could not be saved to %1. Choose another folder and try again.")
            .arg(QFileInfo(path).fileName());
    return {};
}

} // namespace bw::ui
