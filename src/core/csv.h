// API-READY
// Csv: RFC 4180 comma-separated values, written and read back strictly. The writer is what the history
// export uses; the parser is for tests and for anyone who reads such a file again.
//
// Writing: records end in CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double
// quotes with every quote doubled; the bytes are UTF-8, optionally after a UTF-8 byte-order mark (spreadsheet
// programs need it to read UTF-8). Text fields are guarded against CSV ("formula") injection the way banks
// do it: a text starting with = + - @ TAB or CR gets a leading apostrophe, so a spreadsheet shows it instead
// of evaluating it. Numbers (CsvField::number, e.g. "-12.50") are written as they are.
//
//   QByteArray out = core::csvByteOrderMark();
//   out += core::csvRecord({CsvField::text(name), CsvField::number(amount.toDecimalString())});
//
// Reading (parseCsv): RFC 4180 only — CRLF between records (the last one may end the data without it), no
// bare CR or LF outside quotes, no quote inside an unquoted field, nothing but a comma or a line end after a
// closing quote, every record with as many fields as the first, valid UTF-8. A leading byte-order mark is
// skipped and reported (so data whose first field starts with U+FEFF must be written after a mark). The
// apostrophe of the formula guard is data: it comes back as written.
#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVector>

#include <initializer_list>

namespace bw::core {

// One field to write: text (guarded against formula injection) or a number (written as it is).
struct CsvField
{
    QString value;
    bool isNumber = false;

    static CsvField text(QString value) { return CsvField{std::move(value), false}; }
    // A machine number such as "-12.50" or "1235": never guarded (a leading '-' is its sign).
    static CsvField number(QString value) { return CsvField{std::move(value), true}; }
};

// The three bytes EF BB BF.
QByteArray csvByteOrderMark();
// The text with a leading apostrophe when it starts with = + - @ TAB or CR; unchanged otherwise.
QString csvGuardFormula(QStringView text);
// The field as it goes into the file (not yet UTF-8): quoted and with doubled quotes when it needs it.
QString csvQuote(QStringView field);
// One record in UTF-8, CRLF at the end. Text fields are guarded, then quoted where needed.
QByteArray csvRecord(const QVector<CsvField> &fields);
QByteArray csvRecord(std::initializer_list<CsvField> fields);
// A record of text fields only (a header row).
QByteArray csvTextRecord(const QStringList &fields);

// Why a CSV text is not RFC 4180. Stable names (csvErrorCode); never renumber or rename.
enum class CsvErrorCode {
    None,
    InvalidUtf8,           // the bytes are not UTF-8
    BareLineBreak,         // a CR or LF outside quotes that is not part of a CRLF
    QuoteInUnquotedField,  // a double quote in the middle of a field that did not start with one
    TextAfterClosingQuote, // a closing quote followed by something other than a comma or CRLF
    UnterminatedQuote,     // the data ends inside quotes
    FieldCountMismatch,    // a record with more or fewer fields than the first
};

QString csvErrorCode(CsvErrorCode code); // "bare_line_break", …; empty for None

struct CsvError
{
    CsvErrorCode code = CsvErrorCode::None;
    qint64 record = 0;     // 0-based record where it was found
    qint64 byteOffset = 0; // offset in the data (after any byte-order mark)

    bool isError() const { return code != CsvErrorCode::None; }
    QString summary() const; // "bare_line_break at record 3 (byte 120)"
};

struct CsvTable
{
    bool hadByteOrderMark = false;
    QVector<QStringList> records;
};

using CsvResult = Expected<CsvTable, CsvError>;

// Strict RFC 4180 reader (see above). Empty data gives no records.
CsvResult parseCsv(QByteArrayView data);

} // namespace bw::core
