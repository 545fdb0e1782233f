// Expected<T, E>: the outcome of an operation, a value or an error object, for the layers whose errors are
// rich objects with isError() and summary() (bw::gateway::Result<T> = Expected<T, GatewayError>,
// bw::services::ServiceResult<T> = Expected<T, ServiceError>), so that they share one implementation.
// Move-only T (e.g. holding SecretBytes) is fine. (Money and the validators keep their own small result
// types: their errors are plain codes.)
#pragma once

#include <QString>
#include <QtGlobal>

#include <utility>
#include <variant>

namespace bw::core {

template<typename T, typename E>
class [[nodiscard]] Expected
{
public:
    Expected(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Expected(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
        Q_ASSERT(std::get<1>(m_data).isError());
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    // value() on an error is a programming mistake: it stops the program rather than hand out garbage.
    const T &value() const &
    {
        check();
        return std::get<0>(m_data);
    }
    T &value() &
    {
        check();
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        check();
        return std::get<0>(std::move(m_data));
    }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    // The error; a default E (no error) when ok().
    const E &error() const
    {
        static const E none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    void check() const
    {
        if (!ok())
            qFatal("value() called on an error result (%s)", qPrintable(std::get<1>(m_data).summary()));
    }
    std::variant<T, E> m_data;
};

} // namespace bw::core
