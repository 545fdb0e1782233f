#include "crypto/crypto_error.h"

#include <QCoreApplication>

namespace bw::crypto {

namespace {

struct ErrorText
{
    const char *name;    // stable, untranslated
    const char *message; // translation source text, context "CryptoError"
};

// One entry per error: its name and its message side by side. A switch rather than an array, so the
// compiler (-Wswitch) reports an error code without an entry.
ErrorText errorText(CryptoError error)
{
    switch (error) {
    case CryptoError::RandomFailure:
        return {"crypto.random_failure",
                QT_TRANSLATE_NOOP("CryptoError",
                                  "The system could not provide secure random numbers. "
                                  "Restart the application; if this persists, contact support.")};
    case CryptoError::InternalError:
        return {"crypto.internal_error",
                QT_TRANSLATE_NOOP("CryptoError",
                                  "An internal encryption error occurred. Restart the application; "
                                  "if this persists, contact support.")};
    case CryptoError::InvalidArgument:
        return {"crypto.invalid_argument",
                QT_TRANSLATE_NOOP("CryptoError", "The data given to the encryption routine is invalid.")};
    case CryptoError::InvalidKeyLength:
        return {"crypto.invalid_key_length",
                QT_TRANSLATE_NOOP("CryptoError", "The encryption key has the wrong length.")};
    case CryptoError::InvalidNonceLength:
        //: A nonce is a one-time random value used by the encryption.
        return {"crypto.invalid_nonce_length",
                QT_TRANSLATE_NOOP("CryptoError", "The encryption nonce has the wrong length.")};
    case CryptoError::InvalidTagLength:
        //: The tag is the checksum that proves encrypted data was not changed.
        return {"crypto.invalid_tag_length",
                QT_TRANSLATE_NOOP("CryptoError", "The authentication tag has the wrong length.")};
    case CryptoError::MalformedEnvelope:
        return {"crypto.malformed_envelope",
                QT_TRANSLATE_NOOP("CryptoError", "The encrypted data is damaged or incomplete.")};
    case CryptoError::UnsupportedVersion:
        return {"crypto.unsupported_version",
                QT_TRANSLATE_NOOP("CryptoError", "The data was written by a newer version of BankWallet. "
                                                 "Update the application.")};
    case CryptoError::AuthenticationFailed:
        return {"crypto.authentication_failed",
                QT_TRANSLATE_NOOP("CryptoError",
                                  "The encrypted data could not be verified: it was changed or "
                                  "belongs to a different key.")};
    case CryptoError::InvalidKdfParameters:
        return {"crypto.invalid_kdf_parameters",
                QT_TRANSLATE_NOOP("CryptoError", "The password hashing settings are invalid.")};
    case CryptoError::KdfMemoryLimitExceeded:
        return {
            "crypto.kdf_memory_limit_exceeded",
            QT_TRANSLATE_NOOP("CryptoError", "The password hashing settings need more memory than allowed.")};
    case CryptoError::MalformedPasswordHash:
        return {"crypto.malformed_password_hash",
                QT_TRANSLATE_NOOP("CryptoError", "The stored password record is damaged.")};
    case CryptoError::UnsupportedAlgorithm:
        return {"crypto.unsupported_algorithm",
                QT_TRANSLATE_NOOP("CryptoError",
                                  "The stored record uses an algorithm this version does not support.")};
    case CryptoError::InvalidCharacter:
        return {"crypto.invalid_character",
                QT_TRANSLATE_NOOP("CryptoError", "The text contains a character that is not allowed.")};
    case CryptoError::InvalidEncodingLength:
        return {
            "crypto.invalid_encoding_length",
            QT_TRANSLATE_NOOP("CryptoError", "The text has the wrong length; a character may be missing.")};
    case CryptoError::InvalidPadding:
        return {"crypto.invalid_padding",
                QT_TRANSLATE_NOOP("CryptoError", "The text ends incorrectly; check the last characters.")};
    case CryptoError::InvalidOtpParameters:
        return {"crypto.invalid_otp_parameters",
                QT_TRANSLATE_NOOP("CryptoError", "The one-time code settings are invalid.")};
    case CryptoError::InvalidOtpSecret:
        return {"crypto.invalid_otp_secret",
                QT_TRANSLATE_NOOP("CryptoError", "The authenticator key is too short.")};
    case CryptoError::MalformedOtpCode:
        return {"crypto.malformed_otp_code",
                QT_TRANSLATE_NOOP("CryptoError", "Enter the code exactly as shown, digits only.")};
    case CryptoError::OtpMismatch:
        return {"crypto.otp_mismatch",
                QT_TRANSLATE_NOOP("CryptoError",
                                  "The code is not correct. Check your device's clock and try the "
                                  "current code.")};
    case CryptoError::OtpReplayed:
        return {"crypto.otp_replayed",
                QT_TRANSLATE_NOOP("CryptoError",
                                  "This code was already used. Wait for the next code and enter it.")};
    }
    return {"crypto.unknown", QT_TRANSLATE_NOOP("CryptoError", "Unknown encryption error.")};
}

} // namespace

QString errorCodeName(CryptoError error)
{
    return QString::fromLatin1(errorText(error).name);
}

QString errorMessage(CryptoError error)
{
    return QCoreApplication::translate("CryptoError", errorText(error).message);
}

} // namespace bw::crypto
