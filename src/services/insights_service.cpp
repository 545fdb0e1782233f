#include "services/insights_service.h"

#include "storage/database_worker.h"
#include "storage/wallet_database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bw::services {

InsightsService::InsightsService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{}

InsightsRange InsightsService::rangeFor(const QDate &first, const QDate &last)
{
    InsightsRange range;
    if (!first.isValid() || !last.isValid())
        return range;
    range.first = std::min(first, last);
    range.last = std::max(first, last);
    // startOfDay(): local midnight, or the first valid moment of a day whose midnight a DST change skips.
    range.fromMs = range.first.startOfDay().toMSecsSinceEpoch();
    range.toMs = range.last.addDays(1).startOfDay().toMSecsSinceEpoch();
    return range;
}

InsightsRange InsightsService::periodFor(InsightsPeriod period, const QDate &today)
{
    if (!today.isValid())
        return {};
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate monthEnd = monthStart.addMonths(1).addDays(-1);
    switch (period) {
    case InsightsPeriod::ThisMonth:
        return rangeFor(monthStart, monthEnd);
    case InsightsPeriod::LastThreeMonths:
        return rangeFor(monthStart.addMonths(-2), monthEnd);
    case InsightsPeriod::LastTwelveMonths:
        return rangeFor(monthStart.addMonths(-11), monthEnd);
    case InsightsPeriod::ThisYear:
        return rangeFor(QDate(today.year(), 1, 1), QDate(today.year(), 12, 31));
    case InsightsPeriod::LastYear:
        return rangeFor(QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31));
    case InsightsPeriod::Custom:
        break;
    }
    return {};
}

void InsightsService::load(const InsightsRange &range, QObject *context,
                           std::function<void(ServiceResult<storage::InsightsSummary>)> done)
{
    using Answer = ServiceResult<storage::InsightsSummary>;
    const auto answerLater = [context, done](ServiceError error) {
        // Asynchronous even for an immediate refusal, as promised.
        QMetaObject::invokeMethod(
            context ? context : static_cast<QObject *>(QCoreApplication::instance()),
            [done, error]() {
                if (done)
                    done(Answer(error));
            },
            Qt::QueuedConnection);
    };
    if (!range.isValid() || range.toMs <= range.fromMs) {
        answerLater(ServiceError::state(kInvalidPeriod,
                                        tr("Choose a period whose first day is not after its last day.")));
        return;
    }
    if (!m_ctx.isStorageOpen()) {
        answerLater(ServiceError::state(kStorageNotOpen,
                                        tr("The wallet's history is not open yet. Sign in and try again.")));
        return;
    }
    const qint64 fromMs = range.fromMs;
    const qint64 toMs = range.toMs;
    m_ctx.database().run<storage::Result<storage::InsightsSummary>>(
        [fromMs, toMs](storage::WalletDatabase &db) {
            return storage::InsightsStore(db).summary(fromMs, toMs);
        },
        context,
        [done](storage::Result<storage::InsightsSummary> result) {
            if (!done)
                return;
            if (!result)
                done(Answer(ServiceError::fromStorage(result.error())));
            else
                done(Answer(std::move(result).value()));
        });
}

} // namespace bw::services
