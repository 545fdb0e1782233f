// Ledger: the stub's double-entry book — the ONLY code that writes ledger_entries, ledger_accounts,
// ledger_holds and wallet_balances. Every money movement is one journal of postings (signed minor units)
// that sums to zero per currency; a journal is written inside the caller's StubStore::Transaction together
// with the state change it belongs to (payment row, feed entry), so a crash or a rollback never leaves
// money half-moved. wallet_balances is a cache of the customer accounts kept in the same transaction and
// reconciled against SUM(ledger_entries) by check() (GET /v1/dev/ledger/check).
//
// Accounts (created on demand; an account holds ONE currency). Postings name the BASE account and a
// currency; the stored account id is the base for CNY and "<base>@<CUR>" otherwise (accountId()), so
// callers never build currency suffixes themselves:
//   wallet:<wal_id>         customer  the wallet's available balance   (wallet_balances.available)
//   hold:wallet:<wal_id>    customer  money held for a payment under review (wallet_balances.pending)
//   bank:card_clearing      bank      card money in flight from/to the card schemes
//   bank:fee_income         bank      fees earned
//   bank:fx                 bank      the bank's FX position (CNY in, foreign currency out)
//   external:bank_accounts  external  customers' accounts at other banks (top-ups, withdrawals)
//   external:merchants      external  merchants paid
//   external:incoming       external  senders of incoming transfers
// Sign convention: money INTO an account is positive, the source is negative; the external accounts go
// negative as money enters the bank. Customer accounts may never go negative (post() refuses it: the route
// checks the balance first, this is the safety net so no bug can create money).
//
// Holds (AML review): hold() moves money from its funding accounts to hold:wallet:<id> and remembers where
// it goes on release; releaseHold() (approve) moves it there, returnHold() (reject) back to the funding
// accounts. Incoming under review: funding external:incoming → release wallet:<id>. Outgoing under review:
// funding wallet:<id> → release e.g. external:merchants + bank:fee_income (and FX legs). The payment's
// pending_review is thus visible as `pending` and, for outgoing money, no longer `available`.
// Journal ids: the hold is posted under the given id (the payment id), the release under "<id>/release",
// the return under "<id>/return". A journal id can be posted once (DuplicateJournal otherwise).
//
// Errors are LedgerError (typed); nothing is written when one is thrown. SQL failures are StoreError.
#pragma once

#include "stub/stub_store.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>

namespace bw::stub {

// One line of a journal: amount (signed minor units) into the base account `account` in `currency`.
struct Posting
{
    QString account;
    qint64 amount = 0;
    QString currency = QStringLiteral("CNY");
};

class LedgerError : public std::runtime_error
{
public:
    enum class Code {
        NotInTransaction, // post()/hold()/release outside a StubStore::Transaction
        EmptyJournal,     // no non-zero posting, or an empty journal id
        Unbalanced,       // a currency's postings do not sum to zero
        Overflow,         // a sum or a balance would leave int64
        InvalidAccount,   // not one of the account forms above (or a base with '@')
        InvalidCurrency,  // not an ISO 4217 code src/core knows
        CurrencyMismatch, // the stored account has another currency
        DuplicateJournal, // the journal id was posted before
        NegativeBalance,  // a customer account would go below zero
        NoSuchHold,       // release/return of a journal that placed no hold
        HoldSettled,      // the hold was released or returned already
    };
    LedgerError(Code code, const QString &message);
    Code code() const { return m_code; }

private:
    Code m_code;
};

// A wallet's balances in one currency, from wallet_balances.
struct WalletBalance
{
    qint64 available = 0;
    qint64 pending = 0;
};

// What check() found. balanced: every currency and every journal sums to zero (and nothing overflowed);
// reconciled: every wallet_balances row equals the ledger's sums of that wallet's accounts, no customer
// account with a non-zero sum lacks a row, and open holds equal the hold accounts.
struct LedgerCheck
{
    bool balanced = true;
    qint64 entries = 0;
    qint64 sum = 0; // all entries, all currencies (0 when balanced)
    QMap<QString, qint64> sumsByCurrency;
    bool overflow = false;
    qint64 unbalancedJournals = 0;
    bool reconciled = true;
    qint64 walletRowsChecked = 0;
    qint64 openHolds = 0;
    QStringList problems; // the first few mismatches, for people reading the check

    // {"balanced", "entries", "sum", "sums": {"CNY": 0}, "unbalanced_journals", "overflow", "reconciled",
    //  "wallet_rows_checked", "open_holds", "problems": [...]}
    QJsonObject toJson() const;
};

class Ledger
{
public:
    static const QString kCardClearing;                    // bank:card_clearing
    static const QString kFeeIncome;                       // bank:fee_income
    static const QString kFx;                              // bank:fx
    static const QString kBankAccounts;                    // external:bank_accounts
    static const QString kMerchants;                       // external:merchants
    static const QString kIncoming;                        // external:incoming
    static QString walletAccount(const QString &walletId); // wallet:<id>
    static QString holdAccount(const QString &walletId);   // hold:wallet:<id>
    // The stored id of a base account in a currency: the base for CNY, "<base>@<CUR>" otherwise.
    static QString accountId(const QString &base, const QString &currency);

    explicit Ledger(StubStore &store);

    // Writes one balanced journal (zero postings are dropped) and updates wallet_balances, inside the
    // caller's open transaction. Throws LedgerError with nothing written.
    void post(const QString &journalId, const QList<Posting> &postings, qint64 now);

    // The cached balances of a wallet (0/0 when it never had money).
    WalletBalance balance(const QString &walletId, const QString &currency = QStringLiteral("CNY"));
    // SUM of the entries of a base account in a currency, overflow-checked (throws LedgerError).
    qint64 accountBalance(const QString &base, const QString &currency = QStringLiteral("CNY"));

    // Holds `amount` (> 0, in `currency`) on hold:wallet:<walletId>: posts journal `journalId` =
    // funding + {hold, +amount}; remembers `release` (where the money goes on approve; it must balance
    // {hold, -amount}, checked NOW so a release can never fail later). Throws LedgerError.
    void hold(const QString &journalId, const QString &walletId, qint64 amount, const QString &currency,
              const QList<Posting> &funding, const QList<Posting> &release, qint64 now);
    struct Hold
    {
        QString journalId;
        QString walletId;
        QString currency;
        qint64 amount = 0;
        QString status; // held | released | returned
    };
    std::optional<Hold> findHold(const QString &journalId);
    // Approve: {hold, -amount} + release, journal "<id>/release". Throws LedgerError.
    void releaseHold(const QString &journalId, qint64 now);
    // Reject: {hold, -amount} + the funding postings negated, journal "<id>/return". Throws LedgerError.
    void returnHold(const QString &journalId, qint64 now);

    // Reads every entry (overflow-checked sums in C++, not SQL) and reconciles the caches.
    LedgerCheck check();

private:
    void requireTransaction() const;
    void settleHold(const QString &journalId, bool release, qint64 now);

    StubStore &m_store;
};

} // namespace bw::stub
