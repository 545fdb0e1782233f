#pragma once

#include "core/validation.h"

#include <QString>
#include <QStringView>

namespace bw::core {

// Validates a person's full name as the contract's invalid_name rule says: 1 to 100 characters after
// trimming, no control characters and no digits.
// - Characters are code points, so a 100-character Chinese or emoji-bearing name is measured as people see
// it.
// - Whitespace around the name is trimmed and every run of whitespace inside (tabs excepted: they are
//   control characters) becomes one space, so "张  三" and "张　三" (ideographic space) normalize alike.
// - Control characters: Cc, lone surrogates, unassigned code points and invisible format characters (Cf:
//   bidirectional marks and overrides, zero-width space, soft hyphen, BOM, ...; detail::isControlCharacter).
//   ZWJ/ZWNJ are kept, some scripts need them.
// - Digits: every Unicode number (Nd, Nl, No), so full-width "１" and "①" are refused like "1".
class NameValidator
{
public:
    // Returns the normalized name.
    static ValidationResult<QString> validate(QStringView input);
};

} // namespace bw::core
