// API-READY
// SecurityPage — Security in the main window: the sign-in password, the payment PIN (a frozen wallet is told
// that a PIN change unfreezes payments), two-step verification with an authenticator app, the devices
// that may sign in (this computer marked; others can be revoked) and the auto-lock minutes. The changes
// themselves happen in small dialogs (ChangePasswordDialog, ChangePinDialog, TwoFactorDialog) that hold
// the secrets only while they are open.
#pragma once

#include "ui/screen_services.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SecurityPage;
}
namespace bw::gateway {
struct Wallet;
struct Device;
} // namespace bw::gateway
namespace bw::services {
class ServiceError;
}

namespace bw::ui {

class SecurityPage : public QWidget
{
    Q_OBJECT
public:
    explicit SecurityPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~SecurityPage() override;

    // Asks the bank again for the wallet's security state and the devices.
    void refresh();

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void showWallet();
    void showDevices(const QList<gateway::Device> &devices);
    void showError(const services::ServiceError &error, const QString &next);
    void showNotice(const QString &text);
    void updateRevokeButton();
    void changePassword();
    void changePin();
    void enableTotp();
    void disableTotp();
    void revokeSelected();
    void loadDevices();
    void clearAll();

    std::unique_ptr<Ui::SecurityPage> m_ui;
    ScreenServices m_services;
    bool m_totpEnabled = false;
    bool m_frozen = false;
    bool m_walletKnown = false;
};

} // namespace bw::ui
