#pragma once

#include "core/validation.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace bw::core {

// A checked IBAN in its compact electronic form (upper case, no spaces).
struct Iban
{
    QString compact;

    QString countryCode() const { return compact.left(2); }
    QString last4() const { return compact.right(4); }
    // The paper form: groups of four separated by spaces ("DE89 3704 0044 0532 0130 00").
    QString formatted() const;
};

// A checked domestic bank account number: digits only.
struct BankAccountNumber
{
    QString digits;

    QString last4() const { return digits.right(4); }
};

// Validates IBANs (ISO 13616: registry country and length, ISO 7064 MOD 97-10) and plain account numbers.
class IbanValidator
{
public:
    // Spaces and lower case accepted; surrounding whitespace ignored. Checks, in order: characters, country
    // known, length for the country, check digits 02..98, mod-97 == 1.
    static ValidationResult<Iban> validate(QStringView input);

    // The registry's IBAN length for an ISO 3166 alpha-2 code (upper case), 0 when the country has none.
    static int expectedLength(QStringView countryCode);
    // Every country in the length table, sorted.
    static QStringList supportedCountries();

    // Groups of four, for display of a (possibly partial) compact IBAN.
    static QString format(QStringView compact);

    // A domestic account number: 8 to 30 ASCII digits; spaces allowed between them (invalid_account_number).
    static ValidationResult<BankAccountNumber> validateAccountNumber(QStringView input);
};

} // namespace bw::core
