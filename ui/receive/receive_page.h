// API-READY
// ReceivePage — "Receive money": a payment request of the signed-in customer as a QR code of a
// `bankwallet:pay?...` link (core::formatPaymentLink) with an optional amount (CNY, MoneyEdit) and note,
// the link text, "Copy link" and "Save as image…" (a PNG of the code with the amount and the name under it).
// The payee (full phone in E.164 and display name) comes from the local profile through
// WalletService::payeeProfile(). The link carries personal data, so the page drops it (QR, link, name,
// phone) when the wallet locks or signs out, and reads the profile again when it is shown signed in.
#pragma once

#include "core/payment_link.h"
#include "services/wallet_service.h"
#include "ui/screen_services.h"

#include <QImage>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class ReceivePage;
}

namespace bw::ui {

class ReceivePage : public QWidget
{
    Q_OBJECT

public:
    ReceivePage(const ScreenServices &services, QWidget *parent = nullptr);
    ~ReceivePage() override;

    // The link the QR code shows now; empty while the profile is not loaded or the input is invalid.
    QString link() const { return m_link; }
    // Reads the payee profile again (also done when the page is shown without one, and after sign-in).
    void reload();
    // Empties the amount and the note (the lead may call it when the page is left).
    void resetRequest();
    // The image "Save as image…" writes: the QR code with the amount, the name and the note under it; a
    // null image while there is no link.
    QImage requestImage() const;
    // Writes requestImage() as PNG; false (and the reason shown on the page) when it cannot.
    bool saveImage(const QString &path);

Q_SIGNALS:
    void backRequested();
    // The link shown changed (empty when none).
    void linkChanged(const QString &link);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void showProfile(const services::ServiceResult<services::PayeeProfile> &result);
    void clearPersonalData();
    void updateRequest();
    void copyLink();
    void chooseImageFile();
    void showStatus(const QString &text, bool error);

    std::unique_ptr<Ui::ReceivePage> m_ui;
    ScreenServices m_services;
    std::optional<services::PayeeProfile> m_profile;
    QString m_link;
    QTimer *m_statusTimer = nullptr;
    bool m_loading = false;
    quint64 m_loadGeneration = 0; // answers of an older load (before a lock) are dropped
};

} // namespace bw::ui
