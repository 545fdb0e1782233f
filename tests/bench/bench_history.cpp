// bench_history (issue 8): the History at a million transactions, side by side on ONE generated file.
//   "paged":    models::HistoryModel (keyset pages, SQL filters, FTS5 search) in a real QTableView.
//   "baseline": the usual way — QSqlTableModel on the same history table under a QSortFilterProxyModel in a
//               QTableView (sorting and filtering in the proxy, fetchMore until everything is loaded).
// Both views: offscreen platform, 1000×700, fixed row height. Measures (one JSON line each, exactly
//   {"model", "measure", "rows", "median_ms", "p95_ms", "max_ms", "rss_mb"}):
//   first_page   model made, set on the view, first page painted and its first row read;
//   scroll_end   scrollToBottom() until the last row is painted and its data read (the baseline first
//                fetches until canFetchMore() is false — that is what reaching the end costs it);
//   sort         a change to the amount order (the shown amount), painted;
//   filter       each filter change (kind, status, date range, amount range, currency, category, payment
//                method), painted with its row count;
//   search       the generator's 20 terms from rare to very common (paged: filter.searchText; baseline: a
//                case-insensitive fixed string in the merchant names, category or receipt number);
//   stall_sync   (paged only) the longest gap a 1 ms event-loop probe sees while a real HistoryService
//                syncs 100,000 new feed entries from the real stub, with the model attached to it (the stub
//                runs in the parent process, so the child's rss is the app's alone);
//   stall_export (paged only) the same while services::HistoryExporter writes a CSV of every row.
// median/p95/max are over the repetitions of a measure; for the stall measures over the probe's gaps
// (max_ms = the longest stall). rss_mb is VmRSS after the measure; the peak (VmHWM) goes to stderr.
// Each model runs in its own child process (this executable again, with --child), so one model's memory
// never counts for the other. The stall measures need the keychain: run under tools/with-keyring.
//
//   bench_history [--rows N (1000000)] [--skip-baseline] [--seed S] [--db FILE (keep/reuse the data)]
//                 [--baseline-cases N (the baseline measures N filter changes and N terms; default all)]
#include "history_generator.h"

#include "core/memory_allocator.h"

#include "models/history_model.h"
#include "models/model_labels.h"
#include "services/history_export.h"
#include "services/history_service.h"
#include "services/services_test_support.h"
#include "storage/history_store.h"
#include "storage/wallet_database.h"
#include "stub/clock.h"
#include "stub/embedded_gateway.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

using namespace bw;

namespace {

constexpr int kRepeats = 5;
// Feed entries the stall_sync measure syncs (--sync-entries changes it for quick checks only).
int g_syncEntries = 100'000;
// Filter changes and search terms the baseline measures (--baseline-cases; 0 = all). Each of its changes
// takes seconds to minutes at 1,000,000 rows; a sample spread evenly over the list (rare and common terms
// alike) keeps a full run within the hour.
int g_baselineCases = 0;

// n items spread evenly over the list, first and last included (all when n is 0 or covers it).
template<class List>
List spread(const List &all, int n)
{
    if (n <= 0 || n >= all.size())
        return all;
    List picked;
    for (int i = 0; i < n; ++i)
        picked.append(all.at(n == 1 ? 0 : qsizetype(i) * (all.size() - 1) / (n - 1)));
    return picked;
}

double memoryMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    return 0;
}
double rssMb()
{
    return memoryMb("VmRSS:");
}
double peakRssMb()
{
    return memoryMb("VmHWM:");
}

void note(const QString &text)
{
    std::fprintf(stderr, "# %s\n", qPrintable(text));
    std::fflush(stderr);
}

[[noreturn]] void die(const QString &text)
{
    std::fprintf(stderr, "bench_history: %s\n", qPrintable(text));
    std::exit(2);
}

struct BenchLine
{
    QString model;
    qint64 rows = 0;
};

void printLine(const BenchLine &r, const char *measure, std::vector<double> ms)
{
    if (ms.empty())
        ms.push_back(0);
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, size_t(double(ms.size() - 1) * q + 0.5))];
    };
    const QJsonObject line{
        {QStringLiteral("model"), r.model},   {QStringLiteral("measure"), QString::fromLatin1(measure)},
        {QStringLiteral("rows"), r.rows},     {QStringLiteral("median_ms"), at(0.5)},
        {QStringLiteral("p95_ms"), at(0.95)}, {QStringLiteral("max_ms"), ms.back()},
        {QStringLiteral("rss_mb"), rssMb()}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    note(QStringLiteral("%1 %2 done; peak rss %3 MB")
             .arg(r.model, QString::fromLatin1(measure))
             .arg(peakRssMb(), 0, 'f', 1));
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Counts paint events of a view's viewport, so "painted" is checked, not assumed.
class PaintProbe : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// The views of both models: the same size, font and fixed row height.
struct View
{
    QTableView view;
    PaintProbe probe;
    View()
    {
        view.resize(1000, 700);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.verticalHeader()->setDefaultSectionSize(24);
        view.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        view.viewport()->installEventFilter(&probe);
        view.show();
        QCoreApplication::processEvents();
        // The window's own start-up (font database, glyph caches, style) once, with a throwaway row of text
        // in a header and cells: in the app the window has painted long before the History is opened, so
        // these one-time costs are not the model's first page.
        QStandardItemModel warmUp(1, 8);
        for (int column = 0; column < 8; ++column) {
            warmUp.setHeaderData(column, Qt::Horizontal, QStringLiteral("Date 日期 %1").arg(column));
            warmUp.setItem(0, column, new QStandardItem(QStringLiteral("¥-1,234.56 咖啡 Coffee")));
        }
        view.setModel(&warmUp);
        paintNow();
        view.setModel(nullptr);
    }
    // Paints the viewport now (synchronously) and waits for the paint if the platform deferred it.
    void paintNow()
    {
        const int before = probe.paints;
        view.viewport()->repaint();
        QElapsedTimer t;
        t.start();
        while (probe.paints == before && t.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (probe.paints == before)
            die(QStringLiteral("the view was not painted"));
    }
    // The last row visible after scrolling to the bottom.
    int lastVisibleRow() const { return view.rowAt(view.viewport()->height() - 2); }
};

// An event-loop latency probe: a 1 ms timer; every gap beyond its period is a stall of the GUI thread.
class StallProbe : public QObject
{
public:
    std::vector<double> gaps;
    void start()
    {
        gaps.clear();
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = msSince(m_clock);
            gaps.push_back(std::max(0.0, now - m_last - 1.0));
            m_last = now;
        });
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop()
    {
        m_timer.stop();
        QObject::disconnect(&m_timer, nullptr, this, nullptr);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
};

// The application, timing each event it delivers while `tracing` is on: the slowest ones go to stderr after a
// stall measure, so a long stall names the object and event that caused it.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    struct Slow
    {
        double ms;
        QByteArray what;
    };
    bool tracing = false;
    std::vector<Slow> slow;

    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs on every thread; only the GUI thread's events are its stalls.
        if (!tracing || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Named before delivery: a DeferredDelete event deletes its receiver.
        const QByteArray what = QByteArray(receiver->metaObject()->className()) + " event " +
                                QByteArray::number(int(event->type()));
        // Self time: an event that runs a nested event loop does not own what that loop delivers.
        // Wall and CPU time: wall minus CPU is time the thread waited (another thread had the core).
        const double nestedBefore = m_nestedMs;
        const double nestedCpuBefore = m_nestedCpuMs;
        QElapsedTimer t;
        t.start();
        const double cpuStart = threadCpuMs();
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double total = double(t.nsecsElapsed()) / 1e6;
        const double totalCpu = threadCpuMs() - cpuStart;
        const double self = total - (m_nestedMs - nestedBefore);
        const double selfCpu = totalCpu - (m_nestedCpuMs - nestedCpuBefore);
        m_nestedMs = nestedBefore + (m_depth > 0 ? total : 0.0);
        m_nestedCpuMs = nestedCpuBefore + (m_depth > 0 ? totalCpu : 0.0);
        if (self >= 4.0)
            slow.push_back({self, what + QByteArray(" cpu ") + QByteArray::number(selfCpu, 'f', 1) + " ms" +
                                      (m_depth > 0 ? " (nested)" : "")});
        return result;
    }

    void report(const char *measure)
    {
        std::sort(slow.begin(), slow.end(), [](const Slow &a, const Slow &b) { return a.ms > b.ms; });
        for (size_t i = 0; i < std::min<size_t>(slow.size(), 8); ++i)
            note(QStringLiteral("%1: slow GUI event %2 ms: %3")
                     .arg(QLatin1String(measure))
                     .arg(slow[i].ms, 0, 'f', 1)
                     .arg(QString::fromLatin1(slow[i].what)));
        slow.clear();
    }

private:
    static double threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
    int m_depth = 0;
    double m_nestedMs = 0;
    double m_nestedCpuMs = 0;
};

TracingApplication *tracingApp()
{
    return static_cast<TracingApplication *>(QCoreApplication::instance());
}

// The filter changes both models apply, as the History page's filter bar would make them.
struct FilterCase
{
    QString name;
    storage::HistoryFilter filter;
};

QVector<FilterCase> filterCases(const bench::HistoryGenerator &generator)
{
    const qint64 endMs = generator.options().endMs;
    const qint64 yearMs = 365LL * 24 * 3600 * 1000;
    QVector<FilterCase> cases;
    auto add = [&](const QString &name, auto set) {
        FilterCase c{name, {}};
        set(c.filter);
        cases << c;
    };
    add(QStringLiteral("kind transfer"),
        [](storage::HistoryFilter &f) { f.kinds = {QStringLiteral("transfer")}; });
    add(QStringLiteral("status pending_review"),
        [](storage::HistoryFilter &f) { f.statuses = {QStringLiteral("pending_review")}; });
    add(QStringLiteral("date range: one year"), [&](storage::HistoryFilter &f) {
        f.fromMs = endMs - 3 * yearMs;
        f.toMs = endMs - 2 * yearMs;
    });
    add(QStringLiteral("amount -500.00..-100.00"), [](storage::HistoryFilter &f) {
        f.minAmountMinor = -500'00;
        f.maxAmountMinor = -100'00;
    });
    add(QStringLiteral("currency USD"),
        [](storage::HistoryFilter &f) { f.currency = QStringLiteral("USD"); });
    add(QStringLiteral("category coffee"),
        [](storage::HistoryFilter &f) { f.category = QStringLiteral("coffee"); });
    add(QStringLiteral("payment method"), [](storage::HistoryFilter &f) {
        f.paymentMethodIds = {bench::HistoryGenerator::paymentMethodIds().at(3)};
    });
    return cases;
}

// ---- paged ------------------------------------------------------------------------------------------------

int runPaged(const QString &dataFile, qint64 rows, const bench::HistoryGenerator &generator,
             const QUrl &stubUrl)
{
    const BenchLine r{QStringLiteral("paged"), rows};
    QTemporaryDir work;
    const QString walletFile = work.filePath(QStringLiteral("wallet.sqlite"));
    if (!QFile::copy(dataFile, walletFile))
        die(QStringLiteral("cannot copy %1").arg(dataFile));
    note(QStringLiteral("paged: rss at start %1 MB").arg(rssMb(), 0, 'f', 1));

    {
        storage::WalletDatabase reader;
        if (auto s = reader.open(walletFile, bench::testDataKey()); !s)
            die(QStringLiteral("open: %1 %2").arg(s.error().codeName(), s.error().detail));
        View v;
        std::unique_ptr<models::HistoryModel> model;
        const auto amountColumn = int(models::HistoryModel::AmountColumn);
        auto readRow = [&](int row) {
            const QVariant value = model->index(row, amountColumn).data();
            if (!value.isValid())
                die(QStringLiteral("paged: row %1 has no data").arg(row));
        };

        std::vector<double> ms;
        for (int i = 0; i < kRepeats; ++i) {
            v.view.setModel(nullptr);
            model.reset();
            QElapsedTimer t;
            t.start();
            model = std::make_unique<models::HistoryModel>(reader);
            const double made = msSince(t);
            v.view.setModel(model.get());
            const double set = msSince(t);
            v.paintNow();
            readRow(0);
            ms.push_back(msSince(t));
            note(QStringLiteral("paged first_page %1: %2 ms (model made %3, set on the view %4)")
                     .arg(i)
                     .arg(ms.back(), 0, 'f', 1)
                     .arg(made, 0, 'f', 1)
                     .arg(set, 0, 'f', 1));
        }
        if (model->rowCount() != rows)
            die(QStringLiteral("paged: %1 rows, expected %2").arg(model->rowCount()).arg(rows));
        printLine(r, "first_page", ms);

        ms.clear();
        for (int i = 0; i < kRepeats; ++i) {
            model->reload();
            v.view.scrollToTop();
            v.paintNow();
            QElapsedTimer t;
            t.start();
            v.view.scrollToBottom();
            v.paintNow();
            readRow(model->rowCount() - 1);
            ms.push_back(msSince(t));
            if (v.lastVisibleRow() != model->rowCount() - 1)
                die(QStringLiteral("paged: the last row is not visible"));
        }
        printLine(r, "scroll_end", ms);

        ms.clear();
        for (int i = 0; i < kRepeats; ++i) {
            v.view.scrollToTop();
            model->setSort(storage::HistorySort::Date, storage::SortOrder::Descending);
            v.paintNow();
            QElapsedTimer t;
            t.start();
            model->setSort(storage::HistorySort::Amount,
                           i % 2 ? storage::SortOrder::Ascending : storage::SortOrder::Descending);
            v.paintNow();
            readRow(0);
            ms.push_back(msSince(t));
        }
        printLine(r, "sort", ms);
        model->setSort(storage::HistorySort::Date, storage::SortOrder::Descending);

        ms.clear();
        for (int pass = 0; pass < 2; ++pass) {
            for (const FilterCase &c : filterCases(generator)) {
                model->setFilter({});
                v.paintNow();
                QElapsedTimer t;
                t.start();
                model->setFilter(c.filter);
                v.paintNow();
                if (model->rowCount() > 0)
                    readRow(0);
                ms.push_back(msSince(t));
                if (pass == 0)
                    note(QStringLiteral("paged filter %1: %2 rows, %3 ms")
                             .arg(c.name)
                             .arg(model->rowCount())
                             .arg(ms.back(), 0, 'f', 1));
            }
        }
        printLine(r, "filter", ms);

        ms.clear();
        for (const QString &term : generator.searchTerms()) {
            model->setFilter({});
            v.paintNow();
            storage::HistoryFilter f;
            f.searchText = term;
            QElapsedTimer t;
            t.start();
            model->setFilter(f);
            v.paintNow();
            if (model->rowCount() > 0)
                readRow(0);
            ms.push_back(msSince(t));
            note(QStringLiteral("paged search %1: %2 rows, %3 ms")
                     .arg(term)
                     .arg(model->rowCount())
                     .arg(ms.back(), 0, 'f', 1));
        }
        printLine(r, "search", ms);
        model->setFilter({});
        v.view.setModel(nullptr);
    }
    note(QStringLiteral("paged: peak rss of the model measures %1 MB").arg(peakRssMb(), 0, 'f', 1));

    // ---- stalls: a real wallet in the real stub, the file above as its local database. The stub runs in the
    // parent process (stubUrl), so its memory (its database of 100,000 new payments) is not in this rss.
    services::test::ServicesFixture fx(services::test::StubFlags{.external = stubUrl});
    if (!fx.ok())
        die(QStringLiteral("stub: %1").arg(fx.error()));
    fx.destroyContext();
    if (!QFile::rename(walletFile, QDir(fx.dataDir()).filePath(QStringLiteral("wallet.sqlite"))))
        die(QStringLiteral("cannot move the wallet file"));
    {
        // The file is sealed with the test key: put it where the app's DataKeyProvider looks for the key.
        keychain::SecretStore secrets;
        auto written = services::test::awaitValue<keychain::KeychainResult>([&](auto done) {
            secrets.write(fx.keyPrefix() + keychain::DataKeyProvider::defaultKeyName(),
                          bench::testDataKey().toByteArray(), std::move(done));
        });
        if (!written || !written->ok())
            die(QStringLiteral("cannot store the data key in the keychain (run under tools/with-keyring)"));
    }
    fx.recreateContext();
    services::test::TestWallet w;
    if (!fx.enrollWallet(w, {.identity = true}) || !fx.setTier(w, 1))
        die(QStringLiteral("wallet: %1").arg(fx.error()));

    // 100,000 new entries in the wallet's feed: the dev route's "count", one request.
    {
        QNetworkAccessManager http;
        QNetworkRequest request(
            fx.gatewayUrl().resolved(QStringLiteral("/v1/dev/wallets/%1/incoming").arg(w.walletId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setTransferTimeout(600'000);
        const QJsonObject body{
            {QStringLiteral("amount"), QJsonObject{{QStringLiteral("amount"), 100},
                                                   {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("from_name"), QStringLiteral("Zhou Xin")},
            {QStringLiteral("count"), g_syncEntries}};
        QElapsedTimer t;
        t.start();
        QNetworkReply *reply = http.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        while (!reply->isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (code != 201)
            die(QStringLiteral("incoming count: HTTP %1 %2")
                    .arg(code)
                    .arg(QString::fromUtf8(reply->readAll())));
        reply->deleteLater();
        note(QStringLiteral("stub (parent process) recorded %1 incoming transfers in %2 ms; rss here %3 MB")
                 .arg(g_syncEntries)
                 .arg(t.elapsed())
                 .arg(rssMb(), 0, 'f', 1));
    }

    // A fresh session: recording the feed can take longer than the 5-minute idle rule allows.
    if (!fx.signIn(w))
        die(QStringLiteral("sign-in: %1").arg(fx.error()));

    auto reader = services::test::awaitResult<std::unique_ptr<storage::WalletDatabase>>(
        [&](auto done) { fx.context().openReader(nullptr, std::move(done)); });
    if (!reader)
        die(QStringLiteral("reader: %1").arg(reader.error().summary()));
    std::unique_ptr<storage::WalletDatabase> db = std::move(reader).value();
    View v;
    models::HistoryModel model(*db);
    v.view.setModel(&model);
    v.paintNow();
    services::HistoryService history(fx.context());
    model.attach(&history);

    StallProbe probe;
    bool done = false;
    QString failure;
    QObject::connect(&history, &services::HistoryService::finished, [&](qint64) { done = true; });
    QObject::connect(&history, &services::HistoryService::failed, [&](const services::ServiceError &e) {
        failure = e.summary();
        done = true;
    });
    QElapsedTimer t;
    t.start();
    probe.start();
    tracingApp()->tracing = true;
    history.sync();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    tracingApp()->tracing = false;
    probe.stop();
    tracingApp()->report("stall_sync");
    if (!failure.isEmpty())
        die(QStringLiteral("sync: %1").arg(failure));
    note(QStringLiteral("sync of %1 entries: %2 ms; model rows %3; SQLite's memory %4 MB (peak %5 MB); rss "
                        "%6 MB = anonymous %7 MB + files (libraries, fonts) %8 MB + shared %9 MB")
             .arg(history.syncedEntries())
             .arg(t.elapsed())
             .arg(model.rowCount())
             .arg(double(sqlite3_memory_used()) / 1048576.0, 0, 'f', 1)
             .arg(double(sqlite3_memory_highwater(0)) / 1048576.0, 0, 'f', 1)
             .arg(rssMb(), 0, 'f', 1)
             .arg(memoryMb("RssAnon:"), 0, 'f', 1)
             .arg(memoryMb("RssFile:"), 0, 'f', 1)
             .arg(memoryMb("RssShmem:"), 0, 'f', 1));
    if (model.rowCount() < rows + g_syncEntries)
        die(QStringLiteral("the model did not get the synced rows"));
    printLine(r, "stall_sync", probe.gaps);

    services::HistoryExporter exporter(fx.context());
    services::HistoryExportOptions options;
    options.labels = {&models::ModelLabels::kindName, &models::ModelLabels::statusName,
                      &models::ModelLabels::categoryName};
    QTemporaryDir exportDir;
    const QString csv = exportDir.filePath(QStringLiteral("history.csv"));
    done = false;
    qint64 written = 0;
    QObject::connect(&exporter, &services::HistoryExporter::finished,
                     [&](const services::ServiceResult<qint64> &result) {
                         if (result)
                             written = result.value();
                         else
                             failure = result.error().summary();
                         done = true;
                     });
    t.restart();
    probe.start();
    tracingApp()->tracing = true;
    if (!exporter.start(csv, {}, storage::HistorySort::Date, storage::SortOrder::Descending, options))
        die(QStringLiteral("the export did not start"));
    while (!done)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    tracingApp()->tracing = false;
    probe.stop();
    tracingApp()->report("stall_export");
    if (!failure.isEmpty())
        die(QStringLiteral("export: %1").arg(failure));
    note(QStringLiteral("export of %1 rows (%2 MB): %3 ms")
             .arg(written)
             .arg(double(QFileInfo(csv).size()) / 1e6, 0, 'f', 1)
             .arg(t.elapsed()));
    printLine(r, "stall_export", probe.gaps);
    model.attach(nullptr);
    return 0;
}

// ---- baseline ---------------------------------------------------------------------------------------------

// The proxy of the usual way: sorting by the shown amount, and one predicate over the source's columns.
class BaselineProxy : public QSortFilterProxyModel
{
public:
    std::function<bool(int sourceRow)> predicate;
    std::function<qint64(int sourceRow)> sortKey;

    void setPredicate(std::function<bool(int)> p)
    {
        predicate = std::move(p);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &) const override
    {
        return !predicate || predicate(sourceRow);
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (sortKey)
            return sortKey(left.row()) < sortKey(right.row());
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

int runBaseline(const QString &dataFile, qint64 rows, const bench::HistoryGenerator &generator)
{
    const BenchLine r{QStringLiteral("baseline"), rows};
    note(QStringLiteral("baseline: rss at start %1 MB").arg(rssMb(), 0, 'f', 1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
    db.setDatabaseName(dataFile);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        die(QStringLiteral("baseline open: %1").arg(db.lastError().text()));

    View v;
    std::unique_ptr<QSqlTableModel> table;
    std::unique_ptr<BaselineProxy> proxy;
    int col[16] = {};
    enum { Kind, Status, Amount, Debit, Currency, Category, Method, Created, Merchant, MerchantZh, Receipt };
    auto value = [&](int sourceRow, int c) { return table->data(table->index(sourceRow, col[c])); };
    auto shown = [&](int sourceRow) {
        const qint64 amount = value(sourceRow, Amount).toLongLong();
        return amount != 0 ? amount : -value(sourceRow, Debit).toLongLong();
    };
    auto readRow = [&](int row) {
        if (!proxy->index(row, col[Amount]).data().isValid())
            die(QStringLiteral("baseline: row %1 has no data").arg(row));
    };
    auto fetchAll = [&] {
        while (table->canFetchMore())
            table->fetchMore();
    };

    std::vector<double> ms;
    for (int i = 0; i < kRepeats; ++i) {
        v.view.setModel(nullptr);
        proxy.reset();
        table.reset();
        QElapsedTimer t;
        t.start();
        table = std::make_unique<QSqlTableModel>(nullptr, db);
        table->setTable(QStringLiteral("history"));
        table->setEditStrategy(QSqlTableModel::OnManualSubmit);
        const QSqlRecord record = table->record();
        const char *names[] = {"kind",          "status",           "amount_minor",      "debit_minor",
                               "currency",      "category",         "payment_method_id", "created_at",
                               "merchant_name", "merchant_name_zh", "receipt_no"};
        for (int c = 0; c <= Receipt; ++c) {
            col[c] = record.indexOf(QString::fromLatin1(names[c]));
            if (col[c] < 0)
                die(QStringLiteral("baseline: no column %1").arg(QString::fromLatin1(names[c])));
        }
        table->setSort(col[Created], Qt::DescendingOrder);
        if (!table->select())
            die(QStringLiteral("baseline select: %1").arg(table->lastError().text()));
        proxy = std::make_unique<BaselineProxy>();
        proxy->setSourceModel(table.get());
        v.view.setModel(proxy.get());
        v.paintNow();
        readRow(0);
        ms.push_back(msSince(t));
    }
    printLine(r, "first_page", ms);

    // Reaching the end loads every row (fetchMore until canFetchMore() is false): once per model, so one run.
    ms.clear();
    {
        v.view.scrollToTop();
        v.paintNow();
        QElapsedTimer t;
        t.start();
        fetchAll();
        v.view.scrollToBottom();
        v.paintNow();
        readRow(proxy->rowCount() - 1);
        ms.push_back(msSince(t));
        if (proxy->rowCount() != rows)
            die(QStringLiteral("baseline: %1 rows, expected %2").arg(proxy->rowCount()).arg(rows));
        if (v.lastVisibleRow() != proxy->rowCount() - 1)
            die(QStringLiteral("baseline: the last row is not visible"));
    }
    printLine(r, "scroll_end", ms);

    proxy->sortKey = shown;
    ms.clear();
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        proxy->sort(col[Amount], i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        v.view.scrollToTop();
        v.paintNow();
        readRow(0);
        ms.push_back(msSince(t));
    }
    printLine(r, "sort", ms);
    proxy->sort(-1); // back to the source's (date) order
    proxy->sortKey = {};

    ms.clear();
    for (const FilterCase &c : spread(filterCases(generator), g_baselineCases)) {
        const storage::HistoryFilter f = c.filter;
        std::function<bool(int)> predicate = [&, f](int row) {
            if (!f.kinds.isEmpty() && !f.kinds.contains(value(row, Kind).toString()))
                return false;
            if (!f.statuses.isEmpty() && !f.statuses.contains(value(row, Status).toString()))
                return false;
            if (!f.currency.isEmpty() && value(row, Currency).toString() != f.currency)
                return false;
            if (!f.category.isEmpty() && value(row, Category).toString() != f.category)
                return false;
            if (!f.paymentMethodIds.isEmpty() && !f.paymentMethodIds.contains(value(row, Method).toString()))
                return false;
            if (f.fromMs || f.toMs) {
                const qint64 created = value(row, Created).toLongLong();
                if ((f.fromMs && created < *f.fromMs) || (f.toMs && created >= *f.toMs))
                    return false;
            }
            if (f.minAmountMinor || f.maxAmountMinor) {
                const qint64 amount = shown(row);
                if ((f.minAmountMinor && amount < *f.minAmountMinor) ||
                    (f.maxAmountMinor && amount > *f.maxAmountMinor))
                    return false;
            }
            return true;
        };
        proxy->setPredicate({});
        v.paintNow();
        QElapsedTimer t;
        t.start();
        proxy->setPredicate(predicate);
        v.paintNow();
        if (proxy->rowCount() > 0)
            readRow(0);
        ms.push_back(msSince(t));
        note(QStringLiteral("baseline filter %1: %2 rows, %3 ms")
                 .arg(c.name)
                 .arg(proxy->rowCount())
                 .arg(ms.back(), 0, 'f', 1));
    }
    printLine(r, "filter", ms);

    ms.clear();
    for (const QString &term : spread(generator.searchTerms(), g_baselineCases)) {
        proxy->setPredicate({});
        v.paintNow();
        QElapsedTimer t;
        t.start();
        proxy->setPredicate([&, term](int row) {
            for (int c : {Merchant, MerchantZh, Category, Receipt})
                if (value(row, c).toString().contains(term, Qt::CaseInsensitive))
                    return true;
            return false;
        });
        v.paintNow();
        if (proxy->rowCount() > 0)
            readRow(0);
        ms.push_back(msSince(t));
        note(QStringLiteral("baseline search %1: %2 rows, %3 ms")
                 .arg(term)
                 .arg(proxy->rowCount())
                 .arg(ms.back(), 0, 'f', 1));
    }
    printLine(r, "search", ms);
    v.view.setModel(nullptr);
    proxy.reset();
    table.reset();
    return 0;
}

// ---- the data and the children ----------------------------------------------------------------------------

// Generates the data set into `file` unless it already holds exactly it (same row count and first row).
void prepareData(const QString &file, const bench::HistoryGenerator &generator)
{
    {
        storage::WalletDatabase db;
        if (QFile::exists(file) && db.open(file, bench::testDataKey())) {
            storage::HistoryStore store(db);
            const auto count = store.count();
            const auto first = store.get(generator.generate(0, 1).constFirst().paymentId);
            if (count && count.value() == generator.options().rows && first && first.value()) {
                note(QStringLiteral("reusing %1 (%2 rows)").arg(file).arg(count.value()));
                return;
            }
        }
    }
    (void)storage::WalletDatabase::removeFiles(file);
    storage::WalletDatabase db;
    if (auto s = db.open(file, bench::testDataKey()); !s)
        die(QStringLiteral("cannot create %1: %2").arg(file, s.error().detail));
    QElapsedTimer t;
    t.start();
    const auto written = generator.write(db);
    if (!written)
        die(QStringLiteral("generating failed: %1").arg(written.error().detail));
    note(QStringLiteral("generated %1 rows in %2 s")
             .arg(generator.options().rows)
             .arg(double(t.elapsed()) / 1000.0, 0, 'f', 1));
    db.close(); // checkpoints the WAL into the file the children copy
}

int runChild(const QString &model, const QStringList &args)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                QStringList{QStringLiteral("--child"), model} + args);
    if (!child.waitForStarted())
        die(QStringLiteral("cannot start the %1 child").arg(model));
    while (child.state() != QProcess::NotRunning) {
        child.waitForReadyRead(1000);
        const QByteArray out = child.readAllStandardOutput();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        std::fflush(stdout);
    }
    const QByteArray out = child.readAllStandardOutput();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::fprintf(stderr, "bench_history: the %s child failed (exit %d)\n", qPrintable(model),
                     child.exitCode());
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // As the app's main() does, for both models: large blocks are mapped on their own, not kept in the heap.
    bw::core::keepLargeBlocksOutOfTheHeap();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("History benchmark: paged model vs QSqlTableModel + proxy."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows (default 1000000)."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed (default 8)."),
                                        QStringLiteral("S"), QStringLiteral("8"));
    const QCommandLineOption skipBaseline(QStringLiteral("skip-baseline"),
                                          QStringLiteral("Only the paged model."));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Generated data file to keep and reuse (default: a temporary one)."),
        QStringLiteral("FILE"));
    QCommandLineOption childOption(QStringLiteral("child"), QStringLiteral("(internal)"),
                                   QStringLiteral("MODEL"));
    QCommandLineOption fileOption(QStringLiteral("file"), QStringLiteral("(internal)"),
                                  QStringLiteral("FILE"));
    childOption.setFlags(QCommandLineOption::HiddenFromHelp);
    fileOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption syncOption(QStringLiteral("sync-entries"), QStringLiteral("(quick checks only)"),
                                  QStringLiteral("N"), QStringLiteral("100000"));
    syncOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption stubOption(QStringLiteral("stub-url"), QStringLiteral("(internal)"),
                                  QStringLiteral("URL"));
    stubOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption baselineCasesOption(
        QStringLiteral("baseline-cases"),
        QStringLiteral("Filter changes and search terms the baseline measures, spread evenly over the lists "
                       "(default 0 = all; each takes seconds to minutes at 1,000,000 rows)."),
        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({rowsOption, seedOption, skipBaseline, dbOption, childOption, fileOption, syncOption,
                       stubOption, baselineCasesOption});
    parser.process(app);

    bool ok = false;
    bench::HistoryGeneratorOptions options;
    options.rows = parser.value(rowsOption).toLongLong(&ok);
    if (!ok || options.rows < 2000 || options.rows > 20'000'000)
        die(QStringLiteral("--rows takes 2000..20000000"));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        die(QStringLiteral("--seed takes a number"));
    const bench::HistoryGenerator generator(options);
    g_syncEntries = parser.value(syncOption).toInt(&ok);
    if (!ok || g_syncEntries < 1 || g_syncEntries > 100'000)
        die(QStringLiteral("--sync-entries takes 1..100000"));
    g_baselineCases = parser.value(baselineCasesOption).toInt(&ok);
    if (!ok || g_baselineCases < 0)
        die(QStringLiteral("--baseline-cases takes a number >= 0"));

    if (parser.isSet(childOption)) {
        const QString model = parser.value(childOption);
        const QString file = parser.value(fileOption);
        if (model == QLatin1String("paged"))
            return runPaged(file, options.rows, generator, QUrl(parser.value(stubOption)));
        if (model == QLatin1String("baseline"))
            return runBaseline(file, options.rows, generator);
        die(QStringLiteral("unknown child %1").arg(model));
    }

    QTemporaryDir tmp;
    const QString file =
        parser.isSet(dbOption) ? parser.value(dbOption) : tmp.filePath(QStringLiteral("history.sqlite"));
    prepareData(file, generator);
    // The stub for the paged child's sync and export runs lives here, on its own thread (as the app's
    // embedded one does), so the child's rss is the app's alone.
    QTemporaryDir stubDir;
    stub::StubConfig stubConfig;
    stubConfig.dbPath = stubDir.filePath(QStringLiteral("stub.sqlite"));
    stubConfig.demo = true;
    stubConfig.scrypt.n = 1u << 10; // cheap: the bench measures the history, not password hashing
    stub::EmbeddedGateway stub(stubConfig, std::make_shared<stub::SystemClock>());
    QString stubError;
    if (stub.start(&stubError) == 0)
        die(QStringLiteral("stub: %1").arg(stubError));
    const QStringList args{QStringLiteral("--rows"),           QString::number(options.rows),
                           QStringLiteral("--seed"),           QString::number(options.seed),
                           QStringLiteral("--file"),           file,
                           QStringLiteral("--sync-entries"),   QString::number(g_syncEntries),
                           QStringLiteral("--baseline-cases"), QString::number(g_baselineCases)};
    int rc = runChild(QStringLiteral("paged"),
                      args + QStringList{QStringLiteral("--stub-url"), stub.baseUrl().toString()});
    if (!parser.isSet(skipBaseline))
        rc |= runChild(QStringLiteral("baseline"), args);
    return rc;
}
