#include "keychain/keychain_result.h"

#include <QCoreApplication>

namespace bw::keychain {

namespace {

struct StatusText
{
    const char *code;    // stable, untranslated
    const char *message; // translation source text, context "Keychain"; null for Ok
};

// One entry per status: its code and its message side by side. A switch rather than an array, so the
// compiler (-Wswitch) reports a status without an entry.
StatusText statusText(KeychainStatus status)
{
    switch (status) {
    case KeychainStatus::Ok:
        return {"keychain.ok", nullptr};
    case KeychainStatus::NotFound:
        //: Shown when BankWallet's entry is missing from the system keyring (password store).
        return {"keychain.not_found",
                QT_TRANSLATE_NOOP("Keychain", "BankWallet's entry was not found in your keyring.")};
    case KeychainStatus::AccessDenied:
        //: "Keyring" is the system password store (GNOME Keyring, KWallet, macOS Keychain).
        return {
            "keychain.access_denied",
            QT_TRANSLATE_NOOP(
                "Keychain",
                "Your keyring is locked or BankWallet was not allowed to use it. Unlock your keyring "
                "(for example the \"Login\" keyring in Passwords and Keys), allow access, and try again.")};
    case KeychainStatus::NoBackend:
        return {"keychain.no_backend",
                QT_TRANSLATE_NOOP(
                    "Keychain",
                    "No secure password storage is available. Install and start a Secret Service provider "
                    "such as GNOME Keyring or KWallet, make sure you are in a desktop session, and start "
                    "BankWallet again. BankWallet never stores your secrets in plain files instead.")};
    case KeychainStatus::TimedOut:
        return {
            "keychain.timed_out",
            QT_TRANSLATE_NOOP("Keychain",
                              "Your keyring did not answer in time. If a password prompt is open, answer it; "
                              "otherwise check that your keyring service is running, then try again.")};
    case KeychainStatus::InvalidEntry:
        return {"keychain.invalid_entry",
                QT_TRANSLATE_NOOP(
                    "Keychain",
                    "BankWallet's entry in your keyring is damaged. BankWallet left it unchanged so that "
                    "your data is not lost. Please contact your bank's support.")};
    case KeychainStatus::InvalidArgument:
        return {"keychain.invalid_argument",
                QT_TRANSLATE_NOOP(
                    "Keychain",
                    "BankWallet asked your keyring for an invalid entry. This is a bug in BankWallet; "
                    "please report it to your bank's support.")};
    case KeychainStatus::Other:
        return {"keychain.other",
                QT_TRANSLATE_NOOP(
                    "Keychain",
                    "Your keyring reported an error. Try again; if it keeps failing, restart your keyring "
                    "service or log out and back in.")};
    }
    // Out-of-range values (a number that came from a log or another build) read as Other.
    return {"keychain.other", QT_TRANSLATE_NOOP("Keychain", "Your keyring reported an error.")};
}

} // namespace

QString keychainStatusCode(KeychainStatus status)
{
    return QString::fromLatin1(statusText(status).code);
}

QString keychainStatusMessage(KeychainStatus status)
{
    const char *message = statusText(status).message;
    return message ? QCoreApplication::translate("Keychain", message) : QString();
}

} // namespace bw::keychain
