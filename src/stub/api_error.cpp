#include "stub/api_error.h"

#include <utility>

namespace bw::stub {

namespace {
const QString kInvalidRequest = QStringLiteral("invalid_request_error");
}

ApiError::ApiError(int status, QString type, QString code, QString message, QString param)
    : m_status(status)
    , m_type(std::move(type))
    , m_code(std::move(code))
    , m_message(std::move(message))
    , m_param(std::move(param))
{}

ApiError &ApiError::with(const QString &key, const QJsonValue &value)
{
    m_extra.insert(key, value);
    return *this;
}

ApiError &ApiError::withHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
    return *this;
}

QJsonObject ApiError::toJson() const
{
    QJsonObject error = m_extra;
    error.insert(QStringLiteral("type"), m_type);
    error.insert(QStringLiteral("code"), m_code);
    error.insert(QStringLiteral("message"), m_message);
    if (!m_param.isEmpty())
        error.insert(QStringLiteral("param"), m_param);
    return QJsonObject{{QStringLiteral("error"), error}};
}

ApiError ApiError::invalidJson()
{
    return ApiError(400, kInvalidRequest, QStringLiteral("invalid_json"),
                    QStringLiteral("The body is not a JSON object."));
}

ApiError ApiError::parameterMissing(const QString &param)
{
    return ApiError(400, kInvalidRequest, QStringLiteral("parameter_missing"),
                    QStringLiteral("Missing required parameter: %1.").arg(param), param);
}

ApiError ApiError::resourceMissing(const QString &message, const QString &param)
{
    return ApiError(404, kInvalidRequest, QStringLiteral("resource_missing"), message, param);
}

ApiError ApiError::methodNotAllowed()
{
    return ApiError(405, kInvalidRequest, QStringLiteral("method_not_allowed"),
                    QStringLiteral("This path does not accept that method."));
}

ApiError ApiError::bodyTooLarge()
{
    return ApiError(413, kInvalidRequest, QStringLiteral("body_too_large"),
                    QStringLiteral("The body is larger than 64 KiB."));
}

ApiError ApiError::conflict(const QString &code, const QString &message, const QString &param)
{
    return ApiError(409, kInvalidRequest, code, message, param);
}

ApiError ApiError::parameterInvalid(const QString &param, const QString &message)
{
    return ApiError(422, kInvalidRequest, QStringLiteral("parameter_invalid"), message, param);
}

ApiError ApiError::invalidField(const QString &code, const QString &param, const QString &message)
{
    return ApiError(422, kInvalidRequest, code, message, param);
}

ApiError ApiError::authentication(const QString &code, const QString &message)
{
    return ApiError(401, QStringLiteral("authentication_error"), code, message);
}

ApiError ApiError::authorization(const QString &code, const QString &message)
{
    return ApiError(403, QStringLiteral("authorization_error"), code, message);
}

ApiError ApiError::rateLimited(const QString &code, const QString &message, qint64 retryAfterSeconds)
{
    ApiError error(429, QStringLiteral("rate_limit_error"), code, message);
    error.with(QStringLiteral("retry_after"), retryAfterSeconds);
    error.withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return error;
}

ApiError ApiError::internalError()
{
    return ApiError(500, QStringLiteral("api_error"), QStringLiteral("internal_error"),
                    QStringLiteral("Something went wrong on the server."));
}

ApiError ApiError::injectedFault()
{
    return ApiError(503, QStringLiteral("api_error"), QStringLiteral("injected_fault"),
                    QStringLiteral("Fault injected by --fail-rate; nothing was changed."));
}

} // namespace bw::stub
