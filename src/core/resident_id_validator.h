#pragma once

#include "core/validation.h"

#include <QChar>
#include <QDate>
#include <QString>
#include <QStringView>

namespace bw::core {

// A checked Chinese resident identity number (GB 11643-1999), normalized to upper-case X.
struct ResidentId
{
    QString number;  // 18 characters
    QDate birthDate; // from positions 7..14

    QString regionCode() const { return number.left(6); }
    // Odd sequence digit (position 17) means male, by the standard. False for a default-constructed value
    // (no number), rather than reading past its end.
    bool isMale() const { return number.size() > 16 && (number.at(16).unicode() - u'0') % 2 == 1; }
    int ageAt(QDate date) const;
    // For display: only the first and last character shown ("1****************X"), so the birth date and
    // region are not revealed.
    QString masked() const;
};

// Validates a mainland China resident identity number; code invalid_document_number (document_mismatch for
// the separate date-of-birth check). Order as in the contract's identity step: format and checksum, then the
// date inside the number, then the given date of birth.
class ResidentIdValidator
{
public:
    // Surrounding whitespace ignored; lower-case x accepted.
    static ValidationResult<ResidentId> validate(QStringView input, QDate today);

    // As validate(), then the given date of birth ("YYYY-MM-DD") must be a real date equal to the number's
    // date, otherwise document_mismatch (BadBirthDate or BirthDateMismatch).
    static ValidationResult<ResidentId> validate(QStringView input, QStringView dateOfBirth, QDate today);
    static ValidationResult<ResidentId> validate(QStringView input, QDate dateOfBirth, QDate today);

    // The GB 11643 check character for the first 17 digits; QChar() when they are not 17 ASCII digits.
    static QChar checkCharacter(QStringView first17);

    // Full years from birth to date (a 29 February birthday counts on 1 March in common years); -1 when
    // date is before birth or either is invalid.
    static int ageAt(QDate birth, QDate date);

    // Strict "YYYY-MM-DD" (exactly 10 ASCII characters); an invalid QDate otherwise.
    static QDate parseIsoDate(QStringView text);
};

} // namespace bw::core
