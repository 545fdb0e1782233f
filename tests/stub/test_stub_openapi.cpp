// The stub's registered routes against docs/gateway-openapi.yaml, both ways (label "stub").
//
// The YAML describes the whole contract; operations the stub does not implement yet carry
// `x-stub-status: planned`. Asserted: every registered route (method + pattern) is documented; every
// operation without the mark is registered; every marked one is NOT registered (so whoever implements one
// must remove the mark); the route's access level matches the operation's `security`; and `x-demo-only`
// is set exactly on the /v1/dev operations.
//
// The routes come from the running server (EmbeddedGateway::routes()), so the test covers whatever is
// registered when it runs. The YAML is read by OpenApiOperations below, a line-based reader of the
// generator's layout (paths at indent 2, methods at 4, operation keys at 6) — no YAML dependency.
#include "stub_test_client.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <map>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

// An operation of the OpenAPI file.
struct Operation
{
    QByteArray method; // upper case
    QString path;      // as written, e.g. /v1/enrollments/{id}/otp/verify
    int line = 0;
    bool planned = false;
    bool demoOnly = false;
    QString stubStatus;       // the raw x-stub-status value ("" when absent)
    bool hasSecurity = false; // an operation-level `security`
    QStringList schemes;      // its scheme names; empty for `security: []`
};

// Compares patterns with any {name} segment as a wildcard: "/v1/devices/{id}" → "/v1/devices/{}".
QString normalizedPattern(const QString &pattern)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[^/{}]*\\}"));
    QString result = pattern;
    result.replace(placeholder, QStringLiteral("{}"));
    return result;
}

QString key(const QByteArray &method, const QString &pattern)
{
    return QString::fromLatin1(method.toUpper()) + QLatin1Char(' ') + normalizedPattern(pattern);
}

// Reads the operations under `paths:`. Returns false with *error when the layout is not the expected one.
bool readOperations(const QString &fileName, QList<Operation> *operations, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(fileName, file.errorString());
        return false;
    }
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^ :]*):\\s*$"));
    static const QRegularExpression methodLine(
        QStringLiteral("^    (get|put|post|delete|patch|head|options|trace):\\s*$"));
    static const QRegularExpression otherPathKey(QStringLiteral("^    [A-Za-z$][^:]*:"));
    static const QRegularExpression operationKey(QStringLiteral("^      ([A-Za-z$][^:]*):\\s*(.*)$"));
    static const QRegularExpression schemeLine(QStringLiteral("^      (?:- |  )([A-Za-z]+): \\[\\]\\s*$"));

    bool inPaths = false;
    bool inSecurity = false;
    QString currentPath;
    Operation *current = nullptr;
    int lineNumber = 0;
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        ++lineNumber;
        if (line.isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (!line.startsWith(QLatin1Char(' '))) { // a top-level key
            inPaths = line == QLatin1String("paths:");
            current = nullptr;
            inSecurity = false;
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            currentPath = m.captured(1);
            current = nullptr;
            inSecurity = false;
            continue;
        }
        if (const auto m = methodLine.match(line); m.hasMatch()) {
            if (currentPath.isEmpty()) {
                *error = QStringLiteral("line %1: a method outside a path").arg(lineNumber);
                return false;
            }
            Operation operation;
            operation.method = m.captured(1).toUpper().toLatin1();
            operation.path = currentPath;
            operation.line = lineNumber;
            operations->append(operation);
            current = &operations->last();
            inSecurity = false;
            continue;
        }
        if (otherPathKey.match(line).hasMatch()) { // e.g. path-level `parameters:`
            current = nullptr;
            inSecurity = false;
            continue;
        }
        if (!current)
            continue;
        if (const auto m = operationKey.match(line); m.hasMatch()) {
            const QString name = m.captured(1);
            const QString value = m.captured(2).trimmed();
            inSecurity = false;
            if (name == QLatin1String("x-stub-status")) {
                current->stubStatus = value;
                current->planned = value == QLatin1String("planned");
            } else if (name == QLatin1String("x-demo-only")) {
                current->demoOnly = value == QLatin1String("true");
            } else if (name == QLatin1String("security")) {
                current->hasSecurity = true;
                if (value == QLatin1String("[]"))
                    current->schemes.clear();
                else if (value.isEmpty())
                    inSecurity = true;
                else {
                    *error =
                        QStringLiteral("line %1: unexpected security value %2").arg(lineNumber).arg(value);
                    return false;
                }
            }
            continue;
        }
        if (inSecurity) {
            if (const auto m = schemeLine.match(line); m.hasMatch())
                current->schemes.append(m.captured(1));
            else
                inSecurity = false;
        }
    }
    return true;
}

QString accessName(Access access)
{
    switch (access) {
    case Access::Public:
        return QStringLiteral("public");
    case Access::Signed:
        return QStringLiteral("signed");
    case Access::Authenticated:
        return QStringLiteral("authenticated");
    }
    return QStringLiteral("?");
}

// The access level an operation's security describes; the file's global default is authenticated.
QString documentedAccess(const Operation &operation)
{
    if (!operation.hasSecurity)
        return QStringLiteral("authenticated");
    if (operation.schemes.isEmpty())
        return QStringLiteral("public");
    if (operation.schemes.contains(QStringLiteral("BearerAuth")))
        return QStringLiteral("authenticated");
    return QStringLiteral("signed");
}

} // namespace

class TestStubOpenApi : public QObject
{
    Q_OBJECT

private:
    QList<Operation> m_operations;
    QList<RouteInfo> m_routes;
    std::map<QString, Operation> m_byKey;

    static QString report(const QStringList &items) { return items.join(QStringLiteral("\n  ")); }

private Q_SLOTS:
    void initTestCase()
    {
        // QFINDTESTDATA looks next to this source file, so the test needs no build-time path.
        const QString yaml = QFINDTESTDATA("../../docs/gateway-openapi.yaml");
        QVERIFY2(!yaml.isEmpty(), "docs/gateway-openapi.yaml not found relative to the test's source");
        QString error;
        QVERIFY2(readOperations(yaml, &m_operations, &error), qPrintable(error));
        for (const Operation &operation : std::as_const(m_operations))
            m_byKey.emplace(key(operation.method, operation.path), operation);

        StubTestClient client;
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        m_routes = client.gateway().routes();
        client.stop();
        qInfo("%lld operations in the YAML (%lld planned), %lld registered routes",
              static_cast<long long>(m_operations.size()),
              static_cast<long long>(std::count_if(m_operations.cbegin(), m_operations.cend(),
                                                   [](const Operation &o) { return o.planned; })),
              static_cast<long long>(m_routes.size()));
    }

    // The reader itself: it must see the whole file, so that the checks below cannot pass vacuously.
    void yamlIsReadCompletely()
    {
        QVERIFY2(m_operations.size() >= 40, qPrintable(QString::number(m_operations.size())));
        QCOMPARE(int(m_byKey.size()), int(m_operations.size())); // no operation twice
        QVERIFY(m_byKey.count(QStringLiteral("GET /healthz")));
        QVERIFY(m_byKey.count(QStringLiteral("POST /v1/enrollments/{}/otp/verify")));
        QVERIFY(m_byKey.count(QStringLiteral("POST /v1/dev/reset")));
        QVERIFY(!m_byKey.at(QStringLiteral("POST /v1/payments")).planned);
        QVERIFY(!m_byKey.at(QStringLiteral("POST /v1/sessions")).planned);
        QCOMPARE(m_byKey.at(QStringLiteral("POST /v1/sessions")).schemes,
                 (QStringList{QStringLiteral("DeviceId"), QStringLiteral("Timestamp"),
                              QStringLiteral("Nonce"), QStringLiteral("Signature")}));
        QStringList badStatus;
        for (const Operation &operation : std::as_const(m_operations)) {
            if (!operation.stubStatus.isEmpty() && !operation.planned)
                badStatus << QStringLiteral("%1 %2 (line %3): x-stub-status: %4")
                                 .arg(QString::fromLatin1(operation.method), operation.path)
                                 .arg(operation.line)
                                 .arg(operation.stubStatus);
        }
        QVERIFY2(badStatus.isEmpty(),
                 qPrintable(QStringLiteral("only `planned` is known:\n  ") + report(badStatus)));
    }

    void wildcardMatching()
    {
        QCOMPARE(normalizedPattern(QStringLiteral("/v1/dev/reviews/{payment_id}")),
                 QStringLiteral("/v1/dev/reviews/{}"));
        QCOMPARE(key("post", QStringLiteral("/v1/enrollments/{id}/otp/verify")),
                 key("POST", QStringLiteral("/v1/enrollments/{enrollment}/otp/verify")));
        QVERIFY(key("GET", QStringLiteral("/v1/sessions/current")) !=
                key("GET", QStringLiteral("/v1/sessions/{id}")));
    }

    void everyRegisteredRouteIsDocumented()
    {
        QVERIFY(!m_routes.isEmpty());
        QStringList undocumented;
        for (const RouteInfo &route : std::as_const(m_routes)) {
            if (!m_byKey.count(key(route.method, route.pattern)))
                undocumented << QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
        }
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("registered but not in docs/gateway-openapi.yaml:\n  ") +
                            report(undocumented)));
    }

    void everyImplementedOperationIsRegistered()
    {
        QSet<QString> registered;
        for (const RouteInfo &route : std::as_const(m_routes))
            registered.insert(key(route.method, route.pattern));
        QStringList missing;
        for (const Operation &operation : std::as_const(m_operations)) {
            if (!operation.planned && !registered.contains(key(operation.method, operation.path)))
                missing << QStringLiteral("%1 %2 (line %3)")
                               .arg(QString::fromLatin1(operation.method), operation.path)
                               .arg(operation.line);
        }
        if (!missing.isEmpty())
            qInfo("not registered yet:\n  %s", qPrintable(report(missing)));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("in the YAML without `x-stub-status: planned` but "
                                           "not registered:\n  ") +
                            report(missing)));
    }

    void noPlannedOperationIsRegistered()
    {
        QStringList implemented;
        for (const RouteInfo &route : std::as_const(m_routes)) {
            const auto it = m_byKey.find(key(route.method, route.pattern));
            if (it != m_byKey.end() && it->second.planned)
                implemented << QStringLiteral("%1 %2 (line %3)")
                                   .arg(QString::fromLatin1(route.method), route.pattern)
                                   .arg(it->second.line);
        }
        QVERIFY2(implemented.isEmpty(),
                 qPrintable(QStringLiteral("registered, so remove `x-stub-status: planned` from:\n  ") +
                            report(implemented)));
    }

    void accessMatchesSecurity()
    {
        QStringList wrong;
        for (const RouteInfo &route : std::as_const(m_routes)) {
            const auto it = m_byKey.find(key(route.method, route.pattern));
            if (it == m_byKey.end())
                continue; // reported by everyRegisteredRouteIsDocumented
            if (accessName(route.access) != documentedAccess(it->second))
                wrong << QStringLiteral("%1 %2: registered %3, documented %4")
                             .arg(QString::fromLatin1(route.method), route.pattern, accessName(route.access),
                                  documentedAccess(it->second));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(report(wrong)));
    }

    void demoOnlyMarksExactlyTheDevOperations()
    {
        QStringList wrong;
        for (const Operation &operation : std::as_const(m_operations)) {
            const bool dev = operation.path.startsWith(QLatin1String("/v1/dev/"));
            if (dev != operation.demoOnly)
                wrong << QStringLiteral("%1 %2 (line %3)")
                             .arg(QString::fromLatin1(operation.method), operation.path)
                             .arg(operation.line);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(report(wrong)));
    }
};

QTEST_GUILESS_MAIN(TestStubOpenApi)
#include "test_stub_openapi.moc"
