// SessionService against the real stub and keychain: sign-in, wrong passwords with the attempts left, the
// lockout after the fifth with the time it ends, lock/unlock, auto-lock after the idle time (and activity
// that postpones it), the gateway ending the session, sign-out, and "forgot password" clearing the lockout.
#include "services_test_support.h"

#include "services/session_service.h"

#include <QSignalSpy>

using namespace bw::services;
using namespace bw::services::test;

namespace {

const QString kWrong = QStringLiteral("Wrong-Password-1234");

ServiceError signIn(SessionService &session, const QString &password)
{
    return awaitDone([&](auto done) { session.signIn(password, std::move(done)); });
}

} // namespace

class SessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<bw::services::LockReason>();
        qRegisterMetaType<bw::services::SessionState>();
    }

    void noWalletYet()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        SessionService session(fx.context());
        auto state = awaitResult<SessionState>([&](auto done) { session.start(std::move(done)); });
        VERIFY_RESULT_OK(state);
        QCOMPARE(state.value(), SessionState::NoWallet);
        ServiceError refused = signIn(session, QStringLiteral("whatever-password"));
        QCOMPARE(refused.code, QStringLiteral("no_wallet"));
        QVERIFY(!refused.userMessage().isEmpty());
    }

    void wrongPasswordsLockoutAndReset()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w, {.signIn = false}), qPrintable(fx.error()));
        fx.recreateContext(); // a fresh start of the app: the credential comes from the keychain
        SessionService session(fx.context());
        auto state = awaitResult<SessionState>([&](auto done) { session.start(std::move(done)); });
        VERIFY_RESULT_OK(state);
        QCOMPARE(state.value(), SessionState::SignedOut);
        QCOMPARE(fx.context().walletId(), w.walletId);

        QSignalSpy lockoutSpy(&session, &SessionService::lockoutChanged);
        for (int left = 4; left >= 1; --left) {
            ServiceError wrong = signIn(session, kWrong);
            QVERIFY2(wrong.is(u"invalid_credentials"), qPrintable(wrong.summary()));
            QCOMPARE(session.lockout().attemptsRemaining, std::optional<int>(left));
            QVERIFY(!session.lockout().locked);
            QVERIFY(wrong.userMessage().contains(QString::number(left)));
        }
        QCOMPARE(lockoutSpy.count(), 4);

        const QDateTime before = QDateTime::currentDateTimeUtc();
        ServiceError locked = signIn(session, kWrong);
        QVERIFY2(locked.is(u"account_locked"), qPrintable(locked.summary()));
        const Lockout lockout = session.lockout();
        QVERIFY(lockout.locked);
        QVERIFY(lockout.until.isValid());
        // 15 minutes from the fifth wrong password.
        QVERIFY2(lockout.until >= before.addSecs(14 * 60) && lockout.until <= before.addSecs(16 * 60),
                 qPrintable(lockout.until.toString(Qt::ISODate)));
        QVERIFY(lockout.secondsLeft() > 14 * 60);
        QCOMPARE(lockoutSpy.last().at(0).value<Lockout>(), lockout);

        // While locked even the right password is refused.
        ServiceError stillLocked = signIn(session, w.password);
        QVERIFY2(stillLocked.is(u"account_locked"), qPrintable(stillLocked.summary()));
        QCOMPARE(fx.context().sessionState(), SessionState::SignedOut);

        // Forgot password: phone + identity document → SMS code → new password; that clears the lock.
        QSignalSpy resetSteps(&session, &SessionService::passwordResetStepChanged);
        ServiceError early =
            awaitDone([&](auto done) { session.verifyPasswordResetCode(QStringLiteral("123456"), done); });
        QCOMPARE(early.code, QStringLiteral("wrong_state"));
        auto badPhone = awaitResult<bw::gateway::OtpInfo>(
            [&](auto done) { session.startPasswordReset(QStringLiteral("12345"), w.documentNumber, done); });
        QCOMPARE(badPhone.error().code, QStringLiteral("invalid_phone"));
        auto started = awaitResult<bw::gateway::OtpInfo>(
            [&](auto done) { session.startPasswordReset(w.phone, w.documentNumber, done); });
        VERIFY_RESULT_OK(started);
        QCOMPARE(session.passwordResetStep(), PasswordResetStep::CodeSent);
        const QString code = fx.lastCode(w.phone);
        QCOMPARE(code.size(), 6);
        VERIFY_SERVICE_OK(awaitDone([&](auto done) { session.verifyPasswordResetCode(code, done); }));
        QCOMPARE(session.passwordResetStep(), PasswordResetStep::Verified);

        // The policy runs locally first: the phone's digits are refused before anything is sent.
        ServiceError weak = awaitDone([&](auto done) {
            session.completePasswordReset(QStringLiteral("New-") + w.phone.right(8) + QStringLiteral("-pw"),
                                          done);
        });
        QCOMPARE(weak.code, QStringLiteral("weak_password"));
        QCOMPARE(session.passwordResetStep(), PasswordResetStep::Verified);

        const QString newPassword = QStringLiteral("Brand-New-Secret-77");
        VERIFY_SERVICE_OK(awaitDone([&](auto done) { session.completePasswordReset(newPassword, done); }));
        QCOMPARE(session.passwordResetStep(), PasswordResetStep::Done);
        QVERIFY(!session.lockout().locked);
        QCOMPARE(resetSteps.count(), 3);

        ServiceError old = signIn(session, w.password);
        QVERIFY2(old.is(u"invalid_credentials"), qPrintable(old.summary()));
        VERIFY_SERVICE_OK(signIn(session, newPassword));
        QVERIFY(fx.context().isSignedIn());
        QVERIFY(!session.lockout().locked);
        QCOMPARE(session.lockout().attemptsRemaining, std::nullopt);
    }

    void resetWithWrongDocument()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w, {.signIn = false}), qPrintable(fx.error()));
        SessionService session(fx.context());
        auto started = awaitResult<bw::gateway::OtpInfo>([&](auto done) {
            session.startPasswordReset(w.phone, ServicesFixture::residentId(QDate(1985, 6, 1)), done);
        });
        VERIFY_RESULT_OK(started);
        ServiceError mismatch =
            awaitDone([&](auto done) { session.verifyPasswordResetCode(fx.lastCode(w.phone), done); });
        QVERIFY2(mismatch.is(u"document_mismatch"), qPrintable(mismatch.summary()));
        QCOMPARE(session.passwordResetStep(), PasswordResetStep::CodeSent);
    }

    void lockUnlockIdleSignOut()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w, {.signIn = false}), qPrintable(fx.error()));
        SessionService session(fx.context());
        QSignalSpy signedIn(&fx.context(), &ServiceContext::signedIn);
        QSignalSpy locked(&fx.context(), &ServiceContext::locked);
        QSignalSpy signedOut(&fx.context(), &ServiceContext::signedOut);

        VERIFY_SERVICE_OK(signIn(session, w.password));
        QCOMPARE(session.state(), SessionState::SignedIn);
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(signedIn.at(0).at(0).toString(), w.walletId);
        QVERIFY(fx.context().gateway().hasAccessToken());

        // Lock: the token leaves memory; authenticated calls are refused by the client itself.
        session.lock();
        QCOMPARE(session.state(), SessionState::Locked);
        QCOMPARE(locked.count(), 1);
        QCOMPARE(locked.at(0).at(0).value<LockReason>(), LockReason::Manual);
        QVERIFY(!fx.context().gateway().hasAccessToken());
        auto refused =
            awaitGateway<bw::gateway::Wallet>([&](auto done) { fx.context().gateway().getWallet(done); });
        QCOMPARE(refused.error().code, QStringLiteral("no_session"));

        ServiceError wrong = signIn(session, kWrong);
        QVERIFY(wrong.is(u"invalid_credentials"));
        QCOMPARE(session.state(), SessionState::Locked);
        VERIFY_SERVICE_OK(awaitDone([&](auto done) { session.unlock(w.password, done); }));
        QCOMPARE(session.state(), SessionState::SignedIn);
        QCOMPARE(session.lockout().attemptsRemaining, std::nullopt);

        // Idle: activity keeps it open, silence locks it.
        QSignalSpy idle(&session, &SessionService::idleExpired);
        // 6 × 300 ms of activity outlasts the 1.5 s timeout, which only the restarts explain.
        session.setIdleTimeout(std::chrono::milliseconds(1500));
        session.noteActivity();
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(300);
            session.noteActivity();
        }
        QCOMPARE(idle.count(), 0);
        QCOMPARE(session.state(), SessionState::SignedIn);
        QVERIFY(idle.wait(5000));
        QCOMPARE(session.state(), SessionState::Locked);
        QCOMPARE(locked.last().at(0).value<LockReason>(), LockReason::Idle);
        QVERIFY(!fx.context().gateway().hasAccessToken());
        session.noteActivity(); // no effect while locked
        QCOMPARE(session.state(), SessionState::Locked);

        // The gateway ends the session (here: a token it does not know): the wallet locks.
        session.setIdleTimeout(std::chrono::minutes(5));
        VERIFY_SERVICE_OK(signIn(session, w.password));
        fx.context().gateway().setAccessToken(bw::crypto::SecretBytes::copyOf("not-a-live-token"));
        auto ended =
            awaitGateway<bw::gateway::Wallet>([&](auto done) { fx.context().gateway().getWallet(done); });
        QVERIFY(ended.error().is(u"session_invalid"));
        QCOMPARE(session.state(), SessionState::Locked);
        QCOMPARE(locked.last().at(0).value<LockReason>(), LockReason::SessionEnded);

        // Sign-out: the gateway is told, memory is cleared, the wallet stays known on this desktop.
        VERIFY_SERVICE_OK(signIn(session, w.password));
        VERIFY_SERVICE_OK(awaitDone([&](auto done) { session.signOut(done); }));
        QCOMPARE(session.state(), SessionState::SignedOut);
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(!fx.context().gateway().hasAccessToken());
        QVERIFY(fx.context().hasDeviceCredential());
        VERIFY_SERVICE_OK(signIn(session, w.password));
    }
};

QTEST_GUILESS_MAIN(SessionTest)
#include "test_services_session.moc"
