// PaymentMethodsListModel — the Payment methods page's view of models::PaymentMethodsModel: one row per
// method with the texts the page shows (title, kind, "•••• 1234", expiry with expired / expiring soon,
// "Default"), the bank's name in the current language, and one summary sentence as the display and
// accessible text. PaymentMethodDelegate draws the parts; tests and screen readers read the summary.
#pragma once

#include "gateway/gateway_types.h"

#include <QDate>
#include <QHash>
#include <QIdentityProxyModel>
#include <QList>

namespace bw::ui {

class PaymentMethodsListModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum Role {
        TitleRole = Qt::UserRole + 100, // "Visa", "Thames Mutual Bank"
        KindRole,                       // "Credit card", "Debit card", "Bank account · GB"
        NumberRole,                     // "•••• 4242"
        ExpiryRole,                     // "Expires 12/30", "Expires soon: 01/27", "Expired 03/24", ""
        ExpiryStateRole,                // ExpiryState
        BadgeRole,                      // "Default" or ""
        InitialsRole,                   // bank accounts: "TM"
    };
    enum ExpiryState { NoExpiry, Valid, ExpiresSoon, Expired };
    // A card whose last valid day is this close is marked "Expires soon".
    static constexpr int kSoonDays = 60;

    explicit PaymentMethodsListModel(QObject *parent = nullptr);

    // Bank names in both languages (GET /v1/banks); without them the name the bank gave is shown.
    void setBanks(const QList<gateway::Bank> &banks);
    // "Today" for expiry (tests pin it; the current date by default).
    void setToday(const QDate &today);
    // Re-reads the texts (after a language switch).
    void retranslate();

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString initialsOf(const QString &bankName);

private:
    QString title(const QModelIndex &source) const;
    QString kind(const QModelIndex &source) const;
    QString expiry(const QModelIndex &source, ExpiryState *state) const;
    QString summary(const QModelIndex &source) const;

    QHash<QString, gateway::Bank> m_banks;
    QDate m_today;
};

} // namespace bw::ui
