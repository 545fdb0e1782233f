#include "stub/json_fields.h"

#include "stub/api_error.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>
#include <utility>

namespace bw::stub {

JsonFields::JsonFields(const QJsonObject &object, QString prefix)
    : m_object(object)
    , m_prefix(std::move(prefix))
{}

QString JsonFields::qualified(const QString &name) const
{
    return m_prefix.isEmpty() ? name : m_prefix + QLatin1Char('.') + name;
}

bool JsonFields::has(const QString &name) const
{
    const QJsonValue value = m_object.value(name);
    return !value.isUndefined() && !value.isNull();
}

QString JsonFields::requireString(const QString &name) const
{
    if (!has(name))
        throw ApiError::parameterMissing(qualified(name));
    const QJsonValue value = m_object.value(name);
    if (!value.isString())
        throw ApiError::parameterInvalid(qualified(name),
                                         QStringLiteral("%1 must be a string.").arg(qualified(name)));
    return value.toString();
}

std::optional<QString> JsonFields::optionalString(const QString &name) const
{
    if (!has(name))
        return std::nullopt;
    return requireString(name);
}

QString JsonFields::requireEnum(const QString &name, const QStringList &allowed) const
{
    const QString value = requireString(name);
    if (!allowed.contains(value))
        throw ApiError::parameterInvalid(qualified(name),
                                         QStringLiteral("%1 must be one of: %2.")
                                             .arg(qualified(name), allowed.join(QStringLiteral(", "))));
    return value;
}

std::optional<qint64> jsonInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    // QJsonValue keeps integral numbers that fit in int64 exactly and everything else as a double: refuse
    // numbers whose variant is not an integer (1.5, 1e300).
    const QVariant variant = value.toVariant();
    if (variant.typeId() != QMetaType::LongLong && variant.typeId() != QMetaType::Int)
        return std::nullopt;
    const qint64 number = variant.toLongLong();
    if (number > core::Money::kMaxAbsGatewayMinorUnits || number < -core::Money::kMaxAbsGatewayMinorUnits)
        return std::nullopt;
    return number;
}

qint64 JsonFields::requireInteger(const QString &name) const
{
    if (!has(name))
        throw ApiError::parameterMissing(qualified(name));
    const std::optional<qint64> number = jsonInteger(m_object.value(name));
    if (!number)
        throw ApiError::parameterInvalid(qualified(name),
                                         QStringLiteral("%1 must be an integer.").arg(qualified(name)));
    return *number;
}

std::optional<qint64> JsonFields::optionalInteger(const QString &name) const
{
    if (!has(name))
        return std::nullopt;
    return requireInteger(name);
}

bool JsonFields::requireBool(const QString &name) const
{
    if (!has(name))
        throw ApiError::parameterMissing(qualified(name));
    const QJsonValue value = m_object.value(name);
    if (!value.isBool())
        throw ApiError::parameterInvalid(qualified(name),
                                         QStringLiteral("%1 must be true or false.").arg(qualified(name)));
    return value.toBool();
}

QJsonObject JsonFields::requireObject(const QString &name) const
{
    if (!has(name))
        throw ApiError::parameterMissing(qualified(name));
    const QJsonValue value = m_object.value(name);
    if (!value.isObject())
        throw ApiError::parameterInvalid(qualified(name),
                                         QStringLiteral("%1 must be an object.").arg(qualified(name)));
    return value.toObject();
}

core::Money JsonFields::requireMoney(const QString &name) const
{
    const JsonFields money(requireObject(name), qualified(name));
    const qint64 amount = money.requireInteger(QStringLiteral("amount"));
    const QString code = money.requireString(QStringLiteral("currency"));
    const std::optional<core::Currency> currency = core::Currency::fromCode(code);
    if (!currency)
        throw ApiError::parameterInvalid(money.qualified(QStringLiteral("currency")),
                                         QStringLiteral("Unknown currency."));
    return core::Money(amount, *currency);
}

QJsonObject moneyJson(const core::Money &money)
{
    return moneyJson(money.minorUnits(), money.currency().code());
}

QJsonObject moneyJson(qint64 minorUnits, const QString &currency)
{
    return QJsonObject{{QStringLiteral("amount"), minorUnits}, {QStringLiteral("currency"), currency}};
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out += ',';
    m_first = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out += '"';
    m_out += QByteArrayView(name.data(), name.size());
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(QStringView value)
{
    separate();
    static constexpr char kHex[] = "0123456789abcdef";
    m_out += '"';
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                m_out += "\\u00";
                m_out += kHex[static_cast<unsigned char>(c) >> 4];
                m_out += kHex[static_cast<unsigned char>(c) & 0xf];
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
    return *this;
}

JsonWriter &JsonWriter::integer(qint64 value)
{
    separate();
    m_out += QByteArray::number(value);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out += json;
    return *this;
}

JsonWriter &JsonWriter::money(qint64 minorUnits, QStringView currency)
{
    return beginObject()
        .key(QLatin1StringView("amount"))
        .integer(minorUnits)
        .key(QLatin1StringView("currency"))
        .string(currency)
        .endObject();
}

} // namespace bw::stub
