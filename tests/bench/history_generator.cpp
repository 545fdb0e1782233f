#include "history_generator.h"

#include "storage/history_store.h"
#include "storage/wallet_database.h"

#include <QDateTime>

#include <algorithm>
#include <array>

namespace bw::bench {

namespace {

// SplitMix64: tiny, fast and good enough for synthetic data; one stream per (seed, row, draw).
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

class Draws
{
public:
    Draws(quint64 seed, qint64 index)
        : m_state(mix(seed ^ mix(quint64(index) * 0xD1B54A32D192ED03ULL)))
    {}
    quint64 next() { return m_state = mix(m_state); }
    // Uniform in [0, n).
    qint64 below(qint64 n) { return n <= 1 ? 0 : qint64(next() % quint64(n)); }
    // Uniform in [lo, hi].
    qint64 between(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    // Percent chance.
    bool chance(int percentTimes10) { return below(1000) < percentTimes10; }

private:
    quint64 m_state;
};

struct Person
{
    const char16_t *name;
    const char *walletId;
};

// People the customer pays and is paid by. Their names are sealed by the store.
const std::array<Person, 16> kPeople = {{
    {u"Zhang Wei", "wal_p01zhangwei"},
    {u"李娜", "wal_p02lina"},
    {u"Wang Fang", "wal_p03wangfang"},
    {u"陈静", "wal_p04chenjing"},
    {u"Liu Yang", "wal_p05liuyang"},
    {u"赵敏", "wal_p06zhaomin"},
    {u"Emily Chen", "wal_p07emily"},
    {u"黄磊", "wal_p08huanglei"},
    {u"Zhou Xin", "wal_p09zhouxin"},
    {u"吴晓燕", "wal_p10wuxiaoyan"},
    {u"Sun Li", "wal_p11sunli"},
    {u"徐强", "wal_p12xuqiang"},
    {u"Ma Jun", "wal_p13majun"},
    {u"胡月", "wal_p14huyue"},
    {u"Lin Hao", "wal_p15linhao"},
    {u"郭婷婷", "wal_p16guotingting"},
}};

const std::array<const char16_t *, 6> kNotes = {
    {u"Dinner split", u"房租", u"Birthday gift", u"电影票", u"Taxi share", u"生活费"}};

// Funding sources. Debit cards and the bank account also take withdrawals; the credit card pays abroad.
const QString kDebitCard = QStringLiteral("pm_gen_debit_icbc");
const QString kCreditCard = QStringLiteral("pm_gen_credit_cmb");
const QString kBankAccount = QStringLiteral("pm_gen_account_boc");
const QString kDebitCard2 = QStringLiteral("pm_gen_debit_ccb");

// A realistic amount in CNY fen for a category.
qint64 cnyAmountFor(const QString &category, Draws &d)
{
    struct Range
    {
        const char *category;
        qint64 lo, hi; // yuan
    };
    static constexpr std::array<Range, 8> kRanges = {{{"coffee", 12, 48},
                                                      {"dining", 15, 380},
                                                      {"groceries", 5, 420},
                                                      {"transport", 3, 320},
                                                      {"travel", 280, 6800},
                                                      {"electronics", 60, 9000},
                                                      {"books", 18, 260},
                                                      {"utilities", 30, 600}}};
    for (const Range &r : kRanges) {
        if (category == QLatin1String(r.category))
            return d.between(r.lo * 100, r.hi * 100);
    }
    return d.between(1000, 20000);
}

// CNY fen → minor units of another currency at a rough fixed rate (display realism only).
qint64 convertFen(qint64 fen, const QString &currency)
{
    if (currency == QLatin1String("USD"))
        return std::max<qint64>(1, fen * 10 / 72);
    if (currency == QLatin1String("EUR"))
        return std::max<qint64>(1, fen * 10 / 78);
    if (currency == QLatin1String("GBP"))
        return std::max<qint64>(1, fen * 10 / 91);
    if (currency == QLatin1String("HKD"))
        return fen * 109 / 100;
    if (currency == QLatin1String("JPY")) // no minor digits: yen
        return std::max<qint64>(1, fen * 20 / 100);
    return fen;
}

constexpr qint64 kStartBalanceFen = 5'000'00;
constexpr qint64 kHighBalanceFen = 40'000'00;

} // namespace

crypto::SecretBytes testDataKey()
{
    return crypto::SecretBytes::copyOf(QByteArrayView("bankwallet-bench-test-key-32byte"));
}

const QVector<GeneratedMerchant> &HistoryGenerator::merchants()
{
    auto m = [](const char *id, const char16_t *name, const char16_t *nameZh, const char *category,
                const char *currency, int weight) {
        return GeneratedMerchant{QString::fromLatin1(id),       QString::fromUtf16(name),
                                 QString::fromUtf16(nameZh),    QString::fromLatin1(category),
                                 QString::fromLatin1(currency), weight};
    };
    static const QVector<GeneratedMerchant> list = {
        m("mer_gen_starbucks", u"Starbucks Coffee", u"星巴克咖啡", "coffee", "CNY", 60),
        m("mer_gen_luckin", u"Luckin Coffee", u"瑞幸咖啡", "coffee", "CNY", 70),
        m("mer_gen_costa", u"Costa Coffee", u"咖世家咖啡", "coffee", "CNY", 10),
        m("mer_gen_manner", u"Manner Coffee", u"漫咖啡", "coffee", "CNY", 8),
        m("mer_gen_west_lake_cafe", u"West Lake Cafe", u"西湖咖啡店", "coffee", "CNY", 5),
        m("mer_gen_bluebird", u"Bluebird Coffee Co.", u"蓝鸟咖啡", "coffee", "USD", 1),
        m("mer_gen_familymart", u"FamilyMart", u"全家便利店", "groceries", "CNY", 50),
        m("mer_gen_seven_eleven", u"7-Eleven", u"柒一拾壹便利店", "groceries", "CNY", 30),
        m("mer_gen_lawson", u"Lawson", u"罗森便利店", "groceries", "CNY", 15),
        m("mer_gen_freshippo", u"Freshippo", u"盒马鲜生", "groceries", "CNY", 20),
        m("mer_gen_walmart", u"Walmart Supercenter", u"沃尔玛超市", "groceries", "CNY", 10),
        m("mer_gen_kowloon_pantry", u"Kowloon Pantry", u"九龙食品店", "groceries", "HKD", 2),
        m("mer_gen_marktplatz", u"Marktplatz Frisch", u"集市鲜品店", "groceries", "EUR", 1),
        m("mer_gen_meituan", u"Meituan Delivery", u"美团外卖", "dining", "CNY", 60),
        m("mer_gen_eleme", u"Ele.me Food Delivery", u"饿了么外卖", "dining", "CNY", 30),
        m("mer_gen_haidilao", u"Haidilao Hot Pot", u"海底捞火锅", "dining", "CNY", 8),
        m("mer_gen_kfc", u"KFC", u"肯德基", "dining", "CNY", 15),
        m("mer_gen_mcdonalds", u"McDonald's", u"麦当劳", "dining", "CNY", 15),
        m("mer_gen_golden_dumpling", u"Golden Dumpling Restaurant", u"金饺子饭店", "dining", "CNY", 4),
        m("mer_gen_sushi_kaze", u"Sushi Kaze", u"寿司风料理店", "dining", "JPY", 1),
        m("mer_gen_thames_bistro", u"Thames Bistro", u"泰晤士小馆", "dining", "GBP", 1),
        m("mer_gen_didi", u"DiDi Rides", u"滴滴出行", "transport", "CNY", 40),
        m("mer_gen_sinopec", u"Sinopec Gas Station", u"中国石化加油站", "transport", "CNY", 12),
        m("mer_gen_petrochina", u"PetroChina Gas Station", u"中国石油加油站", "transport", "CNY", 8),
        m("mer_gen_metro", u"City Metro Card Top-up", u"城市地铁卡充值", "transport", "CNY", 15),
        m("mer_gen_railway", u"China Railway 12306", u"中国铁路12306", "transport", "CNY", 6),
        m("mer_gen_harbour_ferry", u"Star Harbour Ferry", u"星港渡轮", "transport", "HKD", 1),
        m("mer_gen_trip", u"Trip.com", u"携程旅行", "travel", "CNY", 4),
        m("mer_gen_air_china", u"Air China", u"中国国际航空", "travel", "CNY", 2),
        m("mer_gen_hilton_hk", u"Hilton Hong Kong", u"香港希尔顿酒店", "travel", "HKD", 1),
        m("mer_gen_sakura_rail", u"Sakura Rail Pass", u"樱花铁路通票", "travel", "JPY", 1),
        m("mer_gen_jd", u"JD.com Electronics", u"京东电器", "electronics", "CNY", 6),
        m("mer_gen_apple", u"Apple Store", u"苹果零售店", "electronics", "CNY", 2),
        m("mer_gen_xiaomi", u"Xiaomi Store", u"小米之家", "electronics", "CNY", 3),
        m("mer_gen_xinhua", u"Xinhua Bookstore", u"新华书店", "books", "CNY", 4),
        m("mer_gen_dangdang", u"Dangdang Books", u"当当网图书", "books", "CNY", 3),
        m("mer_gen_kinokuniya", u"Kinokuniya Books", u"纪伊国屋书店", "books", "JPY", 1),
        m("mer_gen_state_grid", u"State Grid Electricity", u"国家电网电费", "utilities", "CNY", 4),
        m("mer_gen_china_mobile", u"China Mobile Top-up", u"中国移动话费", "utilities", "CNY", 6),
        m("mer_gen_water", u"City Water Supply", u"自来水公司水费", "utilities", "CNY", 2),
        m("mer_gen_towngas", u"Towngas", u"港华燃气", "utilities", "CNY", 2),
    };
    return list;
}

QStringList HistoryGenerator::paymentMethodIds()
{
    return {kDebitCard, kCreditCard, kBankAccount, kDebitCard2};
}

HistoryGenerator::HistoryGenerator(HistoryGeneratorOptions options)
    : m_options(std::move(options))
{
    m_options.rows = std::max<qint64>(0, m_options.rows);
    m_options.batchSize = std::clamp(m_options.batchSize, 1, 1'000'000);
    const qint64 spanMs = qint64(std::max(1, m_options.years)) * 365 * 24 * 3600 * 1000LL + 6 * 3600 * 1000LL;
    m_stepMs = std::max<qint64>(2, spanMs / std::max<qint64>(1, m_options.rows));
    m_startMs = m_options.endMs - m_stepMs * m_options.rows;
}

// One row from the seed, its index and the balance before it; advances the balance. `out` null: only the
// balance (for skipping to a range quickly).
void HistoryGenerator::step(qint64 index, qint64 &balanceFen, storage::HistoryRow *out) const
{
    Draws d(m_options.seed, index);
    const qint64 createdAt = m_startMs + index * m_stepMs + d.below(m_stepMs);

    // Kind: mostly merchant payments. A high balance makes room for a withdrawal, a low one for a top-up.
    QString kind;
    const qint64 k = d.below(1000);
    if (k < 700)
        kind = QStringLiteral("payment");
    else if (k < 780)
        kind = QStringLiteral("transfer");
    else if (k < 870)
        kind = QStringLiteral("incoming");
    else if (k < 960)
        kind = balanceFen > kHighBalanceFen ? QStringLiteral("withdrawal") : QStringLiteral("top_up");
    else
        kind = balanceFen > 1000'00 ? QStringLiteral("withdrawal") : QStringLiteral("top_up");

    QString status = QStringLiteral("succeeded");
    QString failureCode;
    const qint64 s = d.below(1000);
    if (s < 15)
        status = QStringLiteral("processing");
    else if (s < 25)
        status = QStringLiteral("pending_review");
    else if (s < 60) {
        status = QStringLiteral("rejected");
        failureCode = kind == QLatin1String("incoming") ? QStringLiteral("limit_exceeded")
                                                        : QStringLiteral("card_declined");
    }
    if (kind == QLatin1String("incoming") && status == QLatin1String("processing"))
        status = QStringLiteral("succeeded");
    const bool moves = status != QLatin1String("rejected");

    storage::HistoryRow row;
    qint64 delta = 0; // change to the wallet balance (CNY fen)
    const QVector<GeneratedMerchant> &dir = merchants();

    if (kind == QLatin1String("payment")) {
        static const int totalWeight = [] {
            int t = 0;
            for (const GeneratedMerchant &g : merchants())
                t += g.weight;
            return t;
        }();
        qint64 pick = d.below(totalWeight);
        const GeneratedMerchant *merchant = &dir.constFirst();
        for (const GeneratedMerchant &g : dir) {
            if (pick < g.weight) {
                merchant = &g;
                break;
            }
            pick -= g.weight;
        }
        const qint64 fen = cnyAmountFor(merchant->category, d);
        const bool abroad = merchant->currency != QLatin1String("CNY");
        const qint64 amount = convertFen(fen, merchant->currency);
        // Abroad: the credit card, with 1.5% cross-border fees; at home a third by card, and by card
        // whenever the balance is short.
        const bool byCard = abroad || d.below(3) == 0 || balanceFen < fen;
        const qint64 fees = abroad ? std::max<qint64>(1, amount * 15 / 1000) : 0;
        if (out) {
            row.counterpartyType = QStringLiteral("merchant");
            row.counterpartyId = merchant->id;
            row.merchantName = merchant->name;
            row.merchantNameZh = merchant->nameZh;
            row.category = merchant->category;
            row.currency = merchant->currency;
            row.feesMinor = fees;
            row.feesCurrency = fees ? merchant->currency : QString();
            row.debitMinor = amount + fees;
            row.debitCurrency = merchant->currency;
            if (byCard)
                row.paymentMethodId = abroad ? kCreditCard : (d.below(4) == 0 ? kDebitCard2 : kDebitCard);
        }
        if (!byCard && moves)
            delta = -fen;
    } else if (kind == QLatin1String("transfer") || kind == QLatin1String("incoming")) {
        const Person &p = kPeople[size_t(d.below(qint64(kPeople.size())))];
        const bool external = kind == QLatin1String("incoming") && d.below(4) == 0;
        const qint64 fen = d.between(20'00, kind == QLatin1String("incoming") ? 6000'00 : 2000'00);
        const bool note = d.below(10) < 3;
        const qint64 noteIndex = d.below(qint64(kNotes.size()));
        const qint64 phone = d.between(0, 9999);
        if (out) {
            row.counterpartyType = external ? QStringLiteral("external") : QStringLiteral("wallet");
            row.counterpartyId = external ? QStringLiteral("ext_") + QString::fromLatin1(p.walletId).mid(4)
                                          : QString::fromLatin1(p.walletId);
            row.counterpartyName = QString::fromUtf16(p.name);
            if (!external)
                row.counterpartyPhone = QStringLiteral("+86138%1").arg(phone, 8, 10, QLatin1Char('0'));
            if (note)
                row.note = QString::fromUtf16(kNotes[size_t(noteIndex)]);
            row.currency = QStringLiteral("CNY");
            if (kind == QLatin1String("transfer")) {
                row.debitMinor = fen;
                row.debitCurrency = row.currency;
            }
        }
        if (kind == QLatin1String("incoming")) {
            if (status == QLatin1String("succeeded"))
                delta = fen;
        } else if (balanceFen < fen) {
            // A wallet cannot send more than it holds.
            status = QStringLiteral("rejected");
            failureCode = QStringLiteral("insufficient_funds");
        } else if (moves) {
            delta = -fen;
        }
    } else {
        const bool topUp = kind == QLatin1String("top_up");
        const qint64 fen =
            topUp ? d.between(200'00, 5000'00) : std::max<qint64>(1, balanceFen * d.between(10, 60) / 100);
        const qint64 m = d.below(3);
        const QString method = topUp ? (m == 0   ? kCreditCard
                                        : m == 1 ? kDebitCard
                                                 : kBankAccount)
                                     : (m == 0 ? kDebitCard : kBankAccount);
        const qint64 fees = topUp && method == kCreditCard ? std::max<qint64>(10, fen * 6 / 1000) : 0;
        if (out) {
            row.counterpartyType = QStringLiteral("payment_method");
            row.counterpartyId = method;
            row.paymentMethodId = method;
            row.currency = QStringLiteral("CNY");
            row.feesMinor = fees;
            row.feesCurrency = fees ? row.currency : QString();
            if (!topUp) {
                row.debitMinor = fen;
                row.debitCurrency = row.currency;
            }
        }
        if (moves)
            delta = topUp ? fen : -fen;
    }

    balanceFen += delta;
    if (!out)
        return;
    row.paymentId = m_options.paymentIdPrefix + QStringLiteral("%1").arg(index, 10, 10, QLatin1Char('0'));
    row.lastTxnId = QStringLiteral("txn_") + row.paymentId;
    row.kind = kind;
    row.status = status;
    row.failureCode = failureCode;
    row.amountMinor = delta;
    row.createdAtMs = createdAt;
    row.updatedAtMs = status == QLatin1String("processing") ? createdAt : createdAt + 1500;
    row.balanceAfterMinor = balanceFen;
    row.balanceAfterCurrency = QStringLiteral("CNY");
    // Unique per row: an odd multiplier not divisible by 5 is a bijection modulo 10^12.
    constexpr quint64 kTen12 = 1'000'000'000'000ULL;
    const quint64 digits = (quint64(index) * 7'919'000'003ULL + mix(m_options.seed) % kTen12) % kTen12;
    const QDate shanghaiDay = QDateTime::fromMSecsSinceEpoch(createdAt + 8 * 3600 * 1000LL, Qt::UTC).date();
    row.receiptNo = QStringLiteral("BW") + shanghaiDay.toString(QStringLiteral("yyyyMMdd")) +
                    QStringLiteral("%1").arg(digits, 12, 10, QLatin1Char('0'));
    *out = std::move(row);
}

QVector<storage::HistoryRow> HistoryGenerator::generate(qint64 first, qint64 count) const
{
    QVector<storage::HistoryRow> rows;
    first = std::clamp<qint64>(first, 0, m_options.rows);
    count = std::clamp<qint64>(count, 0, m_options.rows - first);
    rows.resize(count);
    qint64 balance = kStartBalanceFen;
    for (qint64 i = 0; i < first; ++i)
        step(i, balance, nullptr);
    for (qint64 i = 0; i < count; ++i)
        step(first + i, balance, &rows[i]);
    return rows;
}

storage::Status HistoryGenerator::write(storage::WalletDatabase &db,
                                        const std::function<void(qint64, qint64)> &progress) const
{
    storage::HistoryStore store(db);
    qint64 balance = kStartBalanceFen;
    QVector<storage::HistoryRow> batch;
    for (qint64 first = 0; first < m_options.rows; first += m_options.batchSize) {
        const qint64 n = std::min<qint64>(m_options.batchSize, m_options.rows - first);
        batch.resize(n);
        for (qint64 i = 0; i < n; ++i)
            step(first + i, balance, &batch[i]);
        if (auto status = store.upsertBatch(batch); !status)
            return status;
        if (progress)
            progress(first + n, m_options.rows);
    }
    return {};
}

QStringList HistoryGenerator::searchTerms() const
{
    QStringList terms;
    // An exact receipt number first (one row): a row two thirds of the way in.
    if (m_options.rows > 0) {
        const auto rows = generate(m_options.rows * 2 / 3, 1);
        terms << rows.constFirst().receiptNo;
    }
    // Then rarer to more common (merchant weights above; payments are 70% of rows). The last two match
    // well over 10% of the rows.
    terms << QStringLiteral("Kinokuniya") << QStringLiteral("樱花") << QStringLiteral("Bluebird")
          << QStringLiteral("Hilton") << QStringLiteral("书店") << QStringLiteral("携程")
          << QStringLiteral("sinopec") << QStringLiteral("加油") << QStringLiteral("火锅")
          << QStringLiteral("Starb") << QStringLiteral("滴滴") << QStringLiteral("Meituan")
          << QStringLiteral("外卖") << QStringLiteral("便利") << QStringLiteral("Luckin")
          << QStringLiteral("dining") << QStringLiteral("coffee") << QStringLiteral("咖啡")
          << QStringLiteral("店");
    return terms;
}

} // namespace bw::bench
