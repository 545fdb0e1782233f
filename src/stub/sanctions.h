#pragma once

// Sanctions screening for the gateway stub: the seeded list of fictional entries and the contract's
// matching rule (gateway-api.md, "Sanctions screening").

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bw::stub {

enum class ScreeningOutcome {
    Clear,  // no listed name is equal or similar: go on
    Review, // similar to a listed name (Jaro-Winkler >= 0.93): the contract's `review` / `sanctions_review`
    Match,  // equal after normalization: the contract's `rejected` / `sanctions_match`
};

// The contract's error code for an outcome: "sanctions_match", "sanctions_review", or empty for Clear.
QString screeningCode(ScreeningOutcome outcome);

struct ScreeningResult
{
    ScreeningOutcome outcome = ScreeningOutcome::Clear;
    // The listed entry ("san_…") and the name or alias of it that matched; empty for Clear.
    QString entryId;
    QString listedName;
    // 1.0 for Match, the Jaro-Winkler similarity for Review; for Clear the best similarity computed (0 when
    // no fuzzy comparison applied). Not money, so a double is fine.
    double score = 0.0;
};

// One listed person or organisation, as loaded from the JSON list.
struct SanctionsEntry
{
    QString id;   // "san_…"
    QString type; // "person" or "organisation"
    QString name;
    QList<QString> aliases; // other spellings and scripts; each is screened like the name
};

// The stub's sanctions list and the contract's screening rule. Names are normalized (see normalize()),
// then:
// - equal to a listed name after normalization, spaces ignored → Match;
// - otherwise, when BOTH the screened name and the listed name have at least kMinFuzzyLetters letters
//   (code points after normalization, spaces not counted), Jaro-Winkler similarity of the two space-free
//   forms >= kReviewThreshold → Review (the best-scoring listed name is reported);
// - otherwise Clear. Shorter names match only exactly: a Chinese name of 8 characters, such as the
//   published "远东黑鹰贸易集团", is rejected when written exactly but a one-character variant passes. Staff
//   who want variants caught add them as aliases (the seeded list does that for traditional characters).
// Decisions where the contract is silent, each on the strict side:
// - Spaces are not significant when comparing ("Petrovich-Sidorov", "Petrovich Sidorov" and
//   "PetrovichSidorov" are one name; "张 三" is "张三"): punctuation is removed, so a hyphen or a dot must
//   not turn a listed name into a different one.
// - Invisible characters (Unicode Cf such as RLM, RLO, zero-width space, soft hyphen; controls other than
//   whitespace, which becomes a space; lone surrogates) are dropped, so they cannot hide a listed name.
// - Only nonspacing and enclosing marks (Mn, Me) count as diacritics; spacing marks (Mc, vowel signs of
//   Indic scripts) are part of the name and kept. Hangul is compared as jamo (what NFKD gives).
// - Symbols (emoji, ...) are kept: "Ivan Petrovich Sidorov 😀" is no longer equal but is similar → Review.
// - At most kMaxCodePoints code points of the normalized name are compared; the rest is ignored. Names the
//   contract accepts are at most 100 characters, and input is normalized in bounded chunks that stop once
//   the cap is reached, so a pasted megabyte costs little (see screen()).
// The list is immutable after construction; screen() is const and safe to call from several threads.
// A list that failed to load screens every name as Review (fail closed): nobody passes unscreened.
class SanctionsList
{
public:
    static constexpr double kReviewThreshold = 0.93;
    static constexpr qsizetype kMinFuzzyLetters = 10;
    static constexpr qsizetype kMaxCodePoints = 200;
    static constexpr const char *kDefaultResource = ":/stub/sanctions.json";

    // Loads the seeded list compiled into bw_stub (kDefaultResource).
    SanctionsList();
    // Loads a list from its JSON text: {"entries": [{"id", "type", "name", "aliases"?}]}.
    explicit SanctionsList(const QByteArray &json);
    static SanctionsList fromFile(const QString &path);

    bool isValid() const { return m_error.isEmpty(); }
    // Why loading failed (English, for logs); empty when valid.
    QString errorString() const { return m_error; }

    const std::vector<SanctionsEntry> &entries() const { return m_entries; }

    ScreeningResult screen(QStringView name) const;

    // The contract's normalization: NFKC, then NFKD with diacritics dropped, punctuation removed, lower
    // case, runs of whitespace collapsed to one space, trimmed (plus the invisible characters above
    // dropped). Capped at kMaxCodePoints code points, spaces not counted.
    static QString normalize(QStringView name);

    // Jaro-Winkler similarity on code points: Jaro with match window floor(max(|a|,|b|)/2)-1 and half the
    // out-of-order matches as transpositions; Winkler's bonus for a common prefix of up to 4 characters
    // with scale 0.1, applied whatever the Jaro score (Winkler's optional 0.7 boost threshold cannot change
    // a result at 0.93: below 0.7 the bonus reaches at most 0.82). Two empty strings are 1.0; one empty
    // string is 0.0. screen() compares with kReviewThreshold with a 1e-9 tolerance for rounding.
    static double jaroWinkler(std::u32string_view a, std::u32string_view b);
    static double jaroWinkler(QStringView a, QStringView b);

private:
    struct ListedName
    {
        std::u32string key; // normalized, spaces removed
        qsizetype entry;    // index into m_entries
        QString display;    // as listed
    };

    struct Unloaded
    {
    };
    explicit SanctionsList(Unloaded) {}

    void load(const QByteArray &json);
    void fail(const QString &error);

    std::vector<SanctionsEntry> m_entries;
    std::vector<ListedName> m_names;
    std::unordered_map<std::u32string, qsizetype> m_exact; // key → index into m_names; first listed wins
    QString m_error;
};

} // namespace bw::stub
