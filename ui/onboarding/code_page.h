// CodePage — the SMS code: where it went (masked), the 6-digit code, "Resend" after its countdown, the
// attempts left after a wrong code, an expired code explained with "Send a new code", and after too many
// wrong codes the way to start again with the contact details.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <memory>

class QTimer;

namespace Ui {
class CodePage;
}

namespace bw::ui {

class CodePage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit CodePage(const ScreenServices &services, QWidget *parent = nullptr);
    ~CodePage() override;

    void enter(const services::OnboardingState &state) override;
    void leave() override;
    void reset() override;

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    void updateCountdown();
    void resend();
    void showDead(const services::ServiceError &error);

    std::unique_ptr<Ui::CodePage> m_ui;
    QTimer *m_timer = nullptr;
    services::OnboardingState m_state;
    bool m_expired = false; // the gateway said the code expired (or its time passed)
    bool m_dead = false;    // too many wrong codes: only "Start again" helps
};

} // namespace bw::ui
