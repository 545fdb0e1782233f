#include "ui/notifications/notifier.h"

#include "core/currency.h"
#include "gateway/gateway_error.h"
#include "services/history_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "services/settings_service.h"
#include "ui/sentences.h"

#include <QApplication>
#include <QDateTime>
#include <QIcon>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

namespace bw::ui {

using services::PaymentPhase;
using services::PaymentState;

namespace {

// News of the history older than this when the notifier starts is history, not news: a first sync on a
// new desktop must not announce every transfer of the past.
constexpr qint64 kNewsWindowMs = 10 * 60 * 1000;

QString moneyText(qint64 minor, const QString &currencyCode)
{
    const auto currency = core::Currency::fromCode(currencyCode);
    if (!currency)
        return {};
    return core::Money(minor < 0 ? -minor : minor, *currency).formatWithCode(QLocale());
}

QString counterpartyOf(const storage::HistoryRow &row)
{
    if (!row.counterpartyName.isEmpty())
        return row.counterpartyName;
    return QLocale().language() == QLocale::Chinese && !row.merchantNameZh.isEmpty() ? row.merchantNameZh
                                                                                     : row.merchantName;
}

} // namespace

Notifier::Notifier(const ScreenServices &services, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_statusBar(statusBar)
    , m_startedAtMs(QDateTime::currentMSecsSinceEpoch())
{
    setObjectName(QStringLiteral("notifier"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setObjectName(QStringLiteral("notifierTrayIcon"));
        m_tray->setToolTip(QStringLiteral("BankWallet"));
        m_tray->show();
    }
    if (m_services.payments)
        connect(m_services.payments, &services::PaymentService::paymentStateChanged, this,
                &Notifier::onPaymentState);
    if (m_services.history)
        connect(m_services.history, &services::HistoryService::rowsChanged, this, &Notifier::onHistoryChange);
}

Notifier::~Notifier() = default;

bool Notifier::enabled() const
{
    return !m_services.settings || m_services.settings->notificationsEnabled();
}

bool Notifier::signedIn() const
{
    return !m_services.context || m_services.context->isSignedIn();
}

void Notifier::onPaymentState(quint64 actionId, const PaymentState &state)
{
    if (!state.isFinal())
        return;
    // A wrong PIN or OTP: the dialog is still asking for it; nothing has happened to the money.
    if (state.phase == PaymentPhase::Failed && state.mayRetry)
        return;
    const QString key = state.payment
                            ? state.payment->id + QLatin1Char(':') + services::paymentPhaseName(state.phase)
                            : QStringLiteral("action:%1:%2:%3")
                                  .arg(actionId)
                                  .arg(state.idempotencyKey, services::paymentPhaseName(state.phase));
    QString title;
    QString text;
    bool warning = false;
    switch (state.phase) {
    case PaymentPhase::Succeeded: {
        title = tr("Payment successful");
        const gateway::Payment &p = *state.payment;
        const QString amount = p.debit.formatWithCode(QLocale());
        switch (state.kind) {
        case gateway::QuoteKind::Payment:
            text = tr("You paid %1 to %2.").arg(amount, p.counterparty.name);
            break;
        case gateway::QuoteKind::Transfer:
            title = tr("Money sent");
            text = tr("You sent %1 to %2.").arg(amount, p.counterparty.name);
            break;
        case gateway::QuoteKind::TopUp:
            title = tr("Top-up successful");
            text = tr("%1 was added to your balance.").arg(p.credit.formatWithCode(QLocale()));
            break;
        case gateway::QuoteKind::Withdrawal:
            title = tr("Withdrawal successful");
            text = tr("%1 is on its way to your bank account.").arg(p.credit.formatWithCode(QLocale()));
            break;
        }
        if (!p.receiptNo.isEmpty())
            text = detail::joinSentences(text, tr("Receipt number: %1").arg(p.receiptNo));
        break;
    }
    case PaymentPhase::Processing:
        title = tr("Payment processing");
        text = state.userMessage();
        break;
    case PaymentPhase::PendingReview:
        title = tr("Payment held for review");
        text = state.userMessage();
        break;
    case PaymentPhase::Rejected:
        title = tr("Payment rejected");
        text = state.userMessage();
        warning = true;
        break;
    case PaymentPhase::Declined:
        title = tr("Payment declined");
        text = state.userMessage();
        warning = true;
        break;
    case PaymentPhase::Failed:
    case PaymentPhase::Abandoned:
        title = tr("Payment not made");
        text = state.userMessage();
        warning = true;
        break;
    case PaymentPhase::Idle:
    case PaymentPhase::Recording:
    case PaymentPhase::Sending:
    case PaymentPhase::Unknown:
        return;
    }
    announce(key, title, text, warning);
}

void Notifier::onHistoryChange(const services::HistoryChange &change)
{
    const qint64 since = m_startedAtMs - kNewsWindowMs;
    for (const services::HistoryRowChange &entry : change.rows) {
        const storage::HistoryRow &row = entry.row;
        if (qMax(row.updatedAtMs, row.createdAtMs) < since)
            continue;
        const bool incoming = row.kind == QLatin1String("incoming");
        const bool wasHeld = entry.previousStatus == QLatin1String("pending_review");
        // The bank may also finish a payment later ("processing", in the contract though not in the stub).
        const bool wasProcessing = entry.previousStatus == QLatin1String("processing");
        const QString key = row.paymentId + QLatin1Char(':') + row.status;
        const QString name = counterpartyOf(row);
        if (row.status == QLatin1String("succeeded") && incoming &&
            (entry.previousStatus.isEmpty() || wasHeld)) {
            announce(key, tr("Money received"),
                     tr("You received %1 from %2.").arg(moneyText(row.amountMinor, row.currency), name));
        } else if (wasHeld && row.status == QLatin1String("succeeded")) {
            announce(key, tr("Payment approved"),
                     detail::joinSentences(
                         tr("Your payment to %1 was approved.").arg(name),
                         row.receiptNo.isEmpty() ? QString() : tr("Receipt number: %1").arg(row.receiptNo)));
        } else if (wasProcessing && row.status == QLatin1String("succeeded")) {
            announce(key, tr("Payment completed"),
                     detail::joinSentences(
                         tr("Your payment to %1 has gone through.").arg(name),
                         row.receiptNo.isEmpty() ? QString() : tr("Receipt number: %1").arg(row.receiptNo)));
        } else if ((wasHeld || wasProcessing) && row.status == QLatin1String("rejected")) {
            const QString reason = gateway::contractCodeMessage(row.failureCode);
            announce(key, tr("Payment rejected"),
                     detail::joinSentences(incoming ? tr("The transfer from %1 was rejected.").arg(name)
                                                    : tr("Your payment to %1 was rejected.").arg(name),
                                           reason),
                     true);
        }
    }
}

void Notifier::announce(const QString &key, const QString &title, const QString &text, bool warning)
{
    if (m_announced.contains(key))
        return;
    m_announced.insert(key);
    if (!enabled())
        return;
    // While the wallet is locked the desktop may be seen by others: say that something happened, not what.
    const QString shownText = signedIn() ? text : tr("Unlock BankWallet to see the details.");
    //: A notification in the status bar: its title, then its text.
    m_lastMessage = tr("%1: %2").arg(title, shownText);
    if (m_tray) {
        m_tray->showMessage(title, shownText,
                            warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                            kTrayTimeoutMs);
    } else if (m_statusBar) {
        m_statusBar->showMessage(m_lastMessage, kStatusTimeoutMs);
    }
    Q_EMIT notified(title, shownText);
}

} // namespace bw::ui
