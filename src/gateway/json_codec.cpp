#include "gateway/json_codec.h"

#include "crypto/encoding.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <array>
#include <limits>
#include <utility>

namespace bw::gateway::json {

// Money and time at a JSON path (the public decodeMoney/decodeTime use the root path).
Result<Money> decodeMoneyAt(const QJsonValue &value, const QString &path);
Result<QDateTime> decodeTimeAt(const QJsonValue &value, const QString &path);

namespace {

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexed(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

const char *typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        return "missing";
    }
    return "unknown";
}

// An enum the contract fixes: its spellings in declaration order.
template<typename E, std::size_t N>
struct EnumTable
{
    std::array<std::pair<E, const char *>, N> entries;

    QString name(E value) const
    {
        for (const auto &entry : entries) {
            if (entry.first == value)
                return QLatin1String(entry.second);
        }
        return {};
    }
    std::optional<E> parse(QStringView text) const
    {
        for (const auto &entry : entries) {
            if (text == QLatin1String(entry.second))
                return entry.first;
        }
        return std::nullopt;
    }
};

template<typename E, typename... P>
constexpr auto table(P... pairs)
{
    return EnumTable<E, sizeof...(P)>{{std::pair<E, const char *>(pairs)...}};
}

const auto kFunding = table<Funding>(std::pair{Funding::Debit, "debit"}, std::pair{Funding::Credit, "credit"},
                                     std::pair{Funding::BankAccount, "bank_account"});
const auto kKyc =
    table<KycResult>(std::pair{KycResult::Verified, "verified"}, std::pair{KycResult::Review, "review"},
                     std::pair{KycResult::Rejected, "rejected"});
const auto kMethodType = table<PaymentMethodType>(std::pair{PaymentMethodType::Card, "card"},
                                                  std::pair{PaymentMethodType::BankAccount, "bank_account"});
const auto kBrand =
    table<CardBrand>(std::pair{CardBrand::Visa, "visa"}, std::pair{CardBrand::Mastercard, "mastercard"},
                     std::pair{CardBrand::UnionPay, "unionpay"}, std::pair{CardBrand::Amex, "amex"},
                     std::pair{CardBrand::Jcb, "jcb"});
const auto kQuoteKind =
    table<QuoteKind>(std::pair{QuoteKind::Payment, "payment"}, std::pair{QuoteKind::Transfer, "transfer"},
                     std::pair{QuoteKind::TopUp, "top_up"}, std::pair{QuoteKind::Withdrawal, "withdrawal"});
const auto kSecondFactor =
    table<SecondFactor>(std::pair{SecondFactor::Pin, "pin"}, std::pair{SecondFactor::Otp, "otp"});
const auto kLimit =
    table<LimitKind>(std::pair{LimitKind::PerPayment, "per_payment"}, std::pair{LimitKind::Daily, "daily"},
                     std::pair{LimitKind::Annual, "annual"}, std::pair{LimitKind::BalanceCap, "balance_cap"});
const auto kStatus = table<PaymentStatus>(std::pair{PaymentStatus::Succeeded, "succeeded"},
                                          std::pair{PaymentStatus::Processing, "processing"},
                                          std::pair{PaymentStatus::PendingReview, "pending_review"},
                                          std::pair{PaymentStatus::Rejected, "rejected"});
const auto kPurpose = table<WalletOtpPurpose>(std::pair{WalletOtpPurpose::PinChange, "pin_change"},
                                              std::pair{WalletOtpPurpose::TotpDisable, "totp_disable"});
const auto kDecision = table<ReviewDecision>(std::pair{ReviewDecision::Approve, "approve"},
                                             std::pair{ReviewDecision::Reject, "reject"});
const auto kDocument = table<DocumentType>(std::pair{DocumentType::CnResidentId, "cn_resident_id"},
                                           std::pair{DocumentType::Passport, "passport"});

bool isCountryCode(const QString &text)
{
    return text.size() == 2 && text.at(0).isUpper() && text.at(1).isUpper() && text.at(0).unicode() < 128 &&
           text.at(1).unicode() < 128;
}

bool isCurrencyCodeShape(QStringView text)
{
    if (text.size() != 3)
        return false;
    for (QChar c : text) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    }
    return true;
}

// Reads the fields of one JSON object under a path; remembers the first failure. Every getter returns a
// harmless default after a failure, so a decoder can read all fields and check ok() once at the end.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {}

    bool ok() const { return !m_error.isError(); }
    GatewayError error() const { return m_error; }
    const QString &path() const { return m_path; }
    QString at(const QString &key) const { return join(m_path, key); }

    void fail(const QString &path, const QString &reason)
    {
        if (ok())
            m_error = GatewayError::decode(path, reason);
    }
    void failWith(const GatewayError &error)
    {
        if (ok())
            m_error = error;
    }

    bool has(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return !v.isUndefined() && !v.isNull();
    }

    QJsonValue required(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            fail(at(key), QStringLiteral("required field is missing"));
        return v;
    }

    QString string(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!v.isUndefined() && !v.isString())
            fail(at(key), QStringLiteral("expected a string, got %1").arg(QLatin1String(typeName(v))));
        return v.toString();
    }
    // Absent or null → empty.
    QString optString(const QString &key)
    {
        if (!has(key))
            return {};
        return string(key);
    }
    // A string that must start with an id prefix ("pay_").
    QString id(const QString &key, const char *prefix)
    {
        const QString text = string(key);
        if (ok() && !text.startsWith(QLatin1String(prefix)))
            fail(at(key), QStringLiteral("expected an id starting with %1").arg(QLatin1String(prefix)));
        return text;
    }
    QString optId(const QString &key, const char *prefix) { return has(key) ? id(key, prefix) : QString(); }
    QString country(const QString &key)
    {
        const QString text = string(key);
        if (ok() && !isCountryCode(text))
            fail(at(key), QStringLiteral("expected an ISO 3166-1 alpha-2 country code"));
        return text;
    }

    bool boolean(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!v.isUndefined() && !v.isBool())
            fail(at(key), QStringLiteral("expected a boolean, got %1").arg(QLatin1String(typeName(v))));
        return v.toBool();
    }
    bool optBoolean(const QString &key, bool fallback = false) { return has(key) ? boolean(key) : fallback; }

    qint64 integer(const QString &key, qint64 min, qint64 max)
    {
        return integerValue(required(key), at(key), min, max);
    }
    std::optional<qint64> optInteger(const QString &key, qint64 min, qint64 max)
    {
        if (!has(key))
            return std::nullopt;
        return integer(key, min, max);
    }
    int tier(const QString &key) { return int(integer(key, 1, 4)); }

    qint64 integerValue(const QJsonValue &v, const QString &where, qint64 min, qint64 max)
    {
        if (v.isUndefined())
            return 0;
        // QCborValue keeps the difference between 12 and 12.0 / 1e3 that QJsonValue hides.
        const QCborValue cbor = QCborValue::fromJsonValue(v);
        if (!cbor.isInteger()) {
            fail(where, v.isDouble()
                            ? QStringLiteral("expected an integer, got a fraction or an out-of-range "
                                             "number")
                            : QStringLiteral("expected an integer, got %1").arg(QLatin1String(typeName(v))));
            return 0;
        }
        const qint64 value = cbor.toInteger();
        if (value < min || value > max) {
            fail(where, QStringLiteral("integer %1 outside %2..%3").arg(value).arg(min).arg(max));
            return 0;
        }
        return value;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!v.isUndefined() && !v.isObject())
            fail(at(key), QStringLiteral("expected an object, got %1").arg(QLatin1String(typeName(v))));
        return v.toObject();
    }
    QJsonArray array(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!v.isUndefined() && !v.isArray())
            fail(at(key), QStringLiteral("expected an array, got %1").arg(QLatin1String(typeName(v))));
        return v.toArray();
    }
    QStringList stringList(const QString &key)
    {
        QStringList list;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; ok() && i < items.size(); ++i) {
            if (!items.at(i).isString())
                fail(indexed(at(key), i), QStringLiteral("expected a string"));
            list.append(items.at(i).toString());
        }
        return list;
    }

    core::Currency currency(const QString &key)
    {
        const QString code = string(key);
        if (!ok())
            return {};
        const auto currency = core::Currency::fromCode(code);
        if (!isCurrencyCodeShape(code) || !currency) {
            fail(at(key), QStringLiteral("unknown currency '%1'").arg(code.left(8)));
            return {};
        }
        return *currency;
    }

    Money money(const QString &key) { return take(json::decodeMoneyAt(required(key), at(key))); }
    std::optional<Money> optMoney(const QString &key)
    {
        if (!has(key))
            return std::nullopt;
        return money(key);
    }
    // Present (null allowed) — for the contract's nullable money fields.
    std::optional<Money> nullableMoney(const QString &key)
    {
        const QJsonValue v = required(key);
        if (v.isNull() || v.isUndefined())
            return std::nullopt;
        return money(key);
    }

    QDateTime time(const QString &key) { return take(json::decodeTimeAt(required(key), at(key))); }
    QDateTime optTime(const QString &key) { return has(key) ? time(key) : QDateTime(); }

    DecimalRate rate(const QString &key) { return rateValue(required(key), at(key)); }
    std::optional<DecimalRate> optRate(const QString &key)
    {
        if (!has(key))
            return std::nullopt;
        return rate(key);
    }
    DecimalRate rateValue(const QJsonValue &v, const QString &where)
    {
        if (v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(where, QStringLiteral("expected a decimal string, got %1").arg(QLatin1String(typeName(v))));
            return {};
        }
        const auto parsed = DecimalRate::parse(v.toString());
        if (!parsed) {
            fail(where, QStringLiteral("malformed rate (%1)").arg(core::moneyErrorCode(parsed.error())));
            return {};
        }
        return parsed.value();
    }

    template<typename E, std::size_t N>
    E enumValue(const QString &key, const EnumTable<E, N> &values)
    {
        const QString text = string(key);
        if (!ok())
            return values.entries.front().first;
        const auto parsed = values.parse(text);
        if (!parsed) {
            fail(at(key), QStringLiteral("unknown value '%1'").arg(text.left(40)));
            return values.entries.front().first;
        }
        return *parsed;
    }
    template<typename E, std::size_t N>
    std::optional<E> optEnum(const QString &key, const EnumTable<E, N> &values)
    {
        if (!has(key))
            return std::nullopt;
        return enumValue(key, values);
    }

    // A nested value decoded by another decoder: takes its value or its error.
    template<typename T>
    T take(Result<T> result)
    {
        if (!result) {
            failWith(result.error());
            return T();
        }
        return std::move(result).value();
    }

    // Each element of an array through decode(value, path).
    template<typename T, typename F>
    QList<T> list(const QString &key, F decode)
    {
        QList<T> out;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; ok() && i < items.size(); ++i)
            out.append(take(decode(items.at(i), indexed(at(key), i))));
        return out;
    }

private:
    QJsonObject m_object;
    QString m_path;
    GatewayError m_error;
};

template<typename T>
Result<T> finish(const Reader &reader, T value)
{
    if (!reader.ok())
        return reader.error();
    return value;
}

// Decoders over (value, path): the public ones call these with path "".
Result<QJsonObject> objectAt(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return GatewayError::decode(
            path.isEmpty() ? QStringLiteral("$") : path,
            QStringLiteral("expected an object, got %1").arg(QLatin1String(typeName(value))));
    return value.toObject();
}

#define BW_OBJECT_OR_RETURN(name, value, path)                                                               \
    const Result<QJsonObject> name##Object = objectAt(value, path);                                          \
    if (!name##Object)                                                                                       \
        return name##Object.error();                                                                         \
    Reader name(name##Object.value(), path)

Result<FeeLine> feeLineAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    FeeLine line;
    line.kind = r.string(QStringLiteral("kind"));
    line.amount = r.money(QStringLiteral("amount"));
    return finish(r, line);
}

Result<Counterparty> counterpartyAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Counterparty c;
    c.name = r.string(QStringLiteral("name"));
    c.type = r.string(QStringLiteral("type"));
    c.id = r.string(QStringLiteral("id"));
    return finish(r, c);
}

Result<OtpInfo> otpInfoAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    OtpInfo otp;
    otp.channel = r.string(QStringLiteral("channel"));
    otp.toMasked = r.string(QStringLiteral("to_masked"));
    otp.expiresAt = r.time(QStringLiteral("expires_at"));
    otp.resendAfter = r.time(QStringLiteral("resend_after"));
    return finish(r, otp);
}

// requireUsage false: a new wallet's limits (POST /v1/enrollments/{id}/complete), which the stub sends
// without used_today/used_this_year although the Limits schema lists them; nothing is used yet, so zero.
Result<Limits> limitsAt(const QJsonValue &value, const QString &path, bool requireUsage = true)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Limits l;
    l.perPayment = r.nullableMoney(QStringLiteral("per_payment"));
    l.daily = r.nullableMoney(QStringLiteral("daily"));
    l.annual = r.nullableMoney(QStringLiteral("annual"));
    l.balanceCap = r.nullableMoney(QStringLiteral("balance_cap"));
    const Money zero = Money::zero(*core::Currency::fromCode(u"CNY"));
    l.usedToday =
        requireUsage || r.has(QStringLiteral("used_today")) ? r.money(QStringLiteral("used_today")) : zero;
    l.usedThisYear = requireUsage || r.has(QStringLiteral("used_this_year"))
                         ? r.money(QStringLiteral("used_this_year"))
                         : zero;
    return finish(r, l);
}

Result<Bank> bankAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Bank b;
    b.id = r.id(QStringLiteral("id"), "bnk_");
    b.name = r.string(QStringLiteral("name"));
    b.nameZh = r.string(QStringLiteral("name_zh"));
    b.walletSupported = r.boolean(QStringLiteral("wallet_supported"));
    b.country = r.country(QStringLiteral("country"));
    return finish(r, b);
}

Result<FeeRule> feeRuleAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    FeeRule f;
    f.kind = r.string(QStringLiteral("kind"));
    f.funding = r.optEnum(QStringLiteral("funding"), kFunding);
    f.rate = r.rate(QStringLiteral("rate"));
    f.min = r.money(QStringLiteral("min"));
    f.freeAllowance = r.optMoney(QStringLiteral("free_allowance"));
    f.description = r.string(QStringLiteral("description"));
    f.descriptionZh = r.string(QStringLiteral("description_zh"));
    return finish(r, f);
}

Result<Merchant> merchantAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Merchant m;
    m.id = r.id(QStringLiteral("id"), "mer_");
    m.name = r.string(QStringLiteral("name"));
    m.nameZh = r.string(QStringLiteral("name_zh"));
    m.category = r.string(QStringLiteral("category"));
    m.country = r.country(QStringLiteral("country"));
    m.currency = r.currency(QStringLiteral("currency"));
    return finish(r, m);
}

Result<Device> deviceAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Device d;
    d.id = r.id(QStringLiteral("id"), "dev_");
    d.name = r.string(QStringLiteral("name"));
    d.createdAt = r.time(QStringLiteral("created_at"));
    // Required by the contract; null is tolerated for a device that never signed a request.
    if (r.has(QStringLiteral("last_seen_at")))
        d.lastSeenAt = r.time(QStringLiteral("last_seen_at"));
    else
        r.required(QStringLiteral("last_seen_at"));
    d.current = r.boolean(QStringLiteral("current"));
    return finish(r, d);
}

Result<Balance> balanceAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Balance b;
    b.currency = r.currency(QStringLiteral("currency"));
    b.available = r.money(QStringLiteral("available"));
    b.pending = r.money(QStringLiteral("pending"));
    if (r.ok() && (b.available.currency() != b.currency || b.pending.currency() != b.currency))
        r.fail(r.path(), QStringLiteral("balance amounts are not in the balance's currency"));
    return finish(r, b);
}

Result<PaymentMethod> paymentMethodAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    PaymentMethod m;
    m.id = r.id(QStringLiteral("id"), "pm_");
    m.type = r.enumValue(QStringLiteral("type"), kMethodType);
    m.last4 = r.string(QStringLiteral("last4"));
    m.holderName = r.string(QStringLiteral("holder_name"));
    m.isDefault = r.boolean(QStringLiteral("is_default"));
    if (r.ok() && m.last4.size() != 4)
        r.fail(r.at(QStringLiteral("last4")), QStringLiteral("expected 4 characters"));
    if (!r.ok())
        return r.error();
    if (m.type == PaymentMethodType::Card) {
        m.brand = r.enumValue(QStringLiteral("brand"), kBrand);
        m.funding = r.enumValue(QStringLiteral("funding"), kFunding);
        if (r.ok() && *m.funding == Funding::BankAccount)
            r.fail(r.at(QStringLiteral("funding")), QStringLiteral("a card is debit or credit"));
        m.expMonth = int(r.integer(QStringLiteral("exp_month"), 1, 12));
        m.expYear = int(r.integer(QStringLiteral("exp_year"), 2000, 9999));
    } else {
        m.bankId = r.id(QStringLiteral("bank_id"), "bnk_");
        m.bankName = r.string(QStringLiteral("bank_name"));
        m.country = r.country(QStringLiteral("country"));
    }
    return finish(r, m);
}

Result<TravelRule> travelRuleAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    TravelRule t;
    if (r.has(QStringLiteral("originator"))) {
        const QJsonObject o = r.object(QStringLiteral("originator"));
        Reader ro(o, r.at(QStringLiteral("originator")));
        t.originatorName = ro.optString(QStringLiteral("name"));
        t.originatorWalletId = ro.optString(QStringLiteral("wallet_id"));
        t.originatorDocumentCountry = ro.optString(QStringLiteral("document_country"));
        if (!ro.ok())
            return ro.error();
    }
    if (r.has(QStringLiteral("beneficiary"))) {
        const QJsonObject o = r.object(QStringLiteral("beneficiary"));
        Reader rb(o, r.at(QStringLiteral("beneficiary")));
        t.beneficiaryName = rb.optString(QStringLiteral("name"));
        t.beneficiaryAccount = rb.optString(QStringLiteral("account"));
        t.beneficiaryCountry = rb.optString(QStringLiteral("country"));
        if (!rb.ok())
            return rb.error();
    }
    return finish(r, t);
}

Result<Payment> paymentAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Payment p;
    p.id = r.id(QStringLiteral("id"), "pay_");
    p.kind = r.string(QStringLiteral("kind"));
    p.status = r.enumValue(QStringLiteral("status"), kStatus);
    p.failureCode = r.optString(QStringLiteral("failure_code"));
    p.debit = r.money(QStringLiteral("debit"));
    p.credit = r.money(QStringLiteral("credit"));
    p.fees = r.list<FeeLine>(QStringLiteral("fees"), feeLineAt);
    p.fxRate = r.optRate(QStringLiteral("fx_rate"));
    p.counterparty = r.take(
        counterpartyAt(r.required(QStringLiteral("counterparty")), r.at(QStringLiteral("counterparty"))));
    p.note = r.optString(QStringLiteral("note"));
    p.createdAt = r.time(QStringLiteral("created_at"));
    p.receiptNo = r.string(QStringLiteral("receipt_no"));
    if (r.has(QStringLiteral("travel_rule")))
        p.travelRule = r.take(
            travelRuleAt(r.required(QStringLiteral("travel_rule")), r.at(QStringLiteral("travel_rule"))));
    p.largeValueReport = r.optBoolean(QStringLiteral("large_value_report"));
    p.quoteId = r.optId(QStringLiteral("quote_id"), "quo_");
    return finish(r, p);
}

Result<Transaction> transactionAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    Transaction t;
    t.id = r.id(QStringLiteral("id"), "txn_");
    t.paymentId = r.id(QStringLiteral("payment_id"), "pay_");
    t.kind = r.string(QStringLiteral("kind"));
    t.status = r.enumValue(QStringLiteral("status"), kStatus);
    t.amount = r.money(QStringLiteral("amount"));
    t.fees = r.list<FeeLine>(QStringLiteral("fees"), feeLineAt);
    t.counterparty = r.take(
        counterpartyAt(r.required(QStringLiteral("counterparty")), r.at(QStringLiteral("counterparty"))));
    t.note = r.optString(QStringLiteral("note"));
    t.receiptNo = r.string(QStringLiteral("receipt_no"));
    t.createdAt = r.time(QStringLiteral("created_at"));
    t.updatedAt = r.time(QStringLiteral("updated_at"));
    t.balanceAfter = r.money(QStringLiteral("balance_after"));
    t.quoteId = r.optId(QStringLiteral("quote_id"), "quo_");
    t.debit = r.optMoney(QStringLiteral("debit"));
    t.source = r.optString(QStringLiteral("source"));
    if (r.ok() && !t.source.isEmpty() && t.source != QLatin1String("balance") &&
        !t.source.startsWith(QLatin1String("pm_")))
        r.fail(r.at(QStringLiteral("source")), QStringLiteral("expected balance or a payment method id"));
    return finish(r, t);
}

Result<OutboxMessage> outboxAt(const QJsonValue &value, const QString &path)
{
    BW_OBJECT_OR_RETURN(r, value, path);
    OutboxMessage m;
    m.to = r.string(QStringLiteral("to"));
    m.channel = r.string(QStringLiteral("channel"));
    m.text = r.string(QStringLiteral("text"));
    m.textZh = r.string(QStringLiteral("text_zh"));
    m.code = r.string(QStringLiteral("code"));
    m.purpose = r.string(QStringLiteral("purpose"));
    m.sentAt = r.time(QStringLiteral("sent_at"));
    return finish(r, m);
}

// {"data": [...]} lists.
template<typename T, typename F>
Result<QList<T>> dataList(const QJsonObject &object, F decode)
{
    Reader r(object, {});
    QList<T> items = r.list<T>(QStringLiteral("data"), decode);
    return finish(r, std::move(items));
}

QJsonArray encodeFees(const QList<FeeLine> &fees)
{
    QJsonArray array;
    for (const FeeLine &line : fees)
        array.append(QJsonObject{{QStringLiteral("kind"), line.kind},
                                 {QStringLiteral("amount"), encodeMoney(line.amount)}});
    return array;
}

QJsonObject encodeCounterparty(const Counterparty &c)
{
    return {{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.type}, {QStringLiteral("id"), c.id}};
}

QJsonValue nullableMoneyValue(const std::optional<Money> &money)
{
    return money ? QJsonValue(encodeMoney(*money)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Result<Money> decodeMoneyAt(const QJsonValue &value, const QString &path)
{
    if (value.isUndefined())
        return GatewayError::decode(path, QStringLiteral("required field is missing"));
    BW_OBJECT_OR_RETURN(r, value, path);
    const qint64 amount = r.integerValue(r.required(QStringLiteral("amount")), r.at(QStringLiteral("amount")),
                                         -Money::kMaxAbsGatewayMinorUnits, Money::kMaxAbsGatewayMinorUnits);
    const core::Currency currency = r.currency(QStringLiteral("currency"));
    return finish(r, Money(amount, currency));
}

Result<QDateTime> decodeTimeAt(const QJsonValue &value, const QString &path)
{
    if (value.isUndefined())
        return GatewayError::decode(path, QStringLiteral("required field is missing"));
    if (!value.isString())
        return GatewayError::decode(
            path,
            QStringLiteral("expected an RFC 3339 time string, got %1").arg(QLatin1String(typeName(value))));
    // RFC 3339: full date, 'T', time with seconds, optional fraction, and a zone (Z or ±hh:mm).
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    const QString text = value.toString();
    if (!pattern.match(text).hasMatch())
        return GatewayError::decode(path, QStringLiteral("not an RFC 3339 time with a zone"));
    QString normalized = text.toUpper();
    // Qt's ISODateWithMs reads at most milliseconds: cut longer fractions (nanoseconds carry no meaning
    // here).
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    normalized.replace(longFraction, QStringLiteral("\\1"));
    const QDateTime time = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!time.isValid())
        return GatewayError::decode(path, QStringLiteral("not a real date and time"));
    return time.toUTC();
}

Result<Money> decodeMoney(const QJsonValue &value)
{
    return decodeMoneyAt(value, QString());
}

QJsonObject encodeMoney(const Money &money)
{
    return {{QStringLiteral("amount"), money.minorUnits()},
            {QStringLiteral("currency"), money.currency().isValid() ? money.currency().code() : QString()}};
}

Result<QDateTime> decodeTime(const QJsonValue &value)
{
    return decodeTimeAt(value, QString());
}

QString encodeTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    return utc.time().msec() ? utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
                             : utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return GatewayError::decode(
            QStringLiteral("$"),
            QStringLiteral("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
    if (!document.isObject())
        return GatewayError::decode(QStringLiteral("$"), QStringLiteral("expected a JSON object"));
    return document.object();
}

std::optional<GatewayError> decodeErrorEnvelope(const QByteArray &body, int httpStatus)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return std::nullopt;
    const QJsonValue inner = document.object().value(QStringLiteral("error"));
    if (!inner.isObject())
        return std::nullopt;
    const QJsonObject e = inner.toObject();
    const QJsonValue code = e.value(QStringLiteral("code"));
    const QJsonValue type = e.value(QStringLiteral("type"));
    if (!code.isString() || code.toString().isEmpty() || code.toString().size() > 100 || !type.isString())
        return std::nullopt;
    GatewayError error = GatewayError::make(ErrorKind::Api, code.toString());
    error.httpStatus = httpStatus;
    error.type = type.toString().left(100);
    error.param = e.value(QStringLiteral("param")).toString().left(200);
    error.serverMessage = e.value(QStringLiteral("message")).toString().left(1000);
    // Extras are advisory: a malformed one is dropped rather than hiding the error itself.
    const QCborValue attempts = QCborValue::fromJsonValue(e.value(QStringLiteral("attempts_remaining")));
    if (attempts.isInteger() && attempts.toInteger() >= 0 && attempts.toInteger() <= 1000)
        error.attemptsRemaining = int(attempts.toInteger());
    if (auto locked = decodeTimeAt(e.value(QStringLiteral("locked_until")), {}))
        error.lockedUntil = locked.value();
    const QString limit = e.value(QStringLiteral("limit")).toString();
    if (kLimit.parse(limit))
        error.limit = limit;
    const QCborValue retry = QCborValue::fromJsonValue(e.value(QStringLiteral("retry_after")));
    if (retry.isInteger() && retry.toInteger() >= 0 && retry.toInteger() <= 86400)
        error.retryAfterSecs = int(retry.toInteger());
    return error;
}

// ---- responses ----------------------------------------------------------------------------------------

Result<Health> decodeHealth(const QJsonObject &object)
{
    Reader r(object, {});
    Health h;
    h.status = r.string(QStringLiteral("status"));
    if (r.ok() && h.status != QLatin1String("ok"))
        r.fail(QStringLiteral("status"), QStringLiteral("unknown value"));
    return finish(r, h);
}

Result<Bank> decodeBank(const QJsonObject &object)
{
    return bankAt(object, {});
}

Result<QList<Bank>> decodeBankList(const QJsonObject &object)
{
    return dataList<Bank>(object, bankAt);
}

Result<FeeRule> decodeFeeRule(const QJsonObject &object)
{
    return feeRuleAt(object, {});
}

Result<FeeSchedule> decodeFeeSchedule(const QJsonObject &object)
{
    return dataList<FeeRule>(object, feeRuleAt);
}

Result<FxRates> decodeFxRates(const QJsonObject &object)
{
    Reader r(object, {});
    FxRates fx;
    fx.base = r.string(QStringLiteral("base"));
    if (r.ok() && fx.base != QLatin1String("CNY"))
        r.fail(QStringLiteral("base"), QStringLiteral("unknown value '%1'").arg(fx.base.left(8)));
    fx.asOf = r.time(QStringLiteral("as_of"));
    const QJsonObject rates = r.object(QStringLiteral("rates"));
    for (auto it = rates.begin(); r.ok() && it != rates.end(); ++it) {
        const QString where = QStringLiteral("rates.%1").arg(it.key().left(8));
        if (!isCurrencyCodeShape(it.key())) {
            r.fail(where, QStringLiteral("not an ISO 4217 code"));
            break;
        }
        fx.rates.insert(it.key(), r.rateValue(it.value(), where));
    }
    return finish(r, fx);
}

Result<Merchant> decodeMerchant(const QJsonObject &object)
{
    return merchantAt(object, {});
}

Result<QList<Merchant>> decodeMerchantList(const QJsonObject &object)
{
    return dataList<Merchant>(object, merchantAt);
}

Result<OtpInfo> decodeOtpInfo(const QJsonObject &object)
{
    return otpInfoAt(object, {});
}

Result<OtpInfo> decodeOtpResent(const QJsonObject &object)
{
    return otpInfoAt(object.value(QStringLiteral("otp")), QStringLiteral("otp"));
}

Result<EnrollmentStart> decodeEnrollmentStart(const QJsonObject &object)
{
    Reader r(object, {});
    EnrollmentStart e;
    e.enrollmentId = r.id(QStringLiteral("enrollment_id"), "enr_");
    e.status = r.string(QStringLiteral("status"));
    e.otp = r.take(otpInfoAt(r.required(QStringLiteral("otp")), QStringLiteral("otp")));
    return finish(r, e);
}

Result<EnrollmentVerify> decodeEnrollmentVerify(const QJsonObject &object)
{
    Reader r(object, {});
    EnrollmentVerify v;
    v.status = r.string(QStringLiteral("status"));
    return finish(r, v);
}

Result<EnrollmentIdentity> decodeEnrollmentIdentity(const QJsonObject &object)
{
    Reader r(object, {});
    EnrollmentIdentity e;
    e.status = r.string(QStringLiteral("status"));
    const QJsonObject kyc = r.object(QStringLiteral("kyc"));
    if (!r.ok())
        return r.error();
    Reader k(kyc, QStringLiteral("kyc"));
    e.kyc.result = k.enumValue(QStringLiteral("result"), kKyc);
    e.kyc.tier = k.tier(QStringLiteral("tier"));
    e.kyc.reasons = k.stringList(QStringLiteral("reasons"));
    if (!k.ok())
        return k.error();
    return finish(r, std::move(e));
}

Result<Limits> decodeLimits(const QJsonObject &object)
{
    return limitsAt(object, {});
}

namespace {
Result<DeviceCredentials> credentialsAt(const QJsonObject &object)
{
    Reader r(object, {});
    DeviceCredentials c;
    c.walletId = r.id(QStringLiteral("wallet_id"), "wal_");
    c.deviceId = r.id(QStringLiteral("device_id"), "dev_");
    QString secretText = r.string(QStringLiteral("device_secret"));
    if (r.ok()) {
        auto decoded = crypto::base64Decode(QStringView(secretText));
        if (!decoded || decoded.value().size() < 16 || decoded.value().size() > 64)
            r.fail(QStringLiteral("device_secret"), QStringLiteral("expected base64 of 16-64 bytes"));
        else
            c.deviceSecret = crypto::SecretBytes::takeFrom(decoded.value());
    }
    crypto::secureWipe(secretText);
    if (!r.ok())
        return r.error();
    return c;
}
} // namespace

Result<DeviceCredentials> decodeDeviceCredentials(const QJsonObject &object)
{
    return credentialsAt(object);
}

Result<EnrollmentCredentials> decodeEnrollmentCredentials(const QJsonObject &object)
{
    Reader r(object, {});
    const int tier = r.tier(QStringLiteral("tier"));
    Limits limits = r.take(limitsAt(r.required(QStringLiteral("limits")), QStringLiteral("limits"), false));
    if (!r.ok())
        return r.error();
    auto device = credentialsAt(object);
    if (!device)
        return device.error();
    EnrollmentCredentials e;
    e.device = std::move(device).value();
    e.tier = tier;
    e.limits = limits;
    return e;
}

Result<Session> decodeSession(const QJsonObject &object, const QDateTime &now)
{
    Reader r(object, {});
    Session s;
    QString token = r.string(QStringLiteral("access_token"));
    s.expiresInSecs = int(r.integer(QStringLiteral("expires_in"), 1, 7 * 86400));
    s.idleTimeoutSecs = int(r.integer(QStringLiteral("idle_timeout"), 1, 7 * 86400));
    s.walletId = r.id(QStringLiteral("wallet_id"), "wal_");
    if (r.ok() && (token.isEmpty() || token.size() > 500))
        r.fail(QStringLiteral("access_token"), QStringLiteral("expected 1-500 characters"));
    if (r.ok()) {
        QByteArray bytes = token.toLatin1();
        s.accessToken = crypto::SecretBytes::takeFrom(bytes);
        s.expiresAt = now.toUTC().addSecs(s.expiresInSecs);
    }
    crypto::secureWipe(token);
    if (!r.ok())
        return r.error();
    return s;
}

Result<Device> decodeDevice(const QJsonObject &object)
{
    return deviceAt(object, {});
}

Result<QList<Device>> decodeDeviceList(const QJsonObject &object)
{
    return dataList<Device>(object, deviceAt);
}

Result<Wallet> decodeWallet(const QJsonObject &object)
{
    Reader r(object, {});
    Wallet w;
    w.walletId = r.id(QStringLiteral("wallet_id"), "wal_");
    w.fullName = r.string(QStringLiteral("full_name"));
    w.phoneMasked = r.string(QStringLiteral("phone_masked"));
    w.tier = r.tier(QStringLiteral("tier"));
    w.kycStatus = r.string(QStringLiteral("kyc_status"));
    w.balances = r.list<Balance>(QStringLiteral("balances"), balanceAt);
    w.limits = r.take(limitsAt(r.required(QStringLiteral("limits")), QStringLiteral("limits")));
    w.totpEnabled = r.boolean(QStringLiteral("totp_enabled"));
    w.paymentsFrozen = r.boolean(QStringLiteral("payments_frozen"));
    return finish(r, w);
}

Result<TotpEnrollment> decodeTotpEnrollment(const QJsonObject &object)
{
    Reader r(object, {});
    QString secret = r.string(QStringLiteral("secret_base32"));
    QString uri = r.string(QStringLiteral("otpauth_uri"));
    if (r.ok() && !crypto::base32Decode(secret))
        r.fail(QStringLiteral("secret_base32"), QStringLiteral("not base32"));
    if (r.ok() && !uri.startsWith(QLatin1String("otpauth://totp/")))
        r.fail(QStringLiteral("otpauth_uri"), QStringLiteral("not an otpauth://totp/ URI"));
    TotpEnrollment t;
    if (r.ok()) {
        QByteArray s = secret.toLatin1();
        QByteArray u = uri.toUtf8();
        t.secretBase32 = crypto::SecretBytes::takeFrom(s);
        t.otpauthUri = crypto::SecretBytes::takeFrom(u);
    }
    crypto::secureWipe(secret);
    crypto::secureWipe(uri);
    if (!r.ok())
        return r.error();
    return t;
}

Result<TotpStatus> decodeTotpStatus(const QJsonObject &object)
{
    Reader r(object, {});
    TotpStatus t;
    t.totpEnabled = r.boolean(QStringLiteral("totp_enabled"));
    return finish(r, t);
}

Result<PasswordReset> decodePasswordReset(const QJsonObject &object)
{
    Reader r(object, {});
    PasswordReset p;
    p.resetId = r.id(QStringLiteral("reset_id"), "rst_");
    p.otp = r.take(otpInfoAt(r.required(QStringLiteral("otp")), QStringLiteral("otp")));
    return finish(r, p);
}

Result<PaymentMethod> decodePaymentMethod(const QJsonObject &object)
{
    return paymentMethodAt(object, {});
}

Result<QList<PaymentMethod>> decodePaymentMethodList(const QJsonObject &object)
{
    return dataList<PaymentMethod>(object, paymentMethodAt);
}

Result<Quote> decodeQuote(const QJsonObject &object)
{
    Reader r(object, {});
    Quote q;
    q.quoteId = r.id(QStringLiteral("quote_id"), "quo_");
    q.expiresAt = r.time(QStringLiteral("expires_at"));
    q.debit = r.money(QStringLiteral("debit"));
    q.credit = r.money(QStringLiteral("credit"));
    q.fees = r.list<FeeLine>(QStringLiteral("fees"), feeLineAt);
    q.fxRate = r.optRate(QStringLiteral("fx_rate"));
    const QStringList factors = r.stringList(QStringLiteral("requires"));
    for (qsizetype i = 0; r.ok() && i < factors.size(); ++i) {
        const auto factor = kSecondFactor.parse(factors.at(i));
        if (!factor)
            r.fail(indexed(QStringLiteral("requires"), i), QStringLiteral("unknown value"));
        else
            q.requirements.append(*factor);
    }
    const QJsonObject limits = r.object(QStringLiteral("limits"));
    if (r.ok()) {
        Reader l(limits, QStringLiteral("limits"));
        q.limits.ok = l.boolean(QStringLiteral("ok"));
        q.limits.remainingToday = l.nullableMoney(QStringLiteral("remaining_today"));
        q.limits.limit = l.optEnum(QStringLiteral("limit"), kLimit);
        if (!l.ok())
            r.failWith(l.error());
    }
    q.warnings = r.stringList(QStringLiteral("warnings"));
    q.kind = r.optEnum(QStringLiteral("kind"), kQuoteKind);
    q.principal = r.optMoney(QStringLiteral("principal"));
    q.travelRule = r.optBoolean(QStringLiteral("travel_rule"));
    q.largeValueReport = r.optBoolean(QStringLiteral("large_value_report"));
    return finish(r, q);
}

Result<Payment> decodePayment(const QJsonObject &object)
{
    return paymentAt(object, {});
}

Result<std::optional<Payment>> decodePaymentSearch(const QJsonObject &object)
{
    auto list = dataList<Payment>(object, paymentAt);
    if (!list)
        return list.error();
    if (list.value().size() > 1)
        return GatewayError::decode(QStringLiteral("data"),
                                    QStringLiteral("more than one payment for a quote"));
    return list.value().isEmpty() ? std::optional<Payment>() : std::optional<Payment>(list.value().first());
}

Result<Transaction> decodeTransaction(const QJsonObject &object)
{
    return transactionAt(object, {});
}

Result<TransactionPage> decodeTransactionPage(const QJsonObject &object)
{
    Reader r(object, {});
    TransactionPage page;
    page.data = r.list<Transaction>(QStringLiteral("data"), transactionAt);
    // Required, nullable.
    const QJsonValue cursor = r.required(QStringLiteral("next_cursor"));
    if (!cursor.isNull() && !cursor.isUndefined()) {
        if (!cursor.isString() || cursor.toString().size() > 512)
            r.fail(QStringLiteral("next_cursor"), QStringLiteral("expected a string or null"));
        page.nextCursor = cursor.toString();
    }
    page.hasMore = r.boolean(QStringLiteral("has_more"));
    return finish(r, page);
}

Result<OutboxMessage> decodeOutboxMessage(const QJsonObject &object)
{
    return outboxAt(object, {});
}

Result<QList<OutboxMessage>> decodeOutboxList(const QJsonObject &object)
{
    return dataList<OutboxMessage>(object, outboxAt);
}

Result<DevTierResult> decodeDevTierResult(const QJsonObject &object)
{
    Reader r(object, {});
    DevTierResult d;
    d.walletId = r.id(QStringLiteral("wallet_id"), "wal_");
    d.tier = r.tier(QStringLiteral("tier"));
    return finish(r, d);
}

Result<LedgerCheck> decodeLedgerCheck(const QJsonObject &object)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    Reader r(object, {});
    LedgerCheck c;
    c.balanced = r.boolean(QStringLiteral("balanced"));
    c.entries = r.integer(QStringLiteral("entries"), 0, kMax);
    c.sum = r.integer(QStringLiteral("sum"), kMin, kMax);
    if (r.has(QStringLiteral("sums"))) {
        const QJsonObject sums = r.object(QStringLiteral("sums"));
        for (auto it = sums.begin(); r.ok() && it != sums.end(); ++it)
            c.sums.insert(
                it.key().left(8),
                r.integerValue(it.value(), QStringLiteral("sums.%1").arg(it.key().left(8)), kMin, kMax));
    }
    c.unbalancedJournals = r.optInteger(QStringLiteral("unbalanced_journals"), 0, kMax);
    c.overflow = r.optBoolean(QStringLiteral("overflow"));
    if (r.has(QStringLiteral("reconciled")))
        c.reconciled = r.boolean(QStringLiteral("reconciled"));
    c.walletRowsChecked = r.optInteger(QStringLiteral("wallet_rows_checked"), 0, kMax);
    c.openHolds = r.optInteger(QStringLiteral("open_holds"), 0, kMax);
    if (r.has(QStringLiteral("problems")))
        c.problems = r.stringList(QStringLiteral("problems"));
    return finish(r, c);
}

// ---- encoders -----------------------------------------------------------------------------------------

QJsonObject encodeBank(const Bank &b)
{
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("name"), b.name},
            {QStringLiteral("name_zh"), b.nameZh},
            {QStringLiteral("wallet_supported"), b.walletSupported},
            {QStringLiteral("country"), b.country}};
}

QJsonObject encodeFeeRule(const FeeRule &f)
{
    QJsonObject o{{QStringLiteral("kind"), f.kind},
                  {QStringLiteral("rate"), f.rate.toString()},
                  {QStringLiteral("min"), encodeMoney(f.min)},
                  {QStringLiteral("description"), f.description},
                  {QStringLiteral("description_zh"), f.descriptionZh}};
    if (f.funding)
        o.insert(QStringLiteral("funding"), contractString(*f.funding));
    if (f.freeAllowance)
        o.insert(QStringLiteral("free_allowance"), encodeMoney(*f.freeAllowance));
    return o;
}

QJsonObject encodeFxRates(const FxRates &fx)
{
    QJsonObject rates;
    for (auto it = fx.rates.begin(); it != fx.rates.end(); ++it)
        rates.insert(it.key(), it.value().toString());
    return {{QStringLiteral("base"), fx.base},
            {QStringLiteral("as_of"), encodeTime(fx.asOf)},
            {QStringLiteral("rates"), rates}};
}

QJsonObject encodeMerchant(const Merchant &m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("name_zh"), m.nameZh},
            {QStringLiteral("category"), m.category},
            {QStringLiteral("country"), m.country},
            {QStringLiteral("currency"), m.currency.isValid() ? m.currency.code() : QString()}};
}

QJsonObject encodeOtpInfo(const OtpInfo &otp)
{
    return {{QStringLiteral("channel"), otp.channel},
            {QStringLiteral("to_masked"), otp.toMasked},
            {QStringLiteral("expires_at"), encodeTime(otp.expiresAt)},
            {QStringLiteral("resend_after"), encodeTime(otp.resendAfter)}};
}

QJsonObject encodeLimits(const Limits &l)
{
    return {{QStringLiteral("per_payment"), nullableMoneyValue(l.perPayment)},
            {QStringLiteral("daily"), nullableMoneyValue(l.daily)},
            {QStringLiteral("annual"), nullableMoneyValue(l.annual)},
            {QStringLiteral("balance_cap"), nullableMoneyValue(l.balanceCap)},
            {QStringLiteral("used_today"), encodeMoney(l.usedToday)},
            {QStringLiteral("used_this_year"), encodeMoney(l.usedThisYear)}};
}

QJsonObject encodeDevice(const Device &d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("created_at"), encodeTime(d.createdAt)},
            {QStringLiteral("last_seen_at"),
             d.lastSeenAt.isValid() ? QJsonValue(encodeTime(d.lastSeenAt)) : QJsonValue()},
            {QStringLiteral("current"), d.current}};
}

QJsonObject encodeWallet(const Wallet &w)
{
    QJsonArray balances;
    for (const Balance &b : w.balances)
        balances.append(
            QJsonObject{{QStringLiteral("currency"), b.currency.isValid() ? b.currency.code() : QString()},
                        {QStringLiteral("available"), encodeMoney(b.available)},
                        {QStringLiteral("pending"), encodeMoney(b.pending)}});
    return {{QStringLiteral("wallet_id"), w.walletId},
            {QStringLiteral("full_name"), w.fullName},
            {QStringLiteral("phone_masked"), w.phoneMasked},
            {QStringLiteral("tier"), w.tier},
            {QStringLiteral("kyc_status"), w.kycStatus},
            {QStringLiteral("balances"), balances},
            {QStringLiteral("limits"), encodeLimits(w.limits)},
            {QStringLiteral("totp_enabled"), w.totpEnabled},
            {QStringLiteral("payments_frozen"), w.paymentsFrozen}};
}

QJsonObject encodePaymentMethod(const PaymentMethod &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("type"), contractString(m.type)},
                  {QStringLiteral("last4"), m.last4},
                  {QStringLiteral("holder_name"), m.holderName},
                  {QStringLiteral("is_default"), m.isDefault}};
    if (m.type == PaymentMethodType::Card) {
        o.insert(QStringLiteral("brand"), m.brand ? contractString(*m.brand) : QString());
        o.insert(QStringLiteral("funding"), m.funding ? contractString(*m.funding) : QString());
        o.insert(QStringLiteral("exp_month"), m.expMonth);
        o.insert(QStringLiteral("exp_year"), m.expYear);
    } else {
        o.insert(QStringLiteral("bank_id"), m.bankId);
        o.insert(QStringLiteral("bank_name"), m.bankName);
        o.insert(QStringLiteral("country"), m.country);
    }
    return o;
}

QJsonObject encodeQuote(const Quote &q)
{
    QJsonArray factors;
    for (SecondFactor f : q.requirements)
        factors.append(contractString(f));
    QJsonObject limits{{QStringLiteral("ok"), q.limits.ok},
                       {QStringLiteral("remaining_today"), nullableMoneyValue(q.limits.remainingToday)}};
    if (q.limits.limit)
        limits.insert(QStringLiteral("limit"), contractString(*q.limits.limit));
    QJsonObject o{{QStringLiteral("quote_id"), q.quoteId},
                  {QStringLiteral("expires_at"), encodeTime(q.expiresAt)},
                  {QStringLiteral("debit"), encodeMoney(q.debit)},
                  {QStringLiteral("credit"), encodeMoney(q.credit)},
                  {QStringLiteral("fees"), encodeFees(q.fees)},
                  {QStringLiteral("requires"), factors},
                  {QStringLiteral("limits"), limits},
                  {QStringLiteral("warnings"), QJsonArray::fromStringList(q.warnings)},
                  {QStringLiteral("travel_rule"), q.travelRule},
                  {QStringLiteral("large_value_report"), q.largeValueReport}};
    if (q.fxRate)
        o.insert(QStringLiteral("fx_rate"), q.fxRate->toString());
    if (q.kind)
        o.insert(QStringLiteral("kind"), contractString(*q.kind));
    if (q.principal)
        o.insert(QStringLiteral("principal"), encodeMoney(*q.principal));
    return o;
}

QJsonObject encodePayment(const Payment &p)
{
    QJsonObject o{{QStringLiteral("id"), p.id},
                  {QStringLiteral("kind"), p.kind},
                  {QStringLiteral("status"), contractString(p.status)},
                  {QStringLiteral("debit"), encodeMoney(p.debit)},
                  {QStringLiteral("credit"), encodeMoney(p.credit)},
                  {QStringLiteral("fees"), encodeFees(p.fees)},
                  {QStringLiteral("counterparty"), encodeCounterparty(p.counterparty)},
                  {QStringLiteral("created_at"), encodeTime(p.createdAt)},
                  {QStringLiteral("receipt_no"), p.receiptNo},
                  {QStringLiteral("large_value_report"), p.largeValueReport}};
    if (!p.failureCode.isEmpty())
        o.insert(QStringLiteral("failure_code"), p.failureCode);
    if (p.fxRate)
        o.insert(QStringLiteral("fx_rate"), p.fxRate->toString());
    if (!p.note.isEmpty())
        o.insert(QStringLiteral("note"), p.note);
    if (!p.quoteId.isEmpty())
        o.insert(QStringLiteral("quote_id"), p.quoteId);
    if (p.travelRule) {
        const TravelRule &t = *p.travelRule;
        o.insert(QStringLiteral("travel_rule"),
                 QJsonObject{{QStringLiteral("originator"),
                              QJsonObject{{QStringLiteral("name"), t.originatorName},
                                          {QStringLiteral("wallet_id"), t.originatorWalletId},
                                          {QStringLiteral("document_country"), t.originatorDocumentCountry}}},
                             {QStringLiteral("beneficiary"),
                              QJsonObject{{QStringLiteral("name"), t.beneficiaryName},
                                          {QStringLiteral("account"), t.beneficiaryAccount},
                                          {QStringLiteral("country"), t.beneficiaryCountry}}}});
    }
    return o;
}

QJsonObject encodeTransaction(const Transaction &t)
{
    QJsonObject o{{QStringLiteral("id"), t.id},
                  {QStringLiteral("payment_id"), t.paymentId},
                  {QStringLiteral("kind"), t.kind},
                  {QStringLiteral("status"), contractString(t.status)},
                  {QStringLiteral("amount"), encodeMoney(t.amount)},
                  {QStringLiteral("fees"), encodeFees(t.fees)},
                  {QStringLiteral("counterparty"), encodeCounterparty(t.counterparty)},
                  {QStringLiteral("receipt_no"), t.receiptNo},
                  {QStringLiteral("created_at"), encodeTime(t.createdAt)},
                  {QStringLiteral("updated_at"), encodeTime(t.updatedAt)},
                  {QStringLiteral("balance_after"), encodeMoney(t.balanceAfter)}};
    if (!t.note.isEmpty())
        o.insert(QStringLiteral("note"), t.note);
    if (!t.quoteId.isEmpty())
        o.insert(QStringLiteral("quote_id"), t.quoteId);
    if (t.debit)
        o.insert(QStringLiteral("debit"), encodeMoney(*t.debit));
    if (!t.source.isEmpty())
        o.insert(QStringLiteral("source"), t.source);
    return o;
}

QJsonObject encodeTransactionPage(const TransactionPage &page)
{
    QJsonArray data;
    for (const Transaction &t : page.data)
        data.append(encodeTransaction(t));
    return {{QStringLiteral("data"), data},
            {QStringLiteral("next_cursor"),
             page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor)},
            {QStringLiteral("has_more"), page.hasMore}};
}

QJsonObject encodeOutboxMessage(const OutboxMessage &m)
{
    return {{QStringLiteral("to"), m.to},
            {QStringLiteral("channel"), m.channel},
            {QStringLiteral("text"), m.text},
            {QStringLiteral("text_zh"), m.textZh},
            {QStringLiteral("code"), m.code},
            {QStringLiteral("purpose"), m.purpose},
            {QStringLiteral("sent_at"), encodeTime(m.sentAt)}};
}

QJsonObject encodeLedgerCheck(const LedgerCheck &c)
{
    QJsonObject o{{QStringLiteral("balanced"), c.balanced},
                  {QStringLiteral("entries"), c.entries},
                  {QStringLiteral("sum"), c.sum},
                  {QStringLiteral("overflow"), c.overflow}};
    if (!c.sums.isEmpty()) {
        QJsonObject sums;
        for (auto it = c.sums.begin(); it != c.sums.end(); ++it)
            sums.insert(it.key(), it.value());
        o.insert(QStringLiteral("sums"), sums);
    }
    if (c.unbalancedJournals)
        o.insert(QStringLiteral("unbalanced_journals"), *c.unbalancedJournals);
    if (c.reconciled)
        o.insert(QStringLiteral("reconciled"), *c.reconciled);
    if (c.walletRowsChecked)
        o.insert(QStringLiteral("wallet_rows_checked"), *c.walletRowsChecked);
    if (c.openHolds)
        o.insert(QStringLiteral("open_holds"), *c.openHolds);
    if (!c.problems.isEmpty())
        o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(c.problems));
    return o;
}

// ---- requests -----------------------------------------------------------------------------------------

QJsonObject encodeEnrollmentRequest(const EnrollmentRequest &r)
{
    return {{QStringLiteral("bank_id"), r.bankId},
            {QStringLiteral("full_name"), r.fullName},
            {QStringLiteral("phone"), r.phone},
            {QStringLiteral("email"), r.email}};
}

QJsonObject encodeIdentityRequest(const IdentityRequest &r)
{
    return {{QStringLiteral("document_type"), contractString(r.documentType)},
            {QStringLiteral("document_number"), r.documentNumber},
            {QStringLiteral("date_of_birth"), r.dateOfBirth.toString(Qt::ISODate)},
            {QStringLiteral("nationality"), r.nationality}};
}

QJsonObject encodeEnrollmentCompleteRequest(const EnrollmentCompleteRequest &r)
{
    return {{QStringLiteral("password"), r.password},
            {QStringLiteral("payment_pin"), r.paymentPin},
            {QStringLiteral("device_name"), r.deviceName}};
}

QJsonObject encodeAddDeviceRequest(const AddDeviceRequest &r)
{
    return {{QStringLiteral("phone"), r.phone},
            {QStringLiteral("password"), r.password},
            {QStringLiteral("code"), r.code},
            {QStringLiteral("device_name"), r.deviceName}};
}

QJsonObject encodeCardRequest(const CardRequest &r)
{
    return {{QStringLiteral("type"), QStringLiteral("card")},
            {QStringLiteral("number"), r.number},
            {QStringLiteral("exp_month"), r.expMonth},
            {QStringLiteral("exp_year"), r.expYear},
            {QStringLiteral("cvc"), r.cvc},
            {QStringLiteral("holder_name"), r.holderName}};
}

QJsonObject encodeBankAccountRequest(const BankAccountRequest &r)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("bank_account")},
                  {QStringLiteral("bank_id"), r.bankId},
                  {QStringLiteral("holder_name"), r.holderName}};
    if (!r.iban.isEmpty())
        o.insert(QStringLiteral("iban"), r.iban);
    else
        o.insert(QStringLiteral("account_number"), r.accountNumber);
    return o;
}

QJsonObject encodeQuoteRequest(const QuoteRequest &r)
{
    QJsonObject o{{QStringLiteral("kind"), contractString(r.kind)},
                  {QStringLiteral("amount"), encodeMoney(r.amount)},
                  {QStringLiteral("source"), r.source}};
    if (!r.merchantId.isEmpty())
        o.insert(QStringLiteral("destination"), QJsonObject{{QStringLiteral("merchant_id"), r.merchantId}});
    else if (!r.phone.isEmpty())
        o.insert(QStringLiteral("destination"), QJsonObject{{QStringLiteral("phone"), r.phone}});
    else if (!r.paymentMethodId.isEmpty())
        o.insert(QStringLiteral("destination"),
                 QJsonObject{{QStringLiteral("payment_method_id"), r.paymentMethodId}});
    return o;
}

QJsonObject encodePaymentRequest(const PaymentRequest &r)
{
    QJsonObject o{{QStringLiteral("quote_id"), r.quoteId}, {QStringLiteral("pin"), r.pin}};
    if (!r.otp.isEmpty())
        o.insert(QStringLiteral("otp"), r.otp);
    if (!r.note.isEmpty())
        o.insert(QStringLiteral("note"), r.note);
    return o;
}

QByteArray toBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace bw::gateway::json

// ---- enum spellings (gateway_types.h) -------------------------------------------------------------------
namespace bw::gateway {
QString contractString(Funding v)
{
    return json::kFunding.name(v);
}
QString contractString(KycResult v)
{
    return json::kKyc.name(v);
}
QString contractString(PaymentMethodType v)
{
    return json::kMethodType.name(v);
}
QString contractString(CardBrand v)
{
    return json::kBrand.name(v);
}
QString contractString(QuoteKind v)
{
    return json::kQuoteKind.name(v);
}
QString contractString(SecondFactor v)
{
    return json::kSecondFactor.name(v);
}
QString contractString(LimitKind v)
{
    return json::kLimit.name(v);
}
QString contractString(PaymentStatus v)
{
    return json::kStatus.name(v);
}
QString contractString(WalletOtpPurpose v)
{
    return json::kPurpose.name(v);
}
QString contractString(ReviewDecision v)
{
    return json::kDecision.name(v);
}
QString contractString(DocumentType v)
{
    return json::kDocument.name(v);
}
} // namespace bw::gateway
