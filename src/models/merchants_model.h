// MerchantsModel: the merchants a customer can pay (GET /v1/merchants) for the Pay dialog's payee list —
// name in the current language (English or Chinese), category, country, currency — with a filter by typed
// text (matches either name or the category, case-insensitive) and by category. The directory is small
// (tens of merchants), so the model holds it all; filtering removes and inserts the rows that leave or
// come back (the visible rows always keep the directory's order), never a reset.
#pragma once

#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <QVector>

namespace bw::gateway {
class GatewayClient;
}

namespace bw::models {

class MerchantsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, CategoryColumn, CountryColumn, CurrencyColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,     // English
        NameZhRole,   // Chinese
        CategoryRole, // contract code (coffee, dining, …)
        CountryRole,  // ISO 3166-1 alpha-2
        CurrencyRole, // ISO 4217
        IsCrossBorderRole,
    };

    explicit MerchantsModel(QObject *parent = nullptr);

    // Replaces the directory (a reset: a new list), then applies the filter.
    void setMerchants(const QList<gateway::Merchant> &merchants);
    // GET /v1/merchants (query empty: all); then setMerchants() and loaded(), or loadFailed().
    void load(gateway::GatewayClient &client, const QString &query = {});

    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setCategoryFilter(const QString &category); // contract code; empty: every category
    QString categoryFilter() const { return m_category; }
    // The categories of the whole directory, sorted (for a category picker).
    QStringList categories() const;

    void setLocale(const QLocale &locale);
    // The merchant shown in a row (invalid row: a default Merchant).
    gateway::Merchant merchantAt(int row) const;
    int totalCount() const { return int(m_all.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const bw::gateway::GatewayError &error);

private:
    bool matches(const gateway::Merchant &merchant) const;
    void applyFilter();

    QList<gateway::Merchant> m_all;
    QVector<int> m_visible; // indexes into m_all, ascending
    QString m_filterText;
    QString m_category;
    QLocale m_locale;
};

} // namespace bw::models
