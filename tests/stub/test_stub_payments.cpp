// Quotes and payments over real HTTP (label "stub"): gateway-api.md "Quotes and payments" with the rules of
// DESIGN.md. Every test starts its own server (StubTestClient: ManualClock, temporary database), so moving
// time in one test (quote expiry, days, months) cannot disturb another.
//
// Covered: quotes of every kind (fees, FX lines and half-even rounding, requires, warnings for each tier,
// limit and balance case, frozen payments, travel rule) and their 422s; every payment error in the check
// order, each proven with a request that has two faults; idempotency (replay with the header, stored errors,
// different body, missing and over-long keys, per-wallet scope, in-progress with two concurrent requests
// under --latency-ms); PIN lockout freezing payments and a PIN change unfreezing them; the second factor by
// SMS (quote OTP, cooldown, wrong codes, a wrong PIN not using the code up) and by TOTP (once per step);
// known payees; the test cards (declines leave no payment and no feed entry; incorrect_cvc_once);
// top-up fees and the tier-4 card rule; the monthly withdrawal allowance across an Asia/Shanghai month
// boundary; structuring across two calendar days and its review; sanctions on transfer recipients (match →
// rejected, similar → held, approved → the recipient's incoming entry); large-value flags; GET
// /v1/payments/{id}; and a randomized run of 2,000+ mixed operations across several wallets with failures,
// ending with a balanced, reconciled ledger and every wallet's balance equal to its feed's last
// balance_after.
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "stub_test_client.h"

#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <map>
#include <random>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

const QString kInvalid = QStringLiteral("invalid_request_error");
const QString kAuthn = QStringLiteral("authentication_error");
const QString kAuthz = QStringLiteral("authorization_error");
const QString kLimit = QStringLiteral("limit_error");
const QString kCard = QStringLiteral("card_error");
const QString kIdem = QStringLiteral("idempotency_error");
const QString kCnMerchant = QStringLiteral("mer_lantern_coffee");
const QString kCnMerchant2 = QStringLiteral("mer_fresh_field_market");
const QString kUsMerchant = QStringLiteral("mer_bluebird_coffee_sf"); // USD, rate 0.1412
const QString kHkMerchant = QStringLiteral("mer_harbour_beans");      // HKD, rate 1.1014
const QString kJpMerchant = QStringLiteral("mer_morning_cup_tokyo");  // JPY, rate 21.18

#define EXPECT_STATUS(reply, expected)                                                                       \
    do {                                                                                                     \
        const Reply reply_ = (reply);                                                                        \
        QVERIFY2(reply_.status == (expected), qPrintable(reply_.summary()));                                 \
    } while (false)

QJsonObject money(qint64 amount, const QString &currency = QStringLiteral("CNY"))
{
    return {{QStringLiteral("amount"), amount}, {QStringLiteral("currency"), currency}};
}

qint64 amountOf(const QJsonValue &value)
{
    return qint64(value.toObject().value(QStringLiteral("amount")).toDouble());
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QJsonObject merchantDest(const QString &id)
{
    return {{QStringLiteral("merchant_id"), id}};
}

} // namespace

class TestStubPayments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StubTestClient> m_client;
    int m_keys = 0;

    StubTestClient &c() { return *m_client; }

    bool startServer(const StubTestOptions &options = {})
    {
        m_client = std::make_unique<StubTestClient>();
        return m_client->start(options);
    }

    TestWallet wallet(bool identity = true, const QString &name = QStringLiteral("Li Lei"))
    {
        TestWallet w = c().enrollWallet(identity, name);
        if (w.walletId.isEmpty() || !c().signIn(w))
            qFatal("cannot enrol: %s", qPrintable(c().lastError()));
        return w;
    }
    void setTier(TestWallet &w, int tier)
    {
        const Reply reply = c().post(QStringLiteral("/v1/dev/wallets/%1/tier").arg(w.walletId),
                                     {{QStringLiteral("tier"), tier}});
        if (reply.status != 200)
            qFatal("tier: %s", qPrintable(reply.summary()));
        w.tier = tier;
    }
    void fund(const TestWallet &w, qint64 amount)
    {
        const Reply reply = c().post(QStringLiteral("/v1/dev/wallets/%1/incoming").arg(w.walletId),
                                     {{QStringLiteral("amount"), money(amount)},
                                      {QStringLiteral("from_name"), QStringLiteral("Zhang Wei")}});
        if (reply.status != 201 ||
            reply.json.value(QStringLiteral("status")).toString() != QLatin1String("succeeded"))
            qFatal("fund: %s", qPrintable(reply.summary()));
    }
    QString addCard(const TestWallet &w, const QString &number)
    {
        const Reply reply = c().sendAuthed(w, "POST", QStringLiteral("/v1/payment-methods"),
                                           QJsonObject{{QStringLiteral("type"), QStringLiteral("card")},
                                                       {QStringLiteral("number"), number},
                                                       {QStringLiteral("exp_month"), 12},
                                                       {QStringLiteral("exp_year"), 2031},
                                                       {QStringLiteral("cvc"), QStringLiteral("123")},
                                                       {QStringLiteral("holder_name"), w.fullName}});
        if (reply.status != 201)
            qFatal("card: %s", qPrintable(reply.summary()));
        return reply.json.value(QStringLiteral("id")).toString();
    }
    QString addAccount(const TestWallet &w)
    {
        const Reply reply =
            c().sendAuthed(w, "POST", QStringLiteral("/v1/payment-methods"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("bank_account")},
                                       {QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                                       {QStringLiteral("account_number"), QStringLiteral("6222020200112233")},
                                       {QStringLiteral("holder_name"), w.fullName}});
        if (reply.status != 201)
            qFatal("account: %s", qPrintable(reply.summary()));
        return reply.json.value(QStringLiteral("id")).toString();
    }
    Reply quote(const TestWallet &w, const QString &kind, const QJsonObject &amount, const QString &source,
                const QJsonValue &destination = QJsonValue::Undefined)
    {
        QJsonObject body{{QStringLiteral("kind"), kind},
                         {QStringLiteral("amount"), amount},
                         {QStringLiteral("source"), source}};
        if (!destination.isUndefined())
            body.insert(QStringLiteral("destination"), destination);
        return c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes"), body);
    }
    Reply payRaw(const TestWallet &w, const QByteArray &key, const QJsonObject &body)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + w.token.toLatin1()}};
        if (!key.isNull())
            headers.append({"Idempotency-Key", key});
        return c().sendSigned(w, "POST", QStringLiteral("/v1/payments"),
                              QJsonDocument(body).toJson(QJsonDocument::Compact), {}, headers);
    }
    QByteArray newKey() { return "key-" + QByteArray::number(++m_keys); }
    Reply pay(const TestWallet &w, const QString &quoteId, const QString &pin, const QString &otp = {})
    {
        QJsonObject body{{QStringLiteral("quote_id"), quoteId}, {QStringLiteral("pin"), pin}};
        if (!otp.isEmpty())
            body.insert(QStringLiteral("otp"), otp);
        return payRaw(w, newKey(), body);
    }
    // An SMS code for the quote, read from the demo outbox.
    QString smsCode(const TestWallet &w, const QString &quoteId)
    {
        const Reply reply = c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(quoteId));
        if (reply.status != 202)
            qFatal("quote otp: %s", qPrintable(reply.summary()));
        return c().lastCode(w.phone);
    }
    // Quote and pay, with an SMS code when the quote asks for one. The payment reply.
    Reply quoteAndPay(const TestWallet &w, const QString &kind, const QJsonObject &amount,
                      const QString &source, const QJsonValue &destination = QJsonValue::Undefined)
    {
        const Reply q = quote(w, kind, amount, source, destination);
        if (q.status != 201)
            return q;
        const QString id = q.json.value(QStringLiteral("quote_id")).toString();
        const bool otp = strings(q.json.value(QStringLiteral("requires"))).contains(QStringLiteral("otp"));
        return pay(w, id, w.pin, otp ? smsCode(w, id) : QString());
    }
    std::pair<qint64, qint64> balances(const TestWallet &w)
    {
        const Reply reply = c().sendAuthed(w, "GET", QStringLiteral("/v1/wallet"));
        if (reply.status != 200)
            qFatal("wallet: %s", qPrintable(reply.summary()));
        const QJsonObject cny = reply.json.value(QStringLiteral("balances")).toArray().first().toObject();
        return {amountOf(cny.value(QStringLiteral("available"))),
                amountOf(cny.value(QStringLiteral("pending")))};
    }
    QJsonArray feed(const TestWallet &w)
    {
        QJsonArray all;
        QString cursor;
        for (;;) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("after"), cursor);
            const Reply reply = c().sendAuthed(
                w, "GET", QStringLiteral("/v1/transactions?") + query.toString(QUrl::FullyEncoded));
            if (reply.status != 200)
                qFatal("feed: %s", qPrintable(reply.summary()));
            for (const QJsonValue &entry : reply.json.value(QStringLiteral("data")).toArray())
                all.append(entry);
            cursor = reply.json.value(QStringLiteral("next_cursor")).toString();
            if (!reply.json.value(QStringLiteral("has_more")).toBool())
                return all;
        }
    }
    QJsonObject ledgerCheck()
    {
        const Reply reply = c().get(QStringLiteral("/v1/dev/ledger/check"));
        if (reply.status != 200)
            qFatal("ledger check: %s", qPrintable(reply.summary()));
        return reply.json;
    }
    void verifyLedger()
    {
        const QJsonObject check = ledgerCheck();
        QVERIFY2(check.value(QStringLiteral("balanced")).toBool(), QJsonDocument(check).toJson().constData());
        QVERIFY2(check.value(QStringLiteral("reconciled")).toBool(),
                 QJsonDocument(check).toJson().constData());
    }
    // Enables TOTP and returns the secret.
    QByteArray enableTotp(const TestWallet &w)
    {
        const Reply started = c().sendAuthed(w, "POST", QStringLiteral("/v1/wallet/totp"));
        if (started.status != 200)
            qFatal("totp: %s", qPrintable(started.summary()));
        const QByteArray secret =
            bw::crypto::base32Decode(started.json.value(QStringLiteral("secret_base32")).toString()).value();
        const Reply confirmed = c().sendAuthed(w, "POST", QStringLiteral("/v1/wallet/totp/confirm"),
                                               QJsonObject{{QStringLiteral("code"), totpNow(secret)}});
        if (confirmed.status != 200)
            qFatal("totp confirm: %s", qPrintable(confirmed.summary()));
        c().clock->advance(30); // the confirm code's step is used
        return secret;
    }
    QString totpNow(const QByteArray &secret)
    {
        return bw::crypto::totp(secret, c().clock->nowSecs()).value();
    }
    // Moves the server clock and signs in again (sessions end after 15 minutes).
    void moveTo(const QDateTime &utc, std::initializer_list<TestWallet *> wallets)
    {
        c().clock->set(utc);
        for (TestWallet *w : wallets)
            if (!c().signIn(*w))
                qFatal("sign-in: %s", qPrintable(c().lastError()));
    }

private Q_SLOTS:
    void init() { QVERIFY2(startServer(), qPrintable(m_client->lastError())); }
    void cleanup() { m_client.reset(); }

    // --- quotes -----------------------------------------------------------------------------------------
    void domesticPaymentQuote()
    {
        TestWallet w = wallet();
        fund(w, 50'000);
        const Reply q = quote(w, QStringLiteral("payment"), money(1234), QStringLiteral("balance"),
                              merchantDest(kCnMerchant));
        EXPECT_STATUS(q, 201);
        QVERIFY(q.json.value(QStringLiteral("quote_id")).toString().startsWith(QLatin1String("quo_")));
        QCOMPARE(q.json.value(QStringLiteral("expires_at")).toString(),
                 QStringLiteral("2025-03-01T09:01:00Z"));
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(1234));
        QCOMPARE(q.json.value(QStringLiteral("credit")).toObject(), money(1234));
        QVERIFY(q.json.value(QStringLiteral("fees")).toArray().isEmpty());
        QVERIFY(!q.json.contains(QStringLiteral("fx_rate")));
        // A payee never paid before: OTP.
        QCOMPARE(strings(q.json.value(QStringLiteral("requires"))), (QStringList{"pin", "otp"}));
        const QJsonObject limits = q.json.value(QStringLiteral("limits")).toObject();
        QCOMPARE(limits.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(limits.value(QStringLiteral("remaining_today")).toObject(), money(1'000'000)); // tier 3
        QVERIFY(q.json.value(QStringLiteral("warnings")).toArray().isEmpty());

        // Paid once with the SMS code: the payee is known, a small payment then needs only the PIN.
        const QString id = q.json.value(QStringLiteral("quote_id")).toString();
        const Reply paid = pay(w, id, w.pin, smsCode(w, id));
        EXPECT_STATUS(paid, 201);
        QCOMPARE(paid.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        const Reply again = quote(w, QStringLiteral("payment"), money(500), QStringLiteral("balance"),
                                  merchantDest(kCnMerchant));
        QCOMPARE(strings(again.json.value(QStringLiteral("requires"))), QStringList{"pin"});
        QCOMPARE(again.json.value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("remaining_today"))
                     .toObject(),
                 money(1'000'000 - 1234));
        // Above CNY 1,000.00: OTP again, even for a known payee (exactly 1,000.00 is not above).
        QCOMPARE(strings(quote(w, QStringLiteral("payment"), money(100'000), QStringLiteral("balance"),
                               merchantDest(kCnMerchant))
                             .json.value(QStringLiteral("requires"))),
                 QStringList{"pin"});
        QCOMPARE(strings(quote(w, QStringLiteral("payment"), money(100'001), QStringLiteral("balance"),
                               merchantDest(kCnMerchant))
                             .json.value(QStringLiteral("requires"))),
                 (QStringList{"pin", "otp"}));
        // Another merchant is a new payee.
        QCOMPARE(strings(quote(w, QStringLiteral("payment"), money(500), QStringLiteral("balance"),
                               merchantDest(kCnMerchant2))
                             .json.value(QStringLiteral("requires"))),
                 (QStringList{"pin", "otp"}));
    }

    void crossBorderQuoteFxAndRounding()
    {
        TestWallet w = wallet();
        fund(w, 100'000);
        // USD 10.00 at 0.1412: principal = 10.00 / 0.1412 = 70.8215… → CNY 70.82; fx_margin 1 % = 0.7082 →
        // 0.71; cross_border 0.5 % = 0.3541 → 0.35; debit 71.88.
        Reply q = quote(w, QStringLiteral("payment"), money(1000, QStringLiteral("USD")),
                        QStringLiteral("balance"), merchantDest(kUsMerchant));
        EXPECT_STATUS(q, 201);
        QCOMPARE(q.json.value(QStringLiteral("fx_rate")).toString(), QStringLiteral("0.1412"));
        QCOMPARE(q.json.value(QStringLiteral("credit")).toObject(), money(1000, QStringLiteral("USD")));
        QCOMPARE(q.json.value(QStringLiteral("principal")).toObject(), money(7082));
        const QJsonArray fees = q.json.value(QStringLiteral("fees")).toArray();
        QCOMPARE(fees.size(), 2);
        QCOMPARE(fees.at(0).toObject(), (QJsonObject{{QStringLiteral("kind"), QStringLiteral("fx_margin")},
                                                     {QStringLiteral("amount"), money(71)}}));
        QCOMPARE(fees.at(1).toObject(), (QJsonObject{{QStringLiteral("kind"), QStringLiteral("cross_border")},
                                                     {QStringLiteral("amount"), money(35)}}));
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(7188));
        QCOMPARE(strings(q.json.value(QStringLiteral("requires"))),
                 (QStringList{"pin", "otp"})); // cross-border

        // Half-even on exact halves: HKD 1.65 / 1.1014 = 1.4981… → CNY 1.50; 1 % = 1.5 fen → 2 (even);
        // 0.5 % = 0.75 fen → 1.
        q = quote(w, QStringLiteral("payment"), money(165, QStringLiteral("HKD")), QStringLiteral("balance"),
                  merchantDest(kHkMerchant));
        QCOMPARE(q.json.value(QStringLiteral("principal")).toObject(), money(150));
        QCOMPARE(amountOf(q.json.value(QStringLiteral("fees"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("amount"))),
                 2);
        QCOMPARE(amountOf(q.json.value(QStringLiteral("fees"))
                              .toArray()
                              .at(1)
                              .toObject()
                              .value(QStringLiteral("amount"))),
                 1);
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(153));
        // HKD 2.75 / 1.1014 = 2.4968… → CNY 2.50: 1 % = 2.5 fen → 2 (half to even), 0.5 % = 1.25 → 1.
        q = quote(w, QStringLiteral("payment"), money(275, QStringLiteral("HKD")), QStringLiteral("balance"),
                  merchantDest(kHkMerchant));
        QCOMPARE(q.json.value(QStringLiteral("principal")).toObject(), money(250));
        QCOMPARE(amountOf(q.json.value(QStringLiteral("fees"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("amount"))),
                 2);
        // JPY (no minor unit): JPY 1 / 21.18 = CNY 0.047… → 0.05; both lines shown even at 0.
        q = quote(w, QStringLiteral("payment"), money(1, QStringLiteral("JPY")), QStringLiteral("balance"),
                  merchantDest(kJpMerchant));
        QCOMPARE(q.json.value(QStringLiteral("principal")).toObject(), money(5));
        QCOMPARE(q.json.value(QStringLiteral("fees")).toArray().size(), 2);
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(5));

        // Paying it moves the money through the FX account; the ledger stays balanced per currency.
        const Reply paid = quoteAndPay(w, QStringLiteral("payment"), money(1000, QStringLiteral("USD")),
                                       QStringLiteral("balance"), merchantDest(kUsMerchant));
        EXPECT_STATUS(paid, 201);
        QCOMPARE(paid.json.value(QStringLiteral("fx_rate")).toString(), QStringLiteral("0.1412"));
        QCOMPARE(paid.json.value(QStringLiteral("debit")).toObject(), money(7188));
        QCOMPARE(balances(w).first, 100'000 - 7188);
        QVERIFY(!paid.json.contains(QStringLiteral("travel_rule"))); // under USD 1,000
        verifyLedger();
    }

    void quoteInputErrors()
    {
        TestWallet w = wallet();
        TestWallet other = wallet();
        const QString card = addCard(w, QStringLiteral("4242424242424242"));
        const QString account = addAccount(w);
        const QString othersCard = addCard(other, QStringLiteral("4242424242424242"));
        const QString payment = QStringLiteral("payment");
        const QString bal = QStringLiteral("balance");
        EXPECT_ERROR(quote(w, QStringLiteral("gift"), money(1), bal, merchantDest(kCnMerchant)), 422,
                     kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("kind"));
        EXPECT_ERROR(c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes"),
                                    QJsonObject{{QStringLiteral("kind"), payment}}),
                     400, kInvalid, QStringLiteral("parameter_missing"), QStringLiteral("amount"));
        EXPECT_ERROR(quote(w, payment,
                           QJsonObject{{QStringLiteral("amount"), 1.5},
                                       {QStringLiteral("currency"), QStringLiteral("CNY")}},
                           bal, merchantDest(kCnMerchant)),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("amount.amount"));
        EXPECT_ERROR(quote(w, payment, money(0), bal, merchantDest(kCnMerchant)), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("amount.amount"));
        EXPECT_ERROR(quote(w, payment, money(-5), bal, merchantDest(kCnMerchant)), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("amount.amount"));
        // A currency the payee does not take.
        EXPECT_ERROR(quote(w, payment, money(100, QStringLiteral("USD")), bal, merchantDest(kCnMerchant)),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("amount.currency"));
        EXPECT_ERROR(quote(w, QStringLiteral("top_up"), money(100, QStringLiteral("USD")), card), 422,
                     kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("amount.currency"));
        // Unknown payee and methods.
        EXPECT_ERROR(quote(w, payment, money(100), bal, merchantDest(QStringLiteral("mer_nowhere"))), 422,
                     kInvalid, QStringLiteral("parameter_invalid"),
                     QStringLiteral("destination.merchant_id"));
        EXPECT_ERROR(quote(w, payment, money(100), QStringLiteral("pm_unknown"), merchantDest(kCnMerchant)),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("source"));
        EXPECT_ERROR(quote(w, payment, money(100), othersCard, merchantDest(kCnMerchant)), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("source"));
        EXPECT_ERROR(quote(w, payment, money(100), QStringLiteral("wallet"), merchantDest(kCnMerchant)), 422,
                     kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("source"));
        // Wrong kind of source or destination.
        EXPECT_ERROR(quote(w, payment, money(100), account, merchantDest(kCnMerchant)), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("source"));
        EXPECT_ERROR(quote(w, payment, money(100), bal, QJsonObject{{QStringLiteral("phone"), other.phone}}),
                     400, kInvalid, QStringLiteral("parameter_missing"),
                     QStringLiteral("destination.merchant_id"));
        EXPECT_ERROR(quote(w, payment, money(100), bal,
                           QJsonObject{{QStringLiteral("merchant_id"), kCnMerchant},
                                       {QStringLiteral("phone"), other.phone}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("destination"));
        EXPECT_ERROR(quote(w, payment, money(100), bal, QStringLiteral("mer_x")), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("destination"));
        EXPECT_ERROR(quote(w, payment, money(100), bal), 400, kInvalid, QStringLiteral("parameter_missing"),
                     QStringLiteral("destination"));
        const QString transfer = QStringLiteral("transfer");
        EXPECT_ERROR(
            quote(w, transfer, money(100), card, QJsonObject{{QStringLiteral("phone"), other.phone}}), 422,
            kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("source"));
        EXPECT_ERROR(quote(w, transfer, money(100), bal,
                           QJsonObject{{QStringLiteral("phone"), QStringLiteral("12ab")}}),
                     422, kInvalid, QStringLiteral("invalid_phone"), QStringLiteral("destination.phone"));
        EXPECT_ERROR(quote(w, transfer, money(100), bal,
                           QJsonObject{{QStringLiteral("phone"), QStringLiteral("+8613900000999")}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("destination.phone"));
        EXPECT_ERROR(quote(w, transfer, money(100), bal, QJsonObject{{QStringLiteral("phone"), w.phone}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("destination.phone"));
        const QString topUp = QStringLiteral("top_up");
        EXPECT_ERROR(quote(w, topUp, money(100), bal), 422, kInvalid, QStringLiteral("parameter_invalid"),
                     QStringLiteral("source"));
        EXPECT_ERROR(quote(w, topUp, money(100), card, merchantDest(kCnMerchant)), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("destination"));
        const QString withdrawal = QStringLiteral("withdrawal");
        EXPECT_ERROR(
            quote(w, withdrawal, money(100), bal, QJsonObject{{QStringLiteral("payment_method_id"), card}}),
            422, kInvalid, QStringLiteral("parameter_invalid"),
            QStringLiteral("destination.payment_method_id"));
        EXPECT_ERROR(quote(w, withdrawal, money(100), account,
                           QJsonObject{{QStringLiteral("payment_method_id"), account}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("source"));
        // The spelled-out phone of another wallet works, in any accepted form.
        const QString spaced = other.phone.left(3) + QLatin1Char(' ') + other.phone.mid(3, 3) +
                               QLatin1Char('-') + other.phone.mid(6);
        EXPECT_STATUS(quote(w, transfer, money(100), bal, QJsonObject{{QStringLiteral("phone"), spaced}}),
                      201);
    }

    void quoteWarnings()
    {
        TestWallet w = wallet(); // tier 3: per payment 5,000, daily 10,000, cap 20,000
        fund(w, 100'000);
        const QString bal = QStringLiteral("balance");
        const QString payment = QStringLiteral("payment");
        auto limitsOf = [](const Reply &r) { return r.json.value(QStringLiteral("limits")).toObject(); };
        // Over the balance only.
        Reply q = quote(w, payment, money(100'001), bal, merchantDest(kCnMerchant));
        EXPECT_STATUS(q, 201);
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))), QStringList{"balance_insufficient"});
        QCOMPARE(limitsOf(q).value(QStringLiteral("ok")).toBool(), false);
        // Over the per-payment limit and the balance: both, limit first.
        q = quote(w, payment, money(500'001), bal, merchantDest(kCnMerchant));
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))),
                 (QStringList{"limit_exceeded", "balance_insufficient"}));
        QCOMPARE(limitsOf(q).value(QStringLiteral("limit")).toString(), QStringLiteral("per_payment"));
        // Exactly at the limit is fine (from a card: the balance does not matter).
        const QString card = addCard(w, QStringLiteral("4242424242424242"));
        q = quote(w, payment, money(500'000), card, merchantDest(kCnMerchant));
        QVERIFY(q.json.value(QStringLiteral("warnings")).toArray().isEmpty());
        QCOMPARE(limitsOf(q).value(QStringLiteral("ok")).toBool(), true);
        // Top-up over the balance cap (20,000.00 with 1,000.00 in the wallet).
        q = quote(w, QStringLiteral("top_up"), money(1'900'001), card);
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))), QStringList{"limit_exceeded"});
        QCOMPARE(limitsOf(q).value(QStringLiteral("limit")).toString(), QStringLiteral("balance_cap"));
        q = quote(w, QStringLiteral("top_up"), money(1'900'000), card);
        QVERIFY(q.json.value(QStringLiteral("warnings")).toArray().isEmpty());
        // Withdrawal: the balance only, no limit.
        const QString account = addAccount(w); // a bank account in the holder's name: tier 2 now
        q = quote(w, QStringLiteral("withdrawal"), money(100'001), bal,
                  QJsonObject{{QStringLiteral("payment_method_id"), account}});
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))), QStringList{"balance_insufficient"});

        // Tier 4: no transfers, no top-up from a card (from an account is fine); travel rule without
        // identity.
        TestWallet anon = wallet(false);
        fund(anon, 100'000);
        const QString anonCard = addCard(anon, QStringLiteral("4242424242424242"));
        const QString anonAccount = addAccount(anon);
        q = quote(anon, QStringLiteral("transfer"), money(100), bal,
                  QJsonObject{{QStringLiteral("phone"), w.phone}});
        EXPECT_STATUS(q, 201);
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))), QStringList{"tier_not_allowed"});
        QCOMPARE(limitsOf(q).value(QStringLiteral("ok")).toBool(), true); // not a limit or the balance
        QCOMPARE(strings(quote(anon, QStringLiteral("top_up"), money(100), anonCard)
                             .json.value(QStringLiteral("warnings"))),
                 QStringList{"tier_not_allowed"});
        QVERIFY(quote(anon, QStringLiteral("top_up"), money(100), anonAccount)
                    .json.value(QStringLiteral("warnings"))
                    .toArray()
                    .isEmpty());
        q = quote(anon, payment, money(100'000, QStringLiteral("USD")), bal, merchantDest(kUsMerchant));
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))),
                 (QStringList{"limit_exceeded", "balance_insufficient", "travel_rule_incomplete"}));
        QCOMPARE(q.json.value(QStringLiteral("travel_rule")).toBool(), true);
        QCOMPARE(limitsOf(q).value(QStringLiteral("remaining_today")).toObject(), money(500'000));
        // Tier 1: no limits → remaining_today null.
        setTier(anon, 1);
        q = quote(anon, payment, money(100), bal, merchantDest(kCnMerchant));
        QVERIFY(limitsOf(q).value(QStringLiteral("remaining_today")).isNull());
    }

    // --- payments: the check order ----------------------------------------------------------------------
    void paymentCheckOrder()
    {
        TestWallet w = wallet(); // tier 3
        fund(w, 200'000);
        const QString bal = QStringLiteral("balance");
        const QString payment = QStringLiteral("payment");
        auto newQuote = [&](qint64 amount, const QJsonObject &dest = merchantDest(kCnMerchant),
                            const QString &source = QStringLiteral("balance")) {
            const Reply q = quote(w, payment, money(amount), source, dest);
            if (q.status != 201)
                qFatal("quote: %s", qPrintable(q.summary()));
            return q.json.value(QStringLiteral("quote_id")).toString();
        };
        const QString wrongPin = QStringLiteral("111111");

        // 1. Key and body before anything: no key + unknown quote → 400.
        EXPECT_ERROR(
            payRaw(w, QByteArray(),
                   {{QStringLiteral("quote_id"), QStringLiteral("quo_x")}, {QStringLiteral("pin"), w.pin}}),
            400, kInvalid, QStringLiteral("idempotency_key_missing"), QStringLiteral("Idempotency-Key"));
        EXPECT_ERROR(
            payRaw(w, "",
                   {{QStringLiteral("quote_id"), QStringLiteral("quo_x")}, {QStringLiteral("pin"), w.pin}}),
            400, kInvalid, QStringLiteral("idempotency_key_missing"), QStringLiteral("Idempotency-Key"));
        EXPECT_ERROR(
            payRaw(w, QByteArray(256, 'k'),
                   {{QStringLiteral("quote_id"), QStringLiteral("quo_x")}, {QStringLiteral("pin"), w.pin}}),
            400, kInvalid, QStringLiteral("idempotency_key_invalid"), QStringLiteral("Idempotency-Key"));
        EXPECT_ERROR(payRaw(w, newKey(), {{QStringLiteral("pin"), w.pin}}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("quote_id"));
        EXPECT_ERROR(payRaw(w, newKey(), {{QStringLiteral("quote_id"), 7}, {QStringLiteral("pin"), w.pin}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("quote_id"));
        EXPECT_ERROR(payRaw(w, newKey(),
                            {{QStringLiteral("quote_id"), QStringLiteral("quo_x")},
                             {QStringLiteral("pin"), w.pin},
                             {QStringLiteral("note"), QString(501, QLatin1Char('n'))}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("note"));
        // A 255-character key is fine (the unknown quote is then the answer).
        EXPECT_ERROR(
            payRaw(w, QByteArray(255, 'k'),
                   {{QStringLiteral("quote_id"), QStringLiteral("quo_x")}, {QStringLiteral("pin"), w.pin}}),
            404, kInvalid, QStringLiteral("resource_missing"), QStringLiteral("quote_id"));

        // 2. Quote before PIN: an expired quote with a wrong PIN → quote_expired (and no PIN try counted).
        QString expired = newQuote(100);
        c().clock->advance(60);
        EXPECT_ERROR(pay(w, expired, wrongPin), 409, kInvalid, QStringLiteral("quote_expired"),
                     QStringLiteral("quote_id"));
        // Another wallet's quote is unknown.
        TestWallet other = wallet();
        const Reply othersQuote = quote(other, payment, money(100), bal, merchantDest(kCnMerchant));
        EXPECT_ERROR(pay(w, othersQuote.json.value(QStringLiteral("quote_id")).toString(), w.pin), 404,
                     kInvalid, QStringLiteral("resource_missing"), QStringLiteral("quote_id"));

        // 3. PIN before OTP: wrong PIN and no OTP → pin_invalid (4 left: the expired quote counted nothing).
        QString id = newQuote(100);
        Reply r = pay(w, id, wrongPin);
        EXPECT_ERROR(r, 401, kAuthn, QStringLiteral("pin_invalid"));
        QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), 4);
        // 4. OTP before limits: right PIN, no OTP, over the per-payment limit → otp_required.
        const QString big = newQuote(500'001);
        EXPECT_ERROR(pay(w, big, w.pin), 401, kAuthn, QStringLiteral("otp_required"));
        // A wrong SMS code → otp_invalid with attempts_remaining.
        const QString code = smsCode(w, big);
        r = pay(w, big, w.pin,
                code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000"));
        EXPECT_ERROR(r, 401, kAuthn, QStringLiteral("otp_invalid"));
        QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), 4);
        // 5. Limits before balance: over the per-payment limit and the balance → limit_exceeded
        // (per_payment).
        r = pay(w, big, w.pin, code);
        EXPECT_ERROR(r, 403, kLimit, QStringLiteral("limit_exceeded"));
        QCOMPARE(r.error().value(QStringLiteral("limit")).toString(), QStringLiteral("per_payment"));
        // The failed payment did not use the code up: still valid for the next try (a new key).
        r = pay(w, big, w.pin, code);
        EXPECT_ERROR(r, 403, kLimit, QStringLiteral("limit_exceeded"));
        // 6. Tier before limits: a tier-4 wallet's transfer over its per-payment limit → tier_not_allowed.
        TestWallet anon = wallet(false);
        fund(anon, 1'000'000);
        const Reply t = quote(anon, QStringLiteral("transfer"), money(300'000), bal,
                              QJsonObject{{QStringLiteral("phone"), w.phone}});
        const QString tid = t.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(anon, tid, anon.pin, smsCode(anon, tid)), 403, kAuthz,
                     QStringLiteral("tier_not_allowed"));
        // 7. Balance before the travel rule: tier 1 without identity, empty wallet, USD 1,000 → balance
        // first…
        TestWallet poor = wallet(false);
        setTier(poor, 1);
        Reply x = quote(poor, payment, money(100'000, QStringLiteral("USD")), bal, merchantDest(kUsMerchant));
        QString xid = x.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(poor, xid, poor.pin, smsCode(poor, xid)), 403, kLimit,
                     QStringLiteral("balance_insufficient"));
        // … then, with the money, the travel rule.
        fund(poor, 1'000'000);
        x = quote(poor, payment, money(100'000, QStringLiteral("USD")), bal, merchantDest(kUsMerchant));
        xid = x.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(poor, xid, poor.pin, smsCode(poor, xid)), 403, kAuthz,
                     QStringLiteral("travel_rule_incomplete"));
        // 8. Travel rule before the card: from a declining card → still travel_rule_incomplete.
        const QString declining = addCard(poor, QStringLiteral("4000000000000002"));
        x = quote(poor, payment, money(100'000, QStringLiteral("USD")), declining, merchantDest(kUsMerchant));
        xid = x.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(poor, xid, poor.pin, smsCode(poor, xid)), 403, kAuthz,
                     QStringLiteral("travel_rule_incomplete"));
        // And under USD 1,000 the card answers.
        x = quote(poor, payment, money(1000, QStringLiteral("USD")), declining, merchantDest(kUsMerchant));
        xid = x.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(poor, xid, poor.pin, smsCode(poor, xid)), 402, kCard,
                     QStringLiteral("card_declined"));

        // A used quote: 409 quote_used (before the PIN: a wrong PIN is not counted).
        id = newQuote(100);
        const QString sms = smsCode(w, id);
        EXPECT_STATUS(pay(w, id, w.pin, sms), 201);
        EXPECT_ERROR(pay(w, id, wrongPin, sms), 409, kInvalid, QStringLiteral("quote_used"),
                     QStringLiteral("quote_id"));
        // The right PIN above cleared the count: a wrong one now has 4 left again.
        r = pay(w, newQuote(100), wrongPin);
        QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), 4);
        // Daily limit: 1.00 + 4,000 + 4,000 paid; 1,999.01 more is over 10,000 (the per-payment limit is
        // not).
        fund(w, 1'300'000); // within the tier-3 cap of 20,000
        id = newQuote(400'000);
        EXPECT_STATUS(pay(w, id, w.pin, smsCode(w, id)), 201);
        id = newQuote(400'000);
        EXPECT_STATUS(pay(w, id, w.pin, smsCode(w, id)), 201);
        id = newQuote(200'000 - 100 + 1);
        r = pay(w, id, w.pin, smsCode(w, id));
        EXPECT_ERROR(r, 403, kLimit, QStringLiteral("limit_exceeded"));
        QCOMPARE(r.error().value(QStringLiteral("limit")).toString(), QStringLiteral("daily"));
        verifyLedger();
    }

    void quoteOtpEndpoint()
    {
        TestWallet w = wallet();
        TestWallet other = wallet();
        fund(w, 10'000);
        const Reply q = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                              merchantDest(kCnMerchant));
        const QString id = q.json.value(QStringLiteral("quote_id")).toString();
        Reply sent = c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(id));
        EXPECT_STATUS(sent, 202);
        QCOMPARE(
            sent.json.value(QStringLiteral("otp")).toObject().value(QStringLiteral("channel")).toString(),
            QStringLiteral("sms"));
        const QString first = c().lastCode(w.phone);
        QCOMPARE(first.size(), 6);
        Reply again = c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(id));
        EXPECT_ERROR(again, 429, QStringLiteral("rate_limit_error"), QStringLiteral("otp_resend_too_soon"));
        QVERIFY(!again.header("retry-after").isEmpty());
        EXPECT_ERROR(c().sendAuthed(other, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(id)), 404,
                     kInvalid, QStringLiteral("resource_missing"), QStringLiteral("id"));
        EXPECT_ERROR(c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes/quo_nope/otp")), 404, kInvalid,
                     QStringLiteral("resource_missing"), QStringLiteral("id"));
        // A wrong PIN does not use up the code: the right PIN with the same code then succeeds.
        EXPECT_ERROR(pay(w, id, QStringLiteral("111111"), first), 401, kAuthn, QStringLiteral("pin_invalid"));
        EXPECT_STATUS(pay(w, id, w.pin, first), 201);
        EXPECT_ERROR(c().sendAuthed(w, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(id)), 409, kInvalid,
                     QStringLiteral("quote_used"));
        const Reply late = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                                 merchantDest(kCnMerchant2));
        c().clock->advance(61);
        QVERIFY(c().signIn(w));
        EXPECT_ERROR(c().sendAuthed(w, "POST",
                                    QStringLiteral("/v1/quotes/%1/otp")
                                        .arg(late.json.value(QStringLiteral("quote_id")).toString())),
                     409, kInvalid, QStringLiteral("quote_expired"));
        // Five wrong codes kill the quote's challenge.
        const Reply q2 = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                               merchantDest(kCnMerchant2));
        const QString id2 = q2.json.value(QStringLiteral("quote_id")).toString();
        const QString right = smsCode(w, id2);
        const QString wrong =
            right == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        for (int i = 4; i >= 0; --i) {
            const Reply r = pay(w, id2, w.pin, wrong);
            EXPECT_ERROR(r, 401, kAuthn, QStringLiteral("otp_invalid"));
            QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), i);
        }
        EXPECT_ERROR(pay(w, id2, w.pin, right), 403, kAuthz, QStringLiteral("otp_attempts_exceeded"));
    }

    void totpSecondFactor()
    {
        TestWallet w = wallet();
        fund(w, 10'000);
        const QByteArray secret = enableTotp(w);
        Reply q = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                        merchantDest(kCnMerchant));
        const QString code = totpNow(secret);
        EXPECT_STATUS(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin, code), 201);
        // The same step again (another new payee): otp_invalid — a TOTP code counts once per wallet.
        q = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                  merchantDest(kCnMerchant2));
        const QString id = q.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(w, id, w.pin, code), 401, kAuthn, QStringLiteral("otp_invalid"));
        c().clock->advance(30);
        EXPECT_STATUS(pay(w, id, w.pin, totpNow(secret)), 201);
    }

    void pinLockoutFreezesPayments()
    {
        TestWallet w = wallet();
        fund(w, 10'000);
        const Reply first = quoteAndPay(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                                        merchantDest(kCnMerchant));
        EXPECT_STATUS(first, 201);
        auto newQuote = [&] {
            return quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                         merchantDest(kCnMerchant))
                .json.value(QStringLiteral("quote_id"))
                .toString();
        };
        for (int left = 4; left >= 1; --left) {
            const Reply r = pay(w, newQuote(), QStringLiteral("111111"));
            EXPECT_ERROR(r, 401, kAuthn, QStringLiteral("pin_invalid"));
            QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), left);
        }
        EXPECT_ERROR(pay(w, newQuote(), QStringLiteral("111111")), 403, kAuthz, QStringLiteral("pin_locked"));
        // Frozen: even the right PIN; the quote says so before the PIN is asked.
        EXPECT_ERROR(pay(w, newQuote(), w.pin), 403, kAuthz, QStringLiteral("pin_locked"));
        const Reply q = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                              merchantDest(kCnMerchant));
        QCOMPARE(strings(q.json.value(QStringLiteral("warnings"))), QStringList{"pin_locked"});
        QCOMPARE(c().sendAuthed(w, "GET", QStringLiteral("/v1/wallet"))
                     .json.value(QStringLiteral("payments_frozen"))
                     .toBool(),
                 true);
        QCOMPARE(balances(w).first, 10'000 - 100);
        // A PIN change (password + SMS code) unfreezes.
        EXPECT_STATUS(c().sendAuthed(w, "POST", QStringLiteral("/v1/wallet/otp"),
                                     QJsonObject{{QStringLiteral("purpose"), QStringLiteral("pin_change")}}),
                      202);
        const Reply changed =
            c().sendAuthed(w, "POST", QStringLiteral("/v1/wallet/pin"),
                           QJsonObject{{QStringLiteral("password"), w.password},
                                       {QStringLiteral("new_pin"), QStringLiteral("482916")},
                                       {QStringLiteral("otp"), c().lastCode(w.phone)}});
        EXPECT_STATUS(changed, 204);
        EXPECT_ERROR(pay(w, newQuote(), w.pin), 401, kAuthn, QStringLiteral("pin_invalid"));
        EXPECT_STATUS(pay(w, newQuote(), QStringLiteral("482916")), 201);
    }

    // --- idempotency ------------------------------------------------------------------------------------
    void idempotency()
    {
        TestWallet w = wallet();
        TestWallet other = wallet();
        fund(w, 10'000);
        fund(other, 10'000);
        Reply q = quote(w, QStringLiteral("payment"), money(250), QStringLiteral("balance"),
                        merchantDest(kCnMerchant));
        const QString id = q.json.value(QStringLiteral("quote_id")).toString();
        const QString code = smsCode(w, id);
        const QJsonObject body{{QStringLiteral("quote_id"), id},
                               {QStringLiteral("pin"), w.pin},
                               {QStringLiteral("otp"), code},
                               {QStringLiteral("note"), QStringLiteral("coffee")}};
        const Reply first = payRaw(w, "same-key", body);
        EXPECT_STATUS(first, 201);
        QVERIFY(first.header("idempotent-replayed").isEmpty());
        QCOMPARE(first.json.value(QStringLiteral("note")).toString(), QStringLiteral("coffee"));
        const Reply replay = payRaw(w, "same-key", body);
        EXPECT_STATUS(replay, 201);
        QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(replay.json, first.json);
        QCOMPARE(balances(w).first, 10'000 - 250); // once
        // JSON-equal, keys in another order and spacing: still the same request.
        const Reply reordered = c().sendSigned(
            w, "POST", QStringLiteral("/v1/payments"),
            QByteArrayLiteral("{ \"otp\": \"") + code.toLatin1() + "\", \"note\": \"coffee\", \"pin\": \"" +
                w.pin.toLatin1() + "\", \"quote_id\": \"" + id.toLatin1() + "\" }",
            {}, {{"Authorization", "Bearer " + w.token.toLatin1()}, {"Idempotency-Key", "same-key"}});
        EXPECT_STATUS(reordered, 201);
        QCOMPARE(reordered.header("idempotent-replayed"), QByteArray("true"));
        // A different body with that key.
        QJsonObject changed = body;
        changed.insert(QStringLiteral("note"), QStringLiteral("tea"));
        EXPECT_ERROR(payRaw(w, "same-key", changed), 409, kIdem, QStringLiteral("idempotency_key_reused"));
        // Scoped per wallet: the same key is new for another wallet.
        q = quote(other, QStringLiteral("payment"), money(300), QStringLiteral("balance"),
                  merchantDest(kCnMerchant));
        const QString otherId = q.json.value(QStringLiteral("quote_id")).toString();
        const Reply others = payRaw(other, "same-key",
                                    {{QStringLiteral("quote_id"), otherId},
                                     {QStringLiteral("pin"), other.pin},
                                     {QStringLiteral("otp"), smsCode(other, otherId)}});
        EXPECT_STATUS(others, 201);
        QVERIFY(others.header("idempotent-replayed").isEmpty());
        // Business errors are stored too: a wrong PIN replayed is not counted again.
        q = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                  merchantDest(kCnMerchant));
        const QJsonObject wrong{
            {QStringLiteral("quote_id"), q.json.value(QStringLiteral("quote_id")).toString()},
            {QStringLiteral("pin"), QStringLiteral("111111")}};
        Reply r = payRaw(w, "wrong-pin", wrong);
        QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), 4);
        r = payRaw(w, "wrong-pin", wrong);
        EXPECT_ERROR(r, 401, kAuthn, QStringLiteral("pin_invalid"));
        QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), 4);
        QCOMPARE(r.header("idempotent-replayed"), QByteArray("true"));
        r = payRaw(w, "wrong-pin-2", wrong);
        QCOMPARE(r.error().value(QStringLiteral("attempts_remaining")).toInt(), 3);
        // Shape errors are not stored: after a 400 the key is still free.
        EXPECT_ERROR(payRaw(w, "shape", {{QStringLiteral("pin"), w.pin}}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("quote_id"));
        EXPECT_STATUS(
            payRaw(w, "shape",
                   {{QStringLiteral("quote_id"), q.json.value(QStringLiteral("quote_id")).toString()},
                    {QStringLiteral("pin"), w.pin}}),
            201);
        // After 24 h the key is forgotten: the same body is a new request (and meets the used quote).
        c().clock->advance(24 * 3600 + 1);
        QVERIFY(c().signIn(w));
        EXPECT_ERROR(payRaw(w, "same-key", body), 409, kInvalid, QStringLiteral("quote_used"),
                     QStringLiteral("quote_id"));
    }

    void idempotencyInProgress()
    {
        StubTestOptions options;
        options.latencyMs = 700;
        QVERIFY2(startServer(options), qPrintable(m_client->lastError()));
        TestWallet w = wallet();
        fund(w, 10'000);
        const Reply q = quote(w, QStringLiteral("payment"), money(100), QStringLiteral("balance"),
                              merchantDest(kCnMerchant));
        const QString id = q.json.value(QStringLiteral("quote_id")).toString();
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("quote_id"), id},
                                                          {QStringLiteral("pin"), w.pin},
                                                          {QStringLiteral("otp"), smsCode(w, id)}})
                                    .toJson(QJsonDocument::Compact);
        // Two requests with one key, at once (two connections): the one the server reads second finds the
        // first one's answer still held back by the latency → 409 idempotency_in_progress.
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest request(c().url(QStringLiteral("/v1/payments")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + w.token.toLatin1());
            request.setRawHeader("Idempotency-Key", "concurrent");
            for (const auto &header :
                 c().signingHeaders(w.deviceId, w.deviceSecret, "POST", QStringLiteral("/v1/payments"), body))
                request.setRawHeader(header.first, header.second);
            replies.append(nam.post(request, body));
        }
        QEventLoop loop;
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        int finished = 0;
        for (QNetworkReply *reply : replies)
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == 2)
                    loop.quit();
            });
        loop.exec();
        QCOMPARE(finished, 2);
        QList<int> statuses;
        QString inProgressCode;
        QJsonObject created;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            statuses << status;
            if (status == 409)
                inProgressCode =
                    json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString() +
                    QLatin1Char('/') +
                    json.value(QStringLiteral("error")).toObject().value(QStringLiteral("type")).toString();
            else
                created = json;
            reply->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{201, 409}));
        QCOMPARE(inProgressCode, QStringLiteral("idempotency_in_progress/idempotency_error"));
        // Once answered, the same key replays the one payment.
        const Reply replay = c().sendSigned(
            w, "POST", QStringLiteral("/v1/payments"), body, {},
            {{"Authorization", "Bearer " + w.token.toLatin1()}, {"Idempotency-Key", "concurrent"}});
        EXPECT_STATUS(replay, 201);
        QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(replay.json.value(QStringLiteral("id")), created.value(QStringLiteral("id")));
        QCOMPARE(balances(w).first, 10'000 - 100);
    }

    // --- kinds, cards, fees -----------------------------------------------------------------------------
    void cardsAndTopUps()
    {
        TestWallet w = wallet(); // tier 3; a debit card makes it tier 2
        const QString credit = addCard(w, QStringLiteral("4242424242424242"));
        const QString declined = addCard(w, QStringLiteral("4000000000000002"));
        const QString noFunds = addCard(w, QStringLiteral("4000000000009995"));
        const QString cvcOnce = addCard(w, QStringLiteral("4000000000000127"));
        const QString debit = addCard(w, QStringLiteral("6212345678901232"));
        const QString account = addAccount(w);
        const QString topUp = QStringLiteral("top_up");
        // Credit card: 0.6 %, at least CNY 0.10.
        Reply q = quote(w, topUp, money(1000), credit);
        QCOMPARE(q.json.value(QStringLiteral("fees")).toArray().first().toObject(),
                 (QJsonObject{{QStringLiteral("kind"), QStringLiteral("top_up")},
                              {QStringLiteral("amount"), money(10)}}));
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(1010));
        q = quote(w, topUp, money(100'000), credit);
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(100'600));
        QCOMPARE(q.json.value(QStringLiteral("credit")).toObject(), money(100'000));
        QCOMPARE(strings(q.json.value(QStringLiteral("requires"))),
                 QStringList{"pin"}); // own method, not above 1,000
        EXPECT_STATUS(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 201);
        QCOMPARE(balances(w).first, 100'000);
        // Debit card and account: free.
        QVERIFY(
            quote(w, topUp, money(100'000), debit).json.value(QStringLiteral("fees")).toArray().isEmpty());
        q = quote(w, topUp, money(5000), account);
        QVERIFY(q.json.value(QStringLiteral("fees")).toArray().isEmpty());
        EXPECT_STATUS(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 201);
        QCOMPARE(balances(w).first, 105'000);

        // Declines: no payment, no feed entry; the quote stays usable.
        const int feedBefore = feed(w).size();
        q = quote(w, topUp, money(1000), declined);
        EXPECT_ERROR(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 402, kCard,
                     QStringLiteral("card_declined"));
        EXPECT_ERROR(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 402, kCard,
                     QStringLiteral("card_declined"));
        q = quote(w, topUp, money(1000), noFunds);
        EXPECT_ERROR(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 402, kCard,
                     QStringLiteral("insufficient_funds"));
        q = quote(w, topUp, money(1000), cvcOnce);
        const QString cvcQuote = q.json.value(QStringLiteral("quote_id")).toString();
        EXPECT_ERROR(pay(w, cvcQuote, w.pin), 402, kCard, QStringLiteral("incorrect_cvc"));
        QCOMPARE(feed(w).size(), feedBefore);
        QCOMPARE(balances(w).first, 105'000);
        // incorrect_cvc_once: only the first charge; the same quote then goes through.
        const Reply ok = pay(w, cvcQuote, w.pin);
        EXPECT_STATUS(ok, 201);
        QCOMPARE(ok.json.value(QStringLiteral("kind")).toString(), QStringLiteral("top_up"));
        QCOMPARE(
            ok.json.value(QStringLiteral("counterparty")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("card"));
        QCOMPARE(
            ok.json.value(QStringLiteral("counterparty")).toObject().value(QStringLiteral("id")).toString(),
            cvcOnce);
        QCOMPARE(feed(w).size(), feedBefore + 1);

        // Paying a merchant with a card: the balance does not change, the feed entry's amount is 0.
        q = quote(w, QStringLiteral("payment"), money(2000), credit, merchantDest(kCnMerchant));
        const QString pid = q.json.value(QStringLiteral("quote_id")).toString();
        const Reply paid = pay(w, pid, w.pin, smsCode(w, pid));
        EXPECT_STATUS(paid, 201);
        QCOMPARE(balances(w).first, 106'000);
        const QJsonObject last = feed(w).last().toObject();
        QCOMPARE(last.value(QStringLiteral("payment_id")).toString(),
                 paid.json.value(QStringLiteral("id")).toString());
        QCOMPARE(amountOf(last.value(QStringLiteral("amount"))), 0);
        // ... but it says what the card paid (the payment's debit, fees included) and which card.
        QCOMPARE(last.value(QStringLiteral("debit")), paid.json.value(QStringLiteral("debit")));
        QCOMPARE(amountOf(last.value(QStringLiteral("debit"))), 2000);
        QCOMPARE(last.value(QStringLiteral("source")).toString(), credit);
        // The top-up above: the card charge as debit, while its amount is what reached the balance.
        const QJsonObject topUpEntry = feed(w).at(feedBefore).toObject();
        QCOMPARE(topUpEntry.value(QStringLiteral("payment_id")).toString(),
                 ok.json.value(QStringLiteral("id")).toString());
        QCOMPARE(topUpEntry.value(QStringLiteral("debit")), ok.json.value(QStringLiteral("debit")));
        QCOMPARE(topUpEntry.value(QStringLiteral("source")).toString(), cvcOnce);
        QVERIFY(
            paid.json.value(QStringLiteral("receipt_no")).toString().startsWith(QLatin1String("BW20250301")));

        // Tier 4: not from a card, fine from an account.
        TestWallet anon = wallet(false);
        const QString anonCard = addCard(anon, QStringLiteral("4242424242424242"));
        const QString anonAccount = addAccount(anon);
        q = quote(anon, topUp, money(1000), anonCard);
        EXPECT_ERROR(pay(anon, q.json.value(QStringLiteral("quote_id")).toString(), anon.pin), 403, kAuthz,
                     QStringLiteral("tier_not_allowed"));
        q = quote(anon, topUp, money(1'000'001), anonAccount); // over the 10,000 cap
        Reply r = pay(anon, q.json.value(QStringLiteral("quote_id")).toString(), anon.pin,
                      smsCode(anon, q.json.value(QStringLiteral("quote_id")).toString()));
        EXPECT_ERROR(r, 403, kLimit, QStringLiteral("limit_exceeded"));
        QCOMPARE(r.error().value(QStringLiteral("limit")).toString(), QStringLiteral("balance_cap"));
        q = quote(anon, topUp, money(1000), anonAccount);
        EXPECT_STATUS(pay(anon, q.json.value(QStringLiteral("quote_id")).toString(), anon.pin), 201);
        verifyLedger();
    }

    // GET /v1/wallet's limits.used_today / used_this_year are the counters the daily and annual limits are
    // checked against: payment and transfer principal (CNY, fees excluded), per Asia/Shanghai calendar
    // day and year; withdrawals do not count.
    void walletShowsUsageOfTheDayAndYear()
    {
        TestWallet w = wallet();
        const QString account = addAccount(w);
        fund(w, 500'000);
        const auto used = [&] {
            const Reply reply = c().sendAuthed(w, "GET", QStringLiteral("/v1/wallet"));
            if (reply.status != 200)
                qFatal("wallet: %s", qPrintable(reply.summary()));
            const QJsonObject limits = reply.json.value(QStringLiteral("limits")).toObject();
            return std::pair{limits.value(QStringLiteral("used_today")).toObject(),
                             limits.value(QStringLiteral("used_this_year")).toObject()};
        };
        // 2025-03-01 23:30 in Shanghai (15:30 UTC).
        moveTo(QDateTime(QDate(2025, 3, 1), QTime(15, 30), Qt::UTC), {&w});
        QCOMPARE(used(), std::pair(money(0), money(0)));
        const Reply paid = quoteAndPay(w, QStringLiteral("payment"), money(1234), QStringLiteral("balance"),
                                       merchantDest(kCnMerchant));
        EXPECT_STATUS(paid, 201);
        QCOMPARE(used(), std::pair(money(1234), money(1234)));
        // Cross-border USD 10.00: principal CNY 70.82, debit 71.88 — only the principal counts.
        const Reply abroad = quoteAndPay(w, QStringLiteral("payment"), money(1000, QStringLiteral("USD")),
                                         QStringLiteral("balance"), merchantDest(kUsMerchant));
        EXPECT_STATUS(abroad, 201);
        QCOMPARE(used(), std::pair(money(1234 + 7082), money(1234 + 7082)));
        // A withdrawal is not a payment or transfer.
        EXPECT_STATUS(quoteAndPay(w, QStringLiteral("withdrawal"), money(10'000), QStringLiteral("balance"),
                                  QJsonObject{{QStringLiteral("payment_method_id"), account}}),
                      201);
        QCOMPARE(used(), std::pair(money(1234 + 7082), money(1234 + 7082)));

        // 2025-03-02 00:00 in Shanghai (16:00 UTC on the 1st): a new day, the same year.
        moveTo(QDateTime(QDate(2025, 3, 1), QTime(16, 0), Qt::UTC), {&w});
        QCOMPARE(used(), std::pair(money(0), money(1234 + 7082)));
        EXPECT_STATUS(quoteAndPay(w, QStringLiteral("payment"), money(500), QStringLiteral("balance"),
                                  merchantDest(kCnMerchant)),
                      201);
        QCOMPARE(used(), std::pair(money(500), money(1234 + 7082 + 500)));

        // 2026-01-01 00:00 in Shanghai (16:00 UTC on 2025-12-31): a new year.
        moveTo(QDateTime(QDate(2025, 12, 31), QTime(16, 0), Qt::UTC), {&w});
        QCOMPARE(used(), std::pair(money(0), money(0)));
    }

    void withdrawalMonthlyAllowance()
    {
        TestWallet w = wallet();
        const QString account = addAccount(w); // tier 2 now: cap 500,000
        fund(w, 1'000'000);
        const QJsonObject dest{{QStringLiteral("payment_method_id"), account}};
        const QString bal = QStringLiteral("balance");
        const QString wd = QStringLiteral("withdrawal");
        auto feeOf = [](const Reply &r) {
            const QJsonArray fees = r.json.value(QStringLiteral("fees")).toArray();
            return fees.isEmpty() ? qint64(0)
                                  : amountOf(fees.first().toObject().value(QStringLiteral("amount")));
        };
        // 2025-03-31 23:30 in Shanghai (15:30 UTC).
        moveTo(QDateTime(QDate(2025, 3, 31), QTime(15, 30), Qt::UTC), {&w});
        Reply q = quote(w, wd, money(80'000), bal, dest); // 800.00: free
        QCOMPARE(feeOf(q), 0);
        EXPECT_STATUS(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 201);
        q = quote(w, wd, money(30'000), bal, dest); // 300.00: 100.00 above the allowance → 0.10 (minimum)
        QCOMPARE(feeOf(q), 10);
        QCOMPARE(q.json.value(QStringLiteral("debit")).toObject(), money(30'010));
        EXPECT_STATUS(pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin), 201);
        q = quote(w, wd, money(50'000), bal, dest); // 500.00 all above: 0.1 % = 0.50
        QCOMPARE(feeOf(q), 50);
        q = quote(w, wd, money(2'000'000), bal, dest); // 20,000.00: 0.1 % = 20.00
        QCOMPARE(feeOf(q), 2000);
        QCOMPARE(balances(w).first, 1'000'000 - 80'000 - 30'010);
        // 2025-04-01 00:00 in Shanghai (16:00 UTC on the 31st): a new month, the allowance is back.
        moveTo(QDateTime(QDate(2025, 3, 31), QTime(16, 0), Qt::UTC), {&w});
        q = quote(w, wd, money(100'000), bal, dest);
        QCOMPARE(feeOf(q), 0);
        q = quote(w, wd, money(120'000), bal, dest); // 1,200.00: 200.00 above → 0.20
        QCOMPARE(feeOf(q), 20);
        const Reply paid = pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin,
                               smsCode(w, q.json.value(QStringLiteral("quote_id")).toString()));
        EXPECT_STATUS(paid, 201);
        QCOMPARE(paid.json.value(QStringLiteral("kind")).toString(), wd);
        QCOMPARE(amountOf(feed(w).last().toObject().value(QStringLiteral("amount"))), -120'020);
        verifyLedger();
    }

    // --- AML ----------------------------------------------------------------------------------------------
    void structuringHoldAndReview()
    {
        TestWallet w = wallet(); // tier 3: per payment 5,000; near-limit band 4,500–5,000
        fund(w, 2'000'000);
        const QString bal = QStringLiteral("balance");
        auto payNear = [&](qint64 amount) {
            return quoteAndPay(w, QStringLiteral("payment"), money(amount), bal, merchantDest(kCnMerchant));
        };
        // 22:00 and 23:00 in Shanghai on 1 March, then 01:00 on 2 March: within 24 h, two calendar days (so
        // the daily limit of 10,000 is not what stops it).
        moveTo(QDateTime(QDate(2025, 3, 1), QTime(14, 0), Qt::UTC), {&w});
        Reply r = payNear(460'000);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        moveTo(QDateTime(QDate(2025, 3, 1), QTime(15, 0), Qt::UTC), {&w});
        r = payNear(470'000);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        fund(w, 930'000);
        moveTo(QDateTime(QDate(2025, 3, 1), QTime(17, 0), Qt::UTC), {&w});
        // A payment below the band is not counted and not held.
        r = payNear(100'000);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        const qint64 before = balances(w).first;
        r = payNear(480'000);
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_review"));
        const QString held = r.json.value(QStringLiteral("id")).toString();
        QCOMPARE(balances(w), (std::pair<qint64, qint64>{before - 480'000, 480'000}));
        QCOMPARE(feed(w).last().toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending_review"));
        // Staff reject: the money comes back, a new feed entry, and it no longer counts today.
        const Reply remainingBefore =
            quote(w, QStringLiteral("payment"), money(100), bal, merchantDest(kCnMerchant));
        const Reply rejected = c().post(QStringLiteral("/v1/dev/reviews/%1").arg(held),
                                        {{QStringLiteral("decision"), QStringLiteral("reject")}});
        EXPECT_STATUS(rejected, 200);
        QCOMPARE(rejected.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(balances(w), (std::pair<qint64, qint64>{before, 0}));
        const Reply remainingAfter =
            quote(w, QStringLiteral("payment"), money(100), bal, merchantDest(kCnMerchant));
        QCOMPARE(amountOf(remainingAfter.json.value(QStringLiteral("limits"))
                              .toObject()
                              .value(QStringLiteral("remaining_today"))),
                 amountOf(remainingBefore.json.value(QStringLiteral("limits"))
                              .toObject()
                              .value(QStringLiteral("remaining_today"))) +
                     480'000);
        // Another near-limit one is held again (the two of the evening still count); approve it.
        r = payNear(490'000);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_review"));
        const Reply approved =
            c().post(QStringLiteral("/v1/dev/reviews/%1").arg(r.json.value(QStringLiteral("id")).toString()),
                     {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(approved.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        const Reply read = c().sendAuthed(
            w, "GET", QStringLiteral("/v1/payments/%1").arg(r.json.value(QStringLiteral("id")).toString()));
        QCOMPARE(read.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(balances(w), (std::pair<qint64, qint64>{before - 490'000, 0}));
        // More than 24 h after them, a near-limit payment is no longer structuring.
        moveTo(QDateTime(QDate(2025, 3, 3), QTime(18, 0), Qt::UTC), {&w});
        r = payNear(450'000);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        verifyLedger();
    }

    void sanctionsOnTransferRecipients()
    {
        TestWallet sender = wallet();
        setTier(sender, 1); // no per-payment limit: the recipient's cap is what stops the last transfer
        fund(sender, 3'000'000);
        // Without identity nobody screened these names at enrollment; the transfer screens them.
        TestWallet listed = wallet(false, QStringLiteral("Ivan Petrovich Sidorov"));
        TestWallet similar = wallet(false, QStringLiteral("Ivan Petrovich Sidorow"));
        TestWallet clear = wallet(false, QStringLiteral("Wang Fang"));
        auto transfer = [&](const TestWallet &to, qint64 amount) {
            return quoteAndPay(sender, QStringLiteral("transfer"), money(amount), QStringLiteral("balance"),
                               QJsonObject{{QStringLiteral("phone"), to.phone}});
        };
        Reply r = transfer(listed, 10'000);
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json.value(QStringLiteral("failure_code")).toString(), QStringLiteral("sanctions_match"));
        QCOMPARE(balances(sender).first, 3'000'000);
        QCOMPARE(balances(listed).first, 0);
        QCOMPARE(amountOf(feed(sender).last().toObject().value(QStringLiteral("amount"))), 0);
        // Nothing was charged: no debit, so the history shows 0, not the refused amount as spent.
        QVERIFY(!feed(sender).last().toObject().contains(QStringLiteral("debit")));
        QVERIFY(feed(listed).isEmpty());

        r = transfer(similar, 20'000);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_review"));
        QCOMPARE(balances(sender), (std::pair<qint64, qint64>{2'980'000, 20'000}));
        QVERIFY(feed(similar).isEmpty()); // nothing arrived yet
        const Reply approved =
            c().post(QStringLiteral("/v1/dev/reviews/%1").arg(r.json.value(QStringLiteral("id")).toString()),
                     {{QStringLiteral("decision"), QStringLiteral("approve")}});
        EXPECT_STATUS(approved, 200);
        QCOMPARE(balances(sender), (std::pair<qint64, qint64>{2'980'000, 0}));
        QCOMPARE(balances(similar).first, 20'000);
        const QJsonArray theirs = feed(similar);
        QCOMPARE(theirs.size(), 1);
        const QJsonObject entry = theirs.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("incoming"));
        QCOMPARE(amountOf(entry.value(QStringLiteral("amount"))), 20'000);
        QCOMPARE(
            entry.value(QStringLiteral("counterparty")).toObject().value(QStringLiteral("name")).toString(),
            sender.fullName);
        QCOMPARE(amountOf(entry.value(QStringLiteral("balance_after"))), 20'000);

        // A clear name: succeeded at once; counterparty is the recipient; their feed has the incoming side.
        r = transfer(clear, 12'345);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(r.json.value(QStringLiteral("counterparty")).toObject(),
                 (QJsonObject{{QStringLiteral("name"), clear.fullName},
                              {QStringLiteral("type"), QStringLiteral("wallet")},
                              {QStringLiteral("id"), clear.walletId}}));
        QCOMPARE(balances(clear).first, 12'345);
        // Over the recipient's balance cap (tier 4: 10,000.00): rejected, no money moves.
        r = transfer(clear, 1'000'000 - 12'345 + 1);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json.value(QStringLiteral("failure_code")).toString(), QStringLiteral("limit_exceeded"));
        QCOMPARE(balances(clear).first, 12'345);
        verifyLedger();
    }

    void travelRuleAndLargeValue()
    {
        TestWallet rich = wallet(); // verified identity
        setTier(rich, 1);
        fund(rich, 300'000'000);
        // USD 1,000.00 at a verified wallet: travel rule data on the payment.
        Reply r = quoteAndPay(rich, QStringLiteral("payment"), money(100'000, QStringLiteral("USD")),
                              QStringLiteral("balance"), merchantDest(kUsMerchant));
        EXPECT_STATUS(r, 201);
        const QJsonObject travel = r.json.value(QStringLiteral("travel_rule")).toObject();
        QCOMPARE(
            travel.value(QStringLiteral("originator")).toObject().value(QStringLiteral("name")).toString(),
            rich.fullName);
        QCOMPARE(travel.value(QStringLiteral("originator"))
                     .toObject()
                     .value(QStringLiteral("wallet_id"))
                     .toString(),
                 rich.walletId);
        QCOMPARE(travel.value(QStringLiteral("originator"))
                     .toObject()
                     .value(QStringLiteral("document_country"))
                     .toString(),
                 QStringLiteral("CN"));
        QCOMPARE(
            travel.value(QStringLiteral("beneficiary")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Bluebird Coffee Co."));
        QCOMPARE(travel.value(QStringLiteral("beneficiary"))
                     .toObject()
                     .value(QStringLiteral("account"))
                     .toString(),
                 kUsMerchant);
        QCOMPARE(r.json.value(QStringLiteral("large_value_report")).toBool(), false);
        // USD 999.99: no travel rule.
        r = quoteAndPay(rich, QStringLiteral("payment"), money(99'999, QStringLiteral("USD")),
                        QStringLiteral("balance"), merchantDest(kUsMerchant));
        QVERIFY(!r.json.contains(QStringLiteral("travel_rule")));
        // Cross-border reaching USD 10,000 in a day: flagged, not blocked (USD 1,999.99 today before it).
        r = quoteAndPay(rich, QStringLiteral("payment"), money(900'000, QStringLiteral("USD")),
                        QStringLiteral("balance"), merchantDest(kUsMerchant));
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(r.json.value(QStringLiteral("large_value_report")).toBool(), true);
        const QString flagged = r.json.value(QStringLiteral("id")).toString();
        QCOMPARE(c().sendAuthed(rich, "GET", QStringLiteral("/v1/payments/") + flagged)
                     .json.value(QStringLiteral("large_value_report"))
                     .toBool(),
                 true);
        // Domestic transfers: 499,999.99 is not flagged, the next fen reaching 500,000 is.
        TestWallet friendWallet = wallet(true, QStringLiteral("Han Mei"));
        setTier(friendWallet, 1);
        const QJsonObject to{{QStringLiteral("phone"), friendWallet.phone}};
        r = quoteAndPay(rich, QStringLiteral("transfer"), money(49'999'999), QStringLiteral("balance"), to);
        QCOMPARE(r.json.value(QStringLiteral("large_value_report")).toBool(), false);
        const Reply q = quote(rich, QStringLiteral("transfer"), money(1), QStringLiteral("balance"), to);
        QCOMPARE(q.json.value(QStringLiteral("large_value_report")).toBool(), true);
        r = pay(rich, q.json.value(QStringLiteral("quote_id")).toString(), rich.pin);
        QCOMPARE(r.json.value(QStringLiteral("large_value_report")).toBool(), true);
        // GET /v1/payments/{id}: another wallet's is unknown.
        EXPECT_ERROR(c().sendAuthed(friendWallet, "GET", QStringLiteral("/v1/payments/") + flagged), 404,
                     kInvalid, QStringLiteral("resource_missing"), QStringLiteral("id"));
        EXPECT_ERROR(c().sendAuthed(rich, "GET", QStringLiteral("/v1/payments/pay_nope")), 404, kInvalid,
                     QStringLiteral("resource_missing"), QStringLiteral("id"));

        // GET /v1/payments?quote_id= (added for reconciliation): the payment a quote became, for its own
        // wallet only; an unused quote and an unknown one give an empty list.
        const QString usedQuote = q.json.value(QStringLiteral("quote_id")).toString();
        QCOMPARE(r.json.value(QStringLiteral("quote_id")).toString(), usedQuote);
        Reply found = c().sendAuthed(rich, "GET", QStringLiteral("/v1/payments?quote_id=") + usedQuote);
        EXPECT_STATUS(found, 200);
        QJsonArray data = found.json.value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.at(0).toObject().value(QStringLiteral("id")), r.json.value(QStringLiteral("id")));
        QCOMPARE(data.at(0).toObject().value(QStringLiteral("quote_id")).toString(), usedQuote);
        found = c().sendAuthed(friendWallet, "GET", QStringLiteral("/v1/payments?quote_id=") + usedQuote);
        QCOMPARE(found.json.value(QStringLiteral("data")).toArray().size(), 0);
        const Reply unused = quote(rich, QStringLiteral("transfer"), money(1), QStringLiteral("balance"), to);
        found = c().sendAuthed(rich, "GET",
                               QStringLiteral("/v1/payments?quote_id=") +
                                   unused.json.value(QStringLiteral("quote_id")).toString());
        EXPECT_STATUS(found, 200);
        QCOMPARE(found.json.value(QStringLiteral("data")).toArray().size(), 0);
        EXPECT_ERROR(c().sendAuthed(rich, "GET", QStringLiteral("/v1/payments")), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("quote_id"));
        verifyLedger();
    }

    // --- the randomized run -------------------------------------------------------------------------------
    void randomizedRun()
    {
        std::mt19937 rng(20250301);
        std::vector<TestWallet> wallets;
        std::vector<QString> cards, accounts;
        const QStringList cardNumbers{QStringLiteral("4242424242424242"), QStringLiteral("6212345678901232"),
                                      QStringLiteral("4000000000000002"), QStringLiteral("4000000000000127")};
        for (int i = 0; i < 5; ++i) {
            TestWallet w = wallet(i != 4, QStringLiteral("Li Lei"));
            if (i == 0)
                setTier(w, 1);
            wallets.push_back(w);
            cards.push_back(addCard(w, cardNumbers.at(i % cardNumbers.size())));
            accounts.push_back(addAccount(w));
        }
        const QStringList merchants{kCnMerchant, kCnMerchant2, kUsMerchant, kHkMerchant, kJpMerchant};
        const QStringList currencies{QStringLiteral("CNY"), QStringLiteral("CNY"), QStringLiteral("USD"),
                                     QStringLiteral("HKD"), QStringLiteral("JPY")};
        QMap<int, int> statuses;
        int operations = 0;
        // Sessions end after 15 minutes and 5 idle minutes of server time; the clock moves 7 s per operation.
        std::vector<qint64> signedInAt(wallets.size(), 0), lastUse(wallets.size(), 0);
        for (int op = 0; op < 2100; ++op) {
            c().clock->advance(7);
            const int who = int(rng() % wallets.size());
            TestWallet &w = wallets[size_t(who)];
            const qint64 now = c().clock->nowSecs();
            if (now - signedInAt[size_t(who)] > 700 || now - lastUse[size_t(who)] > 200) {
                QVERIFY(c().signIn(w));
                signedInAt[size_t(who)] = now;
            }
            const int kind = int(rng() % 10);
            const qint64 amount = 1 + qint64(rng() % 300'000);
            Reply r;
            if (kind == 0) {
                r = c().post(QStringLiteral("/v1/dev/wallets/%1/incoming").arg(w.walletId),
                             {{QStringLiteral("amount"), money(amount * 3)},
                              {QStringLiteral("from_name"), QStringLiteral("Zhang Wei")}});
            } else if (kind <= 3) {
                const int m = int(rng() % merchants.size());
                const bool byCard = rng() % 4 == 0;
                r = quoteAndPay(
                    w, QStringLiteral("payment"), money(m >= 2 ? amount / 10 + 1 : amount, currencies.at(m)),
                    byCard ? cards[size_t(who)] : QStringLiteral("balance"), merchantDest(merchants.at(m)));
            } else if (kind <= 5) {
                const TestWallet &to =
                    wallets[size_t((who + 1 + int(rng() % (wallets.size() - 1))) % wallets.size())];
                r = quoteAndPay(w, QStringLiteral("transfer"), money(amount), QStringLiteral("balance"),
                                QJsonObject{{QStringLiteral("phone"), to.phone}});
            } else if (kind <= 7) {
                r = quoteAndPay(w, QStringLiteral("top_up"), money(amount),
                                rng() % 2 ? cards[size_t(who)] : accounts[size_t(who)]);
            } else if (kind == 8) {
                r = quoteAndPay(w, QStringLiteral("withdrawal"), money(amount), QStringLiteral("balance"),
                                QJsonObject{{QStringLiteral("payment_method_id"), accounts[size_t(who)]}});
            } else {
                // A wrong PIN once (never five in a row: the next right PIN clears the count), or an expired
                // quote.
                const Reply q = quote(w, QStringLiteral("payment"), money(amount), QStringLiteral("balance"),
                                      merchantDest(kCnMerchant));
                if (rng() % 2) {
                    r = pay(w, q.json.value(QStringLiteral("quote_id")).toString(), QStringLiteral("111111"));
                    QCOMPARE(r.errorCode(), QStringLiteral("pin_invalid"));
                } else {
                    c().clock->advance(61);
                    r = pay(w, q.json.value(QStringLiteral("quote_id")).toString(), w.pin);
                    QCOMPARE(r.errorCode(), QStringLiteral("quote_expired"));
                }
            }
            QVERIFY2(r.status > 0 && r.status < 500 && r.errorCode() != QLatin1String("session_expired"),
                     qPrintable(r.summary()));
            lastUse[size_t(who)] = c().clock->nowSecs();
            statuses[r.status]++;
            ++operations;
        }
        qInfo() << "operations" << operations << "statuses" << statuses;
        QVERIFY(statuses.value(201) > 500);
        QVERIFY(statuses.value(403) > 20); // limits and balances were met
        QVERIFY(statuses.value(402) > 10); // declines
        verifyLedger();
        for (const TestWallet &w : wallets) {
            const QJsonArray entries = feed(w);
            QVERIFY(!entries.isEmpty());
            const qint64 available = balances(w).first;
            QCOMPARE(amountOf(entries.last().toObject().value(QStringLiteral("balance_after"))), available);
            // The feed's amounts add up to the balance (every change recorded exactly once).
            qint64 sum = 0;
            for (const QJsonValue &entry : entries)
                sum += amountOf(entry.toObject().value(QStringLiteral("amount")));
            QCOMPARE(sum, available);
        }
    }
};

QTEST_GUILESS_MAIN(TestStubPayments)
#include "test_stub_payments.moc"
