// SecretBytes: a fixed-size buffer for keys, secrets and decrypted data that is wiped with
// OPENSSL_cleanse when it is destroyed, cleared or assigned over. It never grows (growing would leave an
// unwiped copy behind), it cannot be copied by accident (clone() is explicit), and == compares in
// constant time.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <memory>

namespace bw::crypto {

class SecretBytes
{
public:
    SecretBytes() noexcept = default;
    // size zero-filled bytes (negative sizes give an empty buffer).
    explicit SecretBytes(qsizetype size);
    ~SecretBytes();

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    // Copies bytes. The source still holds its own copy, which the caller must wipe (secureWipe()).
    static SecretBytes copyOf(QByteArrayView bytes);
    // Copies source, then wipes it with secureWipe(source): the usual way to take a secret a Qt API
    // handed back in a QByteArray.
    static SecretBytes takeFrom(QByteArray &source);

    // An explicit copy; both copies wipe themselves.
    SecretBytes clone() const;

    qsizetype size() const noexcept { return m_size; }
    bool isEmpty() const noexcept { return m_size == 0; }
    const char *constData() const noexcept { return m_data.get(); }
    const char *data() const noexcept { return m_data.get(); }
    char *data() noexcept { return m_data.get(); }

    // A non-owning view for the bw::crypto functions; valid while this object lives and is unchanged.
    QByteArrayView view() const noexcept { return QByteArrayView(m_data.get(), m_size); }

    // A QByteArray copy, for Qt APIs that need one. The copy is NOT wiped automatically: the caller must
    // call secureWipe() on it when done.
    QByteArray toByteArray() const;

    // Wipes and releases the bytes; the object becomes empty.
    void clear() noexcept;

    // Constant time in the content (only the lengths, which are not secret, decide early).
    friend bool operator==(const SecretBytes &a, const SecretBytes &b) noexcept;

private:
    std::unique_ptr<char[]> m_data;
    qsizetype m_size = 0;
};

// Overwrites the bytes a QByteArray holds with zeros (OPENSSL_cleanse), then clears it. If the array
// shares its data with other QByteArray copies, only this array's bytes are wiped: keep secrets in a
// single QByteArray and do not copy it.
void secureWipe(QByteArray &bytes) noexcept;
// The same for a QString, e.g. a password taken from a line edit.
void secureWipe(QString &text) noexcept;

} // namespace bw::crypto
