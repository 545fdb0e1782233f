#include "models/payment_methods_model.h"

#include "gateway/gateway_client.h"
#include "models/model_labels.h"
#include "storage/database_worker.h"
#include "storage/wallet_database.h"

#include <QPointer>

namespace bw::models {

PaymentMethodsModel::PaymentMethodsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

storage::PaymentMethodRow PaymentMethodsModel::rowFrom(const gateway::PaymentMethod &method)
{
    storage::PaymentMethodRow row;
    row.id = method.id;
    row.type = gateway::contractString(method.type);
    if (method.brand)
        row.brand = gateway::contractString(*method.brand);
    if (method.funding)
        row.funding = gateway::contractString(*method.funding);
    row.last4 = method.last4;
    row.expMonth = method.expMonth;
    row.expYear = method.expYear;
    row.bankId = method.bankId;
    row.bankName = method.bankName;
    row.country = method.country;
    row.holderName = method.holderName;
    row.isDefault = method.isDefault;
    return row;
}

void PaymentMethodsModel::setMethods(const QList<gateway::PaymentMethod> &methods)
{
    QVector<storage::PaymentMethodRow> rows;
    rows.reserve(methods.size());
    for (const gateway::PaymentMethod &method : methods)
        rows.append(rowFrom(method));
    setMethods(rows);
}

void PaymentMethodsModel::setMethods(const QVector<storage::PaymentMethodRow> &methods)
{
    bool sameIds = methods.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < methods.size(); ++i)
        sameIds = methods.at(i).id == m_rows.at(i).id;
    if (!sameIds) {
        beginResetModel();
        m_rows = methods;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < methods.size(); ++i) {
        const storage::PaymentMethodRow &a = m_rows.at(i);
        const storage::PaymentMethodRow &b = methods.at(i);
        const bool same = a.type == b.type && a.brand == b.brand && a.funding == b.funding &&
                          a.last4 == b.last4 && a.expMonth == b.expMonth && a.expYear == b.expYear &&
                          a.bankId == b.bankId && a.bankName == b.bankName && a.country == b.country &&
                          a.holderName == b.holderName && a.isDefault == b.isDefault;
        m_rows[i] = b;
        if (!same)
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

int PaymentMethodsModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

void PaymentMethodsModel::loadFromStore(storage::DatabaseWorker &worker)
{
    worker.run<storage::Result<QVector<storage::PaymentMethodRow>>>(
        [](storage::WalletDatabase &db) { return storage::PaymentMethodStore(db).list(); }, this,
        [this](storage::Result<QVector<storage::PaymentMethodRow>> rows) {
            if (!rows) {
                Q_EMIT storageLoadFailed(rows.error());
                return;
            }
            setMethods(rows.value());
            Q_EMIT loaded();
        });
}

void PaymentMethodsModel::loadFromGateway(gateway::GatewayClient &client)
{
    QPointer<PaymentMethodsModel> self(this);
    client.listPaymentMethods([self](gateway::Result<QList<gateway::PaymentMethod>> methods) {
        if (!self)
            return;
        if (!methods) {
            Q_EMIT self->gatewayLoadFailed(methods.error());
            return;
        }
        self->setMethods(methods.value());
        Q_EMIT self->loaded();
    });
}

void PaymentMethodsModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void PaymentMethodsModel::setToday(const QDate &today)
{
    m_today = today;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool PaymentMethodsModel::isExpired(const storage::PaymentMethodRow &row) const
{
    if (row.type != QLatin1String("card") || row.expYear == 0)
        return false;
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    // A card is valid through the last day of its expiry month.
    return row.expYear < today.year() || (row.expYear == today.year() && row.expMonth < today.month());
}

int PaymentMethodsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PaymentMethodsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PaymentMethodsModel::displayText(const storage::PaymentMethodRow &row, int column) const
{
    const bool card = row.type == QLatin1String("card");
    switch (column) {
    case MethodColumn:
        if (!card)
            return tr("%1 account").arg(row.bankName.isEmpty() ? row.bankId : row.bankName);
        if (row.funding == QLatin1String("debit"))
            return tr("%1 debit card").arg(ModelLabels::brandName(row.brand));
        if (row.funding == QLatin1String("credit"))
            return tr("%1 credit card").arg(ModelLabels::brandName(row.brand));
        return ModelLabels::brandName(row.brand);
    case NumberColumn:
        return QStringLiteral("•••• ") + row.last4;
    case ExpiresColumn: {
        if (!card || row.expYear == 0)
            return QString();
        const QString date = QStringLiteral("%1/%2")
                                 .arg(row.expMonth, 2, 10, QLatin1Char('0'))
                                 .arg(row.expYear % 100, 2, 10, QLatin1Char('0'));
        return isExpired(row) ? tr("Expired %1").arg(date) : date;
    }
    case DefaultColumn:
        return row.isDefault ? tr("Default") : QString();
    default:
        return QString();
    }
}

QVariant PaymentMethodsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::PaymentMethodRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::CheckStateRole:
        if (index.column() == DefaultColumn)
            return row.isDefault ? Qt::Checked : Qt::Unchecked;
        return {};
    case IdRole:
        return row.id;
    case TypeRole:
        return row.type;
    case BrandRole:
        return row.brand;
    case FundingRole:
        return row.funding;
    case Last4Role:
        return row.last4;
    case ExpMonthRole:
        return row.expMonth;
    case ExpYearRole:
        return row.expYear;
    case IsExpiredRole:
        return isExpired(row);
    case IsDefaultRole:
        return row.isDefault;
    case BankIdRole:
        return row.bankId;
    case BankNameRole:
        return row.bankName;
    case CountryRole:
        return row.country;
    case HolderNameRole:
        return row.holderName;
    default:
        return {};
    }
}

QVariant PaymentMethodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MethodColumn:
        return tr("Method");
    case NumberColumn:
        return tr("Number");
    case ExpiresColumn:
        return tr("Expires");
    case DefaultColumn:
        return tr("Default");
    default:
        return {};
    }
}

QHash<int, QByteArray> PaymentMethodsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TypeRole, "type");
    names.insert(BrandRole, "brand");
    names.insert(FundingRole, "funding");
    names.insert(Last4Role, "last4");
    names.insert(ExpMonthRole, "expMonth");
    names.insert(ExpYearRole, "expYear");
    names.insert(IsExpiredRole, "isExpired");
    names.insert(IsDefaultRole, "isDefault");
    names.insert(BankIdRole, "bankId");
    names.insert(BankNameRole, "bankName");
    names.insert(CountryRole, "country");
    names.insert(HolderNameRole, "holderName");
    return names;
}

} // namespace bw::models
