#include "storage/search_tokens.h"

#include <QSet>

namespace bw::storage {

namespace {

// More terms than this in one search are ignored: nobody types them, and each costs an index lookup.
constexpr int kMaxQueryTerms = 16;

bool isCjk(char32_t codePoint)
{
    switch (QChar::script(codePoint)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return QChar::isLetterOrNumber(codePoint);
    default:
        return false;
    }
}

bool isWordChar(char32_t codePoint)
{
    // Combining marks (Devanagari, Thai, Arabic vowel signs) split a word like punctuation does: FTS5's
    // unicode61 tokenizer separates on them too, and a quoted term it splits becomes a phrase query,
    // which the detail=none index refuses.
    return QChar::isLetterOrNumber(codePoint);
}

// A piece of text between spaces, cut into what the index knows.
struct Segment
{
    bool cjk = false;
    QString text;      // cjk: the run of characters
    QStringList parts; // latin: the letter/digit runs ("bw", "2025")
};

QList<Segment> segments(const QString &text)
{
    QList<Segment> out;
    const QString normalized = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    const QList<uint> codePoints = normalized.toUcs4();
    Segment latin;
    QString part;
    Segment cjk;
    cjk.cjk = true;
    auto flushPart = [&] {
        if (!part.isEmpty())
            latin.parts.append(part);
        part.clear();
    };
    auto flushLatin = [&] {
        flushPart();
        if (!latin.parts.isEmpty())
            out.append(latin);
        latin = Segment();
    };
    auto flushCjk = [&] {
        if (!cjk.text.isEmpty())
            out.append(cjk);
        cjk = Segment();
        cjk.cjk = true;
    };
    for (const uint cp : codePoints) {
        const char32_t c = char32_t(cp);
        if (isCjk(c)) {
            flushLatin();
            cjk.text.append(QString::fromUcs4(&c, 1));
        } else if (isWordChar(c)) {
            flushCjk();
            part.append(QString::fromUcs4(&c, 1));
        } else if (QChar::isSpace(c)) {
            flushCjk();
            flushLatin();
        } else {
            // Punctuation inside a word ("BW-2025", "o'neil") splits it into parts of one segment.
            flushCjk();
            flushPart();
        }
    }
    flushCjk();
    flushLatin();
    return out;
}

QStringList cjkCharacters(const QString &run)
{
    QStringList chars;
    const QList<uint> cps = run.toUcs4();
    for (const uint cp : cps) {
        const char32_t c = char32_t(cp);
        chars.append(QString::fromUcs4(&c, 1));
    }
    return chars;
}

QString quoted(const QString &token)
{
    QString escaped = token;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QStringList SearchTokens::tokenize(const QString &text)
{
    QStringList tokens;
    QSet<QString> seen;
    auto add = [&](const QString &token) {
        if (!token.isEmpty() && !seen.contains(token)) {
            seen.insert(token);
            tokens.append(token);
        }
    };
    for (const Segment &segment : segments(text)) {
        if (segment.cjk) {
            const QStringList chars = cjkCharacters(segment.text);
            for (int i = 0; i + 1 < chars.size(); ++i)
                add(chars.at(i) + chars.at(i + 1));
            for (const QString &c : chars)
                add(c);
        } else {
            for (const QString &p : segment.parts)
                add(p);
            if (segment.parts.size() > 1)
                add(segment.parts.join(QString()));
        }
    }
    return tokens;
}

QString SearchTokens::forHistory(const QString &merchantName, const QString &merchantNameZh,
                                 const QString &category, const QString &receiptNo, const QString &kind)
{
    QStringList all;
    QSet<QString> seen;
    for (const QString &field : {merchantName, merchantNameZh, category, receiptNo, kind}) {
        for (const QString &token : tokenize(field)) {
            if (!seen.contains(token)) {
                seen.insert(token);
                all.append(token);
            }
        }
    }
    return all.join(QLatin1Char(' '));
}

QString SearchTokens::matchQuery(const QString &userText)
{
    QStringList terms;
    for (const Segment &segment : segments(userText)) {
        if (segment.cjk) {
            const QStringList chars = cjkCharacters(segment.text);
            if (chars.size() <= 2) {
                terms.append(quoted(chars.join(QString())));
            } else {
                for (int i = 0; i + 1 < chars.size(); ++i)
                    terms.append(quoted(chars.at(i) + chars.at(i + 1)));
            }
        } else if (segment.parts.size() == 1) {
            terms.append(quoted(segment.parts.first()) + QLatin1Char('*'));
        } else {
            // "BW-2025" is the joined token of a receipt, "blue-bottle" two words of a name: either.
            QStringList each;
            for (const QString &p : segment.parts)
                each.append(quoted(p) + QLatin1Char('*'));
            terms.append(QStringLiteral("(%1 OR (%2))")
                             .arg(quoted(segment.parts.join(QString())) + QLatin1Char('*'),
                                  each.join(QLatin1String(" AND "))));
        }
    }
    if (terms.size() > kMaxQueryTerms)
        terms.resize(kMaxQueryTerms);
    return terms.join(QLatin1String(" AND "));
}

} // namespace bw::storage
