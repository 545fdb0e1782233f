// OnboardingService: opening a wallet, as the typed state machine of the contract's enrollment:
//   ChooseBank → ContactDetails → PhoneCode → Identity (or skip) → Credentials → TwoFactor → PaymentMethod
//   (optional) → Done
// (Rejected: the identity check refused the enrollee; restart() begins again.) The password and payment
// PIN are checked with bw::core's policies first, sent once (enrollment completion, then the first
// sign-in) and wiped: never kept after the call. The device credential the gateway returns goes straight
// into the OS keychain (ServiceContext::adoptDeviceCredential) before it is used.
//
// Resumable: the step and the non-secret data it needs (bank, enrollment id, masked phone, code times,
// wallet id, tier) are kept in the wallet database's settings (WalletSettingsStore, "onboarding.*"), and
// the contact details (name, phone, e-mail: personal data, needed by the password policy) sealed under the
// data key; so a new OnboardingService after a restart continues at the same step. Resumed at TwoFactor
// or PaymentMethod, the session token is gone (memory only): the state says signInRequired, and the
// caller signs in (SessionService) before continuing. Every call answers once, later, on this object's
// thread; errors are ServiceError (gateway, storage, keychain, validation, or State "wrong_step").
#pragma once

#include "gateway/gateway_types.h"
#include "services/payment_method_service.h"
#include "services/service_context.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace bw::services {

enum class OnboardingStep {
    ChooseBank,
    ContactDetails,
    PhoneCode,
    Identity,
    Credentials,
    TwoFactor,
    PaymentMethod,
    Done,
    Rejected,
};

// Stable name for persistence, logs and tests: "choose_bank", "contact_details", "phone_code", "identity",
// "credentials", "two_factor", "payment_method", "done", "rejected".
QString onboardingStepName(OnboardingStep step);

// What the UI shows; no secret in it.
struct OnboardingState
{
    OnboardingStep step = OnboardingStep::ChooseBank;
    QString bankId;
    QString enrollmentId;
    QString phoneMasked;
    QDateTime codeExpiresAt;
    QDateTime codeResendAfter;
    bool identitySkipped = false;
    QString kycResult;      // "verified", "review", "rejected"; empty before/without the identity step
    QStringList kycReasons; // contract codes (contractCodeMessage() has texts)
    QString walletId;       // from Credentials on
    int tier = 4;
    bool totpEnabled = false;
    bool signInRequired = false; // TwoFactor/PaymentMethod without a session: sign in first
};

struct IdentityInput
{
    gateway::DocumentType documentType = gateway::DocumentType::CnResidentId;
    QString documentNumber; // wiped by the service; never stored
    QDate dateOfBirth;
    QString nationality = QStringLiteral("CN");
};

class OnboardingService : public QObject
{
    Q_OBJECT

public:
    using StateCallback = std::function<void(ServiceResult<OnboardingState>)>;

    explicit OnboardingService(ServiceContext &context, QObject *parent = nullptr);
    ~OnboardingService() override;

    OnboardingState state() const { return m_state; }
    OnboardingStep step() const { return m_state.step; }
    bool isLoaded() const { return m_loaded; }

    // Opens the wallet database (data key from the keychain: kind Keychain when there is none — nothing is
    // sent and no file is written) and reads where a previous run stopped. Call first.
    void resume(StateCallback done);
    // Forgets an unfinished enrollment (before the wallet exists) and goes back to ChooseBank.
    void restart(ServiceDone done);

    // Banks for the first step (GET /v1/banks; wallet_supported says which can be chosen).
    void listBanks(std::function<void(ServiceResult<QList<gateway::Bank>>)> done);
    void chooseBank(const QString &bankId, ServiceDone done);
    // Validated locally (name, phone, e-mail), then POST /v1/enrollments: an SMS code is sent.
    void submitContactDetails(const QString &fullName, const QString &phone, const QString &email,
                              ServiceDone done);
    void resendCode(ServiceDone done);
    void verifyCode(const QString &code, ServiceDone done);
    // The KYC outcome; verified/review → Credentials, rejected → Rejected.
    void submitIdentity(IdentityInput input, std::function<void(ServiceResult<gateway::KycOutcome>)> done);
    void skipIdentity(ServiceDone done);
    // Password and payment PIN, both wiped. Creates the wallet, stores the device credential in the
    // keychain, signs in → TwoFactor.
    void submitCredentials(QString password, QString paymentPin, const QString &deviceName, ServiceDone done);
    // TwoFactor: the authenticator secret to show once (QR code from otpauthUri); not kept here.
    void startTotp(std::function<void(ServiceResult<gateway::TotpEnrollment>)> done);
    void confirmTotp(const QString &code, ServiceDone done);
    // Codes by SMS instead of an authenticator app.
    void useSmsTwoFactor(ServiceDone done);
    // PaymentMethod (optional): link a first card or account → Done; or skip.
    void addCard(CardInput input, PaymentMethodService::MethodCallback done);
    void addBankAccount(BankAccountInput input, PaymentMethodService::MethodCallback done);
    void skipPaymentMethod(ServiceDone done);

Q_SIGNALS:
    void stateChanged(const bw::services::OnboardingState &state);
    void stepChanged(bw::services::OnboardingStep step);

private:
    struct Contact
    {
        QString fullName;
        QString phone; // E.164
        QString email;
    };

    bool checkStep(std::initializer_list<OnboardingStep> allowed, const ServiceDone &done);
    ServiceError wrongStep() const;
    ServiceError busyError() const;
    // Persists `next` (and the sealed contact when given), then adopts it and answers.
    void commit(OnboardingState next, ServiceDone done);
    void finishCredentials(std::shared_ptr<QString> password, gateway::EnrollmentCredentials credentials,
                           ServiceDone done);
    void adopt(OnboardingState next);
    // An earlier step again (the enrollment or the bank cannot go on): persists `back`, then answers the
    // error that sent it there (a failure to persist is only logged by commit()).
    void goBack(OnboardingState back, ServiceError error, ServiceDone done);
    // The PaymentMethod step: whether a method may be linked now (else `done` is answered), and the callback
    // that, once the method is linked, re-reads the tier and moves on to Done.
    bool checkPaymentMethodStep(const PaymentMethodService::MethodCallback &done);
    PaymentMethodService::MethodCallback finishPaymentMethod(PaymentMethodService::MethodCallback done);

    ServiceContext &m_context;
    PaymentMethodService *m_methods = nullptr;
    OnboardingState m_state;
    bool m_loaded = false;
    bool m_busy = false;
    Contact m_contact; // kept (sealed) until the wallet exists, for the password policy
    QDate m_birthDate; // memory only: the PIN policy's birth-date rule
};

} // namespace bw::services
