#include "core/payment_link.h"

#include "core/phone_validator.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QStringDecoder>
#include <QUrl>

namespace bw::core {

namespace {

const char kContext[] = "bw::core::PaymentLink";

// One entry per error code: the code and the untranslated sentence (lupdate reads the QT_TRANSLATE_NOOPs).
struct MessageEntry
{
    const char *code;
    const char *text;
};

constexpr MessageEntry kMessages[] = {
    {"link_empty", QT_TRANSLATE_NOOP("bw::core::PaymentLink", "Paste or scan a payment link.")},
    {"link_too_long", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                        "This payment link is too long. Ask the payee for a new one.")},
    {"invalid_scheme",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "This is not a BankWallet payment link (it must start with "
                                                "\"bankwallet:pay?\").")},
    {"invalid_path", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                       "This BankWallet link is not a payment request. Ask the payee for a "
                                       "payment link.")},
    {"malformed_encoding",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "This payment link is damaged. Copy it again or scan the QR "
                                                "code again.")},
    {"malformed_query", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                          "This payment link is damaged. Copy it again or scan the QR code "
                                          "again.")},
    {"duplicate_key", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                        "This payment link gives the same detail twice, so it cannot be "
                                        "trusted. Ask the payee for a new one.")},
    {"missing_payee",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "This payment link does not say whom to pay.")},
    {"ambiguous_payee", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                          "This payment link names two payees, so it cannot be trusted. Ask "
                                          "the payee for a new one.")},
    {"invalid_phone",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "The payee's phone number in this link is not valid.")},
    {"invalid_merchant",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "The merchant in this payment link is not valid.")},
    {"invalid_amount",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "The amount in this payment link is not a valid amount.")},
    {"amount_not_positive",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "The amount in this payment link must be more than zero.")},
    {"amount_too_precise", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                             "The amount in this payment link has more decimal places than "
                                             "its currency allows.")},
    {"amount_too_large",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "The amount in this payment link is too large.")},
    {"invalid_currency",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                       "The currency in this payment link is not one BankWallet supports.")},
    {"missing_currency",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "This payment link gives an amount without its currency.")},
    {"missing_amount",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink", "This payment link gives a currency without an amount.")},
    {"note_too_long", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                        "The note in this payment link is longer than 140 characters.")},
    {"invalid_note", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                       "The note in this payment link contains characters that are not "
                                       "allowed.")},
    {"name_too_long",
     QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                       "The payee's name in this payment link is longer than 70 characters.")},
    {"invalid_name", QT_TRANSLATE_NOOP("bw::core::PaymentLink",
                                       "The payee's name in this payment link contains characters that are "
                                       "not allowed.")},
};

const char kUnknownMessage[] = QT_TRANSLATE_NOOP("bw::core::PaymentLink", "This payment link is not valid.");

PaymentLinkError fail(const char *code)
{
    return PaymentLinkError{QString::fromLatin1(code)};
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Characters that may not appear in a note or a name: C0/C1 controls (NUL included), line and paragraph
// separators, and the bidirectional overrides and isolates that could make a name or note display as
// something else than what it says ("Trojan Source" spoofing).
bool isForbiddenTextChar(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return true;
    if (c == 0x2028 || c == 0x2029)
        return true;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        return true;
    return false;
}

// Percent-decodes one key or value into UTF-8 text; false for a stray '%', a bad hex pair, or bytes that are
// not well-formed UTF-8.
bool percentDecode(QStringView in, QString *out)
{
    QByteArray bytes;
    bytes.reserve(in.size());
    qsizetype literalStart = 0;
    // A literal character (including non-ASCII pasted as-is) stands for its own UTF-8 bytes.
    auto flushLiteral = [&](qsizetype end) {
        if (end > literalStart)
            bytes.append(in.sliced(literalStart, end - literalStart).toUtf8());
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) != u'%')
            continue;
        flushLiteral(i);
        if (i + 2 >= in.size() || !isHex(in.at(i + 1)) || !isHex(in.at(i + 2)))
            return false;
        bytes.append(char(in.sliced(i + 1, 2).toUInt(nullptr, 16)));
        i += 2;
        literalStart = i + 1;
    }
    flushLiteral(in.size());
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

int codePointCount(const QString &text)
{
    return int(text.toUcs4().size());
}

bool hasForbiddenChar(const QString &text)
{
    const QList<uint> ucs4 = text.toUcs4();
    for (uint c : ucs4) {
        if (isForbiddenTextChar(char32_t(c)))
            return true;
    }
    return false;
}

bool isValidMerchantId(const QString &id)
{
    static const QLatin1StringView prefix("mer_");
    if (!id.startsWith(prefix) || id.size() <= prefix.size() || id.size() > prefix.size() + 60)
        return false;
    for (qsizetype i = prefix.size(); i < id.size(); ++i) {
        const QChar c = id.at(i);
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                        c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

// Strict machine grammar for an amount in a link: digits, optionally '.' and digits. No signs, spaces,
// grouping, symbols or exponents: a link is written by a program, not typed.
bool isDecimalAmount(const QString &text)
{
    qsizetype i = 0;
    qsizetype intDigits = 0;
    while (i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9') {
        ++i;
        ++intDigits;
    }
    if (intDigits == 0)
        return false;
    if (i == text.size())
        return true;
    if (text.at(i) != u'.')
        return false;
    ++i;
    qsizetype fracDigits = 0;
    while (i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9') {
        ++i;
        ++fracDigits;
    }
    return fracDigits > 0 && i == text.size();
}

QString encode(const QString &value)
{
    // Unreserved characters stay; everything else, '+' and ' ' included, becomes %XX of its UTF-8 bytes.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

Expected<PaymentLink, PaymentLinkError> parsePaymentLink(const QString &input)
{
    // The cap comes first so a hostile megabyte is refused before any work proportional to its content.
    if (input.size() > kMaxPaymentLinkLength)
        return fail("link_too_long");
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail("link_empty");

    const qsizetype colon = text.indexOf(u':');
    if (colon < 0 || text.first(colon).compare(QLatin1StringView("bankwallet"), Qt::CaseInsensitive) != 0)
        return fail("invalid_scheme");

    // Raw control characters (a literal NUL, a newline in the middle) are never part of a well-formed link.
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return fail("malformed_encoding");
    }

    const QString rest = text.mid(colon + 1);
    if (rest.contains(u'#'))
        return fail("malformed_query");
    const qsizetype question = rest.indexOf(u'?');
    const QString path = question < 0 ? rest : rest.first(question);
    if (path.compare(QLatin1StringView("pay"), Qt::CaseInsensitive) != 0)
        return fail("invalid_path");
    const QString query = question < 0 ? QString() : rest.mid(question + 1);

    QHash<QString, QString> fields;
    const QStringList pairs = query.split(u'&');
    for (const QString &pair : pairs) {
        if (pair.isEmpty())
            continue; // "a=1&&b=2", a trailing '&': harmless
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return fail("malformed_query");
        QString key;
        QString value;
        if (!percentDecode(QStringView(pair).first(eq), &key) ||
            !percentDecode(QStringView(pair).sliced(eq + 1), &value))
            return fail("malformed_encoding");
        if (key.isEmpty())
            return fail("malformed_query");
        // Keys are case-sensitive (they are written by programs), so "To" is an unknown key, ignored.
        if (fields.contains(key))
            return fail("duplicate_key");
        fields.insert(key, value);
    }

    PaymentLink link;
    const bool hasPhone = fields.contains(QStringLiteral("to"));
    const bool hasMerchant = fields.contains(QStringLiteral("merchant"));
    if (hasPhone && hasMerchant)
        return fail("ambiguous_payee");
    if (!hasPhone && !hasMerchant)
        return fail("missing_payee");
    if (hasPhone) {
        const auto phone = PhoneValidator::validate(fields.value(QStringLiteral("to")));
        if (!phone)
            return fail("invalid_phone");
        link.phone = phone->e164();
    } else {
        const QString merchant = fields.value(QStringLiteral("merchant"));
        if (!isValidMerchantId(merchant))
            return fail("invalid_merchant");
        link.merchantId = merchant;
    }

    const bool hasAmount = fields.contains(QStringLiteral("amount"));
    const bool hasCurrency = fields.contains(QStringLiteral("currency"));
    std::optional<Currency> currency;
    if (hasCurrency) {
        currency = Currency::fromCode(fields.value(QStringLiteral("currency")));
        if (!currency)
            return fail("invalid_currency");
    }
    if (hasAmount) {
        const QString amountText = fields.value(QStringLiteral("amount"));
        if (amountText.startsWith(u'-') && isDecimalAmount(amountText.mid(1)))
            return fail("amount_not_positive");
        if (!isDecimalAmount(amountText))
            return fail("invalid_amount");
        if (!currency)
            return fail("missing_currency");
        const MoneyParseResult money = Money::parse(amountText, *currency, QLocale::c());
        if (!money) {
            switch (money.error()) {
            case MoneyParseError::TooManyDecimals:
                return fail("amount_too_precise");
            case MoneyParseError::Overflow:
                return fail("amount_too_large");
            case MoneyParseError::Negative:
                return fail("amount_not_positive");
            default:
                return fail("invalid_amount");
            }
        }
        if (!money->isPositive())
            return fail("amount_not_positive");
        if (money->minorUnits() > Money::kMaxAbsGatewayMinorUnits)
            return fail("amount_too_large");
        link.amount = *money;
    } else if (hasCurrency) {
        return fail("missing_amount");
    }

    link.note = fields.value(QStringLiteral("note"));
    if (codePointCount(link.note) > kMaxPaymentLinkNoteLength)
        return fail("note_too_long");
    if (hasForbiddenChar(link.note))
        return fail("invalid_note");
    link.name = fields.value(QStringLiteral("name"));
    if (codePointCount(link.name) > kMaxPaymentLinkNameLength)
        return fail("name_too_long");
    if (hasForbiddenChar(link.name))
        return fail("invalid_name");
    return link;
}

QString formatPaymentLink(const PaymentLink &link)
{
    QStringList parts;
    if (!link.phone.isEmpty())
        parts << QStringLiteral("to=") + encode(link.phone);
    else
        parts << QStringLiteral("merchant=") + encode(link.merchantId);
    if (link.amount) {
        parts << QStringLiteral("amount=") + encode(link.amount->toDecimalString());
        parts << QStringLiteral("currency=") + encode(link.amount->currency().code());
    }
    if (!link.note.isEmpty())
        parts << QStringLiteral("note=") + encode(link.note);
    if (!link.name.isEmpty())
        parts << QStringLiteral("name=") + encode(link.name);
    return QStringLiteral("bankwallet:pay?") + parts.join(u'&');
}

QString paymentLinkMessage(const QString &code)
{
    if (code.isEmpty())
        return {};
    for (const MessageEntry &entry : kMessages) {
        if (code == QLatin1StringView(entry.code))
            return QCoreApplication::translate(kContext, entry.text);
    }
    return QCoreApplication::translate(kContext, kUnknownMessage);
}

} // namespace bw::core

QDebug operator<<(QDebug debug, const bw::core::PaymentLinkError &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "PaymentLinkError(" << error.code << ')';
    return debug;
}
