// CredentialsPage — the sign-in password (strength meter, the policy's rules, show/hide, confirmation) and
// the six-digit payment PIN typed twice (a trivial PIN — 123456, 111111, the date of birth — is explained
// under the boxes). Next creates the wallet; both secrets are wiped from the widgets right after.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <QDate>

#include <memory>

namespace Ui {
class CredentialsPage;
}

namespace bw::ui {

class CredentialsPage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit CredentialsPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~CredentialsPage() override;

    // What the password and PIN rules compare against (from the earlier pages when known).
    void setPersonalContext(const QString &fullName, const QString &phoneE164, QDate birthDate);
    void reset() override;

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    void checkPins();
    void wipe();

    std::unique_ptr<Ui::CredentialsPage> m_ui;
    QDate m_birthDate;
    bool m_pinOk = false;
};

} // namespace bw::ui
