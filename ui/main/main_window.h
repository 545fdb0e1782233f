// API-READY
// MainWindow — the shell every screen lives in: menu bar (File, Go, Language, Help with Copy diagnostics), a
// stack with the screens the app controller puts in front of the wallet (onboarding, sign-in, lock), the
// wallet pages (dashboard, history, insights, receive, cards and accounts, security, help), the payment and
// receipt dialogs, and a status bar (gateway, notifications, and a DEMO badge in demo mode).
#pragma once

#include "core/payment_link.h"
#include "gateway/gateway_types.h"
#include "ui/main/about_dialog.h"
#include "ui/screen_services.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QActionGroup;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace bw::ui {

class DashboardPage;
class HelpPage;
class HistoryPage;
class InsightsPage;
class Notifier;
class PaymentDialog;
class PaymentMethodsPage;
class ReceivePage;
class SecurityPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const ScreenServices &services, const ComponentVersions &versions, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Takes ownership of a screen shown instead of the wallet (onboarding wizard, sign-in / lock page).
    void addScreen(QWidget *screen);
    // That screen (added with addScreen, or added now) fills the window; wallet-only menus are disabled.
    void showScreen(QWidget *screen);
    // The dashboard: refreshes the wallet summary, payment methods and history.
    void showWallet();
    // True while a wallet page (dashboard, receive, cards, security, help) is shown rather than a screen.
    bool isShowingWallet() const;

    // Pages, for the app controller and tests.
    DashboardPage *dashboard() const { return m_dashboard; }
    HelpPage *helpPage() const { return m_help; }
    HistoryPage *historyPage() const { return m_historyPage; }
    InsightsPage *insightsPage() const { return m_insightsPage; }
    ReceivePage *receivePage() const { return m_receive; }
    PaymentMethodsPage *paymentMethodsPage() const { return m_methodsPage; }
    SecurityPage *securityPage() const { return m_security; }
    Notifier *notifier() const { return m_notifier; }

    // Opens the payment dialog for a kind (non-modal; one at a time: an open one comes to the front when it
    // is for the same kind or has a payment under way). Only with the wallet open, else nullptr.
    PaymentDialog *openPayment(gateway::QuoteKind kind);
    // Opens the payment dialog prefilled from a `bankwallet:` link (a transfer to a phone or a payment to a
    // merchant). False when the wallet is not open.
    bool openPaymentLink(const core::PaymentLink &link);
    // The receipt of a payment the app has, or of any transaction by its payment id (loaded from the bank).
    void showReceipt(const gateway::Payment &payment);
    void showReceiptOf(const QString &paymentId);
    // Opens File → Settings… (modal, non-blocking: open()).
    void showSettings();
    // Go → History (Ctrl+H) and Go → Insights (Ctrl+I): only with the wallet open.
    void showHistory();
    void showInsights();
    // Go → Help (F1): works while signed out too (the Help page needs no session for banks and fees).
    void showHelp();
    // Help → Copy diagnostics: the services::diagnosticsReport text (no secrets, no personal data) on the
    // clipboard, and "Diagnostics copied" in the status bar. Returns the text.
    QString copyDiagnostics();

Q_SIGNALS:
    // The customer picked a language from the menu (already switched and saved in SettingsService).
    void languageChosen(const QString &code);
    // File → Lock (Ctrl+L).
    void lockRequested();
    // File → Sign out.
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildLanguageMenu();
    void showAbout();
    void onQuickAction(int action);
    void showPage(QWidget *page);
    void backToDashboard();
    void retranslate();
    void updateWalletActions();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ScreenServices m_services;
    ComponentVersions m_versions;
    DashboardPage *m_dashboard = nullptr;
    HelpPage *m_help = nullptr;
    HistoryPage *m_historyPage = nullptr;
    InsightsPage *m_insightsPage = nullptr;
    ReceivePage *m_receive = nullptr;
    PaymentMethodsPage *m_methodsPage = nullptr;
    SecurityPage *m_security = nullptr;
    Notifier *m_notifier = nullptr;
    QPointer<PaymentDialog> m_payment;
    QPointer<QWidget> m_screenBeforeHelp;
    QActionGroup *m_languageGroup = nullptr;
    QLabel *m_gatewayLabel = nullptr;
    QLabel *m_demoBadge = nullptr;
    bool m_walletMode = false;
};

} // namespace bw::ui
