#pragma once

// Hostile inputs shared by the validator tests: what a paste, a fuzzer or a malicious client can send.

#include <QElapsedTimer>
#include <QString>
#include <QTest>

#include <functional>

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
