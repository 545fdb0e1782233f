// API-READY
// OnboardingWizard — opening a wallet, step by step, over services::OnboardingService: bank → contact
// details → phone code → identity (or skip) → password and payment PIN → two-factor → first card or account
// → done. The service keeps the step (resumable), so start() opens the page of the stored step: reopening
// the app continues where the person stopped.
//
// Meant to be embedded as a page of the main window (setWindowFlags(Qt::Widget) is done here; exec() is not
// needed): the wizard never hides itself. It emits finished() when the person closes the Done page ("Go to
// my wallet") and cancelled() once they confirmed discarding the application (the service was restarted);
// the owner decides what is shown next.
#pragma once

#include "ui/screen_services.h"

#include <QWizard>

namespace bw::services {
struct OnboardingState;
}

namespace bw::ui {

class OnboardingPage;

class OnboardingWizard : public QWizard
{
    Q_OBJECT

public:
    // Page ids, in the order of the steps.
    enum PageId {
        BankPageId,
        ContactPageId,
        CodePageId,
        IdentityPageId,
        CredentialsPageId,
        TwoFactorPageId,
        PaymentMethodPageId,
        DonePageId,
    };

    explicit OnboardingWizard(const ScreenServices &services, QWidget *parent = nullptr);
    ~OnboardingWizard() override;

    // Reads where a previous run stopped (OnboardingService::resume) and opens that page.
    void start();

    // Esc and Cancel: asks before discarding the application (nothing asked once the wallet exists).
    void reject() override;
    // Finish on the Done page: emits finished(); the wizard stays as it is.
    void accept() override;

Q_SIGNALS:
    void finished();
    void cancelled();

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class OnboardingPage;
    void showStep(const services::OnboardingState &state);
    void onCurrentIdChanged(int id);
    void updateButtons();
    void retranslate();
    void confirmDiscard();

    ScreenServices m_services;
    int m_previousId = -1;
    bool m_starting = false;
};

} // namespace bw::ui
