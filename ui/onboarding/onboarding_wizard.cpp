#include "ui/onboarding/onboarding_wizard.h"

#include "services/onboarding_service.h"
#include "ui/onboarding/bank_page.h"
#include "ui/onboarding/code_page.h"
#include "ui/onboarding/contact_page.h"
#include "ui/onboarding/credentials_page.h"
#include "ui/onboarding/done_page.h"
#include "ui/onboarding/identity_page.h"
#include "ui/onboarding/payment_method_page.h"
#include "ui/onboarding/two_factor_page.h"

#include <QAbstractButton>
#include <QEvent>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

namespace {
using services::OnboardingStep;

int pageOf(OnboardingStep step)
{
    switch (step) {
    case OnboardingStep::ChooseBank:
        return OnboardingWizard::BankPageId;
    case OnboardingStep::ContactDetails:
        return OnboardingWizard::ContactPageId;
    case OnboardingStep::PhoneCode:
        return OnboardingWizard::CodePageId;
    case OnboardingStep::Identity:
    case OnboardingStep::Rejected:
        return OnboardingWizard::IdentityPageId;
    case OnboardingStep::Credentials:
        return OnboardingWizard::CredentialsPageId;
    case OnboardingStep::TwoFactor:
        return OnboardingWizard::TwoFactorPageId;
    case OnboardingStep::PaymentMethod:
        return OnboardingWizard::PaymentMethodPageId;
    case OnboardingStep::Done:
        return OnboardingWizard::DonePageId;
    }
    return OnboardingWizard::BankPageId;
}

// The wallet exists from the two-factor step on: nothing left to discard.
bool walletExists(OnboardingStep step)
{
    return step == OnboardingStep::TwoFactor || step == OnboardingStep::PaymentMethod ||
           step == OnboardingStep::Done;
}
} // namespace

OnboardingWizard::OnboardingWizard(const ScreenServices &services, QWidget *parent)
    : QWizard(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("onboardingWizard"));
    setWindowFlags(Qt::Widget);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setTitleFormat(Qt::RichText);
    setSubTitleFormat(Qt::PlainText);

    setPage(BankPageId, new BankPage(services, this));
    setPage(ContactPageId, new ContactPage(services, this));
    setPage(CodePageId, new CodePage(services, this));
    setPage(IdentityPageId, new IdentityPage(services, this));
    setPage(CredentialsPageId, new CredentialsPage(services, this));
    setPage(TwoFactorPageId, new TwoFactorPage(services, this));
    setPage(PaymentMethodPageId, new PaymentMethodPage(services, this));
    setPage(DonePageId, new DonePage(services, this));
    setStartId(BankPageId);

    const std::pair<WizardButton, const char *> names[] = {
        {BackButton, "backButton"},     {NextButton, "nextButton"},     {CommitButton, "commitButton"},
        {FinishButton, "finishButton"}, {CancelButton, "cancelButton"},
    };
    for (const auto &[which, name] : names) {
        if (QAbstractButton *b = button(which))
            b->setObjectName(QString::fromLatin1(name));
    }

    connect(this, &QWizard::currentIdChanged, this, &OnboardingWizard::onCurrentIdChanged);
    retranslate();
}

OnboardingWizard::~OnboardingWizard()
{
    // Secrets out of the widgets before they go.
    for (int id : pageIds()) {
        if (auto *p = qobject_cast<OnboardingPage *>(page(id)))
            p->leave();
    }
}

void OnboardingWizard::retranslate()
{
    setWindowTitle(tr("Open your wallet"));
    setButtonText(NextButton, tr("&Next"));
    setButtonText(BackButton, tr("&Back"));
    setButtonText(CancelButton, tr("Cancel"));
    setButtonText(FinishButton, tr("&Go to my wallet"));
}

void OnboardingWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void OnboardingWizard::start()
{
    if (!m_services.onboarding || m_starting)
        return;
    m_starting = true;
    QPointer<OnboardingWizard> self(this);
    m_services.onboarding->resume([self](services::ServiceResult<services::OnboardingState> result) {
        if (!self)
            return;
        self->m_starting = false;
        if (!result) {
            // Nothing could be read (e.g. the keychain is locked): explained on the first page, with Retry.
            self->showStep(services::OnboardingState{});
            if (auto *bank = qobject_cast<BankPage *>(self->page(BankPageId)))
                bank->showStartFailure(result.error(), [self] {
                    if (self)
                        self->start();
                });
            return;
        }
        self->showStep(result.value());
    });
}

void OnboardingWizard::showStep(const services::OnboardingState &state)
{
    const int id = pageOf(state.step);
    setStartId(id);
    if (currentId() == id && m_previousId == id) {
        // Same page again (e.g. resumed twice): just refresh it.
        if (auto *p = qobject_cast<OnboardingPage *>(currentPage()))
            p->enter(state);
        updateButtons();
        return;
    }
    restart();
}

void OnboardingWizard::onCurrentIdChanged(int id)
{
    if (m_previousId != -1 && m_previousId != id) {
        if (auto *previous = qobject_cast<OnboardingPage *>(page(m_previousId)))
            previous->leave();
    }
    m_previousId = id;
    auto *current = qobject_cast<OnboardingPage *>(page(id));
    if (!current)
        return;
    const services::OnboardingState state =
        m_services.onboarding ? m_services.onboarding->state() : services::OnboardingState{};

    // What later pages compare against, from what was typed earlier in this run.
    auto *contact = qobject_cast<ContactPage *>(page(ContactPageId));
    if (id == CredentialsPageId) {
        auto *identity = qobject_cast<IdentityPage *>(page(IdentityPageId));
        qobject_cast<CredentialsPage *>(current)->setPersonalContext(
            contact->fullName(), contact->phoneE164(), identity->acceptedBirthDate());
    } else if (id == PaymentMethodPageId) {
        qobject_cast<PaymentMethodPage *>(current)->setHolderName(contact->fullName());
    }
    current->enter(state);
    current->notifyComplete();
    updateButtons();
}

void OnboardingWizard::updateButtons()
{
    const int id = currentId();
    QList<WizardButton> layout{Stretch};
    if (id == DonePageId) {
        layout << FinishButton;
    } else if (id == TwoFactorPageId || id == PaymentMethodPageId) {
        // The wallet exists: there is no going back and nothing to discard.
        layout << NextButton;
    } else {
        layout << CancelButton;
        // Back only where going back can change something: the bank (from the contact details), the
        // contact details (from the code) and the identity (from the password, before the wallet exists).
        if (id == ContactPageId || id == CodePageId || id == CredentialsPageId)
            layout << BackButton;
        layout << NextButton;
    }
    setButtonLayout(layout);
}

void OnboardingWizard::accept()
{
    if (currentId() == DonePageId)
        Q_EMIT finished();
}

void OnboardingWizard::reject()
{
    const services::OnboardingStep step =
        m_services.onboarding ? m_services.onboarding->step() : services::OnboardingStep::ChooseBank;
    if (walletExists(step))
        return;
    if (auto *p = qobject_cast<OnboardingPage *>(currentPage()); p && p->isBusy())
        return;
    confirmDiscard();
}

void OnboardingWizard::confirmDiscard()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard your application?"),
                                tr("Discard your application?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("discardDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("The bank you chose, your contact details and everything you entered after them will be "
           "forgotten, and the code we sent will no longer work. You can start a new application at any "
           "time."));
    QPushButton *discard = box->addButton(tr("&Discard application"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    QPushButton *keep = box->addButton(tr("&Keep going"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    QPointer<OnboardingWizard> self(this);
    connect(box, &QMessageBox::buttonClicked, this, [self, discard](QAbstractButton *clicked) {
        if (!self || clicked != discard)
            return;
        self->m_services.onboarding->restart([self](services::ServiceError error) {
            if (!self)
                return;
            if (error) {
                if (auto *p = qobject_cast<OnboardingPage *>(self->currentPage()))
                    p->showError(error, tr("Try again."));
                return;
            }
            for (int id : self->pageIds()) {
                if (auto *p = qobject_cast<OnboardingPage *>(self->page(id))) {
                    p->leave();
                    p->reset();
                }
            }
            self->showStep(self->m_services.onboarding->state());
            Q_EMIT self->cancelled();
        });
    });
    box->open();
}

} // namespace bw::ui
