#include "storage/profile_store.h"

#include "storage/sql_values_p.h"
#include "storage/wallet_database.h"

namespace bw::storage {

namespace {
const QString kTable = QStringLiteral("profile");
const QString kRowKey = QStringLiteral("1");
} // namespace

Result<std::optional<ProfileRow>> ProfileStore::get()
{
    auto query =
        m_db.exec(QStringLiteral("SELECT wallet_id, tier, kyc_status, phone_sealed, full_name_sealed,"
                                 " email_sealed, preferred_language, updated_at FROM profile WHERE id = 1"));
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return std::optional<ProfileRow>();
    ProfileRow row;
    row.walletId = q.value(0).toString();
    row.tier = q.value(1).toInt();
    row.kycStatus = q.value(2).toString();
    const FieldSealer &sealer = m_db.sealer();
    auto phone = sealer.openText(q.value(3).toByteArray(), kTable, u"phone", kRowKey);
    auto name = sealer.openText(q.value(4).toByteArray(), kTable, u"full_name", kRowKey);
    auto email = sealer.openText(q.value(5).toByteArray(), kTable, u"email", kRowKey);
    for (const auto *opened : {&phone, &name, &email}) {
        if (!*opened)
            return opened->error();
    }
    row.phone = phone.value();
    row.fullName = name.value();
    row.email = email.value();
    row.preferredLanguage = q.value(6).toString();
    row.updatedAtMs = q.value(7).toLongLong();
    return std::optional<ProfileRow>(std::move(row));
}

Status ProfileStore::save(const ProfileRow &row)
{
    if (row.walletId.isEmpty())
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("profile without wallet id")};
    const FieldSealer &sealer = m_db.sealer();
    auto phone = sealer.sealText(row.phone, kTable, u"phone", kRowKey);
    auto name = sealer.sealText(row.fullName, kTable, u"full_name", kRowKey);
    auto email = sealer.sealText(row.email, kTable, u"email", kRowKey);
    for (const auto *sealed : {&phone, &name, &email}) {
        if (!*sealed)
            return sealed->error();
    }
    auto done = m_db.exec(QStringLiteral("INSERT OR REPLACE INTO profile (id, wallet_id, tier, kyc_status,"
                                         " phone_sealed, full_name_sealed, email_sealed, preferred_language,"
                                         " updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {row.walletId, row.tier, row.kycStatus, detail::blobOrNull(phone.value()),
                           detail::blobOrNull(name.value()), detail::blobOrNull(email.value()),
                           row.preferredLanguage, row.updatedAtMs});
    if (!done)
        return done.error();
    return {};
}

Status ProfileStore::clear()
{
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM profile")); !done)
        return done.error();
    return {};
}

} // namespace bw::storage
