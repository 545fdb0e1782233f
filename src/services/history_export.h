// API-READY
// HistoryExporter: writes the local history of one filter, in one order, to a CSV file (RFC 4180, UTF-8,
// optional byte-order mark; core/csv.h) without ever blocking the GUI thread, at a million rows too.
//
// The work runs on the app's DatabaseWorker (ServiceContext::database()) in chunks: each job reads
// `chunkRows` rows as keyset pages of storage::HistoryStore (the same filter and order the History view
// shows), formats them and appends them to a QSaveFile that lives on the worker. The next chunk is posted
// only when the previous one has reported back, so other database jobs (the sync's writes) run between
// chunks, and the GUI thread only receives progress() and finished(). The file appears complete (the
// QSaveFile commits it) or not at all: cancel() stops between chunks and leaves no file, and so does an
// error. Write errors (no permission, a missing folder, a full disk) are translated ServiceErrors.
//
//   auto *exporter = new HistoryExporter(*services.context, this);
//   connect(exporter, &HistoryExporter::progress, this, [](qint64 done, qint64 total) { ... });
//   connect(exporter, &HistoryExporter::finished, this, [](const ServiceResult<qint64> &r) { ... });
//   HistoryExportOptions options;
//   options.byteOrderMark = true;
//   options.labels = {&models::ModelLabels::kindName, &models::ModelLabels::statusName,
//                     &models::ModelLabels::categoryName};   // what the UI layer passes
//   exporter->start(path, filter, storage::HistorySort::Date, storage::SortOrder::Descending, options);
//
// Columns (header row translated with tr() when start() is called): date and time (ISO 8601, local time
// with its UTC offset, e.g. 2026-11-27T12:45:10+08:00), type, status, counterparty (the merchant's name in
// the language of `locale`, else the person's name, else the counterparty id — as History shows it),
// category, amount (the SHOWN amount: the balance change, or for a card-funded payment the debit, as money
// out; signed plain decimal with '.', no grouping, from core::Money), currency, fees, balance after,
// receipt number, note, payment id. Fees and the balance are plain decimals in their own currency; in the
// rare case that currency differs from the row's, its ISO code follows the number ("1.20 USD").
#pragma once

#include "services/service_context.h"
#include "storage/history_store.h"

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace bw::services {

// Contract code → the text a person reads. The models layer has them (models::ModelLabels); services sit
// beside models, so the caller hands them in. The functions are called on the worker thread: they must be
// thread-safe (tr()-based lookups are). An empty function writes the code as it is.
struct HistoryExportLabels
{
    std::function<QString(const QString &)> kind;
    std::function<QString(const QString &)> status;
    std::function<QString(const QString &)> category;
};

struct HistoryExportOptions
{
    bool byteOrderMark = false; // UTF-8 BOM first, for spreadsheet programs
    QLocale locale;             // language of merchant names (Chinese names for a Chinese locale)
    HistoryExportLabels labels;
    int chunkRows = 2000; // rows per worker job (1..100000); pages inside a job hold at most 1,000
};

class HistoryExporter : public QObject
{
    Q_OBJECT

public:
    // `context` must outlive the exporter; its storage must be open (else finished() gives State
    // "storage_not_open" via the worker's NotOpen).
    explicit HistoryExporter(ServiceContext &context, QObject *parent = nullptr);
    // Cancels a running export (its file is discarded on the worker; no signal is emitted).
    ~HistoryExporter() override;

    // Starts exporting; false (and nothing happens) while an export is running or for an empty path.
    // Emits progress(0, total) once the rows are counted, progress(done, total) after every chunk, and
    // finished() exactly once: the number of rows written, or the error (code "export_cancelled" after
    // cancel(), "export_cannot_write" when the file cannot be created or replaced, "export_write_failed"
    // when writing fails midway, e.g. a full disk, or a storage error).
    bool start(const QString &path, const storage::HistoryFilter &filter, storage::HistorySort sort,
               storage::SortOrder order, const HistoryExportOptions &options = {});
    // Stops after the chunk being written; the file is not created. finished() follows with
    // "export_cancelled" (once the partial file is gone). No-op when idle.
    void cancel();
    bool isRunning() const { return m_job != nullptr; }

    // The translated header row, in column order.
    static QStringList headerLabels();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const bw::services::ServiceResult<qint64> &result);

private:
    struct Job;
    void postChunk();
    void finish(ServiceResult<qint64> result);

    ServiceContext &m_context;
    std::shared_ptr<Job> m_job;
};

} // namespace bw::services
