#pragma once

// Helpers shared by the validators in bw::core; not part of the public API.

#include <QString>
#include <QStringView>

namespace bw::core::detail {

// Longest input any validator looks at. Longer input is refused before any per-character work, so a
// pasted megabyte costs nothing. Every legitimate value is far shorter (the longest, a password, is at most
// 128 characters, which NFKC cannot turn into more than a few thousand UTF-16 units).
inline constexpr qsizetype kMaxInputLength = 4096;

inline bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

inline bool isAsciiUpper(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}

inline bool isAsciiLower(QChar c)
{
    return c.unicode() >= u'a' && c.unicode() <= u'z';
}

inline int digitValue(QChar c)
{
    return c.unicode() - u'0';
}

// Number of Unicode code points (a valid surrogate pair counts once, a lone surrogate counts once).
qsizetype codePointCount(QStringView text);

// Decodes UTF-16 into code points; a lone surrogate becomes U+FFFD's category-wise twin: the surrogate value
// itself, which QChar::category reports as Other_Surrogate, so callers can refuse it.
QList<char32_t> codePoints(QStringView text);

// True for Unicode category Cc, Cs (lone surrogate) and Cn (unassigned or noncharacter), and for the
// bidirectional formatting controls (LRM, RLM, ALM, embeddings, overrides, isolates) that can make text
// display differently from what it is. ZWJ and ZWNJ are not refused: some scripts need them in names.
bool isControlCharacter(char32_t ucs4);

} // namespace bw::core::detail
