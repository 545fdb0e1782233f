// AppServices — owns the one wallet's services for the life of the app: the ServiceContext (gateway client,
// keychain, database worker) and every service the screens use, wired together (auto-lock minutes from
// Settings into the SessionService). main() makes one; UI tests make one on a temporary data folder with
// a unique keychain prefix. Screens get non-owning pointers through screenServices().
#pragma once

#include "ui/screen_services.h" // also declares the service classes held here

#include <QString>
#include <QUrl>

#include <memory>

namespace bw::app {

struct AppServicesOptions
{
    QString dataDir;
    QUrl gatewayUrl;
    bool embeddedGateway = false;
    bool demo = false; // creates the DemoService (the gateway must be a demo gateway)
    QString keyPrefix; // keychain entry names; empty in the app, unique per test
};

class AppServices
{
public:
    // `language` must outlive this object. Refuses nothing: a bad gateway URL shows up as the first
    // request's error (the command line and Settings validate it before it gets here).
    AppServices(const AppServicesOptions &options, ui::Language &language);
    ~AppServices();
    AppServices(const AppServices &) = delete;
    AppServices &operator=(const AppServices &) = delete;

    ui::ScreenServices screenServices() const { return m_ui; }
    services::ServiceContext &context() { return *m_context; }

private:
    std::unique_ptr<services::ServiceContext> m_context;
    std::unique_ptr<services::SettingsService> m_settings;
    std::unique_ptr<services::SessionService> m_session;
    std::unique_ptr<services::OnboardingService> m_onboarding;
    std::unique_ptr<services::PaymentMethodService> m_methods;
    std::unique_ptr<services::HistoryService> m_history;
    std::unique_ptr<services::WalletService> m_wallet;
    std::unique_ptr<services::PaymentService> m_payments;
    std::unique_ptr<services::SecurityService> m_security;
    std::unique_ptr<services::DemoService> m_demo;
    ui::ScreenServices m_ui;
};

} // namespace bw::app
