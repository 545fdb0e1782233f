// GET /v1/transactions?after=<cursor>&limit=<1..1000> (authenticated) — the wallet's change feed
// (TransactionFeed: commit order, opaque cursors, next_cursor rules).
//
// Decisions where the contract is silent:
// - `limit` is ASCII digits only ("+5", " 5", "5.0", "" → 422 parameter_invalid, param "limit"); absent →
//   100. A leading zero is accepted ("050" is 50): it is still the number the client meant.
// - `after=` (empty) is the same as no cursor; a malformed, foreign (another wallet's) or tampered cursor →
//   422 parameter_invalid, param "after".
// - With no entries after the cursor, next_cursor echoes the cursor given (null when none was given), so a
//   poller can keep sending what it got.
#include "stub/api_error.h"
#include "stub/gateway_context.h"
#include "stub/router.h"
#include "stub/routes.h"
#include "stub/transaction_feed.h"

namespace bw::stub {

namespace {

int parseLimit(const Request &req)
{
    const QString name = QStringLiteral("limit");
    if (!req.query.hasQueryItem(name))
        return TransactionFeed::kDefaultLimit;
    const QString text = req.query.queryItemValue(name, QUrl::FullyDecoded);
    bool digits = !text.isEmpty() && text.size() <= 7;
    for (const QChar c : text)
        digits = digits && c >= u'0' && c <= u'9';
    const int value = digits ? text.toInt() : 0;
    if (value < 1 || value > TransactionFeed::kMaxLimit)
        throw ApiError::parameterInvalid(name, QStringLiteral("limit is an integer from 1 to 1000."));
    return value;
}

} // namespace

void addTransactionRoutes(Router &router, GatewayContext &ctx)
{
    router.add("GET", QStringLiteral("/v1/transactions"), Access::Authenticated, [&ctx](const Request &req) {
        const int limit = parseLimit(req);
        std::optional<QString> after;
        if (req.query.hasQueryItem(QStringLiteral("after")))
            after = req.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
        return Response::ok(
            TransactionFeed(ctx.store(), ctx.key()).page(req.walletId, after, limit).toJson());
    });
}

} // namespace bw::stub
