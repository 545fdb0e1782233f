// SimulatedPhone: the demo customer's phone and mailbox in a dock — every SMS and e-mail the demo bank
// sends (DemoService::messageArrived), newest on top, in the current language (the bank's Chinese text in
// Chinese), and the newest code in large type for a presenter to read aloud. Polls the outbox while shown.
#pragma once

#include "gateway/gateway_types.h"
#include "ui/screen_services.h"

#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class SimulatedPhone;
}

namespace bw::ui {

class SimulatedPhone : public QWidget
{
    Q_OBJECT

public:
    // Item data roles of phoneMessages (Qt::DisplayRole is the message text in the current language).
    enum Role {
        ChannelRole = Qt::UserRole + 1, // "sms" | "email"
        ToRole,
        TimeRole, // QDateTime (sent_at)
        CodeRole,
    };

    explicit SimulatedPhone(const ScreenServices &services, QWidget *parent = nullptr);
    ~SimulatedPhone() override;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void addMessage(const gateway::OutboxMessage &message);
    void clearMessages();
    void retranslate();
    void updateLatest();
    void updateClock();
    bool chinese() const;

    std::unique_ptr<Ui::SimulatedPhone> ui;
    ScreenServices m_services;
    QList<gateway::OutboxMessage> m_messages; // newest first, as the list shows them
    QTimer *m_clock = nullptr;
};

} // namespace bw::ui
