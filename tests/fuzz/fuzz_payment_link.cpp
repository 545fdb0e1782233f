// fuzz_payment_link: the bankwallet: URI parser and formatter (src/core/payment_link.h).
//
// Input: the raw bytes as UTF-8 text (a link as pasted, scanned or handed over on the command line).
// Properties: no crash or UB; a refusal has a known code with a translated message; an accepted link obeys
// the documented limits (exactly one payee, a positive amount within the gateway bound, note and name
// lengths) and formatPaymentLink() of it parses back to an equal PaymentLink.
#include "fuzz_support.h"

#include "core/payment_link.h"

using namespace bw::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bw::fuzz::init();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = parsePaymentLink(text);
    if (!result.ok()) {
        const QString code = result.error();
        BW_FUZZ_CHECK(!code.isEmpty(), text);
        // A known code has its own sentence; an unknown one would get the generic text of the wrong code.
        BW_FUZZ_CHECK(paymentLinkMessage(code) != paymentLinkMessage(QStringLiteral("fuzz_unknown_code")),
                      code);
        return 0;
    }
    const PaymentLink &link = result.value();
    BW_FUZZ_CHECK(link.phone.isEmpty() != link.merchantId.isEmpty(), text);
    if (link.amount) {
        BW_FUZZ_CHECK(link.amount->isPositive() && link.amount->isWithinGatewayBound(), text);
    }
    BW_FUZZ_CHECK(link.note.size() <= kMaxPaymentLinkNoteLength * 2, text);
    BW_FUZZ_CHECK(link.name.size() <= kMaxPaymentLinkNameLength * 2, text);

    const QString formatted = formatPaymentLink(link);
    const auto again = parsePaymentLink(formatted);
    BW_FUZZ_CHECK(again.ok(), formatted + QStringLiteral(" -> ") + QString(again.error()));
    BW_FUZZ_CHECK(again.value() == link, formatted);
    BW_FUZZ_CHECK(formatPaymentLink(again.value()) == formatted, formatted);
    return 0;
}
