// API-READY
// DemoService: demo mode for bank staff, over the gateway's /v1/dev endpoints (demo gateways only; any
// other gateway answers resource_missing): the messages the bank "sent" (SMS and e-mail, polled from
// /v1/dev/outbox for the simulated phone), and the staff actions — in-branch tier upgrade, a simulated
// incoming transfer, approving or rejecting a held payment, resetting the demo bank.
//
// Polling: while setPolling(true), GET /v1/dev/outbox (every message, newest first) about once a second;
// messageArrived() once per message not seen before (oldest of a batch first, so a list that inserts at the
// top ends newest on top). Messages already in the outbox when polling first starts are reported too.
//
// Every call answers once, later, on this object's thread; errors are ServiceError (kind Gateway, or State
// "not_signed_in" / "no_wallet" for the calls that need the signed-in wallet).
#pragma once

#include "core/money.h"
#include "gateway/gateway_types.h"
#include "services/service_context.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QTimer;

namespace bw::services {

class DemoService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 1000;
    // Error codes of kind State.
    static inline const QString kNotSignedIn = QStringLiteral("not_signed_in");
    static inline const QString kNoWallet = QStringLiteral("no_wallet");

    explicit DemoService(ServiceContext &context, QObject *parent = nullptr);
    ~DemoService() override;

    // ---- simulated phone ----------------------------------------------------------------------------
    void setPolling(bool on);
    bool isPolling() const { return m_polling; }
    // One poll now (also when not polling); messageArrived() for the new ones, then done.
    void pollNow(ServiceDone done = {});
    // Every message seen so far, newest first.
    QList<gateway::OutboxMessage> messages() const { return m_messages; }

    // ---- staff actions ------------------------------------------------------------------------------
    // In-branch verification of the signed-in wallet (context.walletId()): POST /v1/dev/wallets/{id}/tier.
    void upgradeTier(int tier, ServiceDone done);
    // Money received by the signed-in wallet from `fromName` (screened like any name).
    void simulateIncoming(const core::Money &amount, const QString &fromName,
                          std::function<void(ServiceResult<gateway::Payment>)> done);
    // The signed-in wallet's payments waiting for a compliance decision (status pending_review), newest
    // first: found in the gateway's feed (each payment's latest entry), then read in full (GET
    // /v1/payments/{id}: the amounts of a held payment are not in its feed entry's balance change).
    void heldPayments(std::function<void(ServiceResult<QList<gateway::Payment>>)> done);
    void decideReview(const QString &paymentId, gateway::ReviewDecision decision,
                      std::function<void(ServiceResult<gateway::Payment>)> done);
    // POST /v1/dev/reset: the demo bank goes back to its seeded state — every wallet enrolled since (this
    // desktop's too) is gone. On success the device credential of this desktop is forgotten (keychain and
    // memory), the wallet's local rows are deleted (WalletDatabase::forgetWallet: a new wallet must not
    // inherit them), the session state becomes NoWallet, the phone's messages are cleared, and demoReset() is
    // emitted (the app then starts onboarding again) before done.
    void resetDemo(ServiceDone done);

Q_SIGNALS:
    void messageArrived(const bw::gateway::OutboxMessage &message);
    // The phone's messages were cleared (after a reset).
    void messagesCleared();
    void demoReset();
    // A poll failed (e.g. not a demo gateway: resource_missing). Emitted when the error changes, not on
    // every poll.
    void pollFailed(const bw::services::ServiceError &error);

private:
    void poll();
    void onOutbox(gateway::Result<QList<gateway::OutboxMessage>> result);
    bool requireWallet(ServiceError &error) const;
    static QString messageKey(const gateway::OutboxMessage &message);

    ServiceContext &m_context;
    QTimer *m_timer = nullptr;
    bool m_polling = false;
    gateway::RequestId m_pollRequest = 0;
    std::vector<ServiceDone> m_pollWaiters;
    QString m_lastPollError;
    QList<gateway::OutboxMessage> m_messages; // newest first
    QSet<QString> m_seen;
};

} // namespace bw::services
