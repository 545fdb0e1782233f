// PaymentMethodsModel: the linked cards and bank accounts as the Payment methods page, the dashboard and
// the funding-source picker show them — brand or bank, the last four digits, expiry, which one is the
// default. Fed from the local cache (storage::PaymentMethodStore, read on the DatabaseWorker) or from the
// gateway's list (GET /v1/payment-methods); it only ever holds display data (never a full number or CVC:
// neither source has one). A new list with the same methods in the same order updates rows in place
// (dataChanged, e.g. the default moved); a different list starts the model over (it is a handful of rows).
#pragma once

#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"
#include "storage/payment_method_store.h"
#include "storage/storage_error.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QLocale>
#include <QVector>

namespace bw::gateway {
class GatewayClient;
}
namespace bw::storage {
class DatabaseWorker;
}

namespace bw::models {

class PaymentMethodsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MethodColumn, NumberColumn, ExpiresColumn, DefaultColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TypeRole,    // "card" | "bank_account"
        BrandRole,   // cards: visa|mastercard|unionpay|amex|jcb
        FundingRole, // cards: debit|credit
        Last4Role,
        ExpMonthRole, // int, 0 for accounts
        ExpYearRole,
        IsExpiredRole, // bool
        IsDefaultRole, // bool
        BankIdRole,
        BankNameRole,
        CountryRole,
        HolderNameRole,
    };

    explicit PaymentMethodsModel(QObject *parent = nullptr);

    void setMethods(const QVector<storage::PaymentMethodRow> &methods);
    void setMethods(const QList<gateway::PaymentMethod> &methods);
    const QVector<storage::PaymentMethodRow> &methods() const { return m_rows; }
    // The row of a method id, or -1.
    int rowOf(const QString &id) const;

    // Reads the local cache on the worker; then setMethods() (or storageLoadFailed()).
    void loadFromStore(storage::DatabaseWorker &worker);
    // Asks the gateway; then setMethods() (or gatewayLoadFailed()).
    void loadFromGateway(gateway::GatewayClient &client);

    void setLocale(const QLocale &locale);
    // "Today" for expiry (tests pin it; the current date by default).
    void setToday(const QDate &today);

    static storage::PaymentMethodRow rowFrom(const gateway::PaymentMethod &method);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();
    void storageLoadFailed(const bw::storage::StorageError &error);
    void gatewayLoadFailed(const bw::gateway::GatewayError &error);

private:
    bool isExpired(const storage::PaymentMethodRow &row) const;
    QString displayText(const storage::PaymentMethodRow &row, int column) const;

    QVector<storage::PaymentMethodRow> m_rows;
    QLocale m_locale;
    QDate m_today;
};

} // namespace bw::models
