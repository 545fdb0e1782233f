#include "keychain/backend_error.h"

#include <QFileInfo>
#include <QStringList>
#include <QtGlobal>

namespace bw::keychain::detail {

namespace {

bool containsAny(const QString &message, const QStringList &needles)
{
    for (const QString &needle : needles) {
        if (message.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

bool sessionBusConfigured()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtimeDir.isEmpty() && QFileInfo::exists(runtimeDir + QStringLiteral("/bus"));
}

KeychainStatus classifyBackendError(BackendError error, const QString &message, bool busConfigured)
{
    switch (error) {
    case BackendError::NoError:
        return KeychainStatus::Ok;
    case BackendError::EntryNotFound:
        return KeychainStatus::NotFound;
    case BackendError::AccessDenied:
    case BackendError::AccessDeniedByUser:
        return KeychainStatus::AccessDenied;
    case BackendError::NoBackendAvailable:
    case BackendError::NotImplemented: // this platform build has no keychain at all
        return KeychainStatus::NoBackend;
    case BackendError::CouldNotDeleteEntry:
    case BackendError::OtherError:
        break;
    }

    // On Linux QtKeychain talks to the Secret Service through libsecret and passes on only the GError's
    // message: libsecret errors other than "no such object" and "is locked" (GDBus errors included) all
    // arrive as OtherError. The cases a user can fix are recognised by their text:
    //  - no D-Bus at all: GLib's "Cannot autolaunch D-Bus without X11 $DISPLAY" (or a failed connect);
    //  - D-Bus but no provider: the bus daemon's ServiceUnknown "The name org.freedesktop.secrets was not
    //    provided by any .service files";
    //  - a locked collection: gnome-keyring's "Cannot create an item in a locked collection".
    // GLib's own messages are translated in non-English locales, so the "no D-Bus" case is also recognised
    // from the environment (no bus address and no $XDG_RUNTIME_DIR/bus means no bus can be reached
    // without auto-launching one). Anything unrecognised stays Other, whose message is still actionable.
    if (!busConfigured)
        return KeychainStatus::NoBackend;

    static const QStringList noBackend = {
        QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
        QStringLiteral("was not provided by any .service files"),
        QStringLiteral("Cannot autolaunch D-Bus"),
        QStringLiteral("Could not connect"),
        QStringLiteral("org.freedesktop.DBus.Error.NoServer"),
        QStringLiteral("org.freedesktop.DBus.Error.FileNotFound"),
        QStringLiteral("D-Bus is not running"),
        QStringLiteral("No keychain service available"),
    };
    static const QStringList locked = {
        QStringLiteral("locked collection"),
        QStringLiteral("org.freedesktop.Secret.Error.IsLocked"),
    };
    static const QStringList timedOut = {
        QStringLiteral("Timeout was reached"),
        QStringLiteral("org.freedesktop.DBus.Error.NoReply"),
        QStringLiteral("org.freedesktop.DBus.Error.Timeout"),
    };
    if (containsAny(message, locked))
        return KeychainStatus::AccessDenied;
    if (containsAny(message, noBackend))
        return KeychainStatus::NoBackend;
    if (containsAny(message, timedOut))
        return KeychainStatus::TimedOut;
    return KeychainStatus::Other;
}

} // namespace bw::keychain::detail
