// The route modules of the gateway stub: one registration function per area, each in its own
// <area>_routes.cpp, all called from GatewayServer::registerRoutes(). See gateway_server.h, "HOW TO ADD
// A ROUTE".
#pragma once

namespace bw::stub {

class GatewayContext;
class Router;

void addSystemRoutes(Router &router, GatewayContext &ctx);        // GET /healthz
void addBankRoutes(Router &router, GatewayContext &ctx);          // GET /v1/banks
void addEnrollmentRoutes(Router &router, GatewayContext &ctx);    // /v1/enrollments...
void addSessionRoutes(Router &router, GatewayContext &ctx);       // /v1/sessions...
void addWalletRoutes(Router &router, GatewayContext &ctx);        // /v1/wallet...
void addDeviceRoutes(Router &router, GatewayContext &ctx);        // /v1/devices...
void addPasswordResetRoutes(Router &router, GatewayContext &ctx); // /v1/password-resets...
void addDevRoutes(Router &router, GatewayContext &ctx);           // /v1/dev/... (demo mode only)
void addTransactionRoutes(Router &router, GatewayContext &ctx);   // GET /v1/transactions
void addDirectoryRoutes(Router &router, GatewayContext &ctx);     // GET /v1/fees, /v1/fx-rates, /v1/merchants
void addPaymentMethodRoutes(Router &router, GatewayContext &ctx); // /v1/payment-methods...
void addQuoteRoutes(Router &router, GatewayContext &ctx);         // POST /v1/quotes, /v1/quotes/{id}/otp
void addPaymentRoutes(Router &router, GatewayContext &ctx);       // POST /v1/payments, GET /v1/payments/{id}

// payment_routes.cpp: what a staff decision on a payment held for review changes besides the ledger and
// the payment's status (decideReview): the usage counters (a rejected payment stops counting against the
// limits), the known payees, and the recipient's side of an approved transfer. Inside the caller's
// transaction, after decideReview(). Does nothing for incoming transfers.
void settleReviewedPayment(GatewayContext &ctx, const QString &paymentId, bool approved);

} // namespace bw::stub
