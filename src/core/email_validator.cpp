#include "core/email_validator.h"
#include "core/validation_p.h"

#include <QList>

namespace bw::core {

namespace {

constexpr qsizetype kMaxEmailCodePoints = 254;
constexpr qsizetype kMaxLocalPartCodePoints = 64;

bool isRefused(char32_t ucs4)
{
    if (QChar::isSpace(ucs4)) {
        return true;
    }
    switch (QChar::category(ucs4)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

bool isLabelCharacter(char32_t ucs4)
{
    return (ucs4 >= '0' && ucs4 <= '9') || ucs4 == '-' || QChar::isLetter(ucs4);
}

} // namespace

ValidationResult<EmailAddress> EmailValidator::validate(QStringView input)
{
    using R = ValidationResult<EmailAddress>;
    // 254 code points take at most 508 UTF-16 units; anything longer is too long without a closer look.
    if (input.size() > 2 * kMaxEmailCodePoints) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::TooLong);
    }
    if (input.isEmpty()) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::Empty);
    }
    const QList<char32_t> cps = detail::codePoints(input);
    qsizetype at = -1;
    int atCount = 0;
    for (qsizetype i = 0; i < cps.size(); ++i) {
        if (isRefused(cps[i])) {
            return R::failure(ValidationCode::InvalidEmail, ValidationReason::InvalidCharacters);
        }
        if (cps[i] == '@') {
            ++atCount;
            at = i;
        }
    }
    if (atCount == 0) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::MissingAt);
    }
    if (atCount > 1) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::MultipleAt);
    }
    if (cps.size() > kMaxEmailCodePoints) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::TooLong);
    }
    if (at == 0 || at > kMaxLocalPartCodePoints) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::BadLocalPart);
    }
    // Domain: labels separated by single dots, none empty, at least two labels.
    int dots = 0;
    qsizetype labelLength = 0;
    for (qsizetype i = at + 1; i < cps.size(); ++i) {
        if (cps[i] == '.') {
            if (labelLength == 0) {
                return R::failure(ValidationCode::InvalidEmail, ValidationReason::BadDomain);
            }
            ++dots;
            labelLength = 0;
        } else if (isLabelCharacter(cps[i])) {
            ++labelLength;
        } else {
            return R::failure(ValidationCode::InvalidEmail, ValidationReason::BadDomain);
        }
    }
    if (dots == 0 || labelLength == 0) {
        return R::failure(ValidationCode::InvalidEmail, ValidationReason::BadDomain);
    }
    const qsizetype atIndex = input.indexOf(u'@');
    return R::success(
        EmailAddress{input.left(atIndex).toString(), input.mid(atIndex + 1).toString().toLower()});
}

} // namespace bw::core
