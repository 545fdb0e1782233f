#include "storage/payment_method_store.h"

#include "storage/sql_values_p.h"
#include "storage/transaction.h"
#include "storage/wallet_database.h"

namespace bw::storage {

namespace {

const QString kTable = QStringLiteral("payment_methods");
const QString kColumns =
    QStringLiteral("id, type, brand, funding, last4, exp_month, exp_year, bank_id, bank_name,"
                   " country, holder_name_sealed, is_default, sort_order");

Result<PaymentMethodRow> readRow(const QSqlQuery &q, const FieldSealer &sealer)
{
    PaymentMethodRow row;
    row.id = q.value(0).toString();
    row.type = q.value(1).toString();
    row.brand = q.value(2).toString();
    row.funding = q.value(3).toString();
    row.last4 = q.value(4).toString();
    row.expMonth = q.value(5).toInt();
    row.expYear = q.value(6).toInt();
    row.bankId = q.value(7).toString();
    row.bankName = q.value(8).toString();
    row.country = q.value(9).toString();
    auto holder = sealer.openText(q.value(10).toByteArray(), kTable, u"holder_name", row.id);
    if (!holder)
        return holder.error();
    row.holderName = holder.value();
    row.isDefault = q.value(11).toBool();
    row.sortOrder = q.value(12).toInt();
    return row;
}

} // namespace

Status PaymentMethodStore::replaceAll(const QVector<PaymentMethodRow> &rows)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.begun();
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM payment_methods")); !done)
        return done.error();
    auto insert =
        m_db.prepare(QStringLiteral("INSERT INTO payment_methods (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                    " ?, ?, ?, ?)")
                         .arg(kColumns));
    if (!insert)
        return insert.error();
    bool anyOrder = false;
    for (const PaymentMethodRow &row : rows)
        anyOrder = anyOrder || row.sortOrder != 0;
    QSqlQuery &q = insert.value();
    for (int i = 0; i < rows.size(); ++i) {
        const PaymentMethodRow &row = rows.at(i);
        if (row.id.isEmpty() || row.last4.size() > 4)
            return StorageError{StorageErrorCode::InvalidData,
                                QStringLiteral("payment method without id or bad last4")};
        auto holder = m_db.sealer().sealText(row.holderName, kTable, u"holder_name", row.id);
        if (!holder)
            return holder.error();
        const QVariantList values = {
            row.id,
            row.type,
            detail::textOrNull(row.brand),
            detail::textOrNull(row.funding),
            detail::textOrNull(row.last4),
            row.expMonth > 0 ? QVariant(row.expMonth) : QVariant(QMetaType::fromType<int>()),
            row.expYear > 0 ? QVariant(row.expYear) : QVariant(QMetaType::fromType<int>()),
            detail::textOrNull(row.bankId),
            detail::textOrNull(row.bankName),
            detail::textOrNull(row.country),
            detail::blobOrNull(holder.value()),
            row.isDefault ? 1 : 0,
            anyOrder ? row.sortOrder : i};
        for (int v = 0; v < values.size(); ++v)
            q.bindValue(v, values.at(v));
        if (auto status = m_db.run(q, QStringLiteral("insert payment method")); !status)
            return status;
    }
    return tx.commit();
}

Result<QVector<PaymentMethodRow>> PaymentMethodStore::list()
{
    auto query =
        m_db.exec(QStringLiteral("SELECT %1 FROM payment_methods ORDER BY sort_order, id").arg(kColumns));
    if (!query)
        return query.error();
    return detail::readAllRows<PaymentMethodRow>(query.value(), m_db.sealer(), readRow);
}

Result<std::optional<PaymentMethodRow>> PaymentMethodStore::get(const QString &id)
{
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM payment_methods WHERE id = ?").arg(kColumns), {id});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<PaymentMethodRow>();
    auto row = readRow(query.value(), m_db.sealer());
    if (!row)
        return row.error();
    return std::optional<PaymentMethodRow>(std::move(row).value());
}

Status PaymentMethodStore::remove(const QString &id)
{
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM payment_methods WHERE id = ?"), {id}); !done)
        return done.error();
    return {};
}

} // namespace bw::storage
