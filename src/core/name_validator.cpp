#include "core/name_validator.h"
#include "core/validation_p.h"

#include <QList>

namespace bw::core {

namespace {

constexpr qsizetype kMaxNameCodePoints = 100;

} // namespace

ValidationResult<QString> NameValidator::validate(QStringView input)
{
    using R = ValidationResult<QString>;
    if (input.size() > detail::kMaxInputLength) {
        return R::failure(ValidationCode::InvalidName, ValidationReason::TooLong);
    }
    const QList<char32_t> cps = detail::codePoints(input);
    // Control characters first: a tab or NUL is refused, not silently trimmed or collapsed.
    for (char32_t cp : cps) {
        if (detail::isControlCharacter(cp)) {
            return R::failure(ValidationCode::InvalidName, ValidationReason::InvalidCharacters);
        }
    }
    QString normalized;
    normalized.reserve(input.size());
    bool pendingSpace = false;
    qsizetype count = 0;
    for (char32_t cp : cps) {
        if (QChar::isSpace(cp)) {
            pendingSpace = !normalized.isEmpty();
            continue;
        }
        switch (QChar::category(cp)) {
        case QChar::Number_DecimalDigit:
        case QChar::Number_Letter:
        case QChar::Number_Other:
            return R::failure(ValidationCode::InvalidName, ValidationReason::ContainsDigits);
        default:
            break;
        }
        if (pendingSpace) {
            normalized += QLatin1Char(' ');
            ++count;
            pendingSpace = false;
        }
        if (QChar::requiresSurrogates(cp)) {
            normalized += QChar(QChar::highSurrogate(cp));
            normalized += QChar(QChar::lowSurrogate(cp));
        } else {
            normalized += QChar(char16_t(cp));
        }
        ++count;
    }
    if (count == 0) {
        return R::failure(ValidationCode::InvalidName, ValidationReason::Empty);
    }
    if (count > kMaxNameCodePoints) {
        return R::failure(ValidationCode::InvalidName, ValidationReason::TooLong);
    }
    return R::success(normalized);
}

} // namespace bw::core
