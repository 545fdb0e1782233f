// PaymentMethodPage — the optional first card or bank account (CardForm / BankAccountForm in two tabs):
// "Link" sends it (a debit card or account of a verified wallet raises it to tier 2), "Skip for now" goes
// straight to the end. The number and CVC are wiped from the forms after a successful call and when the page
// is left; after a refusal the CVC always goes, the number (or account number) too when the refusal is about
// it, and the bank's message is shown under the field it is about.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <memory>

namespace Ui {
class PaymentMethodPage;
}

namespace bw::ui {

class SignInPrompt;

class PaymentMethodPage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit PaymentMethodPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~PaymentMethodPage() override;

    // The holder name the forms start with (the name given on the contact page).
    void setHolderName(const QString &name);
    void enter(const services::OnboardingState &state) override;
    void leave() override;
    void reset() override;

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    void skip();
    void showSignIn(bool show);
    void loadBanks();
    bool cardTab() const;
    // After a refused link: wipe the CVC, and the number or account number when `field` is about it.
    void dropSecretsAfterRefusal(bool card, const QString &field);

    std::unique_ptr<Ui::PaymentMethodPage> m_ui;
    SignInPrompt *m_signIn = nullptr;
    bool m_banksLoaded = false;
};

} // namespace bw::ui
