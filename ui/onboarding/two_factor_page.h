// TwoFactorPage — the second factor: an authenticator app (the otpauth URI as a QR code, the key in groups
// of four for manual entry, one code to prove it works) or SMS codes instead. The key is shown once and
// cleared from the widgets as soon as the page is left.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <memory>

namespace Ui {
class TwoFactorPage;
}

namespace bw::ui {

class SignInPrompt;

class TwoFactorPage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit TwoFactorPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~TwoFactorPage() override;

    void enter(const services::OnboardingState &state) override;
    void leave() override;
    void reset() override;

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    void startTotp();
    void useSms();
    void showSignIn(bool show);

    std::unique_ptr<Ui::TwoFactorPage> m_ui;
    SignInPrompt *m_signIn = nullptr;
    bool m_totpReady = false;
};

} // namespace bw::ui
