// SearchTokens: what the history search indexes and how a user's search text becomes an FTS5 query.
// Only non-personal fields are indexed (merchant names in English and Chinese, category, receipt number,
// kind) — never a person's name, phone or a note.
//
// Tokens are space-separated words that FTS5's unicode61 tokenizer keeps whole:
//  - CJK text (Han, kana, Hangul): every single character plus every overlapping bigram, so "咖啡店"
//    gives 咖 啡 店 咖啡 啡店 and both "咖啡" and "店" are found;
//  - other text: lower-case words of letters and digits (punctuation removed, so "BW-2025" also gives
//    "bw2025"); searched by prefix.
#pragma once

#include <QString>
#include <QStringList>

namespace bw::storage {

struct SearchTokens
{
    // The search_text of a history row.
    static QString forHistory(const QString &merchantName, const QString &merchantNameZh,
                              const QString &category, const QString &receiptNo, const QString &kind = {});

    // The tokens of any text (used by forHistory).
    static QStringList tokenize(const QString &text);

    // An FTS5 MATCH expression for what the user typed: every term must match (AND); Latin words match by
    // prefix; a CJK run of one or two characters matches that token, a longer run all of its bigrams.
    // Empty when the text holds nothing searchable (the caller then applies no text filter). Never
    // contains FTS5 syntax from the user (quotes, operators, column filters are stripped).
    static QString matchQuery(const QString &userText);
};

} // namespace bw::storage
