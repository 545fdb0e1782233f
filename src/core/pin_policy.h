#pragma once

#include "core/validation.h"

#include <QDate>
#include <QString>
#include <QStringView>

namespace bw::core {

// The payment PIN rule of the contract (weak_pin), shared by the app and the gateway stub:
// - exactly 6 ASCII digits (full-width digits, spaces and anything else refused: NotSixDigits);
// - not all the same digit (AllSame);
// - not an ascending or descending run, each digit one more (or less) than the one before, counted modulo 10
//   so that runs through 9→0 such as 789012 and 210987 are refused too: on a keypad they are as easy to guess
//   as 123456 (Sequential; 20 PINs in all);
// - when the birth date is known, not that date as YYMMDD, DDMMYY or MMDDYY (BirthDate).
class PinPolicy
{
public:
    // Returns the PIN itself when it passes.
    static ValidationResult<QString> check(QStringView pin, QDate birthDate = {});
};

} // namespace bw::core
