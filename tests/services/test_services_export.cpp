// HistoryExporter against a real wallet database (real keychain via tools/with-keyring, the app's
// DatabaseWorker): a known data set of a few thousand rows is put into the store, and the CSV of a filter,
// in an order, is read back with the strict RFC 4180 parser and compared with the rows the TEST selects,
// orders and formats itself (with and without byte-order mark, English and Chinese names, chunk sizes that
// do not divide the page size); cancel() leaves no file (and an older file untouched); a path that cannot be
// created and a write that fails midway (a file-size limit) give translated errors and no file; during an
// export of 200,000 rows the GUI thread keeps turning and progress arrives many times.
#include "core/csv.h"
#include "models/model_labels.h"
#include "services/history_export.h"
#include "services_test_support.h"
#include "storage/history_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>

#include <algorithm>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

// 2026-03-01 00:00:00 UTC; rows are spread over the following months, each at its own millisecond.
constexpr qint64 kBaseMs = 1772323200000;

const QStringList kKinds = {"payment", "transfer", "top_up", "withdrawal", "incoming"};
const QStringList kStatuses = {"succeeded", "processing", "pending_review", "rejected"};
const QStringList kCategories = {"coffee", "groceries", "dining", "transport", ""};

struct Merchant
{
    QString name;
    QString nameZh;
};
const QVector<Merchant> kMerchants = {
    {"Luckin Coffee, Guomao", "瑞幸咖啡（国贸店）"},
    {"=HYPERLINK(\"http://evil.example\")", ""},
    {"Wu Mart \"Fresh\"", "物美超市"},
    {"Metro Line 10", "地铁10号线"},
};
const QStringList kPeople = {"Wang Fang", "-Zhang Wei", "李雷\r\n韩梅梅", "@Chen, Jie"};
const QStringList kNotes = {"",           "lunch",    "=1+2",    "rent, March \"flat 3\"",
                            "多行\n备注", "\tTabbed", "+86 note"};

// The data set: deterministic, every kind/status/category, merchants and people, hostile texts, card
// payments shown by their debit (amount 0), JPY and USD rows, rows without a balance.
QVector<storage::HistoryRow> makeRows(int n)
{
    QVector<storage::HistoryRow> rows;
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
        storage::HistoryRow r;
        r.paymentId = QStringLiteral("pay_%1").arg(i, 7, 10, QLatin1Char('0'));
        r.lastTxnId = QStringLiteral("txn_%1").arg(i);
        r.kind = kKinds.at(i % kKinds.size());
        r.status = kStatuses.at((i / 5) % kStatuses.size());
        r.currency = i % 17 == 0 ? QStringLiteral("JPY")
                                 : (i % 13 == 0 ? QStringLiteral("USD") : QStringLiteral("CNY"));
        // Unique magnitudes, so that an amount order has no ties.
        const qint64 magnitude = 100 + qint64(i) * 37;
        if (r.kind == QLatin1String("incoming") || r.kind == QLatin1String("top_up")) {
            r.amountMinor = magnitude;
        } else if (r.kind == QLatin1String("payment") && i % 3 == 0) {
            r.amountMinor = 0; // card-funded: the balance did not move; the debit is what it cost
            r.debitMinor = magnitude;
            r.debitCurrency = r.currency;
        } else {
            r.amountMinor = -magnitude;
        }
        if (i % 4 == 0) {
            r.feesMinor = 10 + i % 50;
            r.feesCurrency =
                i % 8 == 0 && r.currency != QLatin1String("USD") ? QStringLiteral("USD") : r.currency;
        }
        if (r.kind == QLatin1String("payment")) {
            const Merchant &m = kMerchants.at(i % kMerchants.size());
            r.counterpartyType = QStringLiteral("merchant");
            r.counterpartyId = QStringLiteral("m_%1").arg(i % kMerchants.size());
            r.merchantName = m.name;
            r.merchantNameZh = m.nameZh;
            r.category = kCategories.at(i % kCategories.size());
        } else if (r.kind == QLatin1String("transfer") || r.kind == QLatin1String("incoming")) {
            r.counterpartyType = QStringLiteral("wallet");
            r.counterpartyId = QStringLiteral("w_%1").arg(i % 97);
            if (i % 11 != 0)
                r.counterpartyName = kPeople.at(i % kPeople.size());
        } else {
            r.counterpartyType = QStringLiteral("payment_method");
            r.counterpartyId = QStringLiteral("pm_card_%1").arg(i % 3);
        }
        r.note = kNotes.at(i % kNotes.size());
        r.receiptNo = i % 9 == 0 ? QString() : QStringLiteral("R2026%1").arg(i, 8, 10, QLatin1Char('0'));
        r.createdAtMs = kBaseMs + qint64(i) * 3'600'017 + (i * 7919) % 1000; // not in insertion order
        if (i % 2 == 0)
            r.createdAtMs = kBaseMs + qint64(n - i) * 3'600'017 + 123;
        r.updatedAtMs = r.createdAtMs;
        if (i % 10 != 0) {
            r.balanceAfterMinor = 500000 + i;
            r.balanceAfterCurrency = QStringLiteral("CNY");
        }
        rows.append(r);
    }
    return rows;
}

// ---- the test's own view of what the export must contain --------------------------------------------

qint64 shownMinor(const storage::HistoryRow &r)
{
    if (r.amountMinor != 0)
        return r.amountMinor;
    return r.debitMinor ? -*r.debitMinor : 0;
}

int digitsOf(const QString &code)
{
    return code == QLatin1String("JPY") ? 0 : 2;
}

QString decimal(qint64 minor, const QString &code)
{
    const int digits = digitsOf(code);
    const bool negative = minor < 0;
    QString abs = QString::number(negative ? -minor : minor);
    if (digits > 0) {
        abs = abs.rightJustified(digits + 1, QLatin1Char('0'));
        abs.insert(abs.size() - digits, QLatin1Char('.'));
    }
    return negative ? QLatin1Char('-') + abs : abs;
}

QString guarded(const QString &text)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    return !text.isEmpty() && triggers.contains(text.front()) ? QLatin1Char('\'') + text : text;
}

QString isoLocal(qint64 ms)
{
    // The test runs with TZ=Asia/Shanghai (see main): UTC+8 all year.
    return QDateTime::fromMSecsSinceEpoch(ms + 8 * 3600 * 1000, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
           QStringLiteral("+08:00");
}

QString englishKind(const QString &k)
{
    static const QHash<QString, QString> names = {{"payment", "Payment"},
                                                  {"transfer", "Transfer"},
                                                  {"top_up", "Top-up"},
                                                  {"withdrawal", "Withdrawal"},
                                                  {"incoming", "Money received"}};
    return names.value(k, k);
}
QString englishStatus(const QString &s)
{
    static const QHash<QString, QString> names = {{"succeeded", "Succeeded"},
                                                  {"processing", "Processing"},
                                                  {"pending_review", "Under review"},
                                                  {"rejected", "Rejected"}};
    return names.value(s, s);
}
QString englishCategory(const QString &c)
{
    static const QHash<QString, QString> names = {
        {"coffee", "Coffee"}, {"groceries", "Groceries"}, {"dining", "Dining"}, {"transport", "Transport"}};
    return names.value(c, c);
}

QStringList expectedRecord(const storage::HistoryRow &r, bool chinese)
{
    const QString currency = r.amountMinor == 0 && r.debitMinor ? r.debitCurrency : r.currency;
    QString counterparty;
    if (!r.merchantName.isEmpty())
        counterparty = chinese && !r.merchantNameZh.isEmpty() ? r.merchantNameZh : r.merchantName;
    else
        counterparty = r.counterpartyName.isEmpty() ? r.counterpartyId : r.counterpartyName;
    const auto own = [&](qint64 minor, const QString &code) {
        return code == currency ? decimal(minor, code) : decimal(minor, code) + QLatin1Char(' ') + code;
    };
    return {
        isoLocal(r.createdAtMs),
        englishKind(r.kind),
        englishStatus(r.status),
        guarded(counterparty),
        englishCategory(r.category),
        decimal(shownMinor(r), currency),
        currency,
        r.feesCurrency.isEmpty() ? decimal(0, currency) : own(r.feesMinor, r.feesCurrency),
        r.balanceAfterMinor ? own(*r.balanceAfterMinor, r.balanceAfterCurrency) : QString(),
        r.receiptNo,
        guarded(r.note),
        r.paymentId,
    };
}

const QStringList kEnglishHeader = {"Date and time", "Type",           "Status",   "Counterparty",
                                    "Category",      "Amount",         "Currency", "Fees",
                                    "Balance after", "Receipt number", "Note",     "Payment ID"};

HistoryExportOptions englishOptions()
{
    HistoryExportOptions options;
    options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
    options.labels = {&models::ModelLabels::kindName, &models::ModelLabels::statusName,
                      &models::ModelLabels::categoryName};
    return options;
}

struct ExportRun
{
    std::optional<ServiceResult<qint64>> result;
    QVector<QPair<qint64, qint64>> progress;
};

ExportRun runExport(HistoryExporter &exporter, const QString &path, const storage::HistoryFilter &filter,
                    storage::HistorySort sort, storage::SortOrder order, const HistoryExportOptions &options,
                    const std::function<void(qint64, qint64)> &onProgress = {})
{
    ExportRun run;
    const auto c1 = QObject::connect(&exporter, &HistoryExporter::progress, [&](qint64 done, qint64 total) {
        run.progress.append({done, total});
        if (onProgress)
            onProgress(done, total);
    });
    const auto c2 = QObject::connect(&exporter, &HistoryExporter::finished,
                                     [&](const ServiceResult<qint64> &r) { run.result.emplace(r); });
    if (exporter.start(path, filter, sort, order, options))
        (void)QTest::qWaitFor([&] { return run.result.has_value(); }, 120000);
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return run;
}

core::CsvResult readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::CsvError{core::CsvErrorCode::UnterminatedQuote, -1, -1};
    return core::parseCsv(file.readAll());
}

bool insertRows(ServiceContext &ctx, const QVector<storage::HistoryRow> &rows)
{
    const auto status = runOnDatabase<storage::Status>(
        ctx.database(),
        [rows](storage::WalletDatabase &db) { return storage::HistoryStore(db).upsertBatch(rows); }, 600000);
    if (!status || !*status) {
        qWarning("upsertBatch failed: %s", status ? qPrintable(status->error().codeName()) : "timeout");
        return false;
    }
    return true;
}

} // namespace

class TestServicesExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServicesFixture> m_fx;
    QVector<storage::HistoryRow> m_rows;
    QTemporaryDir m_out;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        m_fx = std::make_unique<ServicesFixture>();
        QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
        QVERIFY(m_fx->openStorage());
        m_rows = makeRows(6000);
        QVERIFY(insertRows(m_fx->context(), m_rows));
    }
    void cleanupTestCase() { m_fx.reset(); }

    void filteredExportParsesBackToExactlyThoseRows_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("chinese");
        QTest::addColumn<int>("sort");
        QTest::addColumn<int>("order");
        QTest::addColumn<int>("chunkRows");
        QTest::newRow("date desc, no BOM") << false << false << int(storage::HistorySort::Date)
                                           << int(storage::SortOrder::Descending) << 2000;
        QTest::newRow("amount asc, BOM, zh names, odd chunks")
            << true << true << int(storage::HistorySort::Amount) << int(storage::SortOrder::Ascending) << 777;
        QTest::newRow("date asc, BOM")
            << true << false << int(storage::HistorySort::Date) << int(storage::SortOrder::Ascending) << 1000;
    }
    void filteredExportParsesBackToExactlyThoseRows()
    {
        QFETCH(bool, bom);
        QFETCH(bool, chinese);
        QFETCH(int, sort);
        QFETCH(int, order);
        QFETCH(int, chunkRows);

        // Money out of kinds payment/transfer, not rejected, in CNY, after the first weeks.
        storage::HistoryFilter filter;
        filter.kinds = {QStringLiteral("payment"), QStringLiteral("transfer")};
        filter.statuses = {QStringLiteral("succeeded"), QStringLiteral("processing"),
                           QStringLiteral("pending_review")};
        filter.currency = QStringLiteral("CNY");
        filter.fromMs = kBaseMs + qint64(500) * 3'600'017;

        QVector<storage::HistoryRow> expected;
        for (const auto &r : m_rows) {
            if (filter.kinds.contains(r.kind) && filter.statuses.contains(r.status) && r.currency == "CNY" &&
                r.createdAtMs >= *filter.fromMs)
                expected.append(r);
        }
        const bool byAmount = sort == int(storage::HistorySort::Amount);
        const bool ascending = order == int(storage::SortOrder::Ascending);
        std::sort(expected.begin(), expected.end(), [&](const auto &a, const auto &b) {
            const qint64 ka = byAmount ? shownMinor(a) : a.createdAtMs;
            const qint64 kb = byAmount ? shownMinor(b) : b.createdAtMs;
            return ascending ? ka < kb : ka > kb;
        });
        QVERIFY2(expected.size() > 1000 && expected.size() < 4000,
                 qPrintable(QString::number(expected.size())));

        HistoryExporter exporter(m_fx->context());
        HistoryExportOptions options = englishOptions();
        options.byteOrderMark = bom;
        options.chunkRows = chunkRows;
        if (chinese)
            options.locale = QLocale(QLocale::Chinese, QLocale::China);
        const QString path =
            m_out.filePath(QStringLiteral("filtered-%1.csv").arg(QTest::currentDataTag()).replace(' ', '_'));
        const ExportRun run =
            runExport(exporter, path, filter, storage::HistorySort(sort), storage::SortOrder(order), options);
        QVERIFY(run.result.has_value());
        QVERIFY2(run.result->ok(), qPrintable(run.result->error().summary()));
        QCOMPARE(run.result->value(), qint64(expected.size()));
        QVERIFY(!exporter.isRunning());

        // Progress: first the count, then after every chunk, ending at N of N, never above N.
        QVERIFY(run.progress.size() >= 2);
        QCOMPARE(run.progress.front(), qMakePair(qint64(0), qint64(expected.size())));
        QCOMPARE(run.progress.back(), qMakePair(qint64(expected.size()), qint64(expected.size())));
        for (int i = 1; i < run.progress.size(); ++i) {
            QVERIFY(run.progress[i].first >= run.progress[i - 1].first);
            QVERIFY(run.progress[i].first <= run.progress[i].second);
        }
        QVERIFY(run.progress.size() >= 1 + int(expected.size() / chunkRows));

        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
        QVERIFY(bytes.endsWith("\r\n"));
        const core::CsvResult csv = core::parseCsv(bytes);
        QVERIFY2(csv.ok(), qPrintable(csv.error().summary()));
        QCOMPARE(csv->hadByteOrderMark, bom);
        QCOMPARE(csv->records.size(), expected.size() + 1);
        QCOMPARE(csv->records.front(), kEnglishHeader);
        for (int i = 0; i < expected.size(); ++i) {
            const QStringList want = expectedRecord(expected.at(i), chinese);
            if (csv->records.at(i + 1) != want) {
                qWarning() << "row" << i << "got" << csv->records.at(i + 1) << "want" << want;
                QFAIL("a row differs");
            }
        }
    }

    void everythingWithoutFilter()
    {
        HistoryExporter exporter(m_fx->context());
        const QString path = m_out.filePath(QStringLiteral("all.csv"));
        const ExportRun run = runExport(exporter, path, {}, storage::HistorySort::Date,
                                        storage::SortOrder::Descending, englishOptions());
        QVERIFY(run.result && run.result->ok());
        QCOMPARE(run.result->value(), qint64(m_rows.size()));
        const core::CsvResult csv = readCsv(path);
        QVERIFY(csv.ok());
        QCOMPARE(csv->records.size(), m_rows.size() + 1);
        QSet<QString> ids;
        for (int i = 1; i < csv->records.size(); ++i)
            ids.insert(csv->records.at(i).back());
        QCOMPARE(ids.size(), m_rows.size());
        // A search the store answers from its index narrows the export too.
        storage::HistoryFilter search;
        search.searchText = QStringLiteral("咖啡");
        qint64 expected = 0;
        for (const auto &r : m_rows)
            expected += r.merchantNameZh.contains(QStringLiteral("咖啡")) ? 1 : 0;
        const ExportRun searched =
            runExport(exporter, m_out.filePath(QStringLiteral("search.csv")), search,
                      storage::HistorySort::Date, storage::SortOrder::Descending, englishOptions());
        QVERIFY(searched.result && searched.result->ok());
        QCOMPARE(searched.result->value(), expected);
    }

    void cancelLeavesNoFileAndKeepsAnOlderOne()
    {
        HistoryExporter exporter(m_fx->context());
        HistoryExportOptions options = englishOptions();
        options.chunkRows = 100;
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
        bool cancelled = false;
        ExportRun run = runExport(exporter, fresh, {}, storage::HistorySort::Date,
                                  storage::SortOrder::Descending, options, [&](qint64 done, qint64) {
                                      if (done >= 300 && !cancelled) {
                                          cancelled = true;
                                          exporter.cancel();
                                      }
                                  });
        QVERIFY(cancelled);
        QVERIFY(run.result.has_value());
        QVERIFY(!run.result->ok());
        QCOMPARE(run.result->error().code, QStringLiteral("export_cancelled"));
        QVERIFY(!run.result->error().userMessage().isEmpty());
        QVERIFY(run.progress.back().first < qint64(m_rows.size()));
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());

        // An existing file the export would have replaced stays exactly as it was.
        const QString existing = dir.filePath(QStringLiteral("existing.csv"));
        {
            QFile f(existing);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old contents\r\n");
        }
        cancelled = false;
        run = runExport(exporter, existing, {}, storage::HistorySort::Date, storage::SortOrder::Descending,
                        options, [&](qint64 done, qint64) {
                            if (done >= 100 && !cancelled) {
                                cancelled = true;
                                exporter.cancel();
                            }
                        });
        QVERIFY(run.result && !run.result->ok());
        QCOMPARE(run.result->error().code, QStringLiteral("export_cancelled"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old contents\r\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("existing.csv")});

        // Cancel right after start: still exactly one finished(), no file.
        const QString early = dir.filePath(QStringLiteral("early.csv"));
        std::optional<ServiceResult<qint64>> result;
        int finishedCount = 0;
        connect(&exporter, &HistoryExporter::finished, this, [&](const ServiceResult<qint64> &r) {
            ++finishedCount;
            result.emplace(r);
        });
        QVERIFY(
            exporter.start(early, {}, storage::HistorySort::Date, storage::SortOrder::Descending, options));
        QVERIFY(
            !exporter.start(early, {}, storage::HistorySort::Date, storage::SortOrder::Descending, options));
        exporter.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QTest::qWait(50);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(result->error().code, QStringLiteral("export_cancelled"));
        QVERIFY(!QFile::exists(early));
    }

    void unwritablePathGivesTranslatedError()
    {
        QTemporaryDir dir;
        // A regular file where a folder should be: no one (root included) can create a file below it.
        const QString notAFolder = dir.filePath(QStringLiteral("not-a-folder"));
        {
            QFile f(notAFolder);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        HistoryExporter exporter(m_fx->context());
        for (const QString &path : {notAFolder + QStringLiteral("/history.csv"),
                                    dir.filePath(QStringLiteral("missing/folder/history.csv"))}) {
            const ExportRun run = runExport(exporter, path, {}, storage::HistorySort::Date,
                                            storage::SortOrder::Descending, englishOptions());
            QVERIFY(run.result.has_value());
            QVERIFY(!run.result->ok());
            QCOMPARE(run.result->error().code, QStringLiteral("export_cannot_write"));
            const QString message = run.result->error().userMessage();
            QVERIFY2(message.contains(QStringLiteral("Choose a folder you can write to")),
                     qPrintable(message));
            QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
            QVERIFY(!QFile::exists(path));
        }
        QVERIFY(!exporter.start(QStringLiteral("  "), {}, storage::HistorySort::Date,
                                storage::SortOrder::Descending));
    }

    void writeFailureMidwayLeavesNoFile()
    {
        // A file-size limit makes write() fail with EFBIG part-way (the way a full disk does): the export
        // must say so and leave nothing behind. SIGXFSZ would otherwise end the process.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("too-big.csv"));
        HistoryExporter exporter(m_fx->context());
        std::optional<ServiceResult<qint64>> result;
        connect(&exporter, &HistoryExporter::finished, this,
                [&](const ServiceResult<qint64> &r) { result.emplace(r); });
        auto *previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit limited = old;
        limited.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const bool started = exporter.start(path, {}, storage::HistorySort::Date,
                                            storage::SortOrder::Descending, englishOptions());
        const bool answered = QTest::qWaitFor([&] { return result.has_value(); }, 60000);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QVERIFY(started);
        QVERIFY(answered);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("export_write_failed"));
        QVERIFY(result->error().userMessage().contains(QStringLiteral("disk may be full")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void guiThreadKeepsTurningDuring200kExport()
    {
        // 194,000 more rows → 200,000 in all. 2,000 go in through the store; the rest are copies of them
        // made inside SQLite (new payment ids, earlier times), because upserting 194,000 rows one by one
        // takes minutes under ASan on this shared machine. The column list is read from the table, so
        // the copy follows schema changes; the store's triggers keep the search index in step.
        constexpr int kSeeds = 2000;
        constexpr int kCopies = 96;
        QElapsedTimer timer;
        timer.start();
        QVector<storage::HistoryRow> seeds;
        for (int i = 0; i < kSeeds; ++i) {
            storage::HistoryRow r;
            r.paymentId = QStringLiteral("bulk_%1").arg(i, 7, 10, QLatin1Char('0'));
            r.kind = QStringLiteral("payment");
            r.status = QStringLiteral("succeeded");
            r.amountMinor = -(100 + i % 5000);
            r.currency = QStringLiteral("CNY");
            r.counterpartyType = QStringLiteral("merchant");
            r.counterpartyId = QStringLiteral("m_bulk");
            r.merchantName = QStringLiteral("Bulk Store %1").arg(i % 50);
            r.category = QStringLiteral("groceries");
            r.receiptNo = QStringLiteral("B%1").arg(i);
            r.createdAtMs = kBaseMs - qint64(i + 1) * 60000; // 2,000 minutes before the known rows
            r.updatedAtMs = r.createdAtMs;
            seeds.append(r);
        }
        QVERIFY(insertRows(m_fx->context(), seeds));
        const auto copied = runOnDatabase<QString>(
            m_fx->context().database(),
            [](storage::WalletDatabase &db) -> QString {
                auto info = db.exec(QStringLiteral("PRAGMA table_info(history)"));
                if (!info)
                    return info.error().codeName();
                QStringList columns;
                QStringList values;
                QSqlQuery &query = info.value();
                while (query.next()) {
                    const QString name = query.value(1).toString();
                    if (name == QLatin1String("id"))
                        continue;
                    columns.append(name);
                    if (name == QLatin1String("payment_id"))
                        values.append(QStringLiteral("h.payment_id || '_' || m.k"));
                    else if (name == QLatin1String("created_at") || name == QLatin1String("updated_at"))
                        values.append(QStringLiteral("h.%1 - m.k * 172800000").arg(name)); // 2 days a copy
                    else if (name.endsWith(QLatin1String("_sealed")))
                        values.append(QStringLiteral("NULL")); // sealed with the row id: never copied
                    else
                        values.append(QStringLiteral("h.") + name);
                }
                auto insert =
                    db.exec(QStringLiteral(
                                "WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < %1)"
                                " INSERT INTO history (%2) SELECT %3 FROM history h, m"
                                " WHERE h.payment_id LIKE 'bulk\\_%' ESCAPE '\\'")
                                .arg(kCopies)
                                .arg(columns.join(QLatin1Char(',')), values.join(QLatin1Char(','))));
                return insert ? QString()
                              : insert.error().codeName() + QLatin1Char(' ') + insert.error().detail;
            },
            300000);
        QVERIFY(copied.has_value());
        QVERIFY2(copied->isEmpty(), qPrintable(*copied));
        const int more = kSeeds * (kCopies + 1);
        QCOMPARE(int(m_rows.size()) + more, 200000);

        qInfo("inserted %d rows in %lld ms", more, timer.restart());
        HistoryExporter exporter(m_fx->context());
        const QString path = m_out.filePath(QStringLiteral("big.csv"));
        // The probe: a 5 ms timer on the GUI thread; it can only fire while the event loop turns.
        int ticks = 0;
        QTimer probe;
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] { ++ticks; });
        probe.start();
        int ticksAtFirstProgress = -1;
        const ExportRun run =
            runExport(exporter, path, {}, storage::HistorySort::Date, storage::SortOrder::Descending,
                      englishOptions(), [&](qint64 done, qint64) {
                          if (done > 0 && ticksAtFirstProgress < 0)
                              ticksAtFirstProgress = ticks;
                      });
        probe.stop();
        qInfo("exported in %lld ms: %d progress signals, %d probe ticks", timer.elapsed(),
              int(run.progress.size()), ticks);
        QVERIFY(run.result && run.result->ok());
        QCOMPARE(run.result->value(), qint64(200000));
        QVERIFY2(run.progress.size() >= 50, qPrintable(QString::number(run.progress.size())));
        // The loop kept turning between the first and the last chunk (not one long block).
        QVERIFY2(ticks > ticksAtFirstProgress + 10,
                 qPrintable(QStringLiteral("%1 %2").arg(ticks).arg(ticksAtFirstProgress)));
        const core::CsvResult csv = readCsv(path);
        QVERIFY2(csv.ok(), qPrintable(csv.error().summary()));
        QCOMPARE(csv->records.size(), 200001);
    }
};

int main(int argc, char **argv)
{
    // Local time with a fixed, known offset, so the expected ISO 8601 times can be written by hand.
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    QCoreApplication app(argc, argv);
    TestServicesExport test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_services_export.moc"
