// Contract tests of the reference data and payment methods over real HTTP (gateway-api.md, "Bank
// directory, fees, FX, merchants" and "Payment methods"): GET /v1/fees, /v1/fx-rates, /v1/merchants?q=, and
// POST/GET /v1/payment-methods, DELETE /v1/payment-methods/{id}, POST /v1/payment-methods/{id}/default.
//
// Decisions the contract leaves open (documented in src/stub/payment_method_routes.cpp and
// src/stub/directory_routes.cpp) and tested here:
// - exp_month outside 1..12 / an impossible exp_year → 422 parameter_invalid (param exp_month / exp_year);
//   an expired card → 422 card_expired (param exp_year); a card is valid through its expiry month.
// - bank_id not listed → 422 parameter_invalid; a listed bank without wallets → 422 bank_not_supported;
//   neither account_number nor iban → 400 parameter_missing (account_number); both → 422 parameter_invalid
//   (iban); an IBAN of another country than the bank's → 422 invalid_iban.
// - holder_name: invalid_name for a bad name; for a verified wallet equal to the wallet's name after
//   normalization with spaces ignored ("LI LEI", "li-lei"), else holder_name_mismatch; tier-4 wallets may
//   link any holder's method.
// - Deleting the default makes the most recently linked remaining method the default; unknown, deleted or
//   another wallet's ids → 404 resource_missing.
// - Merchant search: substring of name, name_zh or category, case-insensitive, trimmed; empty → all.
// The database is read (never written) to see what is stored: the test behaviour of each test card, the
// processor token, and that no full card number, CVC or full account number is anywhere in its files.
#include "core/currency.h"
#include "core/money.h"
#include "stub/directory.h"
#include "stub_test_client.h"

#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrl>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

const QString kMethods = QStringLiteral("/v1/payment-methods");
const QString kInvalid = QStringLiteral("invalid_request_error");

QJsonObject card(const QString &number, const QString &cvc = QStringLiteral("739"),
                 const QString &holder = QStringLiteral("Li Lei"), int month = 12, int year = 2030)
{
    return {{QStringLiteral("type"), QStringLiteral("card")},
            {QStringLiteral("number"), number},
            {QStringLiteral("exp_month"), month},
            {QStringLiteral("exp_year"), year},
            {QStringLiteral("cvc"), cvc},
            {QStringLiteral("holder_name"), holder}};
}

QJsonObject account(const QString &bankId, const QString &field, const QString &value,
                    const QString &holder = QStringLiteral("Li Lei"))
{
    return {{QStringLiteral("type"), QStringLiteral("bank_account")},
            {QStringLiteral("bank_id"), bankId},
            {field, value},
            {QStringLiteral("holder_name"), holder}};
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

QStringList keysOf(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

QString percent(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

class TestStubMethods : public QObject
{
    Q_OBJECT

    StubTestClient m_client;

    // A signed-in wallet; identity verified (tier 3) unless withIdentity is false (tier 4).
    TestWallet wallet(bool withIdentity = true, const QString &name = QStringLiteral("Li Lei"))
    {
        TestWallet w = m_client.enrollWallet(withIdentity, name);
        if (w.walletId.isEmpty() || !m_client.signIn(w))
            qFatal("wallet: %s", qPrintable(m_client.lastError()));
        return w;
    }

    Reply link(const TestWallet &w, const QJsonObject &body)
    {
        return m_client.sendAuthed(w, "POST", kMethods, body);
    }

    QJsonArray list(const TestWallet &w)
    {
        const Reply reply = m_client.sendAuthed(w, "GET", kMethods);
        if (reply.status != 200)
            qFatal("list: %s", qPrintable(reply.summary()));
        return reply.json.value(QStringLiteral("data")).toArray();
    }

    int tier(const TestWallet &w)
    {
        return m_client.sendAuthed(w, "GET", QStringLiteral("/v1/wallet"))
            .json.value(QStringLiteral("tier"))
            .toInt();
    }

    // The stored row of a method, read from the database file (read-only connection).
    QVariantMap storedRow(const QString &id)
    {
        QVariantMap row;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_client.dbPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(
                    QStringLiteral("SELECT token, brand, funding, last4, test_behaviour, charges, deleted_at "
                                   "FROM payment_methods WHERE id = ?"));
                q.addBindValue(id);
                if (q.exec() && q.next()) {
                    for (int i = 0; i < 7; ++i)
                        row.insert(q.record().fieldName(i), q.value(i));
                }
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return row;
    }

    QStringList auditDetails(const QString &walletId)
    {
        QStringList details;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_client.dbPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT event || ' ' || details FROM audit_log WHERE subject = ?"));
                q.addBindValue(walletId);
                if (q.exec()) {
                    while (q.next())
                        details << q.value(0).toString();
                }
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return details;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_client.start(), qPrintable(m_client.lastError())); }

    // --- reference data --------------------------------------------------------------------------------

    void feesServeTheSchedule()
    {
        const Reply reply = m_client.get(QStringLiteral("/v1/fees")); // public: unsigned
        QCOMPARE(reply.status, 200);
        const QJsonArray data = reply.json.value(QStringLiteral("data")).toArray();
        QHash<QString, QJsonObject> byKey;
        for (const QJsonValue &value : data) {
            const QJsonObject line = value.toObject();
            QVERIFY(!line.value(QStringLiteral("description")).toString().isEmpty());
            QVERIFY(!line.value(QStringLiteral("description_zh")).toString().isEmpty());
            QVERIFY(bw::core::DecimalRate::parse(line.value(QStringLiteral("rate")).toString()).ok());
            QCOMPARE(
                line.value(QStringLiteral("min")).toObject().value(QStringLiteral("currency")).toString(),
                QStringLiteral("CNY"));
            byKey.insert(line.value(QStringLiteral("kind")).toString() + u'/' +
                             line.value(QStringLiteral("funding")).toString(),
                         line);
        }
        const auto expect = [&](const QString &key, const QString &rate, qint64 min) {
            QVERIFY2(byKey.contains(key), qPrintable(key));
            QCOMPARE(byKey[key].value(QStringLiteral("rate")).toString(), rate);
            QCOMPARE(byKey[key]
                         .value(QStringLiteral("min"))
                         .toObject()
                         .value(QStringLiteral("amount"))
                         .toInteger(),
                     min);
        };
        expect(QStringLiteral("top_up/credit"), QStringLiteral("0.006"), 10);
        expect(QStringLiteral("top_up/debit"), QStringLiteral("0"), 0);
        expect(QStringLiteral("top_up/bank_account"), QStringLiteral("0"), 0);
        expect(QStringLiteral("withdrawal/"), QStringLiteral("0.001"), 10);
        expect(QStringLiteral("fx_margin/"), QStringLiteral("0.010"), 0);
        expect(QStringLiteral("cross_border/"), QStringLiteral("0.005"), 0);
        expect(QStringLiteral("payment/"), QStringLiteral("0"), 0);
        expect(QStringLiteral("transfer/"), QStringLiteral("0"), 0);
        QCOMPARE(byKey[QStringLiteral("withdrawal/")].value(QStringLiteral("free_allowance")).toObject(),
                 (QJsonObject{{QStringLiteral("amount"), 100000},
                              {QStringLiteral("currency"), QStringLiteral("CNY")}}));
        QVERIFY(!byKey[QStringLiteral("top_up/credit")].contains(QStringLiteral("free_allowance")));
    }

    void fxRatesCoverEveryCurrency()
    {
        const Reply reply = m_client.get(QStringLiteral("/v1/fx-rates"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(keysOf(reply.json),
                 (QStringList{QStringLiteral("as_of"), QStringLiteral("base"), QStringLiteral("rates")}));
        QCOMPARE(reply.json.value(QStringLiteral("base")).toString(), QStringLiteral("CNY"));
        const QDateTime asOf =
            QDateTime::fromString(reply.json.value(QStringLiteral("as_of")).toString(), Qt::ISODate);
        QVERIFY(asOf.isValid());
        QVERIFY(reply.json.value(QStringLiteral("as_of")).toString().endsWith(u'Z'));
        const QJsonObject rates = reply.json.value(QStringLiteral("rates")).toObject();
        const QList<bw::core::Currency> all = bw::core::Currency::all();
        QCOMPARE(rates.size(), all.size());
        for (const bw::core::Currency &currency : all) {
            const QJsonValue value = rates.value(currency.code());
            QVERIFY2(value.isString(), qPrintable(currency.code())); // decimal strings, never JSON numbers
            const auto rate = bw::core::DecimalRate::parse(value.toString());
            QVERIFY2(rate.ok() && !rate->isZero(), qPrintable(currency.code()));
        }
        QCOMPARE(rates.value(QStringLiteral("CNY")).toString(), QStringLiteral("1"));
        // Plausible: a yuan buys between 0.10 and 0.20 US dollars and between 15 and 30 yen.
        const auto usd = bw::core::Money(100000, *bw::core::Currency::fromCode(u"CNY"))
                             .convertedByMultiplying(rates.value(QStringLiteral("USD")).toString(),
                                                     *bw::core::Currency::fromCode(u"USD"));
        QVERIFY(usd.ok() && usd->minorUnits() > 10000 && usd->minorUnits() < 20000);
        const auto jpy = bw::core::Money(100, *bw::core::Currency::fromCode(u"CNY"))
                             .convertedByMultiplying(rates.value(QStringLiteral("JPY")).toString(),
                                                     *bw::core::Currency::fromCode(u"JPY"));
        QVERIFY(jpy.ok() && jpy->minorUnits() >= 15 && jpy->minorUnits() <= 30);
    }

    void merchantsList()
    {
        const Reply reply = m_client.get(QStringLiteral("/v1/merchants"));
        QCOMPARE(reply.status, 200);
        const QJsonArray data = reply.json.value(QStringLiteral("data")).toArray();
        QVERIFY(data.size() >= 30);
        QSet<QString> categories, countries, ids;
        const QStringList fields{QStringLiteral("category"), QStringLiteral("country"),
                                 QStringLiteral("currency"), QStringLiteral("id"),
                                 QStringLiteral("name"),     QStringLiteral("name_zh")};
        for (const QJsonValue &value : data) {
            const QJsonObject m = value.toObject();
            QCOMPARE(keysOf(m), fields);
            const QString id = m.value(QStringLiteral("id")).toString();
            QVERIFY(id.startsWith(QStringLiteral("mer_")));
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            QVERIFY(!m.value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(!m.value(QStringLiteral("name_zh")).toString().isEmpty());
            QVERIFY(bw::core::Currency::fromCode(m.value(QStringLiteral("currency")).toString()).has_value());
            QCOMPARE(m.value(QStringLiteral("country")).toString().size(), 2);
            if (m.value(QStringLiteral("country")).toString() == QLatin1String("CN"))
                QCOMPARE(m.value(QStringLiteral("currency")).toString(), QStringLiteral("CNY"));
            categories.insert(m.value(QStringLiteral("category")).toString());
            countries.insert(m.value(QStringLiteral("country")).toString());
        }
        QVERIFY(categories.size() >= 6);
        QVERIFY(countries.size() >= 3);
        // An empty or blank q is no filter.
        QCOMPARE(
            m_client.get(QStringLiteral("/v1/merchants?q=")).json.value(QStringLiteral("data")).toArray(),
            data);
        QCOMPARE(m_client.get(QStringLiteral("/v1/merchants?q=%20%20"))
                     .json.value(QStringLiteral("data"))
                     .toArray(),
                 data);
    }

    void merchantSearch_data()
    {
        QTest::addColumn<QString>("q");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("english, other case") << QStringLiteral("LANTERN") << 2;
        QTest::newRow("category") << QStringLiteral("coffee") << 5;
        QTest::newRow("chinese 咖啡") << QStringLiteral("咖啡") << 5;
        QTest::newRow("chinese 店 (one character)") << QStringLiteral("店") << 5;
        QTest::newRow("chinese 咖啡店") << QStringLiteral("咖啡店") << 2;
        QTest::newRow("trimmed") << QStringLiteral("  books ") << 4;
        QTest::newRow("no match") << QStringLiteral("zzqqxx") << 0;
    }
    void merchantSearch()
    {
        QFETCH(QString, q);
        QFETCH(int, atLeast);
        const Reply reply = m_client.get(QStringLiteral("/v1/merchants?q=") + percent(q));
        QCOMPARE(reply.status, 200);
        const QJsonArray data = reply.json.value(QStringLiteral("data")).toArray();
        QVERIFY2(data.size() >= atLeast, qPrintable(QString::number(data.size())));
        if (atLeast == 0)
            QCOMPARE(data.size(), 0);
        const int all =
            m_client.get(QStringLiteral("/v1/merchants")).json.value(QStringLiteral("data")).toArray().size();
        if (atLeast > 0)
            QVERIFY(data.size() < all);
        // Every result contains the term in one of the searched fields.
        for (const QJsonValue &value : data) {
            const QJsonObject m = value.toObject();
            const QString term = q.trimmed();
            QVERIFY2(m.value(QStringLiteral("name")).toString().contains(term, Qt::CaseInsensitive) ||
                         m.value(QStringLiteral("name_zh")).toString().contains(term) ||
                         m.value(QStringLiteral("category")).toString().contains(term, Qt::CaseInsensitive),
                     qPrintable(m.value(QStringLiteral("id")).toString()));
        }
    }

    // The loader fails closed: one bad entry and the whole directory is invalid, with a reason.
    void directoryValidatesAtLoad()
    {
        QFile m(QStringLiteral(":/stub/merchants.json")), r(QStringLiteral(":/stub/fx_rates.json")),
            f(QStringLiteral(":/stub/fees.json"));
        QVERIFY(m.open(QIODevice::ReadOnly) && r.open(QIODevice::ReadOnly) && f.open(QIODevice::ReadOnly));
        const QByteArray merchants = m.readAll(), rates = r.readAll(), fees = f.readAll();
        const Directory good(merchants, rates, fees);
        QVERIFY2(good.isValid(), qPrintable(good.errorString()));
        QVERIFY(Directory::seeded().isValid());
        QCOMPARE(Directory::seeded().merchants().size(), good.merchants().size());

        // Lookups the quote code uses.
        QCOMPARE(good.merchant(QStringLiteral("mer_west_lake_cafe"))->currency.code(), QStringLiteral("CNY"));
        QVERIFY(!good.merchant(QStringLiteral("mer_west_lake_cafe"))->isCrossBorder());
        QVERIFY(good.merchant(QStringLiteral("mer_bluebird_coffee_sf"))->isCrossBorder());
        QVERIFY(!good.merchant(QStringLiteral("mer_nope")));
        QCOMPARE(good.rate(*bw::core::Currency::fromCode(u"USD"))->toString(), QStringLiteral("0.1412"));
        QVERIFY(!good.rate(bw::core::Currency()));
        QCOMPARE(good.fee(u"top_up", u"credit")->rate.toString(), QStringLiteral("0.006"));
        QCOMPARE(good.fee(u"top_up", u"bank_account")->rate.toString(), QStringLiteral("0"));
        QVERIFY(!good.fee(u"top_up")); // no general top-up line: the funding decides
        QCOMPARE(good.fee(u"withdrawal", u"bank_account")->freeAllowance->minorUnits(), 100000);
        QVERIFY(!good.fee(u"nope"));

        const auto invalid = [](const QByteArray &mj, const QByteArray &rj, const QByteArray &fj) {
            const Directory d(mj, rj, fj);
            return !d.isValid() && !d.errorString().isEmpty() && d.merchants().isEmpty() &&
                   d.fees().isEmpty();
        };
        QVERIFY(invalid("not json", rates, fees));
        QVERIFY(invalid(QByteArray(merchants).replace("\"HKD\"}", "\"XXX\"}"), rates, fees));
        QVERIFY(
            invalid(QByteArray(merchants).replace("mer_west_lake_cafe", "mer_lantern_coffee"), rates, fees));
        QVERIFY(
            invalid(merchants, QByteArray(rates).replace("\"USD\": \"0.1412\"", "\"USD\": \"1e3\""), fees));
        QVERIFY(
            invalid(merchants, QByteArray(rates).replace("\"USD\": \"0.1412\"", "\"USD\": 0.1412"), fees));
        QVERIFY(invalid(merchants, QByteArray(rates).replace("\"USD\": \"0.1412\"", "\"USD\": \"0\""), fees));
        QVERIFY(invalid(merchants, QByteArray(rates).replace("\"THB\": \"4.589\",", ""),
                        fees)); // a currency without a rate
        QVERIFY(invalid(merchants, QByteArray(rates).replace("\"CNY\": \"1\"", "\"CNY\": \"1.1\""), fees));
        QVERIFY(invalid(merchants, rates, QByteArray(fees).replace("\"0.006\"", "\"0,006\"")));
        QVERIFY(invalid(merchants, rates,
                        QByteArray(fees).replace("\"funding\": \"debit\"", "\"funding\": \"credit\"")));
        QVERIFY(invalid(merchants, rates,
                        QByteArray(fees).replace("\"description_zh\": \"借记卡充值：免费。\"", "\"x\": 1")));
    }

    // --- payment methods ---------------------------------------------------------------------------------

    void testCards_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("cvc");
        QTest::addColumn<QString>("brand");
        QTest::addColumn<QString>("funding");
        QTest::addColumn<QString>("behaviour");
        QTest::newRow("visa credit") << "4242424242424242"
                                     << "739"
                                     << "visa"
                                     << "credit"
                                     << "succeed";
        QTest::newRow("unionpay debit") << "6212345678901232"
                                        << "739"
                                        << "unionpay"
                                        << "debit"
                                        << "succeed";
        QTest::newRow("mastercard credit") << "5555555555554444"
                                           << "739"
                                           << "mastercard"
                                           << "credit"
                                           << "succeed";
        QTest::newRow("declines") << "4000000000000002"
                                  << "739"
                                  << "visa"
                                  << "credit"
                                  << "decline";
        QTest::newRow("insufficient funds") << "4000000000009995"
                                            << "739"
                                            << "visa"
                                            << "credit"
                                            << "insufficient_funds";
        QTest::newRow("incorrect cvc once") << "4000000000000127"
                                            << "739"
                                            << "visa"
                                            << "credit"
                                            << "incorrect_cvc_once";
        QTest::newRow("other unionpay: debit") << "6200 0000 0000 0005"
                                               << "739"
                                               << "unionpay"
                                               << "debit"
                                               << "succeed";
        QTest::newRow("other visa: credit") << "4242-4242-4242-4218"
                                            << "739"
                                            << "visa"
                                            << "credit"
                                            << "succeed";
        QTest::newRow("mastercard 2-series") << "2223003122003222"
                                             << "739"
                                             << "mastercard"
                                             << "credit"
                                             << "succeed";
        QTest::newRow("amex, 4-digit cvc") << "378282246310005"
                                           << "8264"
                                           << "amex"
                                           << "credit"
                                           << "succeed";
        QTest::newRow("jcb") << "3530111333300000"
                             << "739"
                             << "jcb"
                             << "credit"
                             << "succeed";
    }
    void testCards()
    {
        QFETCH(QString, number);
        QFETCH(QString, cvc);
        QFETCH(QString, brand);
        QFETCH(QString, funding);
        QFETCH(QString, behaviour);
        const TestWallet w = wallet(false); // tier 4: the tier does not move, whatever is linked
        const Reply reply = link(w, card(number, cvc, QStringLiteral("Li Lei"), 3, 30));
        QVERIFY2(reply.status == 201, qPrintable(reply.summary()));
        const QJsonObject pm = reply.json;
        QCOMPARE(keysOf(pm), (QStringList{"brand", "exp_month", "exp_year", "funding", "holder_name", "id",
                                          "is_default", "last4", "type"}));
        QVERIFY(pm.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("pm_")));
        QCOMPARE(pm.value(QStringLiteral("type")).toString(), QStringLiteral("card"));
        QCOMPARE(pm.value(QStringLiteral("brand")).toString(), brand);
        QCOMPARE(pm.value(QStringLiteral("funding")).toString(), funding);
        QCOMPARE(pm.value(QStringLiteral("last4")).toString(),
                 QString(number).remove(u' ').remove(u'-').right(4));
        QCOMPARE(pm.value(QStringLiteral("exp_month")).toInt(), 3);
        QCOMPARE(pm.value(QStringLiteral("exp_year")).toInt(), 2030); // two digits mean 20yy
        QCOMPARE(pm.value(QStringLiteral("holder_name")).toString(), QStringLiteral("Li Lei"));
        QCOMPARE(pm.value(QStringLiteral("is_default")).toBool(), true); // the first method
        const QVariantMap row = storedRow(pm.value(QStringLiteral("id")).toString());
        QCOMPARE(row.value(QStringLiteral("test_behaviour")).toString(), behaviour);
        QCOMPARE(row.value(QStringLiteral("brand")).toString(), brand);
        QCOMPARE(row.value(QStringLiteral("funding")).toString(), funding);
        QCOMPARE(row.value(QStringLiteral("charges")).toInt(), 0);
        QVERIFY(row.value(QStringLiteral("token")).toString().startsWith(QStringLiteral("tok_")));
        QCOMPARE(tier(w), 4);
        // The list shows it the same way.
        const QJsonArray methods = list(w);
        QCOMPARE(methods.size(), 1);
        QCOMPARE(methods.first().toObject(), pm);
    }

    void cardErrors_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        const QJsonObject visa = card(QStringLiteral("4242424242424242"));
        QTest::newRow("no type") << without(visa, "type") << 400 << "parameter_missing"
                                 << "type";
        QTest::newRow("unknown type") << with(visa, "type", "paypal") << 422 << "parameter_invalid"
                                      << "type";
        QTest::newRow("no number") << without(visa, "number") << 400 << "parameter_missing"
                                   << "number";
        QTest::newRow("number not a string")
            << with(visa, "number", 4242424242424242.0) << 422 << "parameter_invalid"
            << "number";
        QTest::newRow("no exp_month") << without(visa, "exp_month") << 400 << "parameter_missing"
                                      << "exp_month";
        QTest::newRow("exp_month a string") << with(visa, "exp_month", "12") << 422 << "parameter_invalid"
                                            << "exp_month";
        QTest::newRow("exp_year a float") << with(visa, "exp_year", 2030.5) << 422 << "parameter_invalid"
                                          << "exp_year";
        QTest::newRow("no cvc") << without(visa, "cvc") << 400 << "parameter_missing"
                                << "cvc";
        QTest::newRow("no holder") << without(visa, "holder_name") << 400 << "parameter_missing"
                                   << "holder_name";
        QTest::newRow("luhn") << with(visa, "number", "4242424242424241") << 422 << "invalid_card_number"
                              << "number";
        QTest::newRow("empty number") << with(visa, "number", "") << 422 << "invalid_card_number"
                                      << "number";
        QTest::newRow("letters") << with(visa, "number", "4242 4242 4242 424x") << 422
                                 << "invalid_card_number"
                                 << "number";
        QTest::newRow("visa too short") << with(visa, "number", "42424242424") << 422 << "invalid_card_number"
                                        << "number";
        QTest::newRow("unknown network")
            << with(visa, "number", "9000000000000001") << 422 << "unsupported_brand"
            << "number";
        QTest::newRow("month 13") << with(visa, "exp_month", 13) << 422 << "parameter_invalid"
                                  << "exp_month";
        QTest::newRow("month 0") << with(visa, "exp_month", 0) << 422 << "parameter_invalid"
                                 << "exp_month";
        QTest::newRow("month huge") << with(visa, "exp_month", 9000000000000000.0) << 422
                                    << "parameter_invalid"
                                    << "exp_month";
        QTest::newRow("year 3 digits") << with(visa, "exp_year", 123) << 422 << "parameter_invalid"
                                       << "exp_year";
        QTest::newRow("year far ahead") << with(visa, "exp_year", 2099) << 422 << "parameter_invalid"
                                        << "exp_year";
        QTest::newRow("expired last month")
            << with(with(visa, "exp_month", 2), "exp_year", 2025) << 422 << "card_expired"
            << "exp_year";
        QTest::newRow("expired last year") << with(visa, "exp_year", 24) << 422 << "card_expired"
                                           << "exp_year";
        QTest::newRow("cvc 2 digits") << with(visa, "cvc", "12") << 422 << "invalid_cvc"
                                      << "cvc";
        QTest::newRow("cvc 4 digits on visa") << with(visa, "cvc", "1234") << 422 << "invalid_cvc"
                                              << "cvc";
        QTest::newRow("cvc letters") << with(visa, "cvc", "12a") << 422 << "invalid_cvc"
                                     << "cvc";
        QTest::newRow("cvc 3 digits on amex") << card("378282246310005", "123") << 422 << "invalid_cvc"
                                              << "cvc";
        QTest::newRow("holder empty") << with(visa, "holder_name", "") << 422 << "invalid_name"
                                      << "holder_name";
        QTest::newRow("holder digits") << with(visa, "holder_name", "Li Lei 2") << 422 << "invalid_name"
                                       << "holder_name";
        QTest::newRow("holder someone else")
            << with(visa, "holder_name", "Han Meimei") << 422 << "holder_name_mismatch"
            << "holder_name";
        QTest::newRow("holder reversed")
            << with(visa, "holder_name", "Lei Li") << 422 << "holder_name_mismatch"
            << "holder_name";
        // Check order: the number before the expiry before the CVC before the holder.
        QTest::newRow("order: number first")
            << card("4242424242424241", "1", "X1", 13, 1) << 422 << "invalid_card_number"
            << "number";
        QTest::newRow("order: expiry before cvc")
            << card("4242424242424242", "1", "X1", 13, 2030) << 422 << "parameter_invalid"
            << "exp_month";
        QTest::newRow("order: cvc before holder")
            << card("4242424242424242", "1", "X1") << 422 << "invalid_cvc"
            << "cvc";
    }
    void cardErrors()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        static TestWallet w = wallet(true);
        const Reply reply = link(w, body);
        EXPECT_ERROR(reply, status, kInvalid, code, param);
        // Nothing was linked and no error message repeats the number or the CVC.
        QVERIFY(list(w).isEmpty());
        QVERIFY(!reply.body.contains("4242424242424"));
        QVERIFY(!reply.body.contains("739"));
    }

    void accountErrors_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        const QJsonObject cn = account("bnk_jade_river", "account_number", "6222020200112233445");
        const QJsonObject de = account("bnk_lindenhof", "iban", "DE89370400440532013000");
        QTest::newRow("no bank_id") << without(cn, "bank_id") << 400 << "parameter_missing"
                                    << "bank_id";
        QTest::newRow("bank_id a number") << with(cn, "bank_id", 7) << 422 << "parameter_invalid"
                                          << "bank_id";
        QTest::newRow("unknown bank") << with(cn, "bank_id", "bnk_nope") << 422 << "parameter_invalid"
                                      << "bank_id";
        QTest::newRow("empty bank") << with(cn, "bank_id", "") << 422 << "parameter_invalid"
                                    << "bank_id";
        QTest::newRow("bank without wallets")
            << with(cn, "bank_id", "bnk_fenghe_rural") << 422 << "bank_not_supported"
            << "bank_id";
        QTest::newRow("neither number nor iban")
            << without(cn, "account_number") << 400 << "parameter_missing"
            << "account_number";
        QTest::newRow("both number and iban")
            << with(cn, "iban", "DE89370400440532013000") << 422 << "parameter_invalid"
            << "iban";
        QTest::newRow("account number short")
            << with(cn, "account_number", "1234567") << 422 << "invalid_account_number"
            << "account_number";
        QTest::newRow("account number long")
            << with(cn, "account_number", QString(31, u'1')) << 422 << "invalid_account_number"
            << "account_number";
        QTest::newRow("account number letters")
            << with(cn, "account_number", "12345678A") << 422 << "invalid_account_number"
            << "account_number";
        QTest::newRow("account number empty")
            << with(cn, "account_number", "") << 422 << "invalid_account_number"
            << "account_number";
        QTest::newRow("account number not a string")
            << with(cn, "account_number", 12345678) << 422 << "parameter_invalid"
            << "account_number";
        QTest::newRow("iban mod-97") << with(de, "iban", "DE89370400440532013001") << 422 << "invalid_iban"
                                     << "iban";
        QTest::newRow("iban length") << with(de, "iban", "DE8937040044053201300") << 422 << "invalid_iban"
                                     << "iban";
        QTest::newRow("iban country") << with(de, "iban", "XX89370400440532013000") << 422 << "invalid_iban"
                                      << "iban";
        QTest::newRow("iban of another country than the bank")
            << with(de, "bank_id", "bnk_thames_mutual") << 422 << "invalid_iban"
            << "iban";
        QTest::newRow("holder someone else")
            << with(cn, "holder_name", "Han Meimei") << 422 << "holder_name_mismatch"
            << "holder_name";
        QTest::newRow("holder empty") << with(de, "holder_name", "") << 422 << "invalid_name"
                                      << "holder_name";
    }
    void accountErrors()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        static TestWallet w = wallet(true);
        const Reply reply = link(w, body);
        EXPECT_ERROR(reply, status, kInvalid, code, param);
        QVERIFY(list(w).isEmpty());
        QCOMPARE(tier(w), 3);
        QVERIFY(!reply.body.contains("6222020200112233445"));
    }

    void bankAccounts()
    {
        TestWallet w = wallet(false); // tier 4: no holder check, the tier stays
        const Reply cn =
            link(w, account("bnk_jade_river", "account_number", "6222 0202 0011 2233 445", "Wang Fang"));
        QVERIFY2(cn.status == 201, qPrintable(cn.summary()));
        QCOMPARE(keysOf(cn.json), (QStringList{"bank_id", "bank_name", "country", "holder_name", "id",
                                               "is_default", "last4", "type"}));
        QCOMPARE(cn.json.value(QStringLiteral("type")).toString(), QStringLiteral("bank_account"));
        QCOMPARE(cn.json.value(QStringLiteral("bank_id")).toString(), QStringLiteral("bnk_jade_river"));
        QCOMPARE(cn.json.value(QStringLiteral("bank_name")).toString(), QStringLiteral("Jade River Bank"));
        QCOMPARE(cn.json.value(QStringLiteral("country")).toString(), QStringLiteral("CN"));
        QCOMPARE(cn.json.value(QStringLiteral("last4")).toString(), QStringLiteral("3445"));
        QCOMPARE(cn.json.value(QStringLiteral("holder_name")).toString(), QStringLiteral("Wang Fang"));
        QCOMPARE(cn.json.value(QStringLiteral("is_default")).toBool(), true);
        // IBAN: spaces and lower case accepted.
        const Reply de =
            link(w, account("bnk_lindenhof", "iban", "de89 3704 0044 0532 0130 00", "Wang Fang"));
        QVERIFY2(de.status == 201, qPrintable(de.summary()));
        QCOMPARE(de.json.value(QStringLiteral("country")).toString(), QStringLiteral("DE"));
        QCOMPARE(de.json.value(QStringLiteral("last4")).toString(), QStringLiteral("3000"));
        QCOMPARE(de.json.value(QStringLiteral("is_default")).toBool(), false);
        const QVariantMap row = storedRow(de.json.value(QStringLiteral("id")).toString());
        QVERIFY(row.value(QStringLiteral("funding")).isNull());
        QVERIFY(row.value(QStringLiteral("brand")).isNull());
        QCOMPARE(tier(w), 4);
        // GB IBAN at a GB bank.
        const Reply gb = link(w, account("bnk_thames_mutual", "iban", "GB82WEST12345698765432", "Wang Fang"));
        QVERIFY2(gb.status == 201, qPrintable(gb.summary()));
        QCOMPARE(list(w).size(), 3);
    }

    void holderNameNormalized_data()
    {
        QTest::addColumn<QString>("holder");
        QTest::newRow("upper case") << "LI LEI";
        QTest::newRow("hyphen") << "li-lei";
        QTest::newRow("no space") << "LiLei";
        QTest::newRow("extra spaces") << "  Li   Lei ";
        QTest::newRow("diacritics") << "Lí Léi";
    }
    void holderNameNormalized()
    {
        QFETCH(QString, holder);
        static TestWallet w = wallet(true);
        const Reply reply = link(w, card(QStringLiteral("4242424242424242"), QStringLiteral("739"), holder));
        QVERIFY2(reply.status == 201, qPrintable(reply.summary()));
    }

    void chineseHolderName()
    {
        TestWallet w = wallet(true, QStringLiteral("李雷"));
        QCOMPARE(
            link(w, card(QStringLiteral("4242424242424242"), QStringLiteral("739"), QStringLiteral("李 雷")))
                .status,
            201);
        EXPECT_ERROR(
            link(w, card(QStringLiteral("4242424242424242"), QStringLiteral("739"), QStringLiteral("李蕾"))),
            422, kInvalid, "holder_name_mismatch", "holder_name");
    }

    void tierRaisedByDebitCard()
    {
        TestWallet w = wallet(true);
        QCOMPARE(tier(w), 3);
        // A credit card does not raise the tier.
        QCOMPARE(link(w, card(QStringLiteral("4242424242424242"))).status, 201);
        QCOMPARE(link(w, card(QStringLiteral("5555555555554444"))).status, 201);
        QCOMPARE(tier(w), 3);
        // A debit card does, and the limits follow.
        QCOMPARE(link(w, card(QStringLiteral("6212345678901232"))).status, 201);
        const Reply walletReply = m_client.sendAuthed(w, "GET", QStringLiteral("/v1/wallet"));
        QCOMPARE(walletReply.json.value(QStringLiteral("tier")).toInt(), 2);
        QCOMPARE(walletReply.json.value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("per_payment"))
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toInteger(),
                 5000000);
        bool audited = false;
        for (const QString &line : auditDetails(w.walletId))
            audited |= line.startsWith(QStringLiteral("wallet.tier_set")) &&
                       line.contains(QStringLiteral("\"to\":2"));
        QVERIFY(audited);
        // A second debit card changes nothing more.
        QCOMPARE(link(w, card(QStringLiteral("6200000000000005"))).status, 201);
        QCOMPARE(tier(w), 2);
    }

    void tierRaisedByBankAccount()
    {
        TestWallet w = wallet(true);
        QCOMPARE(tier(w), 3);
        QCOMPARE(link(w, account("bnk_demo", "account_number", "6222020200112233445")).status, 201);
        QCOMPARE(tier(w), 2);
    }

    void tierFourStaysFour()
    {
        TestWallet w = wallet(false);
        QCOMPARE(tier(w), 4);
        QCOMPARE(link(w, card(QStringLiteral("6212345678901232"))).status, 201);
        QCOMPARE(link(w, account("bnk_demo", "account_number", "6222020200112233445")).status, 201);
        QCOMPARE(tier(w), 4);
    }

    void tierOneStaysOne()
    {
        TestWallet w = wallet(true);
        QCOMPARE(m_client
                     .post(QStringLiteral("/v1/dev/wallets/%1/tier").arg(w.walletId),
                           {{QStringLiteral("tier"), 1}})
                     .status,
                 200);
        QCOMPARE(link(w, card(QStringLiteral("6212345678901232"))).status, 201);
        QCOMPARE(tier(w), 1);
    }

    void defaultAndDelete()
    {
        TestWallet w = wallet(true);
        TestWallet other = wallet(true);
        const QString a =
            link(w, card(QStringLiteral("4242424242424242"))).json.value(QStringLiteral("id")).toString();
        m_client.clock->advance(1);
        const Reply bReply = link(w, card(QStringLiteral("5555555555554444")));
        QCOMPARE(bReply.json.value(QStringLiteral("is_default")).toBool(), false);
        const QString b = bReply.json.value(QStringLiteral("id")).toString();
        m_client.clock->advance(1);
        const QString c = link(w, account("bnk_demo", "account_number", "12345678"))
                              .json.value(QStringLiteral("id"))
                              .toString();
        const QString otherPm =
            link(other, card(QStringLiteral("4242424242424242"))).json.value(QStringLiteral("id")).toString();
        const auto defaults = [&]() {
            QStringList ids, defaultIds;
            for (const QJsonValue &value : list(w)) {
                ids << value.toObject().value(QStringLiteral("id")).toString();
                if (value.toObject().value(QStringLiteral("is_default")).toBool())
                    defaultIds << ids.last();
            }
            return std::make_pair(ids, defaultIds);
        };
        QCOMPARE(defaults(), std::make_pair(QStringList{a, b, c}, QStringList{a}));

        // Make B the default.
        const Reply made = m_client.sendAuthed(w, "POST", kMethods + u'/' + b + QStringLiteral("/default"));
        QCOMPARE(made.status, 200);
        QCOMPARE(made.json.value(QStringLiteral("id")).toString(), b);
        QCOMPARE(made.json.value(QStringLiteral("is_default")).toBool(), true);
        QCOMPARE(made.json.value(QStringLiteral("brand")).toString(), QStringLiteral("mastercard"));
        QCOMPARE(defaults(), std::make_pair(QStringList{a, b, c}, QStringList{b}));
        // Again: still 200, still one default.
        QCOMPARE(m_client.sendAuthed(w, "POST", kMethods + u'/' + b + QStringLiteral("/default")).status,
                 200);
        QCOMPARE(defaults().second, QStringList{b});

        // Deleting the default: the most recently linked remaining one (C) becomes the default.
        const Reply deleted = m_client.sendAuthed(w, "DELETE", kMethods + u'/' + b);
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        QCOMPARE(defaults(), std::make_pair(QStringList{a, c}, QStringList{c}));
        QVERIFY(!storedRow(b).value(QStringLiteral("deleted_at")).isNull()); // a soft delete
        // Deleting a method that is not the default leaves the default alone.
        QCOMPARE(m_client.sendAuthed(w, "DELETE", kMethods + u'/' + a).status, 204);
        QCOMPARE(defaults(), std::make_pair(QStringList{c}, QStringList{c}));

        // Deleted, unknown and another wallet's ids: 404 for every action, nothing changes.
        for (const QString &id : {b, QStringLiteral("pm_nope"), otherPm}) {
            EXPECT_ERROR(m_client.sendAuthed(w, "DELETE", kMethods + u'/' + id), 404, kInvalid,
                         "resource_missing", "id");
            EXPECT_ERROR(m_client.sendAuthed(w, "POST", kMethods + u'/' + id + QStringLiteral("/default")),
                         404, kInvalid, "resource_missing", "id");
        }
        QCOMPARE(list(other).size(), 1);
        QCOMPARE(list(other).first().toObject().value(QStringLiteral("is_default")).toBool(), true);

        // The last one gone: an empty list; the next one linked is the default again.
        QCOMPARE(m_client.sendAuthed(w, "DELETE", kMethods + u'/' + c).status, 204);
        QVERIFY(list(w).isEmpty());
        QCOMPARE(link(w, card(QStringLiteral("4242424242424242")))
                     .json.value(QStringLiteral("is_default"))
                     .toBool(),
                 true);
    }

    void methodsNeedASession()
    {
        TestWallet w = wallet(true);
        EXPECT_ERROR(m_client.get(kMethods), 401, "authentication_error", "signature_missing");
        EXPECT_ERROR(m_client.sendSigned(w, "GET", kMethods), 401, "authentication_error", "session_invalid");
        EXPECT_ERROR(m_client.sendSigned(w, "POST", kMethods, card(QStringLiteral("4242424242424242"))), 401,
                     "authentication_error", "session_invalid");
        QVERIFY(list(w).isEmpty());
        EXPECT_ERROR(m_client.sendAuthed(w, "PUT", kMethods), 405, kInvalid, "method_not_allowed");
    }

    // No full card number, CVC or full account number anywhere in the database files, the audit log
    // included; declared last so it runs after every test above linked its cards and accounts.
    void noCardDataStored()
    {
        TestWallet w = wallet(false);
        QCOMPARE(link(w, card(QStringLiteral("378282246310005"), QStringLiteral("8264"))).status, 201);
        QCOMPARE(link(w, card(QStringLiteral("4000000000000127"), QStringLiteral("913"))).status, 201);
        QCOMPARE(link(w, account("bnk_lindenhof", "iban", "DE89370400440532013000")).status, 201);
        for (const QString &line : auditDetails(w.walletId)) {
            QVERIFY2(!line.contains(QStringLiteral("cvc")) && !line.contains(QStringLiteral("number")) &&
                         !line.contains(QStringLiteral("iban")),
                     qPrintable(line));
        }
        QByteArray files;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(m_client.dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                files += file.readAll();
        }
        QVERIFY(files.size() > 10000);
        QVERIFY(files.contains("payment_method.linked")); // the grep below looks at the right bytes
        QVERIFY(files.contains("tok_"));
        const QList<QByteArray> forbidden{
            // every card number linked by this test (without their last four digits, so a full number, a
            // number in groups or a prefix of one would all be found)
            "424242424242", "621234567890", "555555555555", "400000000000", "620000000000", "222300312200",
            "37828224631", "353011133330",
            // the account number and the IBAN (compact and as typed)
            "622202020011223", "6222 0202 0011", "DE8937040044053201", "de89 3704", "GB82WEST123456",
            // CVCs (as JSON values and as the only 4-digit one)
            "\"739\"", "\"913\"", "8264", "\"cvc\""};
        for (const QByteArray &needle : forbidden)
            QVERIFY2(!files.contains(needle), needle.constData());
    }

    void cleanupTestCase() { m_client.stop(); }
};

QTEST_GUILESS_MAIN(TestStubMethods)
#include "test_stub_methods.moc"
