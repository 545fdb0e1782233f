#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <utility>
#include <variant>

namespace bw::core {

// The outcome code of a validator. The string form (validationCodeString) is the gateway contract's error
// code, so the client and the stub speak the same codes; never renumber or rename.
enum class ValidationCode {
    None, // valid
    InvalidCardNumber,
    UnsupportedBrand,
    CardExpired,
    InvalidExpiryMonth, // not listed in gateway-api.md; Stripe's code, used where the contract is silent
    InvalidExpiryYear,  // likewise
    InvalidCvc,
    InvalidIban,
    InvalidAccountNumber,
    InvalidDocumentNumber,
    DocumentMismatch,
    InvalidPhone,
    InvalidEmail,
    InvalidName,
    WeakPassword,
    WeakPin,
};

// Why a value was refused, finer than the code, so the UI can say what to change.
enum class ValidationReason {
    None,
    Empty,
    TooShort,
    TooLong,
    InvalidCharacters, // a character that is not allowed at all (letters in a card number, NUL, ...)
    // card number, CVC, IBAN, account number, document number
    BadLength,
    BadLuhn,
    UnknownBrand,
    BadChecksum, // IBAN mod-97 or GB 11643 check character
    UnknownCountry,
    // expiry
    BadMonth,
    BadYear,
    Expired,
    // resident identity number
    BadBirthDate,
    FutureBirthDate,
    BirthDateMismatch,
    // phone
    MissingCountryCode,
    UnknownCountryCode,
    NotMobile,
    // e-mail
    MissingAt,
    MultipleAt,
    BadLocalPart,
    BadDomain,
    // name
    ContainsDigits,
    // password
    Common,
    ContainsPhoneDigits,
    ContainsName,
    // PIN
    NotSixDigits,
    AllSame,
    Sequential,
    BirthDate,
};

// The contract code, e.g. "invalid_card_number"; empty for None.
QString validationCodeString(ValidationCode code);
// The reverse, for codes that come back from the gateway; nullopt for an unknown string.
std::optional<ValidationCode> validationCodeFromString(QStringView code);
// A stable identifier of the reason for logs and tests, e.g. "bad_luhn"; empty for None.
QString validationReasonString(ValidationReason reason);

// The one place that turns a code (and reason, when known) into a translated sentence that says what to do.
// Context "bw::core::Validation".
QString validationMessage(ValidationCode code, ValidationReason reason = ValidationReason::None);

// A refused value: the contract code and the finer reason.
struct ValidationError
{
    ValidationCode code = ValidationCode::None;
    ValidationReason reason = ValidationReason::None;

    QString codeString() const { return validationCodeString(code); }
    QString message() const { return validationMessage(code, reason); }
    friend bool operator==(const ValidationError &, const ValidationError &) = default;
};

// Either the normalized value or a ValidationError. Every validator in bw::core returns one.
template<typename T>
class [[nodiscard]] ValidationResult
{
public:
    static ValidationResult success(T value) { return ValidationResult(std::move(value)); }
    static ValidationResult failure(ValidationCode code, ValidationReason reason)
    {
        return ValidationResult(ValidationError{code, reason});
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    // Only meaningful when ok(); asserts in debug builds.
    const T &value() const
    {
        Q_ASSERT(ok());
        return std::get<T>(m_data);
    }
    const T *operator->() const { return &value(); }

    // ValidationError{None, None} when ok().
    ValidationError error() const { return ok() ? ValidationError{} : std::get<ValidationError>(m_data); }
    ValidationCode code() const { return error().code; }
    ValidationReason reason() const { return error().reason; }
    QString codeString() const { return validationCodeString(code()); }
    QString message() const { return validationMessage(code(), reason()); }

private:
    explicit ValidationResult(T value)
        : m_data(std::move(value))
    {}
    explicit ValidationResult(ValidationError error)
        : m_data(error)
    {}

    std::variant<T, ValidationError> m_data;
};

} // namespace bw::core
