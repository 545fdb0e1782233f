#pragma once

#include "core/validation.h"

#include <QString>
#include <QStringView>

namespace bw::core {

// The wallet password rule of the contract (weak_password), shared by the app and the gateway stub:
// - no control characters (Unicode category Cc: NUL, tab, line breaks, escape, DEL, C1 controls) and no
//   lone surrogates (InvalidCharacters). Nobody types them on purpose, and they would make different
//   passwords verify alike: the password is the HMAC key of scrypt and PBKDF2, and HMAC pads a short key
//   with zero bytes, so "pw" and "pw\0" derive the same hash; a lone surrogate becomes U+FFFD in UTF-8;
// - 8 to 128 characters (code points) after NFKC normalization;
// - not on the shipped list of common passwords (resources/policy/common_passwords.txt, 30,000 entries),
//   compared case-insensitively (case folding) after NFKC;
// - no run of 7 or more consecutive digits of the phone's national number (NFKC turns full-width digits
//   into ASCII ones first, so they do not slip through);
// - does not contain the full name, compared case-insensitively with all whitespace removed from both the
//   name and the password (an empty name is ignored).
// Checked in that order; the first failure is the reason.
class PasswordPolicy
{
public:
    // phone: as typed or E.164; its national number is taken from PhoneValidator when it is valid, else all
    // its ASCII digits are used. fullName: as typed. Returns the NFKC-normalized password, which is what
    // the gateway hashes.
    static ValidationResult<QString> check(QStringView password, QStringView phone = {},
                                           QStringView fullName = {});

    static QString normalize(QStringView password);

    // True when the password (any case, any Unicode form) is on the common list.
    static bool isCommon(QStringView password);
    // Entries loaded from the compiled-in list (0 would mean the resource is missing from the build).
    static qsizetype commonPasswordCount();

    static constexpr qsizetype kMinLength = 8;
    static constexpr qsizetype kMaxLength = 128;
    static constexpr qsizetype kPhoneDigitRun = 7;
};

} // namespace bw::core
