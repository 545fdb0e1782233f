// Demo mode as a presenter meets it (`bankwallet --demo`): the simulated phone shows the codes the demo
// bank sends (in the current language), and the staff actions change the wallet at the bank — incoming
// transfer, in-branch tier upgrade, held-payment review, demo reset — each checked at the gateway.
#include "widget_test_support.h"

#include "gateway/device_credential_store.h"
#include "services/demo_service.h"
#include "services/service_context.h"
#include "services/session_service.h"
#include "services/wallet_service.h"
#include "ui/demo/demo_docks.h"
#include "ui/demo/simulated_phone.h"

#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>

using namespace bw;
using namespace bw::ui::test;
using services::test::awaitGateway;
using services::test::awaitResult;

namespace {

constexpr int kWait = 30000;

// A main window like the app's: a "View" menu the docks add their show/hide actions to.
struct DemoWindow
{
    QMainWindow window;
    explicit DemoWindow(const ui::ScreenServices &services)
    {
        auto *view = window.menuBar()->addMenu(QStringLiteral("&View"));
        view->setObjectName(QStringLiteral("menuView"));
        auto *central = new QLabel(QStringLiteral("wallet"));
        window.setCentralWidget(central);
        ui::addDemoDocks(&window, services);
        window.resize(1280, 800);
        window.show();
    }
};

// The wallet as the bank sees it now.
std::optional<gateway::Wallet> bankWallet(UiFixture &fx)
{
    auto r = awaitResult<gateway::Wallet>([&](auto done) { fx.ui().wallet->refresh(std::move(done)); });
    if (!r)
        return std::nullopt;
    return r.value();
}

qint64 cnyAvailable(const gateway::Wallet &wallet)
{
    for (const gateway::Balance &b : wallet.balances)
        if (b.currency.code() == QLatin1String("CNY"))
            return b.available.minorUnits();
    return -1;
}

} // namespace

class TestUiDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noDocksWithoutDemoMode()
    {
        UiFixture fx(false);
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QMainWindow window;
        ui::addDemoDocks(&window, fx.ui());
        QVERIFY(!find<QDockWidget>(&window, QStringLiteral("simulatedPhoneDock")));
        QVERIFY(!find<QDockWidget>(&window, QStringLiteral("staffActionsDock")));
    }

    void phoneShowsTheBanksCodesInTheCurrentLanguage()
    {
        UiFixture fx;
        TestWallet w;
        QVERIFY2(fx.ok() && fx.enrollWallet(w), qPrintable(fx.error()));
        DemoWindow dw(fx.ui());
        auto *phoneDock = find<QDockWidget>(&dw.window, QStringLiteral("simulatedPhoneDock"));
        auto *staffDock = find<QDockWidget>(&dw.window, QStringLiteral("staffActionsDock"));
        QVERIFY(phoneDock && staffDock);
        QCOMPARE(dw.window.dockWidgetArea(phoneDock), Qt::RightDockWidgetArea);
        QVERIFY(dw.window.tabifiedDockWidgets(phoneDock).contains(staffDock));
        // The phone is the tab in front.
        auto phoneInFront = [&] {
            for (QTabBar *bar : dw.window.findChildren<QTabBar *>())
                if (bar->count() == 2 && bar->tabText(bar->currentIndex()) == phoneDock->windowTitle())
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(phoneInFront(), kWait);
        auto *list = find<QListWidget>(&dw.window, QStringLiteral("phoneMessages"));
        auto *latest = find<QLabel>(&dw.window, QStringLiteral("latestCode"));
        QVERIFY(list && latest);
        QTRY_VERIFY_WITH_TIMEOUT(fx.ui().demo->isPolling(), kWait);

        // The enrollment SMS is already there; a password reset sends a new code.
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 1, kWait);
        const int before = list->count();
        auto otp = awaitResult<gateway::OtpInfo>([&](auto done) {
            fx.ui().session->startPasswordReset(w.phone, w.documentNumber, std::move(done));
        });
        QVERIFY2(otp, qPrintable(otp.error().summary()));
        const QString code = fx.lastCode(w.phone);
        QVERIFY(!code.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(latest->text(), code, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), before + 1, kWait);

        auto box = awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { fx.services().devClient().devOutbox(w.phone, std::move(done)); });
        QVERIFY(box && !box.value().isEmpty());
        const gateway::OutboxMessage newest = box.value().first();
        QVERIFY(!newest.textZh.isEmpty() && newest.textZh != newest.text);
        QCOMPARE(list->item(0)->text(), newest.text);
        QCOMPARE(list->item(0)->data(ui::SimulatedPhone::CodeRole).toString(), code);
        QCOMPARE(list->item(0)->data(ui::SimulatedPhone::ToRole).toString(), newest.to); // in full

        // In Chinese the phone shows the bank's Chinese text.
        QVERIFY(fx.language().setCurrent(QStringLiteral("zh_CN")));
        QTRY_COMPARE_WITH_TIMEOUT(list->item(0)->text(), newest.textZh, kWait);
        QCOMPARE(latest->text(), code);
        QVERIFY(fx.language().setCurrent(QStringLiteral("en")));
        QTRY_COMPARE_WITH_TIMEOUT(list->item(0)->text(), newest.text, kWait);

        // Closing the phone stops the polling; the View menu brings it back.
        phoneDock->close();
        QTRY_VERIFY_WITH_TIMEOUT(!fx.ui().demo->isPolling(), kWait);
        QAction *show = phoneDock->toggleViewAction();
        auto *view = find<QMenu>(&dw.window, QStringLiteral("menuView"));
        QVERIFY(view && view->actions().contains(show));
        show->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(phoneDock->isVisible() && fx.ui().demo->isPolling(), kWait);
    }

    void staffActionsChangeTheWalletAtTheBank()
    {
        UiFixture fx;
        TestWallet w;
        QVERIFY2(fx.ok() && fx.enrollWallet(w), qPrintable(fx.error()));
        DemoWindow dw(fx.ui());
        auto *upgrade = find<QPushButton>(&dw.window, QStringLiteral("upgradeTierButton"));
        auto *amount = find<QLineEdit>(&dw.window, QStringLiteral("incomingAmountEdit"));
        auto *from = find<QLineEdit>(&dw.window, QStringLiteral("incomingFromEdit"));
        auto *incoming = find<QPushButton>(&dw.window, QStringLiteral("incomingButton"));
        auto *held = find<QListWidget>(&dw.window, QStringLiteral("heldPaymentsList"));
        auto *approve = find<QPushButton>(&dw.window, QStringLiteral("approveButton"));
        auto *reject = find<QPushButton>(&dw.window, QStringLiteral("rejectButton"));
        auto *message = find<QLabel>(&dw.window, QStringLiteral("staffMessage"));
        QVERIFY(upgrade && amount && from && incoming && held && approve && reject && message);
        auto *staffDock = find<QDockWidget>(&dw.window, QStringLiteral("staffActionsDock"));
        staffDock->raise(); // the staff tab
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->isVisible(), kWait);

        // Signed out: nothing to act on.
        QVERIFY(!upgrade->isEnabled());
        typeInto(amount, QStringLiteral("88.00"));
        typeInto(from, QStringLiteral("Zhang Wei"));
        QVERIFY(!incoming->isEnabled());

        const auto signedIn = fx.signIn(w);
        QVERIFY2(!signedIn.isError(), qPrintable(signedIn.summary()));
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->isEnabled() && incoming->isEnabled(), kWait);
        auto start = bankWallet(fx);
        QVERIFY(start);
        const qint64 balance0 = cnyAvailable(*start);
        QVERIFY(balance0 >= 0);

        // Invalid amount: inline message, button off.
        auto *amountError = find<QLabel>(&dw.window, QStringLiteral("incomingAmountError"));
        typeInto(amount, QStringLiteral("12.345"));
        QVERIFY(!incoming->isEnabled());
        QVERIFY(showsMessage(amountError));
        typeInto(amount, QStringLiteral("88.00"));
        QVERIFY(incoming->isEnabled() && !amountError->isVisible());

        // Incoming transfer of CNY 88.00: exactly 8800 fen more.
        click(incoming);
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && message->text().contains(QStringLiteral("arrived")),
                                 kWait);
        auto after = bankWallet(fx);
        QVERIFY(after);
        QCOMPARE(cnyAvailable(*after), balance0 + 8800);

        // In-branch verification: tier 1.
        QVERIFY(start->tier != 1);
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->isEnabled(), kWait);
        click(upgrade);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("tier 1")), kWait);
        auto upgraded = bankWallet(fx);
        QVERIFY(upgraded);
        QCOMPARE(upgraded->tier, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!upgrade->isEnabled(), kWait); // already at tier 1

        // A sender whose name is close to a sanctions entry: held for review.
        typeInto(amount, QStringLiteral("50"));
        typeInto(from, QStringLiteral("Ivan Petrovich Sidorow"));
        QTRY_VERIFY_WITH_TIMEOUT(incoming->isEnabled(), kWait);
        click(incoming);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("held for review")), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, kWait);
        QVERIFY(held->item(0)->text().contains(QStringLiteral("Ivan Petrovich Sidorow")));
        QVERIFY(held->item(0)->text().contains(QStringLiteral("50.00")));
        const QString heldId = held->item(0)->data(Qt::UserRole).toString();
        QVERIFY(!approve->isEnabled());
        held->setCurrentRow(0);
        QVERIFY(approve->isEnabled() && reject->isEnabled());

        click(approve);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QStringLiteral("Approved")), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(held->isVisible(), false, kWait); // nothing left to review
        auto payment = awaitGateway<gateway::Payment>(
            [&](auto done) { fx.ui().context->gateway().getPayment(heldId, std::move(done)); });
        QVERIFY2(payment, qPrintable(payment.error().summary()));
        QCOMPARE(payment.value().status, gateway::PaymentStatus::Succeeded);
        auto approved = bankWallet(fx);
        QVERIFY(approved);
        QCOMPARE(cnyAvailable(*approved), balance0 + 8800 + 5000);

        // Another held one, rejected: the money never arrives.
        typeInto(amount, QStringLiteral("20"));
        QTRY_VERIFY_WITH_TIMEOUT(incoming->isEnabled(), kWait);
        click(incoming);
        QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(held->isVisible(), kWait);
        const QString secondId = held->item(0)->data(Qt::UserRole).toString();
        held->setCurrentRow(0);
        click(reject);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QStringLiteral("Rejected")), kWait);
        auto rejected = awaitGateway<gateway::Payment>(
            [&](auto done) { fx.ui().context->gateway().getPayment(secondId, std::move(done)); });
        QVERIFY(rejected);
        QCOMPARE(rejected.value().status, gateway::PaymentStatus::Rejected);
        auto last = bankWallet(fx);
        QVERIFY(last);
        QCOMPARE(cnyAvailable(*last), balance0 + 8800 + 5000);
    }

    void resetDemoForgetsTheWallet()
    {
        UiFixture fx;
        TestWallet w;
        QVERIFY2(fx.ok() && fx.enrollWallet(w), qPrintable(fx.error()));
        const auto signedIn = fx.signIn(w);
        QVERIFY2(!signedIn.isError(), qPrintable(signedIn.summary()));
        DemoWindow dw(fx.ui());
        auto *list = find<QListWidget>(&dw.window, QStringLiteral("phoneMessages"));
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 1, kWait);

        // The credential this desktop signs with, kept aside to ask the bank afterwards.
        auto stored = awaitGateway<std::optional<gateway::DeviceCredentials>>(
            [&](auto done) { fx.ui().context->deviceCredentials().load(std::move(done)); });
        QVERIFY(stored && stored.value().has_value());
        gateway::GatewayClient other;
        QVERIFY(!other.setBaseUrl(fx.gatewayUrl()).isError());
        other.setDeviceCredentials(stored.value()->deviceId, std::move(stored.value()->deviceSecret));

        QSignalSpy resetSpy(fx.ui().demo, &services::DemoService::demoReset);
        auto *reset = find<QPushButton>(&dw.window, QStringLiteral("resetDemoButton"));
        auto *message = find<QLabel>(&dw.window, QStringLiteral("staffMessage"));
        find<QDockWidget>(&dw.window, QStringLiteral("staffActionsDock"))->raise();
        QTRY_VERIFY_WITH_TIMEOUT(reset->isVisible(), kWait);

        // Cancel first: nothing happens.
        click(reset);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = visibleTopLevel<QMessageBox>()) != nullptr, kWait);
        QVERIFY(box->informativeText().contains(QStringLiteral("every wallet")));
        QVERIFY(box->informativeText().contains(QStringLiteral("cannot be undone")));
        click(find<QPushButton>(box, QStringLiteral("cancelResetButton")));
        QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<QMessageBox>(), kWait);
        QTest::qWait(100);
        QCOMPARE(resetSpy.count(), 0);
        QVERIFY(fx.ui().context->isSignedIn());

        click(reset);
        QTRY_VERIFY_WITH_TIMEOUT((box = visibleTopLevel<QMessageBox>()) != nullptr, kWait);
        click(find<QPushButton>(box, QStringLiteral("confirmResetButton")));
        QTRY_COMPARE_WITH_TIMEOUT(resetSpy.count(), 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("reset")), kWait);
        QCOMPARE(fx.ui().context->sessionState(), services::SessionState::NoWallet);
        QVERIFY(!fx.ui().context->hasDeviceCredential());
        QCOMPARE(list->count(), 0);

        // The bank no longer knows the device.
        auto session = awaitGateway<gateway::Session>(
            [&](auto done) { other.createSession(w.password, std::move(done)); });
        QVERIFY(!session);
        QVERIFY2(session.error().is(u"device_unknown"), qPrintable(session.error().summary()));
    }
};

QTEST_MAIN(TestUiDemo)
#include "test_ui_demo.moc"
