// Unit tests for bw::core's CSV writer and strict reader: RFC 4180's own examples (section 2), quoting,
// the formula-injection guard (text only, never numbers), byte-order mark, hostile fields written and read
// back unchanged, and every way a text can break the grammar.

#include "core/csv.h"

#include <QTest>

using namespace bw::core;

Q_DECLARE_METATYPE(bw::core::CsvErrorCode)

namespace {

using Records = QVector<QStringList>;

Records parsed(const QByteArray &data)
{
    const CsvResult result = parseCsv(data);
    if (!result.ok()) {
        qWarning("parse failed: %s", qPrintable(result.error().summary()));
        return {};
    }
    return result->records;
}

// The guard as the test understands it (written independently of csvGuardFormula).
QString expectedGuarded(const QString &text)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    return !text.isEmpty() && triggers.contains(text.front()) ? QStringLiteral("'") + text : text;
}

const QStringList &hostileFields()
{
    static const QStringList fields = {
        QString(),
        QStringLiteral(" "),
        QStringLiteral(" leading and trailing "),
        QStringLiteral(","),
        QStringLiteral(",,,"),
        QStringLiteral("\""),
        QStringLiteral("\"\""),
        QStringLiteral("say \"hi\", then leave"),
        QStringLiteral("line1\nline2"),
        QStringLiteral("line1\r\nline2"),
        QStringLiteral("lone\rcarriage return"),
        QStringLiteral("\r\n"),
        QStringLiteral("\n"),
        QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")"),
        QStringLiteral("=1+2"),
        QStringLiteral("+1"),
        QStringLiteral("-2+3"),
        QStringLiteral("@SUM(A1:A2)"),
        QStringLiteral("\t=cmd"),
        QStringLiteral("\r=cmd"),
        QStringLiteral("'already quoted"),
        QStringLiteral("a=b"),
        QStringLiteral("瑞幸咖啡 (国贸店)"),
        QStringLiteral("咖啡,店\"\r\n"),
        QStringLiteral("emoji 😀 and ＝full-width"),
        QStringLiteral("tab\tinside"),
        QString(QChar(0)) + QStringLiteral("nul first"),
        QStringLiteral("semi;colon|pipe"),
        QStringLiteral("\uFEFFzero-width no-break space first"),
    };
    return fields;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcExample1_recordsEndInCrlf()
    {
        QCOMPARE(parsed("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n"),
                 (Records{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
    }
    void rfcExample2_lastRecordWithoutCrlf()
    {
        QCOMPARE(parsed("aaa,bbb,ccc\r\nzzz,yyy,xxx"),
                 (Records{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
    }
    void rfcExample3_header()
    {
        QCOMPARE(parsed("field_name,field_name,field_name\r\naaa,bbb,ccc\r\nzzz,yyy,xxx\r\n"),
                 (Records{{"field_name", "field_name", "field_name"},
                          {"aaa", "bbb", "ccc"},
                          {"zzz", "yyy", "xxx"}}));
    }
    void rfcExample4_quotedFields()
    {
        QCOMPARE(parsed("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,yyy,xxx"),
                 (Records{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
    }
    void rfcExample5_lineBreakInQuotes()
    {
        QCOMPARE(parsed("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx"),
                 (Records{{"aaa", "b\r\nbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
    }
    void rfcExample6_doubledQuote()
    {
        QCOMPARE(parsed("\"aaa\",\"b\"\"bb\",\"ccc\""), (Records{{"aaa", "b\"bb", "ccc"}}));
    }
    void rfcSpacesArePartOfAField() { QCOMPARE(parsed("aaa, bbb ,ccc"), (Records{{"aaa", " bbb ", "ccc"}})); }
    void emptyFieldsAndRecords()
    {
        QCOMPARE(parsed(""), Records{});
        QCOMPARE(parsed("\r\n"), (Records{{""}}));
        QCOMPARE(parsed("a,\r\n,b\r\n"), (Records{{"a", ""}, {"", "b"}}));
        QCOMPARE(parsed("\"\",\"\""), (Records{{"", ""}}));
    }

    void writerQuotesOnlyWhenNeeded()
    {
        QCOMPARE(csvQuote(u"plain"), QStringLiteral("plain"));
        QCOMPARE(csvQuote(u""), QString());
        QCOMPARE(csvQuote(u" spaced "), QStringLiteral(" spaced "));
        QCOMPARE(csvQuote(u"a,b"), QStringLiteral("\"a,b\""));
        QCOMPARE(csvQuote(u"say \"hi\""), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvQuote(u"a\nb"), QStringLiteral("\"a\nb\""));
        QCOMPARE(csvQuote(u"a\rb"), QStringLiteral("\"a\rb\""));
        QCOMPARE(csvQuote(u"\""), QStringLiteral("\"\"\"\""));
    }

    void writerRecordBytes()
    {
        QCOMPARE(csvRecord({CsvField::text(QStringLiteral("aaa")), CsvField::text(QStringLiteral("b\"bb")),
                            CsvField::number(QStringLiteral("-12.50"))}),
                 QByteArray("aaa,\"b\"\"bb\",-12.50\r\n"));
        // UTF-8, not Latin-1 or the locale's encoding.
        QCOMPARE(csvRecord({CsvField::text(QStringLiteral("咖啡"))}),
                 QByteArray("\xE5\x92\x96\xE5\x95\xA1\r\n"));
        QCOMPARE(csvTextRecord({QStringLiteral("Date"), QStringLiteral("Amount, CNY")}),
                 QByteArray("Date,\"Amount, CNY\"\r\n"));
        QCOMPARE(csvRecord(QVector<CsvField>{}), QByteArray("\r\n"));
    }

    void formulaGuardOnText()
    {
        QCOMPARE(csvGuardFormula(u"=1+2"), QStringLiteral("'=1+2"));
        QCOMPARE(csvGuardFormula(u"+86 138"), QStringLiteral("'+86 138"));
        QCOMPARE(csvGuardFormula(u"-12.50"), QStringLiteral("'-12.50"));
        QCOMPARE(csvGuardFormula(u"@SUM(A1)"), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvGuardFormula(u"\tx"), QStringLiteral("'\tx"));
        QCOMPARE(csvGuardFormula(u"\rx"), QStringLiteral("'\rx"));
        QCOMPARE(csvGuardFormula(u"a=b"), QStringLiteral("a=b"));
        QCOMPARE(csvGuardFormula(u" =1"), QStringLiteral(" =1"));
        QCOMPARE(csvGuardFormula(u"'=1"), QStringLiteral("'=1"));
        QCOMPARE(csvGuardFormula(u""), QString());
        QCOMPARE(csvGuardFormula(u"咖啡"), QStringLiteral("咖啡"));
    }

    void numbersAreNotGuarded()
    {
        QCOMPARE(
            csvRecord({CsvField::number(QStringLiteral("-12.50")), CsvField::number(QStringLiteral("+3"))}),
            QByteArray("-12.50,+3\r\n"));
        QCOMPARE(csvRecord({CsvField::text(QStringLiteral("-12.50"))}), QByteArray("'-12.50\r\n"));
        // A guarded field that also needs quotes: guard first, then quote.
        QCOMPARE(csvRecord({CsvField::text(QStringLiteral("=A1,\"x\""))}),
                 QByteArray("\"'=A1,\"\"x\"\"\"\r\n"));
        QCOMPARE(csvRecord({CsvField::text(QStringLiteral("\r\n=x"))}), QByteArray("\"'\r\n=x\"\r\n"));
    }

    void hostileFieldsRoundTrip()
    {
        const QStringList &fields = hostileFields();
        QVector<CsvField> asNumbers;
        QVector<CsvField> asText;
        QStringList guarded;
        for (const QString &field : fields) {
            asNumbers.append(CsvField::number(field));
            asText.append(CsvField::text(field));
            guarded.append(expectedGuarded(field));
        }
        // Several records, so that field and record boundaries are both exercised.
        const QByteArray data = csvRecord(asNumbers) + csvRecord(asText) + csvRecord(asNumbers);
        const CsvResult result = parseCsv(data);
        QVERIFY2(result.ok(), qPrintable(result.error().summary()));
        QCOMPARE(result->records.size(), 3);
        QCOMPARE(result->records.at(0), fields);
        QCOMPARE(result->records.at(1), guarded);
        QCOMPARE(result->records.at(2), fields);
        QVERIFY(!result->hadByteOrderMark);
    }

    void eachHostileFieldAlone()
    {
        for (const QString &field : hostileFields()) {
            // With a mark: without one, a first field starting with U+FEFF would read as the mark.
            const QByteArray data = csvByteOrderMark() + csvRecord({CsvField::number(field)});
            const CsvResult result = parseCsv(data);
            QVERIFY2(result.ok(), qPrintable(field + QLatin1Char(' ') + result.error().summary()));
            QCOMPARE(result->records, (Records{{field}}));
        }
    }

    void byteOrderMark()
    {
        QCOMPARE(csvByteOrderMark(), QByteArray("\xEF\xBB\xBF"));
        const CsvResult with =
            parseCsv(csvByteOrderMark() + csvTextRecord({QStringLiteral("日期"), QStringLiteral("b")}));
        QVERIFY(with.ok());
        QVERIFY(with->hadByteOrderMark);
        QCOMPARE(with->records, (Records{{QStringLiteral("日期"), "b"}}));
        const CsvResult without = parseCsv(csvTextRecord({QStringLiteral("日期")}));
        QVERIFY(without.ok());
        QVERIFY(!without->hadByteOrderMark);
        // A second mark is data, not a mark.
        const CsvResult twice = parseCsv(csvByteOrderMark() + csvByteOrderMark() + "x");
        QVERIFY(twice.ok());
        QCOMPARE(twice->records, (Records{{QStringLiteral("\uFEFFx")}}));
    }

    void strictErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::addColumn<qint64>("record");
        QTest::newRow("bare LF") << QByteArray("a,b\nc,d") << CsvErrorCode::BareLineBreak << qint64(0);
        QTest::newRow("bare CR") << QByteArray("a,b\rc,d") << CsvErrorCode::BareLineBreak << qint64(0);
        QTest::newRow("CR at end") << QByteArray("a,b\r") << CsvErrorCode::BareLineBreak << qint64(0);
        QTest::newRow("LF later") << QByteArray("a\r\nb\n") << CsvErrorCode::BareLineBreak << qint64(1);
        QTest::newRow("quote inside")
            << QByteArray("a\"b") << CsvErrorCode::QuoteInUnquotedField << qint64(0);
        QTest::newRow("quote at end")
            << QByteArray("ab\"") << CsvErrorCode::QuoteInUnquotedField << qint64(0);
        QTest::newRow("text after quote")
            << QByteArray("\"a\"b") << CsvErrorCode::TextAfterClosingQuote << qint64(0);
        QTest::newRow("space after quote")
            << QByteArray("\"a\" ,b") << CsvErrorCode::TextAfterClosingQuote << qint64(0);
        QTest::newRow("LF after quote")
            << QByteArray("\"a\"\nb") << CsvErrorCode::TextAfterClosingQuote << qint64(0);
        QTest::newRow("unterminated") << QByteArray("a,\"bc") << CsvErrorCode::UnterminatedQuote << qint64(0);
        QTest::newRow("unterminated doubled")
            << QByteArray("\"a\"\"") << CsvErrorCode::UnterminatedQuote << qint64(0);
        QTest::newRow("fewer fields")
            << QByteArray("a,b\r\nc\r\n") << CsvErrorCode::FieldCountMismatch << qint64(1);
        QTest::newRow("more fields") << QByteArray("a\r\nb\r\nc,d") << CsvErrorCode::FieldCountMismatch
                                     << qint64(2);
        QTest::newRow("invalid utf-8") << QByteArray("ok,\xFF\xFE") << CsvErrorCode::InvalidUtf8 << qint64(0);
        QTest::newRow("truncated utf-8")
            << QByteArray("\"\xE5\x92\"") << CsvErrorCode::InvalidUtf8 << qint64(0);
        QTest::newRow("overlong utf-8") << QByteArray("\xC0\xAF") << CsvErrorCode::InvalidUtf8 << qint64(0);
    }
    void strictErrors()
    {
        QFETCH(QByteArray, data);
        QFETCH(CsvErrorCode, code);
        QFETCH(qint64, record);
        const CsvResult result = parseCsv(data);
        QVERIFY(!result.ok());
        QCOMPARE(csvErrorCode(result.error().code), csvErrorCode(code));
        QCOMPARE(result.error().record, record);
        QVERIFY(!result.error().summary().isEmpty());
    }

    void largeRoundTrip()
    {
        // Many records with every hostile field: the reader keeps every boundary exactly.
        QByteArray data;
        Records expected;
        for (int i = 0; i < 2000; ++i) {
            const QString a = hostileFields().at(i % hostileFields().size());
            const QString b = QString::number(-i) + QStringLiteral(".0") + QString::number(i % 10);
            data += csvRecord({CsvField::number(a), CsvField::number(b), CsvField::text(b)});
            expected.append({a, b, expectedGuarded(b)});
        }
        QCOMPARE(parsed(data), expected);
    }
};

QTEST_APPLESS_MAIN(TestCsv)
#include "test_csv.moc"
