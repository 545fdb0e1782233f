// Small helpers shared by the stores: explicit SQL NULLs and reading nullable columns.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace bw::storage::detail {

inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

inline QVariant blobOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(bytes);
}

inline QVariant intOrNull(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

inline std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace bw::storage::detail
