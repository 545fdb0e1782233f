#include "stub/sanctions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace bw::stub {

namespace {

Q_LOGGING_CATEGORY(lcSanctions, "bw.stub.sanctions")

// Input is normalized this many UTF-16 units at a time, so that normalization stops soon after the
// normalized name reaches kMaxCodePoints instead of running over a pasted megabyte. Splitting only
// between code points is safe: the result is NFKD with marks dropped, and NFKD (which NFKD(NFKC(x))
// equals) decomposes each code point on its own.
constexpr qsizetype kChunkUnits = 256;

// Scores are compared with this tolerance, so that a similarity of exactly 0.93 that double arithmetic
// computes as 0.92999999999 still counts as reaching the threshold.
constexpr double kScoreEpsilon = 1e-9;

bool isDropped(char32_t cp)
{
    // Qt's normalization and case mapping turn a lone surrogate into U+FFFD; neither is text.
    if (cp == QChar::ReplacementCharacter) {
        return true;
    }
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing: // diacritics after NFKD
    case QChar::Mark_Enclosing:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Other_Format:    // RLM, RLO, ZWSP, soft hyphen, BOM: invisible, could hide a listed name
    case QChar::Other_Control:   // NUL and friends (whitespace controls are handled before)
    case QChar::Other_Surrogate: // a lone surrogate is not text
        return true;
    default:
        return false;
    }
}

// Accumulates the normalized form of a name fed in chunks.
class Normalizer
{
public:
    // Returns false once the cap is reached and the rest of the input does not matter.
    bool feed(QStringView chunk)
    {
        const QString decomposed = chunk.toString()
                                       .normalized(QString::NormalizationForm_KC)
                                       .normalized(QString::NormalizationForm_KD)
                                       .toLower();
        const QStringView view(decomposed);
        for (qsizetype i = 0; i < view.size(); ++i) {
            char32_t cp = view[i].unicode();
            if (QChar::isHighSurrogate(cp) && i + 1 < view.size() && view[i + 1].isLowSurrogate()) {
                cp = QChar::surrogateToUcs4(view[i], view[i + 1]);
                ++i;
            }
            if (QChar::isSpace(cp)) {
                m_pendingSpace = !m_spaced.empty();
                continue;
            }
            if (isDropped(cp)) {
                continue;
            }
            if (qsizetype(m_key.size()) >= SanctionsList::kMaxCodePoints) {
                m_truncated = true;
                return false;
            }
            if (m_pendingSpace) {
                m_spaced.push_back(U' ');
                m_pendingSpace = false;
            }
            m_spaced.push_back(cp);
            m_key.push_back(cp);
        }
        return true;
    }

    void feedAll(QStringView input)
    {
        qsizetype pos = 0;
        while (pos < input.size()) {
            qsizetype len = std::min(kChunkUnits, input.size() - pos);
            // Never split a surrogate pair.
            if (pos + len < input.size() && input[pos + len - 1].isHighSurrogate() &&
                input[pos + len].isLowSurrogate()) {
                ++len;
            }
            if (!feed(input.mid(pos, len))) {
                return;
            }
            pos += len;
        }
    }

    const std::u32string &spaced() const { return m_spaced; }
    const std::u32string &key() const { return m_key; }
    bool truncated() const { return m_truncated; }

private:
    std::u32string m_spaced; // single spaces between words, trimmed
    std::u32string m_key;    // the same without spaces: what is compared
    bool m_pendingSpace = false;
    bool m_truncated = false;
};

// The highest Jaro-Winkler similarity two strings of these lengths can reach: every character of the
// shorter one matches, nothing is transposed, and the common prefix is the longest Winkler counts.
double similarityUpperBound(std::size_t la, std::size_t lb)
{
    const double shorter = double(std::min(la, lb));
    const double longer = double(std::max(la, lb));
    const double jaro = (1.0 + shorter / longer + 1.0) / 3.0;
    return jaro + 4 * 0.1 * (1.0 - jaro);
}

} // namespace

QString screeningCode(ScreeningOutcome outcome)
{
    switch (outcome) {
    case ScreeningOutcome::Match:
        return QStringLiteral("sanctions_match");
    case ScreeningOutcome::Review:
        return QStringLiteral("sanctions_review");
    case ScreeningOutcome::Clear:
        break;
    }
    return {};
}

SanctionsList::SanctionsList()
    : SanctionsList(fromFile(QString::fromLatin1(kDefaultResource)))
{}

SanctionsList::SanctionsList(const QByteArray &json)
{
    load(json);
}

SanctionsList SanctionsList::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        SanctionsList list{Unloaded{}};
        list.fail(QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
        return list;
    }
    return SanctionsList(file.readAll());
}

void SanctionsList::fail(const QString &error)
{
    m_entries.clear();
    m_names.clear();
    m_exact.clear();
    m_error = error;
    qCWarning(lcSanctions).noquote() << "sanctions list not loaded, every name will screen as review:"
                                     << error;
}

void SanctionsList::load(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(QStringLiteral("invalid JSON at offset %1: %2")
                 .arg(parseError.offset)
                 .arg(parseError.errorString()));
        return;
    }
    if (!doc.isObject() || !doc.object().value(u"entries").isArray()) {
        fail(QStringLiteral("expected an object with an \"entries\" array"));
        return;
    }
    static const QRegularExpression idPattern(QStringLiteral("^san_[a-z0-9_]{1,60}$"));
    QSet<QString> ids;
    const QJsonArray entries = doc.object().value(u"entries").toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject object = entries.at(i).toObject();
        const QString where = QStringLiteral("entry %1").arg(i);
        SanctionsEntry entry;
        entry.id = object.value(u"id").toString();
        entry.type = object.value(u"type").toString();
        entry.name = object.value(u"name").toString();
        if (!idPattern.match(entry.id).hasMatch()) {
            fail(where + QStringLiteral(": \"id\" must look like san_…"));
            return;
        }
        if (ids.contains(entry.id)) {
            fail(where + QStringLiteral(": duplicate id ") + entry.id);
            return;
        }
        ids.insert(entry.id);
        if (entry.type != u"person" && entry.type != u"organisation") {
            fail(where + QStringLiteral(": \"type\" must be \"person\" or \"organisation\""));
            return;
        }
        if (!object.value(u"name").isString()) {
            fail(where + QStringLiteral(": \"name\" must be a string"));
            return;
        }
        const QJsonValue aliases = object.value(u"aliases");
        if (!aliases.isUndefined() && !aliases.isArray()) {
            fail(where + QStringLiteral(": \"aliases\" must be an array of strings"));
            return;
        }
        for (const QJsonValue alias : aliases.toArray()) {
            if (!alias.isString()) {
                fail(where + QStringLiteral(": \"aliases\" must be an array of strings"));
                return;
            }
            entry.aliases.append(alias.toString());
        }
        QList<QString> names{entry.name};
        names.append(entry.aliases);
        for (const QString &name : names) {
            Normalizer normalizer;
            normalizer.feedAll(name);
            if (normalizer.key().empty()) {
                fail(where + QStringLiteral(": a name is empty after normalization"));
                return;
            }
            if (normalizer.truncated()) {
                fail(where + QStringLiteral(": a name is longer than %1 characters").arg(kMaxCodePoints));
                return;
            }
            const auto index = qsizetype(m_names.size());
            m_names.push_back(ListedName{normalizer.key(), qsizetype(m_entries.size()), name});
            m_exact.emplace(normalizer.key(), index); // keeps the first listed on a duplicate
        }
        m_entries.push_back(std::move(entry));
    }
    if (m_entries.empty()) {
        fail(QStringLiteral("the list has no entries"));
    }
}

QString SanctionsList::normalize(QStringView name)
{
    Normalizer normalizer;
    normalizer.feedAll(name);
    const std::u32string &spaced = normalizer.spaced();
    return QString::fromUcs4(spaced.data(), qsizetype(spaced.size()));
}

ScreeningResult SanctionsList::screen(QStringView name) const
{
    ScreeningResult result;
    if (!isValid()) {
        result.outcome = ScreeningOutcome::Review;
        return result;
    }
    Normalizer normalizer;
    normalizer.feedAll(name);
    const std::u32string &key = normalizer.key();
    if (key.empty()) {
        return result; // nothing a list entry could equal; the name validators refuse empty names
    }
    if (const auto exact = m_exact.find(key); exact != m_exact.end()) {
        const ListedName &listed = m_names[std::size_t(exact->second)];
        result.outcome = ScreeningOutcome::Match;
        result.entryId = m_entries[std::size_t(listed.entry)].id;
        result.listedName = listed.display;
        result.score = 1.0;
        return result;
    }
    if (qsizetype(key.size()) < kMinFuzzyLetters) {
        return result;
    }
    const ListedName *best = nullptr;
    for (const ListedName &listed : m_names) {
        if (qsizetype(listed.key.size()) < kMinFuzzyLetters ||
            similarityUpperBound(key.size(), listed.key.size()) < kReviewThreshold - kScoreEpsilon) {
            continue;
        }
        const double score = jaroWinkler(key, listed.key);
        if (score > result.score) {
            result.score = score;
            best = &listed;
        }
    }
    if (best && result.score >= kReviewThreshold - kScoreEpsilon) {
        result.outcome = ScreeningOutcome::Review;
        result.entryId = m_entries[std::size_t(best->entry)].id;
        result.listedName = best->display;
    }
    return result;
}

double SanctionsList::jaroWinkler(std::u32string_view a, std::u32string_view b)
{
    if (a.empty() && b.empty()) {
        return 1.0;
    }
    if (a.empty() || b.empty()) {
        return 0.0;
    }
    const std::size_t la = a.size();
    const std::size_t lb = b.size();
    const std::size_t half = std::max(la, lb) / 2;
    const std::size_t window = half > 0 ? half - 1 : 0;

    // Screened and listed names are capped, so their flags fit on the stack; only direct calls with longer
    // strings allocate.
    constexpr std::size_t kStackFlags = 256;
    std::array<unsigned char, kStackFlags> aStack{};
    std::array<unsigned char, kStackFlags> bStack{};
    std::vector<unsigned char> aHeap;
    std::vector<unsigned char> bHeap;
    unsigned char *aMatched = aStack.data();
    unsigned char *bMatched = bStack.data();
    if (la > kStackFlags) {
        aHeap.assign(la, 0);
        aMatched = aHeap.data();
    }
    if (lb > kStackFlags) {
        bHeap.assign(lb, 0);
        bMatched = bHeap.data();
    }
    std::size_t matches = 0;
    for (std::size_t i = 0; i < la; ++i) {
        const std::size_t lo = i > window ? i - window : 0;
        const std::size_t hi = std::min(i + window + 1, lb);
        for (std::size_t j = lo; j < hi; ++j) {
            if (!bMatched[j] && a[i] == b[j]) {
                aMatched[i] = bMatched[j] = 1;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0) {
        return 0.0;
    }
    // Matched characters of a and of b, each in order; every position where they differ is half a
    // transposition.
    std::size_t outOfOrder = 0;
    std::size_t k = 0;
    for (std::size_t i = 0; i < la; ++i) {
        if (!aMatched[i]) {
            continue;
        }
        while (!bMatched[k]) {
            ++k;
        }
        if (a[i] != b[k]) {
            ++outOfOrder;
        }
        ++k;
    }
    const double m = double(matches);
    const double transpositions = double(outOfOrder) / 2.0;
    const double jaro = (m / double(la) + m / double(lb) + (m - transpositions) / m) / 3.0;

    std::size_t prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) {
        ++prefix;
    }
    return jaro + double(prefix) * 0.1 * (1.0 - jaro);
}

double SanctionsList::jaroWinkler(QStringView a, QStringView b)
{
    const QList<uint> ua = a.toUcs4();
    const QList<uint> ub = b.toUcs4();
    const std::u32string sa(ua.cbegin(), ua.cend());
    const std::u32string sb(ub.cbegin(), ub.cend());
    return jaroWinkler(std::u32string_view(sa), std::u32string_view(sb));
}

} // namespace bw::stub
