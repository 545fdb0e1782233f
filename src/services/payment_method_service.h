// PaymentMethodService: the wallet's linked cards and bank accounts. Lists them from the gateway into the
// local cache (storage::PaymentMethodStore, on the DatabaseWorker; display data only, the holder's name
// sealed), adds a card or a bank account after checking the input locally with bw::core's validators (the
// full number and the CVC are only passed through to the gateway call and wiped, never kept or stored),
// removes one and sets the default. Every change re-reads the list from the gateway and updates the cache
// before answering, so methods() and the cache always show what the bank has. Needs a signed-in context.
#pragma once

#include "gateway/gateway_types.h"
#include "services/service_context.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace bw::services {

// A card as typed. The service wipes number and cvc (also on refusal).
struct CardInput
{
    QString number;
    int expMonth = 0;
    int expYear = 0; // two or four digits
    QString cvc;
    QString holderName;
};

// A bank account as typed: a domestic account number (8–30 digits) or an IBAN (starts with two letters).
struct BankAccountInput
{
    QString bankId;
    QString accountNumberOrIban; // wiped by the service
    QString holderName;
};

class PaymentMethodService : public QObject
{
    Q_OBJECT

public:
    using ListCallback = std::function<void(ServiceResult<QList<gateway::PaymentMethod>>)>;
    using MethodCallback = std::function<void(ServiceResult<gateway::PaymentMethod>)>;

    explicit PaymentMethodService(ServiceContext &context, QObject *parent = nullptr);
    ~PaymentMethodService() override;

    // Local checks only (kind Validation, field "number", "expiry", "cvc", "holder_name", "account").
    static ServiceError validateCard(const CardInput &input, QDate today = QDate::currentDate());
    static ServiceError validateBankAccount(const BankAccountInput &input);

    // The last list seen (from the gateway or the cache).
    QList<gateway::PaymentMethod> methods() const { return m_methods; }

    // GET /v1/payment-methods, then the cache is replaced with it; emits methodsChanged.
    void refresh(ListCallback done = {});
    // The cached list (e.g. at start-up, before the gateway answers); emits methodsChanged.
    void loadCached(ListCallback done = {});
    void addCard(CardInput input, MethodCallback done);
    void addBankAccount(BankAccountInput input, MethodCallback done);
    void remove(const QString &paymentMethodId, ServiceDone done);
    void setDefault(const QString &paymentMethodId, MethodCallback done);

Q_SIGNALS:
    void methodsChanged(const QList<bw::gateway::PaymentMethod> &methods);

private:
    // After a change: refresh (list + cache) and then answer.
    void refreshThen(std::function<void(ServiceError)> then);
    // The gateway's answer about one method (added, made the default): on success the list is refreshed
    // (the cache follows the bank) and the method answered as the refreshed list has it.
    gateway::Callback<gateway::PaymentMethod> answerRefreshed(MethodCallback done);

    ServiceContext &m_context;
    QList<gateway::PaymentMethod> m_methods;
};

} // namespace bw::services
