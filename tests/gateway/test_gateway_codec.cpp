// JsonCodec and GatewayError without a server: every decoder on the contract's JSON (the shapes the stub
// sends), encode → decode round trips, and rejection of malformed input — a missing required field, a
// wrong JSON type, a bad currency, an amount beyond ±9×10^15 or a fraction, an unknown enum value, a bad
// time or rate — as a typed Decode error with the JSON path, never a crash. Then the error table: every
// code in docs/gateway-openapi.yaml (x-error-codes and x-error-catalog) has its own translated sentence.
#include "gateway/gateway_error.h"
#include "gateway/json_codec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace bw::gateway;
namespace json = bw::gateway::json;

#define VERIFY_OK_CODEC(result) QVERIFY2((result).ok(), qPrintable((result).error().summary()))

namespace {

QJsonObject money(qint64 amount, const char *currency = "CNY")
{
    return {{QStringLiteral("amount"), amount}, {QStringLiteral("currency"), QLatin1String(currency)}};
}

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// One contract type: a valid sample, its decode → encode (when it has an encoder), and its required keys.
struct Sample
{
    QString name;
    QJsonObject json;
    std::function<Result<QJsonObject>(const QJsonObject &)> roundTrip; // decode, then encode (or re-dump)
    QStringList required;
};

template<typename T>
std::function<Result<QJsonObject>(const QJsonObject &)> via(Result<T> (*decode)(const QJsonObject &),
                                                            QJsonObject (*encode)(const T &))
{
    return [decode, encode](const QJsonObject &o) -> Result<QJsonObject> {
        auto r = decode(o);
        if (!r)
            return r.error();
        return encode(r.value());
    };
}

template<typename T>
std::function<Result<QJsonObject>(const QJsonObject &)> decodeOnly(Result<T> (*decode)(const QJsonObject &))
{
    return [decode](const QJsonObject &o) -> Result<QJsonObject> {
        auto r = decode(o);
        if (!r)
            return r.error();
        return QJsonObject();
    };
}

const QJsonObject kOtp{{QStringLiteral("channel"), QStringLiteral("sms")},
                       {QStringLiteral("to_masked"), QStringLiteral("+86 139****0001")},
                       {QStringLiteral("expires_at"), QStringLiteral("2025-03-01T09:05:00Z")},
                       {QStringLiteral("resend_after"), QStringLiteral("2025-03-01T09:01:00Z")}};

QJsonObject limitsJson()
{
    return {{QStringLiteral("per_payment"), money(500000)}, {QStringLiteral("daily"), money(1000000)},
            {QStringLiteral("annual"), money(20000000)},    {QStringLiteral("balance_cap"), QJsonValue()},
            {QStringLiteral("used_today"), money(1234)},    {QStringLiteral("used_this_year"), money(99999)}};
}

QJsonObject paymentJson()
{
    return {{QStringLiteral("id"), QStringLiteral("pay_1")},
            {QStringLiteral("kind"), QStringLiteral("payment")},
            {QStringLiteral("status"), QStringLiteral("succeeded")},
            {QStringLiteral("debit"), money(8854)},
            {QStringLiteral("credit"), money(1234, "USD")},
            {QStringLiteral("fees"),
             QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("fx_margin")},
                                    {QStringLiteral("amount"), money(87)}},
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("cross_border")},
                                    {QStringLiteral("amount"), money(44)}}}},
            {QStringLiteral("fx_rate"), QStringLiteral("0.1412")},
            {QStringLiteral("counterparty"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("Bluebird Coffee")},
                         {QStringLiteral("type"), QStringLiteral("merchant")},
                         {QStringLiteral("id"), QStringLiteral("mer_b")}}},
            {QStringLiteral("note"), QStringLiteral("lunch 午饭")},
            {QStringLiteral("created_at"), QStringLiteral("2025-03-01T09:00:00Z")},
            {QStringLiteral("receipt_no"), QStringLiteral("R-0001")},
            {QStringLiteral("large_value_report"), false},
            {QStringLiteral("quote_id"), QStringLiteral("quo_1")},
            {QStringLiteral("travel_rule"),
             QJsonObject{{QStringLiteral("originator"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Li Lei")},
                                      {QStringLiteral("wallet_id"), QStringLiteral("wal_1")},
                                      {QStringLiteral("document_country"), QStringLiteral("CN")}}},
                         {QStringLiteral("beneficiary"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Bluebird")},
                                      {QStringLiteral("account"), QStringLiteral("mer_b")},
                                      {QStringLiteral("country"), QStringLiteral("US")}}}}}};
}

QJsonObject transactionJson()
{
    return {{QStringLiteral("id"), QStringLiteral("txn_1")},
            {QStringLiteral("payment_id"), QStringLiteral("pay_1")},
            {QStringLiteral("kind"), QStringLiteral("payment")},
            {QStringLiteral("status"), QStringLiteral("pending_review")},
            {QStringLiteral("amount"), money(-1234)},
            {QStringLiteral("fees"), QJsonArray()},
            {QStringLiteral("counterparty"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Lantern")},
                                                         {QStringLiteral("type"), QStringLiteral("merchant")},
                                                         {QStringLiteral("id"), QStringLiteral("mer_l")}}},
            {QStringLiteral("receipt_no"), QStringLiteral("R-2")},
            {QStringLiteral("created_at"), QStringLiteral("2025-03-01T09:00:00Z")},
            {QStringLiteral("updated_at"), QStringLiteral("2025-03-01T09:00:01Z")},
            {QStringLiteral("balance_after"), money(98766)},
            {QStringLiteral("quote_id"), QStringLiteral("quo_2")},
            {QStringLiteral("debit"), money(1234)},
            {QStringLiteral("source"), QStringLiteral("balance")}};
}

QList<Sample> samples()
{
    QList<Sample> s;
    s.append(
        {QStringLiteral("Bank"),
         parse(R"({"id":"bnk_demo","name":"Demo","name_zh":"演示","wallet_supported":true,"country":"CN"})"),
         via(json::decodeBank, json::encodeBank),
         {"id", "name", "name_zh", "wallet_supported", "country"}});
    s.append(
        {QStringLiteral("FeeRule"),
         parse(R"({"kind":"top_up","funding":"credit","rate":"0.006","min":{"amount":10,"currency":"CNY"},
                        "free_allowance":{"amount":100000,"currency":"CNY"},"description":"Top-up","description_zh":"充值"})"),
         via(json::decodeFeeRule, json::encodeFeeRule),
         {"kind", "rate", "min", "description", "description_zh"}});
    s.append(
        {QStringLiteral("FxRates"),
         parse(R"({"base":"CNY","as_of":"2025-03-01T08:00:00Z","rates":{"USD":"0.1412","JPY":"21.18"}})"),
         via(json::decodeFxRates, json::encodeFxRates),
         {"base", "as_of", "rates"}});
    s.append(
        {QStringLiteral("Merchant"),
         parse(
             R"({"id":"mer_l","name":"Lantern","name_zh":"灯笼咖啡","category":"coffee","country":"CN","currency":"CNY"})"),
         via(json::decodeMerchant, json::encodeMerchant),
         {"id", "name", "name_zh", "category", "country", "currency"}});
    s.append({QStringLiteral("OtpInfo"),
              kOtp,
              via(json::decodeOtpInfo, json::encodeOtpInfo),
              {"channel", "to_masked", "expires_at", "resend_after"}});
    s.append({QStringLiteral("Limits"),
              limitsJson(),
              via(json::decodeLimits, json::encodeLimits),
              {"per_payment", "daily", "annual", "balance_cap", "used_today", "used_this_year"}});
    s.append(
        {QStringLiteral("Device"),
         parse(
             R"({"id":"dev_1","name":"Desk","created_at":"2025-03-01T09:00:00Z","last_seen_at":"2025-03-01T09:10:00.250Z","current":true})"),
         via(json::decodeDevice, json::encodeDevice),
         {"id", "name", "created_at", "last_seen_at", "current"}});
    QJsonObject wallet{{QStringLiteral("wallet_id"), QStringLiteral("wal_1")},
                       {QStringLiteral("full_name"), QStringLiteral("Li Lei")},
                       {QStringLiteral("phone_masked"), QStringLiteral("+86 139****0001")},
                       {QStringLiteral("tier"), 3},
                       {QStringLiteral("kyc_status"), QStringLiteral("verified")},
                       {QStringLiteral("balances"),
                        QJsonArray{QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")},
                                               {QStringLiteral("available"), money(100000)},
                                               {QStringLiteral("pending"), money(0)}}}},
                       {QStringLiteral("limits"), limitsJson()},
                       {QStringLiteral("totp_enabled"), false},
                       {QStringLiteral("payments_frozen"), false}};
    s.append({QStringLiteral("Wallet"),
              wallet,
              via(json::decodeWallet, json::encodeWallet),
              {"wallet_id", "full_name", "phone_masked", "tier", "kyc_status", "balances", "limits",
               "totp_enabled", "payments_frozen"}});
    s.append(
        {QStringLiteral("Card"),
         parse(
             R"({"id":"pm_1","type":"card","brand":"unionpay","funding":"debit","last4":"1232","exp_month":12,
                        "exp_year":2030,"holder_name":"Li Lei","is_default":true})"),
         via(json::decodePaymentMethod, json::encodePaymentMethod),
         {"id", "type", "brand", "funding", "last4", "exp_month", "exp_year", "holder_name", "is_default"}});
    s.append(
        {QStringLiteral("BankAccount"),
         parse(R"({"id":"pm_2","type":"bank_account","bank_id":"bnk_demo","bank_name":"Demo","last4":"7890",
                        "country":"CN","holder_name":"Li Lei","is_default":false})"),
         via(json::decodePaymentMethod, json::encodePaymentMethod),
         {"id", "type", "bank_id", "bank_name", "last4", "country", "holder_name", "is_default"}});
    s.append(
        {QStringLiteral("Quote"),
         parse(
             R"({"quote_id":"quo_1","expires_at":"2025-03-01T09:01:00Z","debit":{"amount":8985,"currency":"CNY"},
                        "credit":{"amount":1234,"currency":"USD"},"fees":[{"kind":"fx_margin","amount":{"amount":87,"currency":"CNY"}}],
                        "fx_rate":"0.1412","requires":["pin","otp"],
                        "limits":{"ok":false,"remaining_today":{"amount":0,"currency":"CNY"},"limit":"daily"},
                        "warnings":["limit_exceeded"],"kind":"payment","principal":{"amount":8739,"currency":"CNY"},
                        "travel_rule":false,"large_value_report":false})"),
         via(json::decodeQuote, json::encodeQuote),
         {"quote_id", "expires_at", "debit", "credit", "fees", "requires", "limits", "warnings"}});
    s.append(
        {QStringLiteral("Payment"),
         paymentJson(),
         via(json::decodePayment, json::encodePayment),
         {"id", "kind", "status", "debit", "credit", "fees", "counterparty", "created_at", "receipt_no"}});
    s.append({QStringLiteral("Transaction"),
              transactionJson(),
              via(json::decodeTransaction, json::encodeTransaction),
              {"id", "payment_id", "kind", "status", "amount", "fees", "counterparty", "receipt_no",
               "created_at", "updated_at", "balance_after"}});
    s.append({QStringLiteral("TransactionPage"),
              QJsonObject{{QStringLiteral("data"), QJsonArray{transactionJson()}},
                          {QStringLiteral("next_cursor"), QStringLiteral("c_42")},
                          {QStringLiteral("has_more"), true}},
              via(json::decodeTransactionPage, json::encodeTransactionPage),
              {"data", "next_cursor", "has_more"}});
    s.append(
        {QStringLiteral("OutboxMessage"),
         parse(
             R"({"to":"+8613900000001","channel":"sms","text":"Code 123456","text_zh":"验证码 123456","code":"123456",
                        "purpose":"enrollment","sent_at":"2025-03-01T09:00:00Z"})"),
         via(json::decodeOutboxMessage, json::encodeOutboxMessage),
         {"to", "channel", "text", "text_zh", "code", "purpose", "sent_at"}});
    s.append(
        {QStringLiteral("LedgerCheck"),
         parse(
             R"({"balanced":true,"entries":12,"sum":0,"sums":{"CNY":0},"unbalanced_journals":0,"overflow":false,
                        "reconciled":true,"wallet_rows_checked":3,"open_holds":0,"problems":["x"]})"),
         via(json::decodeLedgerCheck, json::encodeLedgerCheck),
         {"balanced", "entries", "sum"}});
    // Decode-only types (the client never sends them back).
    s.append(
        {QStringLiteral("Health"), parse(R"({"status":"ok"})"), decodeOnly(json::decodeHealth), {"status"}});
    s.append({QStringLiteral("EnrollmentStart"),
              QJsonObject{{QStringLiteral("enrollment_id"), QStringLiteral("enr_1")},
                          {QStringLiteral("status"), QStringLiteral("phone_unverified")},
                          {QStringLiteral("otp"), kOtp}},
              decodeOnly(json::decodeEnrollmentStart),
              {"enrollment_id", "status", "otp"}});
    s.append({QStringLiteral("EnrollmentVerify"),
              parse(R"({"status":"phone_verified"})"),
              decodeOnly(json::decodeEnrollmentVerify),
              {"status"}});
    s.append(
        {QStringLiteral("EnrollmentIdentity"),
         parse(
             R"({"status":"identity_verified","kyc":{"result":"review","tier":3,"reasons":["sanctions_review"]}})"),
         decodeOnly(json::decodeEnrollmentIdentity),
         {"status", "kyc"}});
    QJsonObject completed{
        {QStringLiteral("wallet_id"), QStringLiteral("wal_1")},
        {QStringLiteral("device_id"), QStringLiteral("dev_1")},
        {QStringLiteral("device_secret"), QStringLiteral("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")},
        {QStringLiteral("tier"), 3},
        {QStringLiteral("limits"), limitsJson()}};
    s.append({QStringLiteral("EnrollmentCredentials"),
              completed,
              decodeOnly(json::decodeEnrollmentCredentials),
              {"wallet_id", "device_id", "device_secret", "tier", "limits"}});
    QJsonObject added = completed;
    added.remove(QStringLiteral("tier"));
    added.remove(QStringLiteral("limits"));
    s.append({QStringLiteral("DeviceCredentials"),
              added,
              decodeOnly(json::decodeDeviceCredentials),
              {"wallet_id", "device_id", "device_secret"}});
    s.append({QStringLiteral("Session"),
              parse(R"({"access_token":"tok_abc","expires_in":900,"idle_timeout":300,"wallet_id":"wal_1"})"),
              [](const QJsonObject &o) -> Result<QJsonObject> {
                  auto r = json::decodeSession(o, QDateTime::currentDateTimeUtc());
                  if (!r)
                      return r.error();
                  return QJsonObject();
              },
              {"access_token", "expires_in", "idle_timeout", "wallet_id"}});
    s.append(
        {QStringLiteral("TotpEnrollment"),
         parse(
             R"({"secret_base32":"JBSWY3DPEHPK3PXP","otpauth_uri":"otpauth://totp/BankWallet:wal_1?secret=JBSWY3DPEHPK3PXP"})"),
         decodeOnly(json::decodeTotpEnrollment),
         {"secret_base32", "otpauth_uri"}});
    s.append({QStringLiteral("TotpStatus"),
              parse(R"({"totp_enabled":true})"),
              decodeOnly(json::decodeTotpStatus),
              {"totp_enabled"}});
    s.append(
        {QStringLiteral("PasswordReset"),
         QJsonObject{{QStringLiteral("reset_id"), QStringLiteral("rst_1")}, {QStringLiteral("otp"), kOtp}},
         decodeOnly(json::decodePasswordReset),
         {"reset_id", "otp"}});
    s.append({QStringLiteral("DevTierResult"),
              parse(R"({"wallet_id":"wal_1","tier":1})"),
              decodeOnly(json::decodeDevTierResult),
              {"wallet_id", "tier"}});
    return s;
}

QJsonObject sample(const char *name)
{
    for (const Sample &s : samples()) {
        if (s.name == QLatin1String(name))
            return s.json;
    }
    qFatal("no sample %s", name);
}

// Every JSON value of the wrong type for a field that holds `value`.
QList<QJsonValue> wrongTypes(const QJsonValue &value)
{
    QList<QJsonValue> out;
    if (!value.isString())
        out.append(QStringLiteral("text"));
    if (!value.isDouble())
        out.append(12.5);
    if (!value.isBool())
        out.append(true);
    if (!value.isArray())
        out.append(QJsonArray{1});
    if (!value.isObject())
        out.append(QJsonObject{{QStringLiteral("x"), 1}});
    return out;
}

} // namespace

class GatewayCodecTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<int>("index");
        const auto all = samples();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(qPrintable(all.at(i).name)) << i;
    }
    void roundTrips()
    {
        QFETCH(int, index);
        const Sample sample = samples().at(index);
        const auto first = sample.roundTrip(sample.json);
        VERIFY_OK_CODEC(first);
        if (first.value().isEmpty())
            return; // decode-only
        QCOMPARE(first.value(), sample.json);
        const auto second = sample.roundTrip(first.value());
        QVERIFY(second.ok());
        QCOMPARE(second.value(), first.value());
    }

    // Removing a required field, or giving any field a value of the wrong JSON type, is a Decode error
    // naming the field.
    void rejectsMissingAndWrongTypes_data() { roundTrips_data(); }
    void rejectsMissingAndWrongTypes()
    {
        QFETCH(int, index);
        const Sample sample = samples().at(index);
        for (const QString &key : sample.required) {
            QJsonObject broken = sample.json;
            broken.remove(key);
            const auto r = sample.roundTrip(broken);
            QVERIFY2(!r.ok(), qPrintable(sample.name + QStringLiteral(" without ") + key));
            QCOMPARE(r.error().kind, ErrorKind::Decode);
            QVERIFY2(r.error().param.startsWith(key), qPrintable(r.error().summary()));
        }
        for (auto it = sample.json.begin(); it != sample.json.end(); ++it) {
            for (const QJsonValue &wrong : wrongTypes(it.value())) {
                QJsonObject broken = sample.json;
                broken.insert(it.key(), wrong);
                const auto r = sample.roundTrip(broken);
                // Free-form extra fields are never wrong-typed in a way the client reads; all fields here are
                // read, so each wrong type must be refused.
                QVERIFY2(!r.ok(),
                         qPrintable(
                             QStringLiteral("%1.%2 = %3 was accepted")
                                 .arg(sample.name, it.key(),
                                      QString::fromUtf8(
                                          QJsonDocument(QJsonArray{wrong}).toJson(QJsonDocument::Compact)))));
                QCOMPARE(r.error().kind, ErrorKind::Decode);
            }
        }
        // Not an object at all.
        QVERIFY(!json::parseObject("[1,2]").ok());
        QVERIFY(!json::parseObject("{\"a\":").ok());
        QVERIFY(!json::parseObject("").ok());
    }

    void rejectsBadMoney()
    {
        const auto decode = [](const QJsonValue &v) { return json::decodeMoney(v); };
        QVERIFY(decode(money(12345)).ok());
        QCOMPARE(decode(money(12345)).value(), bw::core::Money(12345, *bw::core::Currency::fromCode(u"CNY")));
        QVERIFY(decode(money(-9'000'000'000'000'000)).ok());
        QVERIFY(decode(money(9'000'000'000'000'000)).ok());
        // Qt's JSON parser does not keep a number's spelling: an exact integer written as 1e3 or 12.0 reads
        // as that integer (harmless: the value is exact). Fractions and out-of-range values are refused
        // below.
        QCOMPARE(decode(parse(R"({"amount": 1e3, "currency": "CNY"})")).value().minorUnits(), 1000);
        const QList<QJsonObject> bad{
            money(9'000'000'000'000'001),
            money(-9'000'000'000'000'001),
            parse(R"({"amount": 12.5, "currency": "CNY"})"),
            parse(R"({"amount": 99999999999999999999999, "currency": "CNY"})"),
            parse(R"({"amount": "12", "currency": "CNY"})"),
            parse(R"({"amount": null, "currency": "CNY"})"),
            parse(R"({"amount": 12, "currency": "cny"})"),
            parse(R"({"amount": 12, "currency": "XYZ"})"),
            parse(R"({"amount": 12, "currency": "CNYY"})"),
            parse(R"({"amount": 12, "currency": 156})"),
            parse(R"({"amount": 12})"),
            parse(R"({"currency": "CNY"})"),
        };
        for (const QJsonObject &o : bad) {
            const auto r = decode(o);
            QVERIFY2(!r.ok(), QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(r.error().kind, ErrorKind::Decode);
        }
        QVERIFY(!decode(QJsonValue(12)).ok());
        // Deep inside a list: the path says where.
        QJsonObject page{{QStringLiteral("data"), QJsonArray{transactionJson(), transactionJson()}},
                         {QStringLiteral("next_cursor"), QJsonValue()},
                         {QStringLiteral("has_more"), false}};
        QJsonArray data = page.value(QStringLiteral("data")).toArray();
        QJsonObject second = data.at(1).toObject();
        second.insert(QStringLiteral("balance_after"), parse(R"({"amount": 1, "currency": "QQQ"})"));
        data.replace(1, second);
        page.insert(QStringLiteral("data"), data);
        const auto r = json::decodeTransactionPage(page);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().param, QStringLiteral("data[1].balance_after.currency"));
        QVERIFY(!r.error().userMessage().isEmpty());
    }

    void rejectsUnknownEnumsTimesRatesAndIds()
    {
        const auto rejects = [](const QJsonObject &base, const QString &key, const QJsonValue &value,
                                const std::function<bool(const QJsonObject &)> &decodes) {
            QJsonObject o = base;
            o.insert(key, value);
            return !decodes(o);
        };
        const auto payment = [](const QJsonObject &o) { return json::decodePayment(o).ok(); };
        QVERIFY(rejects(paymentJson(), QStringLiteral("status"), QStringLiteral("exploded"), payment));
        QVERIFY(rejects(paymentJson(), QStringLiteral("status"), QStringLiteral("SUCCEEDED"), payment));
        QVERIFY(rejects(paymentJson(), QStringLiteral("id"), QStringLiteral("txn_1"), payment));
        QVERIFY(rejects(paymentJson(), QStringLiteral("quote_id"), QStringLiteral("pay_1"), payment));
        QVERIFY(rejects(paymentJson(), QStringLiteral("fx_rate"), QStringLiteral("-1.2"), payment));
        QVERIFY(rejects(paymentJson(), QStringLiteral("fx_rate"), QStringLiteral("1e3"), payment));
        QVERIFY(rejects(paymentJson(), QStringLiteral("fx_rate"), 0.1412, payment));
        for (const char *time : {"2025-03-01 09:00:00Z", "2025-03-01T09:00:00", "2025-02-30T09:00:00Z",
                                 "2025-03-01T25:00:00Z", "yesterday", ""})
            QVERIFY2(rejects(paymentJson(), QStringLiteral("created_at"), QLatin1String(time), payment),
                     time);
        // Optional fields may be absent; quote_id too (older gateways).
        QJsonObject minimal = paymentJson();
        for (const char *key :
             {"failure_code", "fx_rate", "note", "quote_id", "travel_rule", "large_value_report"})
            minimal.remove(QLatin1String(key));
        const auto decoded = json::decodePayment(minimal);
        VERIFY_OK_CODEC(decoded);
        QVERIFY(decoded->quoteId.isEmpty());
        QVERIFY(!decoded->fxRate);
        // Time zones are converted to UTC.
        auto t = json::decodeTime(QStringLiteral("2025-03-01T17:00:00+08:00"));
        VERIFY_OK_CODEC(t);
        QCOMPARE(t.value(), QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(t.value().timeSpec(), Qt::UTC);

        const auto quote = [](const QJsonObject &o) { return json::decodeQuote(o).ok(); };
        const QJsonObject q = sample("Quote");
        QVERIFY(json::decodeQuote(q).ok());
        QVERIFY(rejects(q, QStringLiteral("requires"),
                        QJsonArray{QStringLiteral("pin"), QStringLiteral("face")}, quote));
        QVERIFY(rejects(q, QStringLiteral("kind"), QStringLiteral("gift"), quote));
        QJsonObject limits = q.value(QStringLiteral("limits")).toObject();
        limits.insert(QStringLiteral("limit"), QStringLiteral("weekly"));
        QVERIFY(rejects(q, QStringLiteral("limits"), limits, quote));

        const auto method = [](const QJsonObject &o) { return json::decodePaymentMethod(o).ok(); };
        const QJsonObject card = sample("Card");
        QVERIFY(rejects(card, QStringLiteral("brand"), QStringLiteral("diners"), method));
        QVERIFY(rejects(card, QStringLiteral("funding"), QStringLiteral("bank_account"), method));
        QVERIFY(rejects(card, QStringLiteral("type"), QStringLiteral("crypto"), method));
        QVERIFY(rejects(card, QStringLiteral("exp_month"), 13, method));
        QVERIFY(rejects(card, QStringLiteral("last4"), QStringLiteral("12345"), method));

        const auto wallet = [](const QJsonObject &o) { return json::decodeWallet(o).ok(); };
        QVERIFY(rejects(sample("Wallet"), QStringLiteral("tier"), 5, wallet));
        QVERIFY(rejects(sample("Wallet"), QStringLiteral("tier"), 0, wallet));

        const auto creds = [](const QJsonObject &o) { return json::decodeEnrollmentCredentials(o).ok(); };
        const QJsonObject completed = sample("EnrollmentCredentials");
        QVERIFY(json::decodeEnrollmentCredentials(completed).ok());
        QVERIFY(rejects(completed, QStringLiteral("device_secret"), QStringLiteral("not base64!"), creds));
        QVERIFY(
            rejects(completed, QStringLiteral("device_secret"), QStringLiteral("AAAA"), creds)); // 3 bytes

        const auto fx = [](const QJsonObject &o) { return json::decodeFxRates(o).ok(); };
        QVERIFY(rejects(sample("FxRates"), QStringLiteral("rates"),
                        QJsonObject{{QStringLiteral("usd"), QStringLiteral("1")}}, fx));
        QVERIFY(rejects(sample("FxRates"), QStringLiteral("base"), QStringLiteral("USD"), fx));

        const auto page = [](const QJsonObject &o) { return json::decodeTransactionPage(o).ok(); };
        QVERIFY(rejects(sample("TransactionPage"), QStringLiteral("next_cursor"), 5, page));
        // null cursor is allowed (an empty feed).
        QJsonObject empty{{QStringLiteral("data"), QJsonArray()},
                          {QStringLiteral("next_cursor"), QJsonValue()},
                          {QStringLiteral("has_more"), false}};
        QVERIFY(json::decodeTransactionPage(empty).ok());

        // {"data": [0 or 1 payments]}.
        QVERIFY(json::decodePaymentSearch(QJsonObject{{QStringLiteral("data"), QJsonArray()}}).ok());
        QVERIFY(!json::decodePaymentSearch(QJsonObject{{QStringLiteral("data"), QJsonArray()}})->has_value());
        QVERIFY(json::decodePaymentSearch(QJsonObject{{QStringLiteral("data"), QJsonArray{paymentJson()}}})
                    ->has_value());
        QVERIFY(!json::decodePaymentSearch(
                     QJsonObject{{QStringLiteral("data"), QJsonArray{paymentJson(), paymentJson()}}})
                     .ok());
        // Lists decode every element.
        QVERIFY(json::decodeBankList(QJsonObject{{QStringLiteral("data"), QJsonArray{sample("Bank")}}}).ok());
        QVERIFY(!json::decodeBankList(QJsonObject{{QStringLiteral("data"), QJsonArray{1}}}).ok());
        QVERIFY(!json::decodeMerchantList(QJsonObject{{QStringLiteral("data"), QJsonObject()}}).ok());
    }

    // Random garbage in place of every field never crashes (ASan/UBSan watch) and is refused.
    void garbageNeverCrashes()
    {
        const QList<QJsonValue> garbage{QJsonValue(),
                                        QJsonValue(QJsonValue::Undefined),
                                        1e308,
                                        -1e308,
                                        QJsonValue(qint64(std::numeric_limits<qint64>::min())),
                                        QStringLiteral("\u0000\uFFFF"),
                                        QJsonArray{QJsonArray{}}};
        for (const Sample &sample : samples()) {
            for (auto it = sample.json.begin(); it != sample.json.end(); ++it) {
                for (const QJsonValue &g : garbage) {
                    QJsonObject broken = sample.json;
                    broken.insert(it.key(), g);
                    (void)sample.roundTrip(broken);
                }
            }
        }
    }

    void requestEncoders()
    {
        QuoteRequest q;
        q.kind = QuoteKind::TopUp;
        q.amount = bw::core::Money(100000, *bw::core::Currency::fromCode(u"CNY"));
        q.source = QStringLiteral("pm_1");
        QCOMPARE(json::encodeQuoteRequest(q),
                 parse(R"({"kind":"top_up","amount":{"amount":100000,"currency":"CNY"},"source":"pm_1"})"));
        q.kind = QuoteKind::Payment;
        q.source = QStringLiteral("balance");
        q.merchantId = QStringLiteral("mer_l");
        QCOMPARE(json::encodeQuoteRequest(q).value(QStringLiteral("destination")).toObject(),
                 parse(R"({"merchant_id":"mer_l"})"));
        PaymentRequest p{QStringLiteral("quo_1"), QStringLiteral("370915"), {}, {}};
        QCOMPARE(json::encodePaymentRequest(p), parse(R"({"quote_id":"quo_1","pin":"370915"})"));
        IdentityRequest id;
        id.documentNumber = QStringLiteral("X");
        id.dateOfBirth = QDate(1990, 3, 7);
        QCOMPARE(
            json::encodeIdentityRequest(id),
            parse(
                R"({"document_type":"cn_resident_id","document_number":"X","date_of_birth":"1990-03-07","nationality":"CN"})"));
        BankAccountRequest a{
            QStringLiteral("bnk_demo"), {}, QStringLiteral("GB82WEST12345698765432"), QStringLiteral("Li")};
        QCOMPARE(json::encodeBankAccountRequest(a).value(QStringLiteral("iban")).toString(),
                 QStringLiteral("GB82WEST12345698765432"));
        QVERIFY(!json::encodeBankAccountRequest(a).contains(QStringLiteral("account_number")));
        QCOMPARE(json::encodeTime(QDateTime(QDate(2025, 3, 1), QTime(17, 0), Qt::OffsetFromUTC, 8 * 3600)),
                 QStringLiteral("2025-03-01T09:00:00Z"));
    }

    void errorEnvelope()
    {
        const QByteArray body =
            R"({"error":{"type":"authentication_error","code":"pin_invalid","message":"Wrong PIN.","param":"pin","attempts_remaining":3}})";
        const auto e = json::decodeErrorEnvelope(body, 401);
        QVERIFY(e);
        QCOMPARE(e->kind, ErrorKind::Api);
        QCOMPARE(e->httpStatus, 401);
        QCOMPARE(e->code, QStringLiteral("pin_invalid"));
        QCOMPARE(e->type, QStringLiteral("authentication_error"));
        QCOMPARE(e->param, QStringLiteral("pin"));
        QCOMPARE(e->attemptsRemaining, std::optional<int>(3));
        QVERIFY(e->userMessage().contains(QLatin1Char('3')));
        QVERIFY(e->userMessage() != genericApiErrorMessage());
        const auto locked = json::decodeErrorEnvelope(
            R"({"error":{"type":"authorization_error","code":"account_locked","message":"x","locked_until":"2025-03-01T09:15:00Z"}})",
            403);
        QVERIFY(locked && locked->lockedUntil == QDateTime(QDate(2025, 3, 1), QTime(9, 15), Qt::UTC));
        const auto limited = json::decodeErrorEnvelope(
            R"({"error":{"type":"limit_error","code":"limit_exceeded","message":"x","limit":"daily"}})", 403);
        QVERIFY(limited && limited->limit == QStringLiteral("daily"));
        QVERIFY(limited->userMessage() != contractCodeMessage(QStringLiteral("limit_exceeded")));
        // Not envelopes: the client reports kind Http.
        QVERIFY(!json::decodeErrorEnvelope("<html>Bad gateway</html>", 502));
        QVERIFY(!json::decodeErrorEnvelope(R"({"error":"x"})", 500));
        QVERIFY(!json::decodeErrorEnvelope(R"({"error":{"code":5,"type":"api_error"}})", 500));
        // An unknown code still gets a sentence: the generic one.
        const auto unknown =
            json::decodeErrorEnvelope(R"({"error":{"type":"api_error","code":"brand_new"}})", 500);
        QVERIFY(unknown);
        QCOMPARE(unknown->userMessage(), genericApiErrorMessage());
    }

    // Every code the contract names (docs/gateway-openapi.yaml: each operation's x-error-codes and the
    // top-level x-error-catalog) has its own sentence in the one table.
    void everyContractCodeHasAMessage()
    {
        QFile file(QStringLiteral(BW_OPENAPI_PATH));
        QVERIFY2(file.open(QIODevice::ReadOnly), BW_OPENAPI_PATH);
        const QString yaml = QString::fromUtf8(file.readAll());
        QSet<QString> codes;
        static const QRegularExpression lists(QStringLiteral("(?:x-error-codes|codes):\\s*\\[([^\\]]*)\\]"));
        for (auto it = lists.globalMatch(yaml); it.hasNext();) {
            for (const QString &code : it.next().captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
                codes.insert(code.trimmed());
        }
        QVERIFY2(codes.size() > 50, qPrintable(QString::number(codes.size())));
        for (const char *extra : {"rate_limited", "method_not_allowed", "underage", "sanctions_match",
                                  "sanctions_review", "review_not_pending"})
            codes.insert(QLatin1String(extra));
        const QString generic = genericApiErrorMessage();
        const QStringList known = knownContractCodes();
        QStringList missing;
        for (const QString &code : std::as_const(codes)) {
            GatewayError error = GatewayError::make(ErrorKind::Api, code);
            const QString message = error.userMessage();
            if (!known.contains(code) || message.isEmpty() || message == generic)
                missing.append(code);
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
        // Every table entry is distinct from the generic text and non-empty.
        for (const QString &code : known)
            QVERIFY2(!contractCodeMessage(code).isEmpty() && contractCodeMessage(code) != generic,
                     qPrintable(code));
        // Every kind has its own sentence.
        for (ErrorKind kind :
             {ErrorKind::Network, ErrorKind::Timeout, ErrorKind::Tls, ErrorKind::Http, ErrorKind::Decode,
              ErrorKind::Keychain, ErrorKind::Cancelled, ErrorKind::Configuration})
            QVERIFY(!GatewayError::make(kind).userMessage().isEmpty());
        QVERIFY(GatewayError::make(ErrorKind::Configuration, QStringLiteral("insecure_url")).userMessage() !=
                GatewayError::make(ErrorKind::Configuration, QStringLiteral("invalid_url")).userMessage());
    }
};

QTEST_GUILESS_MAIN(GatewayCodecTest)
#include "test_gateway_codec.moc"
