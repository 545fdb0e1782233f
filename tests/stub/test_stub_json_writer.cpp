// JsonWriter (json_fields.h), the stub's direct JSON text writer for the payment path's answers: its
// output parses back to the same values, and reads the same as QJsonDocument's compact text for the same
// object — strings with quotes, backslashes, every control character, non-ASCII text and emoji included.
#include "stub/json_fields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bw::stub;

class TestStubJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQtForTheSameObject()
    {
        QString awkward = QStringLiteral("quote \" backslash \\ slash / 星巴克 🙂 ");
        for (char16_t c = 0; c < 0x20; ++c)
            awkward += QChar(c);
        awkward += QChar(0x7f);

        JsonWriter json;
        json.beginObject()
            .key(QLatin1StringView("amount"))
            .money(-123456789012345, u"CNY")
            .key(QLatin1StringView("empty"))
            .beginArray()
            .endArray()
            .key(QLatin1StringView("flags"))
            .beginArray()
            .boolean(true)
            .boolean(false)
            .null()
            .integer(0)
            .endArray()
            .key(QLatin1StringView("nested"))
            .beginObject()
            .key(QLatin1StringView("raw"))
            .raw("{\"a\":[1,2]}")
            .endObject()
            .key(QLatin1StringView("text"))
            .string(awkward)
            .endObject();
        const QByteArray written = json.take();

        const QJsonObject expected{
            {QStringLiteral("amount"), QJsonObject{{QStringLiteral("amount"), qint64(-123456789012345)},
                                                   {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("empty"), QJsonArray()},
            {QStringLiteral("flags"), QJsonArray{true, false, QJsonValue(), 0}},
            {QStringLiteral("nested"),
             QJsonObject{{QStringLiteral("raw"), QJsonObject{{QStringLiteral("a"), QJsonArray{1, 2}}}}}},
            {QStringLiteral("text"), awkward},
        };
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(written, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.object(), expected);
        QCOMPARE(written, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void takeLeavesAnEmptyWriter()
    {
        JsonWriter json;
        json.beginArray().integer(1).endArray();
        QCOMPARE(json.take(), QByteArray("[1]"));
        json.beginObject().endObject();
        QCOMPARE(json.take(), QByteArray("{}"));
    }
};

QTEST_GUILESS_MAIN(TestStubJsonWriter)
#include "test_stub_json_writer.moc"
