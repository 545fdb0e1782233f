// API-READY
#pragma once

#include "core/expected.h"
#include "core/money.h"

#include <QString>

#include <optional>

namespace bw::core {

// A payment request carried by a `bankwallet:` link, e.g. in the QR code of the Receive page:
//   bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY&note=Lunch&name=Li%20Lei
//   bankwallet:pay?merchant=mer_lantern_coffee&amount=30.00&currency=CNY
// The query is RFC 3986 percent-encoded UTF-8. '+' is a literal plus sign (it is NOT a space as in HTML
// forms), so "to=+86..." and "to=%2B86..." are the same phone; formatPaymentLink() always writes %2B and %20.
// Parsing rules (each failure has a stable code, see below):
// - scheme "bankwallet" (any case), path "pay" (any case), an optional "//" is not allowed;
// - exactly one of `to` (a phone, checked by PhoneValidator and normalised to E.164) and `merchant`
//   (a merchant id: "mer_" then 1..60 of [A-Za-z0-9_-]);
// - `amount` in the machine form ("12.50", "1235" for JPY: ASCII digits, '.', no grouping, no sign),
//   positive, at most the currency's minor digits, at most Money::kMaxAbsGatewayMinorUnits; `currency` a
//   known ISO code (upper case) — present if and only if `amount` is;
// - `note` at most 140 characters, `name` at most 70, neither with control characters (NUL included);
// - unknown keys are IGNORED (forward compatibility: a newer wallet may add keys), but any key given twice
//   (known or not) is refused, as is an empty key or a key without '=';
// - the whole link at most kMaxPaymentLinkLength characters; malformed percent-encoding (a '%' not
//   followed by two hex digits, or bytes that are not valid UTF-8) is refused.
struct PaymentLink
{
    QString phone;      // E.164: a wallet user (transfer)
    QString merchantId; // payment to a merchant; exactly one of phone/merchantId
    std::optional<Money> amount;
    QString note;
    QString name; // payee's display name, informational

    friend bool operator==(const PaymentLink &, const PaymentLink &) = default;
};

inline constexpr int kMaxPaymentLinkLength = 2048;
inline constexpr int kMaxPaymentLinkNoteLength = 140;
inline constexpr int kMaxPaymentLinkNameLength = 70;

// The error of parsePaymentLink(): a stable snake_case code (listed in payment_link.cpp and below).
// core::Expected needs isError()/summary() of its error type, hence this thin wrapper around the code; it
// converts to QString implicitly, so `paymentLinkMessage(result.error())` and
// `result.error() == QLatin1String("invalid_amount")` work as if the error were the QString code itself.
// Codes: link_empty, link_too_long, invalid_scheme, invalid_path, malformed_encoding, malformed_query,
// duplicate_key, missing_payee, ambiguous_payee, invalid_phone, invalid_merchant, invalid_amount,
// amount_not_positive, amount_too_precise, amount_too_large, invalid_currency, missing_currency,
// missing_amount, note_too_long, invalid_note, name_too_long, invalid_name.
struct PaymentLinkError
{
    QString code;

    bool isError() const { return !code.isEmpty(); }
    QString summary() const { return code; }
    operator QString() const { return code; }
    friend bool operator==(const PaymentLinkError &a, const PaymentLinkError &b) { return a.code == b.code; }
    friend bool operator==(const PaymentLinkError &a, const QString &b) { return a.code == b; }
    friend bool operator==(const PaymentLinkError &a, QLatin1StringView b) { return a.code == b; }
    friend bool operator==(const PaymentLinkError &a, const char *b)
    {
        return a.code == QLatin1StringView(b);
    }
};

// Parses and validates a link (surrounding white space is trimmed; nothing else is forgiven).
Expected<PaymentLink, PaymentLinkError> parsePaymentLink(const QString &text);
// The canonical link of a valid PaymentLink (keys in the order to|merchant, amount, currency, note, name;
// empty note/name left out). parsePaymentLink(formatPaymentLink(l)) == l for every valid l.
QString formatPaymentLink(const PaymentLink &link);
// A translated sentence for an error code (context "bw::core::PaymentLink"); a generic one for an unknown
// code, empty for an empty code.
QString paymentLinkMessage(const QString &code);

} // namespace bw::core

QDebug operator<<(QDebug debug, const bw::core::PaymentLinkError &error);
