#include "core/validation.h"
#include "core/validation_p.h"

#include <QCoreApplication>
#include <QList>

#include <array>

namespace bw::core {

namespace {

struct CodeName
{
    ValidationCode code;
    const char *name;
};

// The contract's codes (gateway-api.md), plus Stripe's expiry codes where the contract is silent.
constexpr std::array kCodeNames{
    CodeName{ValidationCode::InvalidCardNumber, "invalid_card_number"},
    CodeName{ValidationCode::UnsupportedBrand, "unsupported_brand"},
    CodeName{ValidationCode::CardExpired, "card_expired"},
    CodeName{ValidationCode::InvalidExpiryMonth, "invalid_expiry_month"},
    CodeName{ValidationCode::InvalidExpiryYear, "invalid_expiry_year"},
    CodeName{ValidationCode::InvalidCvc, "invalid_cvc"},
    CodeName{ValidationCode::InvalidIban, "invalid_iban"},
    CodeName{ValidationCode::InvalidAccountNumber, "invalid_account_number"},
    CodeName{ValidationCode::InvalidDocumentNumber, "invalid_document_number"},
    CodeName{ValidationCode::DocumentMismatch, "document_mismatch"},
    CodeName{ValidationCode::InvalidPhone, "invalid_phone"},
    CodeName{ValidationCode::InvalidEmail, "invalid_email"},
    CodeName{ValidationCode::InvalidName, "invalid_name"},
    CodeName{ValidationCode::WeakPassword, "weak_password"},
    CodeName{ValidationCode::WeakPin, "weak_pin"},
};

struct ReasonName
{
    ValidationReason reason;
    const char *name;
};

constexpr std::array kReasonNames{
    ReasonName{ValidationReason::Empty, "empty"},
    ReasonName{ValidationReason::TooShort, "too_short"},
    ReasonName{ValidationReason::TooLong, "too_long"},
    ReasonName{ValidationReason::InvalidCharacters, "invalid_characters"},
    ReasonName{ValidationReason::BadLength, "bad_length"},
    ReasonName{ValidationReason::BadLuhn, "bad_luhn"},
    ReasonName{ValidationReason::UnknownBrand, "unknown_brand"},
    ReasonName{ValidationReason::BadChecksum, "bad_checksum"},
    ReasonName{ValidationReason::UnknownCountry, "unknown_country"},
    ReasonName{ValidationReason::BadMonth, "bad_month"},
    ReasonName{ValidationReason::BadYear, "bad_year"},
    ReasonName{ValidationReason::Expired, "expired"},
    ReasonName{ValidationReason::BadBirthDate, "bad_birth_date"},
    ReasonName{ValidationReason::FutureBirthDate, "future_birth_date"},
    ReasonName{ValidationReason::BirthDateMismatch, "birth_date_mismatch"},
    ReasonName{ValidationReason::MissingCountryCode, "missing_country_code"},
    ReasonName{ValidationReason::UnknownCountryCode, "unknown_country_code"},
    ReasonName{ValidationReason::NotMobile, "not_mobile"},
    ReasonName{ValidationReason::MissingAt, "missing_at"},
    ReasonName{ValidationReason::MultipleAt, "multiple_at"},
    ReasonName{ValidationReason::BadLocalPart, "bad_local_part"},
    ReasonName{ValidationReason::BadDomain, "bad_domain"},
    ReasonName{ValidationReason::ContainsDigits, "contains_digits"},
    ReasonName{ValidationReason::Common, "common"},
    ReasonName{ValidationReason::ContainsPhoneDigits, "contains_phone_digits"},
    ReasonName{ValidationReason::ContainsName, "contains_name"},
    ReasonName{ValidationReason::NotSixDigits, "not_six_digits"},
    ReasonName{ValidationReason::AllSame, "all_same"},
    ReasonName{ValidationReason::Sequential, "sequential"},
    ReasonName{ValidationReason::BirthDate, "birth_date"},
};

QString translated(const char *text)
{
    // Only called with strings already marked by QT_TRANSLATE_NOOP below, so lupdate sees every one.
    return QCoreApplication::translate("bw::core::Validation", text);
}

QString cardNumberMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "Enter the card number."));
    case ValidationReason::InvalidCharacters:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "A card number has digits only. Remove letters and other symbols; "
                                    "spaces and dashes are fine."));
    case ValidationReason::BadLength:
    case ValidationReason::TooLong:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This card number has the wrong number of digits. Check it against "
                                    "your card."));
    default:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This card number is not valid. Check each digit against your card."));
    }
}

QString ibanMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "Enter the IBAN."));
    case ValidationReason::InvalidCharacters:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "An IBAN has letters and digits only. Remove other symbols; spaces are "
                                    "fine."));
    case ValidationReason::UnknownCountry:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This IBAN does not start with the code of a country that uses IBANs. "
                                    "Check the first two letters."));
    case ValidationReason::BadLength:
    case ValidationReason::TooShort:
    case ValidationReason::TooLong:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "This IBAN has the wrong length for its country. Check that no "
                                            "character is missing or extra."));
    default:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This IBAN is not valid; a character may be mistyped. Check it against "
                                    "your bank statement."));
    }
}

QString documentMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "Enter your resident identity card number."));
    case ValidationReason::BadLength:
    case ValidationReason::TooLong:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "A resident identity card number has 18 characters. Check that none is "
                                    "missing or extra."));
    case ValidationReason::InvalidCharacters:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "A resident identity card number has 17 digits followed by a digit or "
                                    "the letter X."));
    case ValidationReason::BadBirthDate:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "The date of birth inside this identity card number is not a real date. "
                                    "Check the number."));
    case ValidationReason::FutureBirthDate:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "The date of birth inside this identity card number is in the future. "
                                    "Check the number."));
    default:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This identity card number is not valid; a character may be mistyped. "
                                    "Check it against your card."));
    }
}

QString phoneMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "Enter your mobile phone number."));
    case ValidationReason::InvalidCharacters:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "A phone number has digits only, after a + at the start. Spaces and "
                                    "dashes are fine."));
    case ValidationReason::MissingCountryCode:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Start the phone number with + and the country code, for example "
                                            "+86 138 0013 8000."));
    case ValidationReason::UnknownCountryCode:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "No country uses this calling code. Check the digits after the +."));
    case ValidationReason::NotMobile:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "A mainland China mobile number has 11 digits and starts with 1, for "
                                    "example +86 138 0013 8000."));
    case ValidationReason::TooShort:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This phone number is too short. Check that no digit is missing."));
    case ValidationReason::TooLong:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "A phone number has at most 15 digits, country code included."));
    default:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "This phone number is not valid. Check it."));
    }
}

QString emailMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "Enter your e-mail address."));
    case ValidationReason::MissingAt:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "An e-mail address needs an @, as in name@example.com."));
    case ValidationReason::MultipleAt:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "An e-mail address has exactly one @."));
    case ValidationReason::InvalidCharacters:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "Remove spaces and invisible characters from the e-mail address."));
    case ValidationReason::BadLocalPart:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "The part before the @ must have 1 to 64 characters."));
    case ValidationReason::TooLong:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "An e-mail address has at most 254 characters."));
    default:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "The part after the @ must be a domain such as example.com: letters, "
                                    "digits and hyphens, with at least one dot."));
    }
}

QString nameMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "Enter your full name."));
    case ValidationReason::TooLong:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "A name has at most 100 characters."));
    case ValidationReason::ContainsDigits:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "A name cannot contain digits. Remove them."));
    default:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Remove invisible or control characters from the name."));
    }
}

QString passwordMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::Empty:
    case ValidationReason::TooShort:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "Use at least 8 characters for your password."));
    case ValidationReason::TooLong:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "Use at most 128 characters for your password."));
    case ValidationReason::ContainsPhoneDigits:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "Do not use your phone number in your password. Choose another."));
    case ValidationReason::ContainsName:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Do not use your name in your password. Choose another."));
    case ValidationReason::InvalidCharacters:
        //: Shown when a typed or pasted password holds a tab, line break or another invisible control
        //: character, which a password may not contain.
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation",
                              "Remove tabs, line breaks and other control characters from your password."));
    default:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "This password is too common and easy to guess. Choose another."));
    }
}

QString pinMessage(ValidationReason reason)
{
    switch (reason) {
    case ValidationReason::AllSame:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Do not use the same digit six times. Choose another PIN."));
    case ValidationReason::Sequential:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "Do not use digits in order, such as 123456 or 654321. Choose another "
                                    "PIN."));
    case ValidationReason::BirthDate:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Do not use your date of birth as your PIN. Choose another."));
    default:
        return translated(
            QT_TRANSLATE_NOOP("bw::core::Validation", "The payment PIN must be exactly 6 digits."));
    }
}

} // namespace

QString validationCodeString(ValidationCode code)
{
    for (const auto &entry : kCodeNames) {
        if (entry.code == code) {
            return QString::fromLatin1(entry.name);
        }
    }
    return {};
}

std::optional<ValidationCode> validationCodeFromString(QStringView code)
{
    for (const auto &entry : kCodeNames) {
        if (code == QLatin1StringView(entry.name)) {
            return entry.code;
        }
    }
    return std::nullopt;
}

QString validationReasonString(ValidationReason reason)
{
    for (const auto &entry : kReasonNames) {
        if (entry.reason == reason) {
            return QString::fromLatin1(entry.name);
        }
    }
    return {};
}

QString validationMessage(ValidationCode code, ValidationReason reason)
{
    switch (code) {
    case ValidationCode::None:
        return {};
    case ValidationCode::InvalidCardNumber:
        return cardNumberMessage(reason);
    case ValidationCode::UnsupportedBrand:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Cards of this type are not supported. Use a Visa, Mastercard, "
                                            "UnionPay, American Express or JCB card."));
    case ValidationCode::CardExpired:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "This card has expired. Use a card that is still valid."));
    case ValidationCode::InvalidExpiryMonth:
        return translated(QT_TRANSLATE_NOOP("bw::core::Validation",
                                            "Enter the expiry month as shown on the card, from 01 to 12."));
    case ValidationCode::InvalidExpiryYear:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "Enter the expiry year as shown on the card, for example 28 or 2028."));
    case ValidationCode::InvalidCvc:
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "Enter the security code: the 3 digits on the back of the card, or the "
                                    "4 digits on the front of an American Express card."));
    case ValidationCode::InvalidIban:
        return ibanMessage(reason);
    case ValidationCode::InvalidAccountNumber:
        if (reason == ValidationReason::Empty) {
            return translated(QT_TRANSLATE_NOOP("bw::core::Validation", "Enter the account number."));
        }
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "An account number has 8 to 30 digits. Check it against your bank "
                                    "statement."));
    case ValidationCode::InvalidDocumentNumber:
        return documentMessage(reason);
    case ValidationCode::DocumentMismatch:
        if (reason == ValidationReason::BadBirthDate) {
            return translated(
                QT_TRANSLATE_NOOP("bw::core::Validation", "Enter your date of birth as a real date."));
        }
        return translated(QT_TRANSLATE_NOOP(
            "bw::core::Validation", "The date of birth does not match the identity card number. Check "
                                    "both."));
    case ValidationCode::InvalidPhone:
        return phoneMessage(reason);
    case ValidationCode::InvalidEmail:
        return emailMessage(reason);
    case ValidationCode::InvalidName:
        return nameMessage(reason);
    case ValidationCode::WeakPassword:
        return passwordMessage(reason);
    case ValidationCode::WeakPin:
        return pinMessage(reason);
    }
    return {};
}

namespace detail {

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
        }
        ++count;
    }
    return count;
}

QList<char32_t> codePoints(QStringView text)
{
    QList<char32_t> result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            result.append(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else {
            result.append(c.unicode());
        }
    }
    return result;
}

bool isControlCharacter(char32_t ucs4)
{
    switch (QChar::category(ucs4)) {
    case QChar::Other_Control:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
        return true;
    case QChar::Other_Format:
        // Invisible: bidirectional marks, embeddings, overrides and isolates, but also the zero-width
        // space, word joiner, soft hyphen and BOM, which make two names that look the same compare unequal
        // (and so slip past the holder-name and sanctions comparisons). ZWNJ and ZWJ stay: Persian, Indic
        // scripts and emoji need them.
        return ucs4 != 0x200C && ucs4 != 0x200D;
    default:
        return false;
    }
}

} // namespace detail

} // namespace bw::core
