// Router: the stub's own route table. GatewayServer hands every request to match() (through
// QHttpServer::setMissingHandler), so the table alone decides 404 resource_missing (no pattern fits the
// path), 405 method_not_allowed (a pattern fits, not with this method) and which handler runs. routes()
// lists what is registered, for the test that compares it with docs/gateway-openapi.yaml.
//
// Patterns are absolute paths whose segments are literals or {name} placeholders
// ("/v1/enrollments/{id}/otp/verify"). A placeholder matches one non-empty segment; its percent-decoded
// value is in Request::pathParams. When several patterns fit, literals beat placeholders segment by
// segment (so "/v1/sessions/current" wins over "/v1/sessions/{id}").
#pragma once

#include "stub/request.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace bw::stub {

// Who may call a route (the auth wrapper in GatewayServer applies it before the handler runs).
enum class Access {
    Public,        // no signature (the contract's public list, /v1/dev in demo mode)
    Signed,        // a valid device signature (RequestAuth::verifySignature)
    Authenticated, // a signature plus the Bearer session of the same device
};

using Handler = std::function<Response(const Request &)>;

struct RouteInfo
{
    QByteArray method;
    QString pattern;
    Access access = Access::Public;
};

class Router
{
public:
    // Registers method + pattern. Registering the same method and pattern twice is a programming error
    // (qFatal), so a typo cannot silently shadow a route.
    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);

    enum class Outcome { Found, NotFound, MethodNotAllowed };
    struct Match
    {
        Outcome outcome = Outcome::NotFound;
        const RouteInfo *route = nullptr;
        const Handler *handler = nullptr;
        QHash<QString, QString> params;
    };
    // path: the percent-encoded path of the request.
    Match match(const QByteArray &method, const QString &path) const;

    QList<RouteInfo> routes() const;

private:
    struct Entry
    {
        RouteInfo info;
        QStringList segments;
        Handler handler;
    };
    // Score of a fit (higher = more literal segments earlier); -1 when the pattern does not fit.
    static int fit(const Entry &entry, const QStringList &segments, QHash<QString, QString> *params);

    std::vector<Entry> m_entries;
};

} // namespace bw::stub
