// FieldSealer: seals and opens personal values stored in the local database with AES-256-GCM under the
// data key (bw::crypto::sealEnvelope — its envelope format, a fresh random nonce per value). The
// associated data is "table\0column\0rowKey", so a sealed value copied to another row or another column
// fails to open. rowKey is the row's stable natural key (history: payment_id; payment_methods: id;
// payments_in_flight: idempotency key; profile: "1") — it is known before the row is inserted and never
// changes. A value that does not open is an Undecryptable error, never garbage.
#pragma once

#include "crypto/secret_bytes.h"
#include "storage/storage_error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace bw::storage {

class FieldSealer
{
public:
    FieldSealer() = default;
    // Takes the 32-byte data key (wiped when the sealer is destroyed or cleared).
    explicit FieldSealer(crypto::SecretBytes key);
    FieldSealer(FieldSealer &&) noexcept = default;
    FieldSealer &operator=(FieldSealer &&) noexcept = default;

    bool hasKey() const { return !m_key.isEmpty(); }
    void clear() { m_key.clear(); }

    static QByteArray associatedData(QStringView table, QStringView column, QStringView rowKey);

    // Errors: InvalidKey (no 32-byte key), InvalidData (the crypto layer failed, e.g. no random nonce).
    Result<QByteArray> seal(QByteArrayView plaintext, QStringView table, QStringView column,
                            QStringView rowKey) const;
    // Errors: Undecryptable (tampered, moved, wrong key, malformed), InvalidKey.
    Result<crypto::SecretBytes> open(QByteArrayView envelope, QStringView table, QStringView column,
                                     QStringView rowKey) const;

    // Text helpers (UTF-8). A null/empty text seals to a null QByteArray (stored as SQL NULL), and a
    // null/empty envelope opens to an empty QString: "no value" needs no ciphertext.
    Result<QByteArray> sealText(const QString &text, QStringView table, QStringView column,
                                QStringView rowKey) const;
    Result<QString> openText(const QByteArray &envelope, QStringView table, QStringView column,
                             QStringView rowKey) const;

private:
    crypto::SecretBytes m_key;
};

} // namespace bw::storage
