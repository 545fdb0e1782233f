#include "models/history_model.h"

#include "core/currency.h"
#include "core/money.h"
#include "models/model_labels.h"
#include "services/history_service.h"
#include "storage/search_tokens.h"
#include "storage/wallet_database.h"

#include <QDateTime>
#include <QSet>

#include <limits>

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
    m_lastKeys.clear();
    m_firstKeys.clear();
    m_hidden.clear();
    m_ghosts.clear();
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

const HistoryRow *HistoryModel::rowPointer(qint64 modelRow) const
{
    if (modelRow < 0 || modelRow >= m_count)
        return nullptr;
    qint64 index = modelRow;
    // While a change is announced: rows at their old places first, then the store's rows not yet shown.
    for (const Ghost &ghost : m_ghosts) {
        if (ghost.modelRow == modelRow)
            return &ghost.row;
        if (ghost.modelRow < modelRow)
            --index;
    }
    for (qint64 hidden : m_hidden) {
        if (hidden > index)
            break;
        ++index;
    }
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
    const qint64 total = storeCount();
    const qint64 first = pageIndex * m_pageSize;
    if (first >= total)
        return nullptr;
    const qint64 expected = std::min<qint64>(m_pageSize, total - first);
    HistoryStore store(m_reader);
    ++m_pageQueries;
    storage::Result<storage::HistoryPage> page = storage::HistoryPage{};
    // A neighbour's edge key makes it a keyset query; otherwise one query from the nearer end.
    storage::HistoryPageRequest request;
    request.sort = m_sort;
    request.order = m_order;
    request.limit = m_pageSize;
    request.filter = m_filter;
    request.filterCount = total;
    if (auto before = m_lastKeys.constFind(pageIndex - 1); before != m_lastKeys.cend()) {
        request.after = *before;
        page = store.page(request);
    } else if (auto after = m_firstKeys.constFind(pageIndex + 1); after != m_firstKeys.cend()) {
        request.before = *after;
        page = store.page(request);
    } else {
        page = store.pageAt(first, m_pageSize, m_sort, m_order, m_filter, total);
    }
    if (!page) {
        reportError(page.error());
        return nullptr;
    }
    if (page.value().rows.size() != expected)
        return nullptr; // the store has other rows than the count said (another writer)
    Page &stored = m_pages[pageIndex];
    stored.rows = std::move(page.value().rows);
    stored.lastUse = ++m_useClock;
    m_firstKeys.insert(pageIndex, HistoryStore::keyOf(stored.rows.first(), m_sort));
    if (stored.rows.size() == m_pageSize)
        m_lastKeys.insert(pageIndex, HistoryStore::keyOf(stored.rows.last(), m_sort));
    evictPages();
    return &m_pages[pageIndex];
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
    // A page's edge keys stay right while that edge row sits before dbIndex.
    for (auto it = m_lastKeys.begin(); it != m_lastKeys.end();) {
        if ((it.key() + 1) * m_pageSize - 1 >= dbIndex)
            it = m_lastKeys.erase(it);
        else
            ++it;
    }
    for (auto it = m_firstKeys.begin(); it != m_firstKeys.end();) {
        if (it.key() * m_pageSize >= dbIndex)
            it = m_firstKeys.erase(it);
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

bool HistoryModel::keyBefore(const HistoryKey &a, const HistoryKey &b) const
{
    // In the date order ids follow time, so the id alone decides.
    const bool less = m_sort == storage::HistorySort::Date ? a.id < b.id
                      : a.value != b.value                 ? a.value < b.value
                                                           : a.id < b.id;
    const bool greater = m_sort == storage::HistorySort::Date ? a.id > b.id
                         : a.value != b.value                 ? a.value > b.value
                                                              : a.id > b.id;
    return m_order == storage::SortOrder::Ascending ? less : greater;
}

// The store position of `key` (rows of the filter before it), counted from the nearer end: a bounded
// count from each end first, so a row near either end costs a short index walk.
std::optional<qint64> HistoryModel::positionOf(const HistoryKey &key, qint64 total)
{
    HistoryStore store(m_reader);
    constexpr qint64 kNear = 4096;
    auto before = store.countBetween(std::nullopt, key, m_sort, m_order, m_filter, kNear);
    if (!before) {
        reportError(before.error());
        return std::nullopt;
    }
    if (before.value() < kNear)
        return before.value();
    auto after = store.countBetween(key, std::nullopt, m_sort, m_order, m_filter, kNear);
    if (!after) {
        reportError(after.error());
        return std::nullopt;
    }
    if (after.value() < kNear) {
        // total counts the row itself when it is one of the filter's: the caller knows; positions of
        // rows that belong are total - 1 - after.
        return total - 1 - after.value();
    }
    auto full = store.countBetween(std::nullopt, key, m_sort, m_order, m_filter);
    if (!full) {
        reportError(full.error());
        return std::nullopt;
    }
    return full.value();
}

void HistoryModel::applyChange(const services::HistoryChange &change)
{
    if (!m_reader.isOpen() || change.isEmpty())
        return;
    if (!applyChangeOrFail(change))
        reload();
}

bool HistoryModel::applyChangeOrFail(const services::HistoryChange &change)
{
    HistoryStore store(m_reader);
    const bool search = !storage::SearchTokens::matchQuery(m_filter.searchText).isEmpty();

    QStringList ids;
    QSet<QString> seen;
    for (const QStringList *list : {&change.insertedPaymentIds, &change.updatedPaymentIds}) {
        for (const QString &id : *list) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    auto stored = store.keysOf(ids);
    if (!stored) {
        reportError(stored.error());
        return false;
    }
    const auto keyOfStored = [this](const HistoryStore::RowKeys &k) {
        return HistoryKey{m_sort == storage::HistorySort::Date ? k.createdAtMs : k.shownMinor, k.id};
    };
    QVector<qint64> rowIds;
    for (const HistoryStore::RowKeys &k : stored.value())
        rowIds.append(k.id);
    QSet<qint64> members;
    if (m_filter.isEmpty()) {
        members = QSet<qint64>(rowIds.cbegin(), rowIds.cend());
    } else {
        auto found = store.membersOf(rowIds, m_filter);
        if (!found) {
            reportError(found.error());
            return false;
        }
        members = found.value();
    }

    // What each updated row was: the service says; otherwise a cached copy; otherwise unknown.
    QHash<QString, HistoryRow> previous;
    QHash<QString, HistoryRow> written; // the last version of each row the change wrote
    for (const services::HistoryRowChange &rowChange : change.rows) {
        written.insert(rowChange.row.paymentId, rowChange.row);
        if (rowChange.previous && !previous.contains(rowChange.row.paymentId))
            previous.insert(rowChange.row.paymentId, *rowChange.previous);
    }
    QSet<qint64> searchMembers; // updated rows whose search fields match (search filters only)
    if (search && !change.updatedPaymentIds.isEmpty()) {
        storage::HistoryFilter onlySearch;
        onlySearch.searchText = m_filter.searchText;
        QVector<qint64> updatedIds;
        for (const QString &id : change.updatedPaymentIds) {
            if (auto it = stored.value().constFind(id); it != stored.value().cend())
                updatedIds.append(it->id);
        }
        auto found = store.membersOf(updatedIds, onlySearch);
        if (!found) {
            reportError(found.error());
            return false;
        }
        searchMembers = found.value();
    }

    struct Moved
    {
        HistoryKey oldKey;
        HistoryRow oldRow;
    };
    QVector<HistoryKey> arriving;  // new places to insert (new rows; updated rows that move or enter)
    QVector<Moved> leaving;        // old places to remove (updated rows that move or leave)
    QVector<HistoryKey> refreshed; // updated rows that stay where they are
    qint64 newMembers = 0;
    for (const QString &id : change.insertedPaymentIds) {
        auto it = stored.value().constFind(id);
        if (it == stored.value().cend() || !members.contains(it->id))
            continue;
        arriving.append(keyOfStored(*it));
        ++newMembers;
    }
    for (const QString &id : change.updatedPaymentIds) {
        auto it = stored.value().constFind(id);
        if (it == stored.value().cend())
            return false; // removed by someone else
        const HistoryKey newKey = keyOfStored(*it);
        const bool isMember = members.contains(it->id);
        std::optional<HistoryRow> old;
        if (auto p = previous.constFind(id); p != previous.cend()) {
            old = *p;
        } else {
            for (const Page &page : std::as_const(m_pages)) {
                for (const HistoryRow &row : page.rows) {
                    if (row.paymentId == id)
                        old = row;
                }
            }
        }
        if (!old) {
            // Unknown before-image: only safe when nothing an update changes can move the row or take it
            // in or out (date order, no status/amount filter).
            const storage::HistoryFilter &f = m_filter;
            if (m_sort != storage::HistorySort::Date || !f.statuses.isEmpty() || f.minAmountMinor ||
                f.maxAmountMinor || f.incoming || search || !f.kinds.isEmpty())
                return false;
            if (isMember)
                refreshed.append(newKey);
            continue;
        }
        old->id = it->id;
        const HistoryKey oldKey = HistoryStore::keyOf(*old, m_sort);
        bool wasMember = HistoryStore::matchesWithoutSearch(*old, m_filter);
        if (search && wasMember) {
            // The search part of the old row is the new row's when the searched fields did not change.
            const auto now = written.constFind(id);
            if (now == written.cend() || now->merchantName != old->merchantName ||
                now->merchantNameZh != old->merchantNameZh || now->category != old->category ||
                now->receiptNo != old->receiptNo || now->kind != old->kind)
                return false;
            wasMember = searchMembers.contains(it->id);
        }
        if (wasMember && isMember && oldKey == newKey) {
            refreshed.append(newKey);
            continue;
        }
        if (wasMember)
            leaving.append({oldKey, *old});
        if (isMember)
            arriving.append(newKey);
        newMembers += (isMember ? 1 : 0) - (wasMember ? 1 : 0);
    }

    const qint64 oldStoreCount = m_count;
    const qint64 total = oldStoreCount + newMembers; // the store's count for the filter now
    if (m_filter.isEmpty()) {
        auto counted = store.count(m_filter);
        if (!counted) {
            reportError(counted.error());
            return false;
        }
        if (counted.value() != total)
            return false; // someone else changed the store too
    }

    const auto before = [this](const HistoryKey &a, const HistoryKey &b) { return keyBefore(a, b); };
    std::sort(arriving.begin(), arriving.end(), before);
    std::sort(leaving.begin(), leaving.end(),
              [this](const Moved &a, const Moved &b) { return keyBefore(a.oldKey, b.oldKey); });

    // Store positions of the arriving keys: the first by a count from the nearer end, the rest by walking
    // the keys that follow it (a run of new rows at the top is one query), a count for any gap.
    QVector<qint64> positions;
    positions.reserve(arriving.size());
    qsizetype i = 0;
    int runWindow = 16;
    while (i < arriving.size()) {
        qint64 position = 0;
        if (i == 0) {
            auto p = positionOf(arriving.first(), total);
            if (!p)
                return false;
            position = *p;
        } else {
            auto gap = store.countBetween(arriving.at(i - 1), arriving.at(i), m_sort, m_order, m_filter);
            if (!gap) {
                reportError(gap.error());
                return false;
            }
            position = positions.last() + 1 + gap.value();
        }
        positions.append(position);
        ++i;
        if (i == arriving.size())
            break;
        // Walk the store's keys after this one while they are the next arriving keys (a window that
        // doubles while they are, so scattered keys cost a few keys each and a run costs few queries).
        const int window = int(std::min<qsizetype>(arriving.size() - i, runWindow));
        auto next = store.keysAfter(arriving.at(i - 1), window, m_sort, m_order, m_filter);
        if (!next) {
            reportError(next.error());
            return false;
        }
        bool whole = true;
        for (const HistoryKey &key : next.value()) {
            if (i == arriving.size() || !(key == arriving.at(i))) {
                whole = false;
                break;
            }
            positions.append(positions.last() + 1);
            ++i;
        }
        runWindow = whole ? std::min(runWindow * 4, 1000) : 4;
    }

    // Old model rows of the leaving rows: the rows before the old key in the store now, less the arriving
    // ones among them (not shown yet), plus the leaving ones before it (still shown).
    QVector<Ghost> ghosts;
    for (qsizetype k = 0; k < leaving.size(); ++k) {
        auto inStore = store.countBetween(std::nullopt, leaving.at(k).oldKey, m_sort, m_order, m_filter);
        if (!inStore) {
            reportError(inStore.error());
            return false;
        }
        const qint64 arrivingBefore =
            std::lower_bound(arriving.cbegin(), arriving.cend(), leaving.at(k).oldKey, before) -
            arriving.cbegin();
        ghosts.append({inStore.value() - arrivingBefore + k, leaving.at(k).oldRow});
    }

    // Announce: the views see the old rows until each step is told.
    m_hidden = positions;
    m_ghosts = ghosts;
    qint64 firstChange = std::numeric_limits<qint64>::max();
    if (!positions.isEmpty())
        firstChange = positions.first();
    if (!ghosts.isEmpty())
        firstChange = std::min(firstChange, ghosts.first().modelRow);
    if (firstChange != std::numeric_limits<qint64>::max())
        dropFrom(firstChange);

    while (!m_ghosts.isEmpty()) {
        const int row = int(m_ghosts.last().modelRow);
        beginRemoveRows(QModelIndex(), row, row);
        m_ghosts.removeLast();
        --m_count;
        endRemoveRows();
    }
    qsizetype a = 0;
    while (a < positions.size()) {
        qsizetype b = a;
        while (b + 1 < positions.size() && positions.at(b + 1) == positions.at(b) + 1)
            ++b;
        // Every hidden position before this run has been revealed, so its model row equals its position.
        const int first = int(positions.at(a));
        const int last = int(positions.at(b));
        beginInsertRows(QModelIndex(), first, last);
        m_hidden.erase(m_hidden.begin(), m_hidden.begin() + (b - a + 1));
        m_count += last - first + 1;
        endInsertRows();
        a = b + 1;
    }
    m_hidden.clear();

    // Rows that stay: views read them again (even when their page is no longer cached).
    for (const HistoryKey &key : std::as_const(refreshed)) {
        auto p = positionOf(key, m_count);
        if (!p)
            return false;
        m_pages.remove(*p / m_pageSize);
        Q_EMIT dataChanged(index(int(*p), 0), index(int(*p), ColumnCount - 1));
    }
    return true;
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
        const qint64 shown = storage::shownAmountMinor(row);
        const auto money = moneyOf(shown, storage::shownCurrency(row));
        if (!money)
            return QString::number(shown);
        const QString text = money->format(m_locale);
        return shown > 0 ? m_locale.positiveSign() + text : text;
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
    case ShownAmountMinorRole:
        return storage::shownAmountMinor(*row);
    case ShownCurrencyRole:
        return storage::shownCurrency(*row);
    case ShownAmountRole:
        if (const auto money = moneyOf(storage::shownAmountMinor(*row), storage::shownCurrency(*row)))
            return QVariant::fromValue(*money);
        return {};
    case DebitMinorRole:
        return row->debitMinor ? QVariant(*row->debitMinor) : QVariant();
    case PaymentMethodIdRole:
        return row->paymentMethodId;
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
    names.insert(ShownAmountMinorRole, "shownAmountMinor");
    names.insert(ShownCurrencyRole, "shownCurrency");
    names.insert(ShownAmountRole, "shownAmount");
    names.insert(DebitMinorRole, "debitMinor");
    names.insert(PaymentMethodIdRole, "paymentMethodId");
    return names;
}

} // namespace bw::models
