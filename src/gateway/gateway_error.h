// GatewayError and Result<T>: the one error type of the client side of the gateway contract. Every call of
// GatewayClient, every JSON decode and every DeviceCredentialStore request answers with a Result<T>: either
// the typed value or a GatewayError that says what went wrong (kind), carries the contract's error fields
// when the bank answered with an error envelope, and turns itself into a translated, plain-language
// sentence (userMessage()) through the ONE table of contract codes in gateway_error.cpp.
#pragma once

#include "core/expected.h"
#include "keychain/keychain_result.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace bw::gateway {

// What kind of failure. Stable; never renumber (values may be logged). New kinds are added at the end.
enum class ErrorKind {
    None,          // no error
    Network,       // no HTTP answer: refused, reset, DNS, the connection dropped (after retries)
    Timeout,       // the connect or total time limit passed (after retries)
    Tls,           // TLS handshake failed, or the server's key does not match a pinned key
    Http,          // an HTTP answer that is not the contract's error envelope (e.g. a proxy's 502 page)
    Api,           // the contract's error envelope: code/type/param and extras are set
    Decode,        // a 2xx answer whose JSON does not match the contract (param = JSON path)
    Keychain,      // the OS keychain refused or failed (keychainStatus says how)
    Cancelled,     // the caller cancelled the request
    Configuration, // the client was set up wrongly: a remote http:// URL, a missing device credential, ...
};

// Stable identifier for logs and tests: "network", "timeout", "tls", "http", "api", "decode", "keychain",
// "cancelled", "configuration"; empty for None.
QString errorKindName(ErrorKind kind);

class GatewayError
{
public:
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    // From the error envelope (kind Api). For kind Configuration/Decode/Keychain the client also sets a
    // stable code of its own ("insecure_url", "invalid_url", "no_device_credential", "no_session", ...).
    QString type;
    QString code;
    QString param;         // the offending field; for Decode the JSON path ("data[2].amount.currency")
    QString serverMessage; // the gateway's English message, for logs only (never shown)
    // Extra fields of the contract's envelope.
    std::optional<int> attemptsRemaining; // invalid_credentials, pin_invalid, otp_invalid
    QDateTime lockedUntil;                // account_locked (UTC); invalid when absent
    QString limit;                        // limit_exceeded: per_payment | daily | annual | balance_cap
    std::optional<int> retryAfterSecs;    // 429: the body's retry_after or the Retry-After header
    // Kind Keychain: the keychain's status (userMessage() is the keychain layer's translated sentence).
    keychain::KeychainStatus keychainStatus = keychain::KeychainStatus::Ok;
    // Untranslated technical detail for logs (Qt's network error text, the decode reason, the keychain's
    // backend text). Never contains a secret or a request body.
    QString detail;
    int attempts = 0; // how many HTTP attempts were made (retries + 1); 0 when none

    bool isError() const { return kind != ErrorKind::None; }
    // True for kind Api with this contract code.
    bool is(QStringView contractCode) const { return kind == ErrorKind::Api && code == contractCode; }

    // The translated sentence for the user (context "bw::gateway::GatewayError"), e.g. for pin_invalid with
    // attempts_remaining 3: "The payment PIN is wrong. 3 attempts left before payments are frozen."
    QString userMessage() const;
    // "api/pin_invalid (401)", "timeout", "decode (data[0].amount)" — for logs and test messages.
    QString summary() const;

    // Constructors for the client's own failures.
    static GatewayError make(ErrorKind kind, const QString &code = {}, const QString &detail = {});
    static GatewayError decode(const QString &path, const QString &reason);
    static GatewayError fromKeychain(const keychain::KeychainResult &result);
};

// The translated text for a contract error code (any code of gateway-api.md / docs/gateway-openapi.yaml,
// also the KYC reasons and quote warnings), or an empty string when the code is unknown. userMessage()
// uses it; the UI may use it for warnings and KYC reasons.
QString contractCodeMessage(const QString &code);
// Every code the table knows (for tests).
QStringList knownContractCodes();
// The generic sentence used for an unknown code (for tests: a known code never gets this).
QString genericApiErrorMessage();

// The outcome of a call: a value or a GatewayError. Move-only T (e.g. holding SecretBytes) is fine.
template<typename T>
using Result = core::Expected<T, GatewayError>;

// The value of calls that answer 202/204 or whose body carries nothing the client needs.
struct NoContent
{
    friend bool operator==(const NoContent &, const NoContent &) = default;
};

} // namespace bw::gateway

Q_DECLARE_METATYPE(bw::gateway::GatewayError)
