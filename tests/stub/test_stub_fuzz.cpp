// Fuzz-style robustness test of the gateway stub over real HTTP (label "stub").
//
// Against a real server (demo mode, cheap scrypt, a ManualClock that never moves) it first builds realistic
// state through the normal flows — an enrolled wallet with its device and a signed-in session, enrollments in
// progress, and whatever else the registered routes allow (a password reset, a pending TOTP secret, SMS
// codes) — snapshots the database, then sends BW_FUZZ_ITERATIONS (default 10,000) generated requests over
// several keep-alive connections: every registered route (from routes(), {id} replaced by real and random
// ids), unknown paths, other methods, mutated signing and session headers, mutated Content-Type and
// Idempotency-Key, and mutated JSON bodies (fields dropped or retyped, huge strings, deep nesting, NUL and
// invalid UTF-8, 1e309 / -0 / 9007199254740993, duplicate keys, truncation, bodies around 64 KiB).
//
// Asserted for every answer: never a 5xx, never a dropped connection or a malformed HTTP answer, every error
// is the contract's envelope (non-empty type and code, a message, the type that goes with the status), a
// request that the generator made invalid is refused with a 4xx, and where the generator knows the answer
// exactly (413 for a body over 64 KiB, 404 for an unknown path, 405 for another method) it is that one. At
// the end /healthz answers and the database is unchanged: every table but audit_log compared row by row,
// nonces allowed only to gain rows of the test's own device (each correctly signed request is remembered by
// the replay guard — that is its job).
//
// WHY NOTHING MAY CHANGE STATE (the rule the generator follows; RequestFactory::handlerMustRefuse() checks
// every such body with the server's own JSON parser before it is sent):
// a request that the server may hand to a handler of a non-GET route — the method and path fit a
// registered route, and the signature/session is not broken by construction — always carries a body the
// server must refuse before doing anything: not a JSON object (truncated, an array, a scalar, garbage), a
// body over 64 KiB, or a JSON object in which at least one required field of that route is dropped or
// retyped (string ↔ number ↔ null ↔ bool ↔ array ↔ object; the other fields may be valid or mutated). Routes
// without required fields (DELETE /v1/devices/{id}, POST /v1/dev/reset, ...) and routes this file does not
// know only ever get a body that is not a JSON object or is too large. Well-formed bodies are sent only where
// the request is refused before the handler anyway: a missing or wrong signature, an unknown device, a stale
// timestamp or a missing/unknown session on a route that requires them, an unknown path, or a method the path
// does not have. GETs change nothing and may be fully valid. If a refused request did change something, the
// snapshot comparison says what.
//
// Replay: the seed is printed; BW_FUZZ_SEED=<n> repeats the same request sequence, BW_FUZZ_ITERATIONS=<n>
// scales the run. A failure names the request's number and shows it (bytes escaped, long parts cut).
#include "stub_test_client.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

constexpr quint64 kDefaultSeed = 20250301;
constexpr int kDefaultIterations = 10000;
constexpr int kConnections = 4;
constexpr qsizetype kMaxBody = 64 * 1024;
constexpr int kAnswerTimeoutMs = 30000;

quint64 envNumber(const char *name, quint64 fallback)
{
    bool ok = false;
    const quint64 value = qEnvironmentVariable(name).toULongLong(&ok);
    return ok ? value : fallback;
}

// Printable form of arbitrary bytes: ASCII as is, the rest as \xNN, cut after `limit` bytes.
QString escaped(const QByteArray &bytes, qsizetype limit = 240)
{
    QString out;
    for (qsizetype i = 0; i < std::min(bytes.size(), limit); ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c >= 0x20 && c < 0x7f && c != '\\')
            out += QLatin1Char(static_cast<char>(c));
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > limit)
        out += QStringLiteral("... (%1 bytes)").arg(bytes.size());
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// Requests and answers

struct FuzzRequest
{
    int index = 0;
    QByteArray method;
    QByteArray target; // path and query as on the request line
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray kind;         // what the generator did, for the summary
    bool mustReject = false; // only a 4xx is acceptable
    int expectStatus = 0;    // when the generator knows the exact answer
    QString expectCode;

    QByteArray serialize() const
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const auto &header : headers)
            out += header.first + ": " + header.second + "\r\n";
        if (!body.isEmpty() || (method != "GET" && method != "HEAD"))
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        return out + "\r\n" + body;
    }
    QString describe() const
    {
        QString out = QStringLiteral("request #%1 [%2] %3 %4")
                          .arg(index)
                          .arg(QString::fromLatin1(kind), escaped(method, 40), escaped(target, 300));
        for (const auto &header : headers)
            out +=
                QStringLiteral("\n      %1: %2").arg(escaped(header.first, 60), escaped(header.second, 120));
        out += QStringLiteral("\n      body: %1").arg(escaped(body, 400));
        return out;
    }
};

struct FuzzAnswer
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QString transportError; // set when no well-formed answer arrived
};

// Keep-alive HTTP/1.1 over raw sockets, one request in flight per connection (Qt HttpServer answers in
// order; a raw socket also shows what QNetworkAccessManager would hide: a dropped connection, extra bytes).
class FuzzHttpClient
{
public:
    using Next = std::function<std::optional<FuzzRequest>()>;
    using Done = std::function<void(const FuzzRequest &, const FuzzAnswer &)>;

    FuzzHttpClient(quint16 port, int connections)
        : m_port(port)
        , m_connections(connections)
    {}

    // Sends every request next() gives, calls done() for each answer; returns when all are answered.
    void run(const Next &next, const Done &done)
    {
        m_next = next;
        m_done = done;
        QEventLoop loop;
        m_loop = &loop;
        QTimer watchdog;
        QObject::connect(&watchdog, &QTimer::timeout, [this] { checkTimeouts(); });
        watchdog.start(500);
        for (auto &connection : m_connections)
            sendNext(connection);
        if (busy())
            loop.exec();
        m_loop = nullptr;
    }

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        std::optional<FuzzRequest> inFlight;
        QElapsedTimer since;
    };

    bool busy() const
    {
        return std::any_of(m_connections.begin(), m_connections.end(),
                           [](const Connection &c) { return c.inFlight.has_value(); });
    }

    void connectSocket(Connection &connection)
    {
        connection.socket = std::make_unique<QTcpSocket>();
        connection.buffer.clear();
        QTcpSocket *socket = connection.socket.get();
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [this, &connection] { onReadyRead(connection); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, &connection, socket] {
            if (connection.socket.get() == socket)
                fail(connection, QStringLiteral("the server closed the connection without an answer"));
        });
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
        socket->waitForConnected(5000);
    }

    void sendNext(Connection &connection)
    {
        std::optional<FuzzRequest> request = m_next();
        if (!request) {
            if (!busy() && m_loop)
                m_loop->quit();
            return;
        }
        if (!connection.socket || connection.socket->state() != QAbstractSocket::ConnectedState)
            connectSocket(connection);
        connection.inFlight = std::move(request);
        connection.since.start();
        if (connection.socket->state() != QAbstractSocket::ConnectedState) {
            fail(connection, QStringLiteral("cannot connect: ") + connection.socket->errorString());
            return;
        }
        connection.socket->write(connection.inFlight->serialize());
    }

    void complete(Connection &connection, const FuzzAnswer &answer)
    {
        const FuzzRequest request = std::move(*connection.inFlight);
        connection.inFlight.reset();
        m_done(request, answer);
        sendNext(connection);
    }

    void fail(Connection &connection, const QString &why)
    {
        if (!connection.inFlight)
            return;
        // Drop this socket (later, from the event loop) and answer the request with the transport error.
        QTcpSocket *socket = connection.socket.release();
        if (socket) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->abort();
            socket->deleteLater();
        }
        FuzzAnswer answer;
        answer.transportError = why;
        complete(connection, answer);
    }

    void checkTimeouts()
    {
        for (auto &connection : m_connections) {
            if (connection.inFlight && connection.since.elapsed() > kAnswerTimeoutMs)
                fail(connection, QStringLiteral("no answer within %1 ms").arg(kAnswerTimeoutMs));
        }
    }

    void onReadyRead(Connection &connection)
    {
        connection.buffer += connection.socket->readAll();
        if (!connection.inFlight) {
            if (!connection.buffer.isEmpty())
                qWarning("bytes from the server with no request in flight: %s",
                         qPrintable(escaped(connection.buffer)));
            return;
        }
        const qsizetype headerEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (connection.buffer.size() > 1 << 20)
                fail(connection, QStringLiteral("an answer header over 1 MiB"));
            return;
        }
        FuzzAnswer answer;
        const QList<QByteArray> lines = connection.buffer.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        bool statusOk = false;
        if (statusLine.size() >= 2 && statusLine.first().startsWith("HTTP/1."))
            answer.status = statusLine.at(1).toInt(&statusOk);
        if (!statusOk)
            return fail(connection, QStringLiteral("malformed status line: ") + escaped(lines.first()));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                      lines.at(i).mid(colon + 1).trimmed());
        }
        qsizetype length = 0;
        const bool noBody = connection.inFlight->method == "HEAD" || answer.status == 204 ||
                            answer.status == 304 || answer.status < 200;
        if (!noBody) {
            bool lengthOk = false;
            length = answer.headers.value("content-length").toLongLong(&lengthOk);
            if (!lengthOk || length < 0)
                return fail(connection, QStringLiteral("an answer with body but no Content-Length"));
        }
        const qsizetype end = headerEnd + 4 + length;
        if (connection.buffer.size() < end)
            return;
        answer.body = connection.buffer.mid(headerEnd + 4, length);
        const QByteArray rest = connection.buffer.mid(end);
        connection.buffer.clear();
        if (!rest.isEmpty()) {
            // Only one request is in flight, so bytes after its answer break the framing of the next one.
            answer.transportError = QStringLiteral("%1 bytes after the answer (status %2): %3")
                                        .arg(rest.size())
                                        .arg(answer.status)
                                        .arg(escaped(rest, 120));
            QTcpSocket *socket = connection.socket.release();
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->abort();
            socket->deleteLater();
        }
        complete(connection, answer);
    }

    quint16 m_port;
    std::vector<Connection> m_connections;
    Next m_next;
    Done m_done;
    QEventLoop *m_loop = nullptr;
};

// ---------------------------------------------------------------------------------------------------------
// What the generator knows about bodies: the contract's request fields per route (gateway-api.md).

enum class FieldKind { String, Integer, Object };

struct Field
{
    QByteArray name;
    FieldKind kind;
    QByteArray validRaw; // a valid value as JSON text
    bool required = true;
};

struct BodySpec
{
    QList<Field> fields;
    bool hasRequired() const
    {
        return std::any_of(fields.begin(), fields.end(), [](const Field &f) { return f.required; });
    }
};

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

Field str(const char *name, const QString &value, bool required = true)
{
    return {name, FieldKind::String, jsonString(value), required};
}
Field integer(const char *name, qint64 value)
{
    return {name, FieldKind::Integer, QByteArray::number(value), true};
}
Field object(const char *name, const QByteArray &raw)
{
    return {name, FieldKind::Object, raw, true};
}

// The realistic state the fuzzing runs against.
struct FuzzState
{
    TestWallet wallet;
    QStringList realIds; // wal_, dev_, enr_, rst_ ... of rows that exist
    qint64 now = 0;
};

// Keyed by "METHOD /pattern/with/{}" (placeholders normalized).
std::map<QString, BodySpec> contractBodies(const FuzzState &s)
{
    const QString password = s.wallet.password;
    const QString money = QStringLiteral(R"({"amount":1000,"currency":"CNY"})");
    std::map<QString, BodySpec> specs;
    specs[QStringLiteral("POST /v1/enrollments")] = {
        {str("bank_id", QStringLiteral("bnk_demo")), str("full_name", QStringLiteral("Han Meimei")),
         str("phone", QStringLiteral("+8613900000777")), str("email", QStringLiteral("han@example.com"))}};
    specs[QStringLiteral("POST /v1/enrollments/{}/otp/verify")] = {{str("code", QStringLiteral("123456"))}};
    specs[QStringLiteral("POST /v1/enrollments/{}/identity")] = {
        {str("document_type", QStringLiteral("cn_resident_id")),
         str("document_number", StubTestClient::residentId(QDate(1990, 3, 7))),
         str("date_of_birth", QStringLiteral("1990-03-07")), str("nationality", QStringLiteral("CN"))}};
    specs[QStringLiteral("POST /v1/enrollments/{}/complete")] = {
        {str("password", QStringLiteral("Another-Strong-Passw0rd!")),
         str("payment_pin", QStringLiteral("480213")), str("device_name", QStringLiteral("Fuzz desktop"))}};
    specs[QStringLiteral("POST /v1/sessions")] = {{str("password", password)}};
    specs[QStringLiteral("POST /v1/devices/otp")] = {{str("phone", s.wallet.phone)}};
    specs[QStringLiteral("POST /v1/devices")] = {{str("phone", s.wallet.phone), str("password", password),
                                                  str("code", QStringLiteral("123456")),
                                                  str("device_name", QStringLiteral("Fuzz laptop"))}};
    specs[QStringLiteral("POST /v1/wallet/otp")] = {{str("purpose", QStringLiteral("pin_change"))}};
    specs[QStringLiteral("POST /v1/wallet/totp/confirm")] = {{str("code", QStringLiteral("123456"))}};
    specs[QStringLiteral("DELETE /v1/wallet/totp")] = {{str("code", QStringLiteral("123456"))}};
    specs[QStringLiteral("POST /v1/wallet/pin")] = {{str("password", password),
                                                     str("new_pin", QStringLiteral("480213")),
                                                     str("otp", QStringLiteral("123456"))}};
    specs[QStringLiteral("POST /v1/wallet/password")] = {
        {str("password", password), str("new_password", QStringLiteral("Another-Strong-Passw0rd!"))}};
    specs[QStringLiteral("POST /v1/password-resets")] = {
        {str("phone", s.wallet.phone),
         str("document_number", StubTestClient::residentId(QDate(1990, 3, 7)), false)}};
    specs[QStringLiteral("POST /v1/password-resets/{}/verify")] = {
        {str("code", QStringLiteral("123456")),
         str("document_number", StubTestClient::residentId(QDate(1990, 3, 7)), false)}};
    specs[QStringLiteral("POST /v1/password-resets/{}/complete")] = {
        {str("new_password", QStringLiteral("Another-Strong-Passw0rd!"))}};
    specs[QStringLiteral("POST /v1/payment-methods")] = {
        {str("type", QStringLiteral("card")), str("number", QStringLiteral("4242424242424242")),
         integer("exp_month", 12), integer("exp_year", 2031), str("cvc", QStringLiteral("123")),
         str("holder_name", s.wallet.fullName)}};
    specs[QStringLiteral("POST /v1/quotes")] = {
        {str("kind", QStringLiteral("payment")), object("amount", money.toUtf8()),
         str("source", QStringLiteral("balance")), object("destination", R"({"merchant_id":"mer_demo"})")}};
    specs[QStringLiteral("POST /v1/payments")] = {{str("quote_id", QStringLiteral("quo_x")),
                                                   str("pin", s.wallet.pin),
                                                   str("otp", QStringLiteral("123456"), false)}};
    specs[QStringLiteral("POST /v1/dev/wallets/{}/tier")] = {{integer("tier", 1)}};
    specs[QStringLiteral("POST /v1/dev/wallets/{}/incoming")] = {
        {object("amount", money.toUtf8()), str("from_name", QStringLiteral("Zhang San"))}};
    specs[QStringLiteral("POST /v1/dev/reviews/{}")] = {{str("decision", QStringLiteral("approve"))}};
    return specs;
}

QString normalizedPattern(const QString &pattern)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[^/{}]*\\}"));
    QString result = pattern;
    return result.replace(placeholder, QStringLiteral("{}"));
}

// Percent-escapes of unreserved characters decoded (%73 → s), as a URL normalizer may do; other escapes kept.
QString decodeUnreserved(const QByteArray &segment)
{
    QByteArray out;
    for (qsizetype i = 0; i < segment.size(); ++i) {
        if (segment.at(i) == '%' && i + 2 < segment.size()) {
            bool ok = false;
            const int value = segment.mid(i + 1, 2).toInt(&ok, 16);
            if (ok && (std::isalnum(value) || value == '-' || value == '.' || value == '_' || value == '~')) {
                out += char(value);
                i += 2;
                continue;
            }
        }
        out += segment.at(i);
    }
    return QString::fromLatin1(out);
}

// ---------------------------------------------------------------------------------------------------------
// The generator

class RequestFactory
{
public:
    RequestFactory(quint64 seed, const QList<RouteInfo> &routes, const FuzzState &state)
        : m_rng(seed)
        , m_state(state)
        , m_specs(contractBodies(state))
    {
        for (const RouteInfo &route : routes) {
            Route entry{route, route.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                        QString::fromLatin1(route.method) + QLatin1Char(' ') +
                            normalizedPattern(route.pattern)};
            m_routes.push_back(entry);
        }
    }

    int routeCount() const { return int(m_routes.size()); }
    // How often each route was the base of a request (method + pattern → count).
    const std::map<QString, int> &routeUse() const { return m_routeUse; }
    const std::map<QString, int> &kindUse() const { return m_kindUse; }

    FuzzRequest make(int index)
    {
        FuzzRequest request;
        request.index = index;
        const int what = uniform(0, 99);
        if (what < 78 && !m_routes.empty())
            routeRequest(request, m_routes.at(size_t(index) % m_routes.size()));
        else if (what < 90)
            unknownPathRequest(request);
        else
            oddTargetRequest(request);
        ++m_kindUse[QString::fromLatin1(request.kind)];
        return request;
    }

private:
    struct Route
    {
        RouteInfo info;
        QStringList segments;
        QString key;
    };

    // --- randomness ---------------------------------------------------------------------------------------
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(uniform(0, int(list.size()) - 1));
    }
    QByteArray pickRaw(std::initializer_list<const char *> list)
    {
        const int i = uniform(0, int(list.size()) - 1);
        return QByteArray(*(list.begin() + i));
    }
    QByteArray randomFrom(const char *alphabet, int length)
    {
        const int n = int(qstrlen(alphabet));
        QByteArray out(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
            out[i] = alphabet[uniform(0, n - 1)];
        return out;
    }
    QByteArray alnum(int length)
    {
        return randomFrom("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
    }
    QByteArray randomBytes(int length)
    {
        QByteArray out(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
            out[i] = char(uniform(0, 255));
        return out;
    }
    // A header value: printable garbage, high bytes, NUL and TAB — never CR or LF (that would be another
    // header, not a value).
    QByteArray headerGarbage(int length)
    {
        QByteArray out = randomBytes(length);
        for (char &c : out) {
            if (c == '\r' || c == '\n')
                c = '?';
        }
        return out;
    }
    QByteArray nonce() { return bw::crypto::base64UrlEncode(randomBytes(16)).toLatin1(); }

    // --- paths --------------------------------------------------------------------------------------------
    QByteArray randomId()
    {
        switch (uniform(0, 11)) {
        case 0:
            return pickRaw({"wal_", "dev_", "enr_", "rst_", "pm_", "quo_", "pay_", "txn_", "mer_", "bnk_"}) +
                   alnum(uniform(1, 30));
        case 1:
            return alnum(uniform(1, 8));
        case 2:
            return alnum(uniform(200, 5000));
        case 3:
            return pickRaw({"%00",
                            "%ff%fe",
                            "%2F",
                            "%2e%2e",
                            "..",
                            ".",
                            "%20",
                            "%E4%BD%A0",
                            "%F0%9F%92%A9",
                            "%C0%AF",
                            "%",
                            "%Z",
                            "%ZZ",
                            "~",
                            "-",
                            "0",
                            "-1",
                            "1e309",
                            "null",
                            "current",
                            "%7Bid%7D",
                            "'%20OR%201=1",
                            "!$&'()*+,;=:@"});
        case 4: {
            // A real id with a percent-encoded or changed character.
            QByteArray id = pick(m_state.realIds).toLatin1();
            const int at = uniform(0, int(id.size()) - 1);
            if (chance(0.5))
                return id.left(at) + '%' + QByteArray::number(uchar(id.at(at)), 16).toUpper() +
                       id.mid(at + 1);
            id[at] = chance(0.5) ? char(std::toupper(uchar(id.at(at)))) : 'Z';
            return id + (chance(0.3) ? QByteArray("x") : QByteArray());
        }
        default:
            return pick(m_state.realIds).toLatin1();
        }
    }

    QByteArray randomQuery()
    {
        switch (uniform(0, 9)) {
        case 0:
            return "?to=" + QUrl::toPercentEncoding(m_state.wallet.phone);
        case 1:
            return "?to=" + alnum(uniform(0, 20));
        case 2:
            return "?limit=" + pickRaw({"0", "-1", "1001", "abc", "1e309", "9007199254740993", "", "%00"});
        case 3:
            return "?after=" + alnum(uniform(0, 40));
        case 4:
            return "?" + pickRaw({"", "&", "=", "a", "a=1&a=2", "%ZZ=%ZZ", "q=%E4%BD%A0", "q=%ff"});
        case 5:
            return "?q=" + alnum(uniform(1000, 4000));
        default:
            return {};
        }
    }

    QByteArray instantiate(const Route &route, bool *cleanIds)
    {
        QByteArray path;
        *cleanIds = true;
        for (const QString &segment : route.segments) {
            path += '/';
            if (segment.startsWith(QLatin1Char('{'))) {
                const QByteArray id = randomId();
                if (!QRegularExpression(QStringLiteral("^[A-Za-z0-9_]+$"))
                         .match(QString::fromLatin1(id))
                         .hasMatch())
                    *cleanIds = false;
                path += id;
            } else {
                path += segment.toLatin1();
            }
        }
        // Sometimes a literal character percent-encoded: the same route to a normalizing URL parser.
        if (chance(0.03)) {
            const int at = uniform(1, int(path.size()) - 1);
            if (std::isalpha(uchar(path.at(at)))) {
                path = path.left(at) + '%' + QByteArray::number(uchar(path.at(at)), 16) + path.mid(at + 1);
                *cleanIds = false;
            }
        }
        return path;
    }

    // Routes that the server could run for this method and path: literals compared after decoding
    // unreserved escapes, a placeholder fits any non-empty segment. A superset of what the router finds.
    QList<const Route *> candidates(const QByteArray &method, const QByteArray &target) const
    {
        QList<const Route *> result;
        QByteArray path = target;
        const qsizetype query = path.indexOf('?');
        if (query >= 0)
            path.truncate(query);
        QList<QByteArray> segments = path.split('/');
        if (segments.isEmpty() || !segments.first().isEmpty())
            return result;
        segments.removeFirst();
        for (const Route &route : m_routes) {
            if (route.info.method != method || route.segments.size() != segments.size())
                continue;
            bool fits = true;
            for (qsizetype i = 0; i < segments.size() && fits; ++i) {
                if (route.segments.at(i).startsWith(QLatin1Char('{')))
                    fits = !segments.at(i).isEmpty();
                else
                    fits = decodeUnreserved(segments.at(i)) == route.segments.at(i);
            }
            if (fits)
                result.append(&route);
        }
        return result;
    }
    bool anyRouteFits(const QByteArray &target) const
    {
        for (const char *method : {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}) {
            if (!candidates(method, target).isEmpty())
                return true;
        }
        return false;
    }

    // --- auth ---------------------------------------------------------------------------------------------
    // Planned before the body is chosen (whether the auth layer must refuse the request decides which bodies
    // are allowed) and applied after it (the signature covers the body).
    enum class AuthMode { None, Valid, Broken };
    struct AuthPlan
    {
        AuthMode mode = AuthMode::None;
        bool signatureBroken = false; // by construction, in a way the contract says must be refused
        bool sessionBroken = false;
        QByteArray deviceId, timestamp, nonce, token;
        bool dropDevice = false, dropTimestamp = false, dropNonce = false, dropSignature = false;
        bool dropToken = false;
        std::optional<QByteArray> signatureOverride;
        int signedOverOther = -1; // 0: another body, 1: another target, 2: another method, 3: another secret
        QByteArray otherSecret;
        std::optional<QPair<QByteArray, QByteArray>> duplicate;
    };

    AuthPlan planAuth(AuthMode mode, bool wantSession)
    {
        AuthPlan plan;
        plan.mode = mode;
        if (mode == AuthMode::None) {
            plan.signatureBroken = plan.sessionBroken = true;
            plan.dropToken = !chance(0.2); // a token without a signature is still refused
            return plan;
        }
        plan.deviceId = m_state.wallet.deviceId.toLatin1();
        plan.timestamp = QByteArray::number(m_state.now);
        plan.nonce = nonce();
        plan.token = "Bearer " + m_state.wallet.token.toLatin1();
        plan.dropToken = !wantSession && chance(0.7);
        if (mode == AuthMode::Broken) {
            const int mutations = uniform(1, 3);
            for (int m = 0; m < mutations; ++m) {
                switch (uniform(0, 15)) {
                case 0:
                    plan.dropDevice = plan.signatureBroken = true;
                    break;
                case 1:
                    plan.dropTimestamp = plan.signatureBroken = true;
                    break;
                case 2:
                    plan.dropNonce = plan.signatureBroken = true;
                    break;
                case 3:
                    plan.dropSignature = plan.signatureBroken = true;
                    break;
                case 4:
                    plan.deviceId = pickRaw({"dev_", "dev_unknown0000000000", "wal_x", "", "'", "%00"}) +
                                    alnum(uniform(0, 20));
                    plan.signatureBroken = true;
                    break;
                case 5:
                    plan.deviceId = headerGarbage(uniform(1, 20000));
                    plan.signatureBroken = true;
                    break;
                case 6:
                    plan.timestamp = chance(0.2)
                                         ? QByteArray(uniform(100, 20000), '9')
                                         : pickRaw({"abc", "-1", "0", "1e9", "", "99999999999999999999",
                                                    "NaN", "0x10", "+1", "1.5"});
                    plan.signatureBroken = true;
                    break;
                case 7:
                    plan.timestamp = QByteArray::number(m_state.now + (chance(0.5) ? 301 : -301) *
                                                                          qint64(uniform(1, 1000)));
                    plan.signatureBroken = true;
                    break;
                case 8:
                    // Odd nonces, signed over: what the server makes of them is not counted on.
                    plan.nonce = chance(0.2) ? headerGarbage(uniform(1, 300))
                                             : pickRaw({"", "short", "!!!!!!!!!!!!!!!!!!!!!!", "AAAA"}) +
                                                   (chance(0.3) ? alnum(uniform(100, 3000)) : QByteArray());
                    break;
                case 9:
                    if (!m_usedNonces.isEmpty())
                        plan.nonce = pick(m_usedNonces); // a replay; not counted (the order is not fixed)
                    break;
                case 10:
                    plan.signatureOverride =
                        pickRaw({"", "=", "not base64!", "AAAA", "%%%%"}) + headerGarbage(uniform(0, 50));
                    plan.signatureBroken = true;
                    break;
                case 11:
                    plan.signatureOverride = bw::crypto::base64Encode(randomBytes(uniform(1, 64))).toLatin1();
                    plan.signatureBroken = true;
                    break;
                case 12:
                    plan.signatureOverride = QByteArray(uniform(1000, 30000), 'A');
                    plan.signatureBroken = true;
                    break;
                case 13:
                    plan.signedOverOther = uniform(0, 3);
                    plan.otherSecret = randomBytes(32);
                    plan.signatureBroken = true;
                    break;
                case 14:
                    switch (uniform(0, 4)) {
                    case 0:
                        plan.dropToken = true;
                        break;
                    case 1:
                        plan.token = "Bearer " + alnum(uniform(1, 60));
                        break;
                    case 2:
                        plan.token = pickRaw({"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "", "Token x"});
                        break;
                    case 3:
                        plan.token = "Bearer " + QByteArray(uniform(600, 20000), 'x');
                        break;
                    default:
                        plan.token = headerGarbage(uniform(1, 200));
                        break;
                    }
                    plan.sessionBroken = true;
                    break;
                default:
                    // The same header twice: which copy the server reads is not specified, so nothing counts.
                    plan.duplicate = qMakePair(
                        pickRaw({"X-Signature", "X-Nonce", "X-Timestamp", "X-Device-Id", "Authorization"}),
                        headerGarbage(uniform(0, 40)));
                    break;
                }
            }
        }
        if (plan.dropToken)
            plan.sessionBroken = true;
        if (plan.duplicate)
            plan.signatureBroken = plan.sessionBroken = false;
        return plan;
    }

    void applyAuth(FuzzRequest &request, const AuthPlan &plan)
    {
        if (plan.mode == AuthMode::None) {
            if (!plan.dropToken)
                request.headers.append({"Authorization", "Bearer " + m_state.wallet.token.toLatin1()});
            return;
        }
        QByteArray method = request.method, target = request.target, body = request.body;
        QByteArray secret = m_state.wallet.deviceSecret;
        switch (plan.signedOverOther) {
        case 0:
            body += ' ';
            break;
        case 1:
            target += 'x';
            break;
        case 2:
            method = method == "GET" ? "POST" : "GET";
            break;
        case 3:
            secret = plan.otherSecret;
            break;
        default:
            break;
        }
        const QByteArray signature =
            plan.signatureOverride
                ? *plan.signatureOverride
                : StubTestClient::signature(secret, method, target, plan.timestamp, plan.nonce, body);
        if (!plan.dropDevice)
            request.headers.append({"X-Device-Id", plan.deviceId});
        if (!plan.dropTimestamp)
            request.headers.append({"X-Timestamp", plan.timestamp});
        if (!plan.dropNonce)
            request.headers.append({"X-Nonce", plan.nonce});
        if (!plan.dropSignature)
            request.headers.append({"X-Signature", signature});
        if (!plan.dropToken)
            request.headers.append({"Authorization", plan.token});
        if (plan.duplicate)
            request.headers.append(*plan.duplicate);
        if (plan.mode == AuthMode::Valid) {
            m_usedNonces.append(plan.nonce);
            if (m_usedNonces.size() > 200)
                m_usedNonces.removeFirst();
        }
    }

    void addOtherHeaders(FuzzRequest &request)
    {
        if (!request.body.isEmpty() || chance(0.3)) {
            if (chance(0.75))
                request.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
            else if (chance(0.8))
                request.headers.append(
                    {"Content-Type",
                     pickRaw({"text/plain", "application/json; charset=latin1", "", "*/*",
                              "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"})});
            else
                request.headers.append({"Content-Type", headerGarbage(uniform(1, 5000))});
        }
        if (chance(0.2)) {
            switch (uniform(0, 5)) {
            case 0:
                request.headers.append({"Idempotency-Key", alnum(uniform(1, 64))});
                break;
            case 1:
                request.headers.append({QByteArray("Idempotency-Key"), QByteArray()});
                break;
            case 2:
                request.headers.append({"Idempotency-Key", alnum(256)});
                break;
            case 3:
                request.headers.append({"Idempotency-Key", alnum(uniform(1000, 20000))});
                break;
            default:
                request.headers.append({"Idempotency-Key", headerGarbage(uniform(1, 100))});
                break;
            }
        }
        if (chance(0.05))
            request.headers.append({"X-" + alnum(uniform(1, 30)), headerGarbage(uniform(0, 300))});
        if (chance(0.02))
            request.headers.append({"Accept", pickRaw({"*/*", "text/html", "application/xml", ""})});
    }

    // --- bodies -------------------------------------------------------------------------------------------
    QByteArray hugeString()
    {
        return '"' + (chance(0.5) ? QByteArray(uniform(1000, 60000), 'A') : alnum(uniform(1000, 20000))) +
               '"';
    }
    QByteArray deepNesting()
    {
        const int depth = pick(QList<int>{64, 512, 1024, 1025, 3000});
        if (chance(0.5))
            return QByteArray(depth, '[') + QByteArray(depth, ']');
        QByteArray out;
        for (int i = 0; i < depth; ++i)
            out += "{\"a\":";
        return out + "1" + QByteArray(depth, '}');
    }
    // Any JSON string, possibly odd.
    QByteArray oddString()
    {
        switch (uniform(0, 14)) {
        case 0:
            return "\"\"";
        case 1:
            return "\" \"";
        case 2:
            return hugeString();
        case 3:
            return chance(0.5) ? QByteArray("\"a\\u0000b\"")
                               : QByteArray("\"a\0b\"", 5); // escaped or raw NUL
        case 4:
            return "\"\xff\xfe\xc0\xaf\""; // invalid UTF-8 inside a string
        case 5:
            return "\"\\ud800\""; // a lone surrogate
        case 6:
            return "\"\xe2\x80\xae\xe4\xbd\xa0\xe5\xa5\xbd\xf0\x9f\x92\xa9\""; // RTL override, CJK, emoji
        case 7:
            return "\"\\u0001\\u001f\\t\\n\"";
        case 8:
            return "\"' OR 1=1 --\"";
        case 9:
            return "\"%s%n%x\"";
        case 10:
            return "\"" + QByteArray(uniform(1, 40), '9') + "\"";
        case 11:
            return "\"\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\""; // full-width digits
        case 12:
            return jsonString(QString::fromLatin1(alnum(uniform(1, 20))));
        default:
            return "\"\xc3\xa9\xcc\x81 \xe2\x80\x8b\""; // combining mark, zero-width space
        }
    }
    QByteArray oddNumber()
    {
        return pickRaw({"0", "-0", "1", "-1", "1e309", "-1e309", "1e-400", "9007199254740993",
                        "9000000000000001", "-9000000000000001", "18446744073709551616", "0.5", "1.0", "12.0",
                        "1E2", "-0.0", "123456789012345678901234567890"});
    }
    // A value of any type; never a valid object for a required object field (that needs its own keys).
    QByteArray anyValue(int depth = 0)
    {
        switch (uniform(0, depth > 2 ? 4 : 7)) {
        case 0:
            return oddString();
        case 1:
            return oddNumber();
        case 2:
            return "null";
        case 3:
            return chance(0.5) ? "true" : "false";
        case 4:
            return chance(0.5) ? "[]" : "{}";
        case 5:
            return "[" + anyValue(depth + 1) + "," + anyValue(depth + 1) + "]";
        case 6:
            return "{\"" + alnum(uniform(1, 8)) + "\":" + anyValue(depth + 1) + "}";
        default:
            return deepNesting();
        }
    }
    // A value whose JSON type is not `kind` (null counts: the contract treats null as missing).
    QByteArray retyped(FieldKind kind)
    {
        for (;;) {
            QByteArray value;
            switch (uniform(0, 6)) {
            case 0:
                value = oddString();
                break;
            case 1:
                value = oddNumber();
                break;
            case 2:
                value = "null";
                break;
            case 3:
                value = chance(0.5) ? "true" : "false";
                break;
            case 4:
                value = chance(0.5) ? "[]" : "[" + anyValue(1) + "]";
                break;
            case 5:
                value = chance(0.5) ? "{}" : "{\"" + alnum(3) + "\":" + anyValue(1) + "}";
                break;
            default:
                value = deepNesting();
                break;
            }
            const char first = value.at(0);
            const bool isString = first == '"';
            const bool isNumber = first == '-' || (first >= '0' && first <= '9');
            const bool isObject = first == '{';
            if ((kind == FieldKind::String && isString) || (kind == FieldKind::Integer && isNumber) ||
                (kind == FieldKind::Object && isObject))
                continue;
            return value;
        }
    }

    struct Member
    {
        QByteArray key;
        QByteArray value;
    };
    static QByteArray serializeObject(const QList<Member> &members)
    {
        QByteArray out = "{";
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (i)
                out += ',';
            out += '"' + members.at(i).key + "\":" + members.at(i).value;
        }
        return out + '}';
    }

    // A body that is not a JSON object, so the dispatcher refuses it before any handler (never empty:
    // an empty body reads as {}).
    QByteArray notAnObject(const BodySpec *spec)
    {
        switch (uniform(0, 9)) {
        case 0:
            return pickRaw({"[]", "[1,2]", "null", "true", "1", "\"str\"", "-0", "1e309", "[{}]"});
        case 1:
            return pickRaw({"{", "}", "{\"a\":", "{]", "{\"a\" 1}", "{'a':1}", "{a:1}", "{\"a\":1,}", "[",
                            "\xef\xbb\xbf[]", "\"\xff\""});
        case 2: {
            QByteArray garbage = randomBytes(uniform(1, 2000));
            garbage[0] = pickRaw({"[", "x", "]", "1", "n", "\x01"}).at(0);
            return garbage;
        }
        case 3:
            return QByteArray(pick(QList<int>{64, 1024, 5000}), '[') + QByteArray(5, ']');
        case 4:
            return "[" + validObject(spec) + "]";
        default: {
            // A valid (or mutated) object cut short: a proper prefix of an object text is never JSON.
            const QByteArray full = chance(0.5) ? validObject(spec) : mutatedObject(spec, false);
            return full.left(uniform(1, int(full.size()) - 1));
        }
        }
    }

    QByteArray validObject(const BodySpec *spec)
    {
        QList<Member> members;
        if (spec) {
            for (const Field &field : spec->fields)
                members.append({field.name, field.validRaw});
        }
        return serializeObject(members);
    }

    // An object for the route's fields. With `invalidate`, at least one required field is dropped or
    // retyped, so the handler must refuse it before doing anything; otherwise anything goes.
    QByteArray mutatedObject(const BodySpec *spec, bool invalidate)
    {
        QList<Member> members;
        QSet<QByteArray> invalidated;
        if (spec) {
            QList<int> required;
            for (int i = 0; i < spec->fields.size(); ++i) {
                if (spec->fields.at(i).required)
                    required.append(i);
            }
            if (invalidate && !required.isEmpty()) {
                invalidated.insert(spec->fields.at(pick(required)).name);
                for (int i : required) {
                    if (chance(0.15))
                        invalidated.insert(spec->fields.at(i).name);
                }
            }
            for (const Field &field : spec->fields) {
                if (invalidated.contains(field.name)) {
                    if (chance(0.4))
                        continue; // dropped
                    members.append({field.name, retyped(field.kind)});
                } else if (chance(0.6)) {
                    members.append({field.name, field.validRaw});
                } else if (chance(0.8)) {
                    members.append({field.name, anyValue()}); // mutated, any type
                } // else dropped (fine: either optional or another required field is missing)
            }
        }
        if (chance(0.15))
            members.append({alnum(uniform(1, 12)), anyValue()}); // an unknown field
        if (chance(0.1) && !members.isEmpty()) {
            // A duplicate key: an exact copy, or for an invalidated field another wrongly typed value, so
            // whichever copy the parser keeps, the field stays invalid.
            const Member &m = pick(members);
            const FieldKind kind = [&] {
                if (spec) {
                    for (const Field &f : spec->fields)
                        if (f.name == m.key)
                            return f.kind;
                }
                return FieldKind::String;
            }();
            members.insert(uniform(0, int(members.size())),
                           {m.key, invalidated.contains(m.key) ? retyped(kind) : m.value});
        }
        QByteArray body = serializeObject(members);
        if (chance(0.05)) {
            // Padded with whitespace inside the object to 64 KiB exactly (still parsed) or just over (413).
            const qsizetype target = chance(0.5) ? kMaxBody : kMaxBody + uniform(1, 100);
            if (body.size() < target)
                body.insert(body.size() - 1, QByteArray(target - body.size(), ' '));
        }
        return body;
    }

    // A body over 64 KiB: the dispatcher answers 413 before anything else.
    QByteArray oversize(const BodySpec *spec)
    {
        const qsizetype size = kMaxBody + pick(QList<int>{1, 2, 100, 4096, 200000});
        QByteArray body = chance(0.5) ? validObject(spec) : randomBytes(100);
        if (body.startsWith('{') && body.endsWith('}'))
            body.insert(body.size() - 1, QByteArray(std::max<qsizetype>(0, size - body.size()), ' '));
        else
            body += QByteArray(std::max<qsizetype>(0, size - body.size()), 'x');
        return body;
    }

    // --- the request kinds --------------------------------------------------------------------------------
    QByteArray otherMethod(const QByteArray &excluded)
    {
        for (;;) {
            const QByteArray method = pickRaw(
                {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"});
            if (method != excluded)
                return method;
        }
    }
    static bool isBodyless(const QByteArray &method) { return method == "GET" || method == "HEAD"; }

    void routeRequest(FuzzRequest &request, const Route &route)
    {
        ++m_routeUse[route.key];
        bool cleanIds = true;
        request.target = instantiate(route, &cleanIds);
        if (chance(0.15))
            request.target += randomQuery();
        request.method = chance(0.88) ? route.info.method : otherMethod(route.info.method);
        request.kind = request.method == route.info.method ? "route" : "route-other-method";
        const bool bodyless = isBodyless(request.method);

        // The routes the server could run for this method and path (usually exactly one, or none).
        const QList<const Route *> fitting = candidates(request.method, request.target);
        const bool reachable = !fitting.isEmpty();
        bool anyPublic = false, anySigned = false;
        for (const Route *r : fitting) {
            anyPublic |= r->info.access == Access::Public;
            anySigned |= r->info.access == Access::Signed;
        }
        if (!reachable && cleanIds && anyRouteFits(request.target)) {
            request.expectStatus = 405;
            request.expectCode = QStringLiteral("method_not_allowed");
        }

        // Routes that need a signature get it valid, broken or missing; public ones sometimes get one too.
        AuthMode mode = AuthMode::None;
        if (route.info.access != Access::Public) {
            const int roll = uniform(0, 99);
            mode = roll < 50 ? AuthMode::Valid : roll < 88 ? AuthMode::Broken : AuthMode::None;
        } else if (chance(0.15)) {
            mode = chance(0.5) ? AuthMode::Valid : AuthMode::Broken;
        }
        const AuthPlan auth = planAuth(mode, route.info.access == Access::Authenticated);
        // Refused by the auth layer when every route that could run needs what was broken.
        const bool refusedByAuth =
            reachable && !anyPublic && (auth.signatureBroken || (!anySigned && auth.sessionBroken));

        const BodySpec *spec = nullptr;
        const QString specKey = fitting.size() == 1 ? fitting.first()->key
                                : !reachable        ? route.key
                                                    : QString();
        if (const auto it = m_specs.find(specKey); it != m_specs.end())
            spec = &it->second;
        if (bodyless) {
            if (chance(0.05))
                request.body = chance(0.5) ? validObject(spec) : notAnObject(spec);
        } else if ((refusedByAuth || !reachable) && chance(0.3)) {
            // Refused before any handler whatever the body: a well-formed one proves the order of checks.
            request.body = chance(0.6) ? validObject(spec) : mutatedObject(spec, false);
            request.kind += "+valid-body";
        } else {
            request.body = makeBody(spec);
        }
        if (reachable && !bodyless && !refusedByAuth && !handlerMustRefuse(request.body, spec)) {
            // Only when a generated field name happens to collide with a required one; never sent as is.
            request.body = "[]";
            request.kind += "+fixed";
        }
        applyAuth(request, auth);
        addOtherHeaders(request);

        if (request.body.size() > kMaxBody) {
            request.expectStatus = 413;
            request.expectCode = QStringLiteral("body_too_large");
        }
        request.mustReject = !reachable || refusedByAuth || !bodyless;
    }

    QByteArray makeBody(const BodySpec *spec)
    {
        const bool known = spec && spec->hasRequired();
        const int roll = uniform(0, 99);
        if (roll < 8)
            return oversize(spec);
        if (roll < 30 || !known)
            return notAnObject(spec);
        if (roll < 33)
            return {}; // empty: reads as {}, so every required field is missing
        return mutatedObject(spec, true);
    }

    // The guarantee of the file's header, checked with the server's own JSON parser (so duplicate keys,
    // 1e309 and invalid UTF-8 read exactly as the server reads them): the dispatcher refuses the body
    // (over 64 KiB, or not a JSON object), or a required field of the route is missing, null or of the wrong
    // JSON type.
    static bool handlerMustRefuse(const QByteArray &body, const BodySpec *spec)
    {
        if (body.size() > kMaxBody)
            return true;
        QJsonObject object;
        if (!body.trimmed().isEmpty()) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(body, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject())
                return true;
            object = document.object();
        }
        if (!spec)
            return false;
        for (const Field &field : spec->fields) {
            if (!field.required)
                continue;
            const QJsonValue value = object.value(QString::fromLatin1(field.name));
            const bool ok = (field.kind == FieldKind::String && value.isString()) ||
                            (field.kind == FieldKind::Integer && value.isDouble()) ||
                            (field.kind == FieldKind::Object && value.isObject());
            if (!ok)
                return true;
        }
        return false;
    }

    void unknownPathRequest(FuzzRequest &request)
    {
        // The "zz" segment sits where every route has a literal, so no route can fit, whatever the decoding.
        QByteArray path = pickRaw({"/zz", "/v1/zz", "/v1/dev/zz", "/healthz/zz", "/v1/wallet/zz"});
        path += alnum(uniform(0, 12));
        bool clean = true;
        for (int i = uniform(0, 4); i > 0; --i) {
            if (chance(0.7)) {
                path += '/' + alnum(uniform(1, 20));
            } else {
                path += '/' + randomId();
                clean = false;
            }
        }
        request.target = path + (chance(0.2) ? randomQuery() : QByteArray());
        request.method = chance(0.6) ? QByteArray("GET") : otherMethod("GET");
        request.kind = "unknown-path";
        const AuthPlan auth = planAuth(chance(0.7)   ? AuthMode::None
                                       : chance(0.5) ? AuthMode::Valid
                                                     : AuthMode::Broken,
                                       true);
        if (!isBodyless(request.method))
            request.body = chance(0.2)   ? oversize(nullptr)
                           : chance(0.5) ? mutatedObject(nullptr, false)
                                         : anyValue();
        applyAuth(request, auth);
        addOtherHeaders(request);
        request.mustReject = clean;
        if (clean) {
            request.expectStatus = 404;
            request.expectCode = QStringLiteral("resource_missing");
        }
        if (request.body.size() > kMaxBody) {
            request.expectStatus = 413;
            request.expectCode = QStringLiteral("body_too_large");
        }
    }

    void oddTargetRequest(FuzzRequest &request)
    {
        request.kind = "odd-target";
        request.target = pickRaw({"/",
                                  "//",
                                  "/v1",
                                  "/v1/",
                                  "/v1//banks",
                                  "/v1/banks/",
                                  "/V1/BANKS",
                                  "/healthz/",
                                  "/./healthz",
                                  "/v1/./banks",
                                  "/v1/../v1/banks",
                                  "/%76%31/banks",
                                  "/v1/banks%00",
                                  "/v1/banks;x=1",
                                  "/v1/sessions/current/",
                                  "/v1/sessions/CURRENT",
                                  "/v1/enrollments//otp/verify",
                                  "/v1/enrollments/%2F/otp/verify",
                                  "/v1/dev/outbox?to=",
                                  "/healthz?%",
                                  "*",
                                  "/\xe4\xbd\xa0",
                                  "/v1/%ZZ",
                                  "http://127.0.0.1/healthz",
                                  "/v1/wallet?%00"});
        if (chance(0.3))
            request.target += '/' + alnum(uniform(1000, 6000));
        request.method = chance(0.5) ? QByteArray("GET") : otherMethod("GET");
        const AuthPlan auth = planAuth(chance(0.7)   ? AuthMode::None
                                       : chance(0.5) ? AuthMode::Valid
                                                     : AuthMode::Broken,
                                       true);
        // A URL parser may normalize these into a real route, so a body is never one a handler could act on.
        if (!isBodyless(request.method))
            request.body = chance(0.7) ? notAnObject(nullptr) : oversize(nullptr);
        applyAuth(request, auth);
        addOtherHeaders(request);
        if (request.body.size() > kMaxBody) {
            request.expectStatus = 413;
            request.expectCode = QStringLiteral("body_too_large");
        }
        request.mustReject = !isBodyless(request.method);
    }

    std::mt19937_64 m_rng;
    const FuzzState &m_state;
    std::map<QString, BodySpec> m_specs;
    std::vector<Route> m_routes;
    QList<QByteArray> m_usedNonces;
    std::map<QString, int> m_routeUse;
    std::map<QString, int> m_kindUse;
};

// ---------------------------------------------------------------------------------------------------------
// Database snapshots

struct Snapshot
{
    std::map<QString, QStringList> tables; // every table but audit_log and nonces: rows in rowid order
    std::set<QString> nonces;              // "device|nonce|seen_at"
    QString error;
};

QString cell(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::QByteArray)
        return QStringLiteral("x'") + QString::fromLatin1(value.toByteArray().toHex()) + QLatin1Char('\'');
    return value.toString();
}

// Read with a separate read-only connection: with WAL it sees exactly what the server committed.
Snapshot takeSnapshot(const QString &dbPath)
{
    static int counter = 0;
    const QString name = QStringLiteral("fuzz-snapshot-%1").arg(++counter);
    Snapshot snapshot;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            snapshot.error = db.lastError().text();
        } else {
            QSqlQuery tables(db);
            tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            tables.finish();
            for (const QString &table : std::as_const(names)) {
                if (table == QLatin1String("audit_log"))
                    continue;
                QSqlQuery rows(db);
                if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table)) &&
                    !rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(table))) {
                    snapshot.error = table + QStringLiteral(": ") + rows.lastError().text();
                    break;
                }
                QStringList &out = snapshot.tables[table];
                while (rows.next()) {
                    QStringList cells;
                    for (int c = 0; c < rows.record().count(); ++c)
                        cells << cell(rows.value(c));
                    const QString row = cells.join(QLatin1Char('|'));
                    // The autoincrement counter of audit_log moves with every audit row.
                    if (table == QLatin1String("sqlite_sequence") &&
                        row.startsWith(QLatin1String("audit_log|")))
                        continue;
                    if (table == QLatin1String("nonces"))
                        snapshot.nonces.insert(row);
                    else
                        out << row;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return snapshot;
}

// Differences, at most a few per table; empty when equal.
QStringList compareSnapshots(const Snapshot &before, const Snapshot &after)
{
    QStringList diffs;
    std::set<QString> names;
    for (const auto &t : before.tables)
        names.insert(t.first);
    for (const auto &t : after.tables)
        names.insert(t.first);
    for (const QString &name : names) {
        const auto b = before.tables.find(name);
        const auto a = after.tables.find(name);
        const QStringList empty;
        const QStringList &rowsBefore = b == before.tables.end() ? empty : b->second;
        const QStringList &rowsAfter = a == after.tables.end() ? empty : a->second;
        if (rowsBefore == rowsAfter)
            continue;
        int shown = 0;
        for (const QString &row : rowsBefore) {
            if (!rowsAfter.contains(row) && shown++ < 3)
                diffs << QStringLiteral("%1: row gone or changed: %2").arg(name, row.left(300));
        }
        for (const QString &row : rowsAfter) {
            if (!rowsBefore.contains(row) && shown++ < 6)
                diffs << QStringLiteral("%1: row new or changed: %2").arg(name, row.left(300));
        }
        if (shown == 0)
            diffs << QStringLiteral("%1: rows reordered").arg(name);
    }
    return diffs;
}

// The contract's type for an error status (gateway-api.md, "Errors").
QStringList typesForStatus(int status)
{
    switch (status) {
    case 400:
    case 404:
    case 405:
    case 413:
    case 422:
        return {QStringLiteral("invalid_request_error")};
    case 401:
        return {QStringLiteral("authentication_error")};
    case 402:
        return {QStringLiteral("card_error")};
    case 403:
        return {QStringLiteral("authorization_error"), QStringLiteral("limit_error")};
    case 409:
        return {QStringLiteral("invalid_request_error"), QStringLiteral("idempotency_error")};
    case 429:
        return {QStringLiteral("rate_limit_error")};
    default:
        return {};
    }
}

// What is wrong with this answer to this request; empty when nothing.
QString problemWith(const FuzzRequest &request, const FuzzAnswer &answer)
{
    if (!answer.transportError.isEmpty())
        return answer.transportError;
    if (answer.status >= 500)
        return QStringLiteral("a %1 answer: %2").arg(answer.status).arg(escaped(answer.body, 300));
    if (answer.status < 200)
        return QStringLiteral("status %1").arg(answer.status);
    if (request.mustReject && answer.status < 400)
        return QStringLiteral("an invalid request was accepted: %1 %2")
            .arg(answer.status)
            .arg(escaped(answer.body, 300));
    if (request.expectStatus && answer.status != request.expectStatus)
        return QStringLiteral("expected %1, got %2 %3")
            .arg(request.expectStatus)
            .arg(answer.status)
            .arg(escaped(answer.body, 300));
    if (answer.status == 204)
        return answer.body.isEmpty() ? QString() : QStringLiteral("a 204 with a body");
    const bool head = request.method == "HEAD";
    if (answer.status >= 400) {
        if (!head && answer.headers.value("content-type") != "application/json")
            return QStringLiteral("an error without Content-Type: application/json");
        if (head)
            return {};
        const QJsonDocument document = QJsonDocument::fromJson(answer.body);
        const QJsonObject error = document.object().value(QStringLiteral("error")).toObject();
        const QString type = error.value(QStringLiteral("type")).toString();
        const QString code = error.value(QStringLiteral("code")).toString();
        if (!document.isObject() || type.isEmpty() || code.isEmpty() ||
            !error.value(QStringLiteral("message")).isString())
            return QStringLiteral("not the error envelope: %1").arg(escaped(answer.body, 300));
        if (!typesForStatus(answer.status).contains(type))
            return QStringLiteral("status %1 with type %2 (%3)").arg(answer.status).arg(type, code);
        if (!request.expectCode.isEmpty() && code != request.expectCode)
            return QStringLiteral("expected code %1, got %2").arg(request.expectCode, code);
    } else if (!head && !QJsonDocument::fromJson(answer.body).isObject()) {
        return QStringLiteral("a %1 answer that is not a JSON object: %2")
            .arg(answer.status)
            .arg(escaped(answer.body));
    }
    return {};
}

} // namespace

class TestStubFuzz : public QObject
{
    Q_OBJECT

private:
    // The realistic state, built through the normal flows: what the routes with {id} find.
    static bool buildState(StubTestClient &client, const QList<RouteInfo> &routes, FuzzState *state,
                           QString *why)
    {
        const auto has = [&](const char *method, const char *pattern) {
            return std::any_of(routes.begin(), routes.end(), [&](const RouteInfo &r) {
                return r.method == method && r.pattern == QLatin1String(pattern);
            });
        };
        state->wallet = client.enrollWallet();
        if (state->wallet.walletId.isEmpty() || !client.signIn(state->wallet)) {
            *why = client.lastError();
            return false;
        }
        state->realIds << state->wallet.walletId << state->wallet.deviceId;
        // Enrollments in progress: one with the phone verified, one waiting for its code.
        const QString phone1 = client.nextPhone();
        const Reply first = client.createEnrollment(phone1, QStringLiteral("Wang Fang"));
        const QString verifiedId = first.json.value(QStringLiteral("enrollment_id")).toString();
        const Reply verified = client.post(QStringLiteral("/v1/enrollments/%1/otp/verify").arg(verifiedId),
                                           {{QStringLiteral("code"), client.lastCode(phone1)}});
        const Reply second = client.createEnrollment(client.nextPhone(), QStringLiteral("Zhao Lei"));
        if (first.status != 201 || verified.status != 200 || second.status != 201) {
            *why = QStringLiteral("enrollments: ") + verified.summary() + second.summary();
            return false;
        }
        state->realIds << verifiedId << second.json.value(QStringLiteral("enrollment_id")).toString();
        // What the other areas allow, when registered: a password reset, a pending TOTP secret, SMS codes.
        if (has("POST", "/v1/password-resets")) {
            const Reply reset = client.post(QStringLiteral("/v1/password-resets"),
                                            {{QStringLiteral("phone"), state->wallet.phone}});
            if (reset.status != 202) {
                *why = QStringLiteral("password reset: ") + reset.summary();
                return false;
            }
            state->realIds << reset.json.value(QStringLiteral("reset_id")).toString();
        }
        if (has("POST", "/v1/wallet/totp")) {
            const Reply totp = client.sendAuthed(state->wallet, "POST", QStringLiteral("/v1/wallet/totp"));
            if (totp.status != 200 && totp.status != 201) {
                *why = QStringLiteral("totp: ") + totp.summary();
                return false;
            }
        }
        if (has("POST", "/v1/wallet/otp")) {
            const Reply otp =
                client.sendAuthed(state->wallet, "POST", QStringLiteral("/v1/wallet/otp"),
                                  QJsonObject{{QStringLiteral("purpose"), QStringLiteral("pin_change")}});
            if (otp.status != 202) {
                *why = QStringLiteral("wallet otp: ") + otp.summary();
                return false;
            }
        }
        if (has("POST", "/v1/devices/otp")) {
            const Reply otp = client.post(QStringLiteral("/v1/devices/otp"),
                                          {{QStringLiteral("phone"), state->wallet.phone}});
            if (otp.status != 202) {
                *why = QStringLiteral("device otp: ") + otp.summary();
                return false;
            }
        }
        state->now = client.clock->nowSecs();
        return true;
    }

private Q_SLOTS:
    // Found by the fuzzer: an answer to HEAD carried the error body, which a keep-alive client reads as the
    // start of the next answer. HEAD then GET on one connection must give two well-framed answers.
    void headAnswerHasNoBody()
    {
        StubTestClient client;
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        const auto result = client.rawExchange("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                               "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                                               1500);
        QVERIFY2(result.received.startsWith("HTTP/1.1 405"), result.received.constData());
        const qsizetype headEnd = result.received.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        QVERIFY(result.received.left(headEnd).contains("Content-Length: 0"));
        QVERIFY2(result.received.mid(headEnd + 4).startsWith("HTTP/1.1 200 OK"), result.received.constData());
        QVERIFY(result.received.endsWith("{\"status\":\"ok\"}"));
    }

    void fuzz()
    {
        const quint64 seed = envNumber("BW_FUZZ_SEED", kDefaultSeed);
        const int iterations = int(std::max<quint64>(1, envNumber("BW_FUZZ_ITERATIONS", kDefaultIterations)));
        qInfo("fuzz seed %llu, %d requests (replay: BW_FUZZ_SEED=%llu BW_FUZZ_ITERATIONS=%d)",
              static_cast<unsigned long long>(seed), iterations, static_cast<unsigned long long>(seed),
              iterations);

        StubTestClient client;
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        const QList<RouteInfo> routes = client.gateway().routes();
        QVERIFY(!routes.isEmpty());
        FuzzState state;
        QString why;
        QVERIFY2(buildState(client, routes, &state, &why), qPrintable(why));

        const Snapshot before = takeSnapshot(client.dbPath());
        QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
        QVERIFY(before.tables.count(QStringLiteral("wallets")));
        QVERIFY(!before.tables.at(QStringLiteral("sessions")).isEmpty());

        RequestFactory factory(seed, routes, state);
        std::map<int, int> statusCount;
        std::map<QString, int> codeCount;
        QStringList failures;
        int failureCount = 0;
        int sent = 0;
        int answered = 0;
        QElapsedTimer timer;
        timer.start();
        FuzzHttpClient http(client.port(), kConnections);
        http.run(
            [&]() -> std::optional<FuzzRequest> {
                if (sent >= iterations)
                    return std::nullopt;
                return factory.make(sent++);
            },
            [&](const FuzzRequest &request, const FuzzAnswer &answer) {
                ++answered;
                ++statusCount[answer.transportError.isEmpty() ? answer.status : 0];
                if (answer.status >= 400 && request.method != "HEAD") {
                    const QString code = QJsonDocument::fromJson(answer.body)
                                             .object()
                                             .value(QStringLiteral("error"))
                                             .toObject()
                                             .value(QStringLiteral("code"))
                                             .toString();
                    ++codeCount[QStringLiteral("%1 %2").arg(answer.status).arg(code)];
                }
                const QString problem = problemWith(request, answer);
                if (!problem.isEmpty() && ++failureCount <= 20)
                    failures << problem + QStringLiteral("\n    ") + request.describe();
            });
        const qint64 elapsed = timer.elapsed();

        QStringList counts;
        for (const auto &[status, count] : statusCount)
            counts << QStringLiteral("%1: %2")
                          .arg(status ? QString::number(status) : QStringLiteral("no answer"))
                          .arg(count);
        qInfo("%d requests over %d routes in %lld ms (%.0f/s); by status: %s", answered, factory.routeCount(),
              static_cast<long long>(elapsed), answered * 1000.0 / std::max<qint64>(1, elapsed),
              qPrintable(counts.join(QStringLiteral(", "))));
        QStringList codes;
        for (const auto &[code, count] : codeCount)
            codes << QStringLiteral("%1: %2").arg(code).arg(count);
        qInfo("errors by code: %s", qPrintable(codes.join(QStringLiteral(", "))));
        QStringList kinds;
        for (const auto &[kind, count] : factory.kindUse())
            kinds << QStringLiteral("%1: %2").arg(kind).arg(count);
        qInfo("by kind: %s", qPrintable(kinds.join(QStringLiteral(", "))));

        QCOMPARE(answered, iterations);
        // Every registered route was fuzzed.
        for (const RouteInfo &route : routes) {
            const QString key =
                QString::fromLatin1(route.method) + QLatin1Char(' ') + normalizedPattern(route.pattern);
            QVERIFY2((factory.routeUse().count(key) && factory.routeUse().at(key) > 0) ||
                         iterations < 2 * routes.size(),
                     qPrintable(QStringLiteral("never fuzzed: ") + key));
        }
        // Still alive, and nothing changed (checked before the answers are judged, so a failure reports
        // both).
        const Reply health = client.get(QStringLiteral("/healthz"));
        const Snapshot after = takeSnapshot(client.dbPath());
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        const QStringList diffs = compareSnapshots(before, after);
        if (!diffs.isEmpty())
            qWarning("the database changed:\n  %s", qPrintable(diffs.join(QStringLiteral("\n  "))));
        QVERIFY2(failureCount == 0,
                 qPrintable(
                     QStringLiteral("%1 bad answers (seed %2); the first:\n  ").arg(failureCount).arg(seed) +
                     failures.join(QStringLiteral("\n  "))));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY2(diffs.isEmpty(), qPrintable(QStringLiteral("the database changed (seed %1):\n  ").arg(seed) +
                                             diffs.join(QStringLiteral("\n  "))));
        // The replay guard only remembers the nonces of this device's correctly signed requests, at "now".
        int newNonces = 0;
        for (const QString &row : before.nonces)
            QVERIFY2(after.nonces.count(row), qPrintable(QStringLiteral("nonce forgotten: ") + row));
        for (const QString &row : after.nonces) {
            if (before.nonces.count(row))
                continue;
            ++newNonces;
            const QStringList cells = row.split(QLatin1Char('|'));
            QVERIFY2(cells.size() == 3 && cells.at(0) == state.wallet.deviceId &&
                         cells.at(2) == QString::number(state.now),
                     qPrintable(QStringLiteral("unexpected nonce row: ") + row));
        }
        qInfo("%d nonces remembered by the replay guard", newNonces);
        QVERIFY(newNonces > 0); // correctly signed requests did reach the auth layer and pass it
    }
};

QTEST_GUILESS_MAIN(TestStubFuzz)
#include "test_stub_fuzz.moc"
