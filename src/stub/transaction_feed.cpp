#include "stub/transaction_feed.h"

#include "crypto/constant_time.h"
#include "crypto/encoding.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/ids.h"
#include "stub/json_fields.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QtEndian>

namespace bw::stub {

namespace {

constexpr quint8 kCursorVersion = 1;
constexpr qsizetype kTagSize = 16;
constexpr qsizetype kCursorSize = 1 + 8 + kTagSize;

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}
QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray seqBytes(qint64 seq)
{
    QByteArray bytes(8, '\0');
    qToBigEndian<quint64>(quint64(seq), bytes.data());
    return bytes;
}

ApiError badCursor()
{
    return ApiError::parameterInvalid(QStringLiteral("after"),
                                      QStringLiteral("Not a cursor from this wallet's feed."));
}

} // namespace

TransactionFeed::TransactionFeed(StubStore &store, const ServerKey &key)
    : m_store(store)
    , m_key(key)
{}

QString TransactionFeed::append(const FeedEntry &entry)
{
    if (!m_store.inTransaction())
        throw StoreError("TransactionFeed::append outside a transaction");
    const QString id = newOrderedId(QStringLiteral("txn_"));
    // balance_after is read by the INSERT itself (one statement instead of a SELECT and an INSERT).
    m_store.run(
        QStringLiteral(
            "INSERT INTO transactions (id, wallet_id, payment_id, kind, status, amount, currency, "
            "fees_json, counterparty_json, note_sealed, receipt_no, created_at, updated_at, "
            "balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "COALESCE((SELECT available FROM wallet_balances WHERE wallet_id = ? AND currency = ?), 0))"),
        {id, entry.walletId, entry.paymentId, entry.kind, entry.status, entry.amount, entry.currency,
         compact(entry.fees), compact(entry.counterparty),
         entry.noteSealed.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(entry.noteSealed),
         entry.receiptNo, entry.createdAt, entry.updatedAt, entry.walletId, entry.currency});
    return id;
}

QString TransactionFeed::appendForPayment(const QString &paymentId, qint64 availableDelta, qint64 now)
{
    StubStore::Query row = m_store.query(
        QStringLiteral(
            "SELECT wallet_id, kind, status, fees_json, counterparty_json, note_sealed, receipt_no, "
            "created_at FROM payments WHERE id = ?"),
        {paymentId});
    if (!row.next())
        throw StoreError("TransactionFeed::appendForPayment: no such payment");
    FeedEntry entry;
    entry.walletId = row.value(0).toString();
    entry.paymentId = paymentId;
    entry.kind = row.value(1).toString();
    entry.status = row.value(2).toString();
    entry.amount = availableDelta;
    entry.fees = QJsonDocument::fromJson(row.value(3).toString().toUtf8()).array();
    entry.counterparty = QJsonDocument::fromJson(row.value(4).toString().toUtf8()).object();
    entry.noteSealed = row.value(5).toByteArray();
    entry.receiptNo = row.value(6).toString();
    entry.createdAt = row.value(7).toLongLong();
    entry.updatedAt = now;
    return append(entry);
}

QByteArray TransactionFeed::tag(const QString &walletId, quint8 version, qint64 seq) const
{
    QByteArray data = walletId.toUtf8();
    data.append('\0');
    data.append(char(version));
    data.append(seqBytes(seq));
    return m_key.mac(QStringLiteral("feed_cursor"), data).left(kTagSize);
}

QString TransactionFeed::cursor(const QString &walletId, qint64 seq) const
{
    QByteArray bytes;
    bytes.append(char(kCursorVersion));
    bytes.append(seqBytes(seq));
    bytes.append(tag(walletId, kCursorVersion, seq));
    return crypto::base64UrlEncode(bytes);
}

std::optional<qint64> TransactionFeed::decodeCursor(const QString &walletId, const QString &text) const
{
    // base64url of 25 bytes is 34 characters; refuse anything longer before decoding it.
    if (text.size() > 64)
        return std::nullopt;
    const auto bytes = crypto::base64UrlDecode(QStringView(text));
    if (!bytes || bytes.value().size() != kCursorSize || quint8(bytes.value().at(0)) != kCursorVersion)
        return std::nullopt;
    const qint64 seq = qint64(qFromBigEndian<quint64>(bytes.value().constData() + 1));
    if (seq < 0)
        return std::nullopt;
    if (!crypto::constantTimeEquals(QByteArrayView(bytes.value()).sliced(9),
                                    tag(walletId, kCursorVersion, seq)))
        return std::nullopt;
    // base64url has several spellings of the last character's unused bits; only the canonical one counts.
    if (crypto::base64UrlEncode(bytes.value()) != text)
        return std::nullopt;
    return seq;
}

TransactionFeed::Page TransactionFeed::page(const QString &walletId, const std::optional<QString> &after,
                                            int limit)
{
    qint64 afterSeq = 0;
    if (after && !after->isEmpty()) {
        const auto seq = decodeCursor(walletId, *after);
        if (!seq)
            throw badCursor();
        afterSeq = *seq;
    }
    Page page;
    if (after && !after->isEmpty())
        page.nextCursor = *after;
    StubStore::Query rows = m_store.query(
        QStringLiteral(
            "SELECT t.seq, t.id, t.payment_id, t.kind, t.status, t.amount, t.currency, t.fees_json, "
            "t.counterparty_json, t.note_sealed, t.receipt_no, t.created_at, t.updated_at, "
            "t.balance_after, CASE WHEN t.status = 'rejected' THEN NULL ELSE p.debit_amount END, "
            "p.debit_currency, q.source FROM transactions t"
            // The payer's own payment only: an incoming transfer's payment row is the sender's.
            " LEFT JOIN payments p ON p.id = t.payment_id AND p.wallet_id = t.wallet_id"
            " AND t.kind <> 'incoming'"
            " LEFT JOIN quotes q ON q.id = p.quote_id"
            " WHERE t.wallet_id = ? AND t.seq > ? ORDER BY t.seq LIMIT ?"),
        {walletId, afterSeq, limit + 1});
    int count = 0;
    while (rows.next()) {
        if (count == limit) {
            page.hasMore = true;
            break;
        }
        ++count;
        const qint64 seq = rows.value(0).toLongLong();
        const QString currency = rows.value(6).toString();
        const QString paymentId = rows.value(2).toString();
        QJsonObject entry{
            {QStringLiteral("id"), rows.value(1).toString()},
            {QStringLiteral("payment_id"), paymentId},
            {QStringLiteral("kind"), rows.value(3).toString()},
            {QStringLiteral("status"), rows.value(4).toString()},
            {QStringLiteral("amount"), moneyJson(rows.value(5).toLongLong(), currency)},
            {QStringLiteral("fees"), QJsonDocument::fromJson(rows.value(7).toString().toUtf8()).array()},
            {QStringLiteral("counterparty"),
             QJsonDocument::fromJson(rows.value(8).toString().toUtf8()).object()},
            {QStringLiteral("receipt_no"), rows.value(10).toString()},
            {QStringLiteral("created_at"), toRfc3339(rows.value(11).toLongLong())},
            {QStringLiteral("updated_at"), toRfc3339(rows.value(12).toLongLong())},
            {QStringLiteral("balance_after"), moneyJson(rows.value(13).toLongLong(), currency)},
        };
        // What the payer's source was charged (fees included) and which source: a card-funded payment
        // leaves the balance (and so `amount`) unchanged, and the history must still show what it cost.
        // A rejected payment charged nothing: no debit.
        if (!rows.value(14).isNull() && !rows.value(15).toString().isEmpty())
            entry.insert(QStringLiteral("debit"),
                         moneyJson(rows.value(14).toLongLong(), rows.value(15).toString()));
        if (const QString source = rows.value(16).toString(); !source.isEmpty())
            entry.insert(QStringLiteral("source"), source);
        const QByteArray sealed = rows.value(9).toByteArray();
        if (!sealed.isEmpty())
            entry.insert(QStringLiteral("note"), openNote(m_key, paymentId, sealed));
        page.data.append(entry);
        page.nextCursor = cursor(walletId, seq);
    }
    return page;
}

QJsonObject TransactionFeed::Page::toJson() const
{
    return QJsonObject{{QStringLiteral("data"), data},
                       {QStringLiteral("next_cursor"), nextCursor ? QJsonValue(*nextCursor) : QJsonValue()},
                       {QStringLiteral("has_more"), hasMore}};
}

QByteArray TransactionFeed::sealNote(const ServerKey &key, const QString &paymentId, const QString &note)
{
    return key.seal(note.toUtf8(), QStringLiteral("payments"), QStringLiteral("note"), paymentId);
}

QString TransactionFeed::openNote(const ServerKey &key, const QString &paymentId, const QByteArray &sealed)
{
    const crypto::SecretBytes plain =
        key.open(sealed, QStringLiteral("payments"), QStringLiteral("note"), paymentId);
    return QString::fromUtf8(plain.view().data(), plain.view().size());
}

} // namespace bw::stub
