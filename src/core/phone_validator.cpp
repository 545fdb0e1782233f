#include "core/phone_validator.h"
#include "core/validation_p.h"

#include <algorithm>
#include <array>

namespace bw::core {

using detail::isAsciiDigit;

namespace {

constexpr qsizetype kMaxPhoneInput = 64;
constexpr qsizetype kMaxE164Digits = 15;
// The shortest national numbers in use (Niue, +683) have 4 digits.
constexpr qsizetype kMinNationalDigits = 4;

// ITU-T E.164 country calling codes assigned to countries and territories (geographic codes; the global
// services such as 800, 808, 870, 881–883, 888 and 979 are left out: no SMS reaches a wallet through them).
// The set is prefix-free, so the code at the start of a number is unique.
constexpr std::array<int, 2> kOneDigit{1, 7};
constexpr std::array<int, 44> kTwoDigit{20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46,
                                        47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63,
                                        64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98};
constexpr std::array kThreeDigit{
    211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235,
    236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256,
    257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298, 299, 350, 351, 352, 353,
    354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 385,
    386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 590, 591, 592, 593, 594,
    595, 596, 597, 598, 599, 670, 672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687,
    688, 689, 690, 691, 692, 850, 852, 853, 855, 856, 880, 886, 960, 961, 962, 963, 964, 965, 966, 967, 968,
    970, 971, 972, 973, 974, 975, 976, 977, 992, 993, 994, 995, 996, 998};

static_assert(std::is_sorted(kOneDigit.begin(), kOneDigit.end()));
static_assert(std::is_sorted(kTwoDigit.begin(), kTwoDigit.end()));
static_assert(std::is_sorted(kThreeDigit.begin(), kThreeDigit.end()));

template<std::size_t N>
bool contains(const std::array<int, N> &codes, int value)
{
    return std::binary_search(codes.begin(), codes.end(), value);
}

} // namespace

int PhoneValidator::countryCodeLength(QStringView digits)
{
    for (QChar c : digits.left(3)) {
        if (!isAsciiDigit(c)) {
            return 0;
        }
    }
    if (digits.size() >= 1 && contains(kOneDigit, detail::asciiNumber(digits.left(1)))) {
        return 1;
    }
    if (digits.size() >= 2 && contains(kTwoDigit, detail::asciiNumber(digits.left(2)))) {
        return 2;
    }
    if (digits.size() >= 3 && contains(kThreeDigit, detail::asciiNumber(digits.left(3)))) {
        return 3;
    }
    return 0;
}

QString PhoneValidator::maskNationalNumber(QStringView nationalNumber)
{
    const qsizetype n = nationalNumber.size();
    const qsizetype hidden = std::min(n, std::max<qsizetype>(4, n - 7));
    const qsizetype shown = n - hidden;
    const qsizetype head = std::min<qsizetype>(3, shown / 2);
    const qsizetype tail = shown - head;
    return nationalNumber.left(head).toString() + QString(hidden, QLatin1Char('*')) +
           nationalNumber.right(tail).toString();
}

QString PhoneNumber::masked() const
{
    return QLatin1Char('+') + countryCode + QLatin1Char(' ') +
           PhoneValidator::maskNationalNumber(nationalNumber);
}

ValidationResult<PhoneNumber> PhoneValidator::validate(QStringView input, QStringView defaultCountryCode)
{
    using R = ValidationResult<PhoneNumber>;
    QStringView trimmed;
    if (const auto reason = detail::trimInput(input, kMaxPhoneInput, &trimmed);
        reason != ValidationReason::None) {
        return R::failure(ValidationCode::InvalidPhone, reason);
    }
    // A '+' is allowed only in front.
    const bool plus = trimmed.startsWith(u'+');
    QString digits;
    if (!detail::collectDigits(plus ? trimmed.mid(1) : trimmed, u" -", &digits) || digits.isEmpty()) {
        return R::failure(ValidationCode::InvalidPhone, ValidationReason::InvalidCharacters);
    }
    if (!plus) {
        if (digits.startsWith(QLatin1StringView("00"))) {
            digits.remove(0, 2); // the international prefix, as in 0086
        } else if (!defaultCountryCode.isEmpty() && countryCodeLength(defaultCountryCode) > 0 &&
                   countryCodeLength(defaultCountryCode) == defaultCountryCode.size()) {
            // A national number typed in a country's own format: drop its one trunk 0 (e.g. UK "07…").
            if (digits.startsWith(QLatin1Char('0'))) {
                digits.remove(0, 1);
            }
            digits.prepend(defaultCountryCode.toString());
        } else {
            return R::failure(ValidationCode::InvalidPhone, ValidationReason::MissingCountryCode);
        }
    }
    if (digits.size() > kMaxE164Digits) {
        return R::failure(ValidationCode::InvalidPhone, ValidationReason::TooLong);
    }
    const int ccLength = countryCodeLength(digits);
    if (ccLength == 0) {
        return R::failure(ValidationCode::InvalidPhone, digits.size() < 3
                                                            ? ValidationReason::TooShort
                                                            : ValidationReason::UnknownCountryCode);
    }
    PhoneNumber phone{digits.left(ccLength), digits.mid(ccLength)};
    if (phone.countryCode == QLatin1StringView("86")) {
        if (phone.nationalNumber.size() != 11 || phone.nationalNumber[0] != u'1') {
            return R::failure(ValidationCode::InvalidPhone, ValidationReason::NotMobile);
        }
    } else if (phone.nationalNumber.size() < kMinNationalDigits) {
        return R::failure(ValidationCode::InvalidPhone, ValidationReason::TooShort);
    }
    return R::success(phone);
}

} // namespace bw::core
