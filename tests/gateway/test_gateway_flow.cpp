// GatewayClient end to end against the real stub (EmbeddedGateway on 127.0.0.1, demo mode, real HTTP) and
// the real keychain (run under tools/with-keyring): every endpoint of the contract is called at least once,
// in the order a customer meets them — directory, enrollment with the demo outbox's SMS code, identity,
// credentials stored in the keychain by DeviceCredentialStore and loaded back, sign-in, TOTP, cards, top-up,
// a merchant payment with PIN and TOTP, a replay with the same Idempotency-Key, the feed, the ledger check,
// devices, PIN/password changes, password reset — and the error mapping the UI relies on.
#include "gateway_test_support.h"

#include "core/resident_id_validator.h"
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "gateway/device_credential_store.h"
#include "keychain/secret_store.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace bw::gateway;
using namespace bw::gateway::test;
using bw::core::Currency;
using bw::core::Money;

namespace {

const QString kPassword = QStringLiteral("Correct-Horse-Battery-42");
const QString kPin = QStringLiteral("370915");
const QString kFullName = QStringLiteral("Li Lei");

Money cny(qint64 minor)
{
    return Money(minor, *Currency::fromCode(u"CNY"));
}

QString residentId(const QDate &birth)
{
    const QString first17 =
        QStringLiteral("110105") + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("123");
    return first17 + bw::core::ResidentIdValidator::checkCharacter(first17);
}

} // namespace

class GatewayFlowTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStub> m_stub;
    std::unique_ptr<GatewayClient> m_client;
    std::unique_ptr<bw::keychain::SecretStore> m_secrets;
    QString m_keyName;
    QString m_phone;
    QString m_walletId;
    QString m_password = kPassword;
    QString m_pin = kPin;
    QByteArray m_totpSecret; // test only: the authenticator app's copy
    QString m_cardId;        // UnionPay debit
    QString m_creditCardId;  // Visa credit
    QString m_paymentId;
    QString m_quoteId;

    GatewayClient &client() { return *m_client; }

    // The newest code the demo outbox holds for `to`.
    QString lastCode(const QString &to)
    {
        auto box = await<QList<OutboxMessage>>([&](auto done) { client().devOutbox(to, done); });
        if (!box || box->isEmpty())
            return {};
        return box->first().code;
    }

    QString totpAt(qint64 offsetSecs)
    {
        return bw::crypto::totp(m_totpSecret, QDateTime::currentSecsSinceEpoch() + offsetSecs).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stub = std::make_unique<TestStub>();
        QVERIFY2(m_stub->port() != 0, qPrintable(m_stub->error()));
        m_client = std::make_unique<GatewayClient>();
        QVERIFY(!client().setBaseUrl(m_stub->url()).isError());
        m_secrets = std::make_unique<bw::keychain::SecretStore>();
        m_keyName = QStringLiteral("test-device-%1").arg(QRandomGenerator::system()->generate64(), 0, 16);
        m_phone = QStringLiteral("+86139%1").arg(QRandomGenerator::system()->bounded(10000000, 99999999));
    }

    void cleanupTestCase()
    {
        if (m_secrets) {
            DeviceCredentialStore store(m_secrets.get(), m_keyName);
            (void)await<NoContent>([&](auto done) { store.remove(done); });
        }
        m_client.reset();
        m_stub.reset();
    }

    void directory()
    {
        auto health = await<Health>([&](auto done) { client().health(done); });
        VERIFY_OK(health);
        QCOMPARE(health->status, QStringLiteral("ok"));

        auto banks = await<QList<Bank>>([&](auto done) { client().listBanks(done); });
        VERIFY_OK(banks);
        QVERIFY(std::any_of(banks->begin(), banks->end(), [](const Bank &b) {
            return b.id == QLatin1String("bnk_demo") && b.walletSupported;
        }));
        QVERIFY(std::any_of(banks->begin(), banks->end(), [](const Bank &b) { return !b.walletSupported; }));

        auto fees = await<FeeSchedule>([&](auto done) { client().listFees(done); });
        VERIFY_OK(fees);
        QVERIFY(std::any_of(fees->begin(), fees->end(), [](const FeeRule &f) {
            return f.kind == QLatin1String("top_up") && f.funding == Funding::Credit &&
                   f.rate == DecimalRate::parse(u"0.006").value();
        }));

        auto fx = await<FxRates>([&](auto done) { client().fxRates(done); });
        VERIFY_OK(fx);
        QCOMPARE(fx->base, QStringLiteral("CNY"));
        QVERIFY(fx->rates.contains(QStringLiteral("USD")));

        auto merchants = await<QList<Merchant>>([&](auto done) { client().listMerchants(QString(), done); });
        VERIFY_OK(merchants);
        QVERIFY(merchants->size() > 3);
        auto coffee = await<QList<Merchant>>(
            [&](auto done) { client().listMerchants(QStringLiteral("Lantern"), done); });
        VERIFY_OK(coffee);
        QVERIFY(!coffee->isEmpty());
        QCOMPARE(coffee->first().id, QStringLiteral("mer_lantern_coffee"));
        QCOMPARE(coffee->first().currency.code(), QStringLiteral("CNY"));
    }

    // Enrollment through the client, the device credential through the real keychain.
    void enrollAndStoreCredential()
    {
        EnrollmentRequest request{QStringLiteral("bnk_demo"), kFullName, m_phone,
                                  QStringLiteral("li.lei@example.com")};
        auto started = await<EnrollmentStart>([&](auto done) { client().createEnrollment(request, done); });
        VERIFY_OK(started);
        QVERIFY(started->enrollmentId.startsWith(QLatin1String("enr_")));
        QCOMPARE(started->otp.channel, QStringLiteral("sms"));
        QVERIFY(started->otp.expiresAt > QDateTime::currentDateTimeUtc());
        const QString enrollmentId = started->enrollmentId;

        // Same phone again before completion is fine for the stub; a bad e-mail is a field error.
        request.email = QStringLiteral("not an email");
        auto invalid = await<EnrollmentStart>([&](auto done) { client().createEnrollment(request, done); });
        VERIFY_API_ERROR(invalid, "invalid_email");
        QCOMPARE(invalid.error().httpStatus, 422);
        QCOMPARE(invalid.error().param, QStringLiteral("email"));
        QCOMPARE(invalid.error().attempts, 1);

        // 429 on a POST: reported with Retry-After, never retried.
        auto resent = await<OtpInfo>([&](auto done) { client().resendEnrollmentOtp(enrollmentId, done); });
        VERIFY_API_ERROR(resent, "otp_resend_too_soon");
        QCOMPARE(resent.error().httpStatus, 429);
        QVERIFY(resent.error().retryAfterSecs.value_or(0) > 0);
        QCOMPARE(resent.error().attempts, 1);
        QVERIFY(resent.error().userMessage().contains(QString::number(*resent.error().retryAfterSecs)));

        const QString code = lastCode(m_phone);
        QCOMPARE(code.size(), 6);
        const QString wrong =
            code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        auto bad = await<EnrollmentVerify>(
            [&](auto done) { client().verifyEnrollmentOtp(enrollmentId, wrong, done); });
        VERIFY_API_ERROR(bad, "otp_invalid");
        QCOMPARE(bad.error().attemptsRemaining, std::optional<int>(4));
        auto verified = await<EnrollmentVerify>(
            [&](auto done) { client().verifyEnrollmentOtp(enrollmentId, code, done); });
        VERIFY_OK(verified);
        QCOMPARE(verified->status, QStringLiteral("phone_verified"));

        IdentityRequest identity;
        identity.documentNumber = residentId(QDate(1990, 3, 7));
        identity.dateOfBirth = QDate(1990, 3, 7);
        auto kyc = await<EnrollmentIdentity>(
            [&](auto done) { client().submitIdentity(enrollmentId, identity, done); });
        VERIFY_OK(kyc);
        QCOMPARE(kyc->kyc.result, KycResult::Verified);
        QCOMPARE(kyc->kyc.tier, 3);

        EnrollmentCompleteRequest complete{m_password, QStringLiteral("123456"),
                                           QStringLiteral("Test desktop")};
        auto weak = await<EnrollmentCredentials>(
            [&](auto done) { client().completeEnrollment(enrollmentId, complete, done); });
        VERIFY_API_ERROR(weak, "weak_pin");
        QVERIFY(weak.error().userMessage() != genericApiErrorMessage());
        complete.paymentPin = m_pin;
        auto credentials = await<EnrollmentCredentials>(
            [&](auto done) { client().completeEnrollment(enrollmentId, complete, done); });
        VERIFY_OK(credentials);
        QCOMPARE(credentials->tier, 3);
        QCOMPARE(credentials->device.deviceSecret.size(), 32);
        QVERIFY(credentials->limits.perPayment.has_value());
        m_walletId = credentials->device.walletId;

        // Into the keychain, and back through a fresh store (as the next start of the app would).
        {
            DeviceCredentialStore store(m_secrets.get(), m_keyName);
            auto saved = await<NoContent>([&](auto done) { store.save(credentials.value().device, done); });
            VERIFY_OK(saved);
        }
        DeviceCredentialStore store(m_secrets.get(), m_keyName);
        auto loaded = await<std::optional<DeviceCredentials>>([&](auto done) { store.load(done); });
        VERIFY_OK(loaded);
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->walletId, m_walletId);
        QCOMPARE((*loaded)->deviceId, credentials->device.deviceId);
        QVERIFY((*loaded)->deviceSecret == credentials->device.deviceSecret);

        // Not signed yet: a signed call is refused by the client itself.
        auto unsigned_ = await<Session>([&](auto done) { client().createSession(m_password, done); });
        QCOMPARE(unsigned_.error().kind, ErrorKind::Configuration);
        QCOMPARE(unsigned_.error().code, QStringLiteral("no_device_credential"));

        client().setDeviceCredentials((*loaded)->deviceId, std::move((*loaded)->deviceSecret));
        QVERIFY(client().hasDeviceCredentials());

        // A missing entry loads as "none".
        DeviceCredentialStore missing(m_secrets.get(), m_keyName + QStringLiteral("-missing"));
        auto none = await<std::optional<DeviceCredentials>>([&](auto done) { missing.load(done); });
        VERIFY_OK(none);
        QVERIFY(!none->has_value());
    }

    void signIn()
    {
        auto wrong = await<Session>(
            [&](auto done) { client().createSession(QStringLiteral("wrong-password-1"), done); });
        VERIFY_API_ERROR(wrong, "invalid_credentials");
        QCOMPARE(wrong.error().attemptsRemaining, std::optional<int>(4));
        QVERIFY(wrong.error().userMessage().contains(QLatin1Char('4')));
        QVERIFY(!client().hasAccessToken());

        auto session = await<Session>([&](auto done) { client().createSession(m_password, done); });
        VERIFY_OK(session);
        QCOMPARE(session->walletId, m_walletId);
        QCOMPARE(session->expiresInSecs, 900);
        QCOMPARE(session->idleTimeoutSecs, 300);
        QVERIFY(!session->accessToken.isEmpty());
        QVERIFY(client().hasAccessToken());

        auto wallet = await<Wallet>([&](auto done) { client().getWallet(done); });
        VERIFY_OK(wallet);
        QCOMPARE(wallet->walletId, m_walletId);
        QCOMPARE(wallet->fullName, kFullName);
        QCOMPARE(wallet->tier, 3);
        QVERIFY(!wallet->totpEnabled);
        QVERIFY(!wallet->paymentsFrozen);

        auto devices = await<QList<Device>>([&](auto done) { client().listDevices(done); });
        VERIFY_OK(devices);
        QCOMPARE(devices->size(), 1);
        QVERIFY(devices->first().current);
        QCOMPARE(devices->first().id, client().deviceId());
    }

    void totp()
    {
        auto started = await<TotpEnrollment>([&](auto done) { client().startTotp(done); });
        VERIFY_OK(started);
        QVERIFY(QByteArray(started->otpauthUri.constData(), started->otpauthUri.size())
                    .startsWith("otpauth://totp/"));
        auto secret = bw::crypto::base32Decode(
            QString::fromLatin1(started->secretBase32.constData(), started->secretBase32.size()));
        QVERIFY(secret.ok());
        m_totpSecret = secret.value();
        auto confirmed = await<TotpStatus>([&](auto done) { client().confirmTotp(totpAt(0), done); });
        VERIFY_OK(confirmed);
        QVERIFY(confirmed->totpEnabled);
    }

    void paymentMethods()
    {
        CardRequest expired{QStringLiteral("4242424242424242"), 1, 2020, QStringLiteral("123"), kFullName};
        auto refused = await<PaymentMethod>([&](auto done) { client().addCard(expired, done); });
        VERIFY_API_ERROR(refused, "card_expired");

        CardRequest debit{QStringLiteral("6212345678901232"), 12, QDate::currentDate().year() + 3,
                          QStringLiteral("123"), kFullName};
        auto card = await<PaymentMethod>([&](auto done) { client().addCard(debit, done); });
        VERIFY_OK(card);
        QCOMPARE(card->type, PaymentMethodType::Card);
        QCOMPARE(card->brand, std::optional<CardBrand>(CardBrand::UnionPay));
        QCOMPARE(card->funding, std::optional<Funding>(Funding::Debit));
        QCOMPARE(card->last4, QStringLiteral("1232"));
        m_cardId = card->id;

        CardRequest visa{QStringLiteral("4242424242424242"), 11, QDate::currentDate().year() + 2,
                         QStringLiteral("321"), kFullName};
        auto credit = await<PaymentMethod>([&](auto done) { client().addCard(visa, done); });
        VERIFY_OK(credit);
        m_creditCardId = credit->id;

        BankAccountRequest account{
            QStringLiteral("bnk_demo"), QStringLiteral("6222020200112233"), {}, kFullName};
        auto linked = await<PaymentMethod>([&](auto done) { client().addBankAccount(account, done); });
        VERIFY_OK(linked);
        QCOMPARE(linked->type, PaymentMethodType::BankAccount);
        QCOMPARE(linked->bankId, QStringLiteral("bnk_demo"));

        auto made =
            await<PaymentMethod>([&](auto done) { client().setDefaultPaymentMethod(m_cardId, done); });
        VERIFY_OK(made);
        QVERIFY(made->isDefault);

        auto removed = await<NoContent>([&](auto done) { client().deletePaymentMethod(linked->id, done); });
        VERIFY_OK(removed);
        auto methods = await<QList<PaymentMethod>>([&](auto done) { client().listPaymentMethods(done); });
        VERIFY_OK(methods);
        QCOMPARE(methods->size(), 2);

        // A debit card raised the verified wallet to tier 2.
        auto wallet = await<Wallet>([&](auto done) { client().getWallet(done); });
        VERIFY_OK(wallet);
        QCOMPARE(wallet->tier, 2);
    }

    void topUpAndPay()
    {
        // Top up CNY 1,000.00 from the debit card (free).
        QuoteRequest topUp;
        topUp.kind = QuoteKind::TopUp;
        topUp.amount = cny(100000);
        topUp.source = m_cardId;
        auto topUpQuote = await<Quote>([&](auto done) { client().createQuote(topUp, done); });
        VERIFY_OK(topUpQuote);
        QCOMPARE(topUpQuote->credit, cny(100000));
        QVERIFY(topUpQuote->limits.ok);
        PaymentRequest topUpPay{topUpQuote->quoteId, m_pin, {}, {}};
        if (topUpQuote->requiresOtp()) {
            // The SMS code for this quote, from the demo outbox.
            auto sent =
                await<NoContent>([&](auto done) { client().sendQuoteOtp(topUpQuote->quoteId, done); });
            VERIFY_OK(sent);
            topUpPay.otp = lastCode(m_phone);
        }
        auto toppedUp = await<Payment>(
            [&](auto done) { client().createPayment(topUpPay, GatewayClient::newIdempotencyKey(), done); });
        VERIFY_OK(toppedUp);
        QCOMPARE(toppedUp->status, PaymentStatus::Succeeded);
        QVERIFY(!toppedUp->replayed);

        // Pay a domestic merchant CNY 12.34 from the balance: first payment to this payee → PIN + OTP.
        QuoteRequest pay;
        pay.kind = QuoteKind::Payment;
        pay.amount = cny(1234);
        pay.merchantId = QStringLiteral("mer_lantern_coffee");
        auto quote = await<Quote>([&](auto done) { client().createQuote(pay, done); });
        VERIFY_OK(quote);
        QVERIFY(quote->requiresOtp());
        QVERIFY(quote->requirements.contains(SecondFactor::Pin));
        QVERIFY(quote->expiresAt > QDateTime::currentDateTimeUtc());
        m_quoteId = quote->quoteId;

        // One Idempotency-Key for this user action, reused for every retry.
        const QString key = GatewayClient::newIdempotencyKey();
        QVERIFY(key.size() >= 16);
        QVERIFY(key != GatewayClient::newIdempotencyKey());

        // A wrong PIN: Api/pin_invalid with attempts_remaining and a translated, specific message.
        const QString wrongPin = QStringLiteral("111222");
        auto wrong = await<Payment>([&](auto done) {
            client().createPayment({quote->quoteId, wrongPin, totpAt(30), {}},
                                   GatewayClient::newIdempotencyKey(), done);
        });
        VERIFY_API_ERROR(wrong, "pin_invalid");
        QCOMPARE(wrong.error().kind, ErrorKind::Api);
        QCOMPARE(wrong.error().httpStatus, 401);
        QCOMPARE(wrong.error().type, QStringLiteral("authentication_error"));
        QCOMPARE(wrong.error().attemptsRemaining, std::optional<int>(4));
        const QString message = wrong.error().userMessage();
        QVERIFY(message.startsWith(contractCodeMessage(QStringLiteral("pin_invalid"))));
        QVERIFY2(message.contains(QLatin1Char('4')), qPrintable(message));
        QVERIFY(!message.contains(wrong.error().serverMessage) || wrong.error().serverMessage.isEmpty());

        // Right PIN and a TOTP code (a wrong PIN does not use up the OTP: the same code works).
        const PaymentRequest request{quote->quoteId, m_pin, totpAt(30), QStringLiteral("coffee")};
        auto paid = await<Payment>([&](auto done) { client().createPayment(request, key, done); });
        VERIFY_OK(paid);
        QCOMPARE(paid->status, PaymentStatus::Succeeded);
        QCOMPARE(paid->credit, cny(1234));
        QCOMPARE(paid->debit, cny(1234));
        QCOMPARE(paid->counterparty.id, QStringLiteral("mer_lantern_coffee"));
        QCOMPARE(paid->note, QStringLiteral("coffee"));
        QVERIFY(!paid->receiptNo.isEmpty());
        QVERIFY(!paid->replayed);
        QCOMPARE(paid->quoteId, quote->quoteId);
        m_paymentId = paid->id;

        // The same action again (a retry after a lost answer): the same payment, marked as a replay.
        bool replayedFlag = false;
        auto replay =
            await<Payment>([&](auto done) { client().createPayment(request, key, done, &replayedFlag); });
        VERIFY_OK(replay);
        QCOMPARE(replay->id, m_paymentId);
        QCOMPARE(replay->receiptNo, paid->receiptNo);
        QVERIFY(replay->replayed);
        QVERIFY(replayedFlag);

        // The same key with another body is refused.
        auto reused = await<Payment>([&](auto done) {
            client().createPayment({quote->quoteId, m_pin, totpAt(30), QStringLiteral("tea")}, key, done);
        });
        VERIFY_API_ERROR(reused, "idempotency_key_reused");
        QCOMPARE(reused.error().type, QStringLiteral("idempotency_error"));

        // A new key for the used quote: quote_used.
        auto used = await<Payment>(
            [&](auto done) { client().createPayment(request, GatewayClient::newIdempotencyKey(), done); });
        VERIFY_API_ERROR(used, "quote_used");

        // An empty key is never sent.
        auto noKey = await<Payment>([&](auto done) { client().createPayment(request, QString(), done); });
        QCOMPARE(noKey.error().kind, ErrorKind::Configuration);

        auto fetched = await<Payment>([&](auto done) { client().getPayment(m_paymentId, done); });
        VERIFY_OK(fetched);
        QCOMPARE(fetched->id, m_paymentId);
        QCOMPARE(fetched->status, PaymentStatus::Succeeded);
        QVERIFY(!fetched->replayed);
    }

    void feedAndLedger()
    {
        auto first =
            await<TransactionPage>([&](auto done) { client().listTransactions(QString(), 1, done); });
        VERIFY_OK(first);
        QCOMPARE(first->data.size(), 1);
        QVERIFY(first->hasMore);
        QVERIFY(!first->nextCursor.isEmpty());
        auto rest = await<TransactionPage>(
            [&](auto done) { client().listTransactions(first->nextCursor, 1000, done); });
        VERIFY_OK(rest);
        QVERIFY(!rest->hasMore);
        QList<Transaction> all = first->data + rest->data;
        const auto entry = std::find_if(all.begin(), all.end(),
                                        [this](const Transaction &t) { return t.paymentId == m_paymentId; });
        QVERIFY(entry != all.end());
        QCOMPARE(entry->amount, cny(-1234));
        QCOMPARE(entry->balanceAfter, cny(100000 - 1234));
        QCOMPARE(entry->status, PaymentStatus::Succeeded);
        // Feed entries gain "quote_id" with the lead's stub change; until then the field is absent
        // (optional).
        if (entry->quoteId.isEmpty())
            qWarning("the stub's feed entries carry no quote_id yet");
        else
            QCOMPARE(entry->quoteId, m_quoteId);
        // Polling from the last cursor: nothing new.
        auto again =
            await<TransactionPage>([&](auto done) { client().listTransactions(rest->nextCursor, 0, done); });
        VERIFY_OK(again);
        QVERIFY(again->data.isEmpty());

        auto ledger = await<LedgerCheck>([&](auto done) { client().devLedgerCheck(done); });
        VERIFY_OK(ledger);
        QVERIFY(ledger->balanced);
        QCOMPARE(ledger->sum, 0);
        QVERIFY(ledger->entries > 0);
    }

    // GET /v1/payments?quote_id=… (the lead's addition for reconciliation).
    void findPaymentByQuote()
    {
        auto found =
            await<std::optional<Payment>>([&](auto done) { client().findPaymentByQuote(m_quoteId, done); });
        VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, m_paymentId);
        QCOMPARE((*found)->quoteId, m_quoteId);
        // A quote that became no payment.
        QuoteRequest pay;
        pay.kind = QuoteKind::Payment;
        pay.amount = cny(100);
        pay.merchantId = QStringLiteral("mer_lantern_coffee");
        auto unused = await<Quote>([&](auto done) { client().createQuote(pay, done); });
        VERIFY_OK(unused);
        auto none = await<std::optional<Payment>>(
            [&](auto done) { client().findPaymentByQuote(unused->quoteId, done); });
        VERIFY_OK(none);
        QVERIFY(!none->has_value());
    }

    void staffActions()
    {
        auto incoming = await<Payment>([&](auto done) {
            client().devIncoming(m_walletId, cny(5000), QStringLiteral("Ivan Petrovich Sidorow"), done);
        });
        VERIFY_OK(incoming);
        QCOMPARE(incoming->status, PaymentStatus::PendingReview);
        auto approved = await<Payment>(
            [&](auto done) { client().devDecideReview(incoming->id, ReviewDecision::Approve, done); });
        VERIFY_OK(approved);
        QCOMPARE(approved->status, PaymentStatus::Succeeded);
        auto twice = await<Payment>(
            [&](auto done) { client().devDecideReview(incoming->id, ReviewDecision::Reject, done); });
        VERIFY_API_ERROR(twice, "review_not_pending");
        QVERIFY(twice.error().userMessage() != genericApiErrorMessage());

        auto tier = await<DevTierResult>([&](auto done) { client().devSetTier(m_walletId, 1, done); });
        VERIFY_OK(tier);
        QCOMPARE(tier->tier, 1);
        auto wallet = await<Wallet>([&](auto done) { client().getWallet(done); });
        VERIFY_OK(wallet);
        QCOMPARE(wallet->tier, 1);
        QVERIFY(!wallet->limits.perPayment.has_value()); // tier 1: no limits
    }

    void securitySettings()
    {
        // PIN change with an SMS code.
        auto asked = await<NoContent>(
            [&](auto done) { client().requestWalletOtp(WalletOtpPurpose::PinChange, done); });
        VERIFY_OK(asked);
        const QString newPin = QStringLiteral("482916");
        auto changed = await<NoContent>(
            [&](auto done) { client().changePin(m_password, newPin, lastCode(m_phone), done); });
        VERIFY_OK(changed);
        m_pin = newPin;

        const QString newPassword = QStringLiteral("Another-Long-Passphrase-77");
        auto wrongPassword = await<NoContent>(
            [&](auto done) { client().changePassword(QStringLiteral("nope-nope-nope"), newPassword, done); });
        QVERIFY(!wrongPassword.ok());
        auto passwordChanged =
            await<NoContent>([&](auto done) { client().changePassword(m_password, newPassword, done); });
        VERIFY_OK(passwordChanged);
        m_password = newPassword;

        // Turn TOTP off with an SMS code.
        auto asked2 = await<NoContent>(
            [&](auto done) { client().requestWalletOtp(WalletOtpPurpose::TotpDisable, done); });
        VERIFY_OK(asked2);
        auto disabled = await<NoContent>([&](auto done) { client().disableTotp(lastCode(m_phone), done); });
        VERIFY_OK(disabled);
        auto wallet = await<Wallet>([&](auto done) { client().getWallet(done); });
        VERIFY_OK(wallet);
        QVERIFY(!wallet->totpEnabled);
    }

    void secondDevice()
    {
        auto otp = await<NoContent>([&](auto done) { client().requestDeviceOtp(m_phone, done); });
        VERIFY_OK(otp);
        AddDeviceRequest add{m_phone, m_password, lastCode(m_phone), QStringLiteral("Laptop")};
        auto added = await<DeviceCredentials>([&](auto done) { client().addDevice(add, done); });
        VERIFY_OK(added);
        QCOMPARE(added->walletId, m_walletId);
        QVERIFY(added->deviceId != client().deviceId());
        QCOMPARE(added->deviceSecret.size(), 32);

        auto devices = await<QList<Device>>([&](auto done) { client().listDevices(done); });
        VERIFY_OK(devices);
        QCOMPARE(devices->size(), 2);
        auto revoked = await<NoContent>([&](auto done) { client().revokeDevice(added->deviceId, done); });
        VERIFY_OK(revoked);

        // The revoked device's signatures are refused: a second client signing with it.
        GatewayClient other;
        QVERIFY(!other.setBaseUrl(m_stub->url()).isError());
        other.setDeviceCredentials(added->deviceId, added->deviceSecret.clone());
        auto refused = await<Session>([&](auto done) { other.createSession(m_password, done); });
        VERIFY_API_ERROR(refused, "device_unknown");
        QVERIFY(refused.error().userMessage() != genericApiErrorMessage());
    }

    void signOutAndPasswordReset()
    {
        auto ended = await<NoContent>([&](auto done) { client().endSession(done); });
        VERIFY_OK(ended);
        QVERIFY(!client().hasAccessToken());
        auto after = await<Wallet>([&](auto done) { client().getWallet(done); });
        QCOMPARE(after.error().kind, ErrorKind::Configuration);
        QCOMPARE(after.error().code, QStringLiteral("no_session"));

        // A token the gateway no longer knows: 401 session_invalid drops it and says so.
        client().setAccessToken(bw::crypto::SecretBytes::copyOf("stale-token"));
        QSignalSpy ended2(&client(), &GatewayClient::sessionEnded);
        auto stale = await<Wallet>([&](auto done) { client().getWallet(done); });
        VERIFY_API_ERROR(stale, "session_invalid");
        QCOMPARE(ended2.count(), 1);
        QVERIFY(!client().hasAccessToken());

        auto reset = await<PasswordReset>(
            [&](auto done) { client().createPasswordReset(m_phone, residentId(QDate(1990, 3, 7)), done); });
        VERIFY_OK(reset);
        QVERIFY(reset->resetId.startsWith(QLatin1String("rst_")));
        auto tooSoon =
            await<OtpInfo>([&](auto done) { client().resendPasswordResetOtp(reset->resetId, done); });
        VERIFY_API_ERROR(tooSoon, "otp_resend_too_soon");
        auto verified = await<EnrollmentVerify>(
            [&](auto done) { client().verifyPasswordReset(reset->resetId, lastCode(m_phone), done); });
        VERIFY_OK(verified);
        const QString newPassword = QStringLiteral("Third-Password-For-Li-99");
        auto completed = await<NoContent>(
            [&](auto done) { client().completePasswordReset(reset->resetId, newPassword, done); });
        VERIFY_OK(completed);
        auto session = await<Session>([&](auto done) { client().createSession(newPassword, done); });
        VERIFY_OK(session);
    }

    // Last: the demo reset clears the wallet (its device becomes unknown).
    void demoReset()
    {
        auto reset = await<NoContent>([&](auto done) { client().devReset(done); });
        VERIFY_OK(reset);
        auto gone = await<Wallet>([&](auto done) { client().getWallet(done); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::Api);
    }
};

QTEST_GUILESS_MAIN(GatewayFlowTest)
#include "test_gateway_flow.moc"
