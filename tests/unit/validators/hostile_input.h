#pragma once

// Shared by the validator tests: hostile inputs (what a paste, a fuzzer or a malicious client can send) and
// the checks every refused value must pass.

#include "core/validation.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QString>
#include <QTest>

#include <functional>

Q_DECLARE_METATYPE(bw::core::ValidationCode)
Q_DECLARE_METATYPE(bw::core::ValidationReason)

// Fails the test unless result is a refusal with exactly this code, contract code string (a string
// literal) and reason, and a message that tells the user what to do. A macro, so that a failure names the
// test's own line.
#define BW_EXPECT_REFUSED(result, expectedCode, expectedCodeString, expectedReason)                          \
    do {                                                                                                     \
        const auto &bwResult_ = (result);                                                                    \
        QVERIFY(!bwResult_.ok());                                                                            \
        QCOMPARE(bwResult_.code(), expectedCode);                                                            \
        QCOMPARE(bwResult_.codeString(), QString::fromLatin1(expectedCodeString));                           \
        QCOMPARE(bwResult_.reason(), expectedReason);                                                        \
        QVERIFY(!bwResult_.message().isEmpty());                                                             \
    } while (false)

namespace bw::test {

inline QString megabyteOf(QChar c)
{
    return QString(1024 * 1024, c);
}

inline QString withNul(const QString &before, const QString &after)
{
    QString s = before;
    s.append(QChar(u'\0'));
    s.append(after);
    return s;
}

// U+200F RIGHT-TO-LEFT MARK and U+202E RIGHT-TO-LEFT OVERRIDE around the text.
inline QString withRtlMarks(const QString &text)
{
    return QStringLiteral("\u200F") + text + QStringLiteral("\u202E");
}

// ASCII digits turned into their full-width forms (U+FF10..U+FF19).
inline QString fullWidth(const QString &ascii)
{
    QString out;
    for (QChar c : ascii) {
        out += (c >= u'0' && c <= u'9') ? QChar(char16_t(0xFF10 + (c.unicode() - u'0'))) : c;
    }
    return out;
}

// Milliseconds that f takes. Tests compare it with a bound far above what a validator that caps its input
// early needs, even under the sanitizers, so that a validator that walks a pasted megabyte shows up.
inline qint64 elapsedMs(const std::function<void()> &f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return timer.elapsed();
}

} // namespace bw::test
