// bankwallet-gateway: the bank gateway stub as a standalone server, for branch demos shared by several
// desktops and for poking at the contract with curl. Options are validated strictly: a bad value is
// reported and the program exits with status 2 before anything is opened.
#include "app/common/quit_on_signals.h"
#include "bw_config.h"
#include "stub/gateway_server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QStandardPaths>

#include <cstdio>

namespace {

constexpr int kUsageError = 2;

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "bankwallet-gateway: %s\nTry 'bankwallet-gateway --help'.\n", qPrintable(message));
    std::exit(kUsageError);
}

double parseRate(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return 0;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        usageError(QStringLiteral("--%1 needs a probability between 0 and 1, not '%2'")
                       .arg(name, parser.value(name)));
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bankwallet-gateway"));
    QCoreApplication::setOrganizationName(QStringLiteral("BankWallet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BW_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("BankWallet bank gateway stub: a real HTTP server with the "
                       "rules of a strict bank (gateway API v1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("listen"), QStringLiteral("Address and port to listen on (default 127.0.0.1:8080)."),
         QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080")},
        {QStringLiteral("db"), QStringLiteral("SQLite database file (default: in the app data folder)."),
         QStringLiteral("FILE")},
        {QStringLiteral("demo"),
         QStringLiteral("Demo mode: enables the /v1/dev endpoints (outbox, staff actions).")},
        {QStringLiteral("latency-ms"), QStringLiteral("Delay every answer by N milliseconds (0-60000)."),
         QStringLiteral("N")},
        {QStringLiteral("fail-rate"), QStringLiteral("Answer 503 injected_fault with probability P (0-1)."),
         QStringLiteral("P")},
        {QStringLiteral("drop-after-commit-rate"),
         QStringLiteral("Commit, then close the connection unanswered, with probability P (0-1)."),
         QStringLiteral("P")},
        {QStringLiteral("seed"), QStringLiteral("Seed for fault injection, to make it repeatable."),
         QStringLiteral("N")},
        {QStringLiteral("tls-cert"),
         QStringLiteral("Serve HTTPS with this PEM certificate (needs --tls-key; clients pin its key)."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), QStringLiteral("The PEM private key (RSA) of --tls-cert."),
         QStringLiteral("FILE")},
    });
    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    bw::stub::StubConfig config;
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        address = QHostAddress();
    if (!portOk || port > 65535 || address.isNull())
        usageError(
            QStringLiteral("--listen needs HOST:PORT with an IP address (or localhost) and a port 0-65535, "
                           "not '%1'")
                .arg(listen));

    if (parser.isSet(QStringLiteral("db"))) {
        config.dbPath = parser.value(QStringLiteral("db"));
        if (config.dbPath.isEmpty())
            usageError(QStringLiteral("--db needs a file name"));
    } else {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        config.dbPath = QDir(dir).filePath(QStringLiteral("gateway-stub.sqlite"));
    }
    config.demo = parser.isSet(QStringLiteral("demo"));
    if (parser.isSet(QStringLiteral("latency-ms"))) {
        bool ok = false;
        config.latencyMs = parser.value(QStringLiteral("latency-ms")).toInt(&ok);
        if (!ok || config.latencyMs < 0 || config.latencyMs > 60000)
            usageError(QStringLiteral(
                           "--latency-ms needs a whole number of milliseconds between 0 and 60000, not '%1'")
                           .arg(parser.value(QStringLiteral("latency-ms"))));
    }
    config.failRate = parseRate(parser, QStringLiteral("fail-rate"));
    config.dropAfterCommitRate = parseRate(parser, QStringLiteral("drop-after-commit-rate"));
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        config.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            usageError(QStringLiteral("--seed needs a non-negative whole number, not '%1'")
                           .arg(parser.value(QStringLiteral("seed"))));
    }
    config.tlsCertificatePath = parser.value(QStringLiteral("tls-cert"));
    config.tlsKeyPath = parser.value(QStringLiteral("tls-key"));
    if (config.tlsCertificatePath.isEmpty() != config.tlsKeyPath.isEmpty())
        usageError(QStringLiteral("--tls-cert and --tls-key go together"));

    const bw::app::QuitOnSignals quitOnSignals;
    if (!quitOnSignals.isActive()) {
        std::perror("bankwallet-gateway: socketpair");
        return 1;
    }

    bw::stub::GatewayServer server(config);
    QString error;
    if (!server.open(&error)) {
        std::fprintf(stderr, "bankwallet-gateway: %s\n", qPrintable(error));
        return 1;
    }
    const quint16 actual = server.listen(address, quint16(port), &error);
    if (actual == 0) {
        std::fprintf(stderr, "bankwallet-gateway: %s\n", qPrintable(error));
        return 1;
    }
    const QString shownHost = address.protocol() == QAbstractSocket::IPv6Protocol
                                  ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                  : address.toString();
    std::printf("bankwallet-gateway %s listening on %s://%s:%u%s\ndatabase: %s\n", BW_VERSION,
                config.tlsCertificatePath.isEmpty() ? "http" : "https", qPrintable(shownHost),
                unsigned(actual), config.demo ? " (demo mode)" : "",
                qPrintable(QDir::toNativeSeparators(config.dbPath)));
    std::fflush(stdout);

    const int status = QCoreApplication::exec();
    server.shutdown();
    std::printf("bankwallet-gateway: stopped\n");
    return status;
}
