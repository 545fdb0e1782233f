// StaffActions: what bank staff do for the demo customer, in a dock — the in-branch tier upgrade, a
// simulated incoming transfer, approving or rejecting held payments, and resetting the demo bank (with a
// confirmation saying what is erased). Each action's result, or its translated error, shows in
// "staffMessage". Over DemoService only; the wallet and history are refreshed after a change so the
// dashboard follows.
#pragma once

#include "gateway/gateway_types.h"
#include "services/service_context.h"
#include "ui/screen_services.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class StaffActions;
}

namespace bw::ui {

class StaffActions : public QWidget
{
    Q_OBJECT

public:
    explicit StaffActions(const ScreenServices &services, QWidget *parent = nullptr);
    ~StaffActions() override;

    // Asks the gateway for the held payments again (also done on sign-in, on show and after actions).
    void refreshHeldPayments();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void upgradeTier();
    void simulateIncoming();
    void decide(gateway::ReviewDecision decision);
    void resetDemo();

    void retranslate();
    void updateState();
    void updateTierLabel();
    void validateIncoming();
    void fillHeldList();
    void setBusy(bool busy);
    void showResult(const QString &text, bool error);
    void showError(const services::ServiceError &error);
    void afterChange();
    void fitContentsHeight();
    bool signedIn() const;

    std::unique_ptr<Ui::StaffActions> ui;
    ScreenServices m_services;
    bool m_busy = false;
    bool m_heldLoading = false;
    std::optional<core::Money> m_amount; // the valid amount typed, if any
    bool m_fromValid = false;
    QList<gateway::Payment> m_held;
    // The last result shown, kept as a function so it can be said again in a new language.
    std::function<QString()> m_resultText;
    bool m_resultIsError = false;
};

} // namespace bw::ui
