// SecurityService against the real stub (label "stub"): what the Security page changes, with what the caller
// observes (typed errors, translated messages) and what the bank then does.
//  - password: a wrong current password, a new one the local policy refuses (the phone's digits: proves the
//    profile's phone is used), then the change: the new password signs in, the old one does not;
//  - PIN: an SMS code (and the resend cooldown), a weak PIN refused locally, a missing and a wrong code, a
//    wrong password, then the change (securityChanged);
//  - frozen payments: five wrong PINs through PaymentService freeze them; a PIN change with a TOTP code
//    unfreezes them and a payment with the new PIN goes through;
//  - the authenticator: enable with a code computed from the secret it hands out, disable with a TOTP
//    code, enable again and disable with the SMS code;
//  - devices: the current one listed (first); a second device added through POST /v1/devices; revoking the
//    current one refused locally; revoking the other one makes its signatures device_unknown.
#include "payments_test_support.h"
#include "services/security_service.h"

#include <QSignalSpy>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

const QString kCoffee = QStringLiteral("mer_lantern_coffee");

gateway::Result<gateway::Wallet> walletOf(ServicesFixture &fx)
{
    return awaitGateway<gateway::Wallet>(
        [&](auto done) { fx.context().gateway().getWallet(std::move(done)); });
}

} // namespace

class TestServicesSecurity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServicesFixture> m_fx;
    std::unique_ptr<SecurityService> m_security;
    TestWallet m_wallet;

    bool enroll(const EnrollOptions &options)
    {
        m_wallet = TestWallet();
        if (!m_fx->enrollWallet(m_wallet, options))
            return false;
        m_security = std::make_unique<SecurityService>(m_fx->context());
        return true;
    }

    ServiceError changePin(const QString &password, const QString &pin, const QString &otp)
    {
        return awaitDone(
            [&](ServiceDone done) { m_security->changePin(password, pin, otp, std::move(done)); });
    }

    gateway::Result<gateway::Session> signInWith(const QString &password)
    {
        return awaitGateway<gateway::Session>(
            [&](auto done) { m_fx->context().gateway().createSession(password, std::move(done)); });
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<ServicesFixture>();
        QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    }
    void cleanup()
    {
        m_security.reset();
        m_fx.reset();
    }

    void changePassword()
    {
        QVERIFY2(enroll({.identity = true}), qPrintable(m_fx->error()));
        const QString fresh = QStringLiteral("Quiet-Lantern-River-77");

        ServiceError error = awaitDone([&](ServiceDone done) {
            m_security->changePassword(QStringLiteral("Not-My-Password-1"), fresh, std::move(done));
        });
        QVERIFY2(error.is(u"invalid_credentials"), qPrintable(error.summary()));
        QVERIFY(!error.userMessage().isEmpty());

        // Seven digits of the wallet's own phone: refused here, before anything is sent.
        const QString withPhone = QStringLiteral("Blue-") + m_wallet.phone.right(8) + QStringLiteral("-Sky");
        error = awaitDone([&](ServiceDone done) {
            m_security->changePassword(m_wallet.password, withPhone, std::move(done));
        });
        QCOMPARE(error.kind, ServiceErrorKind::Validation);
        QCOMPARE(error.code, QStringLiteral("weak_password"));
        QCOMPARE(error.field, QStringLiteral("new_password"));
        QCOMPARE(error.validation.reason, core::ValidationReason::ContainsPhoneDigits);
        error = awaitDone([&](ServiceDone done) {
            m_security->changePassword(m_wallet.password, QStringLiteral("password1"), std::move(done));
        });
        QCOMPARE(error.code, QStringLiteral("weak_password"));
        QVERIFY(!error.userMessage().isEmpty());
        error = awaitDone(
            [&](ServiceDone done) { m_security->changePassword(QString(), fresh, std::move(done)); });
        QCOMPARE(error.code, QStringLiteral("password_missing"));

        VERIFY_SERVICE_OK(awaitDone([&](ServiceDone done) {
            m_security->changePassword(m_wallet.password, fresh, std::move(done));
        }));
        // The current session stays; the old password no longer signs in, the new one does.
        QVERIFY(walletOf(*m_fx).ok());
        auto old = signInWith(m_wallet.password);
        QVERIFY(!old);
        QVERIFY2(old.error().is(u"invalid_credentials"), qPrintable(old.error().summary()));
        auto signedIn = signInWith(fresh);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error().summary()));
    }

    void changePinWithSms()
    {
        QVERIFY2(enroll({.identity = true}), qPrintable(m_fx->error()));
        QSignalSpy changed(m_security.get(), &SecurityService::securityChanged);
        const QString newPin = QStringLiteral("805613");

        VERIFY_SERVICE_OK(awaitDone([&](ServiceDone done) {
            m_security->requestOtp(gateway::WalletOtpPurpose::PinChange, std::move(done));
        }));
        const QString code = m_fx->lastCode(m_wallet.phone, QStringLiteral("pin_change"));
        QVERIFY(!code.isEmpty());
        ServiceError error = awaitDone([&](ServiceDone done) {
            m_security->requestOtp(gateway::WalletOtpPurpose::PinChange, std::move(done));
        });
        QVERIFY2(error.is(u"otp_resend_too_soon"), qPrintable(error.summary()));
        QVERIFY(!error.userMessage().isEmpty());

        // A weak PIN is refused locally (the code is not used up); so is a missing code.
        error = changePin(m_wallet.password, QStringLiteral("123456"), code);
        QCOMPARE(error.kind, ServiceErrorKind::Validation);
        QCOMPARE(error.code, QStringLiteral("weak_pin"));
        QCOMPARE(error.field, QStringLiteral("new_pin"));
        error = changePin(m_wallet.password, QStringLiteral("12345"), code);
        QCOMPARE(error.code, QStringLiteral("weak_pin"));
        error = changePin(m_wallet.password, newPin, QString());
        QCOMPARE(error.code, QStringLiteral("otp_missing"));
        // The bank's answers: a wrong password, a wrong code.
        error = changePin(QStringLiteral("Not-My-Password-1"), newPin, code);
        QVERIFY2(error.is(u"invalid_credentials"), qPrintable(error.summary()));
        const QString wrong =
            code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        error = changePin(m_wallet.password, newPin, wrong);
        QVERIFY2(error.is(u"otp_invalid"), qPrintable(error.summary()));
        QVERIFY(!error.userMessage().isEmpty());
        QCOMPARE(changed.count(), 0);

        VERIFY_SERVICE_OK(changePin(m_wallet.password, newPin, code));
        QCOMPARE(changed.count(), 1);
        // The code was used.
        error = changePin(m_wallet.password, QStringLiteral("729401"), code);
        QVERIFY2(error.isError(), "a used SMS code changed the PIN again");
    }

    void pinChangeUnfreezesPayments()
    {
        QVERIFY2(enroll({.identity = true, .totp = true}), qPrintable(m_fx->error()));
        QVERIFY2(m_fx->giveMoney(m_wallet, 1'000'00), qPrintable(m_fx->error()));
        auto payments = m_fx->makeService();
        const PaymentActionId id = payments->requestQuote(merchantPayment(kCoffee, 9'00));
        QCOMPARE(awaitQuote(*payments, id).status, QuoteState::Status::Ready);
        PaymentState state;
        for (int attempt = 1; attempt <= 5; ++attempt) {
            QVERIFY(payments->confirm(id, QStringLiteral("480261")));
            state = awaitPayment(*payments, id);
            QVERIFY2(state.phase == PaymentPhase::Failed, qPrintable(describe(state)));
        }
        QVERIFY2(state.error.is(u"pin_locked"), qPrintable(describe(state)));
        auto wallet = walletOf(*m_fx);
        QVERIFY2(wallet.ok(), qPrintable(wallet.error().summary()));
        QVERIFY(wallet->paymentsFrozen);

        const QString newPin = QStringLiteral("604817");
        VERIFY_SERVICE_OK(changePin(m_wallet.password, newPin, m_fx->unusedTotp(m_wallet)));
        wallet = walletOf(*m_fx);
        QVERIFY2(wallet.ok(), qPrintable(wallet.error().summary()));
        QVERIFY(!wallet->paymentsFrozen);

        const PaymentActionId again = payments->requestQuote(merchantPayment(kCoffee, 9'00));
        const QuoteState quote = awaitQuote(*payments, again);
        QCOMPARE(quote.status, QuoteState::Status::Ready);
        const QString otp = quote.requiresOtp() ? m_fx->unusedTotp(m_wallet) : QString();
        // The old PIN is wrong now; the new one pays.
        QVERIFY(payments->confirm(again, m_wallet.pin, otp));
        state = awaitPayment(*payments, again);
        QVERIFY2(state.error.is(u"pin_invalid"), qPrintable(describe(state)));
        // A wrong PIN never reaches the code step: the same code still counts.
        QVERIFY(payments->confirm(again, newPin, otp));
        state = awaitPayment(*payments, again);
        QVERIFY2(state.phase == PaymentPhase::Succeeded, qPrintable(describe(state)));
    }

    void authenticator()
    {
        QVERIFY2(enroll({.identity = false}), qPrintable(m_fx->error()));
        QSignalSpy changed(m_security.get(), &SecurityService::securityChanged);
        auto started =
            awaitResult<gateway::TotpEnrollment>([&](auto done) { m_security->startTotp(std::move(done)); });
        VERIFY_RESULT_OK(started);
        const QString base32 =
            QString::fromLatin1(started->secretBase32.constData(), started->secretBase32.size());
        const QString uri = QString::fromLatin1(started->otpauthUri.constData(), started->otpauthUri.size());
        QVERIFY(uri.startsWith(QLatin1String("otpauth://totp/")));
        QVERIFY(uri.contains(base32));
        auto secret = crypto::base32Decode(base32);
        QVERIFY(secret.ok());
        m_wallet.totpSecret = secret.value();

        const QString right = m_fx->unusedTotp(m_wallet);
        const QString wrong =
            right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        ServiceError error =
            awaitDone([&](ServiceDone done) { m_security->confirmTotp(wrong, std::move(done)); });
        QVERIFY2(error.is(u"otp_invalid"), qPrintable(error.summary()));
        QCOMPARE(changed.count(), 0);
        error = awaitDone(
            [&](ServiceDone done) { m_security->confirmTotp(QStringLiteral(" "), std::move(done)); });
        QCOMPARE(error.code, QStringLiteral("otp_missing"));
        VERIFY_SERVICE_OK(
            awaitDone([&](ServiceDone done) { m_security->confirmTotp(right, std::move(done)); }));
        QCOMPARE(changed.count(), 1);
        QVERIFY(walletOf(*m_fx)->totpEnabled);
        // Replacing the authenticator needs the old factor: disable first.
        auto again =
            awaitResult<gateway::TotpEnrollment>([&](auto done) { m_security->startTotp(std::move(done)); });
        QVERIFY(!again);
        QVERIFY2(again.error().is(u"totp_already_enabled"), qPrintable(again.error().summary()));

        // Off with a TOTP code.
        VERIFY_SERVICE_OK(awaitDone(
            [&](ServiceDone done) { m_security->disableTotp(m_fx->unusedTotp(m_wallet), std::move(done)); }));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!walletOf(*m_fx)->totpEnabled);

        // On again (a new secret), then off with the SMS code.
        started =
            awaitResult<gateway::TotpEnrollment>([&](auto done) { m_security->startTotp(std::move(done)); });
        VERIFY_RESULT_OK(started);
        secret = crypto::base32Decode(
            QString::fromLatin1(started->secretBase32.constData(), started->secretBase32.size()));
        QVERIFY(secret.ok());
        m_wallet.totpSecret = secret.value();
        VERIFY_SERVICE_OK(awaitDone(
            [&](ServiceDone done) { m_security->confirmTotp(m_fx->unusedTotp(m_wallet), std::move(done)); }));
        QVERIFY(walletOf(*m_fx)->totpEnabled);
        VERIFY_SERVICE_OK(awaitDone([&](ServiceDone done) {
            m_security->requestOtp(gateway::WalletOtpPurpose::TotpDisable, std::move(done));
        }));
        const QString sms = m_fx->lastCode(m_wallet.phone, QStringLiteral("totp_disable"));
        QVERIFY(!sms.isEmpty());
        VERIFY_SERVICE_OK(
            awaitDone([&](ServiceDone done) { m_security->disableTotp(sms, std::move(done)); }));
        QVERIFY(!walletOf(*m_fx)->totpEnabled);
        QCOMPARE(changed.count(), 4);
        error = awaitDone([&](ServiceDone done) { m_security->disableTotp(sms, std::move(done)); });
        QVERIFY2(error.is(u"totp_not_enabled"), qPrintable(error.summary()));
    }

    void devices()
    {
        QVERIFY2(enroll({.identity = true}), qPrintable(m_fx->error()));
        auto listed =
            awaitResult<QList<gateway::Device>>([&](auto done) { m_security->listDevices(std::move(done)); });
        VERIFY_RESULT_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().id, m_wallet.deviceId);
        QVERIFY(listed->first().current);
        QCOMPARE(listed->first().name, QStringLiteral("Test desktop"));
        QVERIFY(listed->first().createdAt.isValid());

        // A second desktop joins the wallet (phone + SMS code + password).
        gateway::GatewayClient laptop;
        QVERIFY(!laptop.setBaseUrl(m_fx->gatewayUrl()).isError());
        auto asked = awaitGateway<gateway::NoContent>(
            [&](auto done) { laptop.requestDeviceOtp(m_wallet.phone, std::move(done)); });
        QVERIFY2(asked.ok(), qPrintable(asked.error().summary()));
        gateway::AddDeviceRequest request{m_wallet.phone, m_wallet.password,
                                          m_fx->lastCode(m_wallet.phone, QStringLiteral("device")),
                                          QStringLiteral("Laptop")};
        auto added = awaitGateway<gateway::DeviceCredentials>(
            [&](auto done) { laptop.addDevice(request, std::move(done)); });
        QVERIFY2(added.ok(), qPrintable(added.error().summary()));
        const QString laptopId = added->deviceId;
        laptop.setDeviceCredentials(laptopId, std::move(added->deviceSecret));
        auto laptopSession = awaitGateway<gateway::Session>(
            [&](auto done) { laptop.createSession(m_wallet.password, std::move(done)); });
        QVERIFY2(laptopSession.ok(), qPrintable(laptopSession.error().summary()));

        listed =
            awaitResult<QList<gateway::Device>>([&](auto done) { m_security->listDevices(std::move(done)); });
        VERIFY_RESULT_OK(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).id, m_wallet.deviceId); // the current one first
        QVERIFY(listed->at(0).current);
        QCOMPARE(listed->at(1).id, laptopId);
        QCOMPARE(listed->at(1).name, QStringLiteral("Laptop"));
        QVERIFY(!listed->at(1).current);

        ServiceError error = awaitDone(
            [&](ServiceDone done) { m_security->revokeDevice(m_wallet.deviceId, std::move(done)); });
        QCOMPARE(error.kind, ServiceErrorKind::Validation);
        QCOMPARE(error.code, QStringLiteral("current_device"));
        QVERIFY(!error.userMessage().isEmpty());

        VERIFY_SERVICE_OK(
            awaitDone([&](ServiceDone done) { m_security->revokeDevice(laptopId, std::move(done)); }));
        auto refused = awaitGateway<gateway::Session>(
            [&](auto done) { laptop.createSession(m_wallet.password, std::move(done)); });
        QVERIFY(!refused);
        QVERIFY2(refused.error().is(u"device_unknown"), qPrintable(refused.error().summary()));
        listed =
            awaitResult<QList<gateway::Device>>([&](auto done) { m_security->listDevices(std::move(done)); });
        VERIFY_RESULT_OK(listed);
        QCOMPARE(listed->size(), 1);
        // Revoked already: the bank does not know it any more.
        error = awaitDone([&](ServiceDone done) { m_security->revokeDevice(laptopId, std::move(done)); });
        QVERIFY2(error.is(u"resource_missing"), qPrintable(error.summary()));
    }

    void needsSignIn()
    {
        QVERIFY2(enroll({.identity = false, .signIn = false}), qPrintable(m_fx->error()));
        ServiceError error = awaitDone([&](ServiceDone done) {
            m_security->changePassword(m_wallet.password, QStringLiteral("Quiet-Lantern-River-77"),
                                       std::move(done));
        });
        QCOMPARE(error.code, QStringLiteral("not_signed_in"));
        auto listed =
            awaitResult<QList<gateway::Device>>([&](auto done) { m_security->listDevices(std::move(done)); });
        QVERIFY(!listed);
        QCOMPARE(listed.error().code, QStringLiteral("not_signed_in"));
    }
};

QTEST_GUILESS_MAIN(TestServicesSecurity)
#include "test_services_security.moc"
