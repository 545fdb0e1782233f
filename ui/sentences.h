// Joining translated sentences — the one place for it in ui/: English puts a space between two sentences,
// Chinese does not (its full stop "。" already carries the spacing).
#pragma once

#include <QString>

namespace bw::ui::detail {

inline QString joinSentences(const QString &first, const QString &second)
{
    if (first.isEmpty() || second.isEmpty())
        return first + second;
    const QChar last = first.back();
    const bool wide = last.unicode() >= 0x3000 && (last == QChar(0x3002) || last == QChar(0xFF01) ||
                                                   last == QChar(0xFF1F) || last == QChar(0xFF09));
    return wide ? first + second : first + QLatin1Char(' ') + second;
}

} // namespace bw::ui::detail
