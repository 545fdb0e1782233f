#include "crypto/crypto_error.h"

#include <QCoreApplication>

namespace bw::crypto {

QString errorCodeName(CryptoError error)
{
    switch (error) {
    case CryptoError::RandomFailure:
        return QStringLiteral("crypto.random_failure");
    case CryptoError::InternalError:
        return QStringLiteral("crypto.internal_error");
    case CryptoError::InvalidArgument:
        return QStringLiteral("crypto.invalid_argument");
    case CryptoError::InvalidKeyLength:
        return QStringLiteral("crypto.invalid_key_length");
    case CryptoError::InvalidNonceLength:
        return QStringLiteral("crypto.invalid_nonce_length");
    case CryptoError::InvalidTagLength:
        return QStringLiteral("crypto.invalid_tag_length");
    case CryptoError::MalformedEnvelope:
        return QStringLiteral("crypto.malformed_envelope");
    case CryptoError::UnsupportedVersion:
        return QStringLiteral("crypto.unsupported_version");
    case CryptoError::AuthenticationFailed:
        return QStringLiteral("crypto.authentication_failed");
    case CryptoError::InvalidKdfParameters:
        return QStringLiteral("crypto.invalid_kdf_parameters");
    case CryptoError::KdfMemoryLimitExceeded:
        return QStringLiteral("crypto.kdf_memory_limit_exceeded");
    case CryptoError::MalformedPasswordHash:
        return QStringLiteral("crypto.malformed_password_hash");
    case CryptoError::UnsupportedAlgorithm:
        return QStringLiteral("crypto.unsupported_algorithm");
    case CryptoError::InvalidCharacter:
        return QStringLiteral("crypto.invalid_character");
    case CryptoError::InvalidEncodingLength:
        return QStringLiteral("crypto.invalid_encoding_length");
    case CryptoError::InvalidPadding:
        return QStringLiteral("crypto.invalid_padding");
    case CryptoError::InvalidOtpParameters:
        return QStringLiteral("crypto.invalid_otp_parameters");
    case CryptoError::InvalidOtpSecret:
        return QStringLiteral("crypto.invalid_otp_secret");
    case CryptoError::MalformedOtpCode:
        return QStringLiteral("crypto.malformed_otp_code");
    case CryptoError::OtpMismatch:
        return QStringLiteral("crypto.otp_mismatch");
    case CryptoError::OtpReplayed:
        return QStringLiteral("crypto.otp_replayed");
    }
    return QStringLiteral("crypto.unknown");
}

QString errorMessage(CryptoError error)
{
    switch (error) {
    case CryptoError::RandomFailure:
        return QCoreApplication::translate("CryptoError",
                                           "The system could not provide secure random numbers. "
                                           "Restart the application; if this persists, contact support.");
    case CryptoError::InternalError:
        return QCoreApplication::translate("CryptoError",
                                           "An internal encryption error occurred. Restart the application; "
                                           "if this persists, contact support.");
    case CryptoError::InvalidArgument:
        return QCoreApplication::translate("CryptoError",
                                           "The data given to the encryption routine is invalid.");
    case CryptoError::InvalidKeyLength:
        return QCoreApplication::translate("CryptoError", "The encryption key has the wrong length.");
    case CryptoError::InvalidNonceLength:
        //: A nonce is a one-time random value used by the encryption.
        return QCoreApplication::translate("CryptoError", "The encryption nonce has the wrong length.");
    case CryptoError::InvalidTagLength:
        //: The tag is the checksum that proves encrypted data was not changed.
        return QCoreApplication::translate("CryptoError", "The authentication tag has the wrong length.");
    case CryptoError::MalformedEnvelope:
        return QCoreApplication::translate("CryptoError", "The encrypted data is damaged or incomplete.");
    case CryptoError::UnsupportedVersion:
        return QCoreApplication::translate("CryptoError",
                                           "The data was written by a newer version of BankWallet. "
                                           "Update the application.");
    case CryptoError::AuthenticationFailed:
        return QCoreApplication::translate("CryptoError",
                                           "The encrypted data could not be verified: it was changed or "
                                           "belongs to a different key.");
    case CryptoError::InvalidKdfParameters:
        return QCoreApplication::translate("CryptoError", "The password hashing settings are invalid.");
    case CryptoError::KdfMemoryLimitExceeded:
        return QCoreApplication::translate("CryptoError",
                                           "The password hashing settings need more memory than allowed.");
    case CryptoError::MalformedPasswordHash:
        return QCoreApplication::translate("CryptoError", "The stored password record is damaged.");
    case CryptoError::UnsupportedAlgorithm:
        return QCoreApplication::translate(
            "CryptoError", "The stored record uses an algorithm this version does not support.");
    case CryptoError::InvalidCharacter:
        return QCoreApplication::translate("CryptoError",
                                           "The text contains a character that is not allowed.");
    case CryptoError::InvalidEncodingLength:
        return QCoreApplication::translate("CryptoError",
                                           "The text has the wrong length; a character may be missing.");
    case CryptoError::InvalidPadding:
        return QCoreApplication::translate("CryptoError",
                                           "The text ends incorrectly; check the last characters.");
    case CryptoError::InvalidOtpParameters:
        return QCoreApplication::translate("CryptoError", "The one-time code settings are invalid.");
    case CryptoError::InvalidOtpSecret:
        return QCoreApplication::translate("CryptoError", "The authenticator key is too short.");
    case CryptoError::MalformedOtpCode:
        return QCoreApplication::translate("CryptoError", "Enter the code exactly as shown, digits only.");
    case CryptoError::OtpMismatch:
        return QCoreApplication::translate("CryptoError",
                                           "The code is not correct. Check your device's clock and try the "
                                           "current code.");
    case CryptoError::OtpReplayed:
        return QCoreApplication::translate(
            "CryptoError", "This code was already used. Wait for the next code and enter it.");
    }
    return QCoreApplication::translate("CryptoError", "Unknown encryption error.");
}

} // namespace bw::crypto
