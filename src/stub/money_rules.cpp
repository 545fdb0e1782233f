#include "stub/money_rules.h"

#include "stub/clock.h"
#include "stub/directory.h"
#include "stub/json_fields.h"
#include "stub/tier_limits.h"

#include <QDate>
#include <QJsonDocument>
#include <QSqlQuery>

#include <cstdio>

namespace bw::stub {

namespace {

const QString kDay = QStringLiteral("day");
const QString kYear = QStringLiteral("year");
const QString kWithdrawalMonth = QStringLiteral("withdrawal_month");
const QString kTransferDay = QStringLiteral("transfer_day");
const QString kCrossBorderDay = QStringLiteral("cross_border_day");

const core::Currency &cny()
{
    static const core::Currency currency = *core::Currency::fromCode(u"CNY");
    return currency;
}

const Directory &directory()
{
    const Directory &dir = Directory::seeded();
    if (!dir.isValid())
        throw ApiError::internalError();
    return dir;
}

// max(amount × rule.rate, rule.min) half-even; 0 for a free line (rate 0). Overflow is an input error.
qint64 feeFor(qint64 amountCny, const FeeRule &rule)
{
    if (rule.rate.isZero() || amountCny <= 0)
        return 0;
    const core::MoneyResult fee = core::Money(amountCny, cny()).multipliedByRate(rule.rate);
    if (!fee)
        throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                         QStringLiteral("The amount is too large."));
    return qMax(fee->minorUnits(), rule.min.minorUnits());
}

qint64 checkedAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                         QStringLiteral("The amount is too large."));
    return sum;
}

// The CNY amount in `code`'s minor units at the mid rate (nullopt on overflow or an unknown currency).
std::optional<qint64> cnyIn(qint64 amountCny, QStringView code)
{
    const auto currency = core::Currency::fromCode(code);
    const auto rate = directory().rate(code);
    if (!currency || !rate)
        return std::nullopt;
    const core::MoneyResult converted =
        core::Money(amountCny, cny()).convertedByMultiplying(*rate, *currency);
    if (!converted)
        return std::nullopt;
    return converted->minorUnits();
}

bool reaches(std::optional<qint64> minor, QStringView code, qint64 majorUnits)
{
    const auto currency = core::Currency::fromCode(code);
    return minor && currency && *minor >= majorUnits * currency->minorPerMajor();
}

} // namespace

QJsonObject Payee::counterpartyJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("type"), type}, {QStringLiteral("id"), id}};
}

qint64 Terms::feeTotal() const
{
    qint64 total = 0;
    for (const FeeLine &line : fees)
        total += line.amount; // bounded: each fee is computed from a bounded principal
    return total;
}

QJsonArray Terms::feesJson() const
{
    QJsonArray lines;
    for (const FeeLine &line : fees)
        lines.append(QJsonObject{{QStringLiteral("kind"), line.kind},
                                 {QStringLiteral("amount"), moneyJson(line.amount)}});
    return lines;
}

std::optional<WalletFacts> WalletFacts::load(StubStore &store, const QString &walletId)
{
    StubStore::Query row = store.query(
        QStringLiteral(
            "SELECT tier, kyc_status, full_name, phone, document_country, payments_frozen, "
            "pin_failures, pin_salt, pin_verifier, totp_enabled, totp_secret_sealed, totp_last_step "
            "FROM wallets WHERE id = ?"),
        {walletId});
    if (!row.next())
        return std::nullopt;
    WalletFacts facts;
    facts.id = walletId;
    facts.tier = row.value(0).toInt();
    facts.kycStatus = row.value(1).toString();
    facts.fullName = row.value(2).toString();
    facts.phone = row.value(3).toString();
    facts.documentCountry = row.value(4).toString();
    facts.frozen = row.value(5).toInt() != 0;
    facts.pinFailures = row.value(6).toInt();
    facts.pinSalt = row.value(7).toByteArray();
    facts.pinVerifier = row.value(8).toByteArray();
    facts.totpEnabled = row.value(9).toInt() != 0;
    facts.totpSecretSealed = row.value(10).toByteArray();
    if (!row.value(11).isNull())
        facts.totpLastStep = row.value(11).toULongLong();
    return facts;
}

std::optional<ApiError> Verdict::firstError() const
{
    for (const QString &code : warnings) {
        if (code == QLatin1String("tier_not_allowed"))
            return ApiError::authorization(code,
                                           QStringLiteral("This wallet's tier cannot make this payment."));
        if (code == QLatin1String("limit_exceeded"))
            return ApiError(403, QStringLiteral("limit_error"), code,
                            QStringLiteral("The payment is over a limit of this wallet."))
                .with(QStringLiteral("limit"), limit.value_or(QString()));
        if (code == QLatin1String("balance_insufficient"))
            return ApiError(403, QStringLiteral("limit_error"), code,
                            QStringLiteral("The balance is too low for this payment."));
        if (code == QLatin1String("travel_rule_incomplete"))
            return ApiError::authorization(code, QStringLiteral("Cross-border payments of this size need a "
                                                                "wallet with verified identity."));
    }
    return std::nullopt;
}

QJsonObject Verdict::limitsJson() const
{
    QJsonObject json{{QStringLiteral("ok"), limitsOk},
                     {QStringLiteral("remaining_today"), remainingToday
                                                             ? QJsonValue(moneyJson(*remainingToday))
                                                             : QJsonValue(QJsonValue::Null)}};
    if (limit)
        json.insert(QStringLiteral("limit"), *limit);
    return json;
}

MoneyRules::MoneyRules(StubStore &store)
    : m_store(store)
{}

QString MoneyRules::period(const QString &name, qint64 unixSeconds)
{
    // Computed and formatted by hand: QDateTime/QDate::toString go through time zones and QLocale and
    // cost more than the SQL that reads the counters (callgrind, bench_gateway). Asia/Shanghai is UTC+8
    // all year (no daylight saving time since 1991), as shanghaiDate() says.
    constexpr qint64 kSecondsPerDay = 86400;
    constexpr qint64 kShanghaiOffset = 8 * 3600;
    constexpr qint64 kUnixEpochJulianDay = 2440588;
    const qint64 shifted = unixSeconds + kShanghaiOffset;
    const qint64 days = shifted / kSecondsPerDay - (shifted % kSecondsPerDay < 0 ? 1 : 0);
    int year = 0, month = 0, day = 0;
    QDate::fromJulianDay(kUnixEpochJulianDay + days).getDate(&year, &month, &day);
    char text[16];
    if (name == kYear)
        std::snprintf(text, sizeof text, "/%04d", year);
    else if (name == kWithdrawalMonth)
        std::snprintf(text, sizeof text, "/%04d-%02d", year, month);
    else
        std::snprintf(text, sizeof text, "/%04d-%02d-%02d", year, month, day);
    return name + QLatin1String(text);
}

Terms MoneyRules::price(const QString &kind, const core::Money &amount, const QString &source,
                        bool sourceIsCard, const QString &sourceFunding, const Payee &payee,
                        qint64 withdrawnThisMonth)
{
    if (amount.currency() != payee.currency)
        throw ApiError::parameterInvalid(QStringLiteral("amount.currency"),
                                         QStringLiteral("The payee takes %1.").arg(payee.currency.code()));
    if (!amount.isPositive())
        throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                         QStringLiteral("The amount must be positive."));
    const Directory &dir = directory();
    Terms terms;
    terms.kind = kind;
    terms.source = source;
    terms.sourceIsCard = sourceIsCard;
    terms.sourceFunding = sourceFunding;
    terms.payee = payee;
    terms.credit = amount;
    terms.crossBorder = kind == money_kind::kPayment && payee.country != QLatin1String("CN");

    if (terms.crossBorder) {
        const auto rate = dir.rate(amount.currency());
        if (!rate)
            throw ApiError::internalError();
        const core::MoneyResult principal = amount.convertedByDividing(*rate, cny());
        if (!principal)
            throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                             QStringLiteral("The amount is too large."));
        if (!principal->isPositive())
            throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                             QStringLiteral("The amount is less than CNY 0.01."));
        terms.principalCny = principal->minorUnits();
        terms.fxRate = rate->toString();
        for (const QString &line : {QStringLiteral("fx_margin"), QStringLiteral("cross_border")}) {
            const auto rule = dir.fee(line);
            if (!rule)
                throw ApiError::internalError();
            terms.fees.append({line, feeFor(terms.principalCny, *rule)});
        }
    } else {
        terms.principalCny = amount.minorUnits();
        const auto rule = dir.fee(kind, sourceFunding);
        if (kind == money_kind::kWithdrawal && rule) {
            // The allowance is what is left of the month's free amount; the rate applies above it.
            const qint64 allowance = rule->freeAllowance ? rule->freeAllowance->minorUnits() : 0;
            const qint64 left = qMax<qint64>(0, allowance - withdrawnThisMonth);
            const qint64 charged = qMax<qint64>(0, terms.principalCny - left);
            terms.fees.append({kind, charged > 0 ? feeFor(charged, *rule) : 0});
        } else if (rule) {
            terms.fees.append({kind, feeFor(terms.principalCny, *rule)});
        }
    }
    // A free domestic line is not listed (a domestic payment shows no fees); cross-border always shows its
    // two lines (DESIGN.md: "the quote shows both lines and the total"), even when one rounds to 0.
    if (!terms.crossBorder)
        terms.fees.removeIf([](const FeeLine &line) { return line.amount == 0; });
    terms.debitCny = checkedAdd(terms.principalCny, terms.feeTotal());
    if (terms.debitCny > core::Money::kMaxAbsGatewayMinorUnits)
        throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                         QStringLiteral("The amount is too large."));
    return terms;
}

Usage MoneyRules::usage(const QString &walletId, qint64 now)
{
    const QString day = period(kDay, now);
    const QString year = period(kYear, now);
    const QString month = period(kWithdrawalMonth, now);
    const QString transfers = period(kTransferDay, now);
    const QString crossBorder = period(kCrossBorderDay, now);
    StubStore::Query rows =
        m_store.query(QStringLiteral("SELECT period, amount FROM wallet_usage WHERE wallet_id = ? AND "
                                     "period IN (?, ?, ?, ?, ?)"),
                      {walletId, day, year, month, transfers, crossBorder});
    Usage usage;
    while (rows.next()) {
        const QString name = rows.value(0).toString();
        const qint64 amount = rows.value(1).toLongLong();
        if (name == day)
            usage.today = amount;
        else if (name == year)
            usage.year = amount;
        else if (name == month)
            usage.withdrawnThisMonth = amount;
        else if (name == transfers)
            usage.domesticTransfersToday = amount;
        else if (name == crossBorder)
            usage.crossBorderToday = amount;
    }
    return usage;
}

bool MoneyRules::knownPayee(const QString &walletId, const QString &payeeId)
{
    return m_store
        .scalar(QStringLiteral("SELECT 1 FROM wallet_payees WHERE wallet_id = ? AND payee_id = ?"),
                {walletId, payeeId})
        .isValid();
}

Verdict MoneyRules::evaluate(const WalletFacts &wallet, const Terms &terms, const Usage &usage,
                             const WalletBalance &balance, qint64 now)
{
    Verdict verdict;
    const TierLimits limits = TierLimits::forTier(wallet.tier);
    const bool spending = terms.kind == money_kind::kPayment || terms.kind == money_kind::kTransfer;
    if (limits.daily)
        verdict.remainingToday = qMax<qint64>(0, *limits.daily - usage.today);

    if (wallet.frozen)
        verdict.warnings.append(QStringLiteral("pin_locked"));

    // Tier restrictions (DESIGN.md: tier 4 cannot top up from a card or send to other wallets).
    if (wallet.tier >= 4 &&
        (terms.kind == money_kind::kTransfer || (terms.kind == money_kind::kTopUp && terms.sourceIsCard)))
        verdict.warnings.append(QStringLiteral("tier_not_allowed"));

    // Limits: the first one exceeded is named.
    if (spending) {
        const qint64 p = terms.principalCny;
        if (limits.perPayment && p > *limits.perPayment)
            verdict.limit = QStringLiteral("per_payment");
        else if (limits.daily && checkedAdd(usage.today, p) > *limits.daily)
            verdict.limit = QStringLiteral("daily");
        else if (limits.annual && checkedAdd(usage.year, p) > *limits.annual)
            verdict.limit = QStringLiteral("annual");
    } else if (terms.kind == money_kind::kTopUp && limits.balanceCap) {
        if (checkedAdd(checkedAdd(balance.available, balance.pending), terms.credit.minorUnits()) >
            *limits.balanceCap)
            verdict.limit = QStringLiteral("balance_cap");
    }
    if (verdict.limit) {
        verdict.warnings.append(QStringLiteral("limit_exceeded"));
        verdict.limitsOk = false;
    }

    if (terms.source == QLatin1String("balance") && balance.available < terms.debitCny) {
        verdict.warnings.append(QStringLiteral("balance_insufficient"));
        verdict.limitsOk = false;
    }

    // Travel rule: cross-border at USD or EUR 1,000 or more (whichever is reached first).
    if (terms.crossBorder && (reaches(cnyIn(terms.principalCny, u"USD"), u"USD", kTravelRuleMajorUnits) ||
                              reaches(cnyIn(terms.principalCny, u"EUR"), u"EUR", kTravelRuleMajorUnits))) {
        verdict.travelRule = true;
        // The record needs the originator's verified name AND document country: a wallet verified in person
        // at a branch (POST /v1/dev/wallets/{id}/tier) without a document on file cannot fill it either.
        if (wallet.kycStatus != QLatin1String("verified") || wallet.documentCountry.isEmpty())
            verdict.warnings.append(QStringLiteral("travel_rule_incomplete"));
    }

    verdict.knownPayee = spending && knownPayee(wallet.id, terms.payee.id);
    verdict.requiresOtp =
        terms.principalCny > kOtpAboveCny || terms.crossBorder || (spending && !verdict.knownPayee);

    // Large-value reporting: flagged, never blocked.
    if (terms.kind == money_kind::kTransfer)
        verdict.largeValue =
            checkedAdd(usage.domesticTransfersToday, terms.principalCny) >= kLargeValueDomesticCny;
    if (terms.crossBorder) {
        const qint64 day = checkedAdd(usage.crossBorderToday, terms.principalCny);
        verdict.largeValue = day >= kLargeValueCrossBorderCny ||
                             reaches(cnyIn(day, u"USD"), u"USD", kLargeValueCrossBorderUsd);
    }

    // Structuring: only when this payment itself is near the per-payment limit is the window read.
    if (spending && limits.perPayment) {
        const qint64 high = *limits.perPayment;
        const qint64 low = (high * 9 + 9) / 10; // ceil(90 %)
        if (terms.principalCny >= low && terms.principalCny <= high) {
            const qint64 earlier =
                m_store
                    .scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM payments WHERE wallet_id = ? AND created_at > ? AND "
                                "kind IN ('payment', 'transfer') AND status != 'rejected' AND "
                                "principal_cny BETWEEN ? AND ?"),
                            {wallet.id, now - kStructuringWindowSecs, low, high})
                    .toLongLong();
            verdict.structuring = earlier + 1 >= kStructuringCount;
        }
    }
    return verdict;
}

void MoneyRules::recordUsage(const QString &walletId, const QString &kind, qint64 principalCny,
                             bool crossBorder, qint64 createdAt, int sign)
{
    QList<QPair<QString, qint64>> adds;
    if (kind == money_kind::kPayment || kind == money_kind::kTransfer) {
        adds.append({period(kDay, createdAt), principalCny});
        adds.append({period(kYear, createdAt), principalCny});
    }
    if (kind == money_kind::kTransfer)
        adds.append({period(kTransferDay, createdAt), principalCny});
    if (crossBorder)
        adds.append({period(kCrossBorderDay, createdAt), principalCny});
    if (kind == money_kind::kWithdrawal)
        adds.append({period(kWithdrawalMonth, createdAt), principalCny});
    for (const auto &[name, amount] : adds)
        m_store.run(
            QStringLiteral("INSERT INTO wallet_usage (wallet_id, period, amount) VALUES (?, ?, ?) "
                           "ON CONFLICT (wallet_id, period) DO UPDATE SET amount = amount + excluded.amount"),
            {walletId, name, sign * amount});
}

void MoneyRules::recordPayee(const QString &walletId, const QString &payeeId, qint64 now)
{
    m_store.run(QStringLiteral("INSERT OR IGNORE INTO wallet_payees (wallet_id, payee_id, first_paid_at) "
                               "VALUES (?, ?, ?)"),
                {walletId, payeeId, now});
}

std::optional<Quote> Quote::find(StubStore &store, const QString &id)
{
    StubStore::Query row = store.query(
        QStringLiteral("SELECT wallet_id, kind, source, payee_type, payee_id, payee_name, payee_country, "
                       "credit_amount, credit_currency, principal_cny, debit_amount, fees_json, fx_rate, "
                       "requires_otp, cross_border, created_at, expires_at, used_at, destination_json "
                       "FROM quotes WHERE id = ?"),
        {id});
    if (!row.next())
        return std::nullopt;
    Quote quote;
    quote.id = id;
    quote.walletId = row.value(0).toString();
    Terms &terms = quote.terms;
    terms.kind = row.value(1).toString();
    terms.source = row.value(2).toString();
    terms.payee.type = row.value(3).toString();
    terms.payee.id = row.value(4).toString();
    terms.payee.name = row.value(5).toString();
    terms.payee.country = row.value(6).toString();
    const auto currency = core::Currency::fromCode(row.value(8).toString());
    if (!currency)
        throw StoreError("a quote with an unknown currency");
    terms.payee.currency = *currency;
    terms.credit = core::Money(row.value(7).toLongLong(), *currency);
    terms.principalCny = row.value(9).toLongLong();
    terms.debitCny = row.value(10).toLongLong();
    for (const QJsonValue &line : QJsonDocument::fromJson(row.value(11).toString().toUtf8()).array()) {
        const QJsonObject fee = line.toObject();
        terms.fees.append(
            {fee.value(QStringLiteral("kind")).toString(),
             jsonInteger(fee.value(QStringLiteral("amount")).toObject().value(QStringLiteral("amount")))
                 .value_or(0)});
    }
    if (!row.value(12).isNull())
        terms.fxRate = row.value(12).toString();
    quote.requiresOtp = row.value(13).toInt() != 0;
    terms.crossBorder = row.value(14).toInt() != 0;
    quote.createdAt = row.value(15).toLongLong();
    quote.expiresAt = row.value(16).toLongLong();
    if (!row.value(17).isNull())
        quote.usedAt = row.value(17).toLongLong();
    return quote;
}

void Quote::insert(StubStore &store, const QJsonObject &destination) const
{
    store.run(
        QStringLiteral("INSERT INTO quotes (id, wallet_id, kind, source, destination_json, payee_type, "
                       "payee_id, payee_name, payee_country, credit_amount, credit_currency, principal_cny, "
                       "debit_amount, debit_currency, fees_json, fx_rate, requires_otp, cross_border, "
                       "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, "
                       "?, ?, ?, ?)"),
        {id, walletId, terms.kind, terms.source,
         QString::fromUtf8(QJsonDocument(destination).toJson(QJsonDocument::Compact)), terms.payee.type,
         terms.payee.id, terms.payee.name, terms.payee.country, terms.credit.minorUnits(),
         terms.credit.currency().code(), terms.principalCny, terms.debitCny,
         QString::fromUtf8(QJsonDocument(terms.feesJson()).toJson(QJsonDocument::Compact)),
         terms.fxRate ? QVariant(*terms.fxRate) : QVariant(QMetaType(QMetaType::QString)),
         requiresOtp ? 1 : 0, terms.crossBorder ? 1 : 0, createdAt, expiresAt});
}

QJsonObject MoneyRules::travelRuleJson(const WalletFacts &wallet, const Terms &terms)
{
    return {{QStringLiteral("originator"),
             QJsonObject{{QStringLiteral("name"), wallet.fullName},
                         {QStringLiteral("wallet_id"), wallet.id},
                         {QStringLiteral("document_country"), wallet.documentCountry}}},
            {QStringLiteral("beneficiary"), QJsonObject{{QStringLiteral("name"), terms.payee.name},
                                                        {QStringLiteral("account"), terms.payee.id},
                                                        {QStringLiteral("country"), terms.payee.country}}}};
}

} // namespace bw::stub
