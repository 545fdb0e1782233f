#pragma once

#include "core/validation.h"

#include <QString>
#include <QStringView>

namespace bw::core {

// A checked phone number in E.164 form.
struct PhoneNumber
{
    QString countryCode;    // calling code digits, e.g. "86"
    QString nationalNumber; // the rest, e.g. "13800138000"

    // "+8613800138000": what the gateway stores and compares.
    QString e164() const { return QLatin1Char('+') + countryCode + nationalNumber; }
    // "+86 138****8000": at least four middle digits of the national number hidden (contract to_masked).
    QString masked() const;
};

// Validates a phone number as the contract's invalid_phone rule says: E.164, at most 15 digits, a known
// country calling code; a +86 number is a mobile (11 digits starting with 1). Accepts spaces and dashes,
// and the international prefix 00 in place of + (e.g. "0086 138 0013 8000").
class PhoneValidator
{
public:
    // defaultCountryCode (digits, e.g. "86"): when given, a number without + or 00 is read as a national
    // number of that country (for a UI with a country picker). The gateway passes none and so requires +/00.
    static ValidationResult<PhoneNumber> validate(QStringView input, QStringView defaultCountryCode = {});

    // The length of the country calling code that starts these digits (1..3), 0 when none is assigned.
    static int countryCodeLength(QStringView digits);

    // The masking rule on its own: keeps at most the first 3 and the last 4 digits, hides the rest, never
    // fewer than 4 (all of a national number of 4 digits or fewer).
    static QString maskNationalNumber(QStringView nationalNumber);
};

} // namespace bw::core
