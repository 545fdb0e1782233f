#include "ui/app_controller.h"

#include "services/demo_service.h"
#include "services/onboarding_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "services/session_service.h"
#include "ui/main/main_window.h"
#include "ui/onboarding/onboarding_wizard.h"
#include "ui/session/auto_lock.h"
#include "ui/session/screen_lock_watcher.h"
#include "ui/session/sign_in_page.h"
#include "ui/startup_page.h"

#include <QApplication>
#include <QMessageBox>
#include <QPointer>

namespace bw::ui {

AppController::AppController(const ScreenServices &services, const ComponentVersions &versions,
                             QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_window(std::make_unique<MainWindow>(services, versions))
{
    m_window->setObjectName(QStringLiteral("mainWindow"));
    m_window->resize(1280, 800);

    m_startup = new StartupPage;
    m_window->addScreen(m_startup);
    connect(m_startup, &StartupPage::retryRequested, this, &AppController::start);

    m_signIn = new SignInPage(services);
    m_window->addScreen(m_signIn);
    connect(m_signIn, &SignInPage::signedIn, this, &AppController::afterSignIn);

    m_autoLock = new AutoLock(services, this);
    new ScreenLockWatcher(services, this); // the desktop's screen lock and sleep lock the wallet too
    connect(m_autoLock, &AutoLock::lockScreenRequested, this, &AppController::showLocked);

    connect(m_window.get(), &MainWindow::lockRequested, this, [this] { m_services.session->lock(); });
    connect(m_window.get(), &MainWindow::signOutRequested, this, &AppController::signOut);
    if (m_services.demo)
        connect(m_services.demo, &services::DemoService::demoReset, this, &AppController::onDemoReset);
}

AppController::~AppController() = default;

void AppController::start()
{
    m_window->show();
    showStartup();
    m_services.session->start([this, guard = QPointer<AppController>(this)](
                                  services::ServiceResult<services::SessionState> state) {
        if (!guard)
            return;
        if (!state) {
            m_startup->showError(state.error().userMessage(),
                                 tr("BankWallet keeps your wallet's keys in your desktop's keychain. Unlock "
                                    "the keychain (or start your desktop's password manager), then choose "
                                    "Retry."));
            return;
        }
        if (state.value() == services::SessionState::NoWallet)
            showOnboarding();
        else
            showSignIn();
    });
}

void AppController::showStartup()
{
    m_startup->showBusy();
    m_window->showScreen(m_startup);
}

void AppController::showOnboarding()
{
    if (!m_wizard) {
        m_wizard = new OnboardingWizard(m_services);
        m_window->addScreen(m_wizard);
        connect(m_wizard, &OnboardingWizard::finished, this, &AppController::enterWallet);
    }
    m_window->showScreen(m_wizard);
    m_wizard->start();
}

void AppController::showSignIn()
{
    m_signIn->setMode(SignInPage::Mode::SignIn);
    m_window->showScreen(m_signIn);
}

void AppController::showLocked(services::LockReason reason)
{
    m_signIn->setMode(SignInPage::Mode::Locked, reason);
    m_window->showScreen(m_signIn);
}

void AppController::afterSignIn()
{
    // An application that stopped at two-factor or linking a card (the app was closed there) continues in
    // the wizard now that the wallet is signed in; otherwise the wallet itself.
    m_services.onboarding->resume([this, guard = QPointer<AppController>(this)](
                                      services::ServiceResult<services::OnboardingState> state) {
        if (!guard)
            return;
        const bool unfinished = state && (state.value().step == services::OnboardingStep::TwoFactor ||
                                          state.value().step == services::OnboardingStep::PaymentMethod);
        if (unfinished)
            showOnboarding();
        else
            enterWallet();
    });
}

void AppController::enterWallet()
{
    m_window->showWallet();
    if (m_services.payments)
        m_services.payments->reconcile();
    if (m_pendingLink) {
        const core::PaymentLink link = *std::exchange(m_pendingLink, std::nullopt);
        m_window->openPaymentLink(link);
    }
}

void AppController::openPaymentLink(const core::PaymentLink &link)
{
    if (m_window->isShowingWallet()) {
        m_window->openPaymentLink(link);
    } else {
        m_pendingLink = link;
    }
    m_window->raise();
    m_window->activateWindow();
}

void AppController::bringToFront()
{
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
    QApplication::alert(m_window.get());
}

void AppController::signOut()
{
    const auto answer =
        QMessageBox::question(m_window.get(), tr("Sign out"),
                              tr("Sign out of your wallet? You will need your password to sign in again."),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    // The sign-in page only once the sign-out is done: signing in again before it would race with it.
    m_services.session->signOut([this, guard = QPointer<AppController>(this)](services::ServiceError) {
        if (guard)
            showSignIn();
    });
}

void AppController::onDemoReset()
{
    // The demo bank forgot every wallet: this desktop starts a new application, in a new wizard, so
    // nothing the previous customer typed is still in a field.
    if (m_wizard) {
        m_wizard->deleteLater();
        m_wizard = nullptr;
    }
    showOnboarding();
}

} // namespace bw::ui
