// BankPage — the first step: find your bank in the gateway's directory (searchable, a coloured circle with
// the bank's initials as its logo). A bank that does not offer the wallet yet is listed greyed and, when
// chosen, explained (what to do instead) with Next disabled; an unreachable gateway offers Retry.
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <functional>
#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class BankPage;
}
namespace bw::models {
class BanksModel;
}

namespace bw::ui {

class BankPage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit BankPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~BankPage() override;

    void enter(const services::OnboardingState &state) override;
    void reset() override;
    // Opening the wallet's storage failed (e.g. the keychain is locked): the reason, what to do, and Retry
    // calls `retry`.
    void showStartFailure(const services::ServiceError &error, std::function<void()> retry);

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    void loadBanks();
    void onSelectionChanged();
    gateway::Bank selectedBank(bool *found) const;
    void selectBank(const QString &bankId);

    std::unique_ptr<Ui::BankPage> m_ui;
    models::BanksModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    services::OnboardingState m_state;
    QString m_wantedBankId; // select once the list has loaded
    bool m_loaded = false;
    bool m_loading = false;
    std::function<void()> m_retry; // set while a start failure is shown
};

} // namespace bw::ui
