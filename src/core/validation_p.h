#pragma once

// Helpers shared by the validators in bw::core; not part of the public API.

#include "core/validation.h"

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

// The value of a run of ASCII digits (the caller has checked them), e.g. a card's IIN prefix or a date
// field. At most 9 digits, so the value fits in an int.
inline int asciiNumber(QStringView digits)
{
    Q_ASSERT(digits.size() <= 9);
    int value = 0;
    for (QChar c : digits) {
        value = value * 10 + digitValue(c);
    }
    return value;
}

// The first checks of every validator of typed text: input longer than maxLength is TooLong, refused before
// any per-character work; input that is blank after trimming is Empty. Otherwise None, and *trimmed is the
// input without surrounding whitespace.
inline ValidationReason trimInput(QStringView input, qsizetype maxLength, QStringView *trimmed)
{
    if (input.size() > maxLength) {
        return ValidationReason::TooLong;
    }
    *trimmed = input.trimmed();
    return trimmed->isEmpty() ? ValidationReason::Empty : ValidationReason::None;
}

// Collects the ASCII digits of text into *digits, skipping the separator characters people type between
// groups (spaces, dashes). False, with *digits incomplete, at any other character.
inline bool collectDigits(QStringView text, QStringView separators, QString *digits)
{
    digits->reserve(text.size());
    for (QChar c : text) {
        if (isAsciiDigit(c)) {
            digits->append(c);
        } else if (!separators.contains(c)) {
            return false;
        }
    }
    return true;
}

// Number of Unicode code points (a valid surrogate pair counts once, a lone surrogate counts once).
qsizetype codePointCount(QStringView text);

// Decodes UTF-16 into code points; a lone surrogate becomes U+FFFD's category-wise twin: the surrogate value
// itself, which QChar::category reports as Other_Surrogate, so callers can refuse it.
QList<char32_t> codePoints(QStringView text);

// True for Unicode category Cc, Cs (lone surrogate), Cn (unassigned or noncharacter) and Cf (invisible
// format characters: the bidirectional controls that make text display differently from what it is, the
// zero-width space, soft hyphen, word joiner, BOM, ...), except ZWNJ and ZWJ, which some scripts need in
// names.
bool isControlCharacter(char32_t ucs4);

} // namespace bw::core::detail
