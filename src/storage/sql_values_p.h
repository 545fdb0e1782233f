// Small helpers shared by the stores: explicit SQL NULLs, reading nullable columns, reading every row.
#pragma once

#include "storage/field_sealer.h"
#include "storage/storage_error.h"

#include <QByteArray>
#include <QMetaType>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVector>

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

// Every row the query returns, each read by `readRow(query, sealer)` (which opens sealed fields and may
// fail): the first failure is the answer.
template<typename Row, typename ReadRow>
Result<QVector<Row>> readAllRows(QSqlQuery &query, const FieldSealer &sealer, ReadRow readRow)
{
    QVector<Row> rows;
    while (query.next()) {
        Result<Row> row = readRow(query, sealer);
        if (!row)
            return row.error();
        rows.append(std::move(row).value());
    }
    return rows;
}

} // namespace bw::storage::detail
