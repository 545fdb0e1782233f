#include "app/bankwallet/app_services.h"

#include "services/demo_service.h"
#include "services/history_service.h"
#include "services/onboarding_service.h"
#include "services/payment_method_service.h"
#include "services/payment_service.h"
#include "services/security_service.h"
#include "services/service_context.h"
#include "services/session_service.h"
#include "services/settings_service.h"
#include "services/wallet_service.h"

#include <QLoggingCategory>

namespace bw::app {

namespace {
Q_LOGGING_CATEGORY(lcApp, "bw.app")
}

AppServices::AppServices(const AppServicesOptions &options, ui::Language &language)
    : m_context(std::make_unique<services::ServiceContext>(options.dataDir, options.keyPrefix))
{
    if (const auto error = m_context->gateway().setBaseUrl(options.gatewayUrl); error.isError())
        qCWarning(lcApp) << "gateway address refused:" << error.summary();
    m_settings = std::make_unique<services::SettingsService>(*m_context);
    m_session = std::make_unique<services::SessionService>(*m_context);
    m_onboarding = std::make_unique<services::OnboardingService>(*m_context);
    m_methods = std::make_unique<services::PaymentMethodService>(*m_context);
    m_history = std::make_unique<services::HistoryService>(*m_context);
    m_wallet = std::make_unique<services::WalletService>(*m_context);
    m_payments = std::make_unique<services::PaymentService>(*m_context);
    m_security = std::make_unique<services::SecurityService>(*m_context);
    if (options.demo)
        m_demo = std::make_unique<services::DemoService>(*m_context);

    // Settings decide the auto-lock time, now and whenever the customer changes it.
    m_session->setAutoLockMinutes(m_settings->autoLockMinutes());
    QObject::connect(m_settings.get(), &services::SettingsService::autoLockMinutesChanged, m_session.get(),
                     &services::SessionService::setAutoLockMinutes);

    m_ui.context = m_context.get();
    m_ui.session = m_session.get();
    m_ui.onboarding = m_onboarding.get();
    m_ui.settings = m_settings.get();
    m_ui.methods = m_methods.get();
    m_ui.history = m_history.get();
    m_ui.wallet = m_wallet.get();
    m_ui.payments = m_payments.get();
    m_ui.security = m_security.get();
    m_ui.demo = m_demo.get();
    m_ui.language = &language;
    m_ui.gatewayUrl = options.gatewayUrl;
    m_ui.embeddedGateway = options.embeddedGateway;
}

// Services first (they hold references to the context), the context last.
AppServices::~AppServices()
{
    m_demo.reset();
    m_security.reset();
    m_payments.reset();
    m_wallet.reset();
    m_history.reset();
    m_methods.reset();
    m_onboarding.reset();
    m_session.reset();
    m_settings.reset();
    m_context.reset();
}

} // namespace bw::app
