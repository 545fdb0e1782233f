#include "services/payment_method_service.h"

#include "core/card_validator.h"
#include "core/iban_validator.h"
#include "core/name_validator.h"
#include "crypto/secret_bytes.h"
#include "services/service_calls_p.h"
#include "storage/database_worker.h"
#include "storage/payment_method_store.h"
#include "storage/wallet_database.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcServices)

namespace bw::services {

namespace {

using gateway::PaymentMethod;

storage::PaymentMethodRow toRow(const PaymentMethod &m, int order)
{
    storage::PaymentMethodRow row;
    row.id = m.id;
    row.type = gateway::contractString(m.type);
    row.brand = m.brand ? gateway::contractString(*m.brand) : QString();
    row.funding = m.funding ? gateway::contractString(*m.funding) : QString();
    row.last4 = m.last4;
    row.expMonth = m.expMonth;
    row.expYear = m.expYear;
    row.bankId = m.bankId;
    row.bankName = m.bankName;
    row.country = m.country;
    row.holderName = m.holderName;
    row.isDefault = m.isDefault;
    row.sortOrder = order;
    return row;
}

template<typename E>
std::optional<E> enumFromContract(const QString &text, std::initializer_list<E> values)
{
    for (E value : values) {
        if (gateway::contractString(value) == text)
            return value;
    }
    return std::nullopt;
}

PaymentMethod fromRow(const storage::PaymentMethodRow &row)
{
    PaymentMethod m;
    m.id = row.id;
    m.type = row.type == QLatin1String("bank_account") ? gateway::PaymentMethodType::BankAccount
                                                       : gateway::PaymentMethodType::Card;
    using gateway::CardBrand;
    using gateway::Funding;
    m.brand = enumFromContract(row.brand, {CardBrand::Visa, CardBrand::Mastercard, CardBrand::UnionPay,
                                           CardBrand::Amex, CardBrand::Jcb});
    m.funding = enumFromContract(row.funding, {Funding::Debit, Funding::Credit});
    m.last4 = row.last4;
    m.expMonth = row.expMonth;
    m.expYear = row.expYear;
    m.bankId = row.bankId;
    m.bankName = row.bankName;
    m.country = row.country;
    m.holderName = row.holderName;
    m.isDefault = row.isDefault;
    return m;
}

bool looksLikeIban(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.size() >= 2 && trimmed.at(0).isLetter() && trimmed.at(1).isLetter();
}

ServiceError notSignedIn()
{
    return ServiceError::state(QStringLiteral("not_signed_in"),
                               QCoreApplication::translate("bw::services::PaymentMethodService",
                                                           "Sign in to manage your cards and accounts."));
}

} // namespace

PaymentMethodService::PaymentMethodService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

PaymentMethodService::~PaymentMethodService() = default;

ServiceError PaymentMethodService::validateCard(const CardInput &input, QDate today)
{
    auto number = core::CardValidator::validateNumber(input.number);
    if (!number)
        return ServiceError::fromValidation(QStringLiteral("number"), number.error());
    auto expiry = core::CardValidator::validateExpiry(input.expMonth, input.expYear, today);
    if (!expiry)
        return ServiceError::fromValidation(QStringLiteral("expiry"), expiry.error());
    auto cvc = core::CardValidator::validateCvc(input.cvc, number->brand);
    if (!cvc)
        return ServiceError::fromValidation(QStringLiteral("cvc"), cvc.error());
    auto holder = core::NameValidator::validate(input.holderName);
    if (!holder)
        return ServiceError::fromValidation(QStringLiteral("holder_name"), holder.error());
    return {};
}

ServiceError PaymentMethodService::validateBankAccount(const BankAccountInput &input)
{
    if (looksLikeIban(input.accountNumberOrIban)) {
        auto iban = core::IbanValidator::validate(input.accountNumberOrIban);
        if (!iban)
            return ServiceError::fromValidation(QStringLiteral("account"), iban.error());
    } else {
        auto account = core::IbanValidator::validateAccountNumber(input.accountNumberOrIban);
        if (!account)
            return ServiceError::fromValidation(QStringLiteral("account"), account.error());
    }
    auto holder = core::NameValidator::validate(input.holderName);
    if (!holder)
        return ServiceError::fromValidation(QStringLiteral("holder_name"), holder.error());
    if (input.bankId.trimmed().isEmpty())
        return ServiceError::state(QStringLiteral("bank_missing"),
                                   tr("Choose the bank that holds the account."));
    return {};
}

void PaymentMethodService::refresh(ListCallback done)
{
    if (!m_context.gateway().hasAccessToken()) {
        detail::answerLater(this, std::move(done), notSignedIn());
        return;
    }
    QPointer<PaymentMethodService> self(this);
    m_context.gateway().listPaymentMethods([self, done](gateway::Result<QList<PaymentMethod>> listed) {
        if (!self)
            return;
        if (!listed) {
            if (done)
                done(ServiceError::fromGateway(listed.error()));
            return;
        }
        QList<PaymentMethod> methods = listed.value();
        self->m_context.openStorage(self, [self, methods, done](ServiceError opened) {
            if (opened.isError()) {
                // The bank's answer is still right: show it, say the cache could not be written.
                self->m_methods = methods;
                Q_EMIT self->methodsChanged(methods);
                if (done)
                    done(opened);
                return;
            }
            QVector<storage::PaymentMethodRow> rows;
            for (int i = 0; i < methods.size(); ++i)
                rows.append(toRow(methods.at(i), i));
            self->m_context.database().run<storage::Status>(
                [rows](storage::WalletDatabase &db) {
                    return storage::PaymentMethodStore(db).replaceAll(rows);
                },
                self,
                [self, methods, done](storage::Status stored) {
                    self->m_methods = methods;
                    Q_EMIT self->methodsChanged(methods);
                    if (!stored) {
                        qCWarning(lcServices) << "payment methods not cached:" << stored.error().codeName();
                        if (done)
                            done(ServiceError::fromStorage(stored.error()));
                        return;
                    }
                    if (done)
                        done(methods);
                });
        });
    });
}

void PaymentMethodService::loadCached(ListCallback done)
{
    QPointer<PaymentMethodService> self(this);
    m_context.openStorage(this, [self, done](ServiceError opened) {
        if (opened.isError()) {
            if (done)
                done(opened);
            return;
        }
        self->m_context.database().run<storage::Result<QVector<storage::PaymentMethodRow>>>(
            [](storage::WalletDatabase &db) { return storage::PaymentMethodStore(db).list(); }, self,
            [self, done](storage::Result<QVector<storage::PaymentMethodRow>> rows) {
                if (!rows) {
                    if (done)
                        done(ServiceError::fromStorage(rows.error()));
                    return;
                }
                QList<PaymentMethod> methods;
                for (const auto &row : rows.value())
                    methods.append(fromRow(row));
                self->m_methods = methods;
                Q_EMIT self->methodsChanged(methods);
                if (done)
                    done(methods);
            });
    });
}

void PaymentMethodService::refreshThen(std::function<void(ServiceError)> then)
{
    refresh([then](ServiceResult<QList<PaymentMethod>> listed) {
        if (!listed)
            qCWarning(lcServices) << "payment methods not refreshed after a change:"
                                  << listed.error().summary();
        then(ServiceError{});
    });
}

void PaymentMethodService::addCard(CardInput input, MethodCallback done)
{
    ServiceError invalid = validateCard(input);
    if (!invalid.isError() && !m_context.gateway().hasAccessToken())
        invalid = notSignedIn();
    if (invalid.isError()) {
        crypto::secureWipe(input.number);
        crypto::secureWipe(input.cvc);
        detail::answerLater(this, std::move(done), std::move(invalid));
        return;
    }
    gateway::CardRequest request;
    {
        // Digits only (spaces and dashes removed); the validator's copy goes out of scope here.
        auto number = core::CardValidator::validateNumber(input.number);
        request.number = QString(number->digits.constData(), number->digits.size());
    }
    auto expiry = core::CardValidator::validateExpiry(input.expMonth, input.expYear, QDate::currentDate());
    request.expMonth = expiry->month;
    request.expYear = expiry->year;
    request.cvc = std::move(input.cvc);
    request.holderName = core::NameValidator::validate(input.holderName).value();
    crypto::secureWipe(input.number);
    m_context.gateway().addCard(request, answerRefreshed(std::move(done)));
    // The client has serialized the request: wipe the number and the CVC now.
    crypto::secureWipe(request.number);
    crypto::secureWipe(request.cvc);
}

void PaymentMethodService::addBankAccount(BankAccountInput input, MethodCallback done)
{
    ServiceError invalid = validateBankAccount(input);
    if (!invalid.isError() && !m_context.gateway().hasAccessToken())
        invalid = notSignedIn();
    if (invalid.isError()) {
        crypto::secureWipe(input.accountNumberOrIban);
        detail::answerLater(this, std::move(done), std::move(invalid));
        return;
    }
    gateway::BankAccountRequest request;
    request.bankId = input.bankId.trimmed();
    request.holderName = core::NameValidator::validate(input.holderName).value();
    if (looksLikeIban(input.accountNumberOrIban)) {
        auto iban = core::IbanValidator::validate(input.accountNumberOrIban);
        request.iban = QString(iban->compact.constData(), iban->compact.size());
    } else {
        auto account = core::IbanValidator::validateAccountNumber(input.accountNumberOrIban);
        request.accountNumber = QString(account->digits.constData(), account->digits.size());
    }
    crypto::secureWipe(input.accountNumberOrIban);
    m_context.gateway().addBankAccount(request, answerRefreshed(std::move(done)));
    crypto::secureWipe(request.accountNumber);
    crypto::secureWipe(request.iban);
}

void PaymentMethodService::remove(const QString &paymentMethodId, ServiceDone done)
{
    QPointer<PaymentMethodService> self(this);
    m_context.gateway().deletePaymentMethod(paymentMethodId,
                                            [self, done](gateway::Result<gateway::NoContent> r) {
                                                if (!self)
                                                    return;
                                                if (!r) {
                                                    if (done)
                                                        done(ServiceError::fromGateway(r.error()));
                                                    return;
                                                }
                                                self->refreshThen([done](ServiceError) {
                                                    if (done)
                                                        done(ServiceError{});
                                                });
                                            });
}

void PaymentMethodService::setDefault(const QString &paymentMethodId, MethodCallback done)
{
    m_context.gateway().setDefaultPaymentMethod(paymentMethodId, answerRefreshed(std::move(done)));
}

gateway::Callback<PaymentMethod> PaymentMethodService::answerRefreshed(MethodCallback done)
{
    QPointer<PaymentMethodService> self(this);
    return [self, done = std::move(done)](gateway::Result<PaymentMethod> changed) {
        if (!self)
            return;
        if (!changed) {
            if (done)
                done(ServiceError::fromGateway(changed.error()));
            return;
        }
        PaymentMethod method = changed.value();
        self->refreshThen([self, method, done](ServiceError) {
            PaymentMethod current = method;
            for (const auto &m : self->m_methods) {
                if (m.id == method.id)
                    current = m;
            }
            if (done)
                done(current);
        });
    };
}

} // namespace bw::services
