#pragma once

#include "core/validation.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace bw::core {

// The card networks the gateway accepts (contract: brand visa|mastercard|unionpay|amex|jcb).
enum class CardBrand { Visa, Mastercard, UnionPay, Amex, Jcb };

// The contract's brand string: "visa", "mastercard", "unionpay", "amex", "jcb".
QString cardBrandCode(CardBrand brand);
// The brand's name for display (translated where the name has a local form, e.g. UnionPay → 银联).
QString cardBrandDisplayName(CardBrand brand);

// A checked card number: digits only, with its brand.
struct CardNumber
{
    QString digits;
    CardBrand brand = CardBrand::Visa;

    QString last4() const { return digits.right(4); }
    // Grouped for display: 4-6-5 for Amex, groups of 4 otherwise ("4242 4242 4242 4242").
    QString grouped() const;
    // Only the last four shown: "•••• 4242".
    QString masked() const;
};

// A checked expiry date; the card is valid through the last day of this month.
struct CardExpiry
{
    int month = 0; // 1..12
    int year = 0;  // four digits
};

// Validates what a person types for a payment card: number (Luhn, brand by IIN and length), expiry, CVC.
class CardValidator
{
public:
    // Spaces and dashes between digits are allowed, surrounding whitespace is ignored; anything else is
    // invalid_card_number. A Luhn-valid number of an unknown IIN range is unsupported_brand.
    static ValidationResult<CardNumber> validateNumber(QStringView input);

    // The brand that an IIN prefix belongs to, without looking at length or Luhn, for as-you-type
    // feedback; nullopt when the digits so far match no supported brand (or are too few to tell).
    static std::optional<CardBrand> detectBrand(QStringView digits);

    // month 1..12; year two-digit (2000 + yy) or four-digit. Expired when the month is before today's.
    static ValidationResult<CardExpiry> validateExpiry(int month, int year, QDate today);
    // The same from text fields ("1", "01"; "28", "2028").
    static ValidationResult<CardExpiry> validateExpiry(QStringView month, QStringView year, QDate today);
    // "MM/YY" or "MM/YYYY" as printed on the card (spaces around the slash allowed).
    static ValidationResult<CardExpiry> validateExpiry(QStringView monthSlashYear, QDate today);

    // 3 ASCII digits, 4 for American Express. Returns the CVC itself.
    static ValidationResult<QString> validateCvc(QStringView input, CardBrand brand);

    // True when the digits pass the Luhn (mod 10) check; false for empty or non-digit input.
    static bool luhnValid(QStringView digits);
};

} // namespace bw::core
