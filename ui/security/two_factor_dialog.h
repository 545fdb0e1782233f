// TwoFactorDialog — Security → two-step verification. Enable: a new authenticator secret from the bank as
// a QR code of the otpauth URI and the key in groups of four, then one code from the app turns it on.
// Disable: a code from the app or an SMS code ("Send SMS code"). Non-blocking (open()); the key, the QR code
// and the code are wiped when it closes and when the wallet locks.
#pragma once

#include "ui/screen_services.h"
#include "ui/security/security_dialog.h"

#include <memory>

namespace Ui {
class TwoFactorDialog;
}

namespace bw::ui {

class TwoFactorDialog : public SecurityDialog
{
    Q_OBJECT
public:
    enum class Mode { Enable, Disable };

    TwoFactorDialog(const ScreenServices &services, Mode mode, QWidget *parent = nullptr);
    ~TwoFactorDialog() override;

    Mode mode() const { return m_mode; }
    void accept() override;

Q_SIGNALS:
    // The authenticator was turned on (Enable) or off (Disable).
    void changed();

protected:
    void clearSecrets() override;
    void retranslate() override;

private:
    void startTotp();
    void updateState();
    void setBusy(bool busy, const QString &text = {});

    std::unique_ptr<Ui::TwoFactorDialog> m_ui;
    ScreenServices m_services;
    Mode m_mode;
    bool m_busy = false;
    bool m_ready = false; // Enable: the secret is shown
};

} // namespace bw::ui
