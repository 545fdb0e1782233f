// Result<T>: either a value or a CryptoError. bw::crypto reports failures with it instead of exceptions
// or bare booleans, so callers must look at the error code.
#pragma once

#include "crypto/crypto_error.h"

#include <QtGlobal>

#include <optional>
#include <utility>

namespace bw::crypto {

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(CryptoError error)
        : m_error(error)
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    // Only meaningful when !ok().
    CryptoError error() const { return m_error; }

    // Calling value() on an error is a programming mistake; it stops the program rather than
    // handing out garbage.
    const T &value() const &
    {
        checkValue();
        return *m_value;
    }
    T &value() &
    {
        checkValue();
        return *m_value;
    }
    T &&value() &&
    {
        checkValue();
        return std::move(*m_value);
    }

private:
    void checkValue() const
    {
        if (!m_value)
            qFatal("bw::crypto::Result::value() called on an error result (%s)",
                   qPrintable(errorCodeName(m_error)));
    }

    std::optional<T> m_value;
    CryptoError m_error = CryptoError::InternalError;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(CryptoError error)
        : m_error(error)
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    CryptoError error() const { return m_error.value_or(CryptoError::InternalError); }

private:
    std::optional<CryptoError> m_error;
};

} // namespace bw::crypto
