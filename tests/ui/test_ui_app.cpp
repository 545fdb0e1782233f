// The app as a customer meets it, through AppController and the one main window, against the real stub
// and the real keychain: a new desktop opens the onboarding wizard; an enrolled one asks for the password,
// then shows the wallet; Lock and auto-lock cover it with the lock screen; the status bar names the bank
// and marks demo mode; the language switches at run time; without a keychain the designed error appears.
#include "widget_test_support.h"

#include "bw_config.h"
#include "ui/app_controller.h"
#include "ui/main/dashboard_page.h"
#include "ui/main/main_window.h"
#include "ui/onboarding/onboarding_wizard.h"
#include "ui/payments/payment_dialog.h"
#include "ui/session/sign_in_page.h"
#include "ui/startup_page.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

using namespace bw::ui;
using namespace bw::ui::test;

namespace {

const ComponentVersions kVersions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                  QStringLiteral("OpenSSL 3"), QStringLiteral("0.13")};

// ctest runs this executable twice: normally, and on a D-Bus session where no Secret Service can start
// (app.cmake), where only the keychain-unavailable test runs.
bool noSecretService()
{
    return qEnvironmentVariable("BW_UI_TEST_MODE") == QLatin1String("no-secret-service");
}

// Signs in through the sign-in page as a person would.
void signInThroughPage(MainWindow &window, const QString &password)
{
    auto *page = find<SignInPage>(&window, QStringLiteral("signInPage"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 20000);
    auto *edit = find<QLineEdit>(page, QStringLiteral("passwordEdit"));
    auto *button = find<QPushButton>(page, QStringLiteral("signInButton"));
    QVERIFY(edit && button);
    typeInto(edit, password);
    QVERIFY(button->isEnabled());
    click(button);
    QTRY_VERIFY_WITH_TIMEOUT(window.isShowingWallet(), 30000);
}

} // namespace

class TestUiApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newDesktopOpensOnboarding()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        AppController controller(fx.ui(), kVersions);
        controller.start();
        MainWindow &window = controller.window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *wizard = find<OnboardingWizard>(&window, QStringLiteral("onboardingWizard"));
        QTRY_VERIFY_WITH_TIMEOUT(wizard = find<OnboardingWizard>(&window, QStringLiteral("onboardingWizard")),
                                 20000);
        QTRY_VERIFY(wizard->isVisible());
        QVERIFY(!window.isShowingWallet());
        // Wallet-only actions are off while there is no wallet.
        QVERIFY(!find<QAction>(&window, QStringLiteral("actionLock"))->isEnabled());
    }

    // `bankwallet 'bankwallet:pay?…'`: main() hands the link to the controller before anyone has signed in;
    // the Pay dialog opens, prefilled, once the customer has.
    void paymentLinkOpensThePayDialogAfterSignIn()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        const QString payee =
            fx.services().enrollRecipient(QStringLiteral("Han Meimei"), QStringLiteral("han@example.com"));
        QVERIFY2(!payee.isEmpty(), qPrintable(fx.error()));
        auto link = bw::core::parsePaymentLink(
            QStringLiteral("bankwallet:pay?to=%1&amount=66.00&currency=CNY&note=Books")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(payee))));
        QVERIFY2(link.ok(), qPrintable(link.error().summary()));

        AppController controller(fx.ui(), kVersions);
        controller.start();
        controller.openPaymentLink(link.value());
        MainWindow &window = controller.window();
        QTRY_VERIFY_WITH_TIMEOUT(find<SignInPage>(&window, QStringLiteral("signInPage"))->isVisible(), 20000);
        QVERIFY(!visibleTopLevel<PaymentDialog>()); // nothing of the wallet before the password
        signInThroughPage(window, w.password);
        PaymentDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleTopLevel<PaymentDialog>()) != nullptr, 20000);
        QCOMPARE(dialog->kind(), bw::gateway::QuoteKind::Transfer);
        QCOMPARE(dialog->step(), PaymentDialog::Step::Amount);
        QVERIFY(find<QLineEdit>(dialog, QStringLiteral("phoneEdit"))
                    ->text()
                    .remove(QLatin1Char(' '))
                    .contains(payee.right(8)));
        QCOMPARE(find<QLineEdit>(dialog, QStringLiteral("amountEdit"))->text(), QStringLiteral("66.00"));
        QCOMPARE(find<QLineEdit>(dialog, QStringLiteral("noteEdit"))->text(), QStringLiteral("Books"));
        dialog->close();
    }

    void enrolledWalletSignsInLocksAndUnlocks()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        AppController controller(fx.ui(), kVersions);
        controller.start();
        MainWindow &window = controller.window();
        auto *page = find<SignInPage>(&window, QStringLiteral("signInPage"));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 20000);
        QCOMPARE(page->mode(), SignInPage::Mode::SignIn);
        signInThroughPage(window, w.password);
        QVERIFY(find<DashboardPage>(&window, QStringLiteral("dashboardPage"))->isVisible());

        // File → Lock: the lock screen covers the wallet, the password field is empty.
        auto *lock = find<QAction>(&window, QStringLiteral("actionLock"));
        QVERIFY(lock && lock->isEnabled());
        lock->trigger();
        QTRY_VERIFY(page->isVisible());
        QCOMPARE(page->mode(), SignInPage::Mode::Locked);
        QVERIFY(!window.isShowingWallet());
        QVERIFY(find<QLineEdit>(page, QStringLiteral("passwordEdit"))->text().isEmpty());
        QVERIFY(!fx.ui().context->isSignedIn());
        signInThroughPage(window, w.password);

        // Auto-lock after the idle time: the same lock screen, saying why.
        fx.ui().session->setIdleTimeout(std::chrono::milliseconds(800));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 10000);
        QCOMPARE(page->mode(), SignInPage::Mode::Locked);
        signInThroughPage(window, w.password);

        // The desktop locks its screen (the signal GNOME, KDE and Xfce send, here on the test's own
        // session bus): the wallet locks too.
        fx.ui().session->setIdleTimeout(std::chrono::minutes(5));
        QDBusMessage screenLocked = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/ScreenSaver"),
                                                               QStringLiteral("org.freedesktop.ScreenSaver"),
                                                               QStringLiteral("ActiveChanged"));
        screenLocked << true;
        QVERIFY(QDBusConnection::sessionBus().send(screenLocked));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 10000);
        QCOMPARE(page->mode(), SignInPage::Mode::Locked);
        QVERIFY2(find<QLabel>(page, QStringLiteral("subtitleLabel"))
                     ->text()
                     .contains(QStringLiteral("screen was locked")),
                 qPrintable(find<QLabel>(page, QStringLiteral("subtitleLabel"))->text()));
        QVERIFY(!fx.ui().context->isSignedIn());
        signInThroughPage(window, w.password);

        // File → Sign out asks first; Yes signs out and shows the sign-in page.
        QTimer::singleShot(0, this, [] {
            if (auto *box = visibleTopLevel<QMessageBox>())
                box->button(QMessageBox::Yes)->click();
        });
        auto *signOut = find<QAction>(&window, QStringLiteral("actionSignOut"));
        QVERIFY(signOut);
        signOut->trigger();
        QTRY_VERIFY(page->isVisible());
        QCOMPARE(page->mode(), SignInPage::Mode::SignIn);
        QTRY_VERIFY(!fx.ui().context->isSignedIn());
    }

    // Staff press "Reset demo…": the demo bank forgets every wallet, so this desktop starts a new
    // application, and nothing of the old wallet (history, sync cursor) is left in the local database.
    void demoResetStartsANewApplication()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        AppController controller(fx.ui(), kVersions);
        controller.start();
        MainWindow &window = controller.window();
        QVERIFY2(fx.services().giveMoney(w, 8800), qPrintable(fx.error()));
        signInThroughPage(window, w.password); // the wallet page starts a history sync
        auto localRows = [&] {
            auto rows = std::make_shared<qint64>(-1);
            fx.ui().context->database().run<bw::storage::Result<qint64>>(
                [](bw::storage::WalletDatabase &db) { return bw::storage::HistoryStore(db).count({}); }, this,
                [rows](bw::storage::Result<qint64> n) { *rows = n ? n.value() : -2; });
            (void)QTest::qWaitFor([rows] { return *rows != -1; }, 10000);
            return *rows;
        };
        QTRY_COMPARE_WITH_TIMEOUT(localRows(), qint64(1), 20000);

        auto *reset = find<QPushButton>(&window, QStringLiteral("resetDemoButton"));
        QVERIFY(reset);
        QTimer::singleShot(0, this, [] {
            if (auto *confirm =
                    find<QPushButton>(visibleTopLevel<QMessageBox>(), QStringLiteral("confirmResetButton")))
                confirm->click();
        });
        reset->click();
        auto *wizard = find<OnboardingWizard>(&window, QStringLiteral("onboardingWizard"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (wizard = find<OnboardingWizard>(&window, QStringLiteral("onboardingWizard"))) &&
                wizard->isVisible() && wizard->currentPage() &&
                wizard->currentPage()->objectName() == QLatin1String("bankPage"),
            20000);
        QVERIFY(!window.isShowingWallet());
        QCOMPARE(fx.ui().context->sessionState(), bw::services::SessionState::NoWallet);
        // The local rows of the forgotten wallet are gone.
        QCOMPARE(localRows(), qint64(0));
    }

    void statusBarNamesTheBankAndDemoMode()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        AppController controller(fx.ui(), kVersions);
        controller.start();
        MainWindow &window = controller.window();
        auto *gateway = find<QLabel>(&window, QStringLiteral("gatewayStatus"));
        auto *badge = find<QLabel>(&window, QStringLiteral("demoBadge"));
        QVERIFY(gateway && badge);
        QTRY_VERIFY(gateway->isVisible());
        QCOMPARE(gateway->text(),
                 QStringLiteral("Built-in demo bank at %1").arg(fx.gatewayUrl().toDisplayString()));
        QVERIFY(badge->isVisible());
        QCOMPARE(badge->text(), QStringLiteral("DEMO"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Demo")));
    }

    void languageSwitchesVisibleTextAtRunTime()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        AppController controller(fx.ui(), kVersions);
        controller.start();
        MainWindow &window = controller.window();
        auto *page = find<SignInPage>(&window, QStringLiteral("signInPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 20000);
        auto *title = find<QLabel>(page, QStringLiteral("titleLabel"));
        auto *menuFile = find<QMenu>(&window, QStringLiteral("menuFile"));
        QVERIFY(title && menuFile);
        const QString englishTitle = title->text();

        find<QAction>(&window, QStringLiteral("actionLanguage_zh_CN"))->trigger();
        QTRY_COMPARE(menuFile->title(), QStringLiteral("文件(&F)"));
        QTRY_VERIFY(title->text() != englishTitle);
        QVERIFY2(title->text().contains(QChar(u'欢')) || title->text().contains(QChar(u'锁')),
                 qPrintable(title->text()));
        QCOMPARE(fx.ui().settings->language(), QStringLiteral("zh_CN"));
        // A message composed in code from the bank's answer is Chinese too, count included.
        typeInto(find<QLineEdit>(page, QStringLiteral("passwordEdit")), QStringLiteral("Wrong-Password-1"));
        click(find<QPushButton>(page, QStringLiteral("signInButton")));
        auto *message = find<QLabel>(page, QStringLiteral("signInMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("还剩 4 次机会")), 20000);
        QVERIFY2(!message->text().contains(QStringLiteral("ttempt")), qPrintable(message->text()));

        find<QAction>(&window, QStringLiteral("actionLanguage_en"))->trigger();
        QTRY_COMPARE(menuFile->title(), QStringLiteral("&File"));
        QTRY_COMPARE(title->text(), englishTitle);
        QCOMPARE(fx.ui().settings->language(), QStringLiteral("en"));
    }
};

// A separate class so the keychain-unavailable run does only this.
class TestUiAppNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keychainUnavailableShowsWhatToDo()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        fx.services().setCleanKeychain(false);
        fx.ui().context->secretStore().setTimeout(std::chrono::milliseconds(10000));
        AppController controller(fx.ui(), kVersions);
        controller.start();
        MainWindow &window = controller.window();
        auto *page = find<StartupPage>(&window, QStringLiteral("startupPage"));
        QVERIFY(page);
        auto *retry = find<QPushButton>(page, QStringLiteral("startupRetryButton"));
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 15000);
        QVERIFY(page->isVisible());
        const QString message = find<QLabel>(page, QStringLiteral("startupMessage"))->text();
        QVERIFY2(message.contains(QStringLiteral("keychain"), Qt::CaseInsensitive) ||
                     message.contains(QStringLiteral("Secret Service"), Qt::CaseInsensitive),
                 qPrintable(message));
        QVERIFY(
            find<QLabel>(page, QStringLiteral("startupAdvice"))->text().contains(QStringLiteral("Retry")));
        // Retry asks again (and fails again, visibly, without a crash).
        click(retry);
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 15000);
        QVERIFY(!window.isShowingWallet());
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (noSecretService()) {
        TestUiAppNoKeychain test;
        return QTest::qExec(&test, argc, argv);
    }
    TestUiApp test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_ui_app.moc"
