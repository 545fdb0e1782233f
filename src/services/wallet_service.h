// API-READY
// WalletService: the signed-in wallet as the bank sees it (GET /v1/wallet: balances, tier, limits and what
// is used of them, second factor, frozen payments) plus the public facts the Help page shows (banks, fees)
// and the gateway connection test of Settings. Every callback runs on the service's thread on a later turn
// of the event loop, only while the service lives.
#pragma once

#include "gateway/gateway_types.h"
#include "services/service_context.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace bw::services {

// Who the signed-in customer is, as the Receive page puts it into a payment link: read from the local
// profile (storage::ProfileStore, sealed fields decrypted by the store), never from the gateway, whose
// wallet answer only has the masked phone.
struct PayeeProfile
{
    QString phone;       // E.164, e.g. "+8613912345678"
    QString displayName; // the full name the wallet was enrolled with
};

class WalletService : public QObject
{
    Q_OBJECT

public:
    using WalletCallback = std::function<void(ServiceResult<gateway::Wallet>)>;
    using FeesCallback = std::function<void(ServiceResult<gateway::FeeSchedule>)>;
    using BanksCallback = std::function<void(ServiceResult<QList<gateway::Bank>>)>;
    using MerchantsCallback = std::function<void(ServiceResult<QList<gateway::Merchant>>)>;
    using PayeeProfileCallback = std::function<void(ServiceResult<PayeeProfile>)>;

    // How long "Test connection" waits for the gateway before saying it is unreachable.
    static constexpr int kTestTimeoutMs = 5000;

    explicit WalletService(ServiceContext &context, QObject *parent = nullptr);
    ~WalletService() override;

    // GET /v1/wallet. On success the wallet is kept (wallet()) and walletChanged emitted; on failure
    // refreshFailed (and the last wallet stays). Needs a signed-in context (else State "not_signed_in").
    void refresh(WalletCallback done = {});
    // The last wallet the gateway answered; reset when the session ends (lock / sign-out).
    std::optional<gateway::Wallet> wallet() const { return m_wallet; }

    // The signed-in customer's full phone (E.164) and name from the local profile, read on the database
    // worker. Errors: State "not_signed_in" (locked or signed out: personal data only while signed in),
    // State "storage_not_open", State "profile_missing" (no profile saved, or no valid phone in it),
    // kind Storage (Undecryptable, SqlError, ...).
    void payeeProfile(PayeeProfileCallback done);

    // GET /v1/fees (public).
    void fees(FeesCallback done);
    // GET /v1/banks (public).
    void banks(BanksCallback done);
    // GET /v1/merchants (query empty: the whole directory), for the Pay dialog's payee list
    // (models::MerchantsModel::setMerchants).
    void merchants(const QString &query, MerchantsCallback done);

    // GET /healthz on `url` with a separate, short-lived client (the current gateway is not touched): the
    // Settings "Test connection" button. An unacceptable URL answers the URL error (kind Gateway,
    // Configuration); no answer within kTestTimeoutMs answers a timeout. done(no error) = connected.
    void testConnection(const QUrl &url, std::function<void(ServiceError)> done);

Q_SIGNALS:
    void walletChanged(const bw::gateway::Wallet &wallet);
    void refreshFailed(const bw::services::ServiceError &error);

private:
    ServiceContext &m_context;
    std::optional<gateway::Wallet> m_wallet;
};

} // namespace bw::services
