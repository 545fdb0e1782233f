// The Security page and its dialogs (label "ui"), driven as a person would against the real stub:
//  - change the password (a wrong current one is said under its field; then the new one signs in and the
//    old one does not);
//  - change the PIN with an SMS code read from the demo outbox: a weak PIN and a mismatched confirmation are
//    explained and keep "Change PIN" disabled;
//  - frozen → unfrozen: five wrong PINs (through PaymentService: the page under test is the Security page),
//    the page warns, the PIN change with a code from the authenticator unfreezes payments (the warning goes,
//    the bank says payments_frozen false) and a payment with the new PIN succeeds;
//  - turn the authenticator on with a code computed from the key the dialog shows (read from the label, as
//    a person would type it into an app), then off again;
//  - the device list shows this computer, which cannot be removed.
#include "../services/payments_test_support.h"
#include "widget_test_support.h"

#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "services/payment_service.h"
#include "services/security_service.h"
#include "services/wallet_service.h"
#include "ui/security/change_password_dialog.h"
#include "ui/security/change_pin_dialog.h"
#include "ui/security/security_page.h"
#include "ui/security/two_factor_dialog.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/pin_entry.h"
#include "ui/widgets/qr_code_view.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTranslator>
#include <QTreeWidget>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;
using services::test::awaitPayment;
using services::test::awaitQuote;
using services::test::merchantPayment;

namespace {

const QString kCoffee = QStringLiteral("mer_lantern_coffee");

} // namespace

class TestUiSecurity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<UiFixture> m_fx;
    std::unique_ptr<SecurityPage> m_page;
    TestWallet m_wallet;

    bool start(const EnrollOptions &options)
    {
        m_fx = std::make_unique<UiFixture>();
        if (!m_fx->ok())
            return false;
        m_wallet = TestWallet();
        if (!m_fx->enrollWallet(m_wallet, options))
            return false;
        if (m_fx->signIn(m_wallet).isError())
            return false;
        m_page = std::make_unique<SecurityPage>(m_fx->ui());
        m_page->resize(1100, 800);
        m_page->show();
        m_page->refresh();
        auto *devices = find<QTreeWidget>(m_page.get(), QStringLiteral("devicesList"));
        return QTest::qWaitFor(
            [&] { return devices->topLevelItemCount() > 0 && m_fx->ui().wallet->wallet().has_value(); },
            20000);
    }

    QPushButton *button(QWidget *root, const QString &name) { return find<QPushButton>(root, name); }
    QLabel *label(QWidget *root, const QString &name) { return find<QLabel>(root, name); }

    // Types the new PIN and its confirmation into the dialog's two PIN entries.
    void typePins(QWidget *dialog, const QString &pin, const QString &again)
    {
        auto *first = find<PinEntry>(dialog, QStringLiteral("newPinEntry"));
        auto *second = find<PinEntry>(dialog, QStringLiteral("confirmPinEntry"));
        QVERIFY(first && second);
        first->clear();
        second->clear();
        typePin(first, pin);
        typePin(second, again);
    }

    // The TOTP code a person's app would show for the key text on screen ("ABCD EFGH ...").
    QString codeForKey(const QString &keyText, qint64 offsetSecs = 0)
    {
        QString key = keyText;
        key.remove(QLatin1Char(' '));
        auto secret = crypto::base32Decode(key);
        if (!secret.ok())
            return {};
        m_wallet.totpSecret = secret.value();
        return m_fx->services().totpAt(m_wallet.totpSecret, offsetSecs);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_page.reset();
        m_fx.reset();
    }

    void changePassword()
    {
        QVERIFY2(start({.identity = true}), "wallet not ready");
        click(button(m_page.get(), QStringLiteral("changePasswordButton")));
        auto *dialog = visibleTopLevel<ChangePasswordDialog>();
        QVERIFY(dialog);
        auto *current = find<QLineEdit>(dialog, QStringLiteral("currentPasswordEdit"));
        auto *field = find<PasswordField>(dialog, QStringLiteral("newPasswordField"));
        auto *ok = button(dialog, QStringLiteral("changePasswordOk"));
        QVERIFY(current && field && ok);
        QVERIFY(!ok->isEnabled());
        const QString fresh = QStringLiteral("Quiet-Lantern-River-77");

        // A confirmation that differs keeps the button off.
        typeInto(current, QStringLiteral("Not-My-Password-1"));
        typeInto(field->passwordEdit(), fresh);
        typeInto(field->confirmEdit(), fresh + QStringLiteral("x"));
        QVERIFY(!ok->isEnabled());
        typeInto(field->confirmEdit(), fresh);
        QVERIFY(ok->isEnabled());
        // A wrong current password: said under that field, the dialog stays.
        click(ok);
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(dialog, QStringLiteral("currentPasswordMessage")), 20000);
        QVERIFY(current->text().isEmpty());
        QVERIFY(dialog->isVisible());

        typeInto(current, m_wallet.password);
        QVERIFY(ok->isEnabled());
        QTest::keyClick(current, Qt::Key_Return); // Enter submits
        QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<ChangePasswordDialog>(), 20000);
        QVERIFY(showsMessage(m_page.get(), QStringLiteral("securityNotice")));

        // Signing in again: the old password fails, the new one works.
        m_fx->ui().session->lock(services::LockReason::Manual);
        services::ServiceError error = m_fx->signIn(m_wallet);
        QVERIFY2(error.is(u"invalid_credentials"), qPrintable(error.summary()));
        m_wallet.password = fresh;
        error = m_fx->signIn(m_wallet);
        QVERIFY2(!error.isError(), qPrintable(error.summary()));
    }

    void changePinWithSms()
    {
        QVERIFY2(start({.identity = true}), "wallet not ready");
        QVERIFY(!m_fx->ui().wallet->wallet()->totpEnabled);
        click(button(m_page.get(), QStringLiteral("changePinButton")));
        auto *dialog = visibleTopLevel<ChangePinDialog>();
        QVERIFY(dialog);
        auto *ok = button(dialog, QStringLiteral("changePinOk"));
        auto *send = button(dialog, QStringLiteral("sendCodeButton"));
        QVERIFY(ok && send);
        QVERIFY(send->isVisible());
        QVERIFY(!label(dialog, QStringLiteral("frozenNote"))->isVisible());
        typeInto(find<QLineEdit>(dialog, QStringLiteral("passwordEdit")), m_wallet.password);

        // A weak PIN is explained at once; a mismatch too; both keep the button off.
        typePins(dialog, QStringLiteral("123456"), QStringLiteral("123456"));
        QVERIFY(showsMessage(dialog, QStringLiteral("pinMessage")));
        const QString weakText = label(dialog, QStringLiteral("pinMessage"))->text();
        QVERIFY(!ok->isEnabled());
        const QString newPin = QStringLiteral("805613");
        typePins(dialog, newPin, QStringLiteral("805614"));
        QVERIFY(showsMessage(dialog, QStringLiteral("pinMessage")));
        QVERIFY(label(dialog, QStringLiteral("pinMessage"))->text() != weakText);
        QVERIFY(!ok->isEnabled());
        typePins(dialog, newPin, newPin);
        QVERIFY(!showsMessage(dialog, QStringLiteral("pinMessage")));
        QVERIFY(!ok->isEnabled()); // no code yet

        click(send);
        // Sent: the button counts down the resend cooldown.
        QTRY_VERIFY_WITH_TIMEOUT(send->text().contains(QLatin1String("Resend in")), 20000);
        QVERIFY(!send->isEnabled());
        const QString code = m_fx->lastCode(m_wallet.phone, QStringLiteral("pin_change"));
        QVERIFY(!code.isEmpty());
        typeInto(find<QLineEdit>(dialog, QStringLiteral("codeEdit")), code);
        QVERIFY(ok->isEnabled());
        click(ok);
        QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<ChangePinDialog>(), 20000);
        QVERIFY(showsMessage(m_page.get(), QStringLiteral("securityNotice")));
        // The code was used: the bank refuses it again (the PIN really changed with it).
        const services::ServiceError again = services::test::awaitDone([&](services::ServiceDone done) {
            m_fx->ui().security->changePin(m_wallet.password, QStringLiteral("729401"), code,
                                           std::move(done));
        });
        QVERIFY(again.isError());
    }

    void frozenThenUnfrozen()
    {
        QVERIFY2(start({.identity = true, .totp = true}), "wallet not ready");
        QVERIFY2(m_fx->services().giveMoney(m_wallet, 1'000'00), qPrintable(m_fx->error()));
        QVERIFY(!find<QLabel>(m_page.get(), QStringLiteral("frozenWarning"))->isVisible());
        // Five wrong PINs through PaymentService (the Pay dialog has its own tests).
        services::PaymentService &payments = *m_fx->ui().payments;
        const auto id = payments.requestQuote(merchantPayment(kCoffee, 9'00));
        QCOMPARE(awaitQuote(payments, id).status, services::QuoteState::Status::Ready);
        services::PaymentState state;
        for (int attempt = 0; attempt < 5; ++attempt) {
            QVERIFY(payments.confirm(id, QStringLiteral("480261")));
            state = awaitPayment(payments, id);
        }
        QVERIFY2(state.error.is(u"pin_locked"), qPrintable(services::test::describe(state)));
        m_page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(m_page.get(), QStringLiteral("frozenWarning")), 20000);

        click(button(m_page.get(), QStringLiteral("changePinButton")));
        auto *dialog = visibleTopLevel<ChangePinDialog>();
        QVERIFY(dialog);
        QVERIFY(showsMessage(dialog, QStringLiteral("frozenNote")));
        QVERIFY(!button(dialog, QStringLiteral("sendCodeButton"))->isVisible()); // the authenticator's code
        const QString newPin = QStringLiteral("604817");
        typeInto(find<QLineEdit>(dialog, QStringLiteral("passwordEdit")), m_wallet.password);
        typePins(dialog, newPin, newPin);
        typeInto(find<QLineEdit>(dialog, QStringLiteral("codeEdit")), m_fx->services().unusedTotp(m_wallet));
        click(button(dialog, QStringLiteral("changePinOk")));
        QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<ChangePinDialog>(), 20000);
        // The page follows the bank: the warning goes.
        QTRY_VERIFY_WITH_TIMEOUT(!find<QLabel>(m_page.get(), QStringLiteral("frozenWarning"))->isVisible(),
                                 20000);
        auto wallet = services::test::awaitResult<gateway::Wallet>(
            [&](auto done) { m_fx->ui().wallet->refresh(std::move(done)); });
        QVERIFY2(wallet.ok(), qPrintable(wallet.error().summary()));
        QVERIFY(!wallet->paymentsFrozen);

        // A payment with the new PIN.
        const auto again = payments.requestQuote(merchantPayment(kCoffee, 9'00));
        const services::QuoteState quote = awaitQuote(payments, again);
        QCOMPARE(quote.status, services::QuoteState::Status::Ready);
        QVERIFY(payments.confirm(again, newPin,
                                 quote.requiresOtp() ? m_fx->services().unusedTotp(m_wallet) : QString()));
        state = awaitPayment(payments, again);
        QVERIFY2(state.phase == services::PaymentPhase::Succeeded,
                 qPrintable(services::test::describe(state)));
    }

    void authenticatorOnAndOff()
    {
        QVERIFY2(start({.identity = false}), "wallet not ready");
        auto *status = label(m_page.get(), QStringLiteral("twoFactorStatus"));
        const QString offText = status->text();
        QVERIFY(!offText.isEmpty());
        QVERIFY(button(m_page.get(), QStringLiteral("enableTotpButton"))->isVisible());
        click(button(m_page.get(), QStringLiteral("enableTotpButton")));
        auto *dialog = visibleTopLevel<TwoFactorDialog>();
        QVERIFY(dialog);
        auto *key = label(dialog, QStringLiteral("totpKeyLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!key->text().isEmpty(), 20000);
        QVERIFY(key->text().contains(QLatin1Char(' '))); // groups of four
        QVERIFY(!find<QrCodeView>(dialog, QStringLiteral("totpQr"))->isEmpty());
        auto *ok = button(dialog, QStringLiteral("twoFactorOk"));
        QVERIFY(!ok->isEnabled());
        // A wrong code: said, the dialog stays.
        const QString right = codeForKey(key->text());
        QVERIFY(!right.isEmpty());
        typeInto(find<QLineEdit>(dialog, QStringLiteral("codeEdit")),
                 right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000"));
        click(ok);
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(dialog, QStringLiteral("codeMessage")), 20000);
        typeInto(find<QLineEdit>(dialog, QStringLiteral("codeEdit")), right);
        click(ok);
        QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<TwoFactorDialog>(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(button(m_page.get(), QStringLiteral("disableTotpButton"))->isVisible(),
                                 20000);
        QVERIFY(status->text() != offText);
        QVERIFY(m_fx->ui().wallet->wallet()->totpEnabled);

        // Off again with the next code from the app.
        click(button(m_page.get(), QStringLiteral("disableTotpButton")));
        dialog = visibleTopLevel<TwoFactorDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), TwoFactorDialog::Mode::Disable);
        QVERIFY(button(dialog, QStringLiteral("sendCodeButton"))->isVisible());
        m_fx->services().clock->advance(30);
        typeInto(find<QLineEdit>(dialog, QStringLiteral("codeEdit")),
                 m_fx->services().totpAt(m_wallet.totpSecret));
        click(button(dialog, QStringLiteral("twoFactorOk")));
        QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<TwoFactorDialog>(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(button(m_page.get(), QStringLiteral("enableTotpButton"))->isVisible(),
                                 20000);
        QCOMPARE(status->text(), offText);
        QVERIFY(!m_fx->ui().wallet->wallet()->totpEnabled);
    }

    // Not a check: with BW_SECURITY_SHOTS=<folder> saves the page and its dialogs in English and Chinese
    // (BW_SECURITY_QM=<file.qm> loads extra translations first) for people to look at.
    void screenshots()
    {
        const QString folder = qEnvironmentVariable("BW_SECURITY_SHOTS");
        if (folder.isEmpty())
            QSKIP("set BW_SECURITY_SHOTS to a folder to save screenshots");
        QVERIFY2(start({.identity = true}), "wallet not ready");
        QTranslator extra;
        if (const QString qm = qEnvironmentVariable("BW_SECURITY_QM"); !qm.isEmpty() && extra.load(qm))
            QCoreApplication::installTranslator(&extra);
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            m_fx->language().setCurrent(language);
            QCoreApplication::processEvents();
            m_page->resize(1280, 760);
            m_page->refresh();
            QTest::qWait(500);
            m_page->grab().save(folder + QStringLiteral("/security-page-%1.png").arg(language));
            click(button(m_page.get(), QStringLiteral("changePasswordButton")));
            auto *password = visibleTopLevel<ChangePasswordDialog>();
            QVERIFY(password);
            typeInto(find<PasswordField>(password, QStringLiteral("newPasswordField"))->passwordEdit(),
                     QStringLiteral("short"));
            QTest::qWait(200);
            password->grab().save(folder + QStringLiteral("/security-password-%1.png").arg(language));
            password->reject();
            click(button(m_page.get(), QStringLiteral("changePinButton")));
            auto *pin = visibleTopLevel<ChangePinDialog>();
            QVERIFY(pin);
            typePins(pin, QStringLiteral("123456"), QStringLiteral("123456"));
            QTest::qWait(200);
            pin->grab().save(folder + QStringLiteral("/security-pin-%1.png").arg(language));
            pin->reject();
            click(button(m_page.get(), QStringLiteral("enableTotpButton")));
            auto *totp = visibleTopLevel<TwoFactorDialog>();
            QVERIFY(totp);
            QTRY_VERIFY_WITH_TIMEOUT(!label(totp, QStringLiteral("totpKeyLabel"))->text().isEmpty(), 20000);
            totp->grab().save(folder + QStringLiteral("/security-totp-%1.png").arg(language));
            totp->reject();
            auto *disable = new TwoFactorDialog(m_fx->ui(), TwoFactorDialog::Mode::Disable, m_page.get());
            disable->show();
            QTest::qWait(200);
            disable->grab().save(folder + QStringLiteral("/security-totp-off-%1.png").arg(language));
            disable->reject();
        }
        QCoreApplication::removeTranslator(&extra);
        m_fx->language().setCurrent(QStringLiteral("en"));
    }

    void devicesShowThisComputer()
    {
        QVERIFY2(start({.identity = false}), "wallet not ready");
        auto *devices = find<QTreeWidget>(m_page.get(), QStringLiteral("devicesList"));
        QCOMPARE(devices->topLevelItemCount(), 1);
        QTreeWidgetItem *item = devices->topLevelItem(0);
        QVERIFY(item->text(0).contains(QLatin1String("Test desktop")));
        QVERIFY(item->text(0).contains(QLatin1String("This computer")));
        QVERIFY(!item->text(1).isEmpty());
        devices->setCurrentItem(item);
        QVERIFY(!button(m_page.get(), QStringLiteral("revokeButton"))->isEnabled());
    }
};

QTEST_MAIN(TestUiSecurity)
#include "test_ui_security.moc"
