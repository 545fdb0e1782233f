#include "core/csv.h"

#include <QStringDecoder>

#include <optional>

namespace bw::core {

namespace {

bool needsQuotes(QStringView field)
{
    for (const QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r') ||
            c == QLatin1Char('\n'))
            return true;
    }
    return false;
}

} // namespace

QByteArray csvByteOrderMark()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

QString csvGuardFormula(QStringView text)
{
    if (text.isEmpty())
        return QString();
    const QChar first = text.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + text.toString();
    return text.toString();
}

QString csvQuote(QStringView field)
{
    if (!needsQuotes(field))
        return field.toString();
    QString out;
    out.reserve(field.size() + 8);
    out += QLatin1Char('"');
    for (const QChar c : field) {
        if (c == QLatin1Char('"'))
            out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QByteArray csvRecord(const QVector<CsvField> &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        const CsvField &field = fields.at(i);
        line +=
            csvQuote(field.isNumber ? QStringView(field.value) : QStringView(csvGuardFormula(field.value)));
    }
    line += QLatin1String("\r\n");
    return line.toUtf8();
}

QByteArray csvRecord(std::initializer_list<CsvField> fields)
{
    return csvRecord(QVector<CsvField>(fields));
}

QByteArray csvTextRecord(const QStringList &fields)
{
    QVector<CsvField> list;
    list.reserve(fields.size());
    for (const QString &field : fields)
        list.append(CsvField::text(field));
    return csvRecord(list);
}

QString csvErrorCode(CsvErrorCode code)
{
    switch (code) {
    case CsvErrorCode::None:
        return QString();
    case CsvErrorCode::InvalidUtf8:
        return QStringLiteral("invalid_utf8");
    case CsvErrorCode::BareLineBreak:
        return QStringLiteral("bare_line_break");
    case CsvErrorCode::QuoteInUnquotedField:
        return QStringLiteral("quote_in_unquoted_field");
    case CsvErrorCode::TextAfterClosingQuote:
        return QStringLiteral("text_after_closing_quote");
    case CsvErrorCode::UnterminatedQuote:
        return QStringLiteral("unterminated_quote");
    case CsvErrorCode::FieldCountMismatch:
        return QStringLiteral("field_count_mismatch");
    }
    return QStringLiteral("unknown");
}

QString CsvError::summary() const
{
    return QStringLiteral("%1 at record %2 (byte %3)").arg(csvErrorCode(code)).arg(record).arg(byteOffset);
}

CsvResult parseCsv(QByteArrayView data)
{
    CsvTable table;
    const QByteArray bom = csvByteOrderMark();
    if (data.startsWith(QByteArrayView(bom))) {
        table.hadByteOrderMark = true;
        data = data.sliced(bom.size());
    }
    // The structural characters are ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte sequence,
    // so the bytes can be split first and each field decoded on its own.
    const auto fail = [&](CsvErrorCode code, qsizetype offset) {
        return CsvResult(CsvError{code, qint64(table.records.size()), qint64(offset)});
    };
    const auto decode = [](QByteArrayView bytes, bool *ok) {
        // ConvertInitialBom: a U+FEFF at the start of a FIELD is data (only the file's first one is a mark).
        QStringDecoder decoder(QStringDecoder::Utf8,
                               QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
        QString text = decoder.decode(bytes);
        *ok = !decoder.hasError();
        return text;
    };

    const qsizetype n = data.size();
    if (n == 0)
        return table;
    QStringList record;
    QByteArray field;
    qsizetype fieldStart = 0;
    qsizetype i = 0;
    const auto endField = [&](qsizetype offset) -> std::optional<CsvResult> {
        bool ok = true;
        record.append(decode(field, &ok));
        field.clear();
        if (!ok)
            return fail(CsvErrorCode::InvalidUtf8, offset);
        return std::nullopt;
    };
    const auto endRecord = [&](qsizetype offset) -> std::optional<CsvResult> {
        if (!table.records.isEmpty() && record.size() != table.records.front().size())
            return fail(CsvErrorCode::FieldCountMismatch, offset);
        table.records.append(record);
        record.clear();
        return std::nullopt;
    };

    while (true) {
        // At the start of a field.
        fieldStart = i;
        if (i < n && data[i] == '"') {
            ++i;
            while (true) {
                if (i >= n)
                    return fail(CsvErrorCode::UnterminatedQuote, fieldStart);
                const char c = data[i];
                if (c == '"') {
                    if (i + 1 < n && data[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i; // the closing quote
                    break;
                }
                field += c;
                ++i;
            }
            if (i < n && data[i] != ',' && data[i] != '\r')
                return fail(CsvErrorCode::TextAfterClosingQuote, i);
        } else {
            while (i < n && data[i] != ',' && data[i] != '\r') {
                const char c = data[i];
                if (c == '"')
                    return fail(CsvErrorCode::QuoteInUnquotedField, i);
                if (c == '\n')
                    return fail(CsvErrorCode::BareLineBreak, i);
                field += c;
                ++i;
            }
        }
        if (auto error = endField(fieldStart))
            return *error;
        if (i >= n) { // the last record, without a CRLF
            if (auto error = endRecord(i))
                return *error;
            return table;
        }
        if (data[i] == ',') {
            ++i;
            continue;
        }
        // data[i] == '\r'
        if (i + 1 >= n || data[i + 1] != '\n')
            return fail(CsvErrorCode::BareLineBreak, i);
        i += 2;
        if (auto error = endRecord(i))
            return *error;
        if (i >= n)
            return table;
    }
}

} // namespace bw::core
