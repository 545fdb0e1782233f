#include "core/resident_id_validator.h"
#include "core/validation_p.h"

#include <array>

namespace bw::core {

using detail::isAsciiDigit;

namespace {

constexpr qsizetype kIdLength = 18;
// Generous for pasted text with whitespace around it; anything longer is refused unread.
constexpr qsizetype kMaxIdInput = 64;
constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char16_t kCheckCharacters[] = u"10X98765432";

} // namespace

int ResidentId::ageAt(QDate date) const
{
    return ResidentIdValidator::ageAt(birthDate, date);
}

QString ResidentId::masked() const
{
    if (number.size() < 2) {
        return number;
    }
    return number.left(1) + QString(number.size() - 2, QLatin1Char('*')) + number.right(1);
}

QChar ResidentIdValidator::checkCharacter(QStringView first17)
{
    if (first17.size() != 17) {
        return {};
    }
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        if (!isAsciiDigit(first17[i])) {
            return {};
        }
        sum += detail::digitValue(first17[i]) * kWeights[std::size_t(i)];
    }
    return QChar(kCheckCharacters[sum % 11]);
}

int ResidentIdValidator::ageAt(QDate birth, QDate date)
{
    if (!birth.isValid() || !date.isValid() || date < birth) {
        return -1;
    }
    int age = date.year() - birth.year();
    // Comparing (month, day) pairs makes a 29 February birthday count from 1 March in common years.
    if (date.month() < birth.month() || (date.month() == birth.month() && date.day() < birth.day())) {
        --age;
    }
    return age;
}

QDate ResidentIdValidator::parseIsoDate(QStringView text)
{
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-') {
        return {};
    }
    for (qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isAsciiDigit(text[i])) {
            return {};
        }
    }
    // QDate(y, m, d) is invalid for a date that does not exist (2023-02-29, 2024-13-01, 0000-...).
    const int year = detail::asciiNumber(text.mid(0, 4));
    if (year == 0) {
        return {}; // QDate has no year 0; refuse rather than let it mean 1 BC
    }
    return QDate(year, detail::asciiNumber(text.mid(5, 2)), detail::asciiNumber(text.mid(8, 2)));
}

ValidationResult<ResidentId> ResidentIdValidator::validate(QStringView input, QDate today)
{
    using R = ValidationResult<ResidentId>;
    QStringView trimmed;
    if (const auto reason = detail::trimInput(input, kMaxIdInput, &trimmed);
        reason != ValidationReason::None) {
        return R::failure(ValidationCode::InvalidDocumentNumber, reason);
    }
    if (trimmed.size() != kIdLength) {
        return R::failure(ValidationCode::InvalidDocumentNumber, ValidationReason::BadLength);
    }
    QString normalized = trimmed.toString();
    for (qsizetype i = 0; i < 17; ++i) {
        if (!isAsciiDigit(normalized[i])) {
            return R::failure(ValidationCode::InvalidDocumentNumber, ValidationReason::InvalidCharacters);
        }
    }
    if (normalized[17] == u'x') {
        normalized[17] = u'X';
    }
    if (!isAsciiDigit(normalized[17]) && normalized[17] != u'X') {
        return R::failure(ValidationCode::InvalidDocumentNumber, ValidationReason::InvalidCharacters);
    }
    if (checkCharacter(QStringView(normalized).left(17)) != normalized[17]) {
        return R::failure(ValidationCode::InvalidDocumentNumber, ValidationReason::BadChecksum);
    }
    const QStringView view(normalized);
    const QDate birth(detail::asciiNumber(view.mid(6, 4)), detail::asciiNumber(view.mid(10, 2)),
                      detail::asciiNumber(view.mid(12, 2)));
    if (!birth.isValid() || birth.year() == 0) {
        return R::failure(ValidationCode::InvalidDocumentNumber, ValidationReason::BadBirthDate);
    }
    if (!today.isValid() || birth > today) {
        return R::failure(ValidationCode::InvalidDocumentNumber, ValidationReason::FutureBirthDate);
    }
    return R::success(ResidentId{normalized, birth});
}

ValidationResult<ResidentId> ResidentIdValidator::validate(QStringView input, QDate dateOfBirth, QDate today)
{
    auto result = validate(input, today);
    if (!result) {
        return result;
    }
    if (!dateOfBirth.isValid()) {
        return ValidationResult<ResidentId>::failure(ValidationCode::DocumentMismatch,
                                                     ValidationReason::BadBirthDate);
    }
    if (dateOfBirth != result->birthDate) {
        return ValidationResult<ResidentId>::failure(ValidationCode::DocumentMismatch,
                                                     ValidationReason::BirthDateMismatch);
    }
    return result;
}

ValidationResult<ResidentId> ResidentIdValidator::validate(QStringView input, QStringView dateOfBirth,
                                                           QDate today)
{
    return validate(input, parseIsoDate(dateOfBirth), today);
}

} // namespace bw::core
