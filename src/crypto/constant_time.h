// Constant-time comparison of byte strings (CRYPTO_memcmp), for MACs, tags, hashes and codes, so that
// how long a comparison takes does not tell an attacker how many leading bytes were right.
#pragma once

#include <QByteArrayView>

namespace bw::crypto {

// True when both hold the same bytes. Time depends on the lengths only (lengths are not secret);
// different lengths compare unequal.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b) noexcept;

} // namespace bw::crypto
