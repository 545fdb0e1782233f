// KeychainResult: the one result type of the keychain layer — a stable status code, the translated text
// that tells the user what to do, and an untranslated technical detail for logs.
#pragma once

#include <QString>

namespace bw::keychain {

// Stable codes: the numbers never change meaning (they may be logged or compared by callers).
enum class KeychainStatus : int {
    Ok = 0,
    NotFound = 1,        // the keychain has no entry under this key
    AccessDenied = 2,    // keyring locked, or the user refused access
    NoBackend = 3,       // no Secret Service provider / no D-Bus / no keychain on this platform
    TimedOut = 4,        // the keychain did not answer within the watchdog time; outcome unknown
    InvalidEntry = 5,    // an entry exists but its content is not what BankWallet stored (never replaced)
    InvalidArgument = 6, // the program asked for an impossible key (empty, embedded NUL): a bug
    Other = 7,           // anything else the backend reported
};

// Machine-readable name of a status, e.g. "keychain.no_backend" (for logs and error codes).
QString keychainStatusCode(KeychainStatus status);

// Translated sentence telling the user what happened and what to do. Empty for Ok.
QString keychainStatusMessage(KeychainStatus status);

struct KeychainResult
{
    KeychainStatus status = KeychainStatus::Ok;
    // Translated, for the user. Empty when ok().
    QString message;
    // Untranslated detail from the backend (e.g. the D-Bus error text) for logs. Never contains a secret.
    QString detail;

    bool ok() const { return status == KeychainStatus::Ok; }

    static KeychainResult success() { return {}; }
    static KeychainResult failure(KeychainStatus status, const QString &detail = {})
    {
        return {status, keychainStatusMessage(status), detail};
    }
};

} // namespace bw::keychain
