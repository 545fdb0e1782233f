#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "core/validation_p.h"

#include <QFile>
#include <QSet>

namespace bw::core {

namespace {

// The compiled-in list (qt_add_resources in src/core/CMakeLists.txt).
constexpr auto kCommonListPath = ":/bw/policy/common_passwords.txt";

QSet<QString> loadCommonPasswords()
{
    QSet<QString> set;
    QFile file(QString::fromLatin1(kCommonListPath));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("bw::core::PasswordPolicy: %s is missing from the build", kCommonListPath);
        return set;
    }
    const QByteArray data = file.readAll();
    set.reserve(32768);
    for (const QByteArray &line : data.split('\n')) {
        const QByteArray entry = line.trimmed();
        if (entry.isEmpty() || entry.startsWith('#')) {
            continue;
        }
        // Stored as normalized and case-folded as the lookups, so the list file's form does not matter.
        set.insert(QString::fromUtf8(entry).normalized(QString::NormalizationForm_KC).toCaseFolded());
    }
    return set;
}

// Loaded once, on first use; C++ guarantees the initialization of a function-local static is thread-safe.
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> set = loadCommonPasswords();
    return set;
}

QString nationalDigits(QStringView phone)
{
    if (phone.isEmpty()) {
        return {};
    }
    const auto parsed = PhoneValidator::validate(phone);
    if (parsed) {
        return parsed->nationalNumber;
    }
    QString digits;
    for (QChar c : phone.left(detail::kMaxInputLength)) {
        if (detail::isAsciiDigit(c)) {
            digits += c;
        }
    }
    return digits;
}

// True for a control character (category Cc, NUL included) or a lone surrogate (Cs) anywhere in text.
bool containsControlCharacter(QStringView text)
{
    for (const char32_t cp : detail::codePoints(text)) {
        const QChar::Category category = QChar::category(cp);
        if (category == QChar::Other_Control || category == QChar::Other_Surrogate) {
            return true;
        }
    }
    return false;
}

QString withoutWhitespace(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace()) {
            out += c;
        }
    }
    return out;
}

} // namespace

QString PasswordPolicy::normalize(QStringView password)
{
    return password.toString().normalized(QString::NormalizationForm_KC);
}

bool PasswordPolicy::isCommon(QStringView password)
{
    if (password.size() > detail::kMaxInputLength) {
        return false;
    }
    return commonPasswords().contains(normalize(password).toCaseFolded());
}

qsizetype PasswordPolicy::commonPasswordCount()
{
    return commonPasswords().size();
}

ValidationResult<QString> PasswordPolicy::check(QStringView password, QStringView phone, QStringView fullName)
{
    using R = ValidationResult<QString>;
    // NFKC can expand a character up to 18-fold and compose at most a few into one, so an input this long
    // cannot come out at 128 code points or fewer; refuse it before normalizing a megabyte.
    if (password.size() > detail::kMaxInputLength) {
        return R::failure(ValidationCode::WeakPassword, ValidationReason::TooLong);
    }
    if (password.isEmpty()) {
        return R::failure(ValidationCode::WeakPassword, ValidationReason::Empty);
    }
    // Before NFKC, which neither adds nor removes control characters, and before the length: "remove the
    // tab" is the useful thing to say about a short password with a tab in it.
    if (containsControlCharacter(password)) {
        return R::failure(ValidationCode::WeakPassword, ValidationReason::InvalidCharacters);
    }
    const QString normalized = normalize(password);
    const qsizetype length = detail::codePointCount(normalized);
    if (length < kMinLength) {
        return R::failure(ValidationCode::WeakPassword, ValidationReason::TooShort);
    }
    if (length > kMaxLength) {
        return R::failure(ValidationCode::WeakPassword, ValidationReason::TooLong);
    }
    const QString folded = normalized.toCaseFolded();
    if (commonPasswords().contains(folded)) {
        return R::failure(ValidationCode::WeakPassword, ValidationReason::Common);
    }
    const QString national = nationalDigits(phone);
    for (qsizetype i = 0; i + kPhoneDigitRun <= national.size(); ++i) {
        if (normalized.contains(QStringView(national).mid(i, kPhoneDigitRun))) {
            return R::failure(ValidationCode::WeakPassword, ValidationReason::ContainsPhoneDigits);
        }
    }
    if (fullName.size() <= detail::kMaxInputLength) {
        const QString name =
            withoutWhitespace(fullName.toString().normalized(QString::NormalizationForm_KC).toCaseFolded());
        if (!name.isEmpty() && withoutWhitespace(folded).contains(name)) {
            return R::failure(ValidationCode::WeakPassword, ValidationReason::ContainsName);
        }
    }
    return R::success(normalized);
}

} // namespace bw::core
