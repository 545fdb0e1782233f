// PaymentMethodStore: the display data of the linked cards and bank accounts, as GET /v1/payment-methods
// lists them. Never a full card or account number, never a CVC (the row has no field for them); the
// holder's name is sealed. Synchronous; use it on the thread that owns the WalletDatabase.
#pragma once

#include "storage/storage_error.h"

#include <QString>
#include <QVector>

#include <optional>

namespace bw::storage {

class WalletDatabase;

struct PaymentMethodRow
{
    QString id;      // "pm_…"
    QString type;    // "card" | "bank_account"
    QString brand;   // cards: visa|mastercard|unionpay|amex|jcb
    QString funding; // cards: debit|credit
    QString last4;
    int expMonth = 0; // cards; 0 when not a card
    int expYear = 0;
    QString bankId; // accounts
    QString bankName;
    QString country;
    QString holderName; // sealed
    bool isDefault = false;
    int sortOrder = 0; // position in the gateway's list
};

class PaymentMethodStore
{
public:
    explicit PaymentMethodStore(WalletDatabase &db)
        : m_db(db)
    {}

    // Replaces every stored method with this list in one transaction (sortOrder = list position when
    // every row has sortOrder 0).
    Status replaceAll(const QVector<PaymentMethodRow> &rows);
    // By sort order.
    Result<QVector<PaymentMethodRow>> list();
    Result<std::optional<PaymentMethodRow>> get(const QString &id);
    Status remove(const QString &id);

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
