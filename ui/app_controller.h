// AppController — decides which screen the one main window shows, from the session state:
//   starting (the keychain is asked)  → StartupPage (or its error state with Retry)
//   no wallet on this desktop          → the onboarding wizard (resumes an unfinished application)
//   a wallet, signed out / locked      → the sign-in page (lock mode says why)
//   signed in                          → the wallet (dashboard); an application stopped at two-factor or
//                                        linking a card continues in the wizard first; payments an earlier
//                                        run left unsettled are reconciled; a payment link given on the
//                                        command line opens the Pay dialog
// It also wires the cross-screen events: auto-lock (dialogs closed, secrets cleared, then the lock
// screen) after the idle time or when the desktop locks its screen or sleeps, Lock and Sign out from the
// menus, the gateway ending the session, and "Reset demo".
#pragma once

#include "core/payment_link.h"
#include "ui/main/about_dialog.h"
#include "ui/screen_services.h"

#include <QObject>

#include <memory>
#include <optional>

namespace bw::services {
enum class LockReason;
}

namespace bw::ui {

class AutoLock;
class MainWindow;
class OnboardingWizard;
class SignInPage;
class StartupPage;

class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(const ScreenServices &services, const ComponentVersions &versions,
                  QObject *parent = nullptr);
    ~AppController() override;

    // Shows the window and finds out what to show in it.
    void start();
    MainWindow &window() { return *m_window; }
    // A `bankwallet:` payment link (command line, or handed over by a second start): the Pay dialog opens
    // prefilled now if the wallet is open, otherwise right after the customer signs in.
    void openPaymentLink(const core::PaymentLink &link);
    // A second start on the same data folder asked for the window: restored if minimized, shown, raised
    // and activated (the desktop may still refuse the focus; then it flashes the window in the task bar).
    void bringToFront();

private:
    void showStartup();
    void showOnboarding();
    void showSignIn();
    void showLocked(services::LockReason reason);
    // Signed in: an unfinished application continues in the wizard, otherwise the wallet.
    void afterSignIn();
    // The wallet is open: the dashboard, payments left unsettled by an earlier run settled, and a link
    // waiting for the sign-in opened.
    void enterWallet();
    void signOut();
    void onDemoReset();

    ScreenServices m_services;
    std::unique_ptr<MainWindow> m_window;
    StartupPage *m_startup = nullptr;     // owned by the window
    SignInPage *m_signIn = nullptr;       // owned by the window
    OnboardingWizard *m_wizard = nullptr; // owned by the window
    AutoLock *m_autoLock = nullptr;
    std::optional<core::PaymentLink> m_pendingLink;
};

} // namespace bw::ui
