// Helpers shared by the bw_crypto tests: readable checks of Result<T> error codes.
#pragma once

#include "crypto/crypto_error.h"
#include "crypto/result.h"

#include <QMetaType>
#include <QTest>

Q_DECLARE_METATYPE(bw::crypto::CryptoError)

// Fails the test unless result is an error with exactly the expected code.
#define BW_EXPECT_ERROR(result, expected)                                                                    \
    do {                                                                                                     \
        const auto &bwResult_ = (result);                                                                    \
        QVERIFY2(                                                                                            \
            !bwResult_.ok(),                                                                                 \
            qPrintable(                                                                                      \
                QStringLiteral("expected error %1, got success").arg(bw::crypto::errorCodeName(expected)))); \
        QCOMPARE(bw::crypto::errorCodeName(bwResult_.error()), bw::crypto::errorCodeName(expected));         \
    } while (false)

// Fails the test unless result succeeded, naming the error it got instead.
#define BW_EXPECT_OK(result)                                                                                 \
    do {                                                                                                     \
        const auto &bwResult_ = (result);                                                                    \
        QVERIFY2(                                                                                            \
            bwResult_.ok(),                                                                                  \
            qPrintable(                                                                                      \
                QStringLiteral("unexpected error %1").arg(bw::crypto::errorCodeName(bwResult_.error()))));   \
    } while (false)
