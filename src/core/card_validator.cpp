#include "core/card_validator.h"
#include "core/validation_p.h"

#include <QCoreApplication>

namespace bw::core {

using detail::isAsciiDigit;

namespace {

// No card number has more than 19 digits; with separators a typed one stays well under this.
constexpr qsizetype kMaxCardInput = 64;
// How far ahead an expiry year may be; cards are issued for at most a few years, and a far year is a typo.
constexpr int kMaxYearsAhead = 50;

bool lengthAllowed(CardBrand brand, qsizetype length)
{
    switch (brand) {
    case CardBrand::Visa:
        return length == 13 || length == 16 || length == 19;
    case CardBrand::Mastercard:
        return length == 16;
    case CardBrand::UnionPay:
    case CardBrand::Jcb:
        return length >= 16 && length <= 19;
    case CardBrand::Amex:
        return length == 15;
    }
    return false;
}

// Parses 1 or 2 ASCII digits (month) or 2 or 4 (year) after trimming; -1 when not a number of that shape.
int parseSmallNumber(QStringView text, qsizetype minDigits, qsizetype maxDigits)
{
    const QStringView t = text.trimmed();
    if (t.size() < minDigits || t.size() > maxDigits) {
        return -1;
    }
    for (QChar c : t) {
        if (!isAsciiDigit(c)) {
            return -1;
        }
    }
    return detail::asciiNumber(t);
}

} // namespace

QString cardBrandCode(CardBrand brand)
{
    switch (brand) {
    case CardBrand::Visa:
        return QStringLiteral("visa");
    case CardBrand::Mastercard:
        return QStringLiteral("mastercard");
    case CardBrand::UnionPay:
        return QStringLiteral("unionpay");
    case CardBrand::Amex:
        return QStringLiteral("amex");
    case CardBrand::Jcb:
        return QStringLiteral("jcb");
    }
    return {};
}

QString cardBrandDisplayName(CardBrand brand)
{
    switch (brand) {
    case CardBrand::Visa:
        return QCoreApplication::translate("bw::core::Validation", "Visa");
    case CardBrand::Mastercard:
        return QCoreApplication::translate("bw::core::Validation", "Mastercard");
    case CardBrand::UnionPay:
        //: Card brand; the Chinese name is 银联.
        return QCoreApplication::translate("bw::core::Validation", "UnionPay");
    case CardBrand::Amex:
        return QCoreApplication::translate("bw::core::Validation", "American Express");
    case CardBrand::Jcb:
        return QCoreApplication::translate("bw::core::Validation", "JCB");
    }
    return {};
}

QString CardNumber::grouped() const
{
    QString out;
    out.reserve(digits.size() + 5);
    if (brand == CardBrand::Amex && digits.size() == 15) {
        out = digits.left(4) + QLatin1Char(' ') + digits.mid(4, 6) + QLatin1Char(' ') + digits.mid(10);
        return out;
    }
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && i % 4 == 0) {
            out += QLatin1Char(' ');
        }
        out += digits[i];
    }
    return out;
}

QString CardNumber::masked() const
{
    return QStringLiteral("•••• ") + last4();
}

bool CardValidator::luhnValid(QStringView digits)
{
    if (digits.isEmpty()) {
        return false;
    }
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        if (!isAsciiDigit(digits[i])) {
            return false;
        }
        int d = detail::digitValue(digits[i]);
        if (doubleIt) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

std::optional<CardBrand> CardValidator::detectBrand(QStringView digits)
{
    for (QChar c : digits) {
        if (!isAsciiDigit(c)) {
            return std::nullopt;
        }
    }
    const qsizetype n = digits.size();
    if (n >= 1 && digits[0] == u'4') {
        return CardBrand::Visa;
    }
    if (n >= 2) {
        const int p2 = detail::asciiNumber(digits.left(2));
        if (p2 >= 51 && p2 <= 55) {
            return CardBrand::Mastercard;
        }
        if (p2 == 62) {
            return CardBrand::UnionPay;
        }
        if (p2 == 34 || p2 == 37) {
            return CardBrand::Amex;
        }
    }
    if (n >= 4) {
        const int p4 = detail::asciiNumber(digits.left(4));
        if (p4 >= 2221 && p4 <= 2720) {
            return CardBrand::Mastercard;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return CardBrand::Jcb;
        }
    }
    return std::nullopt;
}

ValidationResult<CardNumber> CardValidator::validateNumber(QStringView input)
{
    using R = ValidationResult<CardNumber>;
    QStringView trimmed;
    if (const auto reason = detail::trimInput(input, kMaxCardInput, &trimmed);
        reason != ValidationReason::None) {
        return R::failure(ValidationCode::InvalidCardNumber, reason);
    }
    QString digits;
    if (!detail::collectDigits(trimmed, u" -", &digits) || digits.isEmpty()) {
        return R::failure(ValidationCode::InvalidCardNumber, ValidationReason::InvalidCharacters);
    }
    const std::optional<CardBrand> brand = detectBrand(digits);
    if (brand) {
        if (!lengthAllowed(*brand, digits.size())) {
            return R::failure(ValidationCode::InvalidCardNumber, ValidationReason::BadLength);
        }
    } else if (digits.size() < 12 || digits.size() > 19) {
        // ISO/IEC 7812 primary account numbers have 8 to 19 digits; payment cards have at least 12.
        return R::failure(ValidationCode::InvalidCardNumber, ValidationReason::BadLength);
    }
    if (!luhnValid(digits)) {
        return R::failure(ValidationCode::InvalidCardNumber, ValidationReason::BadLuhn);
    }
    if (!brand) {
        return R::failure(ValidationCode::UnsupportedBrand, ValidationReason::UnknownBrand);
    }
    return R::success(CardNumber{digits, *brand});
}

ValidationResult<CardExpiry> CardValidator::validateExpiry(int month, int year, QDate today)
{
    using R = ValidationResult<CardExpiry>;
    if (month < 1 || month > 12) {
        return R::failure(ValidationCode::InvalidExpiryMonth, ValidationReason::BadMonth);
    }
    if (year >= 0 && year <= 99) {
        year += 2000;
    } else if (year < 1000 || year > 9999) {
        return R::failure(ValidationCode::InvalidExpiryYear, ValidationReason::BadYear);
    }
    if (!today.isValid()) {
        // No trustworthy "today": refuse rather than accept a card that may have expired.
        return R::failure(ValidationCode::CardExpired, ValidationReason::Expired);
    }
    if (year > today.year() + kMaxYearsAhead) {
        return R::failure(ValidationCode::InvalidExpiryYear, ValidationReason::BadYear);
    }
    // Valid through the last day of the expiry month.
    if (year < today.year() || (year == today.year() && month < today.month())) {
        return R::failure(ValidationCode::CardExpired, ValidationReason::Expired);
    }
    return R::success(CardExpiry{month, year});
}

ValidationResult<CardExpiry> CardValidator::validateExpiry(QStringView month, QStringView year, QDate today)
{
    using R = ValidationResult<CardExpiry>;
    if (month.size() > kMaxCardInput || year.size() > kMaxCardInput) {
        return R::failure(ValidationCode::InvalidExpiryMonth, ValidationReason::TooLong);
    }
    const int m = parseSmallNumber(month, 1, 2);
    if (m < 0) {
        return R::failure(ValidationCode::InvalidExpiryMonth, ValidationReason::BadMonth);
    }
    const QStringView y = year.trimmed();
    if (y.size() != 2 && y.size() != 4) {
        return R::failure(ValidationCode::InvalidExpiryYear, ValidationReason::BadYear);
    }
    const int yv = parseSmallNumber(y, 2, 4);
    if (yv < 0) {
        return R::failure(ValidationCode::InvalidExpiryYear, ValidationReason::BadYear);
    }
    // A four-digit year like "0028" must not be read as 2028.
    return validateExpiry(m, y.size() == 4 && yv < 1000 ? -1 : yv, today);
}

ValidationResult<CardExpiry> CardValidator::validateExpiry(QStringView monthSlashYear, QDate today)
{
    using R = ValidationResult<CardExpiry>;
    if (monthSlashYear.size() > kMaxCardInput) {
        return R::failure(ValidationCode::InvalidExpiryMonth, ValidationReason::TooLong);
    }
    const qsizetype slash = monthSlashYear.indexOf(u'/');
    if (slash < 0 || monthSlashYear.indexOf(u'/', slash + 1) >= 0) {
        return R::failure(ValidationCode::InvalidExpiryMonth, ValidationReason::BadMonth);
    }
    return validateExpiry(monthSlashYear.left(slash), monthSlashYear.mid(slash + 1), today);
}

ValidationResult<QString> CardValidator::validateCvc(QStringView input, CardBrand brand)
{
    using R = ValidationResult<QString>;
    QStringView t;
    if (const auto reason = detail::trimInput(input, kMaxCardInput, &t); reason != ValidationReason::None) {
        return R::failure(ValidationCode::InvalidCvc, reason);
    }
    for (QChar c : t) {
        if (!isAsciiDigit(c)) {
            return R::failure(ValidationCode::InvalidCvc, ValidationReason::InvalidCharacters);
        }
    }
    const qsizetype expected = brand == CardBrand::Amex ? 4 : 3;
    if (t.size() != expected) {
        return R::failure(ValidationCode::InvalidCvc, ValidationReason::BadLength);
    }
    return R::success(t.toString());
}

} // namespace bw::core
