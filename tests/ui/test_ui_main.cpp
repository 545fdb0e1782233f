// The main window as a signed-in customer meets it: the dashboard (balance after an incoming transfer, tier
// and limits, the latest transaction and its receipt, quick actions → the payment dialog of each kind or
// the Receive page, the Go menu's pages and Esc back), Help (banks and fees from the
// gateway), Settings (auto-lock saved, a bad gateway address refused, the connection test, the language
// switched at run time), the Lock / Sign out actions and the DEMO badge; and WalletService on its own.
#include "widget_test_support.h"

#include "services/session_service.h"
#include "services/settings_service.h"
#include "services/wallet_service.h"
#include "ui/history/history_page.h"
#include "ui/insights/insights_page.h"
#include "ui/main/dashboard_page.h"
#include "ui/main/help_page.h"
#include "ui/main/main_window.h"
#include "ui/main/settings_dialog.h"
#include "ui/methods/payment_methods_page.h"
#include "ui/payments/payment_dialog.h"
#include "ui/receipts/receipt_dialog.h"
#include "ui/receive/receive_page.h"
#include "ui/security/security_page.h"
#include "ui/widgets/limit_meter.h"
#include "ui/widgets/tier_badge.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>

#include <memory>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;
using services::test::awaitGateway;
using services::test::awaitResult;
using services::test::awaitValue;

namespace {

// Counts the LanguageChange events a widget receives.
class LanguageChangeCounter : public QObject
{
public:
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            ++count;
        return false;
    }
};

constexpr auto cny = &ServicesFixture::cny;

QWidget *currentPage(MainWindow &window)
{
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    return pages ? pages->currentWidget() : nullptr;
}

} // namespace

class TestUiMain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void walletServiceBeforeSignIn();
    void walletServiceRefreshFeesBanks();
    void walletServiceTestConnection();
    void dashboardShowsBalanceTierAndActivity();
    void quickActionsOpenPaymentsAndReceive();
    void goMenuOpensPagesAndEscGoesBack();
    void recentTransactionOpensItsReceipt();
    void closingMidPaymentFinishesInBackground();
    void helpShowsBanksAndFees();
    void settingsSavesAutoLock();
    void settingsRefusesBadGatewayAndTestsConnection();
    void settingsCancelChangesNothing();
    void settingsSwitchesLanguage();
    void lockAndSignOutActions();

private:
    std::unique_ptr<MainWindow> makeWindow();
    std::unique_ptr<MainWindow> makeWalletWindow();
    SettingsDialog *openSettings(MainWindow &window);
    void signIn();

    std::unique_ptr<UiFixture> m_fx;
    TestWallet m_wallet;
};

void TestUiMain::initTestCase()
{
    m_fx = std::make_unique<UiFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    QVERIFY2(m_fx->enrollWallet(m_wallet), qPrintable(m_fx->error())); // identity verified: tier 3
    QCOMPARE(m_wallet.tier, 3);
}

void TestUiMain::cleanupTestCase()
{
    m_fx.reset();
}

void TestUiMain::cleanup()
{
    // Dialogs a failed test left open must not confuse the next one.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible())
            dialog->reject();
    }
    m_fx->language().setCurrent(QStringLiteral("en"));
}

void TestUiMain::signIn()
{
    if (m_fx->ui().context->isSignedIn())
        return;
    const auto error = m_fx->signIn(m_wallet);
    QVERIFY2(!error.isError(), qPrintable(error.summary()));
}

std::unique_ptr<MainWindow> TestUiMain::makeWindow()
{
    ComponentVersions versions{QStringLiteral("1.0-test"), QString::fromLatin1(qVersion()),
                               QStringLiteral("OpenSSL 3"), QStringLiteral("0.13")};
    auto window = std::make_unique<MainWindow>(m_fx->ui(), versions);
    window->resize(1280, 800);
    window->show();
    // Shortcuts (Esc, Ctrl+L) reach only the active window.
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("main window not active: shortcuts will not work");
    return window;
}

// Signed in, the window showing the wallet (the dashboard).
std::unique_ptr<MainWindow> TestUiMain::makeWalletWindow()
{
    signIn();
    auto window = makeWindow();
    window->showWallet();
    return window;
}

SettingsDialog *TestUiMain::openSettings(MainWindow &window)
{
    auto *action = find<QAction>(&window, QStringLiteral("actionSettings"));
    if (!action)
        return nullptr;
    action->trigger();
    SettingsDialog *dialog = nullptr;
    (void)QTest::qWaitFor([&] { return (dialog = visibleTopLevel<SettingsDialog>()) != nullptr; }, 5000);
    return dialog;
}

// ---- WalletService -----------------------------------------------------------------------------------

void TestUiMain::walletServiceBeforeSignIn()
{
    QVERIFY(!m_fx->ui().context->isSignedIn());
    services::WalletService &wallet = *m_fx->ui().wallet;
    QSignalSpy failed(&wallet, &services::WalletService::refreshFailed);
    auto result = awaitResult<gateway::Wallet>([&](auto done) { wallet.refresh(done); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("not_signed_in"));
    QVERIFY(!result.error().userMessage().isEmpty());
    QCOMPARE(failed.count(), 1);
    QVERIFY(!wallet.wallet());
}

void TestUiMain::walletServiceRefreshFeesBanks()
{
    signIn();
    services::WalletService &wallet = *m_fx->ui().wallet;
    QSignalSpy changed(&wallet, &services::WalletService::walletChanged);
    auto result = awaitResult<gateway::Wallet>([&](auto done) { wallet.refresh(done); });
    QVERIFY2(result.ok(), qPrintable(result.error().summary()));
    QCOMPARE(result->walletId, m_wallet.walletId);
    QCOMPARE(result->tier, 3);
    QCOMPARE(changed.count(), 1);
    QVERIFY(wallet.wallet());
    QCOMPARE(wallet.wallet()->walletId, m_wallet.walletId);

    auto fees = awaitResult<gateway::FeeSchedule>([&](auto done) { wallet.fees(done); });
    QVERIFY2(fees.ok(), qPrintable(fees.error().summary()));
    QVERIFY(fees->size() >= 4);
    auto banks = awaitResult<QList<gateway::Bank>>([&](auto done) { wallet.banks(done); });
    QVERIFY2(banks.ok(), qPrintable(banks.error().summary()));
    bool hasSupported = false;
    bool hasUnsupported = false;
    for (const auto &bank : *banks)
        (bank.walletSupported ? hasSupported : hasUnsupported) = true;
    QVERIFY(hasSupported && hasUnsupported);

    // Locking forgets the wallet read in that session.
    m_fx->ui().session->lock();
    QVERIFY(!wallet.wallet());
}

void TestUiMain::walletServiceTestConnection()
{
    services::WalletService &wallet = *m_fx->ui().wallet;
    auto ok = awaitValue<services::ServiceError>(
        [&](auto done) { wallet.testConnection(m_fx->gatewayUrl(), done); });
    QVERIFY(ok);
    QVERIFY2(!ok->isError(), qPrintable(ok->summary()));

    // Plain http to a remote host is refused before anything is sent.
    auto insecure = awaitValue<services::ServiceError>(
        [&](auto done) { wallet.testConnection(QUrl(QStringLiteral("http://bank.example")), done); });
    QVERIFY(insecure && insecure->isError());
    QCOMPARE(insecure->code, QStringLiteral("insecure_url"));

    // Nothing listens there: a network error with a message, quickly.
    auto closed = awaitValue<services::ServiceError>(
        [&](auto done) { wallet.testConnection(QUrl(QStringLiteral("http://127.0.0.1:1")), done); }, 20000);
    QVERIFY(closed);
    QVERIFY(closed->isError());
    QVERIFY(!closed->userMessage().isEmpty());
    // The app's own client is untouched.
    QCOMPARE(m_fx->ui().context->gateway().baseUrl(), m_fx->gatewayUrl());
}

// ---- dashboard -----------------------------------------------------------------------------------------

void TestUiMain::dashboardShowsBalanceTierAndActivity()
{
    signIn();
    auto paid = awaitGateway<gateway::Payment>([&](auto done) {
        m_fx->services().devClient().devIncoming(m_wallet.walletId, cny(12345), QStringLiteral("Zhang Wei"),
                                                 done);
    });
    QVERIFY2(paid.ok(), qPrintable(paid.error().summary()));

    auto window = makeWindow();
    QVERIFY(!window->isShowingWallet());
    window->showWallet();
    QVERIFY(window->isShowingWallet());
    auto *dashboard = find<DashboardPage>(window.get(), QStringLiteral("dashboardPage"));
    QVERIFY(dashboard);
    QCOMPARE(currentPage(*window), dashboard);

    auto *balance = find<QLabel>(dashboard, QStringLiteral("balanceLabel"));
    QVERIFY(balance);
    const QString expected = cny(12345).format(QLocale());
    QTRY_COMPARE_WITH_TIMEOUT(balance->text(), expected, 30000);

    auto *badge = find<TierBadge>(dashboard, QStringLiteral("tierBadge"));
    QVERIFY(badge && badge->isVisible());
    QCOMPARE(badge->tier(), 3);
    QCOMPARE(badge->text(), TierBadge::tierText(3));
    auto *perPayment = find<QLabel>(dashboard, QStringLiteral("perPaymentLabel"));
    QVERIFY(perPayment->text().contains(cny(500000).format(QLocale())));
    auto *daily = find<LimitMeter>(dashboard, QStringLiteral("dailyLimitMeter"));
    QVERIFY(daily && daily->isVisible());
    QVERIFY2(daily->usageText().contains(cny(1000000).format(QLocale())), qPrintable(daily->usageText()));
    auto *remaining = find<QLabel>(dashboard, QStringLiteral("remainingTodayLabel"));
    QVERIFY2(remaining->text().contains(cny(1000000).format(QLocale())), qPrintable(remaining->text()));
    QVERIFY(find<LimitMeter>(dashboard, QStringLiteral("annualLimitMeter"))->isVisible());
    QVERIFY(!find<QLabel>(dashboard, QStringLiteral("frozenWarning"))->isVisible());
    QVERIFY(!find<QWidget>(dashboard, QStringLiteral("dashboardBanner"))->isVisible());

    // The transfer is the latest entry of the recent activity.
    auto *recent = find<QTreeWidget>(dashboard, QStringLiteral("recentList"));
    QVERIFY(recent);
    QTRY_VERIFY_WITH_TIMEOUT(recent->topLevelItemCount() >= 1, 30000);
    QVERIFY(recent->isVisible());
    QVERIFY(!find<QLabel>(dashboard, QStringLiteral("recentEmptyLabel"))->isVisible());
    QTreeWidgetItem *latest = recent->topLevelItem(0);
    QVERIFY2(latest->text(1).contains(QStringLiteral("Zhang Wei")), qPrintable(latest->text(1)));
    QVERIFY2(latest->text(2).contains(cny(12345).format(QLocale())), qPrintable(latest->text(2)));

    // No card linked in this wallet: the designed empty state.
    auto *methodsEmpty = find<QLabel>(dashboard, QStringLiteral("methodsEmptyLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(methodsEmpty->isVisible(), 10000);
    QVERIFY(!methodsEmpty->text().isEmpty());

    // The status bar: the gateway and, in demo mode, the DEMO badge.
    auto *demoBadge = find<QLabel>(window.get(), QStringLiteral("demoBadge"));
    QVERIFY(demoBadge && demoBadge->isVisible());
    QCOMPARE(demoBadge->text(), QStringLiteral("DEMO"));
    QVERIFY(find<QLabel>(window.get(), QStringLiteral("gatewayStatus"))
                ->text()
                .contains(m_fx->gatewayUrl().toDisplayString()));
    QVERIFY(window->windowTitle().contains(QStringLiteral("Demo")));
}

void TestUiMain::quickActionsOpenPaymentsAndReceive()
{
    auto window = makeWalletWindow();
    auto *dashboard = find<DashboardPage>(window.get(), QStringLiteral("dashboardPage"));
    QVERIFY(dashboard);
    const std::pair<QString, gateway::QuoteKind> payments[] = {
        {QStringLiteral("payButton"), gateway::QuoteKind::Payment},
        {QStringLiteral("transferButton"), gateway::QuoteKind::Transfer},
        {QStringLiteral("topUpButton"), gateway::QuoteKind::TopUp},
        {QStringLiteral("withdrawButton"), gateway::QuoteKind::Withdrawal},
    };
    QStringList titles;
    for (const auto &[name, kind] : payments) {
        auto *button = find<QPushButton>(dashboard, name);
        QVERIFY2(button, qPrintable(name));
        QTRY_VERIFY(button->isEnabled());
        click(button);
        PaymentDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = visibleTopLevel<PaymentDialog>()) != nullptr);
        QCOMPARE(dialog->kind(), kind);
        // A top-up has no payee (the wallet itself): it starts at the amount.
        QCOMPARE(dialog->step(), kind == gateway::QuoteKind::TopUp ? PaymentDialog::Step::Amount
                                                                   : PaymentDialog::Step::Payee);
        titles << dialog->windowTitle();
        // The dashboard stays where it was behind the dialog.
        QCOMPARE(currentPage(*window), dashboard);
        dialog->close();
        QTRY_VERIFY(!visibleTopLevel<PaymentDialog>());
    }
    titles.removeDuplicates();
    QCOMPARE(titles.size(), 4); // each dialog says what it is for

    // The same kind twice: the open dialog comes back instead of a second one.
    click(find<QPushButton>(dashboard, QStringLiteral("payButton")));
    PaymentDialog *first = nullptr;
    QTRY_VERIFY((first = visibleTopLevel<PaymentDialog>()) != nullptr);
    find<QAction>(window.get(), QStringLiteral("actionPay"))->trigger();
    int open = 0;
    for (QWidget *w : QApplication::topLevelWidgets())
        open += qobject_cast<PaymentDialog *>(w) && w->isVisible() ? 1 : 0;
    QCOMPARE(open, 1);
    first->close();

    click(find<QPushButton>(dashboard, QStringLiteral("receiveButton")));
    auto *receive = find<ReceivePage>(window.get(), QStringLiteral("receivePage"));
    QVERIFY(receive);
    QCOMPARE(currentPage(*window), receive);
}

void TestUiMain::goMenuOpensPagesAndEscGoesBack()
{
    auto window = makeWalletWindow();
    auto *dashboard = find<DashboardPage>(window.get(), QStringLiteral("dashboardPage"));
    const std::pair<QString, QWidget *> pages[] = {
        {QStringLiteral("actionReceive"), find<ReceivePage>(window.get(), QStringLiteral("receivePage"))},
        {QStringLiteral("actionPaymentMethods"),
         find<PaymentMethodsPage>(window.get(), QStringLiteral("paymentMethodsPage"))},
        {QStringLiteral("actionSecurity"), find<SecurityPage>(window.get(), QStringLiteral("securityPage"))},
        {QStringLiteral("actionHistory"), find<HistoryPage>(window.get(), QStringLiteral("historyPage"))},
        {QStringLiteral("actionInsights"), find<InsightsPage>(window.get(), QStringLiteral("insightsPage"))},
    };
    for (const auto &[actionName, page] : pages) {
        QVERIFY2(page, qPrintable(actionName));
        auto *action = find<QAction>(window.get(), actionName);
        QVERIFY2(action && action->isEnabled(), qPrintable(actionName));
        action->trigger();
        QCOMPARE(currentPage(*window), page);
        QVERIFY(page->isVisible());
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QCOMPARE(currentPage(*window), dashboard);
    }
    // "Manage" next to the cards and accounts opens the same page as the menu.
    click(find<QPushButton>(dashboard, QStringLiteral("manageMethodsButton")));
    QCOMPARE(currentPage(*window), pages[1].second);
    // "See all" next to the recent activity opens the History page; its Back button returns.
    QTest::keyClick(window.get(), Qt::Key_Escape);
    click(find<QPushButton>(dashboard, QStringLiteral("seeAllHistoryButton")));
    QCOMPARE(currentPage(*window), pages[3].second);
    click(find<QPushButton>(pages[3].second, QStringLiteral("historyBackButton")));
    QCOMPARE(currentPage(*window), dashboard);
    // The Go menu's shortcuts: Ctrl+H and Ctrl+I.
    QCOMPARE(find<QAction>(window.get(), QStringLiteral("actionHistory"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+H")));
    QCOMPARE(find<QAction>(window.get(), QStringLiteral("actionInsights"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+I")));
    QTest::keyClick(window.get(), Qt::Key_H, Qt::ControlModifier);
    QCOMPARE(currentPage(*window), pages[3].second);
    QTest::keyClick(window.get(), Qt::Key_I, Qt::ControlModifier);
    QCOMPARE(currentPage(*window), pages[4].second);
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QCOMPARE(currentPage(*window), dashboard);

    // Signed out (a screen in front of the wallet), the wallet's pages and payments are out of reach.
    auto *screen = new QLabel(QStringLiteral("stand-in sign-in screen"));
    window->showScreen(screen);
    for (const char *name : {"actionPay", "actionTransfer", "actionTopUp", "actionWithdraw", "actionReceive",
                             "actionPaymentMethods", "actionSecurity", "actionHistory", "actionInsights"})
        QVERIFY2(!find<QAction>(window.get(), QLatin1String(name))->isEnabled(), name);
    QVERIFY(!window->openPayment(gateway::QuoteKind::Payment));
    QCOMPARE(currentPage(*window), screen);
}

void TestUiMain::recentTransactionOpensItsReceipt()
{
    signIn();
    auto paid = awaitGateway<gateway::Payment>([&](auto done) {
        m_fx->services().devClient().devIncoming(m_wallet.walletId, cny(2500), QStringLiteral("Wang Fang"),
                                                 done);
    });
    QVERIFY2(paid.ok(), qPrintable(paid.error().summary()));
    auto window = makeWalletWindow();
    auto *recent = find<QTreeWidget>(window.get(), QStringLiteral("recentList"));
    QVERIFY(recent);
    QTRY_VERIFY_WITH_TIMEOUT(recent->topLevelItemCount() >= 1 &&
                                 recent->topLevelItem(0)->text(1).contains(QStringLiteral("Wang Fang")),
                             30000);
    // Keyboard: focus the list, pick the newest entry, Enter.
    recent->setFocus();
    recent->setCurrentItem(recent->topLevelItem(0));
    QTest::keyClick(recent, Qt::Key_Return);
    ReceiptDialog *receipt = nullptr;
    QTRY_VERIFY((receipt = visibleTopLevel<ReceiptDialog>()) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(receipt->receipt().has_value(), 30000);
    QCOMPARE(receipt->receipt()->payment.receiptNo, paid.value().receiptNo);
    QCOMPARE(receipt->receipt()->payment.id, paid.value().id);
    receipt->reject();
}

// The payment dialog closed while the bank is still answering: the payment is not abandoned — it is made
// once, and its result arrives as a notification in the status bar (no tray offscreen).
void TestUiMain::closingMidPaymentFinishesInBackground()
{
    signIn();
    QVERIFY2(m_fx->services().giveMoney(m_wallet, 10000), qPrintable(m_fx->error()));
    const QString coffee = QStringLiteral("mer_lantern_coffee");
    auto paymentsToCoffee = [&] {
        QSet<QString> ids;
        auto page = awaitGateway<gateway::TransactionPage>([&](auto done) {
            m_fx->app().context().gateway().listTransactions(QString(), 1000, std::move(done));
        });
        for (const gateway::Transaction &t : page ? page->data : QList<gateway::Transaction>{})
            if (t.counterparty.id == coffee)
                ids.insert(t.paymentId);
        return ids;
    };
    const QSet<QString> before = paymentsToCoffee();

    auto window = makeWalletWindow();
    QPointer<PaymentDialog> d = window->openPayment(gateway::QuoteKind::Payment);
    QVERIFY(d);
    auto next = [&] {
        auto *button = find<QPushButton>(d, QStringLiteral("nextButton"));
        QTRY_VERIFY_WITH_TIMEOUT(button->isVisible() && button->isEnabled(), 30000);
        click(button);
    };
    auto *merchants = find<QTableView>(d, QStringLiteral("merchantView"));
    QTRY_VERIFY_WITH_TIMEOUT(merchants->model()->rowCount() > 0, 30000);
    typeInto(find<QLineEdit>(d, QStringLiteral("merchantSearchEdit")), QStringLiteral("Lantern Coffee"));
    QModelIndex row;
    for (int r = 0; r < merchants->model()->rowCount(); ++r)
        if (merchants->model()->index(r, 0).data(Qt::UserRole + 1).toString() == coffee)
            row = merchants->model()->index(r, 0);
    QVERIFY(row.isValid());
    QTest::mouseClick(merchants->viewport(), Qt::LeftButton, {}, merchants->visualRect(row).center());
    next();
    typeInto(find<QLineEdit>(d, QStringLiteral("amountEdit")), QStringLiteral("18"));
    auto *source = find<QComboBox>(d, QStringLiteral("sourceCombo"));
    source->setCurrentIndex(source->findData(QStringLiteral("balance")));
    next();
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(d, QStringLiteral("reviewTotalValue")), 30000);
    next();
    QTRY_COMPARE(d->step(), PaymentDialog::Step::Authenticate);
    typePin(find(d, QStringLiteral("pinEntry")), m_wallet.pin);
    // The first payment to this shop asks for a code: this wallet gets it by SMS.
    QVERIFY(find(d, QStringLiteral("otpPane"))->isVisible());
    click(find<QPushButton>(d, QStringLiteral("sendSmsButton")));
    QString code;
    QTRY_VERIFY_WITH_TIMEOUT(!(code = m_fx->lastCode(m_wallet.phone, QStringLiteral("quote"))).isEmpty(),
                             30000);
    typeInto(find<QLineEdit>(d, QStringLiteral("otpEdit")), code);

    // From now on the bank takes its time with every answer.
    QVERIFY2(m_fx->services().restartStub({.latencyMs = 1500}), qPrintable(m_fx->error()));
    next();
    QTRY_VERIFY(d->isPaymentInFlight());
    d->close();
    QTRY_VERIFY(!d); // gone (deleted on close) while the payment is still on its way

    auto *bar = window->statusBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->currentMessage().startsWith(QStringLiteral("Payment successful")), 30000);
    QVERIFY2(m_fx->services().restartStub({}), qPrintable(m_fx->error()));
    const QSet<QString> made = paymentsToCoffee() - before;
    QCOMPARE(made.size(), 1);
    auto payment = awaitGateway<gateway::Payment>(
        [&](auto done) { m_fx->app().context().gateway().getPayment(*made.cbegin(), std::move(done)); });
    QVERIFY2(payment.ok(), qPrintable(payment.error().summary()));
    QVERIFY2(bar->currentMessage().contains(payment.value().receiptNo), qPrintable(bar->currentMessage()));
}

// ---- help ----------------------------------------------------------------------------------------------

void TestUiMain::helpShowsBanksAndFees()
{
    auto window = makeWindow();
    // Help works before signing in too (F1 from the sign-in screen): a stand-in screen here.
    auto *screen = new QLabel(QStringLiteral("sign-in"));
    window->showScreen(screen);
    auto *help = find<QAction>(window.get(), QStringLiteral("actionHelp"));
    QVERIFY(help);
    QCOMPARE(help->shortcut(), QKeySequence(Qt::Key_F1));
    help->trigger();
    auto *page = find<HelpPage>(window.get(), QStringLiteral("helpPage"));
    QVERIFY(page);
    QCOMPARE(currentPage(*window), page);
    auto *browser = find<QTextBrowser>(page, QStringLiteral("helpBrowser"));
    QVERIFY(browser);
    QTRY_VERIFY_WITH_TIMEOUT(browser->toPlainText().contains(QStringLiteral("Jade River Bank")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(browser->toPlainText().contains(QStringLiteral("Top-up from a credit card")),
                             30000);
    const QString text = browser->toPlainText();
    QVERIFY(text.contains(QStringLiteral("0.6%")));    // the rate as a percentage
    QVERIFY(text.contains(cny(10).format(QLocale()))); // its minimum as money
    QVERIFY(text.contains(QStringLiteral("Not yet supported")));
    QVERIFY(text.contains(QStringLiteral("Fenghe Rural Commercial Bank"))); // one that is not yet
    QVERIFY(text.contains(QStringLiteral("keychain")));
    QVERIFY(text.contains(QStringLiteral("Forgot password?")));
    QVERIFY(text.contains(QStringLiteral("example")));
    QVERIFY(!find<QWidget>(page, QStringLiteral("helpBanner"))->isVisible());

    // Back returns to the screen Help was opened from.
    click(find<QPushButton>(page, QStringLiteral("helpBackButton")));
    QCOMPARE(currentPage(*window), screen);
}

// ---- settings ------------------------------------------------------------------------------------------

void TestUiMain::settingsSavesAutoLock()
{
    auto window = makeWindow();
    SettingsDialog *dialog = openSettings(*window);
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("settingsDialog"));
    auto *spin = find<QSpinBox>(dialog, QStringLiteral("autoLockSpin"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), m_fx->ui().settings->autoLockMinutes());
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), 60);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("12"));
    auto *notifications = find<QCheckBox>(dialog, QStringLiteral("notificationsCheck"));
    const bool wasNotifying = notifications->isChecked();
    click(notifications);
    QSignalSpy autoLockChanged(m_fx->ui().settings, &services::SettingsService::autoLockMinutesChanged);
    click(find<QPushButton>(dialog, QStringLiteral("okButton")));
    QTRY_VERIFY(!dialog->isVisible() || visibleTopLevel<SettingsDialog>() == nullptr);
    QCOMPARE(m_fx->ui().settings->autoLockMinutes(), 12);
    QCOMPARE(autoLockChanged.count(), 1);
    QCOMPARE(m_fx->ui().settings->notificationsEnabled(), !wasNotifying);
    QVERIFY(m_fx->ui().settings->gatewayUrl().isEmpty()); // built-in bank kept
}

void TestUiMain::settingsRefusesBadGatewayAndTestsConnection()
{
    auto window = makeWindow();
    SettingsDialog *dialog = openSettings(*window);
    QVERIFY(dialog);
    auto *custom = find<QRadioButton>(dialog, QStringLiteral("customGatewayRadio"));
    auto *edit = find<QLineEdit>(dialog, QStringLiteral("gatewayUrlEdit"));
    auto *message = find<QLabel>(dialog, QStringLiteral("gatewayMessage"));
    auto *ok = find<QPushButton>(dialog, QStringLiteral("okButton"));
    auto *test = find<QPushButton>(dialog, QStringLiteral("testConnectionButton"));
    auto *result = find<QLabel>(dialog, QStringLiteral("connectionResult"));
    QVERIFY(custom && edit && message && ok && test && result);
    QVERIFY(find<QRadioButton>(dialog, QStringLiteral("builtInRadio"))->isChecked());
    QVERIFY(!edit->isEnabled());

    // A radio button is chosen with the keyboard (a click far right of its text would miss it).
    custom->setFocus();
    QTest::keyClick(custom, Qt::Key_Space);
    QVERIFY(custom->isChecked());
    QVERIFY(edit->isEnabled());
    typeInto(edit, QStringLiteral("http://bank.example"));
    QTRY_VERIFY(message->isVisible());
    const QString refused =
        services::SettingsService::validateGatewayUrl(QUrl(QStringLiteral("http://bank.example")))
            .userMessage();
    QVERIFY(!refused.isEmpty());
    QCOMPARE(message->text(), refused);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!test->isEnabled());
    // Enter does not save a refused address either.
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(m_fx->ui().settings->gatewayUrl().isEmpty());

    typeInto(edit, m_fx->gatewayUrl().toString());
    QTRY_VERIFY(!message->isVisible());
    QVERIFY(ok->isEnabled());
    QVERIFY(test->isEnabled());
    click(test);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Connected")), 15000);
    QVERIFY(test->isEnabled());

    // Nothing listens on port 1: the error is shown.
    typeInto(edit, QStringLiteral("http://127.0.0.1:1"));
    QVERIFY(result->text().isEmpty());
    click(test);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Could not connect")), 15000);

    typeInto(edit, m_fx->gatewayUrl().toString());
    click(ok);
    QTRY_VERIFY(visibleTopLevel<SettingsDialog>() == nullptr);
    QCOMPARE(m_fx->ui().settings->gatewayUrl(), m_fx->gatewayUrl());
    // Back to the built-in bank for the other tests.
    QVERIFY(!m_fx->ui().settings->setGatewayUrl(QUrl()).isError());
}

void TestUiMain::settingsCancelChangesNothing()
{
    auto window = makeWindow();
    const int minutes = m_fx->ui().settings->autoLockMinutes();
    SettingsDialog *dialog = openSettings(*window);
    QVERIFY(dialog);
    auto *spin = find<QSpinBox>(dialog, QStringLiteral("autoLockSpin"));
    spin->setValue(minutes == 30 ? 31 : 30);
    auto *combo = find<QComboBox>(dialog, QStringLiteral("languageCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    find<QRadioButton>(dialog, QStringLiteral("customGatewayRadio"))->setFocus();
    QTest::keyClick(find<QRadioButton>(dialog, QStringLiteral("customGatewayRadio")), Qt::Key_Space);
    typeInto(find<QLineEdit>(dialog, QStringLiteral("gatewayUrlEdit")), m_fx->gatewayUrl().toString());
    click(find<QPushButton>(dialog, QStringLiteral("cancelButton")));
    QTRY_VERIFY(visibleTopLevel<SettingsDialog>() == nullptr);
    QCOMPARE(m_fx->ui().settings->autoLockMinutes(), minutes);
    QVERIFY(m_fx->ui().settings->gatewayUrl().isEmpty());
    QCOMPARE(m_fx->language().current(), QStringLiteral("en"));
}

void TestUiMain::settingsSwitchesLanguage()
{
    auto window = makeWalletWindow();
    auto *dashboard = find<DashboardPage>(window.get(), QStringLiteral("dashboardPage"));
    auto *help = find<HelpPage>(window.get(), QStringLiteral("helpPage"));
    LanguageChangeCounter dashboardEvents;
    LanguageChangeCounter helpEvents;
    dashboard->installEventFilter(&dashboardEvents);
    help->installEventFilter(&helpEvents);
    QSignalSpy chosen(window.get(), &MainWindow::languageChosen);

    SettingsDialog *dialog = openSettings(*window);
    QVERIFY(dialog);
    auto *combo = find<QComboBox>(dialog, QStringLiteral("languageCombo"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));
    combo->setFocus();
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    QCOMPARE(combo->currentText(), QStringLiteral("简体中文"));
    click(find<QPushButton>(dialog, QStringLiteral("okButton")));
    QTRY_VERIFY(visibleTopLevel<SettingsDialog>() == nullptr);
    QCOMPARE(m_fx->language().current(), QStringLiteral("zh_CN"));
    QCOMPARE(m_fx->ui().settings->language(), QStringLiteral("zh_CN"));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("zh_CN"));
    QTRY_VERIFY(dashboardEvents.count > 0);
    QTRY_VERIFY(helpEvents.count > 0);
    // The menus speak Chinese (the File menu's title is translated in the shipped .ts).
    auto *menuFileZh = window->menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
    QTRY_COMPARE(menuFileZh->title(), QStringLiteral("文件(&F)"));
    QVERIFY(find<QAction>(window.get(), QStringLiteral("actionLanguage_zh_CN"))->isChecked());
    // The pages' own text is Chinese, not only the menus.
    QTRY_COMPARE(find<QLabel>(dashboard, QStringLiteral("titleLabel"))->text(), QStringLiteral("我的钱包"));
    QTRY_COMPARE(find<QLabel>(window->helpPage(), QStringLiteral("titleLabel"))->text(),
                 QStringLiteral("帮助与费用"));
    // Amounts follow the language's locale.
    QCOMPARE(QLocale().language(), QLocale::Chinese);

    // Back to English through the Language menu: saved as well.
    find<QAction>(window.get(), QStringLiteral("actionLanguage_en"))->trigger();
    QCOMPARE(m_fx->language().current(), QStringLiteral("en"));
    QCOMPARE(m_fx->ui().settings->language(), QStringLiteral("en"));
    QCOMPARE(chosen.count(), 2);
    auto *menuFile = window->menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
    // LanguageChange arrives through the event loop.
    QTRY_COMPARE(menuFile->title(), QStringLiteral("&File"));
    QTRY_COMPARE(find<QLabel>(dashboard, QStringLiteral("titleLabel"))->text(), QStringLiteral("My wallet"));
}

// ---- window actions ------------------------------------------------------------------------------------

void TestUiMain::lockAndSignOutActions()
{
    auto window = makeWindow();
    auto *lock = find<QAction>(window.get(), QStringLiteral("actionLock"));
    auto *signOut = find<QAction>(window.get(), QStringLiteral("actionSignOut"));
    QVERIFY(lock && signOut);
    QCOMPARE(lock->shortcut(), QKeySequence(QStringLiteral("Ctrl+L")));
    QVERIFY(find<QAction>(window.get(), QStringLiteral("actionSettings")));

    auto *screen = new QLabel(QStringLiteral("locked"));
    window->addScreen(screen);
    window->showScreen(screen);
    QVERIFY(!window->isShowingWallet());
    QCOMPARE(currentPage(*window), screen);
    QVERIFY(!lock->isEnabled());
    QVERIFY(!signOut->isEnabled());

    signIn();
    window->showWallet();
    QVERIFY(window->isShowingWallet());
    QVERIFY(lock->isEnabled() && signOut->isEnabled());
    QSignalSpy lockSpy(window.get(), &MainWindow::lockRequested);
    QSignalSpy signOutSpy(window.get(), &MainWindow::signOutRequested);
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(lockSpy.count(), 1);
    signOut->trigger();
    QCOMPARE(signOutSpy.count(), 1);

    // The session ends: nothing of the wallet stays on the dashboard.
    auto *balance = find<QLabel>(window.get(), QStringLiteral("balanceLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(balance->text() != QStringLiteral("—"), 30000);
    m_fx->ui().session->lock();
    QCOMPARE(balance->text(), QStringLiteral("—"));
    QCOMPARE(find<QTreeWidget>(window.get(), QStringLiteral("recentList"))->topLevelItemCount(), 0);
}

QTEST_MAIN(TestUiMain)
#include "test_ui_main.moc"
