#include "gateway/gateway_error.h"

#include "core/validation.h"

#include <QCoreApplication>
#include <QLocale>

namespace bw::gateway {

namespace {

constexpr const char *kContext = "bw::gateway::GatewayError";

// THE table: every error code of the contract (gateway-api.md's table and every code named in it, the
// x-error-codes of docs/gateway-openapi.yaml, the KYC reasons and quote warnings) → what the user reads.
// The field codes that bw::core's validators also produce (invalid_phone, weak_pin, …) have text == nullptr:
// their sentence is core::validationMessage(), the one place for those codes, so the same code never gets
// two different translations. Codes whose sentence depends on an extra field are finished in
// GatewayError::userMessage().
struct CodeText
{
    const char *code;
    const char *text; // QT_TRANSLATE_NOOP'd source text, or nullptr → core::validationMessage
};

const CodeText kCodeTable[] = {
    // 400 / 404 / 405 / 413 — requests the app built wrongly; the user can only retry or report it.
    {"invalid_json", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                       "The bank could not read the app's request. Please try again; if it "
                                       "keeps happening, update the app.")},
    {"parameter_missing", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "Some required information was missing. Check the form and try "
                                            "again.")},
    {"parameter_invalid", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "Some of the information is not in the expected form. Check the "
                                            "form and try again.")},
    {"idempotency_key_missing", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                                  "The payment could not be sent safely. Please try again.")},
    {"idempotency_key_invalid",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "The payment could not be sent safely. Please start it "
                                                    "again.")},
    {"resource_missing", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                           "The bank could not find what you asked for. It may have been "
                                           "removed. Refresh and try again.")},
    {"method_not_allowed", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                             "The bank does not support this action. Update the app.")},
    {"body_too_large", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                         "The request is too large. Shorten the text you entered and try "
                                         "again.")},
    // 409
    {"phone_already_registered",
     QT_TRANSLATE_NOOP(
         "bw::gateway::GatewayError",
         "A wallet with this phone number already exists. Sign in, or use \"Forgot password\".")},
    {"enrollment_incomplete", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                                "Verify your phone number (and identity, if asked) before "
                                                "creating the wallet.")},
    {"quote_expired", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                        "The price offer has expired. Review the payment again to get a new "
                                        "one.")},
    {"quote_used", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                     "This payment was already made. Check your history before paying "
                                     "again.")},
    {"idempotency_key_reused",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                       "This payment was already sent with different details. Start "
                       "a new payment.")},
    {"idempotency_in_progress", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                                  "This payment is still being processed. Wait a moment and "
                                                  "check your history.")},
    // 422 — field codes. Those of bw::core's validators use core's sentences (nullptr).
    {"invalid_phone", nullptr},
    {"invalid_email", nullptr},
    {"invalid_name", nullptr},
    {"invalid_document_number", nullptr},
    {"document_mismatch", nullptr},
    {"weak_password", nullptr},
    {"weak_pin", nullptr},
    {"invalid_card_number", nullptr},
    {"unsupported_brand", nullptr},
    {"card_expired", nullptr},
    {"invalid_expiry_month", nullptr},
    {"invalid_expiry_year", nullptr},
    {"invalid_cvc", nullptr},
    {"invalid_iban", nullptr},
    {"invalid_account_number", nullptr},
    {"bank_not_supported",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                       "This bank does not offer the wallet yet. Choose another bank.")},
    {"holder_name_mismatch", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                               "The name on the card or account must be the wallet owner's "
                                               "name.")},
    // 401 — signing and session
    {"signature_missing", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "This desktop is not set up for your wallet. Add this device "
                                            "again.")},
    {"signature_invalid", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "The bank did not accept this device's signature. Add this "
                                            "device again.")},
    {"device_unknown", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                         "This device was removed from your wallet. Add it again to "
                                         "continue.")},
    {"stale_request", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                        "Your computer's clock is wrong by more than 5 minutes. Correct the "
                                        "date and time, then try again.")},
    {"replayed_request", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                           "The bank received this request twice and ignored the copy. Try "
                                           "again.")},
    {"session_invalid", QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "Please sign in again.")},
    {"session_expired",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                       "You were signed out after a period of inactivity. Sign in again.")},
    {"invalid_credentials", QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "The password is wrong.")},
    {"pin_invalid", QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "The payment PIN is wrong.")},
    {"otp_required", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                       "This payment needs a verification code. Enter the code from your "
                                       "authenticator app or the SMS.")},
    {"otp_invalid", QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "The verification code is wrong.")},
    {"otp_expired",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "The verification code has expired. Request a new one.")},
    // 403
    {"account_locked", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                         "Sign-in is locked after too many wrong passwords. Try again in 15 "
                                         "minutes, or reset your password.")},
    {"pin_locked", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                     "Payments are frozen after too many wrong PINs. Change your payment PIN "
                                     "in Security to unfreeze them.")},
    {"otp_attempts_exceeded",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "Too many wrong codes. Start again to get a new code.")},
    {"tier_not_allowed", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                           "Your wallet's level does not allow this. Verify your identity or "
                                           "link a bank card to upgrade it.")},
    {"travel_rule_incomplete",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                       "Cross-border payments of this size need a verified identity. "
                       "Verify your identity first.")},
    {"limit_exceeded",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "This payment is over your wallet's limit.")},
    {"balance_insufficient",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "Your wallet balance is too low for this payment. Top up "
                                                    "first.")},
    // 402 — the card's answer
    {"card_declined", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                        "The card was declined. Use another card or contact your bank.")},
    {"insufficient_funds", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                             "The card does not have enough funds. Use another card.")},
    {"incorrect_cvc", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                        "The card's security code (CVC) is wrong. Check it and add the card "
                                        "again.")},
    // 429
    {"otp_resend_too_soon", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                              "A code was sent a moment ago. Wait a minute before asking for "
                                              "a new one.")},
    {"rate_limited",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "Too many requests. Wait a moment and try again.")},
    // 5xx
    {"internal_error", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                         "The bank had a problem. Nothing was changed. Try again later.")},
    {"injected_fault", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                         "The bank is temporarily unavailable. Nothing was changed. Try "
                                         "again.")},
    // Demo / staff
    {"review_not_pending",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "This payment is no longer waiting for a review.")},
    // KYC reasons and payment failure codes
    {"underage",
     QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "Verified wallets are for people aged 16 or older.")},
    {"sanctions_match", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                          "The bank cannot serve this name because of legal restrictions. "
                                          "Contact the bank.")},
    {"sanctions_review", QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                           "The bank must review this name before continuing. This usually "
                                           "takes one working day.")},
};

// Not named tr(): lupdate would take tr(QT_TRANSLATE_NOOP(...)) for a tr() call and miss the text.
QString translated(const char *source)
{
    return QCoreApplication::translate(kContext, source);
}

// Appends a sentence: after a sentence ending in a full-width stop (Chinese) no space is put in.
void appendSentence(QString &text, const QString &sentence)
{
    const bool fullWidth = !text.isEmpty() && (text.back() == QChar(0x3002) || text.back() == QChar(0xFF01) ||
                                               text.back() == QChar(0xFF1F));
    if (!text.isEmpty() && !fullWidth)
        text += QLatin1Char(' ');
    text += sentence;
}

const CodeText *findCode(QStringView code)
{
    for (const CodeText &entry : kCodeTable) {
        if (code == QLatin1String(entry.code))
            return &entry;
    }
    return nullptr;
}

QString limitSentence(const QString &limit)
{
    if (limit == QLatin1String("per_payment"))
        return translated(QT_TRANSLATE_NOOP(
            "bw::gateway::GatewayError", "This payment is over your wallet's limit for a single payment."));
    if (limit == QLatin1String("daily"))
        return translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "This payment is over what your wallet may still pay today."));
    if (limit == QLatin1String("annual"))
        return translated(QT_TRANSLATE_NOOP(
            "bw::gateway::GatewayError", "This payment is over what your wallet may still pay this year."));
    if (limit == QLatin1String("balance_cap"))
        return translated(QT_TRANSLATE_NOOP(
            "bw::gateway::GatewayError", "This would take your balance over your wallet's maximum balance."));
    return {};
}

} // namespace

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Tls:
        return QStringLiteral("tls");
    case ErrorKind::Http:
        return QStringLiteral("http");
    case ErrorKind::Api:
        return QStringLiteral("api");
    case ErrorKind::Decode:
        return QStringLiteral("decode");
    case ErrorKind::Keychain:
        return QStringLiteral("keychain");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Configuration:
        return QStringLiteral("configuration");
    }
    return QStringLiteral("unknown");
}

QString contractCodeMessage(const QString &code)
{
    const CodeText *entry = findCode(code);
    if (!entry)
        return {};
    if (entry->text)
        return translated(entry->text);
    const auto validation = core::validationCodeFromString(code);
    return validation ? core::validationMessage(*validation) : QString();
}

QStringList knownContractCodes()
{
    QStringList codes;
    for (const CodeText &entry : kCodeTable)
        codes.append(QLatin1String(entry.code));
    return codes;
}

QString genericApiErrorMessage()
{
    return translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                        "The bank could not complete this request. Try again later."));
}

QString GatewayError::userMessage() const
{
    switch (kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::Network:
        return translated(
            QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                              "Cannot reach the bank. Check your internet connection and try again."));
    case ErrorKind::Timeout:
        return translated(
            QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                              "The bank did not answer in time. Check your connection and try again."));
    case ErrorKind::Tls:
        return translated(
            QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                              "The connection to the bank is not secure: the server could not prove it "
                              "is your bank. Check the gateway address in Settings."));
    case ErrorKind::Http:
        return translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "The bank sent an unexpected answer. Try again later."));
    case ErrorKind::Decode:
        return translated(QT_TRANSLATE_NOOP(
            "bw::gateway::GatewayError", "The bank's answer could not be read. Update the app or try again "
                                         "later."));
    case ErrorKind::Keychain:
        return keychain::keychainStatusMessage(keychainStatus == keychain::KeychainStatus::Ok
                                                   ? keychain::KeychainStatus::Other
                                                   : keychainStatus);
    case ErrorKind::Cancelled:
        return translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "The request was cancelled."));
    case ErrorKind::Configuration:
        if (code == QLatin1String("insecure_url"))
            return translated(QT_TRANSLATE_NOOP(
                "bw::gateway::GatewayError", "The gateway address must start with https:// (plain http:// is "
                                             "only allowed for this computer)."));
        if (code == QLatin1String("no_device_credential"))
            return translated(
                QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                  "This desktop is not set up for a wallet yet. Open a wallet or add "
                                  "this device."));
        if (code == QLatin1String("no_session"))
            return contractCodeMessage(QStringLiteral("session_invalid"));
        return translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                            "The gateway address is not valid. Check it in Settings."));
    case ErrorKind::Api:
        break;
    }

    QString sentence = code == QLatin1String("limit_exceeded") ? limitSentence(limit) : QString();
    if (sentence.isEmpty())
        sentence = contractCodeMessage(code);
    if (sentence.isEmpty())
        return genericApiErrorMessage();

    // Counts are written as "…: 4." rather than "4 attempt(s)": correct in English and Chinese without
    // plural forms.
    if (attemptsRemaining &&
        (code == QLatin1String("pin_invalid") || code == QLatin1String("invalid_credentials") ||
         code == QLatin1String("otp_invalid"))) {
        const int left = *attemptsRemaining;
        if (code == QLatin1String("pin_invalid"))
            appendSentence(sentence,
                           translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                                        "Attempts left before payments are frozen: %1."))
                               .arg(left));
        else if (code == QLatin1String("invalid_credentials"))
            appendSentence(
                sentence,
                translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                             "Attempts left before sign-in is locked for 15 minutes: %1."))
                    .arg(left));
        else if (left > 0)
            appendSentence(
                sentence,
                translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "Attempts left: %1.")).arg(left));
        else
            appendSentence(sentence, translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                                                  "No attempts are left: request a new "
                                                                  "code.")));
    }
    if (code == QLatin1String("account_locked") && lockedUntil.isValid()) {
        const QString when = QLocale().toString(lockedUntil.toLocalTime().time(), QLocale::ShortFormat);
        sentence =
            translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError",
                                         "Sign-in is locked after too many wrong passwords. Try again after "
                                         "%1, or reset your password."))
                .arg(when);
    }
    if ((code == QLatin1String("rate_limited") || code == QLatin1String("otp_resend_too_soon")) &&
        retryAfterSecs && *retryAfterSecs > 0) {
        appendSentence(
            sentence, translated(QT_TRANSLATE_NOOP("bw::gateway::GatewayError", "You can try again in %1 s."))
                          .arg(*retryAfterSecs));
    }
    return sentence;
}

QString GatewayError::summary() const
{
    if (kind == ErrorKind::None)
        return QStringLiteral("ok");
    QString text = errorKindName(kind);
    if (!code.isEmpty())
        text += QLatin1Char('/') + code;
    if (httpStatus)
        text += QStringLiteral(" (%1)").arg(httpStatus);
    if (!param.isEmpty())
        text += QStringLiteral(" param=%1").arg(param);
    if (!detail.isEmpty())
        text += QStringLiteral(": %1").arg(detail);
    return text;
}

GatewayError GatewayError::make(ErrorKind kind, const QString &code, const QString &detail)
{
    GatewayError error;
    error.kind = kind;
    error.code = code;
    error.detail = detail;
    return error;
}

GatewayError GatewayError::decode(const QString &path, const QString &reason)
{
    GatewayError error = make(ErrorKind::Decode, QStringLiteral("decode_error"), reason);
    error.param = path;
    return error;
}

GatewayError GatewayError::fromKeychain(const keychain::KeychainResult &result)
{
    GatewayError error =
        make(ErrorKind::Keychain, keychain::keychainStatusCode(result.status), result.detail);
    error.keychainStatus = result.status;
    return error;
}

} // namespace bw::gateway
