// Sanctions screening (bw::stub::SanctionsList) and the seeded stub data in resources/stub: the contract's
// normalization and Jaro-Winkler rule, the published test names, hostile input, and the data files.

#include "stub/sanctions.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using bw::stub::SanctionsList;
using bw::stub::ScreeningOutcome;
using bw::stub::ScreeningResult;
Q_DECLARE_METATYPE(bw::stub::ScreeningOutcome)

namespace {

// Hostile inputs, as in tests/unit/validators (kept here so the stub tests do not depend on bw_core's).
QString megabyteOf(QChar c)
{
    return QString(1024 * 1024, c);
}

QString withNul(const QString &before, const QString &after)
{
    return before + QChar(u'\0') + after;
}

// U+200F RIGHT-TO-LEFT MARK and U+202E RIGHT-TO-LEFT OVERRIDE around the text.
QString withRtlMarks(const QString &text)
{
    return QStringLiteral("\u200F") + text + QStringLiteral("\u202E");
}

template<typename F>
qint64 elapsedMs(F &&f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return timer.elapsed();
}

QByteArray readSource(const char *fileName)
{
    QFile file(QStringLiteral(BW_STUB_RESOURCES_DIR "/") + QLatin1String(fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

const SanctionsList &seeded()
{
    static const SanctionsList list(readSource("sanctions.json"));
    return list;
}

// A list of the given names, one entry each, ids san_t1, san_t2, ...
SanctionsList listOf(const QStringList &names)
{
    QJsonArray entries;
    for (qsizetype i = 0; i < names.size(); ++i) {
        entries.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("san_t%1").arg(i + 1)},
                                   {QStringLiteral("type"), QStringLiteral("person")},
                                   {QStringLiteral("name"), names[i]}});
    }
    return SanctionsList(QJsonDocument(QJsonObject{{QStringLiteral("entries"), entries}}).toJson());
}

// Under the sanitizers a screening that caps its input early takes well under 50 ms; one that normalizes
// or compares a whole megabyte takes seconds.
constexpr qint64 kFastMs = 1000;

} // namespace

class TestSanctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jaroWinklerPublishedValues_data();
    void jaroWinklerPublishedValues();
    void jaroWinklerCountsCodePoints();
    void normalization_data();
    void normalization();
    void normalizationCapsLength();
    void screening_data();
    void screening();
    void threshold();
    void tenLetterRuleAppliesToBothNames();
    void hostileInput_data();
    void hostileInput();
    void hugeInputIsFast_data();
    void hugeInputIsFast();
    void screeningManyNamesIsFast();
    void badListsFailClosed_data();
    void badListsFailClosed();
    void missingFileFailsClosed();
    void contractCodes();
    void seededListIsWellFormed();
    void seededBanksAreWellFormed();
    void compiledResourcesMatchSources();
};

void TestSanctions::jaroWinklerPublishedValues_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("thousandths");
    // Winkler (1990) and the usual textbook examples.
    QTest::newRow("MARTHA/MARHTA") << "MARTHA"
                                   << "MARHTA" << 961;
    QTest::newRow("DWAYNE/DUANE") << "DWAYNE"
                                  << "DUANE" << 840;
    QTest::newRow("DIXON/DICKSONX") << "DIXON"
                                    << "DICKSONX" << 813;
    QTest::newRow("JELLYFISH/SMELLYFISH") << "JELLYFISH"
                                          << "SMELLYFISH" << 896;
    QTest::newRow("identical") << "SIDOROV"
                               << "SIDOROV" << 1000;
    QTest::newRow("nothing in common") << "ABC"
                                       << "XYZ" << 0;
    QTest::newRow("both empty") << ""
                                << "" << 1000;
    QTest::newRow("one empty") << "ABC"
                               << "" << 0;
    QTest::newRow("one character") << "A"
                                   << "A" << 1000;
    // The match window is floor(8 / 2) - 1 = 3: an "A" 3 places away matches, 4 places away does not.
    QTest::newRow("inside the window") << "ABCDEFGH"
                                       << "XXXAXXXX" << 417;
    QTest::newRow("outside the window") << "ABCDEFGH"
                                        << "XXXXAXXX" << 0;
    QTest::newRow("odd length window") << "ABCDEFGHI"
                                       << "XXXAXXXXX" << 407;
    QTest::newRow("odd length outside") << "ABCDEFGHI"
                                        << "XXXXAXXXX" << 0;
}

void TestSanctions::jaroWinklerPublishedValues()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, thousandths);
    QCOMPARE(qRound(SanctionsList::jaroWinkler(a, b) * 1000), thousandths);
    QCOMPARE(qRound(SanctionsList::jaroWinkler(b, a) * 1000), thousandths);
    QCOMPARE(qRound(SanctionsList::jaroWinkler(std::u32string_view(U"MARTHA"), U"MARHTA") * 1000), 961);
}

void TestSanctions::jaroWinklerCountsCodePoints()
{
    // On UTF-16 units the two emoji would share their high surrogate: 6 units, 5 matches, a common prefix
    // of one unit, 0.900. On code points they differ: 5 characters, 4 matches, no prefix, 0.867.
    QCOMPARE(qRound(SanctionsList::jaroWinkler(u"😀abcd", u"😁abcd") * 1000), 867);
    QCOMPARE(SanctionsList::jaroWinkler(u"😀ab", u"😀ab"), 1.0);
}

void TestSanctions::normalization_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("diacritics") << "Sídorov"
                                << "sidorov";
    QTest::newRow("decomposed diacritic") << "Si\u0301dorov"
                                          << "sidorov";
    QTest::newRow("many diacritics") << "Rodrigo Valcárcel Ibáñez Öztürkoğlu"
                                     << "rodrigo valcarcel ibanez ozturkoglu";
    QTest::newRow("vietnamese") << "Nguyễn Văn Thạch"
                                << "nguyen van thach";
    QTest::newRow("full-width latin and space") << "ＩＶＡＮ\u3000Ｓｉｄｏｒｏｖ"
                                                << "ivan sidorov";
    QTest::newRow("ligature") << "Griﬃn"
                              << "griffin";
    QTest::newRow("punctuation") << "O'Brien, J. R. (Jr.)"
                                 << "obrien j r jr";
    QTest::newRow("hyphen") << "Desrosiers-Lefèvre"
                            << "desrosierslefevre";
    QTest::newRow("full-width punctuation") << "张三，李四。"
                                            << "张三李四";
    QTest::newRow("extra spaces") << "  Ivan \t\n Petrovich   Sidorov  "
                                  << "ivan petrovich sidorov";
    QTest::newRow("case") << "IVAN PeTrOvIcH"
                          << "ivan petrovich";
    QTest::newRow("chinese unchanged") << "远东黑鹰贸易集团"
                                       << "远东黑鹰贸易集团";
    QTest::newRow("traditional chinese stays traditional") << "遠東黑鷹"
                                                           << "遠東黑鷹";
    QTest::newRow("cyrillic") << "Иван Петрович Сидоров"
                              << "иван петрович сидоров";
    // Letters that are not a base letter plus a mark do not decompose, so they stay.
    QTest::newRow("stroked letters stay") << "Łęczycki Søren"
                                          << "łeczycki søren";
    QTest::newRow("rtl marks dropped") << withRtlMarks(QStringLiteral("Ivan")) << "ivan";
    QTest::newRow("nul dropped") << withNul(QStringLiteral("Iv"), QStringLiteral("an")) << "ivan";
    QTest::newRow("zero-width space and soft hyphen") << "Iv\u200Ba\u00ADn"
                                                      << "ivan";
    QTest::newRow("emoji kept") << "Ivan 😀"
                                << "ivan 😀";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("only punctuation") << " -.,!? "
                                      << "";
}

void TestSanctions::normalization()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QCOMPARE(SanctionsList::normalize(input), normalized);
}

void TestSanctions::normalizationCapsLength()
{
    const QString letters(300, u'a');
    QCOMPARE(SanctionsList::normalize(letters), QString(SanctionsList::kMaxCodePoints, u'a'));
    // Spaces are not counted towards the cap.
    QString words;
    for (int i = 0; i < 150; ++i) {
        words += QStringLiteral("ab ");
    }
    const QString normalized = SanctionsList::normalize(words);
    QCOMPARE(normalized.count(u' '), 99);
    QCOMPARE(normalized.size() - normalized.count(u' '), SanctionsList::kMaxCodePoints);
    // Astral characters count once each.
    const QString emoji = QStringLiteral("😀").repeated(300);
    QCOMPARE(SanctionsList::normalize(emoji).toUcs4().size(), SanctionsList::kMaxCodePoints);
}

void TestSanctions::screening_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ScreeningOutcome>("outcome");
    QTest::addColumn<QString>("entryId");
    const auto Match = ScreeningOutcome::Match;
    const auto Review = ScreeningOutcome::Review;
    const auto Clear = ScreeningOutcome::Clear;
    // The contract's published test names.
    QTest::newRow("published exact latin") << "Ivan Petrovich Sidorov" << Match << "san_0001";
    QTest::newRow("published exact chinese") << "远东黑鹰贸易集团" << Match << "san_0002";
    QTest::newRow("published similar") << "Ivan Petrovich Sidorow" << Review << "san_0001";
    // Equal after normalization.
    QTest::newRow("spaces and hyphen") << "ivan  petrovich-sidorov" << Match << "san_0001";
    QTest::newRow("case and diacritic") << "IVAN PETROVICH SÍDOROV" << Match << "san_0001";
    QTest::newRow("full-width") << "Ｉｖａｎ Ｐｅｔｒｏｖｉｃｈ Ｓｉｄｏｒｏｖ" << Match << "san_0001";
    QTest::newRow("no spaces") << "IvanPetrovichSidorov" << Match << "san_0001";
    QTest::newRow("cyrillic alias") << "иван петрович сидоров" << Match << "san_0001";
    QTest::newRow("chinese with spaces") << "远东 黑鹰 贸易 集团" << Match << "san_0002";
    QTest::newRow("chinese full-width punctuation") << "远东·黑鹰（贸易）集团" << Match << "san_0002";
    QTest::newRow("traditional alias") << "遠東黑鷹貿易集團" << Match << "san_0002";
    QTest::newRow("pinyin alias") << "yuandong heiying maoyi jituan" << Match << "san_0002";
    QTest::newRow("hangul") << "백석준" << Match << "san_0009";
    QTest::newRow("macron alias") << "Kirishima Soichiro" << Match << "san_0008";
    QTest::newRow("organisation with punctuation")
        << "Blue Lantern Maritime Holdings Ltd" << Match << "san_0028";
    // Similar, at least 10 letters on both sides.
    QTest::newRow("one letter off") << "Amaury Desrosiers Lefebre" << Review << "san_0011";
    QTest::newRow("dropped letter") << "Cornelius Abernathy Whitlok" << Review << "san_0016";
    QTest::newRow("long chinese one character off") << "南海星辰能源控股有限公寓" << Review << "san_0003";
    // Chinese names under 10 characters match only exactly: one different character passes.
    QTest::newRow("short chinese one character off") << "远东黑鹰贸易集囧" << Clear << "";
    QTest::newRow("short chinese one character missing") << "远东黑鹰贸易集" << Clear << "";
    QTest::newRow("short chinese person one off") << "李墨涵" << Clear << "";
    // Short names (under 10 letters) close to a listed short name pass.
    QTest::newRow("short name close") << "Ilya Volkk" << Clear << "";
    QTest::newRow("short name transposed") << "Ilya Vlok" << Clear << "";
    QTest::newRow("short name exact") << "ilya volk" << Match << "san_0027";
    // Unrelated.
    QTest::newRow("unrelated latin") << "Alexander Hamilton Jones" << Clear << "";
    QTest::newRow("unrelated chinese") << "张伟" << Clear << "";
    QTest::newRow("unrelated long chinese") << "北京市朝阳区某某科技有限公司" << Clear << "";
}

void TestSanctions::screening()
{
    QFETCH(QString, name);
    QFETCH(ScreeningOutcome, outcome);
    QFETCH(QString, entryId);
    const ScreeningResult result = seeded().screen(name);
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.entryId, entryId);
    switch (outcome) {
    case ScreeningOutcome::Match:
        QCOMPARE(result.score, 1.0);
        QVERIFY(!result.listedName.isEmpty());
        break;
    case ScreeningOutcome::Review:
        QVERIFY2(result.score >= SanctionsList::kReviewThreshold && result.score < 1.0,
                 qPrintable(QString::number(result.score)));
        QVERIFY(!result.listedName.isEmpty());
        break;
    case ScreeningOutcome::Clear:
        QVERIFY2(result.score < SanctionsList::kReviewThreshold, qPrintable(QString::number(result.score)));
        QVERIFY(result.listedName.isEmpty());
        break;
    }
}

void TestSanctions::threshold()
{
    const SanctionsList list = listOf({QStringLiteral("Margarethe Louisa Vandersteen")});
    // 0.9252: just under the threshold.
    const ScreeningResult below = list.screen(u"Margaret Louisa Vandersteen");
    QCOMPARE(below.outcome, ScreeningOutcome::Clear);
    QCOMPARE(qRound(below.score * 1000), 925);
    // 0.9357: just over.
    const ScreeningResult above = list.screen(u"Margarethe L. Vandersteen");
    QCOMPARE(above.outcome, ScreeningOutcome::Review);
    QCOMPARE(above.entryId, QStringLiteral("san_t1"));
    QCOMPARE(above.listedName, QStringLiteral("Margarethe Louisa Vandersteen"));
    QCOMPARE(qRound(above.score * 1000), 936);
    // The published pair: 20 letters, one different at the end, 0.980.
    QCOMPARE(qRound(seeded().screen(u"Ivan Petrovich Sidorow").score * 1000), 980);
}

void TestSanctions::tenLetterRuleAppliesToBothNames()
{
    // "ilyavolkova" (11 letters) against "ilyavolk" (8) scores 0.945, but the listed name is under 10
    // letters, so only an exact match counts.
    const SanctionsList shortListed = listOf({QStringLiteral("Ilya Volk")});
    QCOMPARE(shortListed.screen(u"Ilya Volkova").outcome, ScreeningOutcome::Clear);
    // The other way round: "ilyavolko" (9 letters) against "ilyavolkova" scores 0.964, but only an exact
    // match counts; one more letter and it is compared.
    const SanctionsList longListed = listOf({QStringLiteral("Ilya Volkova")});
    QCOMPARE(longListed.screen(u"Ilya Volko").outcome, ScreeningOutcome::Clear);
    QCOMPARE(longListed.screen(u"Ilya Volkov").outcome, ScreeningOutcome::Review);
    // Exactly 10 letters on both sides is enough.
    const SanctionsList ten = listOf({QStringLiteral("Abcde Fghij")});
    const ScreeningResult result = ten.screen(u"abcde fghik");
    QCOMPARE(result.outcome, ScreeningOutcome::Review);
    QCOMPARE(qRound(result.score * 1000), 960);
    QCOMPARE(ten.screen(u"abcd fghik").outcome, ScreeningOutcome::Clear); // 9 letters
}

void TestSanctions::hostileInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ScreeningOutcome>("outcome");
    QTest::newRow("empty") << QString() << ScreeningOutcome::Clear;
    QTest::newRow("whitespace only") << " \t\u3000\n " << ScreeningOutcome::Clear;
    QTest::newRow("punctuation only") << "-- .. !!" << ScreeningOutcome::Clear;
    QTest::newRow("nul only") << QString(3, QChar(u'\0')) << ScreeningOutcome::Clear;
    QTest::newRow("lone surrogate") << QString(QChar(char16_t(0xD800))) << ScreeningOutcome::Clear;
    // Invisible characters cannot hide a listed name.
    QTest::newRow("rtl marks around")
        << withRtlMarks(QStringLiteral("Ivan Petrovich Sidorov")) << ScreeningOutcome::Match;
    QTest::newRow("nul inside") << withNul(QStringLiteral("Ivan Petrovich"), QStringLiteral("Sidorov"))
                                << ScreeningOutcome::Match;
    QTest::newRow("zero-width space inside") << "Ivan Petro\u200Bvich Sidorov" << ScreeningOutcome::Match;
    QTest::newRow("soft hyphen inside chinese") << "远东黑鹰\u00AD贸易集团" << ScreeningOutcome::Match;
    QTest::newRow("bom and word joiner") << "\uFEFF远东黑鹰贸易\u2060集团" << ScreeningOutcome::Match;
    QTest::newRow("lone surrogate inside")
        << QStringLiteral("Ivan Petrovich ") + QChar(char16_t(0xDC00)) + QStringLiteral("Sidorov")
        << ScreeningOutcome::Match;
    // A visible symbol makes the name different, but still similar.
    QTest::newRow("emoji appended") << "Ivan Petrovich Sidorov 😀" << ScreeningOutcome::Review;
    QTest::newRow("emoji only") << "😀😀😀😀😀😀😀😀😀😀😀😀" << ScreeningOutcome::Clear;
    QTest::newRow("combining marks only") << QString(500, QChar(char16_t(0x0301))) << ScreeningOutcome::Clear;
}

void TestSanctions::hostileInput()
{
    QFETCH(QString, name);
    QFETCH(ScreeningOutcome, outcome);
    QCOMPARE(seeded().screen(name).outcome, outcome);
}

void TestSanctions::hugeInputIsFast_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ScreeningOutcome>("outcome");
    QTest::newRow("1 MB of letters") << megabyteOf(u'a') << ScreeningOutcome::Clear;
    QTest::newRow("1 MB of chinese") << megabyteOf(QChar(char16_t(0x9ED1))) << ScreeningOutcome::Clear;
    QTest::newRow("1 MB of emoji") << QStringLiteral("😀").repeated(512 * 1024) << ScreeningOutcome::Clear;
    // Everything here is dropped or collapsed, so the whole megabyte is normalized.
    QTest::newRow("1 MB of spaces") << megabyteOf(u' ') << ScreeningOutcome::Clear;
    QTest::newRow("1 MB of rtl marks") << megabyteOf(QChar(char16_t(0x200F))) << ScreeningOutcome::Clear;
    QTest::newRow("1 MB of combining marks")
        << megabyteOf(QChar(char16_t(0x0301))) << ScreeningOutcome::Clear;
    QTest::newRow("1 MB of nul") << megabyteOf(QChar(u'\0')) << ScreeningOutcome::Clear;
    QTest::newRow("name then 1 MB of spaces")
        << QStringLiteral("Ivan Petrovich Sidorov") + megabyteOf(u' ') << ScreeningOutcome::Match;
    QTest::newRow("1 MB of rtl marks then a name")
        << megabyteOf(QChar(char16_t(0x200F))) + QStringLiteral("远东黑鹰贸易集团")
        << ScreeningOutcome::Match;
    // Names past the cap are not looked at: the name validators refuse names over 100 characters first.
    QTest::newRow("name after the cap")
        << QString(SanctionsList::kMaxCodePoints, u'x') + QStringLiteral("Ivan Petrovich Sidorov")
        << ScreeningOutcome::Clear;
}

void TestSanctions::hugeInputIsFast()
{
    QFETCH(QString, name);
    QFETCH(ScreeningOutcome, outcome);
    const SanctionsList &list = seeded();
    ScreeningResult result;
    const qint64 ms = elapsedMs([&] { result = list.screen(name); });
    QCOMPARE(result.outcome, outcome);
    QVERIFY2(ms < kFastMs, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    const qint64 normalizeMs = elapsedMs([&] { SanctionsList::normalize(name); });
    QVERIFY2(normalizeMs < kFastMs, qPrintable(QStringLiteral("%1 ms").arg(normalizeMs)));
    qInfo("screen %lld ms, normalize %lld ms", ms, normalizeMs);
}

void TestSanctions::screeningManyNamesIsFast()
{
    // The fuzz test screens thousands of names; realistic names of fuzzy-matching length must be cheap.
    const SanctionsList &list = seeded();
    const QStringList names{QStringLiteral("Ivan Petrovich Sidorow"),
                            QStringLiteral("Alexander Hamilton Jones"),
                            QStringLiteral("南海星辰能源控股有限公寓"), QStringLiteral("Zhang Wei"),
                            QStringLiteral("Margarethe Louisa Vandersten")};
    int reviews = 0;
    const qint64 ms = elapsedMs([&] {
        for (int i = 0; i < 10000; ++i) {
            if (list.screen(names[i % names.size()]).outcome == ScreeningOutcome::Review) {
                ++reviews;
            }
        }
    });
    QCOMPARE(reviews, 6000);
    QVERIFY2(ms < 10 * kFastMs, qPrintable(QStringLiteral("10000 screenings took %1 ms").arg(ms)));
    qInfo("10000 screenings: %lld ms", ms);
}

void TestSanctions::badListsFailClosed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\"entries\": [") << "invalid JSON";
    QTest::newRow("empty") << QByteArray() << "invalid JSON";
    QTest::newRow("array") << QByteArray("[]") << "\"entries\" array";
    QTest::newRow("no entries") << QByteArray("{\"entries\": []}") << "no entries";
    QTest::newRow("bad id") << QByteArray(R"({"entries": [{"id": "x1", "type": "person", "name": "A B"}]})")
                            << "\"id\"";
    QTest::newRow("duplicate id") << QByteArray(
                                         R"({"entries": [{"id": "san_a", "type": "person", "name": "A"},
                                                            {"id": "san_a", "type": "person", "name": "B"}]})")
                                  << "duplicate id";
    QTest::newRow("bad type") << QByteArray(R"({"entries": [{"id": "san_a", "type": "ship", "name": "A"}]})")
                              << "\"type\"";
    QTest::newRow("empty name") << QByteArray(
                                       R"({"entries": [{"id": "san_a", "type": "person", "name": "--"}]})")
                                << "empty after normalization";
    QTest::newRow("name not a string")
        << QByteArray(R"({"entries": [{"id": "san_a", "type": "person", "name": 5}]})") << "\"name\" must be";
    QTest::newRow("aliases not an array")
        << QByteArray(R"({"entries": [{"id": "san_a", "type": "person", "name": "A", "aliases": "B"}]})")
        << "\"aliases\"";
    QTest::newRow("alias not a string")
        << QByteArray(R"({"entries": [{"id": "san_a", "type": "person", "name": "A", "aliases": [1]}]})")
        << "\"aliases\"";
    QTest::newRow("name too long") << QByteArray(
                                          R"({"entries": [{"id": "san_a", "type": "person", "name": ")") +
                                          QByteArray(201, 'a') + QByteArray(R"("}]})")
                                   << "longer than 200";
}

void TestSanctions::badListsFailClosed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sanctions list not loaded")));
    const SanctionsList list(json);
    QVERIFY(!list.isValid());
    QVERIFY2(list.errorString().contains(error), qPrintable(list.errorString()));
    QVERIFY(list.entries().empty());
    // Nobody passes unscreened: every name goes to review.
    QCOMPARE(list.screen(u"Zhang Wei").outcome, ScreeningOutcome::Review);
    QCOMPARE(list.screen(u"").outcome, ScreeningOutcome::Review);
}

void TestSanctions::missingFileFailsClosed()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sanctions list not loaded")));
    const SanctionsList list = SanctionsList::fromFile(QStringLiteral("/nonexistent/sanctions.json"));
    QVERIFY(!list.isValid());
    QVERIFY(list.errorString().contains(QStringLiteral("cannot open")));
    QCOMPARE(list.screen(u"Zhang Wei").outcome, ScreeningOutcome::Review);
}

void TestSanctions::contractCodes()
{
    QCOMPARE(bw::stub::screeningCode(ScreeningOutcome::Match), QStringLiteral("sanctions_match"));
    QCOMPARE(bw::stub::screeningCode(ScreeningOutcome::Review), QStringLiteral("sanctions_review"));
    QVERIFY(bw::stub::screeningCode(ScreeningOutcome::Clear).isEmpty());
}

void TestSanctions::seededListIsWellFormed()
{
    const SanctionsList &list = seeded();
    QVERIFY2(list.isValid(), qPrintable(list.errorString()));
    QVERIFY(list.entries().size() >= 30);
    const QRegularExpression han(QStringLiteral("\\p{Han}"));
    const QRegularExpression latin(QStringLiteral("^[\\p{Latin}\\s\\p{P}&]+$"));
    int persons = 0;
    int organisations = 0;
    int chinese = 0;
    int latinNames = 0;
    for (const auto &entry : list.entries()) {
        persons += entry.type == u"person";
        organisations += entry.type == u"organisation";
        chinese += han.match(entry.name).hasMatch();
        latinNames += latin.match(entry.name).hasMatch();
        // Every listed name and alias is rejected as written and names its own entry (an alias that
        // normalizes like an earlier name, "Sōichirō" and "Soichiro", reports the earlier one).
        QStringList names{entry.name};
        names += entry.aliases;
        for (const QString &name : names) {
            const ScreeningResult result = list.screen(name);
            QCOMPARE(result.outcome, ScreeningOutcome::Match);
            QCOMPARE(result.entryId, entry.id);
            QCOMPARE(SanctionsList::normalize(result.listedName), SanctionsList::normalize(name));
        }
    }
    QVERIFY(persons >= 10);
    QVERIFY(organisations >= 10);
    QVERIFY(chinese >= 5);
    QVERIFY(latinNames >= 20);
}

void TestSanctions::seededBanksAreWellFormed()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readSource("banks.json"), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    // The file is the body of GET /v1/banks as the contract gives it.
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().keys(), QStringList{QStringLiteral("data")});
    const QJsonArray banks = doc.object().value(u"data").toArray();
    QVERIFY(banks.size() >= 8);
    const QRegularExpression idPattern(QStringLiteral("^bnk_[a-z0-9_]+$"));
    const QRegularExpression country(QStringLiteral("^[A-Z]{2}$"));
    const QRegularExpression han(QStringLiteral("\\p{Han}"));
    QSet<QString> ids;
    int unsupported = 0;
    int chineseBanks = 0;
    for (const QJsonValue value : banks) {
        const QJsonObject bank = value.toObject();
        QStringList keys = bank.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("country"), QStringLiteral("id"), QStringLiteral("name"),
                                    QStringLiteral("name_zh"), QStringLiteral("wallet_supported")}));
        const QString id = bank.value(u"id").toString();
        QVERIFY2(idPattern.match(id).hasMatch(), qPrintable(id));
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
        QVERIFY(!bank.value(u"name").toString().isEmpty());
        QVERIFY(han.match(bank.value(u"name_zh").toString()).hasMatch());
        QVERIFY(country.match(bank.value(u"country").toString()).hasMatch());
        QVERIFY(bank.value(u"wallet_supported").isBool());
        unsupported += !bank.value(u"wallet_supported").toBool();
        chineseBanks += bank.value(u"country").toString() == u"CN";
    }
    QVERIFY(unsupported >= 2);
    QVERIFY(unsupported < banks.size() - 3);
    QVERIFY(chineseBanks >= 3);
    QVERIFY(chineseBanks < banks.size());
}

void TestSanctions::compiledResourcesMatchSources()
{
    // bw_stub compiles resources/stub in under :/stub; the server and its default SanctionsList use that.
    for (const char *name : {"sanctions.json", "banks.json"}) {
        QFile compiled(QStringLiteral(":/stub/") + QLatin1String(name));
        QVERIFY2(compiled.open(QIODevice::ReadOnly), qPrintable(compiled.fileName()));
        QCOMPARE(compiled.readAll(), readSource(name));
    }
    const SanctionsList list;
    QVERIFY2(list.isValid(), qPrintable(list.errorString()));
    QCOMPARE(list.entries().size(), seeded().entries().size());
    QCOMPARE(list.screen(u"Ivan Petrovich Sidorov").outcome, ScreeningOutcome::Match);
}

QTEST_GUILESS_MAIN(TestSanctions)
#include "test_sanctions.moc"
