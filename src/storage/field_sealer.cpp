#include "storage/field_sealer.h"

#include "crypto/aead.h"

#include <QStringDecoder>

namespace bw::storage {

FieldSealer::FieldSealer(crypto::SecretBytes key)
    : m_key(std::move(key))
{}

QByteArray FieldSealer::associatedData(QStringView table, QStringView column, QStringView rowKey)
{
    QByteArray ad = table.toUtf8();
    ad.append('\0');
    ad.append(column.toUtf8());
    ad.append('\0');
    ad.append(rowKey.toUtf8());
    return ad;
}

Result<QByteArray> FieldSealer::seal(QByteArrayView plaintext, QStringView table, QStringView column,
                                     QStringView rowKey) const
{
    if (m_key.size() != crypto::kAeadKeyLength)
        return StorageError{StorageErrorCode::InvalidKey, QStringLiteral("no data key")};
    auto sealed = crypto::sealEnvelope(m_key.view(), plaintext, associatedData(table, column, rowKey));
    if (!sealed)
        return StorageError{StorageErrorCode::InvalidData,
                            QStringLiteral("sealing failed: %1").arg(crypto::errorCodeName(sealed.error()))};
    return std::move(sealed).value();
}

Result<crypto::SecretBytes> FieldSealer::open(QByteArrayView envelope, QStringView table, QStringView column,
                                              QStringView rowKey) const
{
    if (m_key.size() != crypto::kAeadKeyLength)
        return StorageError{StorageErrorCode::InvalidKey, QStringLiteral("no data key")};
    auto opened = crypto::openEnvelope(m_key.view(), envelope, associatedData(table, column, rowKey));
    if (!opened)
        return StorageError{StorageErrorCode::Undecryptable,
                            QStringLiteral("%1.%2 does not open: %3")
                                .arg(table, column, crypto::errorCodeName(opened.error()))};
    return std::move(opened).value();
}

Result<QByteArray> FieldSealer::sealText(const QString &text, QStringView table, QStringView column,
                                         QStringView rowKey) const
{
    if (text.isEmpty())
        return QByteArray();
    QByteArray utf8 = text.toUtf8();
    auto sealed = seal(utf8, table, column, rowKey);
    crypto::secureWipe(utf8);
    return sealed;
}

Result<QString> FieldSealer::openText(const QByteArray &envelope, QStringView table, QStringView column,
                                      QStringView rowKey) const
{
    if (envelope.isEmpty())
        return QString();
    auto opened = open(envelope, table, column, rowKey);
    if (!opened)
        return opened.error();
    const crypto::SecretBytes &bytes = opened.value();
    // Sealed text is always UTF-8 written by sealText; reject anything else rather than guess.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(QByteArrayView(bytes.constData(), bytes.size()));
    if (decoder.hasError())
        return StorageError{StorageErrorCode::Undecryptable,
                            QStringLiteral("%1.%2 is not UTF-8 text").arg(table, column)};
    return text;
}

} // namespace bw::storage
