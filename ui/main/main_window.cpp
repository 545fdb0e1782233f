#include "ui/main/main_window.h"

#include "services/diagnostics_log.h"
#include "services/diagnostics_report.h"
#include "services/service_context.h"
#include "services/settings_service.h"
#include "ui/demo/demo_docks.h"
#include "ui/history/history_page.h"
#include "ui/insights/insights_page.h"
#include "ui/language.h"
#include "ui/main/dashboard_page.h"
#include "ui/main/help_page.h"
#include "ui/main/settings_dialog.h"
#include "ui/methods/payment_methods_page.h"
#include "ui/notifications/notifier.h"
#include "ui/payments/payment_dialog.h"
#include "ui/receipts/receipt_dialog.h"
#include "ui/receive/receive_page.h"
#include "ui/security/security_page.h"
#include "ui_main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QShortcut>
#include <QStatusBar>

namespace bw::ui {

namespace {
Q_LOGGING_CATEGORY(lcUi, "bw.ui")
}

MainWindow::MainWindow(const ScreenServices &services, const ComponentVersions &versions, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_services(services)
    , m_versions(versions)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("mainWindow"));
    m_dashboard = new DashboardPage(m_services, m_ui->pages);
    m_help = new HelpPage(m_services, m_ui->pages);
    m_receive = new ReceivePage(m_services, m_ui->pages);
    m_methodsPage = new PaymentMethodsPage(m_services, m_ui->pages);
    m_security = new SecurityPage(m_services, m_ui->pages);
    m_historyPage = new HistoryPage(m_services, m_ui->pages);
    m_insightsPage = new InsightsPage(m_services, m_ui->pages);
    m_insightsPage->setObjectName(QStringLiteral("insightsPage"));
    for (QWidget *page : {static_cast<QWidget *>(m_dashboard), static_cast<QWidget *>(m_help),
                          static_cast<QWidget *>(m_receive), static_cast<QWidget *>(m_methodsPage),
                          static_cast<QWidget *>(m_security), static_cast<QWidget *>(m_historyPage),
                          static_cast<QWidget *>(m_insightsPage)})
        m_ui->pages->addWidget(page);
    setCentralWidget(m_ui->pages);

    m_gatewayLabel = new QLabel(this);
    m_gatewayLabel->setObjectName(QStringLiteral("gatewayStatus"));
    statusBar()->addPermanentWidget(m_gatewayLabel);
    if (m_services.demoMode()) {
        m_demoBadge = new QLabel(this);
        m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
        m_demoBadge->setStyleSheet(
            QStringLiteral("QLabel { background: #c62828; color: white; font-weight: bold;"
                           " border-radius: 4px; padding: 1px 10px; }"));
        statusBar()->addPermanentWidget(m_demoBadge);
    }
    m_notifier = new Notifier(m_services, statusBar(), this);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionLock, &QAction::triggered, this, &MainWindow::lockRequested);
    connect(m_ui->actionSignOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->actionDashboard, &QAction::triggered, this, [this] {
        if (isShowingWallet())
            m_ui->pages->setCurrentWidget(m_dashboard);
    });
    connect(m_ui->actionHistory, &QAction::triggered, this, &MainWindow::showHistory);
    connect(m_ui->actionInsights, &QAction::triggered, this, &MainWindow::showInsights);
    connect(m_ui->actionGoHelp, &QAction::triggered, this, &MainWindow::showHelp);
    connect(m_ui->actionHelp, &QAction::triggered, this, &MainWindow::showHelp);
    connect(m_ui->actionCopyDiagnostics, &QAction::triggered, this, &MainWindow::copyDiagnostics);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    using gateway::QuoteKind;
    connect(m_ui->actionPay, &QAction::triggered, this, [this] { openPayment(QuoteKind::Payment); });
    connect(m_ui->actionTransfer, &QAction::triggered, this, [this] { openPayment(QuoteKind::Transfer); });
    connect(m_ui->actionTopUp, &QAction::triggered, this, [this] { openPayment(QuoteKind::TopUp); });
    connect(m_ui->actionWithdraw, &QAction::triggered, this, [this] { openPayment(QuoteKind::Withdrawal); });
    connect(m_ui->actionReceive, &QAction::triggered, this, [this] { showPage(m_receive); });
    connect(m_ui->actionPaymentMethods, &QAction::triggered, this, [this] { showPage(m_methodsPage); });
    connect(m_ui->actionSecurity, &QAction::triggered, this, [this] { showPage(m_security); });
    connect(m_dashboard, &DashboardPage::quickActionRequested, this,
            [this](QuickAction action) { onQuickAction(int(action)); });
    connect(m_dashboard, &DashboardPage::receiptRequested, this, &MainWindow::showReceiptOf);
    connect(m_dashboard, &DashboardPage::paymentMethodsRequested, this, [this] { showPage(m_methodsPage); });
    connect(m_dashboard, &DashboardPage::historyRequested, this, &MainWindow::showHistory);
    connect(m_historyPage, &HistoryPage::backRequested, this, &MainWindow::backToDashboard);
    connect(m_receive, &ReceivePage::backRequested, this, &MainWindow::backToDashboard);
    connect(m_methodsPage, &PaymentMethodsPage::backRequested, this, &MainWindow::backToDashboard);
    connect(m_security, &SecurityPage::backRequested, this, &MainWindow::backToDashboard);
    connect(m_help, &HelpPage::backRequested, this, [this] {
        // Back to where Help was opened from: a screen (sign-in, onboarding) or the dashboard.
        QWidget *back = m_screenBeforeHelp ? m_screenBeforeHelp : m_dashboard;
        m_screenBeforeHelp = nullptr;
        m_ui->pages->setCurrentWidget(back);
    });
    connect(m_ui->pages, &QStackedWidget::currentChanged, this, &MainWindow::updateWalletActions);
    // Esc leaves Help and the other wallet pages (one shortcut: per-button ones would be ambiguous).
    auto *back = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    back->setObjectName(QStringLiteral("backShortcut"));
    connect(back, &QShortcut::activated, this, [this] {
        QWidget *current = m_ui->pages->currentWidget();
        if (current == m_help)
            Q_EMIT m_help->backRequested();
        else if (current == m_receive || current == m_methodsPage || current == m_security ||
                 current == m_historyPage || current == m_insightsPage)
            backToDashboard();
    });

    buildLanguageMenu();
    if (m_services.demoMode())
        addDemoDocks(this, m_services);
    retranslate();
    updateWalletActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::addScreen(QWidget *screen)
{
    if (screen && m_ui->pages->indexOf(screen) < 0)
        m_ui->pages->addWidget(screen);
}

void MainWindow::showScreen(QWidget *screen)
{
    if (!screen)
        return;
    addScreen(screen);
    m_walletMode = false;
    m_screenBeforeHelp = nullptr;
    m_ui->pages->setCurrentWidget(screen);
    updateWalletActions();
}

void MainWindow::showWallet()
{
    m_walletMode = true;
    m_screenBeforeHelp = nullptr;
    m_ui->pages->setCurrentWidget(m_dashboard);
    updateWalletActions();
    m_dashboard->refresh();
}

bool MainWindow::isShowingWallet() const
{
    return m_walletMode;
}

void MainWindow::showHelp()
{
    QWidget *current = m_ui->pages->currentWidget();
    if (current != m_help)
        m_screenBeforeHelp = m_walletMode ? nullptr : current;
    m_ui->pages->setCurrentWidget(m_help);
    m_help->refresh();
}

void MainWindow::showHistory()
{
    showPage(m_historyPage);
}

void MainWindow::showInsights()
{
    showPage(m_insightsPage);
}

void MainWindow::onQuickAction(int action)
{
    switch (QuickAction(action)) {
    case QuickAction::Pay:
        openPayment(gateway::QuoteKind::Payment);
        break;
    case QuickAction::Transfer:
        openPayment(gateway::QuoteKind::Transfer);
        break;
    case QuickAction::TopUp:
        openPayment(gateway::QuoteKind::TopUp);
        break;
    case QuickAction::Withdraw:
        openPayment(gateway::QuoteKind::Withdrawal);
        break;
    case QuickAction::Receive:
        showPage(m_receive);
        break;
    }
}

void MainWindow::showPage(QWidget *page)
{
    if (!m_walletMode)
        return;
    m_ui->pages->setCurrentWidget(page);
    if (page == m_methodsPage)
        m_methodsPage->refresh();
    else if (page == m_security)
        m_security->refresh();
    else if (page == m_historyPage)
        m_historyPage->refresh();
}

void MainWindow::backToDashboard()
{
    if (m_walletMode)
        m_ui->pages->setCurrentWidget(m_dashboard);
}

PaymentDialog *MainWindow::openPayment(gateway::QuoteKind kind)
{
    if (!m_walletMode)
        return nullptr;
    if (m_payment && m_payment->isVisible()) {
        // One payment dialog at a time: the open one comes back to the front when it is for the same kind
        // or has a payment under way; otherwise it makes room for the new one.
        if (m_payment->kind() == kind || m_payment->isPaymentInFlight()) {
            m_payment->raise();
            m_payment->activateWindow();
            return m_payment;
        }
        m_payment->close();
    }
    auto *dialog = new PaymentDialog(m_services, kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PaymentDialog::receiptRequested, this, &MainWindow::showReceipt);
    connect(dialog, &PaymentDialog::paymentFinished, m_dashboard, [this] { m_dashboard->refresh(); });
    m_payment = dialog;
    dialog->show();
    return dialog;
}

bool MainWindow::openPaymentLink(const core::PaymentLink &link)
{
    if (!m_walletMode)
        return false;
    if (m_payment && m_payment->isVisible() && !m_payment->isPaymentInFlight())
        m_payment->close(); // a link starts afresh
    PaymentDialog *dialog = openPayment(PaymentDialog::kindForLink(link));
    if (!dialog)
        return false;
    dialog->prefill(link); // an unfitting link is explained in the dialog
    return true;
}

void MainWindow::showReceipt(const gateway::Payment &payment)
{
    auto *dialog = new ReceiptDialog(m_services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showPayment(payment);
    dialog->open();
}

void MainWindow::showReceiptOf(const QString &paymentId)
{
    if (!m_walletMode || paymentId.isEmpty())
        return;
    auto *dialog = new ReceiptDialog(m_services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showTransaction(paymentId);
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::languageChosen, this, &MainWindow::languageChosen);
    dialog->open();
}

void MainWindow::updateWalletActions()
{
    // Lock, sign-out and the wallet pages make sense only with the wallet open.
    for (QAction *action :
         {m_ui->actionLock, m_ui->actionSignOut, m_ui->actionDashboard, m_ui->actionHistory,
          m_ui->actionInsights, m_ui->actionPay, m_ui->actionTransfer, m_ui->actionTopUp,
          m_ui->actionWithdraw, m_ui->actionReceive, m_ui->actionPaymentMethods, m_ui->actionSecurity})
        action->setEnabled(m_walletMode);
}

void MainWindow::buildLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    Language *language = m_services.language;
    for (const QString &code : Language::available()) {
        // Each language is named in itself, so a customer who cannot read the current one finds theirs.
        QAction *action = m_ui->menuLanguage->addAction(Language::nativeName(code));
        action->setObjectName(QStringLiteral("actionLanguage_%1").arg(code));
        action->setCheckable(true);
        action->setChecked(language && code == language->current());
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (!m_services.language || !m_services.language->setCurrent(code))
                return;
            if (m_services.settings)
                m_services.settings->setLanguage(code);
            Q_EMIT languageChosen(code);
        });
    }
    if (language) {
        connect(language, &Language::changed, this, [this](const QString &code) {
            for (QAction *action : m_languageGroup->actions())
                action->setChecked(action->data().toString() == code);
        });
    }
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_versions, this);
    dialog->setObjectName(QStringLiteral("aboutDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString MainWindow::copyDiagnostics()
{
    services::DiagnosticsFacts facts;
    facts.appVersion = m_versions.app;
    facts.opensslVersion = m_versions.openssl;
    facts.keychainVersion = m_versions.keychain;
    facts.platformPlugin = QGuiApplication::platformName();
    facts.language = m_services.language ? m_services.language->current() : QString();
    facts.gatewayUrl = m_services.gatewayUrl;
    facts.embeddedGateway = m_services.embeddedGateway;
    facts.demo = m_services.demoMode();
    facts.dataDir = m_services.context ? m_services.context->dataDir() : QString();
    facts.logFile = services::DiagnosticsLog::filePath();
    facts.recentWarnings = services::DiagnosticsLog::recentWarnings();
    const QString text = services::diagnosticsReport(facts);
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Diagnostics copied to the clipboard"), 8000);
    qCInfo(lcUi) << "diagnostics copied to the clipboard";
    return text;
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_ui->menuLanguage->setToolTip(tr("Choose the language of BankWallet"));
    const bool demo = m_services.demoMode();
    setWindowTitle(demo ? tr("BankWallet — Demo") : tr("BankWallet"));
    const QUrl url = m_services.gatewayUrl;
    const QString address = url.toDisplayString();
    if (url.isEmpty())
        m_gatewayLabel->setText(tr("Not connected to a bank"));
    else if (m_services.embeddedGateway)
        m_gatewayLabel->setText(tr("Built-in demo bank at %1").arg(address));
    else
        m_gatewayLabel->setText(tr("Bank gateway: %1").arg(address));
    if (m_demoBadge) {
        m_demoBadge->setText(tr("DEMO"));
        m_demoBadge->setToolTip(tr("Demo mode: a demo bank with simulated money, for showing BankWallet"));
    }
}

} // namespace bw::ui
