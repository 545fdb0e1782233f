// OnboardingPage — what every page of the onboarding wizard shares: the services, a body the page's
// Designer form is set up on, the busy state while a service call runs (form disabled, "Working…" and a busy
// bar, Next disabled), the page-level message ("pageMessage": a service error's translated sentence plus
// what to do next) and the asynchronous Next: validatePage() starts the page's service call and answers
// false; when the call succeeds the page advances itself.
#pragma once

#include "services/onboarding_service.h"
#include "ui/screen_services.h"

#include <QPointer>
#include <QWizardPage>

#include <utility>

class QLabel;
class QProgressBar;

namespace bw::ui {

class OnboardingWizard;

class OnboardingPage : public QWizardPage
{
    Q_OBJECT
    friend class OnboardingWizard;

public:
    OnboardingPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~OnboardingPage() override;

    // The wizard shows this page for the service's state (also after a resume or a step back).
    virtual void enter(const services::OnboardingState &state);
    // The page is left (forward, back or the wizard is reset): wipe secrets from the widgets.
    virtual void leave() {}
    // Forget everything typed (the application was discarded).
    virtual void reset() { clearMessage(); }

    bool isComplete() const final;
    bool validatePage() final;
    bool isBusy() const { return m_busy; }

protected:
    services::OnboardingService &onboarding() const { return *m_services.onboarding; }
    const ScreenServices &screenServices() const { return m_services; }
    // The widget the page's Designer form is set up on (above the message and the busy row).
    QWidget *body() const { return m_body; }

    // Whether Next may be pressed (inputs valid). Call notifyComplete() when it may have changed.
    virtual bool canSubmit() const { return true; }
    // Next was pressed: start the service call; finish with advance() or showError().
    virtual void submit() = 0;
    virtual void retranslate() {}

    void notifyComplete() { Q_EMIT completeChanged(); }
    // The page's title (large, in the wizard's header) and the sentence under it.
    void setHeading(const QString &title, const QString &subtitle);
    void setBusy(bool busy);
    // Moves on to the next page (after a successful call).
    void advance();
    void showError(const services::ServiceError &error, const QString &nextStep = {});
    void showMessage(const QString &text, bool error = true);
    void clearMessage();
    // The service moved to another step (e.g. back to an earlier one): the wizard shows that step's page,
    // with `error` (when set) and `nextStep` on it.
    void followService(const services::ServiceError &error = {}, const QString &nextStep = {});

    // Wraps a service callback so that it does nothing once the page is gone.
    template<typename F>
    auto guarded(F f)
    {
        return [self = QPointer<OnboardingPage>(this), f = std::move(f)](auto &&...args) mutable {
            if (self)
                f(std::forward<decltype(args)>(args)...);
        };
    }

    void changeEvent(QEvent *event) override;

private:
    ScreenServices m_services;
    QWidget *m_body = nullptr;
    QLabel *m_message = nullptr;   // "pageMessage"
    QWidget *m_busyRow = nullptr;  // "busyIndicator"
    QLabel *m_busyLabel = nullptr; // "busyLabel"
    QProgressBar *m_busyBar = nullptr;
    bool m_busy = false;
    bool m_passed = false;
};

} // namespace bw::ui
