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

} // namespace bw::stub
