#include "stub/ledger.h"

#include "core/currency.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace bw::stub {

namespace {

const QString kCny = QStringLiteral("CNY");
const QString kWalletPrefix = QStringLiteral("wallet:");
const QString kHoldPrefix = QStringLiteral("hold:wallet:");
constexpr int kMaxProblems = 20;

enum class WalletSide { None, Available, Pending };

struct AccountInfo
{
    QString kind; // customer | bank | external
    WalletSide side = WalletSide::None;
    QString walletId;
};

bool validName(QStringView name)
{
    if (name.isEmpty() || name.size() > 200)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                        u == '_' || u == '-' || u == ':';
        if (!ok)
            return false;
    }
    return true;
}

// A base account name (no currency suffix) → what it is; nullopt when it is none of the documented forms.
std::optional<AccountInfo> parseBase(const QString &base)
{
    if (!validName(base))
        return std::nullopt;
    const auto walletPart = [](QStringView rest) { return !rest.isEmpty() && !rest.contains(u':'); };
    if (base.startsWith(kHoldPrefix)) {
        const QStringView rest = QStringView(base).mid(kHoldPrefix.size());
        if (!walletPart(rest))
            return std::nullopt;
        return AccountInfo{QStringLiteral("customer"), WalletSide::Pending, rest.toString()};
    }
    if (base.startsWith(kWalletPrefix)) {
        const QStringView rest = QStringView(base).mid(kWalletPrefix.size());
        if (!walletPart(rest))
            return std::nullopt;
        return AccountInfo{QStringLiteral("customer"), WalletSide::Available, rest.toString()};
    }
    if (base.startsWith(QLatin1String("bank:")) && base.size() > 5)
        return AccountInfo{QStringLiteral("bank"), WalletSide::None, {}};
    if (base.startsWith(QLatin1String("external:")) && base.size() > 9)
        return AccountInfo{QStringLiteral("external"), WalletSide::None, {}};
    return std::nullopt;
}

// A stored account id → its base and currency.
std::pair<QString, QString> splitStoredId(const QString &id)
{
    const qsizetype at = id.indexOf(u'@');
    if (at < 0)
        return {id, kCny};
    return {id.left(at), id.mid(at + 1)};
}

bool knownCurrency(const QString &code)
{
    const auto currency = core::Currency::fromCode(code);
    return currency && currency->code() == code;
}

bool checkedAdd(qint64 &total, qint64 value)
{
    return !__builtin_add_overflow(total, value, &total);
}

QJsonArray postingsJson(const QList<Posting> &postings)
{
    QJsonArray array;
    for (const Posting &p : postings)
        array.append(QJsonObject{{QStringLiteral("account"), p.account},
                                 {QStringLiteral("amount"), QString::number(p.amount)}, // exact int64
                                 {QStringLiteral("currency"), p.currency}});
    return array;
}

QList<Posting> postingsFromJson(const QString &text)
{
    QList<Posting> postings;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        bool ok = false;
        const qint64 amount = object.value(QStringLiteral("amount")).toString().toLongLong(&ok);
        if (!ok)
            throw StoreError("ledger_holds: unreadable posting");
        postings.append({object.value(QStringLiteral("account")).toString(), amount,
                         object.value(QStringLiteral("currency")).toString()});
    }
    return postings;
}

struct WalletKey
{
    QString walletId;
    QString currency;
    friend bool operator<(const WalletKey &a, const WalletKey &b)
    {
        return std::tie(a.walletId, a.currency) < std::tie(b.walletId, b.currency);
    }
};

// Journal validation shared by post() and hold(): drops zero lines, checks accounts, currencies and the
// per-currency sums. Throws LedgerError.
struct Line
{
    QString id; // stored account id
    AccountInfo info;
    qint64 amount;
    QString currency;
};
QList<Line> validate(const QList<Posting> &postings)
{
    QList<Line> lines;
    std::map<QString, qint64> sums;
    for (const Posting &p : postings) {
        if (p.amount == 0)
            continue;
        const auto info = parseBase(p.account);
        if (!info)
            throw LedgerError(LedgerError::Code::InvalidAccount,
                              QStringLiteral("not a ledger account: %1").arg(p.account));
        if (!knownCurrency(p.currency))
            throw LedgerError(LedgerError::Code::InvalidCurrency,
                              QStringLiteral("not a currency: %1").arg(p.currency));
        if (!checkedAdd(sums[p.currency], p.amount))
            throw LedgerError(LedgerError::Code::Overflow, QStringLiteral("journal sum overflows"));
        lines.append({Ledger::accountId(p.account, p.currency), *info, p.amount, p.currency});
    }
    if (lines.isEmpty())
        throw LedgerError(LedgerError::Code::EmptyJournal, QStringLiteral("a journal needs postings"));
    for (const auto &[currency, sum] : sums)
        if (sum != 0)
            throw LedgerError(
                LedgerError::Code::Unbalanced,
                QStringLiteral("journal does not balance in %1 (off by %2)").arg(currency).arg(sum));
    return lines;
}

} // namespace

LedgerError::LedgerError(Code code, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_code(code)
{}

const QString Ledger::kCardClearing = QStringLiteral("bank:card_clearing");
const QString Ledger::kFeeIncome = QStringLiteral("bank:fee_income");
const QString Ledger::kFx = QStringLiteral("bank:fx");
const QString Ledger::kBankAccounts = QStringLiteral("external:bank_accounts");
const QString Ledger::kMerchants = QStringLiteral("external:merchants");
const QString Ledger::kIncoming = QStringLiteral("external:incoming");

QString Ledger::walletAccount(const QString &walletId)
{
    return kWalletPrefix + walletId;
}

QString Ledger::holdAccount(const QString &walletId)
{
    return kHoldPrefix + walletId;
}

QString Ledger::accountId(const QString &base, const QString &currency)
{
    return currency == kCny ? base : base + u'@' + currency;
}

Ledger::Ledger(StubStore &store)
    : m_store(store)
{}

void Ledger::requireTransaction() const
{
    if (!m_store.inTransaction())
        throw LedgerError(LedgerError::Code::NotInTransaction,
                          QStringLiteral("ledger writes must run inside a StubStore::Transaction"));
}

void Ledger::post(const QString &journalId, const QList<Posting> &postings, qint64 now)
{
    requireTransaction();
    if (journalId.isEmpty())
        throw LedgerError(LedgerError::Code::EmptyJournal, QStringLiteral("a journal needs an id"));
    const QList<Line> lines = validate(postings);

    // Every check reads before anything is written, so a refused journal leaves no trace.
    if (m_store
            .scalar(QStringLiteral("SELECT 1 FROM ledger_entries WHERE journal_id = ? LIMIT 1"), {journalId})
            .isValid())
        throw LedgerError(LedgerError::Code::DuplicateJournal,
                          QStringLiteral("journal %1 was posted before").arg(journalId));
    std::map<WalletKey, WalletBalance> deltas;
    QList<const Line *> newAccounts; // lines whose account does not exist yet: created below
    for (const Line &line : lines) {
        const QVariant stored =
            m_store.scalar(QStringLiteral("SELECT currency FROM ledger_accounts WHERE id = ?"), {line.id});
        if (stored.isValid() && stored.toString() != line.currency)
            throw LedgerError(LedgerError::Code::CurrencyMismatch,
                              QStringLiteral("account %1 holds %2").arg(line.id, stored.toString()));
        if (!stored.isValid())
            newAccounts.append(&line);
        if (line.info.side == WalletSide::None)
            continue;
        WalletBalance &delta = deltas[{line.info.walletId, line.currency}];
        qint64 &field = line.info.side == WalletSide::Available ? delta.available : delta.pending;
        if (!checkedAdd(field, line.amount))
            throw LedgerError(LedgerError::Code::Overflow, QStringLiteral("wallet delta overflows"));
    }
    std::map<WalletKey, WalletBalance> updated;
    for (const auto &[key, delta] : deltas) {
        WalletBalance next = balance(key.walletId, key.currency);
        if (!checkedAdd(next.available, delta.available) || !checkedAdd(next.pending, delta.pending))
            throw LedgerError(LedgerError::Code::Overflow, QStringLiteral("wallet balance overflows"));
        if (next.available < 0 || next.pending < 0)
            throw LedgerError(
                LedgerError::Code::NegativeBalance,
                QStringLiteral("wallet %1 would go below zero in %2").arg(key.walletId, key.currency));
        updated[key] = next;
    }

    // OR IGNORE: two lines of one journal may name the same new account.
    for (const Line *line : newAccounts)
        m_store.run(
            QStringLiteral("INSERT OR IGNORE INTO ledger_accounts (id, currency, kind) VALUES (?, ?, ?)"),
            {line->id, line->currency, line->info.kind});
    for (const Line &line : lines) {
        m_store.run(QStringLiteral("INSERT INTO ledger_entries (journal_id, account_id, amount, currency, "
                                   "created_at) VALUES (?, ?, ?, ?, ?)"),
                    {journalId, line.id, line.amount, line.currency, now});
    }
    for (const auto &[key, next] : updated)
        m_store.run(QStringLiteral("INSERT INTO wallet_balances (wallet_id, currency, available, pending) "
                                   "VALUES (?, ?, ?, ?) ON CONFLICT (wallet_id, currency) DO UPDATE SET "
                                   "available = excluded.available, pending = excluded.pending"),
                    {key.walletId, key.currency, next.available, next.pending});
}

WalletBalance Ledger::balance(const QString &walletId, const QString &currency)
{
    StubStore::Query row = m_store.query(
        QStringLiteral("SELECT available, pending FROM wallet_balances WHERE wallet_id = ? AND currency = ?"),
        {walletId, currency});
    if (!row.next())
        return {};
    return {row.value(0).toLongLong(), row.value(1).toLongLong()};
}

qint64 Ledger::accountBalance(const QString &base, const QString &currency)
{
    StubStore::Query rows =
        m_store.query(QStringLiteral("SELECT amount FROM ledger_entries WHERE account_id = ?"),
                      {accountId(base, currency)});
    qint64 total = 0;
    while (rows.next())
        if (!checkedAdd(total, rows.value(0).toLongLong()))
            throw LedgerError(LedgerError::Code::Overflow, QStringLiteral("account sum overflows"));
    return total;
}

void Ledger::hold(const QString &journalId, const QString &walletId, qint64 amount, const QString &currency,
                  const QList<Posting> &funding, const QList<Posting> &release, qint64 now)
{
    requireTransaction();
    if (amount <= 0)
        throw LedgerError(LedgerError::Code::EmptyJournal, QStringLiteral("a hold needs a positive amount"));
    const QString hold = holdAccount(walletId);
    // The release must balance the held amount now, so approving can never fail for want of a posting.
    QList<Posting> releaseJournal{{hold, -amount, currency}};
    releaseJournal += release;
    validate(releaseJournal);
    QList<Posting> journal = funding;
    journal.append({hold, amount, currency});
    post(journalId, journal, now);
    m_store.run(
        QStringLiteral("INSERT INTO ledger_holds (journal_id, wallet_id, currency, amount, funding_json, "
                       "release_json, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'held', ?)"),
        {journalId, walletId, currency, amount,
         QString::fromUtf8(QJsonDocument(postingsJson(funding)).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(QJsonDocument(postingsJson(release)).toJson(QJsonDocument::Compact)), now});
}

std::optional<Ledger::Hold> Ledger::findHold(const QString &journalId)
{
    StubStore::Query row = m_store.query(
        QStringLiteral("SELECT wallet_id, currency, amount, status FROM ledger_holds WHERE journal_id = ?"),
        {journalId});
    if (!row.next())
        return std::nullopt;
    return Hold{journalId, row.value(0).toString(), row.value(1).toString(), row.value(2).toLongLong(),
                row.value(3).toString()};
}

void Ledger::releaseHold(const QString &journalId, qint64 now)
{
    settleHold(journalId, true, now);
}

void Ledger::returnHold(const QString &journalId, qint64 now)
{
    settleHold(journalId, false, now);
}

void Ledger::settleHold(const QString &journalId, bool release, qint64 now)
{
    requireTransaction();
    StubStore::Query row =
        m_store.query(QStringLiteral("SELECT wallet_id, currency, amount, status, funding_json, "
                                     "release_json FROM ledger_holds WHERE journal_id = ?"),
                      {journalId});
    if (!row.next())
        throw LedgerError(LedgerError::Code::NoSuchHold, QStringLiteral("no hold %1").arg(journalId));
    if (row.value(3).toString() != QLatin1String("held"))
        throw LedgerError(LedgerError::Code::HoldSettled,
                          QStringLiteral("hold %1 is %2").arg(journalId, row.value(3).toString()));
    const QString walletId = row.value(0).toString();
    const QString currency = row.value(1).toString();
    const qint64 amount = row.value(2).toLongLong();
    QList<Posting> journal{{holdAccount(walletId), -amount, currency}};
    if (release) {
        journal += postingsFromJson(row.value(5).toString());
    } else {
        for (Posting p : postingsFromJson(row.value(4).toString())) {
            if (p.amount == std::numeric_limits<qint64>::min())
                throw LedgerError(LedgerError::Code::Overflow, QStringLiteral("cannot negate a posting"));
            p.amount = -p.amount;
            journal.append(p);
        }
    }
    post(journalId + (release ? QStringLiteral("/release") : QStringLiteral("/return")), journal, now);
    m_store.run(QStringLiteral("UPDATE ledger_holds SET status = ?, settled_at = ? WHERE journal_id = ?"),
                {release ? QStringLiteral("released") : QStringLiteral("returned"), now, journalId});
}

LedgerCheck Ledger::check()
{
    LedgerCheck result;
    const auto problem = [&result](const QString &text) {
        if (result.problems.size() < kMaxProblems)
            result.problems.append(text);
    };

    std::unordered_map<QString, std::map<QString, qint64>> journals; // journal → currency → sum
    std::map<QString, qint64> accounts;                              // stored account id → sum
    StubStore::Query rows =
        m_store.query(QStringLiteral("SELECT journal_id, account_id, amount, currency FROM ledger_entries"));
    while (rows.next()) {
        ++result.entries;
        const qint64 amount = rows.value(2).toLongLong();
        const QString currency = rows.value(3).toString();
        const QString accountIdValue = rows.value(1).toString();
        bool ok = checkedAdd(result.sumsByCurrency[currency], amount);
        ok = checkedAdd(journals[rows.value(0).toString()][currency], amount) && ok;
        ok = checkedAdd(accounts[accountIdValue], amount) && ok;
        if (!ok)
            result.overflow = true;
        if (splitStoredId(accountIdValue).second != currency)
            problem(QStringLiteral("entry of %1 in %2").arg(accountIdValue, currency));
    }
    for (auto it = result.sumsByCurrency.cbegin(); it != result.sumsByCurrency.cend(); ++it) {
        if (!checkedAdd(result.sum, it.value()))
            result.overflow = true;
        if (it.value() != 0) {
            result.balanced = false;
            problem(QStringLiteral("%1 sums to %2").arg(it.key()).arg(it.value()));
        }
    }
    for (const auto &[journal, sums] : journals)
        for (const auto &[currency, sum] : sums)
            if (sum != 0) {
                ++result.unbalancedJournals;
                problem(QStringLiteral("journal %1 is off by %2 %3").arg(journal).arg(sum).arg(currency));
            }
    if (result.overflow || result.unbalancedJournals > 0)
        result.balanced = false;

    // The ledger's view of every wallet (customer accounts) against the wallet_balances cache.
    std::map<WalletKey, WalletBalance> ledgerWallets;
    for (const auto &[id, sum] : accounts) {
        const auto [base, currency] = splitStoredId(id);
        const auto info = parseBase(base);
        if (!info) {
            problem(QStringLiteral("unknown account %1").arg(id));
            result.reconciled = false;
            continue;
        }
        if (info->side == WalletSide::None)
            continue;
        WalletBalance &balance = ledgerWallets[{info->walletId, currency}];
        (info->side == WalletSide::Available ? balance.available : balance.pending) = sum;
    }
    std::map<WalletKey, WalletBalance> cached;
    StubStore::Query balances =
        m_store.query(QStringLiteral("SELECT wallet_id, currency, available, pending FROM wallet_balances"));
    while (balances.next()) {
        ++result.walletRowsChecked;
        cached[{balances.value(0).toString(), balances.value(1).toString()}] = {
            balances.value(2).toLongLong(), balances.value(3).toLongLong()};
    }
    const auto compare = [&](const WalletKey &key, const WalletBalance &ledger, const WalletBalance &cache) {
        if (ledger.available != cache.available || ledger.pending != cache.pending) {
            result.reconciled = false;
            problem(QStringLiteral("wallet %1 %2: ledger %3/%4, wallet_balances %5/%6")
                        .arg(key.walletId, key.currency)
                        .arg(ledger.available)
                        .arg(ledger.pending)
                        .arg(cache.available)
                        .arg(cache.pending));
        }
    };
    for (const auto &[key, cache] : cached) {
        const auto it = ledgerWallets.find(key);
        compare(key, it == ledgerWallets.end() ? WalletBalance{} : it->second, cache);
    }
    for (const auto &[key, ledger] : ledgerWallets)
        if (!cached.count(key))
            compare(key, ledger, WalletBalance{});

    // Open holds against the hold accounts.
    std::map<WalletKey, qint64> held;
    StubStore::Query holds = m_store.query(
        QStringLiteral("SELECT wallet_id, currency, amount FROM ledger_holds WHERE status = 'held'"));
    while (holds.next()) {
        ++result.openHolds;
        if (!checkedAdd(held[{holds.value(0).toString(), holds.value(1).toString()}],
                        holds.value(2).toLongLong()))
            result.overflow = true;
    }
    for (const auto &[key, ledger] : ledgerWallets) {
        const auto it = held.find(key);
        const qint64 open = it == held.end() ? 0 : it->second;
        if (open != ledger.pending) {
            result.reconciled = false;
            problem(QStringLiteral("wallet %1 %2: open holds %3, hold account %4")
                        .arg(key.walletId, key.currency)
                        .arg(open)
                        .arg(ledger.pending));
        }
    }
    for (const auto &[key, open] : held)
        if (!ledgerWallets.count(key) && open != 0) {
            result.reconciled = false;
            problem(
                QStringLiteral("wallet %1 %2: open holds without entries").arg(key.walletId, key.currency));
        }
    return result;
}

QJsonObject LedgerCheck::toJson() const
{
    QJsonObject sums;
    for (auto it = sumsByCurrency.cbegin(); it != sumsByCurrency.cend(); ++it)
        sums.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("balanced"), balanced},
                       {QStringLiteral("entries"), entries},
                       {QStringLiteral("sum"), sum},
                       {QStringLiteral("sums"), sums},
                       {QStringLiteral("unbalanced_journals"), unbalancedJournals},
                       {QStringLiteral("overflow"), overflow},
                       {QStringLiteral("reconciled"), reconciled},
                       {QStringLiteral("wallet_rows_checked"), walletRowsChecked},
                       {QStringLiteral("open_holds"), openHolds},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

} // namespace bw::stub
