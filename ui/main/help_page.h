// HelpPage — Help (F1): the questions customers ask — which banks support the wallet (the gateway's bank
// list), how to register, how to pay, how safe it is, what it costs (the gateway's fee schedule), a
// forgotten password — and the support contacts. Works signed out too (banks and fees are public).
#pragma once

#include "gateway/gateway_types.h"
#include "ui/screen_services.h"

#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class HelpPage;
}

namespace bw::ui {

class HelpPage : public QWidget
{
    Q_OBJECT
public:
    explicit HelpPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~HelpPage() override;

    // Loads the bank list and the fee schedule (again only when the last attempt failed or never ran).
    void refresh();
    // The page as plain text (what the browser shows), for tests and screen readers.
    QString plainText() const;

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    QString banksSection() const;
    QString feesSection() const;
    void retranslate();

    std::unique_ptr<Ui::HelpPage> m_ui;
    ScreenServices m_services;
    std::optional<QList<gateway::Bank>> m_banks;
    std::optional<gateway::FeeSchedule> m_fees;
    QString m_banksError;
    QString m_feesError;
    int m_loading = 0;
};

} // namespace bw::ui
