// API-READY
// Notifier — desktop notifications of what happens to the customer's money while the app runs: a payment's
// final result (also when its dialog was closed while the payment was in flight: the PaymentService owns
// it), a held payment approved or rejected by the bank, and money received. Shown with
// QSystemTrayIcon::showMessage when the desktop has a system tray (a tray icon with the app icon), otherwise
// as a status-bar message (kStatusTimeoutMs). Honours SettingsService::notificationsEnabled(). Each event
// is announced once: a payment's result once per payment id, a history row's news once per payment id and
// status.
//
//   auto *notifier = new Notifier(services, window->statusBar(), window);
#pragma once

#include "ui/screen_services.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QStatusBar;
class QSystemTrayIcon;

namespace bw::services {
struct HistoryChange;
struct PaymentState;
} // namespace bw::services

namespace bw::ui {

class Notifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int kStatusTimeoutMs = 15000;
    static constexpr int kTrayTimeoutMs = 10000;

    Notifier(const ScreenServices &services, QStatusBar *statusBar, QObject *parent = nullptr);
    ~Notifier() override;

    // Whether messages go to the system tray (else the status bar).
    bool usesTray() const { return m_tray != nullptr; }
    // The last message announced (title and text joined), whichever way it was shown; empty when none.
    QString lastMessage() const { return m_lastMessage; }

Q_SIGNALS:
    // Emitted for every announcement (after it is shown).
    void notified(const QString &title, const QString &text);

private:
    void onPaymentState(quint64 actionId, const services::PaymentState &state);
    void onHistoryChange(const services::HistoryChange &change);
    void announce(const QString &key, const QString &title, const QString &text, bool warning = false);
    bool enabled() const;
    bool signedIn() const;

    ScreenServices m_services;
    QPointer<QStatusBar> m_statusBar;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<QString> m_announced; // event keys: "<payment id>:<status>"
    QString m_lastMessage;
    qint64 m_startedAtMs = 0;
};

} // namespace bw::ui
