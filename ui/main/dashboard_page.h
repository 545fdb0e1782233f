// DashboardPage — the wallet's home page: balances per currency, the tier with its limits and what is left
// of them today, a payments-frozen warning, the linked cards and accounts, the latest transactions from
// the local history, and the quick actions (Pay, Transfer, Top up, Withdraw, Receive). A failed refresh
// (gateway unreachable, session ended, ...) shows a banner with the reason and Retry.
#pragma once

#include "ui/screen_services.h"

#include <QDateTime>
#include <QWidget>
#include <memory>

namespace Ui {
class DashboardPage;
}
namespace bw::gateway {
struct Wallet;
}
namespace bw::models {
class HistoryModel;
class PaymentMethodsModel;
} // namespace bw::models
namespace bw::services {
class ServiceError;
}
namespace bw::storage {
class WalletDatabase;
}

namespace bw::ui {

// The dashboard's big buttons: each opens the Pay dialog for its kind, or the Receive page.
enum class QuickAction { Pay, Transfer, TopUp, Withdraw, Receive };

class LimitMeter;
class TierBadge;

class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    // Rows shown under "Recent activity".
    static constexpr int kRecentRows = 8;

    explicit DashboardPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // Asks the gateway for the wallet summary and the payment methods, and syncs the history.
    void refresh();
    // Forgets everything shown (the session ended): nothing of the wallet stays on screen.
    void clear();

Q_SIGNALS:
    void quickActionRequested(bw::ui::QuickAction action);
    // A recent transaction was opened (double-click or Enter): show its receipt.
    void receiptRequested(const QString &paymentId);
    // "Manage" next to the cards and accounts.
    void paymentMethodsRequested();
    // "See all" next to the recent activity: the History page.
    void historyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showWallet(const gateway::Wallet &wallet);
    void showError(const services::ServiceError &error);
    void openHistory();
    void fillRecent();
    void updateEmptyStates();
    void setBusy(int delta);
    void retranslate();

    std::unique_ptr<Ui::DashboardPage> m_ui;
    ScreenServices m_services;
    TierBadge *m_tierBadge = nullptr;
    LimitMeter *m_dailyMeter = nullptr;
    LimitMeter *m_annualMeter = nullptr;
    models::PaymentMethodsModel *m_methodsModel = nullptr;
    // The model reads through the reader: declared after it, so destroyed first.
    std::unique_ptr<storage::WalletDatabase> m_reader;
    std::unique_ptr<models::HistoryModel> m_history;
    bool m_openingReader = false;
    bool m_hasWallet = false;
    int m_busy = 0;
    QDateTime m_updatedAt;
};

} // namespace bw::ui
