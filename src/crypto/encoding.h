// Text encodings of binary data (RFC 4648): base32 for authenticator keys, standard base64 for the
// gateway's secrets and signatures, base64url for nonces and identifiers in URLs and headers.
// Decoders are strict (typed errors, canonical encodings only) except where people type: base32 also
// accepts lower case and spaces, as authenticator apps show keys in groups like "JBSW Y3DP".
#pragma once

#include "crypto/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace bw::crypto {

enum class Padding { With, Without };

// RFC 4648 §6 alphabet A–Z2–7, upper case.
QString base32Encode(QByteArrayView data, Padding padding = Padding::With);
// Accepts upper and lower case, ignores ASCII spaces, and accepts the text with correct '=' padding or
// with none. Errors: InvalidCharacter (outside the alphabet, including 0/1/8/9, non-ASCII, NUL),
// InvalidEncodingLength (a length no encoding has, e.g. 1, 3 or 6 characters in the last group),
// InvalidPadding (wrong amount or misplaced '=', or non-zero unused bits in the last character).
Result<QByteArray> base32Decode(QStringView text);

// RFC 4648 §4 standard base64 with '=' padding.
QString base64Encode(QByteArrayView data);
// Strict: padding required, no whitespace. Errors as for base32Decode.
Result<QByteArray> base64Decode(QStringView text);
Result<QByteArray> base64Decode(QByteArrayView text);

// RFC 4648 §5 base64url ('-' and '_'), never padded.
QString base64UrlEncode(QByteArrayView data);
// Strict: no padding ('=' is InvalidPadding), no whitespace.
Result<QByteArray> base64UrlDecode(QStringView text);
Result<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace bw::crypto
