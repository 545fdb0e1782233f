#include "services/history_export.h"

#include "core/csv.h"
#include "core/currency.h"
#include "core/money.h"
#include "storage/database_worker.h"
#include "storage/wallet_database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>

#include <algorithm>
#include <atomic>
#include <optional>

Q_LOGGING_CATEGORY(lcExport, "bw.services.export")

namespace bw::services {

namespace {

constexpr int kMaxPageRows = 1000; // HistoryStore's page limit

struct ChunkOutcome
{
    enum Kind { Progress, Done, Cancelled, StorageFailed, CannotWrite, WriteFailed };
    Kind kind = Progress;
    qint64 written = 0;
    qint64 total = 0;
    storage::StorageError storageError;
    QString detail; // the file's technical error, for the log only
};

QString label(const std::function<QString(const QString &)> &fn, const QString &code)
{
    return fn && !code.isEmpty() ? fn(code) : code;
}

} // namespace

struct HistoryExporter::Job
{
    // Set on the GUI thread before the first chunk; read-only afterwards.
    QString path;
    storage::HistoryFilter filter;
    storage::HistorySort sort = storage::HistorySort::Date;
    storage::SortOrder order = storage::SortOrder::Descending;
    HistoryExportOptions options;
    QStringList header;
    std::atomic<bool> cancelled{false};

    // Worker thread only (one chunk runs at a time, each posted after the previous one answered).
    std::unique_ptr<QSaveFile> file;
    bool opened = false;
    std::optional<storage::HistoryKey> after;
    qint64 written = 0;
    qint64 total = 0;
    QHash<QString, std::optional<core::Currency>> currencies;

    ChunkOutcome runChunk(storage::WalletDatabase &db);
    void discard();
    QString decimal(qint64 minor, const QString &code);
    QVector<core::CsvField> fields(const storage::HistoryRow &row);
};

void HistoryExporter::Job::discard()
{
    if (file) {
        file->cancelWriting();
        file.reset(); // QSaveFile removes its temporary file: nothing appears at `path`
    }
}

QString HistoryExporter::Job::decimal(qint64 minor, const QString &code)
{
    auto it = currencies.find(code);
    if (it == currencies.end())
        it = currencies.insert(code, core::Currency::fromCode(code));
    if (!it.value())
        return QString::number(minor); // an unknown code: the minor units, still exact
    return core::Money(minor, *it.value()).toDecimalString();
}

QVector<core::CsvField> HistoryExporter::Job::fields(const storage::HistoryRow &row)
{
    using core::CsvField;
    QDateTime at = QDateTime::fromMSecsSinceEpoch(row.createdAtMs, Qt::LocalTime);
    // An explicit offset makes ISO 8601 carry it ("+08:00"), so the file means the same anywhere.
    at = at.toOffsetFromUtc(at.offsetFromUtc());

    // As History shows the counterparty (models::ModelLabels::localizedName for merchants).
    QString counterparty;
    if (!row.merchantName.isEmpty())
        counterparty = options.locale.language() == QLocale::Chinese && !row.merchantNameZh.isEmpty()
                           ? row.merchantNameZh
                           : row.merchantName;
    else
        counterparty = row.counterpartyName.isEmpty() ? row.counterpartyId : row.counterpartyName;

    const QString currency = storage::shownCurrency(row);
    // Fees and the balance in their own currency; the code is added only when it is not the row's.
    const auto inOwnCurrency = [&](qint64 minor, const QString &code) {
        const QString text = decimal(minor, code.isEmpty() ? currency : code);
        if (code.isEmpty() || code == currency)
            return CsvField::number(text);
        return CsvField::text(text + QLatin1Char(' ') + code);
    };

    QVector<CsvField> out;
    out.reserve(12);
    out.append(CsvField::text(at.toString(Qt::ISODate)));
    out.append(CsvField::text(label(options.labels.kind, row.kind)));
    out.append(CsvField::text(label(options.labels.status, row.status)));
    out.append(CsvField::text(counterparty));
    out.append(CsvField::text(label(options.labels.category, row.category)));
    out.append(CsvField::number(decimal(storage::shownAmountMinor(row), currency)));
    out.append(CsvField::text(currency));
    out.append(row.feesMinor == 0 && row.feesCurrency.isEmpty()
                   ? CsvField::number(decimal(0, currency))
                   : inOwnCurrency(row.feesMinor, row.feesCurrency));
    out.append(row.balanceAfterMinor ? inOwnCurrency(*row.balanceAfterMinor, row.balanceAfterCurrency)
                                     : CsvField::text(QString()));
    out.append(CsvField::text(row.receiptNo));
    out.append(CsvField::text(row.note));
    out.append(CsvField::text(row.paymentId));
    return out;
}

ChunkOutcome HistoryExporter::Job::runChunk(storage::WalletDatabase &db)
{
    ChunkOutcome outcome;
    if (cancelled.load()) {
        discard();
        outcome.kind = ChunkOutcome::Cancelled;
        return outcome;
    }
    storage::HistoryStore store(db);
    if (!opened) {
        opened = true;
        const auto count = store.count(filter);
        if (!count) {
            outcome.kind = ChunkOutcome::StorageFailed;
            outcome.storageError = count.error();
            return outcome;
        }
        total = *count;
        file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly)) {
            outcome.kind = ChunkOutcome::CannotWrite;
            outcome.detail = file->errorString();
            file.reset();
            return outcome;
        }
        QByteArray head = options.byteOrderMark ? core::csvByteOrderMark() : QByteArray();
        head += core::csvTextRecord(header);
        if (file->write(head) != head.size()) {
            outcome.kind = ChunkOutcome::WriteFailed;
            outcome.detail = file->errorString();
            discard();
            return outcome;
        }
        // The count is the first answer: the progress bar knows N before any row is written.
        outcome.total = total;
        return outcome;
    }

    const int chunkRows = std::clamp(options.chunkRows, 1, 100000);
    int inChunk = 0;
    bool more = true;
    QByteArray bytes;
    while (more && inChunk < chunkRows) {
        if (cancelled.load()) {
            discard();
            outcome.kind = ChunkOutcome::Cancelled;
            return outcome;
        }
        const int limit = std::min(kMaxPageRows, chunkRows - inChunk);
        auto page = store.page(after, limit, sort, order, filter);
        if (!page) {
            discard();
            outcome.kind = ChunkOutcome::StorageFailed;
            outcome.storageError = page.error();
            return outcome;
        }
        for (const storage::HistoryRow &row : page->rows)
            bytes += core::csvRecord(fields(row));
        inChunk += int(page->rows.size());
        written += page->rows.size();
        if (!page->rows.isEmpty())
            after = storage::HistoryStore::keyOf(page->rows.back(), sort);
        more = page->hasMore && !page->rows.isEmpty();
    }
    if (!bytes.isEmpty() && file->write(bytes) != bytes.size()) {
        outcome.kind = ChunkOutcome::WriteFailed;
        outcome.detail = file->errorString();
        discard();
        return outcome;
    }
    // Rows the sync adds meanwhile may land after the cursor: never show "n of N" with n > N.
    total = std::max(total, written);
    outcome.written = written;
    outcome.total = total;
    if (more)
        return outcome;
    if (!file->commit()) {
        outcome.kind = ChunkOutcome::WriteFailed;
        outcome.detail = file->errorString();
        file.reset();
        return outcome;
    }
    file.reset();
    outcome.kind = ChunkOutcome::Done;
    return outcome;
}

HistoryExporter::HistoryExporter(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

HistoryExporter::~HistoryExporter()
{
    // The chunk in flight (which holds the job) sees the flag and discards the file on the worker.
    if (m_job)
        m_job->cancelled.store(true);
}

QStringList HistoryExporter::headerLabels()
{
    return {
        tr("Date and time"), tr("Type"),           tr("Status"),   tr("Counterparty"),
        tr("Category"),      tr("Amount"),         tr("Currency"), tr("Fees"),
        tr("Balance after"), tr("Receipt number"), tr("Note"),     tr("Payment ID"),
    };
}

bool HistoryExporter::start(const QString &path, const storage::HistoryFilter &filter,
                            storage::HistorySort sort, storage::SortOrder order,
                            const HistoryExportOptions &options)
{
    if (m_job || path.trimmed().isEmpty())
        return false;
    auto job = std::make_shared<Job>();
    job->path = QFileInfo(path).absoluteFilePath();
    job->filter = filter;
    job->sort = sort;
    job->order = order;
    job->options = options;
    job->header = headerLabels(); // translated here, in the UI language of the moment
    m_job = std::move(job);
    postChunk();
    return true;
}

void HistoryExporter::cancel()
{
    if (m_job)
        m_job->cancelled.store(true);
}

void HistoryExporter::postChunk()
{
    std::shared_ptr<Job> job = m_job;
    m_context.database().run<ChunkOutcome>(
        [job](storage::WalletDatabase &db) { return job->runChunk(db); }, this,
        [this, job](ChunkOutcome outcome) {
            if (job != m_job)
                return;
            switch (outcome.kind) {
            case ChunkOutcome::Progress: {
                // A slot may destroy the exporter; a cancel() there is seen by the next chunk.
                const QPointer<HistoryExporter> self(this);
                Q_EMIT progress(outcome.written, outcome.total);
                if (self && m_job == job)
                    postChunk();
                return;
            }
            case ChunkOutcome::Done:
                Q_EMIT progress(outcome.written, outcome.total);
                finish(outcome.written);
                return;
            case ChunkOutcome::Cancelled:
                finish(ServiceError::state(QStringLiteral("export_cancelled"),
                                           tr("The export was cancelled. No file was saved.")));
                return;
            case ChunkOutcome::StorageFailed:
                qCWarning(lcExport) << "export stopped:" << outcome.storageError.codeName();
                finish(ServiceError::fromStorage(outcome.storageError));
                return;
            case ChunkOutcome::CannotWrite:
                qCWarning(lcExport) << "export file not created:" << outcome.detail;
                finish(ServiceError::state(
                    QStringLiteral("export_cannot_write"),
                    tr("The file %1 cannot be created there. Choose a folder you can write to, such as "
                       "Documents, and export again.")
                        .arg(QDir::toNativeSeparators(job->path))));
                return;
            case ChunkOutcome::WriteFailed:
                qCWarning(lcExport) << "export write failed:" << outcome.detail;
                finish(ServiceError::state(
                    QStringLiteral("export_write_failed"),
                    tr("The file could not be written completely, so it was not saved. The disk may be "
                       "full: free some space or choose another place, and export again.")));
                return;
            }
        });
}

void HistoryExporter::finish(ServiceResult<qint64> result)
{
    m_job.reset();
    Q_EMIT finished(result);
}

} // namespace bw::services
