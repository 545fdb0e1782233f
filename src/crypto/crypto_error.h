// CryptoError: the stable error codes every bw::crypto function reports, with their stable string
// names (for logs and tests) and translated messages (for people).
#pragma once

#include <QString>

namespace bw::crypto {

enum class CryptoError {
    RandomFailure,          // the OS random generator did not deliver bytes
    InternalError,          // OpenSSL failed where it should not (out of memory, broken provider)
    InvalidArgument,        // a length or count outside what the function accepts
    InvalidKeyLength,       // an AES-256 key that is not 32 bytes
    InvalidNonceLength,     // a GCM nonce that is not 12 bytes
    InvalidTagLength,       // a GCM tag that is not 16 bytes
    MalformedEnvelope,      // sealed data too short to hold version, nonce and tag
    UnsupportedVersion,     // sealed data or a hash record of a version this build does not know
    AuthenticationFailed,   // wrong key, or ciphertext, nonce, tag or associated data changed
    InvalidKdfParameters,   // scrypt/PBKDF2 parameters outside the allowed range
    KdfMemoryLimitExceeded, // scrypt parameters needing more memory than allowed
    MalformedPasswordHash,  // a stored password hash record that cannot be parsed
    UnsupportedAlgorithm,   // a record naming an algorithm this build does not know
    InvalidCharacter,       // a base32/base64 text with a character outside its alphabet
    InvalidEncodingLength,  // a base32/base64 text whose length cannot be a valid encoding
    InvalidPadding,         // misplaced or wrong '=' padding, or non-zero unused trailing bits
    InvalidOtpParameters,   // OTP digits outside 6..8, period not positive, time before T0
    InvalidOtpSecret,       // an OTP secret shorter than 128 bits
    MalformedOtpCode,       // a code that is not exactly the expected number of ASCII digits
    OtpMismatch,            // a well-formed code that is wrong for every step in the window
    OtpReplayed,            // a code that is right but for a step already used
};

// Stable, untranslated name, e.g. "crypto.authentication_failed". Safe to log and to compare in tests.
QString errorCodeName(CryptoError error);

// Translated text saying what went wrong, for people.
QString errorMessage(CryptoError error);

} // namespace bw::crypto
