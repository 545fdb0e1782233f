// Renders docs/screenshots from the real app: AppController and its one main window at 1280×800 in demo
// mode (the simulated phone and staff actions docked beside the screens), against the real embedded stub
// and the real keychain, driven as a customer would: every onboarding page, the sign-in and lock screens,
// the dashboard with money in it, every step of a payment (domestic, with the SMS code, and the review of
// a cross-border one), its receipt, Receive, Cards and accounts, Security, Help, Settings and the demo
// panels — each in English and Simplified Chinese. Run through tools/screenshots (Xvfb at 1280×800,
// tools/with-keyring).
#include "widget_test_support.h"

#include "bw_config.h"
#include "gateway/gateway_client.h"
#include "models/banks_model.h"
#include "services/wallet_service.h"
#include "ui/app_controller.h"
#include "ui/main/main_window.h"
#include "ui/onboarding/onboarding_wizard.h"
#include "ui/payments/payment_dialog.h"
#include "ui/receipts/receipt_dialog.h"
#include "ui/session/forgot_password_wizard.h"
#include "ui/session/sign_in_page.h"
#include "ui/widgets/password_field.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTableView>

#include <cstdio>

using namespace bw::ui;
using namespace bw::ui::test;

namespace {

constexpr int kWait = 30000;

class Shooter
{
public:
    Shooter(UiFixture &fx, QString outDir)
        : m_fx(fx)
        , m_outDir(std::move(outDir))
    {}

    // The window (or a dialog) in English, then in Chinese, then back to English.
    void shoot(QWidget *widget, const QString &name)
    {
        for (const QString &code : Language::available()) {
            m_fx.language().setCurrent(code);
            QTest::qWait(250); // LanguageChange is posted; let it and the repaint through
            const QString suffix = code == QLatin1String("en") ? QString() : QLatin1Char('-') + code;
            const QString path = m_outDir + QStringLiteral("/%1%2.png").arg(name, suffix);
            const bool saved = widget->grab().save(path);
            std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "wrote" : "could not write",
                         qPrintable(path));
            m_ok &= saved;
        }
        m_fx.language().setCurrent(QStringLiteral("en"));
        QTest::qWait(100);
    }

    // Waits for a condition; a failure is reported and remembered (the run exits non-zero).
    bool expect(const std::function<bool()> &condition, const char *what)
    {
        if (QTest::qWaitFor(condition, kWait))
            return true;
        std::fprintf(stderr, "screenshots: gave up waiting for %s\n", what);
        m_ok = false;
        return false;
    }

    bool ok() const { return m_ok; }

private:
    UiFixture &m_fx;
    QString m_outDir;
    bool m_ok = true;
};

QString pageName(OnboardingWizard *w)
{
    return w && w->currentPage() ? w->currentPage()->objectName() : QString();
}

void typePin(QWidget *root, const QString &entryName, const QString &digits)
{
    auto *entry = find<QWidget>(root, entryName);
    for (int i = 0; entry && i < digits.size(); ++i) {
        auto *box = find<QLineEdit>(entry, QStringLiteral("pinBox%1").arg(i));
        box->setFocus();
        QTest::keyClick(box, digits.at(i).toLatin1());
    }
}

// The merchant's row in the Pay dialog's list, found by typing its name and clicked.
bool chooseMerchant(QWidget *dialog, const QString &id, const QString &name)
{
    auto *view = find<QTableView>(dialog, QStringLiteral("merchantView"));
    if (!view || !QTest::qWaitFor([&] { return view->model()->rowCount() > 0; }, kWait))
        return false;
    typeInto(find<QLineEdit>(dialog, QStringLiteral("merchantSearchEdit")), name);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data(Qt::UserRole + 1).toString() == id) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
            return true;
        }
    }
    return false;
}

bool chooseBank(OnboardingWizard *w, const QString &bankId)
{
    auto *list = find<QListView>(w, QStringLiteral("bankList"));
    for (int row = 0; list && row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(bw::models::BanksModel::IdRole).toString() == bankId) {
            list->scrollTo(index);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);

    UiFixture fx;
    if (!fx.ok()) {
        std::fprintf(stderr, "screenshots: %s\n", qPrintable(fx.error()));
        return 1;
    }
    Shooter shots(fx, outDir);
    const ComponentVersions versions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                     QStringLiteral("OpenSSL"), QStringLiteral(BW_QTKEYCHAIN_VERSION)};
    TestWallet tw;
    tw.phone = QStringLiteral("+8613912345678");
    {
        AppController controller(fx.ui(), versions);
        controller.start();
        MainWindow &window = controller.window();
        window.resize(1280, 800);
        QWidget *win = &window;

        // ---- onboarding, with the simulated phone beside it
        OnboardingWizard *w = nullptr;
        shots.expect(
            [&] {
                return (w = find<OnboardingWizard>(win, QStringLiteral("onboardingWizard"))) &&
                       pageName(w) == QLatin1String("bankPage");
            },
            "the bank page");
        auto next = [&] { click(find<QAbstractButton>(w, QStringLiteral("nextButton"))); };
        auto onPage = [&](const char *name) {
            return shots.expect([&] { return pageName(w) == QLatin1String(name); }, name);
        };
        shots.expect([&] { return chooseBank(w, QStringLiteral("bnk_fenghe_rural")); },
                     "an unsupported bank");
        shots.shoot(win, QStringLiteral("onboarding-1b-bank-unsupported"));
        chooseBank(w, QStringLiteral("bnk_demo"));
        shots.shoot(win, QStringLiteral("onboarding-1-bank"));
        next();
        onPage("contactPage");
        typeInto(find<QLineEdit>(w, QStringLiteral("nameEdit")), tw.fullName);
        typeInto(find<QLineEdit>(w, QStringLiteral("phoneEdit")), QStringLiteral("12345"));
        typeInto(find<QLineEdit>(w, QStringLiteral("emailEdit")), QStringLiteral("a@b"));
        QTest::keyClick(find<QLineEdit>(w, QStringLiteral("emailEdit")), Qt::Key_Tab);
        shots.shoot(win, QStringLiteral("onboarding-2b-contact-invalid"));
        typeInto(find<QLineEdit>(w, QStringLiteral("phoneEdit")), tw.phone);
        typeInto(find<QLineEdit>(w, QStringLiteral("emailEdit")), tw.email);
        shots.shoot(win, QStringLiteral("onboarding-2-contact"));
        next();
        onPage("codePage");
        shots.expect(
            [&] {
                const QString code = find<QLabel>(win, QStringLiteral("latestCode"))->text();
                return !code.isEmpty() && code.front().isDigit();
            },
            "the code on the simulated phone");
        shots.shoot(win, QStringLiteral("onboarding-3-code"));
        typeInto(find<QLineEdit>(w, QStringLiteral("codeEdit")), fx.lastCode(tw.phone));
        next();
        onPage("identityPage");
        typeInto(find<QLineEdit>(w, QStringLiteral("documentNumberEdit")),
                 ServicesFixture::residentId(tw.birthDate));
        shots.shoot(win, QStringLiteral("onboarding-4-identity"));
        next();
        onPage("credentialsPage");
        auto *password = find<PasswordField>(w, QStringLiteral("passwordField"));
        typeInto(password->passwordEdit(), tw.password);
        typeInto(password->confirmEdit(), tw.password);
        typePin(w, QStringLiteral("pinEntry"), tw.pin);
        typePin(w, QStringLiteral("pinConfirmEntry"), tw.pin);
        shots.shoot(win, QStringLiteral("onboarding-5-credentials"));
        next();
        onPage("twoFactorPage");
        shots.expect([&] { return !find<QLabel>(w, QStringLiteral("totpKeyLabel"))->text().isEmpty(); },
                     "the authenticator key");
        shots.shoot(win, QStringLiteral("onboarding-6-two-factor"));
        click(find<QAbstractButton>(w, QStringLiteral("useSmsButton")));
        onPage("paymentMethodPage");
        typeInto(find<QLineEdit>(w, QStringLiteral("cardNumberEdit")), QStringLiteral("6212345678901232"));
        typeInto(find<QLineEdit>(w, QStringLiteral("expiryEdit")), QStringLiteral("1230"));
        typeInto(find<QLineEdit>(w, QStringLiteral("cvcEdit")), QStringLiteral("123"));
        shots.shoot(win, QStringLiteral("onboarding-7-payment-method"));
        next();
        onPage("donePage");
        shots.shoot(win, QStringLiteral("onboarding-8-done"));
        click(find<QAbstractButton>(w, QStringLiteral("finishButton")));
        shots.expect([&] { return window.isShowingWallet(); }, "the wallet");

        // ---- the wallet with money and history in it
        bool received = false;
        fx.services().devClient().devIncoming(
            fx.ui().context->walletId(), bw::core::Money(128800, *bw::core::Currency::fromCode(u"CNY")),
            QStringLiteral("Zhang Wei"), [&](bw::gateway::Result<bw::gateway::Payment>) { received = true; });
        shots.expect([&] { return received; }, "the incoming transfer");
        window.showWallet();
        QTest::qWait(1500); // the wallet summary, methods and history sync arrive
        shots.shoot(win, QStringLiteral("dashboard"));
        // The staff side of demo mode: the other tab of the demo docks.
        if (auto *staff = find<QDockWidget>(win, QStringLiteral("staffActionsDock"))) {
            staff->raise();
            QTest::qWait(300);
            shots.shoot(win, QStringLiteral("demo-staff-actions"));
            find<QDockWidget>(win, QStringLiteral("simulatedPhoneDock"))->raise();
        }
        // ---- a payment, step by step: a coffee shop, the first payment to it (so an SMS code is asked)
        using Step = PaymentDialog::Step;
        auto nextIn = [&](QWidget *dialog) {
            auto *next = find<QPushButton>(dialog, QStringLiteral("nextButton"));
            if (shots.expect([&] { return next->isVisible() && next->isEnabled(); }, "the Next button"))
                click(next);
        };
        if (PaymentDialog *pay = window.openPayment(bw::gateway::QuoteKind::Payment)) {
            pay->resize(760, 640);
            shots.expect(
                [&] {
                    return chooseMerchant(pay, QStringLiteral("mer_lantern_coffee"),
                                          QStringLiteral("Lantern"));
                },
                "the coffee shop");
            shots.shoot(pay, QStringLiteral("pay-1-payee"));
            nextIn(pay);
            typeInto(find<QLineEdit>(pay, QStringLiteral("amountEdit")), QStringLiteral("36.50"));
            typeInto(find<QLineEdit>(pay, QStringLiteral("noteEdit")), QStringLiteral("Team coffee"));
            shots.shoot(pay, QStringLiteral("pay-2-amount"));
            nextIn(pay);
            shots.expect([&] { return find<QLabel>(pay, QStringLiteral("reviewTotalValue")) != nullptr; },
                         "the quote");
            shots.shoot(pay, QStringLiteral("pay-3-review"));
            nextIn(pay);
            shots.expect([&] { return pay->step() == Step::Authenticate; }, "the PIN step");
            typePin(pay, QStringLiteral("pinEntry"), tw.pin);
            click(find<QPushButton>(pay, QStringLiteral("sendSmsButton")));
            QString code;
            shots.expect([&] { return !(code = fx.lastCode(tw.phone, QStringLiteral("quote"))).isEmpty(); },
                         "the payment's SMS code");
            typeInto(find<QLineEdit>(pay, QStringLiteral("otpEdit")), code);
            shots.shoot(pay, QStringLiteral("pay-4-authenticate"));
            nextIn(pay);
            shots.expect([&] { return pay->step() == Step::Result; }, "the payment's result");
            shots.shoot(pay, QStringLiteral("pay-5-result"));
            click(find<QPushButton>(pay, QStringLiteral("viewReceiptButton")));
            ReceiptDialog *receipt = nullptr;
            shots.expect([&] { return (receipt = visibleTopLevel<ReceiptDialog>()) != nullptr; },
                         "the receipt");
            if (receipt) {
                shots.shoot(receipt, QStringLiteral("receipt"));
                receipt->close();
            }
            pay->close();
        }
        // The review of a cross-border payment: FX rate, converted amount and both fees.
        if (PaymentDialog *pay = window.openPayment(bw::gateway::QuoteKind::Payment)) {
            pay->resize(760, 640);
            shots.expect(
                [&] {
                    return chooseMerchant(pay, QStringLiteral("mer_harbour_beans"),
                                          QStringLiteral("Harbour"));
                },
                "the Hong Kong merchant");
            nextIn(pay);
            typeInto(find<QLineEdit>(pay, QStringLiteral("amountEdit")), QStringLiteral("88"));
            nextIn(pay);
            shots.expect([&] { return find<QLabel>(pay, QStringLiteral("reviewFxRateValue")) != nullptr; },
                         "the cross-border quote");
            shots.shoot(pay, QStringLiteral("pay-3b-review-cross-border"));
            pay->close();
        }
        find<QAction>(win, QStringLiteral("actionReceive"))->trigger();
        typeInto(find<QLineEdit>(win, QStringLiteral("receiveAmountEdit")), QStringLiteral("120"));
        typeInto(find<QLineEdit>(win, QStringLiteral("receiveNoteEdit")), QStringLiteral("Dinner"));
        QTest::qWait(500);
        shots.shoot(win, QStringLiteral("receive"));
        find<QAction>(win, QStringLiteral("actionPaymentMethods"))->trigger();
        QTest::qWait(1000);
        shots.shoot(win, QStringLiteral("payment-methods"));
        find<QAction>(win, QStringLiteral("actionSecurity"))->trigger();
        QTest::qWait(1000);
        shots.shoot(win, QStringLiteral("security"));
        window.showWallet();
        QTest::qWait(1000);
        shots.shoot(win, QStringLiteral("dashboard-after-payment"));
        window.showHistory();
        QTest::qWait(1500);
        shots.shoot(win, QStringLiteral("history"));
        window.showInsights();
        QTest::qWait(1500);
        shots.shoot(win, QStringLiteral("insights"));

        window.showHelp();
        QTest::qWait(800);
        shots.shoot(win, QStringLiteral("help"));
        window.showSettings();
        QDialog *settings = nullptr;
        shots.expect([&] { return (settings = visibleTopLevel<QDialog>()) != nullptr; },
                     "the settings dialog");
        if (settings) {
            shots.shoot(settings, QStringLiteral("settings"));
            settings->reject();
        }
        window.showWallet();

        // ---- locked, then the sign-in page with the forgot-password wizard
        find<QAction>(win, QStringLiteral("actionLock"))->trigger();
        shots.expect([&] { return find<SignInPage>(win, QStringLiteral("signInPage"))->isVisible(); },
                     "the lock screen");
        shots.shoot(win, QStringLiteral("lock"));
        auto *signIn = find<SignInPage>(win, QStringLiteral("signInPage"));
        signIn->setMode(SignInPage::Mode::SignIn);
        shots.shoot(win, QStringLiteral("sign-in"));
        signIn->openForgotPassword();
        if (shots.expect([&] { return signIn->forgotPasswordWizard() != nullptr; }, "the reset wizard")) {
            shots.shoot(signIn->forgotPasswordWizard(), QStringLiteral("forgot-password"));
            signIn->forgotPasswordWizard()->reject();
        }
    }
    return shots.ok() ? 0 : 1;
}
