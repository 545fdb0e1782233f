#include "services/onboarding_service.h"

#include "core/email_validator.h"
#include "core/name_validator.h"
#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "core/pin_policy.h"
#include "core/resident_id_validator.h"
#include "crypto/secret_bytes.h"
#include "services/service_calls_p.h"
#include "storage/database_worker.h"
#include "storage/profile_store.h"
#include "storage/transaction.h"
#include "storage/wallet_database.h"
#include "storage/wallet_settings_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcServices)

namespace bw::services {

using detail::answerLater;
using detail::holdSecret;

namespace {

const QString kPrefix = QStringLiteral("onboarding.");
const QString kStep = QStringLiteral("onboarding.step");
const QString kBank = QStringLiteral("onboarding.bank_id");
const QString kEnrollment = QStringLiteral("onboarding.enrollment_id");
const QString kPhoneMasked = QStringLiteral("onboarding.phone_masked");
const QString kCodeExpires = QStringLiteral("onboarding.code_expires_at");
const QString kCodeResend = QStringLiteral("onboarding.code_resend_after");
const QString kIdentitySkipped = QStringLiteral("onboarding.identity_skipped");
const QString kKycResult = QStringLiteral("onboarding.kyc_result");
const QString kKycReasons = QStringLiteral("onboarding.kyc_reasons");
const QString kWallet = QStringLiteral("onboarding.wallet_id");
const QString kTier = QStringLiteral("onboarding.tier");
const QString kTotp = QStringLiteral("onboarding.totp_enabled");
// The sealed contact details (AES-GCM under the data key; associated data = this table/column/row).
const QString kContact = QStringLiteral("onboarding.contact");
constexpr auto kSealTable = u"settings";
constexpr auto kSealColumn = u"onboarding.contact";
constexpr auto kSealRow = u"onboarding";

const OnboardingStep kAllSteps[] = {
    OnboardingStep::ChooseBank,    OnboardingStep::ContactDetails, OnboardingStep::PhoneCode,
    OnboardingStep::Identity,      OnboardingStep::Credentials,    OnboardingStep::TwoFactor,
    OnboardingStep::PaymentMethod, OnboardingStep::Done,           OnboardingStep::Rejected};

std::optional<OnboardingStep> stepFromName(const QString &name)
{
    for (OnboardingStep step : kAllSteps) {
        if (onboardingStepName(step) == name)
            return step;
    }
    return std::nullopt;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QMap<QString, QString> encodeState(const OnboardingState &s)
{
    QMap<QString, QString> values;
    values.insert(kStep, onboardingStepName(s.step));
    values.insert(kBank, s.bankId);
    values.insert(kEnrollment, s.enrollmentId);
    values.insert(kPhoneMasked, s.phoneMasked);
    values.insert(kCodeExpires, timeText(s.codeExpiresAt));
    values.insert(kCodeResend, timeText(s.codeResendAfter));
    values.insert(kIdentitySkipped, s.identitySkipped ? QStringLiteral("1") : QStringLiteral("0"));
    values.insert(kKycResult, s.kycResult);
    values.insert(kKycReasons, s.kycReasons.join(QLatin1Char(',')));
    values.insert(kWallet, s.walletId);
    values.insert(kTier, QString::number(s.tier));
    values.insert(kTotp, s.totpEnabled ? QStringLiteral("1") : QStringLiteral("0"));
    return values;
}

OnboardingState decodeState(const QMap<QString, QString> &v)
{
    OnboardingState s;
    s.step = stepFromName(v.value(kStep)).value_or(OnboardingStep::ChooseBank);
    s.bankId = v.value(kBank);
    s.enrollmentId = v.value(kEnrollment);
    s.phoneMasked = v.value(kPhoneMasked);
    s.codeExpiresAt = QDateTime::fromString(v.value(kCodeExpires), Qt::ISODate);
    s.codeResendAfter = QDateTime::fromString(v.value(kCodeResend), Qt::ISODate);
    s.identitySkipped = v.value(kIdentitySkipped) == QLatin1String("1");
    s.kycResult = v.value(kKycResult);
    s.kycReasons = v.value(kKycReasons).split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.walletId = v.value(kWallet);
    bool ok = false;
    const int tier = v.value(kTier).toInt(&ok);
    s.tier = ok && tier >= 1 && tier <= 4 ? tier : 4;
    s.totpEnabled = v.value(kTotp) == QLatin1String("1");
    return s;
}

// Consistency of a stored state: a step after ContactDetails needs its enrollment, one after Credentials
// its wallet. A damaged record starts over rather than calling the gateway with garbage.
bool plausible(const OnboardingState &s)
{
    switch (s.step) {
    case OnboardingStep::ChooseBank:
        return true;
    case OnboardingStep::ContactDetails:
        return !s.bankId.isEmpty();
    case OnboardingStep::PhoneCode:
    case OnboardingStep::Identity:
    case OnboardingStep::Credentials:
    case OnboardingStep::Rejected:
        return !s.enrollmentId.isEmpty();
    case OnboardingStep::TwoFactor:
    case OnboardingStep::PaymentMethod:
    case OnboardingStep::Done:
        return !s.walletId.isEmpty();
    }
    return false;
}

// A step that failed: the service is free for the next call and the caller hears why.
template<typename Callback>
void failStep(bool &busy, const Callback &done, const ServiceError &error)
{
    busy = false;
    if (done)
        done(error);
}

struct Loaded
{
    OnboardingState state;
    QString fullName, phone, email;
};

} // namespace

QString onboardingStepName(OnboardingStep step)
{
    switch (step) {
    case OnboardingStep::ChooseBank:
        return QStringLiteral("choose_bank");
    case OnboardingStep::ContactDetails:
        return QStringLiteral("contact_details");
    case OnboardingStep::PhoneCode:
        return QStringLiteral("phone_code");
    case OnboardingStep::Identity:
        return QStringLiteral("identity");
    case OnboardingStep::Credentials:
        return QStringLiteral("credentials");
    case OnboardingStep::TwoFactor:
        return QStringLiteral("two_factor");
    case OnboardingStep::PaymentMethod:
        return QStringLiteral("payment_method");
    case OnboardingStep::Done:
        return QStringLiteral("done");
    case OnboardingStep::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

OnboardingService::OnboardingService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_methods(new PaymentMethodService(context, this))
{
    qRegisterMetaType<bw::services::OnboardingState>();
    qRegisterMetaType<bw::services::OnboardingStep>();
    connect(&m_context, &ServiceContext::signedIn, this, [this] {
        if (m_state.signInRequired) {
            m_state.signInRequired = false;
            Q_EMIT stateChanged(m_state);
        }
    });
    connect(&m_context, &ServiceContext::locked, this, [this] {
        if (m_state.step == OnboardingStep::TwoFactor || m_state.step == OnboardingStep::PaymentMethod) {
            m_state.signInRequired = true;
            Q_EMIT stateChanged(m_state);
        }
    });
}

OnboardingService::~OnboardingService()
{
    crypto::secureWipe(m_contact.phone);
    crypto::secureWipe(m_contact.fullName);
    crypto::secureWipe(m_contact.email);
}

ServiceError OnboardingService::busyError() const
{
    return ServiceError::state(QStringLiteral("busy"), tr("Please wait for the current step to finish."));
}

ServiceError OnboardingService::wrongStep() const
{
    return ServiceError::state(
        QStringLiteral("wrong_step"),
        tr("This step is not available now. Continue where the wallet setup stopped."));
}

bool OnboardingService::checkStep(std::initializer_list<OnboardingStep> allowed, const ServiceDone &done)
{
    ServiceError error;
    if (!m_loaded)
        error = ServiceError::state(QStringLiteral("not_started"),
                                    tr("The wallet setup has not been loaded yet. Please try again."));
    else if (m_busy)
        error = busyError();
    else if (std::find(allowed.begin(), allowed.end(), m_state.step) == allowed.end())
        error = wrongStep();
    if (error.isError()) {
        answerLater(this, done, error);
        return false;
    }
    m_busy = true;
    return true;
}

void OnboardingService::adopt(OnboardingState next)
{
    const bool stepChangedNow = next.step != m_state.step;
    m_state = std::move(next);
    Q_EMIT stateChanged(m_state);
    if (stepChangedNow)
        Q_EMIT stepChanged(m_state.step);
}

void OnboardingService::goBack(OnboardingState back, ServiceError error, ServiceDone done)
{
    commit(std::move(back), [done = std::move(done), error = std::move(error)](ServiceError) {
        if (done)
            done(error);
    });
}

void OnboardingService::resume(StateCallback done)
{
    if (m_busy) {
        answerLater(this, done, busyError());
        return;
    }
    m_busy = true;
    QPointer<OnboardingService> self(this);
    m_context.openStorage(this, [self, done](ServiceError opened) {
        if (opened.isError()) {
            failStep(self->m_busy, done, opened);
            return;
        }
        self->m_context.database().run<storage::Result<Loaded>>(
            [](storage::WalletDatabase &db) -> storage::Result<Loaded> {
                auto all = storage::WalletSettingsStore(db).all();
                if (!all)
                    return all.error();
                Loaded loaded;
                loaded.state = decodeState(all.value());
                const QByteArray sealed = QByteArray::fromBase64(all.value().value(kContact).toLatin1());
                if (!sealed.isEmpty()) {
                    auto text = db.sealer().openText(sealed, kSealTable, kSealColumn, kSealRow);
                    if (!text)
                        return text.error();
                    const QJsonObject contact = QJsonDocument::fromJson(text.value().toUtf8()).object();
                    loaded.fullName = contact.value(QLatin1String("full_name")).toString();
                    loaded.phone = contact.value(QLatin1String("phone")).toString();
                    loaded.email = contact.value(QLatin1String("email")).toString();
                    crypto::secureWipe(text.value());
                }
                return loaded;
            },
            self,
            [self, done](storage::Result<Loaded> loaded) {
                if (!loaded) {
                    failStep(self->m_busy, done, ServiceError::fromStorage(loaded.error()));
                    return;
                }
                Loaded &l = loaded.value();
                OnboardingState state = plausible(l.state) ? l.state : OnboardingState{};
                self->m_contact = {l.fullName, l.phone, l.email};
                auto finish = [self, done](OnboardingState s) {
                    self->m_loaded = true;
                    self->m_busy = false;
                    self->adopt(std::move(s));
                    if (done)
                        done(self->m_state);
                };
                if (state.step != OnboardingStep::TwoFactor && state.step != OnboardingStep::PaymentMethod) {
                    finish(std::move(state));
                    return;
                }
                // The wallet exists: its device credential is in the keychain; the session is not.
                self->m_context.loadDeviceCredential(
                    self, [self, done, finish, state](ServiceResult<bool> credential) mutable {
                        if (!credential) {
                            failStep(self->m_busy, done, credential.error());
                            return;
                        }
                        state.signInRequired = !self->m_context.gateway().hasAccessToken();
                        finish(std::move(state));
                    });
            });
    });
}

void OnboardingService::commit(OnboardingState next, ServiceDone done)
{
    const QMap<QString, QString> values = encodeState(next);
    // The contact details are kept sealed only while the wallet does not exist yet; then they move to
    // the profile (sealed too) and the onboarding copy goes.
    const bool keepContact = next.walletId.isEmpty() && !m_contact.phone.isEmpty();
    const bool toProfile = !next.walletId.isEmpty() && !m_contact.phone.isEmpty();
    QJsonObject contact{{QStringLiteral("full_name"), m_contact.fullName},
                        {QStringLiteral("phone"), m_contact.phone},
                        {QStringLiteral("email"), m_contact.email}};
    QString contactJson =
        keepContact ? QString::fromUtf8(QJsonDocument(contact).toJson(QJsonDocument::Compact)) : QString();
    storage::ProfileRow profile;
    if (toProfile) {
        profile.walletId = next.walletId;
        profile.tier = next.tier;
        profile.kycStatus = next.kycResult.isEmpty() ? QStringLiteral("none") : next.kycResult;
        profile.phone = m_contact.phone;
        profile.fullName = m_contact.fullName;
        profile.email = m_contact.email;
        profile.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    }
    QPointer<OnboardingService> self(this);
    m_context.database().run<storage::Status>(
        [values, contactJson, keepContact, toProfile, profile, walletId = next.walletId,
         tier = next.tier](storage::WalletDatabase &db) mutable {
            storage::Transaction tx(db);
            if (!tx.ok())
                return tx.begun();
            storage::WalletSettingsStore settings(db);
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                auto set = it.value().isEmpty() ? settings.remove(it.key())
                                                : settings.setValue(it.key(), it.value());
                if (!set)
                    return set;
            }
            if (keepContact) {
                auto sealed = db.sealer().sealText(contactJson, kSealTable, kSealColumn, kSealRow);
                crypto::secureWipe(contactJson);
                if (!sealed)
                    return storage::Status(sealed.error());
                if (auto set = settings.setValue(kContact, QString::fromLatin1(sealed.value().toBase64()));
                    !set)
                    return set;
            } else if (auto removed = settings.remove(kContact); !removed) {
                return removed;
            }
            if (toProfile) {
                if (auto saved = storage::ProfileStore(db).save(profile); !saved)
                    return saved;
            } else if (!walletId.isEmpty()) {
                // Later steps can change the tier (a debit card): keep the cached profile in step.
                storage::ProfileStore profiles(db);
                auto current = profiles.get();
                if (!current)
                    return storage::Status(current.error());
                if (current.value() && current.value()->tier != tier) {
                    storage::ProfileRow row = *current.value();
                    row.tier = tier;
                    row.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
                    if (auto saved = profiles.save(row); !saved)
                        return saved;
                }
            }
            return tx.commit();
        },
        this,
        [self, next, toProfile, done](storage::Status stored) mutable {
            self->m_busy = false;
            if (!stored) {
                qCWarning(lcServices) << "onboarding state not saved:" << stored.error().codeName();
                if (done)
                    done(ServiceError::fromStorage(stored.error()));
                return;
            }
            if (toProfile) {
                crypto::secureWipe(self->m_contact.phone);
                crypto::secureWipe(self->m_contact.fullName);
                crypto::secureWipe(self->m_contact.email);
            }
            self->adopt(std::move(next));
            if (done)
                done(ServiceError{});
        });
}

void OnboardingService::restart(ServiceDone done)
{
    if (!checkStep({OnboardingStep::ChooseBank, OnboardingStep::ContactDetails, OnboardingStep::PhoneCode,
                    OnboardingStep::Identity, OnboardingStep::Credentials, OnboardingStep::Rejected},
                   done))
        return;
    m_contact = {};
    m_birthDate = {};
    commit(OnboardingState{}, std::move(done));
}

void OnboardingService::listBanks(std::function<void(ServiceResult<QList<gateway::Bank>>)> done)
{
    m_context.gateway().listBanks(detail::relayResult(this, std::move(done)));
}

void OnboardingService::chooseBank(const QString &bankId, ServiceDone done)
{
    if (!checkStep({OnboardingStep::ChooseBank, OnboardingStep::ContactDetails}, done))
        return;
    if (bankId.trimmed().isEmpty()) {
        m_busy = false;
        answerLater(this, std::move(done),
                    ServiceError::state(QStringLiteral("bank_missing"), tr("Choose your bank to continue.")));
        return;
    }
    OnboardingState next;
    next.step = OnboardingStep::ContactDetails;
    next.bankId = bankId.trimmed();
    commit(std::move(next), std::move(done));
}

void OnboardingService::submitContactDetails(const QString &fullName, const QString &phone,
                                             const QString &email, ServiceDone done)
{
    if (!checkStep({OnboardingStep::ContactDetails, OnboardingStep::PhoneCode}, done))
        return;
    auto fail = [this, &done](const QString &field, const core::ValidationError &error) {
        m_busy = false;
        answerLater(this, std::move(done), ServiceError::fromValidation(field, error));
    };
    auto name = core::NameValidator::validate(fullName);
    if (!name)
        return fail(QStringLiteral("full_name"), name.error());
    auto number = core::PhoneValidator::validate(phone);
    if (!number)
        return fail(QStringLiteral("phone"), number.error());
    auto address = core::EmailValidator::validate(email);
    if (!address)
        return fail(QStringLiteral("email"), address.error());

    gateway::EnrollmentRequest request{m_state.bankId, name.value(), number->e164(), address->address()};
    QPointer<OnboardingService> self(this);
    m_context.gateway().createEnrollment(
        request, [self, request, done](gateway::Result<gateway::EnrollmentStart> r) {
            if (!self)
                return;
            if (!r) {
                if (r.error().is(u"bank_not_supported")) {
                    // Back to the bank list: this bank cannot open wallets.
                    self->m_contact = {};
                    OnboardingState back;
                    back.step = OnboardingStep::ChooseBank;
                    const ServiceError error = ServiceError::fromGateway(r.error());
                    self->goBack(std::move(back), error, done);
                    return;
                }
                failStep(self->m_busy, done, ServiceError::fromGateway(r.error()));
                return;
            }
            self->m_contact = {request.fullName, request.phone, request.email};
            OnboardingState next;
            next.step = OnboardingStep::PhoneCode;
            next.bankId = request.bankId;
            next.enrollmentId = r->enrollmentId;
            next.phoneMasked = r->otp.toMasked;
            next.codeExpiresAt = r->otp.expiresAt;
            next.codeResendAfter = r->otp.resendAfter;
            self->commit(std::move(next), done);
        });
}

void OnboardingService::resendCode(ServiceDone done)
{
    if (!checkStep({OnboardingStep::PhoneCode}, done))
        return;
    QPointer<OnboardingService> self(this);
    m_context.gateway().resendEnrollmentOtp(
        m_state.enrollmentId, [self, done](gateway::Result<gateway::OtpInfo> r) {
            if (!self)
                return;
            if (!r) {
                failStep(self->m_busy, done, ServiceError::fromGateway(r.error()));
                return;
            }
            OnboardingState next = self->m_state;
            next.codeExpiresAt = r->expiresAt;
            next.codeResendAfter = r->resendAfter;
            if (!r->toMasked.isEmpty())
                next.phoneMasked = r->toMasked;
            self->commit(std::move(next), done);
        });
}

void OnboardingService::verifyCode(const QString &code, ServiceDone done)
{
    if (!checkStep({OnboardingStep::PhoneCode}, done))
        return;
    QPointer<OnboardingService> self(this);
    m_context.gateway().verifyEnrollmentOtp(
        m_state.enrollmentId, code.trimmed(), [self, done](gateway::Result<gateway::EnrollmentVerify> r) {
            if (!self)
                return;
            if (!r) {
                const ServiceError error = ServiceError::fromGateway(r.error());
                if (r.error().is(u"otp_attempts_exceeded")) {
                    // This enrollment is dead: enter the contact details again for a new one.
                    OnboardingState back;
                    back.step = OnboardingStep::ContactDetails;
                    back.bankId = self->m_state.bankId;
                    self->goBack(std::move(back), error, done);
                    return;
                }
                failStep(self->m_busy, done, error);
                return;
            }
            OnboardingState next = self->m_state;
            next.step = OnboardingStep::Identity;
            next.codeExpiresAt = {};
            next.codeResendAfter = {};
            self->commit(std::move(next), done);
        });
}

void OnboardingService::submitIdentity(IdentityInput input,
                                       std::function<void(ServiceResult<gateway::KycOutcome>)> done)
{
    auto number = holdSecret(std::move(input.documentNumber));
    auto answer = [this, done](ServiceError error) { answerLater(this, done, error); };
    if (!checkStep({OnboardingStep::Identity, OnboardingStep::Credentials},
                   [answer](ServiceError e) { answer(e); }))
        return;
    gateway::IdentityRequest request;
    request.documentType = input.documentType;
    request.dateOfBirth = input.dateOfBirth;
    request.nationality = input.nationality.isEmpty() ? QStringLiteral("CN") : input.nationality;
    if (input.documentType == gateway::DocumentType::CnResidentId) {
        auto id = core::ResidentIdValidator::validate(*number, input.dateOfBirth, QDate::currentDate());
        if (!id) {
            m_busy = false;
            return answer(ServiceError::fromValidation(id.code() == core::ValidationCode::DocumentMismatch
                                                           ? QStringLiteral("date_of_birth")
                                                           : QStringLiteral("document_number"),
                                                       id.error()));
        }
        request.documentNumber = QString(id->number.constData(), id->number.size());
        crypto::secureWipe(const_cast<QString &>(id->number));
    } else {
        request.documentNumber = number->trimmed();
        if (request.documentNumber.isEmpty() || !input.dateOfBirth.isValid()) {
            m_busy = false;
            return answer(ServiceError::fromValidation(
                QStringLiteral("document_number"),
                {core::ValidationCode::InvalidDocumentNumber, core::ValidationReason::Empty}));
        }
    }
    const QDate birth = input.dateOfBirth;
    QPointer<OnboardingService> self(this);
    m_context.gateway().submitIdentity(
        m_state.enrollmentId, request, [self, birth, done](gateway::Result<gateway::EnrollmentIdentity> r) {
            if (!self)
                return;
            if (!r) {
                failStep(self->m_busy, done, ServiceError::fromGateway(r.error()));
                return;
            }
            const gateway::KycOutcome kyc = r->kyc;
            OnboardingState next = self->m_state;
            next.identitySkipped = false;
            next.kycResult = gateway::contractString(kyc.result);
            next.kycReasons = kyc.reasons;
            next.tier = kyc.tier;
            next.step = kyc.result == gateway::KycResult::Rejected ? OnboardingStep::Rejected
                                                                   : OnboardingStep::Credentials;
            self->m_birthDate = birth;
            self->commit(std::move(next), [done, kyc](ServiceError stored) {
                if (!done)
                    return;
                if (stored.isError())
                    done(stored);
                else
                    done(kyc);
            });
        });
    crypto::secureWipe(request.documentNumber);
}

void OnboardingService::skipIdentity(ServiceDone done)
{
    if (!checkStep({OnboardingStep::Identity}, done))
        return;
    OnboardingState next = m_state;
    next.identitySkipped = true;
    next.tier = 4;
    next.step = OnboardingStep::Credentials;
    commit(std::move(next), std::move(done));
}

void OnboardingService::submitCredentials(QString password, QString paymentPin, const QString &deviceName,
                                          ServiceDone done)
{
    auto heldPassword = holdSecret(std::move(password));
    auto heldPin = holdSecret(std::move(paymentPin));
    if (!checkStep({OnboardingStep::Credentials}, done))
        return;
    auto policy = core::PasswordPolicy::check(*heldPassword, m_contact.phone, m_contact.fullName);
    if (!policy) {
        m_busy = false;
        answerLater(this, std::move(done),
                    ServiceError::fromValidation(QStringLiteral("password"), policy.error()));
        return;
    }
    // What the gateway hashes is the NFKC form; the same form signs in afterwards.
    // The typed form is wiped before it is replaced (assignment alone would free it unwiped).
    crypto::secureWipe(*heldPassword);
    *heldPassword = policy.value();
    crypto::secureWipe(const_cast<QString &>(policy.value()));
    auto pin = core::PinPolicy::check(*heldPin, m_birthDate);
    if (!pin) {
        m_busy = false;
        answerLater(this, std::move(done), ServiceError::fromValidation(QStringLiteral("pin"), pin.error()));
        return;
    }
    crypto::secureWipe(const_cast<QString &>(pin.value()));
    gateway::EnrollmentCompleteRequest request{
        *heldPassword, *heldPin, deviceName.trimmed().isEmpty() ? tr("Desktop") : deviceName.trimmed()};
    QPointer<OnboardingService> self(this);
    m_context.gateway().completeEnrollment(
        m_state.enrollmentId, request,
        [self, heldPassword, done](gateway::Result<gateway::EnrollmentCredentials> r) mutable {
            if (!self)
                return;
            if (!r) {
                failStep(self->m_busy, done, ServiceError::fromGateway(r.error()));
                return;
            }
            self->finishCredentials(heldPassword, std::move(r.value()), done);
        });
    // The client has serialized the body; the PIN is not needed again.
    crypto::secureWipe(request.password);
    crypto::secureWipe(request.paymentPin);
    crypto::secureWipe(*heldPin);
}

void OnboardingService::finishCredentials(std::shared_ptr<QString> password,
                                          gateway::EnrollmentCredentials credentials, ServiceDone done)
{
    OnboardingState next = m_state;
    next.walletId = credentials.device.walletId;
    next.tier = credentials.tier;
    next.step = OnboardingStep::TwoFactor;
    next.enrollmentId.clear();
    next.phoneMasked = m_state.phoneMasked;
    QPointer<OnboardingService> self(this);
    m_context.adoptDeviceCredential(
        std::move(credentials.device), this, [self, password, next, done](ServiceError stored) mutable {
            if (stored.isError()) {
                // The wallet exists but this desktop could not keep its credential: the user adds the
                // desktop later (phone + password + SMS). The step stays, the error says why.
                qCWarning(lcServices) << "device credential not stored:" << stored.summary();
                crypto::secureWipe(*password);
                failStep(self->m_busy, done, stored);
                return;
            }
            // First sign-in right away, so two-factor set-up can follow; then the password goes.
            self->m_context.gateway().createSession(
                *password, [self, next, done](gateway::Result<gateway::Session> session) mutable {
                    if (!self)
                        return;
                    ServiceError sessionError;
                    if (session) {
                        self->m_context.markSignedIn();
                        next.signInRequired = false;
                    } else {
                        sessionError = ServiceError::fromGateway(session.error());
                        next.signInRequired = true;
                    }
                    self->commit(std::move(next), [done, sessionError](ServiceError stored) {
                        if (done)
                            done(stored.isError() ? stored : sessionError);
                    });
                });
            crypto::secureWipe(*password);
        });
}

void OnboardingService::startTotp(std::function<void(ServiceResult<gateway::TotpEnrollment>)> done)
{
    auto answer = [this, done](ServiceError error) { answerLater(this, done, error); };
    if (!checkStep({OnboardingStep::TwoFactor}, [answer](ServiceError e) { answer(e); }))
        return;
    m_busy = false; // nothing is saved by this call
    if (!m_context.gateway().hasAccessToken())
        return answer(
            ServiceError::state(QStringLiteral("sign_in_required"),
                                tr("Sign in with your password to continue setting up your wallet.")));
    m_context.gateway().startTotp(detail::relayResult(this, std::move(done)));
}

void OnboardingService::confirmTotp(const QString &code, ServiceDone done)
{
    if (!checkStep({OnboardingStep::TwoFactor}, done))
        return;
    if (!m_context.gateway().hasAccessToken()) {
        m_busy = false;
        answerLater(
            this, std::move(done),
            ServiceError::state(QStringLiteral("sign_in_required"),
                                tr("Sign in with your password to continue setting up your wallet.")));
        return;
    }
    QPointer<OnboardingService> self(this);
    m_context.gateway().confirmTotp(code.trimmed(), [self, done](gateway::Result<gateway::TotpStatus> r) {
        if (!self)
            return;
        if (!r || !r->totpEnabled) {
            failStep(self->m_busy, done,
                     r ? ServiceError::state(QStringLiteral("totp_not_enabled"),
                                             tr("The authenticator app could not be turned on. Try again."))
                       : ServiceError::fromGateway(r.error()));
            return;
        }
        OnboardingState next = self->m_state;
        next.totpEnabled = true;
        next.step = OnboardingStep::PaymentMethod;
        self->commit(std::move(next), done);
    });
}

void OnboardingService::useSmsTwoFactor(ServiceDone done)
{
    if (!checkStep({OnboardingStep::TwoFactor}, done))
        return;
    OnboardingState next = m_state;
    next.totpEnabled = false;
    next.step = OnboardingStep::PaymentMethod;
    commit(std::move(next), std::move(done));
}

bool OnboardingService::checkPaymentMethodStep(const PaymentMethodService::MethodCallback &done)
{
    return checkStep({OnboardingStep::PaymentMethod},
                     [this, done](ServiceError error) { answerLater(this, done, std::move(error)); });
}

PaymentMethodService::MethodCallback
OnboardingService::finishPaymentMethod(PaymentMethodService::MethodCallback done)
{
    QPointer<OnboardingService> self(this);
    return [self, done = std::move(done)](ServiceResult<gateway::PaymentMethod> added) {
        if (!self)
            return;
        if (!added) {
            failStep(self->m_busy, done, added.error());
            return;
        }
        gateway::PaymentMethod method = added.value();
        OnboardingState next = self->m_state;
        next.step = OnboardingStep::Done;
        // A debit card may have raised the tier: ask the gateway (best effort).
        self->m_context.gateway().getWallet(
            [self, next, method, done](gateway::Result<gateway::Wallet> w) mutable {
                if (!self)
                    return;
                if (w)
                    next.tier = w->tier;
                self->commit(std::move(next), [method, done](ServiceError stored) {
                    if (!done)
                        return;
                    if (stored.isError())
                        done(stored);
                    else
                        done(method);
                });
            });
    };
}

void OnboardingService::addCard(CardInput input, PaymentMethodService::MethodCallback done)
{
    if (!checkPaymentMethodStep(done)) {
        crypto::secureWipe(input.number);
        crypto::secureWipe(input.cvc);
        return;
    }
    m_methods->addCard(std::move(input), finishPaymentMethod(std::move(done)));
}

void OnboardingService::addBankAccount(BankAccountInput input, PaymentMethodService::MethodCallback done)
{
    if (!checkPaymentMethodStep(done)) {
        crypto::secureWipe(input.accountNumberOrIban);
        return;
    }
    m_methods->addBankAccount(std::move(input), finishPaymentMethod(std::move(done)));
}

void OnboardingService::skipPaymentMethod(ServiceDone done)
{
    if (!checkStep({OnboardingStep::PaymentMethod}, done))
        return;
    OnboardingState next = m_state;
    next.step = OnboardingStep::Done;
    commit(std::move(next), std::move(done));
}

} // namespace bw::services
