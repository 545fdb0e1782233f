// TransactionFeed: the wallet's change log behind GET /v1/transactions (gateway-api.md, "Quotes and
// payments"). An entry is appended when a payment or incoming transfer is created and again whenever its
// status changes — always inside the SAME StubStore::Transaction as the change it records, so the feed
// holds every change exactly once, across crashes and restarts. The transactions table's AUTOINCREMENT
// `seq` is the commit order (the stub has one writer and BEGIN IMMEDIATE, so seq order = commit order).
//
// Cursors are opaque: base64url(version 0x01 ‖ seq as 8 bytes big-endian ‖ 16-byte tag), the tag being
// ServerKey::mac("feed_cursor", wallet id ‖ 0x00 ‖ version ‖ seq) cut to 16 bytes. So a cursor cannot be
// forged, guessed or used by another wallet; anything that does not decode, has the wrong length or
// version, or fails the tag (constant-time compare) is 422 parameter_invalid, param "after".
// Paging rules: entries with seq > the cursor's, oldest first, `limit` of them (1..1000, default 100);
// `next_cursor` is the last returned entry's cursor even when has_more is false; a page with no entries
// echoes the cursor it was given, or null when none was given (an empty `after=` counts as none).
//
// An entry of the wallet's own outgoing payment also carries "debit" (what its source was charged, fees
// included; not when rejected) and "source" ("balance" or the pm_… id), read from the payment and its quote
// when the page is served. Notes: transactions.note_sealed holds the same envelope as payments.note_sealed,
// sealed for "payments/note/<payment_id>" (sealNote()); the feed opens it to show "note".
#pragma once

#include "stub/server_key.h"
#include "stub/stub_store.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bw::stub {

// One change as the caller records it. balance_after is not passed: append() reads the wallet's available
// balance (wallet_balances, already updated by the Ledger in the same transaction).
struct FeedEntry
{
    QString walletId;
    QString paymentId;
    QString kind;      // payment | transfer | top_up | withdrawal | incoming
    QString status;    // succeeded | processing | pending_review | rejected
    qint64 amount = 0; // signed change to the available balance, minor units
    QString currency = QStringLiteral("CNY");
    QJsonArray fees;          // [{"kind", "amount": money}]
    QJsonObject counterparty; // {"name", "type", "id"}
    QByteArray noteSealed;    // as payments.note_sealed; empty = no note
    QString receiptNo;
    qint64 createdAt = 0; // the payment's creation
    qint64 updatedAt = 0; // this change
};

class TransactionFeed
{
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    TransactionFeed(StubStore &store, const ServerKey &key);

    // Appends one entry (id "txn_…") inside the caller's open transaction; returns its id.
    // Throws StoreError outside a transaction (a feed entry without its change would be a lie).
    QString append(const FeedEntry &entry);
    // The entry for a payment as its row now stands (status, fees, counterparty, note, receipt), with
    // `availableDelta` as amount and `now` as updated_at. Throws StoreError when the payment is missing.
    QString appendForPayment(const QString &paymentId, qint64 availableDelta, qint64 now);

    struct Page
    {
        QJsonArray data;
        std::optional<QString> nextCursor;
        bool hasMore = false;
        QJsonObject toJson() const; // {"data", "next_cursor" (string or null), "has_more"}
    };
    // after: nullopt or empty = from the start. limit must be 1..kMaxLimit (the route checks it).
    // Throws ApiError 422 parameter_invalid (param "after") for a cursor that is not valid for walletId.
    Page page(const QString &walletId, const std::optional<QString> &after, int limit);

    QString cursor(const QString &walletId, qint64 seq) const;
    std::optional<qint64> decodeCursor(const QString &walletId, const QString &text) const;

    static QByteArray sealNote(const ServerKey &key, const QString &paymentId, const QString &note);
    static QString openNote(const ServerKey &key, const QString &paymentId, const QByteArray &sealed);

private:
    QByteArray tag(const QString &walletId, quint8 version, qint64 seq) const;

    StubStore &m_store;
    const ServerKey &m_key;
};

} // namespace bw::stub
