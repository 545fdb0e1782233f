// Request and Response: what a route handler sees and returns. The dispatcher (GatewayServer) copies
// everything out of Qt's QHttpServerRequest into a Request, so a handler never touches Qt HttpServer
// types and an answer can be written later (latency injection) without the Qt request object.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace bw::stub {

struct Request
{
    QByteArray method;        // upper case: "GET", "POST", ...
    QString path;             // percent-encoded path, e.g. "/v1/enrollments/enr_x/otp/verify"
    QByteArray pathWithQuery; // the path and query as signed (see RequestAuth)
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    // The body parsed as a JSON object: {} for an empty body. The dispatcher answers invalid_json for a
    // body that is not a JSON object before the handler runs (for every method but GET/HEAD).
    QJsonObject json;
    // Values of the {name} segments of the matched pattern, percent-decoded.
    QHash<QString, QString> pathParams;
    // Set by the auth wrapper: the signing device (Signed and Authenticated routes) and its wallet; the
    // session (Authenticated routes only).
    QString deviceId;
    QString walletId;
    QString sessionId;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QString param(const QString &name) const { return pathParams.value(name); }
};

struct Response
{
    int status = 200;
    std::optional<QJsonObject> json; // no body when empty (204)
    QList<QPair<QByteArray, QByteArray>> headers;
    // The body as JSON text, when a handler wrote or needed the bytes itself: written as it is (then
    // `json` may be empty) instead of serializing the object (again).
    QByteArray body;

    static Response ok(const QJsonObject &body) { return {200, body, {}, {}}; }
    static Response created(const QJsonObject &body) { return {201, body, {}, {}}; }
    static Response accepted(const QJsonObject &body = {}) { return {202, body, {}, {}}; }
    static Response noContent() { return {204, std::nullopt, {}, {}}; }
    // An answer whose JSON body is already text (JsonWriter).
    static Response jsonText(int status, QByteArray text)
    {
        return {status, std::nullopt, {}, std::move(text)};
    }
    bool hasBody() const { return json.has_value() || !body.isEmpty(); }
};

} // namespace bw::stub
