// ScreenServices — what every screen is given: the services and shared objects of the one wallet the app
// runs, as non-owning pointers (the app — app/bankwallet/app_services — owns them and outlives every
// window). Screens call these, never the gateway, storage, keychain or crypto directly (DESIGN.md).
// `demo` is set only in demo mode (`bankwallet --demo`); screens check it before showing staff actions.
#pragma once

#include <QUrl>

namespace bw::services {
class ServiceContext;
class SessionService;
class OnboardingService;
class SettingsService;
class PaymentMethodService;
class HistoryService;
class WalletService;
class DemoService;
class PaymentService;
class SecurityService;
} // namespace bw::services

namespace bw::ui {

class Language;

struct ScreenServices
{
    services::ServiceContext *context = nullptr;
    services::SessionService *session = nullptr;
    services::OnboardingService *onboarding = nullptr;
    services::SettingsService *settings = nullptr;
    services::PaymentMethodService *methods = nullptr;
    services::HistoryService *history = nullptr;
    services::WalletService *wallet = nullptr;
    services::PaymentService *payments = nullptr;
    services::SecurityService *security = nullptr;
    services::DemoService *demo = nullptr; // demo mode only
    Language *language = nullptr;
    // The gateway the app talks to, for the status bar and Settings: embedded = the built-in demo bank.
    QUrl gatewayUrl;
    bool embeddedGateway = false;
    bool demoMode() const { return demo != nullptr; }
};

} // namespace bw::ui
