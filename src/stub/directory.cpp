#include "stub/directory.h"

#include "stub/clock.h"
#include "stub/json_fields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

namespace bw::stub {

Q_LOGGING_CATEGORY(lcDirectory, "bw.stub.directory")

namespace {

const QStringList kFundings = {QStringLiteral("credit"), QStringLiteral("debit"),
                               QStringLiteral("bank_account")};

QByteArray readResource(const char *path, QString *error)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(QString::fromLatin1(path));
        return {};
    }
    return file.readAll();
}

// A required non-empty string member, else an error naming it.
bool readText(const QJsonObject &o, const QString &key, QString *out, QString *error, const QString &where)
{
    const QJsonValue value = o.value(key);
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        *error = QStringLiteral("%1: \"%2\" must be a non-empty string").arg(where, key);
        return false;
    }
    *out = value.toString();
    return true;
}

bool isUpperAlpha(const QString &text, qsizetype length)
{
    return text.size() == length &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
}

// A money object of the seed files: {"amount": non-negative integer, "currency": known code}.
std::optional<core::Money> readMoney(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const std::optional<qint64> amount = jsonInteger(o.value(QStringLiteral("amount")));
    const auto currency = core::Currency::fromCode(o.value(QStringLiteral("currency")).toString());
    if (!value.isObject() || !amount || *amount < 0 || !currency)
        return std::nullopt;
    return core::Money(*amount, *currency);
}

QJsonArray dataArray(const QByteArray &json, const QString &file, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2").arg(file, parseError.errorString());
        return {};
    }
    const QJsonValue data = document.object().value(QStringLiteral("data"));
    if (!data.isArray() || data.toArray().isEmpty()) {
        *error = QStringLiteral("%1: \"data\" must be a non-empty array").arg(file);
        return {};
    }
    return data.toArray();
}

} // namespace

QJsonObject Merchant::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},           {QStringLiteral("name"), name},
                       {QStringLiteral("name_zh"), nameZh},  {QStringLiteral("category"), category},
                       {QStringLiteral("country"), country}, {QStringLiteral("currency"), currency.code()}};
}

QJsonObject FeeRule::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kind},
                  {QStringLiteral("rate"), rate.toString()},
                  {QStringLiteral("min"), moneyJson(min)},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("description_zh"), descriptionZh}};
    if (funding)
        o.insert(QStringLiteral("funding"), *funding);
    if (freeAllowance)
        o.insert(QStringLiteral("free_allowance"), moneyJson(*freeAllowance));
    return o;
}

const Directory &Directory::seeded()
{
    static const Directory directory = [] {
        QString error;
        const QByteArray merchants = readResource(kMerchantsResource, &error);
        const QByteArray rates = error.isEmpty() ? readResource(kFxRatesResource, &error) : QByteArray();
        const QByteArray fees = error.isEmpty() ? readResource(kFeesResource, &error) : QByteArray();
        Directory loaded(merchants, rates, fees);
        if (!error.isEmpty())
            loaded.fail(error);
        if (!loaded.isValid())
            qCCritical(lcDirectory, "seeded directory not loaded (merchants, FX, fees answer 500): %s",
                       qPrintable(loaded.errorString()));
        return loaded;
    }();
    return directory;
}

Directory::Directory(const QByteArray &merchantsJson, const QByteArray &fxRatesJson,
                     const QByteArray &feesJson)
{
    if (loadMerchants(merchantsJson) && loadFxRates(fxRatesJson))
        loadFees(feesJson);
    // Every merchant's currency must be priceable: the quote code relies on it.
    if (isValid()) {
        for (const Merchant &merchant : std::as_const(m_merchants)) {
            if (!rate(merchant.currency)) {
                fail(QStringLiteral("merchants.json: %1 takes %2, which has no FX rate")
                         .arg(merchant.id, merchant.currency.code()));
                break;
            }
        }
    }
}

void Directory::fail(const QString &error)
{
    m_error = error;
    m_merchants.clear();
    m_rates.clear();
    m_fees.clear();
    m_fxAsOf = {};
}

bool Directory::loadMerchants(const QByteArray &json)
{
    QString error;
    const QJsonArray array = dataArray(json, QStringLiteral("merchants.json"), &error);
    QSet<QString> ids;
    for (qsizetype i = 0; error.isEmpty() && i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString where = QStringLiteral("merchants.json entry %1").arg(i);
        Merchant merchant;
        QString currency;
        if (!readText(o, QStringLiteral("id"), &merchant.id, &error, where) ||
            !readText(o, QStringLiteral("name"), &merchant.name, &error, where) ||
            !readText(o, QStringLiteral("name_zh"), &merchant.nameZh, &error, where) ||
            !readText(o, QStringLiteral("category"), &merchant.category, &error, where) ||
            !readText(o, QStringLiteral("country"), &merchant.country, &error, where) ||
            !readText(o, QStringLiteral("currency"), &currency, &error, where))
            break;
        const auto known = core::Currency::fromCode(currency);
        if (!merchant.id.startsWith(QLatin1String("mer_")))
            error = QStringLiteral("%1: id %2 lacks the mer_ prefix").arg(where, merchant.id);
        else if (ids.contains(merchant.id))
            error = QStringLiteral("%1: duplicate id %2").arg(where, merchant.id);
        else if (!isUpperAlpha(merchant.country, 2))
            error = QStringLiteral("%1: country %2 is not ISO 3166 alpha-2").arg(where, merchant.country);
        else if (!known)
            error = QStringLiteral("%1: unknown currency %2").arg(where, currency);
        if (!error.isEmpty())
            break;
        merchant.currency = *known;
        ids.insert(merchant.id);
        m_merchants.append(merchant);
    }
    if (!error.isEmpty())
        fail(error);
    return isValid();
}

bool Directory::loadFxRates(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        fail(QStringLiteral("fx_rates.json is not a JSON object: %1").arg(parseError.errorString()));
        return false;
    }
    const QJsonObject o = document.object();
    if (o.value(QStringLiteral("base")).toString() != QLatin1String("CNY")) {
        fail(QStringLiteral("fx_rates.json: base must be CNY"));
        return false;
    }
    m_fxAsOf = QDateTime::fromString(o.value(QStringLiteral("as_of")).toString(), Qt::ISODate);
    if (!m_fxAsOf.isValid() || m_fxAsOf.timeSpec() != Qt::UTC) {
        fail(QStringLiteral("fx_rates.json: as_of must be an RFC 3339 UTC time (…Z)"));
        return false;
    }
    const QJsonValue ratesValue = o.value(QStringLiteral("rates"));
    if (!ratesValue.isObject()) {
        fail(QStringLiteral("fx_rates.json: \"rates\" must be an object"));
        return false;
    }
    const QJsonObject rates = ratesValue.toObject();
    for (auto it = rates.begin(); it != rates.end(); ++it) {
        if (!core::Currency::fromCode(it.key())) {
            fail(QStringLiteral("fx_rates.json: unknown currency %1").arg(it.key()));
            return false;
        }
        const auto parsed = core::DecimalRate::parse(it.value().toString());
        if (!it.value().isString() || !parsed || parsed->isZero()) {
            fail(QStringLiteral("fx_rates.json: the rate of %1 must be a positive decimal string")
                     .arg(it.key()));
            return false;
        }
        m_rates.append({it.key(), *parsed});
    }
    for (const core::Currency &currency : core::Currency::all()) {
        if (!rates.contains(currency.code())) {
            fail(QStringLiteral("fx_rates.json: no rate for %1").arg(currency.code()));
            return false;
        }
    }
    // CNY per CNY is exactly one, written "1", "1.0", ...: 10^scale over 10^scale.
    const auto cny = rate(QStringLiteral("CNY"));
    qint64 one = 1;
    for (int i = 0; cny && i < cny->scale(); ++i)
        one *= 10;
    if (!cny || cny->mantissa() != one) {
        fail(QStringLiteral("fx_rates.json: the rate of CNY itself must be 1"));
        return false;
    }
    std::sort(m_rates.begin(), m_rates.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return true;
}

bool Directory::loadFees(const QByteArray &json)
{
    QString error;
    const QJsonArray array = dataArray(json, QStringLiteral("fees.json"), &error);
    QSet<QString> keys;
    for (qsizetype i = 0; error.isEmpty() && i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString where = QStringLiteral("fees.json entry %1").arg(i);
        FeeRule rule;
        QString rateText;
        if (!readText(o, QStringLiteral("kind"), &rule.kind, &error, where) ||
            !readText(o, QStringLiteral("rate"), &rateText, &error, where) ||
            !readText(o, QStringLiteral("description"), &rule.description, &error, where) ||
            !readText(o, QStringLiteral("description_zh"), &rule.descriptionZh, &error, where))
            break;
        if (o.contains(QStringLiteral("funding"))) {
            const QString funding = o.value(QStringLiteral("funding")).toString();
            if (!kFundings.contains(funding)) {
                error = QStringLiteral("%1: funding must be one of %2").arg(where, kFundings.join(u','));
                break;
            }
            rule.funding = funding;
        }
        const auto rate = core::DecimalRate::parse(rateText);
        const auto min = readMoney(o.value(QStringLiteral("min")));
        if (!rate) {
            error = QStringLiteral("%1: rate %2 is not a decimal string").arg(where, rateText);
        } else if (!min || min->currency().code() != QLatin1String("CNY")) {
            error = QStringLiteral("%1: min must be a non-negative CNY money object").arg(where);
        } else if (o.contains(QStringLiteral("free_allowance")) &&
                   !readMoney(o.value(QStringLiteral("free_allowance")))) {
            error = QStringLiteral("%1: free_allowance must be a non-negative money object").arg(where);
        }
        if (!error.isEmpty())
            break;
        rule.rate = *rate;
        rule.min = *min;
        if (o.contains(QStringLiteral("free_allowance")))
            rule.freeAllowance = readMoney(o.value(QStringLiteral("free_allowance")));
        const QString key = rule.kind + u'/' + rule.funding.value_or(QString());
        if (keys.contains(key)) {
            error = QStringLiteral("%1: a second line for %2").arg(where, key);
            break;
        }
        keys.insert(key);
        m_fees.append(rule);
    }
    if (!error.isEmpty())
        fail(error);
    return isValid();
}

std::optional<Merchant> Directory::merchant(const QString &id) const
{
    for (const Merchant &merchant : m_merchants) {
        if (merchant.id == id)
            return merchant;
    }
    return std::nullopt;
}

QList<Merchant> Directory::searchMerchants(QStringView query) const
{
    const QStringView q = query.trimmed();
    if (q.isEmpty())
        return m_merchants;
    QList<Merchant> found;
    for (const Merchant &merchant : m_merchants) {
        if (merchant.name.contains(q, Qt::CaseInsensitive) ||
            merchant.nameZh.contains(q, Qt::CaseInsensitive) ||
            merchant.category.contains(q, Qt::CaseInsensitive))
            found.append(merchant);
    }
    return found;
}

std::optional<core::DecimalRate> Directory::rate(QStringView currencyCode) const
{
    for (const auto &entry : m_rates) {
        if (entry.first == currencyCode)
            return entry.second;
    }
    return std::nullopt;
}

std::optional<core::DecimalRate> Directory::rate(const core::Currency &currency) const
{
    if (!currency.isValid())
        return std::nullopt;
    return rate(currency.code());
}

QJsonObject Directory::fxRatesJson() const
{
    QJsonObject rates;
    for (const auto &entry : m_rates)
        rates.insert(entry.first, entry.second.toString());
    return QJsonObject{{QStringLiteral("base"), QStringLiteral("CNY")},
                       {QStringLiteral("as_of"), toRfc3339(m_fxAsOf)},
                       {QStringLiteral("rates"), rates}};
}

std::optional<FeeRule> Directory::fee(QStringView kind, QStringView funding) const
{
    const FeeRule *general = nullptr;
    for (const FeeRule &rule : m_fees) {
        if (rule.kind != kind)
            continue;
        if (!rule.funding) {
            general = &rule;
        } else if (!funding.isEmpty() && *rule.funding == funding) {
            return rule;
        }
    }
    return general ? std::optional<FeeRule>(*general) : std::nullopt;
}

QJsonObject Directory::feesJson() const
{
    QJsonArray data;
    for (const FeeRule &rule : m_fees)
        data.append(rule.toJson());
    return QJsonObject{{QStringLiteral("data"), data}};
}

} // namespace bw::stub
