#include "ui/session/screen_lock_watcher.h"

#include "services/service_context.h"
#include "services/session_service.h"

#include <QDBusConnection>

namespace bw::ui {

ScreenLockWatcher::ScreenLockWatcher(const ScreenServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    // An empty service name matches the signal from whichever process sends it.
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        for (const char *name : {"freedesktop", "gnome"}) {
            const QString path = QStringLiteral("/org/%1/ScreenSaver").arg(QLatin1String(name));
            const QString interface = QStringLiteral("org.%1.ScreenSaver").arg(QLatin1String(name));
            m_watched += session.connect(QString(), path, interface, QStringLiteral("ActiveChanged"), this,
                                         SLOT(onScreenSaverActive(bool)));
        }
    }
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected())
        m_watched += system.connect(QStringLiteral("org.freedesktop.login1"),
                                    QStringLiteral("/org/freedesktop/login1"),
                                    QStringLiteral("org.freedesktop.login1.Manager"),
                                    QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool)));
}

void ScreenLockWatcher::onScreenSaverActive(bool active)
{
    if (active && m_services.context && m_services.context->isSignedIn())
        m_services.session->lock(services::LockReason::ScreenLocked);
}

void ScreenLockWatcher::onPrepareForSleep(bool sleeping)
{
    onScreenSaverActive(sleeping);
}

} // namespace bw::ui
