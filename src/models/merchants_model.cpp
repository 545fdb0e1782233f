#include "models/merchants_model.h"

#include "gateway/gateway_client.h"
#include "models/model_labels.h"

#include <QPointer>
#include <QSet>

#include <climits>

namespace bw::models {

MerchantsModel::MerchantsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MerchantsModel::setMerchants(const QList<gateway::Merchant> &merchants)
{
    beginResetModel();
    m_all = merchants;
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (matches(m_all.at(i)))
            m_visible.append(i);
    }
    endResetModel();
}

void MerchantsModel::load(gateway::GatewayClient &client, const QString &query)
{
    QPointer<MerchantsModel> self(this);
    client.listMerchants(query, [self](gateway::Result<QList<gateway::Merchant>> merchants) {
        if (!self)
            return;
        if (!merchants) {
            Q_EMIT self->loadFailed(merchants.error());
            return;
        }
        self->setMerchants(merchants.value());
        Q_EMIT self->loaded();
    });
}

void MerchantsModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_filterText)
        return;
    m_filterText = simplified;
    applyFilter();
}

void MerchantsModel::setCategoryFilter(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    applyFilter();
}

QStringList MerchantsModel::categories() const
{
    QSet<QString> seen;
    for (const gateway::Merchant &merchant : m_all)
        seen.insert(merchant.category);
    QStringList list(seen.cbegin(), seen.cend());
    list.sort();
    return list;
}

bool MerchantsModel::matches(const gateway::Merchant &merchant) const
{
    if (!m_category.isEmpty() && merchant.category != m_category)
        return false;
    if (m_filterText.isEmpty())
        return true;
    // Every word typed must appear in a name or the category (its code or its translated name).
    const QStringList words = m_filterText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const bool found = merchant.name.contains(word, Qt::CaseInsensitive) ||
                           merchant.nameZh.contains(word, Qt::CaseInsensitive) ||
                           merchant.category.contains(word, Qt::CaseInsensitive) ||
                           ModelLabels::categoryName(merchant.category).contains(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

void MerchantsModel::applyFilter()
{
    // Old and new visible rows are both in directory order, so one walk over the directory finds each row
    // to remove or insert at its place.
    QVector<int> target;
    for (int i = 0; i < m_all.size(); ++i) {
        if (matches(m_all.at(i)))
            target.append(i);
    }
    int row = 0;
    qsizetype t = 0;
    while (row < m_visible.size() || t < target.size()) {
        const int current = row < m_visible.size() ? m_visible.at(row) : INT_MAX;
        const int wanted = t < target.size() ? target.at(t) : INT_MAX;
        if (current == wanted) {
            ++row;
            ++t;
        } else if (current < wanted) {
            // Remove the run of visible rows that come before the next wanted one.
            int last = row;
            while (last + 1 < m_visible.size() && m_visible.at(last + 1) < wanted)
                ++last;
            beginRemoveRows(QModelIndex(), row, last);
            m_visible.remove(row, last - row + 1);
            endRemoveRows();
        } else {
            // Insert the run of wanted rows that come before the next visible one.
            qsizetype end = t;
            while (end + 1 < target.size() && target.at(end + 1) < current)
                ++end;
            const int count = int(end - t + 1);
            beginInsertRows(QModelIndex(), row, row + count - 1);
            for (int k = 0; k < count; ++k)
                m_visible.insert(row + k, target.at(t + k));
            endInsertRows();
            row += count;
            t = end + 1;
        }
    }
}

void MerchantsModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

gateway::Merchant MerchantsModel::merchantAt(int row) const
{
    if (row < 0 || row >= m_visible.size())
        return {};
    return m_all.at(m_visible.at(row));
}

int MerchantsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int MerchantsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MerchantsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gateway::Merchant &merchant = m_all.at(m_visible.at(index.row()));
    const bool crossBorder = merchant.country != QLatin1String("CN");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return ModelLabels::localizedName(m_locale, merchant.name, merchant.nameZh);
        case CategoryColumn:
            return ModelLabels::categoryName(merchant.category);
        case CountryColumn:
            return merchant.country;
        case CurrencyColumn:
            return merchant.currency.code();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (crossBorder)
            return tr("Cross-border: paid in %1, with a currency conversion and cross-border fee.")
                .arg(merchant.currency.code());
        return {};
    case IdRole:
        return merchant.id;
    case NameRole:
        return merchant.name;
    case NameZhRole:
        return merchant.nameZh;
    case CategoryRole:
        return merchant.category;
    case CountryRole:
        return merchant.country;
    case CurrencyRole:
        return merchant.currency.code();
    case IsCrossBorderRole:
        return crossBorder;
    default:
        return {};
    }
}

QVariant MerchantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Merchant");
    case CategoryColumn:
        return tr("Category");
    case CountryColumn:
        return tr("Country");
    case CurrencyColumn:
        return tr("Currency");
    default:
        return {};
    }
}

QHash<int, QByteArray> MerchantsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(NameZhRole, "nameZh");
    names.insert(CategoryRole, "category");
    names.insert(CountryRole, "country");
    names.insert(CurrencyRole, "currency");
    names.insert(IsCrossBorderRole, "isCrossBorder");
    return names;
}

} // namespace bw::models
