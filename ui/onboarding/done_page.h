// DonePage — the wallet is open: its tier (badge), the limits of that tier, and what to do next (top up,
// link a card, verify the identity or verify in a branch for higher limits). "Go to my wallet" finishes.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <memory>

namespace Ui {
class DonePage;
}

namespace bw::ui {

class DonePage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit DonePage(const ScreenServices &services, QWidget *parent = nullptr);
    ~DonePage() override;

    void enter(const services::OnboardingState &state) override;

protected:
    void submit() override {}
    void retranslate() override;

private:
    std::unique_ptr<Ui::DonePage> m_ui;
    services::OnboardingState m_state;
};

} // namespace bw::ui
