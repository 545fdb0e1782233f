#include "keychain/keychain_result.h"

#include <QCoreApplication>

namespace bw::keychain {

QString keychainStatusCode(KeychainStatus status)
{
    switch (status) {
    case KeychainStatus::Ok:
        return QStringLiteral("keychain.ok");
    case KeychainStatus::NotFound:
        return QStringLiteral("keychain.not_found");
    case KeychainStatus::AccessDenied:
        return QStringLiteral("keychain.access_denied");
    case KeychainStatus::NoBackend:
        return QStringLiteral("keychain.no_backend");
    case KeychainStatus::TimedOut:
        return QStringLiteral("keychain.timed_out");
    case KeychainStatus::InvalidEntry:
        return QStringLiteral("keychain.invalid_entry");
    case KeychainStatus::InvalidArgument:
        return QStringLiteral("keychain.invalid_argument");
    case KeychainStatus::Other:
        return QStringLiteral("keychain.other");
    }
    return QStringLiteral("keychain.other");
}

QString keychainStatusMessage(KeychainStatus status)
{
    switch (status) {
    case KeychainStatus::Ok:
        return {};
    case KeychainStatus::NotFound:
        //: Shown when BankWallet's entry is missing from the system keyring (password store).
        return QCoreApplication::translate("Keychain", "BankWallet's entry was not found in your keyring.");
    case KeychainStatus::AccessDenied:
        //: "Keyring" is the system password store (GNOME Keyring, KWallet, macOS Keychain).
        return QCoreApplication::translate(
            "Keychain",
            "Your keyring is locked or BankWallet was not allowed to use it. Unlock your keyring "
            "(for example the \"Login\" keyring in Passwords and Keys), allow access, and try again.");
    case KeychainStatus::NoBackend:
        return QCoreApplication::translate(
            "Keychain",
            "No secure password storage is available. Install and start a Secret Service provider "
            "such as GNOME Keyring or KWallet, make sure you are in a desktop session, and start "
            "BankWallet again. BankWallet never stores your secrets in plain files instead.");
    case KeychainStatus::TimedOut:
        return QCoreApplication::translate(
            "Keychain", "Your keyring did not answer in time. If a password prompt is open, answer it; "
                        "otherwise check that your keyring service is running, then try again.");
    case KeychainStatus::InvalidEntry:
        return QCoreApplication::translate(
            "Keychain", "BankWallet's entry in your keyring is damaged. BankWallet left it unchanged so that "
                        "your data is not lost. Please contact your bank's support.");
    case KeychainStatus::InvalidArgument:
        return QCoreApplication::translate(
            "Keychain", "BankWallet asked your keyring for an invalid entry. This is a bug in BankWallet; "
                        "please report it to your bank's support.");
    case KeychainStatus::Other:
        return QCoreApplication::translate(
            "Keychain",
            "Your keyring reported an error. Try again; if it keeps failing, restart your keyring "
            "service or log out and back in.");
    }
    return QCoreApplication::translate("Keychain", "Your keyring reported an error.");
}

} // namespace bw::keychain
