#include "core/iban_validator.h"
#include "core/validation_p.h"

#include <algorithm>
#include <array>

namespace bw::core {

using detail::isAsciiDigit;
using detail::isAsciiLower;
using detail::isAsciiUpper;

namespace {

struct CountryLength
{
    char code[3];
    int length;
};

// IBAN lengths from the SWIFT IBAN Registry (ISO 13616), release of 2024: every registry country. Territories
// that use their parent's code (Åland → FI; French overseas departments and territories → FR; Jersey,
// Guernsey, Isle of Man → GB) are covered by that code. Sorted by code for binary search.
constexpr std::array<CountryLength, 89> kLengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
}};

constexpr bool isSorted()
{
    for (std::size_t i = 1; i < kLengths.size(); ++i) {
        const auto &a = kLengths[i - 1];
        const auto &b = kLengths[i];
        if (!(a.code[0] < b.code[0] || (a.code[0] == b.code[0] && a.code[1] < b.code[1]))) {
            return false;
        }
    }
    return true;
}
static_assert(isSorted(), "kLengths must be sorted for binary search");

// The longest IBAN in the registry has 34 characters (ISO 13616's maximum); with spaces well under this.
constexpr qsizetype kMaxIbanInput = 128;

// ISO 7064 MOD 97-10 over the rearranged IBAN (first four characters moved to the end, letters as 10..35),
// one character at a time so no big integer is needed: the running remainder stays below 97.
int mod97(QStringView compact)
{
    int remainder = 0;
    const auto feed = [&remainder](QChar c) {
        if (isAsciiDigit(c)) {
            remainder = (remainder * 10 + detail::digitValue(c)) % 97;
        } else {
            const int value = c.unicode() - u'A' + 10; // two digits, 10..35
            remainder = (remainder * 100 + value) % 97;
        }
    };
    for (qsizetype i = 4; i < compact.size(); ++i) {
        feed(compact[i]);
    }
    for (qsizetype i = 0; i < 4; ++i) {
        feed(compact[i]);
    }
    return remainder;
}

} // namespace

QString Iban::formatted() const
{
    return IbanValidator::format(compact);
}

int IbanValidator::expectedLength(QStringView countryCode)
{
    if (countryCode.size() != 2 || !isAsciiUpper(countryCode[0]) || !isAsciiUpper(countryCode[1])) {
        return 0;
    }
    const char key[2] = {char(countryCode[0].unicode()), char(countryCode[1].unicode())};
    const auto it = std::lower_bound(
        kLengths.begin(), kLengths.end(), key, [](const CountryLength &entry, const char *k) {
            return entry.code[0] < k[0] || (entry.code[0] == k[0] && entry.code[1] < k[1]);
        });
    if (it != kLengths.end() && it->code[0] == key[0] && it->code[1] == key[1]) {
        return it->length;
    }
    return 0;
}

QStringList IbanValidator::supportedCountries()
{
    QStringList result;
    result.reserve(qsizetype(kLengths.size()));
    for (const auto &entry : kLengths) {
        result.append(QString::fromLatin1(entry.code, 2));
    }
    return result;
}

QString IbanValidator::format(QStringView compact)
{
    QString out;
    out.reserve(compact.size() + compact.size() / 4);
    for (qsizetype i = 0; i < compact.size(); ++i) {
        if (i > 0 && i % 4 == 0) {
            out += QLatin1Char(' ');
        }
        out += compact[i];
    }
    return out;
}

ValidationResult<Iban> IbanValidator::validate(QStringView input)
{
    using R = ValidationResult<Iban>;
    QStringView trimmed;
    if (const auto reason = detail::trimInput(input, kMaxIbanInput, &trimmed);
        reason != ValidationReason::None) {
        return R::failure(ValidationCode::InvalidIban, reason);
    }
    QString compact;
    compact.reserve(trimmed.size());
    for (QChar c : trimmed) {
        if (c == u' ') {
            continue;
        }
        if (isAsciiDigit(c) || isAsciiUpper(c)) {
            compact += c;
        } else if (isAsciiLower(c)) {
            compact += QChar(c.unicode() - (u'a' - u'A'));
        } else {
            return R::failure(ValidationCode::InvalidIban, ValidationReason::InvalidCharacters);
        }
    }
    if (compact.size() < 4) {
        return R::failure(ValidationCode::InvalidIban, ValidationReason::TooShort);
    }
    if (!isAsciiUpper(compact[0]) || !isAsciiUpper(compact[1])) {
        return R::failure(ValidationCode::InvalidIban, ValidationReason::UnknownCountry);
    }
    const int length = expectedLength(QStringView(compact).left(2));
    if (length == 0) {
        return R::failure(ValidationCode::InvalidIban, ValidationReason::UnknownCountry);
    }
    if (compact.size() != length) {
        return R::failure(ValidationCode::InvalidIban, ValidationReason::BadLength);
    }
    if (!isAsciiDigit(compact[2]) || !isAsciiDigit(compact[3])) {
        return R::failure(ValidationCode::InvalidIban, ValidationReason::BadChecksum);
    }
    // ISO 7064 check digits are 02..98; 00, 01 and 99 can pass the mod-97 test (they are congruent to
    // 97, 98 and 2) but are never issued.
    const int checkDigits = detail::digitValue(compact[2]) * 10 + detail::digitValue(compact[3]);
    if (checkDigits < 2 || checkDigits > 98 || mod97(compact) != 1) {
        return R::failure(ValidationCode::InvalidIban, ValidationReason::BadChecksum);
    }
    return R::success(Iban{compact});
}

ValidationResult<BankAccountNumber> IbanValidator::validateAccountNumber(QStringView input)
{
    using R = ValidationResult<BankAccountNumber>;
    QStringView trimmed;
    if (const auto reason = detail::trimInput(input, kMaxIbanInput, &trimmed);
        reason != ValidationReason::None) {
        return R::failure(ValidationCode::InvalidAccountNumber, reason);
    }
    QString digits;
    if (!detail::collectDigits(trimmed, u" ", &digits)) {
        return R::failure(ValidationCode::InvalidAccountNumber, ValidationReason::InvalidCharacters);
    }
    if (digits.size() < 8) {
        return R::failure(ValidationCode::InvalidAccountNumber, ValidationReason::TooShort);
    }
    if (digits.size() > 30) {
        return R::failure(ValidationCode::InvalidAccountNumber, ValidationReason::TooLong);
    }
    return R::success(BankAccountNumber{digits});
}

} // namespace bw::core
