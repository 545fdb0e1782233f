// ApiError: the one error type of the gateway stub. Every error the server answers — routing, body,
// signing, validation, business rules, injected faults, bugs — is an ApiError rendered by toJson() into
// the contract's envelope {"error": {"type", "code", "message", "param", ...extra}} (gateway-api.md,
// "Conventions"). Handlers throw it (see gateway_server.h for why exceptions are used inside a handler);
// the dispatcher catches it and renders it, so no other code writes an error body.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace bw::stub {

class ApiError
{
public:
    ApiError(int status, QString type, QString code, QString message, QString param = {});

    int status() const { return m_status; }
    const QString &type() const { return m_type; }
    const QString &code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &param() const { return m_param; }
    const QJsonObject &extra() const { return m_extra; }
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

    // Adds a field inside "error" (attempts_remaining, locked_until, limit, retry_after, ...).
    ApiError &with(const QString &key, const QJsonValue &value);
    // Adds an HTTP header to the answer (Retry-After).
    ApiError &withHeader(const QByteArray &name, const QByteArray &value);

    // The contract envelope. "param" is present only when set.
    QJsonObject toJson() const;

    // --- The contract's statuses and types (gateway-api.md table), one maker each. ---
    // 400 invalid_request_error
    static ApiError invalidJson();
    static ApiError parameterMissing(const QString &param);
    // 404 / 405 / 413 invalid_request_error
    static ApiError resourceMissing(const QString &message = QStringLiteral("No such resource."),
                                    const QString &param = {});
    static ApiError methodNotAllowed();
    static ApiError bodyTooLarge();
    // 409 invalid_request_error (phone_already_registered, enrollment_incomplete, ...)
    static ApiError conflict(const QString &code, const QString &message, const QString &param = {});
    // 422 invalid_request_error: parameter_invalid (wrong type or shape) ...
    static ApiError parameterInvalid(const QString &param, const QString &message);
    // ... and the field-specific input codes (invalid_phone, weak_pin, ...).
    static ApiError invalidField(const QString &code, const QString &param, const QString &message);
    // 401 authentication_error
    static ApiError authentication(const QString &code, const QString &message);
    // 403 authorization_error
    static ApiError authorization(const QString &code, const QString &message);
    // 429 rate_limit_error with Retry-After (header and "retry_after" field)
    static ApiError rateLimited(const QString &code, const QString &message, qint64 retryAfterSeconds);
    // 500 / 503 api_error — never caused by input
    static ApiError internalError();
    static ApiError injectedFault();

private:
    int m_status;
    QString m_type;
    QString m_code;
    QString m_message;
    QString m_param;
    QJsonObject m_extra;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

} // namespace bw::stub
