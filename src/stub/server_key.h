// ServerKey: the stub's stand-in for a bank HSM. One 32-byte master key, created once with the CSPRNG in
// "<db>.key" (mode 0600) beside the database and never stored in it, from which two subkeys are derived
// (HMAC-SHA256(master, label)): one seals secrets at rest (device secrets, TOTP secrets, document
// numbers: AES-256-GCM envelopes whose associated data names table/column/row), one keys the HMACs that
// stand in for stored secrets (PIN verifiers, OTP codes, document-number lookup hashes).
// Losing the key file makes every sealed value unreadable — as losing an HSM would.
#pragma once

#include "crypto/secret_bytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace bw::stub {

class ServerKey
{
public:
    // Reads keyPath, or creates it (0600) when it does not exist. False with *error on failure (a key file
    // of the wrong size is an error, never silently replaced).
    bool load(const QString &keyPath, QString *error);

    // AES-256-GCM envelope of plaintext bound to "table/column/rowId". Throws ApiError::internalError().
    QByteArray seal(QByteArrayView plaintext, const QString &table, const QString &column,
                    const QString &rowId) const;
    // Opens what seal() made for the same place. Throws ApiError::internalError() (tampered or wrong key).
    crypto::SecretBytes open(QByteArrayView envelope, const QString &table, const QString &column,
                             const QString &rowId) const;

    // HMAC-SHA256(mac subkey, label ‖ 0x00 ‖ data): label separates uses ("pin", "otp", "document").
    QByteArray mac(const QString &label, QByteArrayView data) const;

private:
    crypto::SecretBytes m_sealKey;
    crypto::SecretBytes m_macKey;
};

} // namespace bw::stub
