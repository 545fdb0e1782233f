// API-READY
// InsightsService: the Insights page's data — spending by category and by month, income by month and the
// totals per currency for a period — computed by storage::InsightsStore on the DatabaseWorker (a year of a
// million-row history never touches the GUI thread) and answered asynchronously. Also the one place that
// turns a period preset ("Last 3 months") into a [from, to) range in local time.
//
//   InsightsService insights(ctx);
//   const auto period = InsightsService::periodFor(InsightsPeriod::LastThreeMonths, QDate::currentDate());
//   insights.load(period, this, [this](ServiceResult<storage::InsightsSummary> r) { ... });
#pragma once

#include "services/service_context.h"
#include "storage/insights_store.h"

#include <QDate>
#include <QObject>

#include <functional>

namespace bw::services {

enum class InsightsPeriod { ThisMonth, LastThreeMonths, LastTwelveMonths, ThisYear, LastYear, Custom };

// A range of whole local days: [first, last] inclusive, and the same as ms since the epoch [fromMs, toMs).
struct InsightsRange
{
    QDate first;
    QDate last;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
};

class InsightsService : public QObject
{
    Q_OBJECT

public:
    // Error codes of kind State (ServiceError::code).
    static inline const QString kStorageNotOpen = QStringLiteral("storage_not_open");
    static inline const QString kInvalidPeriod = QStringLiteral("insights_invalid_period");

    explicit InsightsService(ServiceContext &context, QObject *parent = nullptr);

    // The local days a preset covers, relative to `today`: ThisMonth = the 1st of today's month to its last
    // day; LastThreeMonths / LastTwelveMonths = that many calendar months ending with today's month;
    // ThisYear / LastYear = January 1st to December 31st. Custom: invalid (use rangeFor()).
    static InsightsRange periodFor(InsightsPeriod period, const QDate &today);
    // [first, last] whole local days (swapped when given in the wrong order).
    static InsightsRange rangeFor(const QDate &first, const QDate &last);

    // Runs the aggregate on the DatabaseWorker; done(result) on context's thread while context lives.
    // Errors: kind State kStorageNotOpen / kInvalidPeriod, kind Storage.
    void load(const InsightsRange &range, QObject *context,
              std::function<void(ServiceResult<storage::InsightsSummary>)> done);

private:
    ServiceContext &m_ctx;
};

} // namespace bw::services
