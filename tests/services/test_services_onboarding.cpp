// OnboardingService end to end against the real stub (demo mode: the SMS code read from the demo outbox),
// the real keychain (tools/with-keyring) and real SQLite files: every step of the state machine with the
// local checks that refuse bad input before anything is sent, the device credential in the keychain, TOTP
// computed from the enrolled secret, a first card, the profile cached (sealed), and resuming after the
// service — and then the whole app context — is destroyed midway.
#include "services_test_support.h"

#include "services/onboarding_service.h"
#include "services/session_service.h"
#include "storage/profile_store.h"
#include "storage/wallet_settings_store.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>

using namespace bw::services;
using namespace bw::services::test;
using bw::gateway::KycOutcome;
using bw::gateway::KycResult;

namespace {

using StateResult = ServiceResult<OnboardingState>;

StateResult resumeService(OnboardingService &service)
{
    return awaitResult<OnboardingState>([&](auto done) { service.resume(std::move(done)); });
}

// Every file under dir (the wallet database and its WAL, settings.ini).
QByteArray allBytesUnder(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class OnboardingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureWallet()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w, {.totp = true, .debitCard = true}), qPrintable(fx.error()));
        QVERIFY(fx.context().isSignedIn());
        QVERIFY(fx.context().isStorageOpen());
        QCOMPARE(fx.context().walletId(), w.walletId);
        QCOMPARE(w.tier, 2);
        QVERIFY(!w.totpSecret.isEmpty());
        QVERIFY(!fx.unusedTotp(w).isEmpty());
    }

    void endToEnd()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        OnboardingService service(fx.context());
        QSignalSpy steps(&service, &OnboardingService::stepChanged);

        // Nothing can happen before resume() has loaded the state.
        ServiceError early =
            awaitDone([&](auto done) { service.chooseBank(QStringLiteral("bnk_demo"), done); });
        QCOMPARE(early.code, QStringLiteral("not_started"));

        auto resumed = resumeService(service);
        VERIFY_RESULT_OK(resumed);
        QCOMPARE(resumed->step, OnboardingStep::ChooseBank);
        QVERIFY(QFile::exists(fx.context().databasePath()));

        auto banks = awaitResult<QList<bw::gateway::Bank>>([&](auto done) { service.listBanks(done); });
        VERIFY_RESULT_OK(banks);
        QVERIFY(std::any_of(banks->begin(), banks->end(), [](const auto &b) {
            return b.id == QLatin1String("bnk_demo") && b.walletSupported;
        }));

        // A step out of order is refused with a typed state error.
        ServiceError outOfOrder =
            awaitDone([&](auto done) { service.verifyCode(QStringLiteral("123456"), done); });
        QCOMPARE(outOfOrder.kind, ServiceErrorKind::State);
        QCOMPARE(outOfOrder.code, QStringLiteral("wrong_step"));
        QVERIFY(!outOfOrder.userMessage().isEmpty());

        VERIFY_SERVICE_OK(
            awaitDone([&](auto done) { service.chooseBank(QStringLiteral("bnk_demo"), done); }));
        QCOMPARE(service.step(), OnboardingStep::ContactDetails);

        TestWallet w;
        w.phone = ServicesFixture::randomPhone();
        // Local checks first: nothing is sent for a bad e-mail.
        ServiceError badEmail = awaitDone([&](auto done) {
            service.submitContactDetails(w.fullName, w.phone, QStringLiteral("no-at.example"), done);
        });
        QCOMPARE(badEmail.kind, ServiceErrorKind::Validation);
        QCOMPARE(badEmail.code, QStringLiteral("invalid_email"));
        QCOMPARE(badEmail.field, QStringLiteral("email"));
        QCOMPARE(service.step(), OnboardingStep::ContactDetails);
        QVERIFY(fx.lastCode(w.phone).isEmpty());

        VERIFY_SERVICE_OK(
            awaitDone([&](auto done) { service.submitContactDetails(w.fullName, w.phone, w.email, done); }));
        QCOMPARE(service.step(), OnboardingStep::PhoneCode);
        QVERIFY(service.state().enrollmentId.startsWith(QLatin1String("enr_")));
        QVERIFY(service.state().phoneMasked.contains(QLatin1String("****")));
        QVERIFY(service.state().codeResendAfter.isValid());

        // Too soon for another code: the gateway's 429 with its wait.
        ServiceError tooSoon = awaitDone([&](auto done) { service.resendCode(done); });
        QVERIFY2(tooSoon.is(u"otp_resend_too_soon"), qPrintable(tooSoon.summary()));
        QVERIFY(tooSoon.gateway.retryAfterSecs.value_or(0) > 0);

        const QString code = fx.lastCode(w.phone);
        QCOMPARE(code.size(), 6);
        const QString wrong =
            code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        ServiceError badCode = awaitDone([&](auto done) { service.verifyCode(wrong, done); });
        QVERIFY2(badCode.is(u"otp_invalid"), qPrintable(badCode.summary()));
        QCOMPARE(badCode.gateway.attemptsRemaining, std::optional<int>(4));
        QVERIFY(badCode.userMessage().contains(QLatin1Char('4')));
        QCOMPARE(service.step(), OnboardingStep::PhoneCode);
        VERIFY_SERVICE_OK(awaitDone([&](auto done) { service.verifyCode(code, done); }));
        QCOMPARE(service.step(), OnboardingStep::Identity);

        // Identity: a wrong check character is refused locally, then the real one is verified (tier 3).
        IdentityInput identity;
        identity.documentNumber = ServicesFixture::residentId(w.birthDate);
        identity.documentNumber[17] =
            identity.documentNumber[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        identity.dateOfBirth = w.birthDate;
        auto badId = awaitResult<KycOutcome>([&](auto done) { service.submitIdentity(identity, done); });
        QVERIFY(!badId.ok());
        QCOMPARE(badId.error().code, QStringLiteral("invalid_document_number"));
        identity.documentNumber = ServicesFixture::residentId(w.birthDate);
        auto kyc = awaitResult<KycOutcome>([&](auto done) { service.submitIdentity(identity, done); });
        VERIFY_RESULT_OK(kyc);
        QCOMPARE(kyc->result, KycResult::Verified);
        QCOMPARE(service.step(), OnboardingStep::Credentials);
        QCOMPARE(service.state().kycResult, QStringLiteral("verified"));
        QCOMPARE(service.state().tier, 3);

        // Credentials: weak PIN and a password containing the name are refused locally.
        ServiceError weakPin = awaitDone([&](auto done) {
            service.submitCredentials(w.password, QStringLiteral("123456"), QStringLiteral("Test desktop"),
                                      done);
        });
        QCOMPARE(weakPin.code, QStringLiteral("weak_pin"));
        QCOMPARE(weakPin.field, QStringLiteral("pin"));
        // The birth date as DDMMYY (the identity step's date of birth is known to the PIN policy).
        ServiceError birthPin = awaitDone([&](auto done) {
            service.submitCredentials(w.password, w.birthDate.toString(QStringLiteral("ddMMyy")),
                                      QStringLiteral("Test desktop"), done);
        });
        QCOMPARE(birthPin.code, QStringLiteral("weak_pin"));
        QCOMPARE(birthPin.validation.reason, bw::core::ValidationReason::BirthDate);
        ServiceError namePassword = awaitDone([&](auto done) {
            service.submitCredentials(QStringLiteral("xx-LiLei-2024!"), w.pin, QStringLiteral("Test desktop"),
                                      done);
        });
        QCOMPARE(namePassword.code, QStringLiteral("weak_password"));
        QCOMPARE(namePassword.validation.reason, bw::core::ValidationReason::ContainsName);
        QCOMPARE(service.step(), OnboardingStep::Credentials);

        QSignalSpy signedIn(&fx.context(), &ServiceContext::signedIn);
        VERIFY_SERVICE_OK(awaitDone([&](auto done) {
            service.submitCredentials(w.password, w.pin, QStringLiteral("Test desktop"), done);
        }));
        QCOMPARE(service.step(), OnboardingStep::TwoFactor);
        QVERIFY(service.state().walletId.startsWith(QLatin1String("wal_")));
        QVERIFY(!service.state().signInRequired);
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(fx.context().isSignedIn());
        QCOMPARE(fx.context().walletId(), service.state().walletId);
        w.walletId = service.state().walletId;

        // The device credential is in the keychain: a fresh store loads it.
        {
            bw::gateway::DeviceCredentialStore store(
                &fx.context().secretStore(),
                fx.keyPrefix() + bw::gateway::DeviceCredentialStore::defaultKeyName());
            auto loaded = awaitGateway<std::optional<bw::gateway::DeviceCredentials>>(
                [&](auto done) { store.load(done); });
            QVERIFY2(loaded.ok(), qPrintable(loaded.error().summary()));
            QVERIFY(loaded->has_value());
            QCOMPARE((*loaded)->walletId, w.walletId);
            QCOMPARE((*loaded)->deviceSecret.size(), 32);
        }

        // Two-factor with an authenticator app: the secret shown once, a code computed from it.
        auto totp = awaitResult<bw::gateway::TotpEnrollment>([&](auto done) { service.startTotp(done); });
        VERIFY_RESULT_OK(totp);
        QVERIFY(
            QByteArray(totp->otpauthUri.constData(), totp->otpauthUri.size()).startsWith("otpauth://totp/"));
        auto secret = bw::crypto::base32Decode(
            QString::fromLatin1(totp->secretBase32.constData(), totp->secretBase32.size()));
        QVERIFY(secret.ok());
        w.totpSecret = secret.value();
        ServiceError badTotp = awaitDone([&](auto done) {
            const QString good = fx.totpAt(w.totpSecret);
            service.confirmTotp(
                good == QLatin1String("999999") ? QStringLiteral("000000") : QStringLiteral("999999"), done);
        });
        QVERIFY(badTotp.isError());
        QCOMPARE(service.step(), OnboardingStep::TwoFactor);
        VERIFY_SERVICE_OK(awaitDone([&](auto done) { service.confirmTotp(fx.unusedTotp(w), done); }));
        QCOMPARE(service.step(), OnboardingStep::PaymentMethod);
        QVERIFY(service.state().totpEnabled);

        // First card: a bad number is refused locally; the UnionPay debit card links and raises the tier.
        auto refused = awaitResult<bw::gateway::PaymentMethod>([&](auto done) {
            service.addCard({QStringLiteral("6212345678901233"), 12, QDate::currentDate().year() + 2,
                             QStringLiteral("123"), w.fullName},
                            done);
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("invalid_card_number"));
        QCOMPARE(refused.error().field, QStringLiteral("number"));
        auto card = awaitResult<bw::gateway::PaymentMethod>([&](auto done) {
            service.addCard({QStringLiteral("6212 3456 7890 1232"), 12, QDate::currentDate().year() + 2,
                             QStringLiteral("123"), w.fullName},
                            done);
        });
        VERIFY_RESULT_OK(card);
        QCOMPARE(card->last4, QStringLiteral("1232"));
        QCOMPARE(service.step(), OnboardingStep::Done);
        QCOMPARE(service.state().tier, 2);

        // Each step was announced once, in order.
        QList<OnboardingStep> seen;
        for (const auto &args : steps)
            seen << args.at(0).value<OnboardingStep>();
        const QList<OnboardingStep> expected{OnboardingStep::ContactDetails,
                                             OnboardingStep::PhoneCode,
                                             OnboardingStep::Identity,
                                             OnboardingStep::Credentials,
                                             OnboardingStep::TwoFactor,
                                             OnboardingStep::PaymentMethod,
                                             OnboardingStep::Done};
        QCOMPARE(seen, expected);

        // The profile is cached with the contact details sealed; no secret and no plaintext phone on disk.
        auto profile = runOnDatabase<bw::storage::Result<std::optional<bw::storage::ProfileRow>>>(
            fx.context().database(),
            [](bw::storage::WalletDatabase &db) { return bw::storage::ProfileStore(db).get(); });
        QVERIFY(profile && profile->ok() && profile->value().has_value());
        QCOMPARE(profile->value()->walletId, w.walletId);
        QCOMPARE(profile->value()->phone, w.phone);
        QCOMPARE(profile->value()->fullName, w.fullName);
        QCOMPARE(profile->value()->tier, 2);
        const QByteArray disk = allBytesUnder(fx.dataDir());
        QVERIFY(!disk.isEmpty());
        for (const QString &needle :
             {w.password, w.pin, w.phone, w.phone.mid(3), w.email, identity.documentNumber,
              QString::fromLatin1(w.totpSecret.toBase64())}) {
            QVERIFY2(!disk.contains(needle.toUtf8()),
                     qPrintable(QStringLiteral("found on disk: ") + needle.left(3)));
        }
        QVERIFY(!disk.contains(w.totpSecret));
    }

    // The service (and later the whole context) is destroyed midway; a new one continues at the same step.
    void resumeAfterRestart()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        w.phone = ServicesFixture::randomPhone();
        QString enrollmentId;
        {
            OnboardingService first(fx.context());
            VERIFY_RESULT_OK(resumeService(first));
            VERIFY_SERVICE_OK(
                awaitDone([&](auto done) { first.chooseBank(QStringLiteral("bnk_demo"), done); }));
            VERIFY_SERVICE_OK(awaitDone(
                [&](auto done) { first.submitContactDetails(w.fullName, w.phone, w.email, done); }));
            enrollmentId = first.state().enrollmentId;
        } // "the app closes" while the code is on its way

        {
            OnboardingService second(fx.context());
            auto resumed = resumeService(second);
            VERIFY_RESULT_OK(resumed);
            QCOMPARE(resumed->step, OnboardingStep::PhoneCode);
            QCOMPARE(resumed->enrollmentId, enrollmentId);
            QCOMPARE(resumed->bankId, QStringLiteral("bnk_demo"));
            QVERIFY(resumed->phoneMasked.contains(QLatin1String("****")));
            VERIFY_SERVICE_OK(awaitDone([&](auto done) { second.verifyCode(fx.lastCode(w.phone), done); }));
            VERIFY_SERVICE_OK(awaitDone([&](auto done) { second.skipIdentity(done); }));
            QCOMPARE(second.step(), OnboardingStep::Credentials);
        }

        // A full restart: new context (new worker, keychain read again) on the same data folder.
        fx.recreateContext();
        {
            OnboardingService third(fx.context());
            auto resumed = resumeService(third);
            VERIFY_RESULT_OK(resumed);
            QCOMPARE(resumed->step, OnboardingStep::Credentials);
            QVERIFY(resumed->identitySkipped);
            // The sealed contact details came back: the password policy still knows the name and phone.
            ServiceError phoneDigits = awaitDone([&](auto done) {
                third.submitCredentials(QStringLiteral("Pw-") + w.phone.right(8) + QStringLiteral("-x"),
                                        w.pin, QString(), done);
            });
            QCOMPARE(phoneDigits.code, QStringLiteral("weak_password"));
            QCOMPARE(phoneDigits.validation.reason, bw::core::ValidationReason::ContainsPhoneDigits);
            VERIFY_SERVICE_OK(
                awaitDone([&](auto done) { third.submitCredentials(w.password, w.pin, QString(), done); }));
            QCOMPARE(third.step(), OnboardingStep::TwoFactor);
            QCOMPARE(third.state().tier, 4);
            w.walletId = third.state().walletId;
        }

        // Restart again at TwoFactor: the token was memory only, so sign-in comes first.
        fx.recreateContext();
        {
            OnboardingService fourth(fx.context());
            auto resumed = resumeService(fourth);
            VERIFY_RESULT_OK(resumed);
            QCOMPARE(resumed->step, OnboardingStep::TwoFactor);
            QVERIFY(resumed->signInRequired);
            QCOMPARE(resumed->walletId, w.walletId);
            auto early = awaitResult<bw::gateway::TotpEnrollment>([&](auto done) { fourth.startTotp(done); });
            QCOMPARE(early.error().code, QStringLiteral("sign_in_required"));

            SessionService session(fx.context());
            VERIFY_SERVICE_OK(awaitDone([&](auto done) { session.signIn(w.password, done); }));
            QVERIFY(!fourth.state().signInRequired);
            VERIFY_SERVICE_OK(awaitDone([&](auto done) { fourth.useSmsTwoFactor(done); }));
            VERIFY_SERVICE_OK(awaitDone([&](auto done) { fourth.skipPaymentMethod(done); }));
            QCOMPARE(fourth.step(), OnboardingStep::Done);
        }
        {
            OnboardingService fifth(fx.context());
            auto resumed = resumeService(fifth);
            VERIFY_RESULT_OK(resumed);
            QCOMPARE(resumed->step, OnboardingStep::Done);
            QCOMPARE(resumed->walletId, w.walletId);
        }
        // The onboarding copy of the contact details is gone once the profile holds them.
        auto contact = runOnDatabase<bw::storage::Result<std::optional<QString>>>(
            fx.context().database(), [](bw::storage::WalletDatabase &db) {
                return bw::storage::WalletSettingsStore(db).value(QStringLiteral("onboarding.contact"));
            });
        QVERIFY(contact && contact->ok());
        QVERIFY(!contact->value().has_value());
    }

    // After five wrong codes the enrollment is dead: back to the contact details, a new one can start.
    void codeAttemptsExceeded()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        OnboardingService service(fx.context());
        VERIFY_RESULT_OK(resumeService(service));
        VERIFY_SERVICE_OK(
            awaitDone([&](auto done) { service.chooseBank(QStringLiteral("bnk_demo"), done); }));
        const QString phone = ServicesFixture::randomPhone();
        VERIFY_SERVICE_OK(awaitDone([&](auto done) {
            service.submitContactDetails(QStringLiteral("Han Meimei"), phone, QStringLiteral("h@example.cn"),
                                         done);
        }));
        const QString code = fx.lastCode(phone);
        const QString wrong =
            code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        for (int i = 0; i < 5; ++i)
            QVERIFY(awaitDone([&](auto done) { service.verifyCode(wrong, done); }).is(u"otp_invalid"));
        ServiceError dead = awaitDone([&](auto done) { service.verifyCode(code, done); });
        QVERIFY2(dead.is(u"otp_attempts_exceeded"), qPrintable(dead.summary()));
        QCOMPARE(service.step(), OnboardingStep::ContactDetails);
        QVERIFY(service.state().enrollmentId.isEmpty());
        QCOMPARE(service.state().bankId, QStringLiteral("bnk_demo"));
    }
};

QTEST_GUILESS_MAIN(OnboardingTest)
#include "test_services_onboarding.moc"
