// API-READY
// AutoLock — the app-wide half of auto-lock. It notes user input (key press, mouse press, wheel; at most
// once a second) to SessionService::noteActivity(), so the idle timer only runs out when the person is
// away. When the wallet locks (ServiceContext::locked, for any reason) it first closes every open dialog
// and popup menu, wipes every password-mode QLineEdit in the app, and only then emits
// lockScreenRequested(reason) for the app controller to show the SignInPage in Locked mode.
// A dialog that must survive a lock sets the dynamic property "bwSurvivesLock" to true (none does today).
#pragma once

#include "services/service_context.h"
#include "ui/screen_services.h"

#include <QElapsedTimer>
#include <QObject>

namespace bw::ui {

class AutoLock : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kSurvivesLockProperty = "bwSurvivesLock";

    AutoLock(const ScreenServices &services, QObject *parent);
    ~AutoLock() override;

    // Closes dialogs and menus and clears password fields, as on a lock (also used by sign-out).
    static void clearSecretsAndDialogs();

Q_SIGNALS:
    void lockScreenRequested(bw::services::LockReason reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onLocked(services::LockReason reason);

    ScreenServices m_services;
    QElapsedTimer m_sinceNoted;
};

} // namespace bw::ui
