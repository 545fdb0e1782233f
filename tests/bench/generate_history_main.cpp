// bw_generate_history: fills a wallet's local history with N generated transactions (HistoryGenerator) —
// for demos with a large account and for the history benchmark. Two targets:
//   --data-dir DIR   a real wallet's folder (the app's --data-dir; default: the app's own folder). The data
//                    key comes from the OS keychain exactly as the app gets it (ServiceContext's
//                    DataKeyProvider), so the app opens the file afterwards. Run it while the app is closed.
//   --db FILE --test-key   a throwaway file sealed with a fixed, public test key (benchmarks, tests).
// Prints progress to stderr and one JSON line with the figures to stdout.
#include "history_generator.h"

#include "crypto/secret_bytes.h"
#include "keychain/data_key_provider.h"
#include "services/service_context.h"
#include "storage/wallet_database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "bw_generate_history: %s\n", qPrintable(message));
    return 2;
}

int generateInto(bw::storage::WalletDatabase &db, const bw::bench::HistoryGenerator &generator)
{
    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = -1;
    const bw::storage::Status status = generator.write(db, [&](qint64 done, qint64 total) {
        const qint64 percent = total ? done * 100 / total : 100;
        if (percent / 5 != lastReport / 5 || done == total) {
            lastReport = percent;
            std::fprintf(stderr, "\r%lld / %lld rows (%lld%%)", static_cast<long long>(done),
                         static_cast<long long>(total), static_cast<long long>(percent));
        }
    });
    std::fprintf(stderr, "\n");
    if (!status)
        return fail(
            QStringLiteral("writing failed: %1 %2").arg(status.error().codeName(), status.error().detail));
    const QJsonObject line{{QStringLiteral("rows"), generator.options().rows},
                           {QStringLiteral("seed"), QString::number(generator.options().seed)},
                           {QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0},
                           {QStringLiteral("db"), db.path()}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The app's names: the same default data folder and keychain service as bankwallet.
    QCoreApplication::setOrganizationName(QStringLiteral("BankWallet"));
    QCoreApplication::setApplicationName(QStringLiteral("BankWallet"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fills a wallet's local history with generated transactions."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("How many rows (default 1000000)."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed (default 8)."),
                                        QStringLiteral("S"), QStringLiteral("8"));
    const QCommandLineOption yearsOption(QStringLiteral("years"),
                                         QStringLiteral("Years of history (default 5)."), QStringLiteral("Y"),
                                         QStringLiteral("5"));
    const QCommandLineOption endOption(
        QStringLiteral("end"),
        QStringLiteral("Time of the newest row: ISO date/time (UTC) or \"now\" (default 2026-11-01)."),
        QStringLiteral("WHEN"));
    const QCommandLineOption prefixOption(QStringLiteral("prefix"),
                                          QStringLiteral("Payment-id prefix (default gen_)."),
                                          QStringLiteral("P"), QStringLiteral("gen_"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("A wallet's data folder (default: the app's)."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("A database file (with --test-key)."), QStringLiteral("FILE"));
    const QCommandLineOption testKeyOption(
        QStringLiteral("test-key"), QStringLiteral("Seal with the fixed public test key (throwaway files)."));
    parser.addOptions({rowsOption, seedOption, yearsOption, endOption, prefixOption, dataDirOption, dbOption,
                       testKeyOption});
    parser.process(app);

    bool ok = false;
    bw::bench::HistoryGeneratorOptions options;
    options.rows = parser.value(rowsOption).toLongLong(&ok);
    if (!ok || options.rows < 0 || options.rows > 100'000'000)
        return fail(QStringLiteral("--rows takes 0..100000000"));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed takes a number"));
    options.years = parser.value(yearsOption).toInt(&ok);
    if (!ok || options.years < 1 || options.years > 50)
        return fail(QStringLiteral("--years takes 1..50"));
    if (parser.isSet(endOption)) {
        const QString when = parser.value(endOption);
        QDateTime end = when == QLatin1String("now") ? QDateTime::currentDateTimeUtc()
                                                     : QDateTime::fromString(when, Qt::ISODate);
        if (!end.isValid())
            return fail(QStringLiteral("--end takes an ISO date/time or \"now\""));
        if (end.timeSpec() == Qt::LocalTime)
            end.setTimeSpec(Qt::UTC);
        options.endMs = end.toMSecsSinceEpoch();
    }
    options.paymentIdPrefix = parser.value(prefixOption);
    const bw::bench::HistoryGenerator generator(options);

    if (parser.isSet(dbOption)) {
        if (!parser.isSet(testKeyOption))
            return fail(QStringLiteral("--db needs --test-key (a real wallet: use --data-dir)"));
        bw::storage::WalletDatabase db;
        const bw::storage::Status opened = db.open(parser.value(dbOption), bw::bench::testDataKey());
        if (!opened)
            return fail(QStringLiteral("cannot open %1: %2 %3")
                            .arg(parser.value(dbOption), opened.error().codeName(), opened.error().detail));
        return generateInto(db, generator);
    }
    if (parser.isSet(testKeyOption))
        return fail(QStringLiteral("--test-key goes with --db FILE"));

    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    dataDir = QDir::cleanPath(QDir(dataDir).absolutePath());
    // The app's ServiceContext knows where the database lives and which keychain entry holds its key.
    bw::services::ServiceContext context(dataDir);
    int rc = 1;
    context.dataKeyProvider().requestKey([&](bw::keychain::DataKeyResult key) {
        if (!key.result.ok()) {
            rc = fail(QStringLiteral("the keychain did not give the data key (%1); nothing was written")
                          .arg(key.result.detail));
        } else if (!QDir().mkpath(dataDir)) {
            rc = fail(QStringLiteral("cannot create %1").arg(dataDir));
        } else {
            bw::storage::WalletDatabase db;
            const bw::storage::Status opened = db.open(context.databasePath(), key.key);
            rc = opened ? generateInto(db, generator)
                        : fail(QStringLiteral("cannot open %1: %2 %3")
                                   .arg(context.databasePath(), opened.error().codeName(),
                                        opened.error().detail));
        }
        QCoreApplication::exit(rc);
    });
    app.exec();
    return rc;
}
