#include "models/history_model.h"

#include "core/currency.h"
#include "core/money.h"
#include "models/model_labels.h"
#include "services/history_service.h"
#include "storage/search_tokens.h"
#include "storage/wallet_database.h"

#include <QDateTime>

#include <algorithm>

namespace bw::models {

using storage::HistoryKey;
using storage::HistoryRow;
using storage::HistoryStore;

namespace {

std::optional<core::Money> moneyOf(qint64 minor, const QString &currencyCode)
{
    const auto currency = core::Currency::fromCode(currencyCode);
    if (!currency)
        return std::nullopt;
    return core::Money(minor, *currency);
}

} // namespace

HistoryModel::HistoryModel(storage::WalletDatabase &reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    startOver();
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setPageSize(int rows)
{
    beginResetModel();
    m_pageSize = std::clamp(rows, 1, 1000);
    startOver();
    endResetModel();
}

void HistoryModel::setMaxCachedPages(int pages)
{
    m_maxCachedPages = std::max(2, pages);
    evictPages();
}

void HistoryModel::setSort(storage::HistorySort sort, storage::SortOrder order)
{
    if (sort == m_sort && order == m_order)
        return;
    beginResetModel();
    m_sort = sort;
    m_order = order;
    startOver();
    endResetModel();
}

void HistoryModel::setFilter(const storage::HistoryFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    startOver();
    endResetModel();
}

void HistoryModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void HistoryModel::attach(services::HistoryService *service)
{
    if (m_connection)
        disconnect(m_connection);
    m_service = service;
    if (service)
        m_connection =
            connect(service, &services::HistoryService::rowsChanged, this, &HistoryModel::applyChange);
}

void HistoryModel::reload()
{
    beginResetModel();
    startOver();
    endResetModel();
}

void HistoryModel::startOver()
{
    m_pages.clear();
    m_anchors.clear();
    m_hidden.clear();
    m_count = 0;
    if (!m_reader.isOpen())
        return;
    auto count = HistoryStore(m_reader).count(m_filter);
    if (!count) {
        reportError(count.error());
        return;
    }
    m_count = count.value();
}

// ---- reading
// ------------------------------------------------------------------------------------------------

qint64 HistoryModel::dbIndexOf(qint64 modelRow) const
{
    qint64 index = modelRow;
    for (qint64 hidden : m_hidden) {
        if (hidden > index)
            break;
        ++index;
    }
    return index;
}

const HistoryRow *HistoryModel::rowPointer(qint64 modelRow) const
{
    if (modelRow < 0 || modelRow >= m_count)
        return nullptr;
    const qint64 index = dbIndexOf(modelRow);
    const Page *page = loadPage(index / m_pageSize);
    if (!page)
        return nullptr;
    const qint64 offset = index % m_pageSize;
    return offset < page->rows.size() ? &page->rows.at(offset) : nullptr;
}

const HistoryModel::Page *HistoryModel::loadPage(qint64 pageIndex) const
{
    if (auto it = m_pages.find(pageIndex); it != m_pages.end()) {
        it->lastUse = ++m_useClock;
        return &*it;
    }
    if (!m_reader.isOpen())
        return nullptr;
    // Start after the nearest page whose last key is known (or at the top) and walk forward.
    std::optional<HistoryKey> after;
    qint64 from = 0;
    auto anchor = m_anchors.lowerBound(pageIndex);
    if (anchor != m_anchors.begin()) {
        --anchor;
        from = anchor.key() + 1;
        after = anchor.value();
    }
    HistoryStore store(m_reader);
    for (qint64 k = from; k <= pageIndex; ++k) {
        ++m_pageQueries;
        auto page = store.page(after, m_pageSize, m_sort, m_order, m_filter);
        if (!page) {
            reportError(page.error());
            return nullptr;
        }
        const QVector<HistoryRow> &rows = page.value().rows;
        if (rows.size() == m_pageSize)
            m_anchors.insert(k, HistoryStore::keyOf(rows.last(), m_sort));
        if (k == pageIndex || rows.size() < m_pageSize) {
            if (k != pageIndex)
                return nullptr; // the store has fewer rows than the count said (another writer)
            Page &stored = m_pages[pageIndex];
            stored.rows = std::move(page.value().rows);
            stored.lastUse = ++m_useClock;
            evictPages();
            return &m_pages[pageIndex];
        }
        after = HistoryStore::keyOf(rows.last(), m_sort);
    }
    return nullptr;
}

void HistoryModel::evictPages() const
{
    while (m_pages.size() > m_maxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

void HistoryModel::dropFrom(qint64 dbIndex)
{
    const qint64 firstPage = dbIndex / m_pageSize;
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (it.key() >= firstPage)
            it = m_pages.erase(it);
        else
            ++it;
    }
    // A page's anchor is its last row's key: still right while that row sits before dbIndex.
    for (auto it = m_anchors.begin(); it != m_anchors.end();) {
        if ((it.key() + 1) * m_pageSize - 1 >= dbIndex)
            it = m_anchors.erase(it);
        else
            ++it;
    }
}

void HistoryModel::reportError(const storage::StorageError &error) const
{
    m_lastError = error;
    Q_EMIT const_cast<HistoryModel *>(this)->storageError(error);
}

std::optional<HistoryRow> HistoryModel::rowAt(int row) const
{
    if (const HistoryRow *found = rowPointer(row))
        return *found;
    return std::nullopt;
}

// ---- changes
// --------------------------------------------------------------------------------------------------

bool HistoryModel::filterIsEmpty() const
{
    const storage::HistoryFilter &f = m_filter;
    return f.kinds.isEmpty() && f.statuses.isEmpty() && f.currency.isEmpty() && f.counterpartyId.isEmpty() &&
           f.category.isEmpty() && !f.minAmountMinor && !f.maxAmountMinor && !f.fromMs && !f.toMs &&
           !f.incoming && storage::SearchTokens::matchQuery(f.searchText).isEmpty();
}

bool HistoryModel::keyBefore(const HistoryKey &a, const HistoryKey &b) const
{
    const bool less = a.value != b.value ? a.value < b.value : a.id < b.id;
    const bool greater = a.value != b.value ? a.value > b.value : a.id > b.id;
    return m_order == storage::SortOrder::Ascending ? less : greater;
}

void HistoryModel::applyChange(const services::HistoryChange &change)
{
    if (!m_reader.isOpen() || change.isEmpty())
        return;
    HistoryStore store(m_reader);

    // An update can move a row (amount order) or take it in or out of a status/amount filter; this first
    // version starts over then. In date order without such a filter an update only changes the row's data.
    const storage::HistoryFilter &f = m_filter;
    const bool updatesMayMove = m_sort == storage::HistorySort::Amount || !f.statuses.isEmpty() ||
                                f.minAmountMinor || f.maxAmountMinor || f.incoming;
    if (!change.updatedPaymentIds.isEmpty() && updatesMayMove) {
        reload();
        return;
    }

    // Where each new row lands: in the model's order, the next row after the previous new one is often
    // the next new one (a sync adds a run of rows), which one LIMIT 1 keyset query proves; otherwise
    // countBefore() gives the position (and, with a filter, whether the row belongs at all).
    QVector<HistoryKey> keys;
    for (const QString &paymentId : change.insertedPaymentIds) {
        auto row = store.get(paymentId);
        if (!row) {
            reportError(row.error());
            reload();
            return;
        }
        if (row.value())
            keys.append(HistoryStore::keyOf(*row.value(), m_sort));
    }
    std::sort(keys.begin(), keys.end(),
              [this](const HistoryKey &a, const HistoryKey &b) { return keyBefore(a, b); });
    const bool unfiltered = filterIsEmpty();
    QVector<qint64> positions;
    std::optional<HistoryKey> previous; // the last new row that belongs to the filter
    qint64 previousPosition = -1;
    for (const HistoryKey &key : keys) {
        if (previous) {
            auto next = store.page(previous, 1, m_sort, m_order, m_filter);
            if (!next) {
                reportError(next.error());
                reload();
                return;
            }
            if (!next->rows.isEmpty() && HistoryStore::keyOf(next->rows.first(), m_sort) == key) {
                previous = key;
                positions.append(++previousPosition);
                continue;
            }
        }
        auto before = store.countBefore(key, m_sort, m_order, m_filter);
        if (!before) {
            reportError(before.error());
            reload();
            return;
        }
        bool belongs = true;
        if (!unfiltered) {
            // The key just past this row in the order: counting up to it includes the row iff it matches.
            HistoryKey past = key;
            past.id += m_order == storage::SortOrder::Ascending ? 1 : -1;
            auto upTo = store.countBefore(past, m_sort, m_order, m_filter);
            if (!upTo) {
                reportError(upTo.error());
                reload();
                return;
            }
            belongs = upTo.value() == before.value() + 1;
        }
        if (belongs) {
            previous = key;
            previousPosition = before.value();
            positions.append(previousPosition);
        }
    }

    auto total = store.count(m_filter);
    if (!total) {
        reportError(total.error());
        reload();
        return;
    }
    if (total.value() != m_count + positions.size()) {
        // Someone else changed the store too (or this change was already counted): start over.
        reload();
        return;
    }

    // From here the store holds every new row; views must keep seeing the old rows until each run is
    // announced, so the new positions are hidden and revealed run by run.
    m_hidden = positions;
    if (!positions.isEmpty())
        dropFrom(positions.first());

    // Updated rows keep their position (date order, no filter an update could leave): tell the views
    // to read them again, even when their page is no longer cached (a view may still show the old status).
    for (const QString &paymentId : change.updatedPaymentIds) {
        auto row = store.get(paymentId);
        if (!row || !row.value())
            continue;
        const HistoryKey key = HistoryStore::keyOf(*row.value(), m_sort);
        auto before = store.countBefore(key, m_sort, m_order, m_filter);
        if (!before)
            continue;
        if (!unfiltered) {
            HistoryKey past = key;
            past.id += m_order == storage::SortOrder::Ascending ? 1 : -1;
            auto upTo = store.countBefore(past, m_sort, m_order, m_filter);
            if (!upTo || upTo.value() != before.value() + 1)
                continue; // not a row of this filter
        }
        const qint64 dbIndex = before.value();
        m_pages.remove(dbIndex / m_pageSize);
        const qint64 hiddenBefore =
            std::lower_bound(m_hidden.cbegin(), m_hidden.cend(), dbIndex) - m_hidden.cbegin();
        const int modelRow = int(dbIndex - hiddenBefore);
        Q_EMIT dataChanged(index(modelRow, 0), index(modelRow, ColumnCount - 1));
    }

    qsizetype i = 0;
    while (i < positions.size()) {
        qsizetype j = i;
        while (j + 1 < positions.size() && positions.at(j + 1) == positions.at(j) + 1)
            ++j;
        // Every hidden position before this run has been revealed, so its model row equals its position.
        const int first = int(positions.at(i));
        const int last = int(positions.at(j));
        beginInsertRows(QModelIndex(), first, last);
        m_hidden.erase(m_hidden.begin(), m_hidden.begin() + (j - i + 1));
        m_count += last - first + 1;
        endInsertRows();
        i = j + 1;
    }
    m_hidden.clear();
}

// ---- QAbstractItemModel
// -------------------------------------------------------------------------------------

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::displayValue(const HistoryRow &row, int column) const
{
    switch (column) {
    case DateColumn:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(row.createdAtMs, Qt::UTC).toLocalTime(),
                                 QLocale::ShortFormat);
    case CounterpartyColumn:
        if (!row.merchantName.isEmpty())
            return ModelLabels::localizedName(m_locale, row.merchantName, row.merchantNameZh);
        return row.counterpartyName.isEmpty() ? row.counterpartyId : row.counterpartyName;
    case KindColumn:
        return ModelLabels::kindName(row.kind);
    case AmountColumn: {
        const auto money = moneyOf(row.amountMinor, row.currency);
        if (!money)
            return QString::number(row.amountMinor);
        const QString text = money->format(m_locale);
        return row.amountMinor > 0 ? m_locale.positiveSign() + text : text;
    }
    case StatusColumn:
        return ModelLabels::statusName(row.status);
    case BalanceAfterColumn: {
        if (!row.balanceAfterMinor)
            return QString();
        const auto money = moneyOf(*row.balanceAfterMinor, row.balanceAfterCurrency);
        return money ? money->format(m_locale) : QString::number(*row.balanceAfterMinor);
    }
    default:
        return {};
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == AmountColumn || index.column() == BalanceAfterColumn;
        return QVariant::fromValue(
            Qt::Alignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role < PaymentIdRole)
        return {};
    const HistoryRow *row = rowPointer(index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*row, index.column());
    case Qt::ToolTipRole:
        return index.column() == StatusColumn && !row->failureCode.isEmpty()
                   ? QVariant(displayValue(*row, StatusColumn).toString() + QStringLiteral(" (") +
                              row->failureCode + QLatin1Char(')'))
                   : QVariant();
    case PaymentIdRole:
        return row->paymentId;
    case RowIdRole:
        return row->id;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(row->createdAtMs, Qt::UTC);
    case KindRole:
        return row->kind;
    case StatusRole:
        return row->status;
    case FailureCodeRole:
        return row->failureCode;
    case AmountMinorRole:
        return row->amountMinor;
    case CurrencyRole:
        return row->currency;
    case AmountRole:
        if (const auto money = moneyOf(row->amountMinor, row->currency))
            return QVariant::fromValue(*money);
        return {};
    case FeesMinorRole:
        return row->feesMinor;
    case CounterpartyTypeRole:
        return row->counterpartyType;
    case CounterpartyIdRole:
        return row->counterpartyId;
    case CounterpartyNameRole:
        return displayValue(*row, CounterpartyColumn);
    case MerchantNameRole:
        return row->merchantName;
    case MerchantNameZhRole:
        return row->merchantNameZh;
    case CategoryRole:
        return row->category;
    case NoteRole:
        return row->note;
    case ReceiptNoRole:
        return row->receiptNo;
    case BalanceAfterMinorRole:
        return row->balanceAfterMinor ? QVariant(*row->balanceAfterMinor) : QVariant();
    case IsIncomingRole:
        return row->amountMinor > 0;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case CounterpartyColumn:
        return tr("Counterparty");
    case KindColumn:
        return tr("Type");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    case BalanceAfterColumn:
        return tr("Balance after");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(PaymentIdRole, "paymentId");
    names.insert(RowIdRole, "rowId");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(KindRole, "kind");
    names.insert(StatusRole, "status");
    names.insert(FailureCodeRole, "failureCode");
    names.insert(AmountMinorRole, "amountMinor");
    names.insert(CurrencyRole, "currency");
    names.insert(AmountRole, "amount");
    names.insert(FeesMinorRole, "feesMinor");
    names.insert(CounterpartyTypeRole, "counterpartyType");
    names.insert(CounterpartyIdRole, "counterpartyId");
    names.insert(CounterpartyNameRole, "counterpartyName");
    names.insert(MerchantNameRole, "merchantName");
    names.insert(MerchantNameZhRole, "merchantNameZh");
    names.insert(CategoryRole, "category");
    names.insert(NoteRole, "note");
    names.insert(ReceiptNoRole, "receiptNo");
    names.insert(BalanceAfterMinorRole, "balanceAfterMinor");
    names.insert(IsIncomingRole, "isIncoming");
    return names;
}

} // namespace bw::models
