// Helpers shared by the bw_storage tests: data keys, sample rows, raw file reading.
#pragma once

#include "crypto/secret_bytes.h"
#include "storage/history_store.h"
#include "storage/storage_error.h"

#include <QFile>
#include <QString>
#include <QTest>

namespace bw::storage::test {

// A deterministic 32-byte key (tests only): every byte = fill.
inline crypto::SecretBytes testKey(char fill = 'k')
{
    crypto::SecretBytes key(32);
    for (qsizetype i = 0; i < key.size(); ++i)
        key.data()[i] = char(fill + i % 7);
    return key;
}

inline HistoryRow sampleRow(int n, qint64 createdAtMs)
{
    HistoryRow row;
    row.paymentId = QStringLiteral("pay_%1").arg(n, 8, 10, QLatin1Char('0'));
    row.lastTxnId = QStringLiteral("txn_%1").arg(n);
    row.kind = n % 3 == 0 ? QStringLiteral("transfer") : QStringLiteral("payment");
    row.status = QStringLiteral("succeeded");
    row.amountMinor = (n % 2 ? -1 : 1) * qint64(100 + (n * 7919) % 100000);
    row.currency = QStringLiteral("CNY");
    row.feesMinor = n % 5;
    row.feesCurrency = QStringLiteral("CNY");
    if (row.kind == QLatin1String("transfer")) {
        row.counterpartyType = QStringLiteral("wallet");
        row.counterpartyId = QStringLiteral("wal_%1").arg(n % 11);
        row.counterpartyName = QStringLiteral("Person %1").arg(n);
    } else {
        row.counterpartyType = QStringLiteral("merchant");
        row.counterpartyId = QStringLiteral("mer_%1").arg(n % 13);
        row.merchantName = QStringLiteral("Merchant %1").arg(n % 13);
        row.merchantNameZh = QStringLiteral("商户%1").arg(n % 13);
        row.category = QStringLiteral("shopping");
    }
    row.receiptNo = QStringLiteral("BW20250301%1").arg(n, 12, 10, QLatin1Char('0'));
    row.createdAtMs = createdAtMs;
    row.updatedAtMs = createdAtMs;
    row.balanceAfterMinor = 1000000 + n;
    row.balanceAfterCurrency = QStringLiteral("CNY");
    return row;
}

inline QByteArray readFileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace bw::storage::test

// QVERIFY for a Result/Status, printing the storage error on failure.
#define ST_VERIFY_OK(expr)                                                                                   \
    do {                                                                                                     \
        const auto &st_result_ = (expr);                                                                     \
        QVERIFY2(st_result_.ok(), qPrintable(st_result_.error().codeName() + QLatin1String(": ") +           \
                                             st_result_.error().detail));                                    \
    } while (false)

#define ST_VERIFY_ERROR(expr, expectedCode)                                                                  \
    do {                                                                                                     \
        const auto &st_result_ = (expr);                                                                     \
        QVERIFY2(!st_result_.ok(), "expected an error");                                                     \
        QCOMPARE(st_result_.error().codeName(), bw::storage::errorCodeName(expectedCode));                   \
    } while (false)
