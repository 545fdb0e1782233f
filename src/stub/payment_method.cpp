#include "stub/payment_method.h"

#include "stub/stub_store.h"

#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kColumns = QStringLiteral(
    "id, wallet_id, type, brand, funding, last4, exp_month, exp_year, bank_id, bank_name, country, "
    "holder_name, test_behaviour, charges, is_default, created_at");

PaymentMethod fromRow(const QSqlQuery &row)
{
    PaymentMethod pm;
    pm.id = row.value(0).toString();
    pm.walletId = row.value(1).toString();
    pm.type = row.value(2).toString();
    pm.brand = row.value(3).toString();
    pm.funding = row.value(4).toString();
    pm.last4 = row.value(5).toString();
    pm.expMonth = row.value(6).toInt();
    pm.expYear = row.value(7).toInt();
    pm.bankId = row.value(8).toString();
    pm.bankName = row.value(9).toString();
    pm.country = row.value(10).toString();
    pm.holderName = row.value(11).toString();
    pm.testBehaviour = row.value(12).toString();
    pm.charges = row.value(13).toInt();
    pm.isDefault = row.value(14).toInt() != 0;
    pm.createdAt = row.value(15).toLongLong();
    return pm;
}

} // namespace

QJsonObject PaymentMethod::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("last4"), last4},
                  {QStringLiteral("holder_name"), holderName},
                  {QStringLiteral("is_default"), isDefault}};
    if (isCard()) {
        o.insert(QStringLiteral("brand"), brand);
        o.insert(QStringLiteral("funding"), funding);
        o.insert(QStringLiteral("exp_month"), expMonth);
        o.insert(QStringLiteral("exp_year"), expYear);
    } else {
        o.insert(QStringLiteral("bank_id"), bankId);
        o.insert(QStringLiteral("bank_name"), bankName);
        o.insert(QStringLiteral("country"), country);
    }
    return o;
}

std::optional<PaymentMethod> PaymentMethod::find(StubStore &store, const QString &walletId, const QString &id)
{
    QSqlQuery row = store.exec(QStringLiteral("SELECT %1 FROM payment_methods WHERE id = ? AND wallet_id = ? "
                                              "AND deleted_at IS NULL")
                                   .arg(kColumns),
                               {id, walletId});
    if (!row.next())
        return std::nullopt;
    return fromRow(row);
}

QList<PaymentMethod> PaymentMethod::list(StubStore &store, const QString &walletId)
{
    QSqlQuery rows = store.exec(QStringLiteral("SELECT %1 FROM payment_methods WHERE wallet_id = ? AND "
                                               "deleted_at IS NULL ORDER BY created_at, rowid")
                                    .arg(kColumns),
                                {walletId});
    QList<PaymentMethod> methods;
    while (rows.next())
        methods.append(fromRow(rows));
    return methods;
}

} // namespace bw::stub
