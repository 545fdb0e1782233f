// JsonFields: validation helpers for request bodies that name the offending field in `param`, as the
// contract's error rules say:
// - a field that is absent (or JSON null) → 400 parameter_missing;
// - a field of the wrong JSON type or shape → 422 parameter_invalid;
// - a field present but empty or malformed → that field's own code, which the route passes (e.g.
//   invalid_phone): requireString() returns "" for an empty string so the route's own validator decides.
// Each helper throws ApiError (see gateway_server.h); a handler reads its fields top to bottom and the
// first failure wins. Nested fields are named with dots ("amount.currency").
#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

namespace bw::stub {

class JsonFields
{
public:
    explicit JsonFields(const QJsonObject &object, QString prefix = {});

    bool has(const QString &name) const; // present and not null

    // Strings.
    QString requireString(const QString &name) const;
    std::optional<QString> optionalString(const QString &name) const;
    // One of the allowed values, else parameter_invalid.
    QString requireEnum(const QString &name, const QStringList &allowed) const;

    // Integers: a JSON number that is an exact integer within ±9×10^15 (floats, strings → parameter_invalid).
    qint64 requireInteger(const QString &name) const;
    std::optional<qint64> optionalInteger(const QString &name) const;

    bool requireBool(const QString &name) const;
    QJsonObject requireObject(const QString &name) const;

    // A money object {"amount": int, "currency": "CNY"}: amount an integer within ±9×10^15 minor units
    // (a float, a string or beyond the bound → parameter_invalid, param "<name>.amount"), currency a known
    // upper-case ISO 4217 code (else parameter_invalid, param "<name>.currency"). Extra keys are ignored.
    core::Money requireMoney(const QString &name) const;

    // The dotted name used in `param`.
    QString qualified(const QString &name) const;

private:
    QJsonObject m_object;
    QString m_prefix;
};

// Reads a JSON value as an integer the gateway accepts: a number with no fraction within ±9×10^15.
// nullopt for anything else (so 1.5, 1e300, "12" and true are all refused). 12.0 reads as 12: Qt's parser,
// like JSON's data model, keeps no difference between them.
std::optional<qint64> jsonInteger(const QJsonValue &value);

// JsonWriter: compact JSON text written directly, for the answers on the payment path (quote, payment),
// where building a QJsonObject and serializing it cost more than the SQL behind them (callgrind,
// bench_gateway). The caller writes keys in order (sorted, like QJsonDocument, so both kinds of answer
// look alike); strings are escaped as RFC 8259 requires (", \, control characters), the rest is UTF-8.
//   JsonWriter w; w.beginObject().key("id").string(id).key("amount").integer(5).endObject(); w.take();
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QLatin1StringView name);
    JsonWriter &string(QStringView value);
    JsonWriter &integer(qint64 value);
    JsonWriter &boolean(bool value);
    JsonWriter &null();
    // Text that is already JSON (a compact column written by QJsonDocument), inserted as it is.
    JsonWriter &raw(QByteArrayView json);
    // {"amount": minorUnits, "currency": currency}
    JsonWriter &money(qint64 minorUnits, QStringView currency);
    // The text so far; the writer starts over empty.
    QByteArray take()
    {
        m_first = true;
        m_afterKey = false;
        return std::exchange(m_out, {});
    }

private:
    void separate();
    QByteArray m_out;
    bool m_first = true;     // nothing written yet in the current object or array
    bool m_afterKey = false; // a key was written: its value follows without a comma
};

// The money object as the contract writes it.
QJsonObject moneyJson(const core::Money &money);
QJsonObject moneyJson(qint64 minorUnits, const QString &currency = QStringLiteral("CNY"));

} // namespace bw::stub
