// Classification of what the keychain backend (QtKeychain) reports into a KeychainStatus. Kept apart from
// SecretStore and free of QtKeychain types so that it can be tested without a keyring. Internal to
// bw_keychain: not part of the public API.
#pragma once

#include "keychain/keychain_result.h"

#include <QString>

namespace bw::keychain::detail {

// Mirror of QKeychain::Error (secret_store.cpp checks the correspondence with static_asserts), so that
// no QtKeychain type leaks out of src/keychain.
enum class BackendError : int {
    NoError,
    EntryNotFound,
    CouldNotDeleteEntry,
    AccessDeniedByUser,
    AccessDenied,
    NoBackendAvailable,
    NotImplemented,
    OtherError,
};

// True when a D-Bus session bus can be found without auto-launching one: DBUS_SESSION_BUS_ADDRESS is
// set, or $XDG_RUNTIME_DIR/bus exists (what GDBus and libdbus look for). Reads the environment only.
bool sessionBusConfigured();

// Maps a backend error code plus its (untranslated, possibly localized by GLib) message to a status.
// sessionBusConfigured: the result of sessionBusConfigured() when the job finished.
KeychainStatus classifyBackendError(BackendError error, const QString &message, bool sessionBusConfigured);

} // namespace bw::keychain::detail
