#include "crypto/secret_bytes.h"

#include "crypto/constant_time.h"

#include <openssl/crypto.h>

#include <cstring>
#include <utility>

namespace bw::crypto {

SecretBytes::SecretBytes(qsizetype size)
{
    if (size > 0) {
        m_data.reset(new char[static_cast<std::size_t>(size)]());
        m_size = size;
    }
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(std::exchange(other.m_size, 0))
{}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::copyOf(QByteArrayView bytes)
{
    SecretBytes secret(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(secret.m_data.get(), bytes.data(), static_cast<std::size_t>(bytes.size()));
    return secret;
}

SecretBytes SecretBytes::takeFrom(QByteArray &source)
{
    SecretBytes secret = copyOf(source);
    secureWipe(source);
    return secret;
}

SecretBytes SecretBytes::clone() const
{
    return copyOf(view());
}

QByteArray SecretBytes::toByteArray() const
{
    return QByteArray(m_data.get(), m_size);
}

void SecretBytes::clear() noexcept
{
    if (m_data && m_size > 0)
        OPENSSL_cleanse(m_data.get(), static_cast<std::size_t>(m_size));
    m_data.reset();
    m_size = 0;
}

bool operator==(const SecretBytes &a, const SecretBytes &b) noexcept
{
    return constantTimeEquals(a.view(), b.view());
}

void secureWipe(QByteArray &bytes) noexcept
{
    if (!bytes.isEmpty()) {
        // data() detaches a shared array, so this wipes the bytes this array owns and no one else's.
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    bytes.clear();
}

void secureWipe(QString &text) noexcept
{
    if (!text.isEmpty())
        OPENSSL_cleanse(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

} // namespace bw::crypto
