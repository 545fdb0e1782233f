// ChangePasswordDialog — Security → Change password: the current password, the new one with the strength
// meter and the policy's rules, and its confirmation. Non-blocking (open()); wipes every edit when it
// closes and when the wallet locks.
#pragma once

#include "ui/screen_services.h"
#include "ui/security/security_dialog.h"

#include <memory>

namespace Ui {
class ChangePasswordDialog;
}

namespace bw::ui {

class ChangePasswordDialog : public SecurityDialog
{
    Q_OBJECT
public:
    explicit ChangePasswordDialog(const ScreenServices &services, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    void accept() override;

Q_SIGNALS:
    // The bank changed the password (emitted before the dialog closes).
    void passwordChanged();

protected:
    void clearSecrets() override;
    void retranslate() override;

private:
    void updateState();
    void setBusy(bool busy);

    std::unique_ptr<Ui::ChangePasswordDialog> m_ui;
    ScreenServices m_services;
    bool m_busy = false;
};

} // namespace bw::ui
