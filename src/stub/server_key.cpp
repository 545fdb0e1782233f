#include "stub/server_key.h"

#include "crypto/aead.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "stub/api_error.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace bw::stub {

namespace {
QByteArray placeOf(const QString &table, const QString &column, const QString &rowId)
{
    return (table + QLatin1Char('/') + column + QLatin1Char('/') + rowId).toUtf8();
}
} // namespace

bool ServerKey::load(const QString &keyPath, QString *error)
{
    QByteArray master;
    QFile file(keyPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the server key %1: %2").arg(keyPath, file.errorString());
            return false;
        }
        master = file.readAll();
        if (master.size() != 32) {
            crypto::secureWipe(master);
            *error = QStringLiteral("the server key %1 is not 32 bytes").arg(keyPath);
            return false;
        }
    } else {
        auto key = crypto::randomKey32();
        if (!key) {
            *error = QStringLiteral("the random generator failed");
            return false;
        }
        master = key.value().toByteArray();
        QSaveFile out(keyPath);
        // Owner read/write only, set before any byte is written.
        if (!out.open(QIODevice::WriteOnly) ||
            !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            out.write(master) != master.size() || !out.commit()) {
            crypto::secureWipe(master);
            *error = QStringLiteral("cannot create the server key %1: %2").arg(keyPath, out.errorString());
            return false;
        }
    }
    auto sealKey = crypto::hmacSha256(master, "bankwallet-stub seal v1");
    auto macKey = crypto::hmacSha256(master, "bankwallet-stub mac v1");
    crypto::secureWipe(master);
    if (!sealKey || !macKey) {
        *error = QStringLiteral("cannot derive the server subkeys");
        return false;
    }
    m_sealKey = crypto::SecretBytes::takeFrom(sealKey.value());
    m_macKey = crypto::SecretBytes::takeFrom(macKey.value());
    return true;
}

QByteArray ServerKey::seal(QByteArrayView plaintext, const QString &table, const QString &column,
                           const QString &rowId) const
{
    auto sealed = crypto::sealEnvelope(m_sealKey.view(), plaintext, placeOf(table, column, rowId));
    if (!sealed)
        throw ApiError::internalError();
    return sealed.value();
}

crypto::SecretBytes ServerKey::open(QByteArrayView envelope, const QString &table, const QString &column,
                                    const QString &rowId) const
{
    auto opened = crypto::openEnvelope(m_sealKey.view(), envelope, placeOf(table, column, rowId));
    if (!opened)
        throw ApiError::internalError();
    return std::move(opened).value();
}

QByteArray ServerKey::mac(const QString &label, QByteArrayView data) const
{
    QByteArray input = label.toUtf8();
    input.append('\0');
    input.append(data.data(), data.size());
    auto result = crypto::hmacSha256(m_macKey.view(), input);
    crypto::secureWipe(input);
    if (!result)
        throw ApiError::internalError();
    return result.value();
}

} // namespace bw::stub
