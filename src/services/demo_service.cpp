#include "services/demo_service.h"

#include "services/service_calls_p.h"
#include "storage/database_worker.h"
#include "storage/wallet_database.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace bw::services {

namespace {

// The feed asked for per page while looking for held payments (the contract's maximum).
constexpr int kFeedPageSize = 1000;

} // namespace

DemoService::DemoService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &DemoService::poll);
}

DemoService::~DemoService()
{
    if (m_pollRequest != 0)
        m_context.gateway().cancel(m_pollRequest);
}

void DemoService::setPolling(bool on)
{
    if (on == m_polling)
        return;
    m_polling = on;
    if (on) {
        m_timer->start();
        poll();
    } else {
        m_timer->stop();
    }
}

void DemoService::pollNow(ServiceDone done)
{
    if (done)
        m_pollWaiters.push_back(std::move(done));
    poll();
}

void DemoService::poll()
{
    // One request at a time: a slow gateway must not pile polls up.
    if (m_pollRequest != 0)
        return;
    QPointer<DemoService> self(this);
    m_pollRequest = m_context.gateway().devOutbox(
        QString(), [self](gateway::Result<QList<gateway::OutboxMessage>> result) {
            if (self)
                self->onOutbox(std::move(result));
        });
}

QString DemoService::messageKey(const gateway::OutboxMessage &message)
{
    return message.sentAt.toString(Qt::ISODateWithMs) + QLatin1Char('\x1f') + message.to +
           QLatin1Char('\x1f') + message.code + QLatin1Char('\x1f') + message.purpose;
}

void DemoService::onOutbox(gateway::Result<QList<gateway::OutboxMessage>> result)
{
    m_pollRequest = 0;
    ServiceError error;
    if (!result) {
        error = ServiceError::fromGateway(result.error());
        // A cancelled poll (the service going away) is nobody's business.
        if (error.summary() != m_lastPollError && result.error().kind != gateway::ErrorKind::Cancelled) {
            m_lastPollError = error.summary();
            Q_EMIT pollFailed(error);
        }
    } else {
        m_lastPollError.clear();
        const QList<gateway::OutboxMessage> &batch = result.value();
        // The outbox is newest first: report the new ones oldest first, so each arrival is the newest.
        for (auto it = batch.crbegin(); it != batch.crend(); ++it) {
            const QString key = messageKey(*it);
            if (m_seen.contains(key))
                continue;
            m_seen.insert(key);
            m_messages.prepend(*it);
            Q_EMIT messageArrived(*it);
        }
    }
    auto waiters = std::move(m_pollWaiters);
    m_pollWaiters.clear();
    for (auto &done : waiters)
        done(error);
}

bool DemoService::requireWallet(ServiceError &error) const
{
    if (m_context.walletId().isEmpty()) {
        error = ServiceError::state(kNoWallet, tr("There is no wallet on this computer yet."));
        return false;
    }
    if (!m_context.isSignedIn()) {
        error = ServiceError::state(kNotSignedIn, tr("Sign in to the wallet first."));
        return false;
    }
    return true;
}

void DemoService::upgradeTier(int tier, ServiceDone done)
{
    ServiceError error;
    if (!requireWallet(error)) {
        detail::answerLater(this, std::move(done), error);
        return;
    }
    QPointer<DemoService> self(this);
    m_context.gateway().devSetTier(m_context.walletId(), tier,
                                   [self, done = std::move(done)](gateway::Result<gateway::DevTierResult> r) {
                                       if (!self || !done)
                                           return;
                                       done(r ? ServiceError{} : ServiceError::fromGateway(r.error()));
                                   });
}

void DemoService::simulateIncoming(const core::Money &amount, const QString &fromName,
                                   std::function<void(ServiceResult<gateway::Payment>)> done)
{
    ServiceError error;
    if (!requireWallet(error)) {
        detail::answerLater(this, std::move(done), ServiceResult<gateway::Payment>(error));
        return;
    }
    m_context.gateway().devIncoming(m_context.walletId(), amount, fromName,
                                    detail::relayResult<gateway::Payment>(this, std::move(done)));
}

void DemoService::heldPayments(std::function<void(ServiceResult<QList<gateway::Payment>>)> done)
{
    ServiceError error;
    if (!requireWallet(error)) {
        detail::answerLater(this, std::move(done), ServiceResult<QList<gateway::Payment>>(error));
        return;
    }
    // The feed repeats a payment whenever its status changes: walk it all (a demo wallet's feed is short)
    // and keep each payment's latest entry; then read the held ones.
    struct Walk
    {
        QHash<QString, gateway::PaymentStatus> latest;
        QStringList order; // first appearance, oldest first
        QList<gateway::Payment> held;
        int waiting = 0;
        ServiceError error;
        std::function<void(ServiceResult<QList<gateway::Payment>>)> done;
    };
    auto walk = std::make_shared<Walk>();
    walk->done = std::move(done);
    QPointer<DemoService> self(this);

    auto finish = [](const std::shared_ptr<Walk> &w) {
        auto done = std::move(w->done);
        w->done = nullptr;
        if (!done)
            return;
        if (w->error.isError()) {
            done(w->error);
            return;
        }
        std::sort(w->held.begin(), w->held.end(), [](const gateway::Payment &a, const gateway::Payment &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        });
        done(w->held);
    };
    auto readHeld = [self, finish](const std::shared_ptr<Walk> &w) {
        QStringList ids;
        for (const QString &id : std::as_const(w->order)) {
            if (w->latest.value(id) == gateway::PaymentStatus::PendingReview)
                ids.append(id);
        }
        if (ids.isEmpty()) {
            finish(w);
            return;
        }
        w->waiting = int(ids.size());
        for (const QString &id : std::as_const(ids)) {
            self->m_context.gateway().getPayment(id, [self, w, finish](gateway::Result<gateway::Payment> r) {
                if (!self)
                    return;
                if (!r && !w->error.isError())
                    w->error = ServiceError::fromGateway(r.error());
                else if (r && r.value().status == gateway::PaymentStatus::PendingReview)
                    w->held.append(r.value());
                if (--w->waiting == 0)
                    finish(w);
            });
        }
    };
    // One page after another; each page's callback holds the walk.
    auto next = std::make_shared<std::function<void(const QString &)>>();
    std::weak_ptr<std::function<void(const QString &)>> weakNext = next;
    *next = [self, walk, weakNext, readHeld, finish](const QString &after) {
        auto again = weakNext.lock();
        if (!self || !again)
            return;
        self->m_context.gateway().listTransactions(
            after, kFeedPageSize,
            [self, walk, again, readHeld, finish](gateway::Result<gateway::TransactionPage> page) {
                if (!self)
                    return;
                if (!page) {
                    walk->error = ServiceError::fromGateway(page.error());
                    finish(walk);
                    return;
                }
                for (const gateway::Transaction &t : page.value().data) {
                    if (!walk->latest.contains(t.paymentId))
                        walk->order.append(t.paymentId);
                    walk->latest.insert(t.paymentId, t.status);
                }
                if (page.value().hasMore && !page.value().nextCursor.isEmpty())
                    (*again)(page.value().nextCursor);
                else
                    readHeld(walk);
            });
    };
    (*next)(QString());
}

void DemoService::decideReview(const QString &paymentId, gateway::ReviewDecision decision,
                               std::function<void(ServiceResult<gateway::Payment>)> done)
{
    m_context.gateway().devDecideReview(paymentId, decision,
                                        detail::relayResult<gateway::Payment>(this, std::move(done)));
}

void DemoService::resetDemo(ServiceDone done)
{
    QPointer<DemoService> self(this);
    m_context.gateway().devReset([self,
                                  done = std::move(done)](gateway::Result<gateway::NoContent> r) mutable {
        if (!self)
            return;
        if (!r) {
            if (done)
                done(ServiceError::fromGateway(r.error()));
            return;
        }
        self->m_messages.clear();
        self->m_seen.clear();
        Q_EMIT self->messagesCleared();
        // The bank no longer knows this desktop's wallet: its credential is of no use any more, and
        // neither are its local rows (a new wallet must not inherit its history or feed cursor).
        self->m_context.forgetDeviceCredential(
            self, [self, done = std::move(done)](ServiceError forgot) mutable {
                if (!self)
                    return;
                self->m_context.openStorage(self, [self, forgot,
                                                   done = std::move(done)](ServiceError opened) mutable {
                    if (!self)
                        return;
                    auto finish = [self, done = std::move(done)](ServiceError error) {
                        // The demo bank is reset whatever happened here: the app must start over either way.
                        Q_EMIT self->demoReset();
                        if (done)
                            done(error);
                    };
                    if (opened.isError()) {
                        finish(forgot.isError() ? forgot : opened);
                        return;
                    }
                    self->m_context.database().run<storage::Status>(
                        [](storage::WalletDatabase &db) { return db.forgetWallet(); }, self,
                        [forgot, finish = std::move(finish)](storage::Status cleared) {
                            if (forgot.isError())
                                finish(forgot);
                            else
                                finish(cleared ? ServiceError{} : ServiceError::fromStorage(cleared.error()));
                        });
                });
            });
    });
}

} // namespace bw::services
