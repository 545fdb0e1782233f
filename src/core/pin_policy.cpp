#include "core/pin_policy.h"
#include "core/validation_p.h"

namespace bw::core {

namespace {

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(qAbs(value) % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

ValidationResult<QString> PinPolicy::check(QStringView pin, QDate birthDate)
{
    using R = ValidationResult<QString>;
    if (pin.size() != 6) {
        return R::failure(ValidationCode::WeakPin, ValidationReason::NotSixDigits);
    }
    for (QChar c : pin) {
        if (!detail::isAsciiDigit(c)) {
            return R::failure(ValidationCode::WeakPin, ValidationReason::NotSixDigits);
        }
    }
    bool allSame = true;
    bool ascending = true;
    bool descending = true;
    for (qsizetype i = 1; i < 6; ++i) {
        const int previous = detail::digitValue(pin[i - 1]);
        const int current = detail::digitValue(pin[i]);
        allSame = allSame && current == previous;
        ascending = ascending && current == (previous + 1) % 10;
        descending = descending && current == (previous + 9) % 10;
    }
    if (allSame) {
        return R::failure(ValidationCode::WeakPin, ValidationReason::AllSame);
    }
    if (ascending || descending) {
        return R::failure(ValidationCode::WeakPin, ValidationReason::Sequential);
    }
    if (birthDate.isValid()) {
        const QString yy = twoDigits(birthDate.year());
        const QString mm = twoDigits(birthDate.month());
        const QString dd = twoDigits(birthDate.day());
        for (const QString &form : {yy + mm + dd, dd + mm + yy, mm + dd + yy}) {
            if (pin == form) {
                return R::failure(ValidationCode::WeakPin, ValidationReason::BirthDate);
            }
        }
    }
    return R::success(pin.toString());
}

} // namespace bw::core
