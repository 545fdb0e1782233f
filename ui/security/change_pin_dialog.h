// ChangePinDialog — Security → Change PIN: the sign-in password, the new PIN twice (PinEntry), and the
// one-time code: from the authenticator app when it is on, otherwise an SMS code ("Send SMS code" with the
// resend countdown). A frozen wallet is told that the new PIN unfreezes payments. Non-blocking (open());
// wipes every secret when it closes and when the wallet locks.
#pragma once

#include "ui/screen_services.h"
#include "ui/security/security_dialog.h"

#include <memory>

namespace Ui {
class ChangePinDialog;
}

namespace bw::ui {

class ChangePinDialog : public SecurityDialog
{
    Q_OBJECT
public:
    // totpEnabled: the code comes from the authenticator app (else SMS); frozen: payments are frozen now.
    ChangePinDialog(const ScreenServices &services, bool totpEnabled, bool frozen, QWidget *parent = nullptr);
    ~ChangePinDialog() override;

    void accept() override;

Q_SIGNALS:
    void pinChanged();

protected:
    void clearSecrets() override;
    void retranslate() override;

private:
    void checkPins();
    void updateState();
    void setBusy(bool busy);

    std::unique_ptr<Ui::ChangePinDialog> m_ui;
    ScreenServices m_services;
    bool m_totp = false;
    bool m_busy = false;
};

} // namespace bw::ui
