// ContactPage — full name, mobile phone and e-mail, each checked as it is typed with bw::core's validators
// (the message under the field); Next sends them (an SMS code goes out) and shows the bank's answer
// (e.g. the phone is already registered) on the page.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <memory>

namespace Ui {
class ContactPage;
}

namespace bw::ui {

class ValidatedField;

class ContactPage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit ContactPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~ContactPage() override;

    void enter(const services::OnboardingState &state) override;
    void reset() override;

    QString fullName() const;
    // E.164 ("+8613800138000") when valid, else as typed.
    QString phoneE164() const;

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    std::unique_ptr<Ui::ContactPage> m_ui;
    std::unique_ptr<ValidatedField> m_name;
    std::unique_ptr<ValidatedField> m_phone;
    std::unique_ptr<ValidatedField> m_email;
    // What was last sent: unchanged details after a step back need no new enrollment.
    QString m_sent;
};

} // namespace bw::ui
