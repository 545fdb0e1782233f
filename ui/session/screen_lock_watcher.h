// ScreenLockWatcher — locks the wallet when the desktop locks its screen or goes to sleep, as the
// platform reports it over D-Bus (DESIGN.md: "auto-locks ... on screen lock/suspend"):
//   session bus  org.freedesktop.ScreenSaver.ActiveChanged(true)  (KDE, Xfce, most desktops)
//                org.gnome.ScreenSaver.ActiveChanged(true)        (GNOME)
//   system bus   org.freedesktop.login1.Manager.PrepareForSleep(true)
// Where neither bus is there (another platform, a headless run), it does nothing: the idle timer still
// locks the wallet.
#pragma once

#include "ui/screen_services.h"

#include <QObject>

namespace bw::ui {

class ScreenLockWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ScreenLockWatcher(const ScreenServices &services, QObject *parent = nullptr);

    // How many of the three signals it listens to (0 without D-Bus): for diagnostics and tests.
    int watchedSignals() const { return m_watched; }

private Q_SLOTS:
    void onScreenSaverActive(bool active);
    void onPrepareForSleep(bool sleeping);

private:
    ScreenServices m_services;
    int m_watched = 0;
};

} // namespace bw::ui
