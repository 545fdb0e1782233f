// API-READY
// HistoryModel: the transaction history table the History page and the dashboard show, over the local
// store (storage::HistoryStore), built for a million rows. Never loads every row: rowCount() comes from
// HistoryStore::count() (a trigger-kept count unfiltered, index counts otherwise; once per query, then kept
// up to date from change notifications), and rows are read in pages of pageSize() rows into a bounded LRU
// page cache. A page next to a known one is a keyset query (ORDER BY the sort key and id, WHERE beyond the
// neighbour's edge key); any other page — the end, the middle, wherever the scroll bar is dragged — is ONE
// HistoryStore::pageAt() query from the nearer end, never a walk from the top.
//
// Reads run on the GUI thread through a SEPARATE connection the caller opens there (a second
// WalletDatabase on the same file, WAL mode, so reading never waits for the sync's writes): each read is
// one indexed query of one page, which stays well inside a frame, and doing them synchronously keeps data()
// simple and exact — no placeholder rows that change under the view. Writes never happen here; they are
// the HistoryService's, on the DatabaseWorker.
//
// Sealed counterparty names and notes are opened for display by HistoryStore through the FieldSealer of
// that connection (the data key never leaves storage).
//
// attach(service): rows the HistoryService adds are announced with beginInsertRows()/endInsertRows() at
// their exact positions in the current sort and filter (runs of adjacent rows together: a sync page of new
// rows at the top is one insertion, placed with a few batched queries, not one per row); an updated row
// whose place and membership stay is dataChanged(); one that moves (amount order) or enters/leaves the
// filter is removed at its old place and inserted at its new one. Never a model reset for a change (a reset
// happens only for a new sort or filter, reload(), or a change made by another writer that the model was
// not told about, detected unfiltered by comparing the row count with the store's).
#pragma once

#include "storage/history_store.h"
#include "storage/storage_error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QPointer>
#include <QVector>

#include <optional>

namespace bw::services {
class HistoryService;
struct HistoryChange;
} // namespace bw::services
namespace bw::storage {
class WalletDatabase;
}

namespace bw::models {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DateColumn,
        CounterpartyColumn,
        KindColumn,
        AmountColumn,
        StatusColumn,
        BalanceAfterColumn,
        ColumnCount
    };
    // Raw values, the same in every column of a row.
    enum Role {
        PaymentIdRole = Qt::UserRole + 1,
        RowIdRole,       // qint64, the local row id (keyset tiebreaker)
        CreatedAtRole,   // QDateTime, UTC
        KindRole,        // contract code: payment, transfer, top_up, withdrawal, incoming
        StatusRole,      // contract code: succeeded, processing, pending_review, rejected
        FailureCodeRole, // contract code or empty
        AmountMinorRole, // qint64, signed change to the available balance
        CurrencyRole,    // ISO 4217 code
        AmountRole,      // core::Money
        FeesMinorRole,   // qint64
        CounterpartyTypeRole,
        CounterpartyIdRole,
        CounterpartyNameRole, // the display name (merchant name in the language, or the person's name)
        MerchantNameRole,
        MerchantNameZhRole,
        CategoryRole, // contract code
        NoteRole,
        ReceiptNoRole,
        BalanceAfterMinorRole, // qint64, invalid QVariant when unknown
        IsIncomingRole,        // bool: amount > 0
        // The amount the history SHOWS (storage::shownAmountMinor): the balance change, or for a
        // card-funded payment (balance change 0) the debit as money out. AmountColumn displays it and the
        // amount sort and amount filters use it. AmountMinorRole/AmountRole stay the balance change.
        ShownAmountMinorRole, // qint64, signed
        ShownCurrencyRole,    // ISO 4217 code of the shown amount
        ShownAmountRole,      // core::Money
        DebitMinorRole,       // qint64 (positive) or invalid QVariant when unknown
        PaymentMethodIdRole,  // QString, the funding payment method, or empty
    };

    static constexpr int kDefaultPageSize = 200;
    static constexpr int kDefaultMaxCachedPages = 8;

    // `reader` is a WalletDatabase opened on THIS thread (the GUI thread) on the wallet's file; it must
    // outlive the model. The model shows every row, newest first, until setSort()/setFilter().
    explicit HistoryModel(storage::WalletDatabase &reader, QObject *parent = nullptr);
    ~HistoryModel() override;

    // Rows per page (1..1000) and pages kept in memory (>= 2). Both start the model over.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setMaxCachedPages(int pages);
    int maxCachedPages() const { return m_maxCachedPages; }

    void setSort(storage::HistorySort sort, storage::SortOrder order);
    storage::HistorySort sort() const { return m_sort; }
    storage::SortOrder order() const { return m_order; }
    void setFilter(const storage::HistoryFilter &filter);
    const storage::HistoryFilter &filter() const { return m_filter; }
    // The language of names (merchant names in Chinese for a Chinese locale) and of dates and amounts.
    void setLocale(const QLocale &locale);
    QLocale locale() const { return m_locale; }

    // Follows a HistoryService's rowsChanged() (one service at a time; nullptr detaches).
    void attach(services::HistoryService *service);
    // What attach() calls for each change; public for callers that write the store themselves.
    void applyChange(const services::HistoryChange &change);
    // Recounts and drops every cached page (a model reset).
    void reload();

    // The row as the store has it, or nullopt (out of range, or the page could not be read).
    std::optional<storage::HistoryRow> rowAt(int row) const;
    // The last storage error (a page or count that could not be read), code NotFound-free when none.
    std::optional<storage::StorageError> lastError() const { return m_lastError; }

    // For tests and diagnostics: pages in memory now, and page queries run so far.
    int cachedPageCount() const { return int(m_pages.size()); }
    quint64 pageQueries() const { return m_pageQueries; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A page, the count or a changed row could not be read (e.g. Undecryptable, the file went away).
    void storageError(const bw::storage::StorageError &error);

private:
    struct Page
    {
        QVector<storage::HistoryRow> rows;
        quint64 lastUse = 0;
    };
    // A row still shown at its old place while a change is announced (about to be removed).
    struct Ghost
    {
        qint64 modelRow = 0;
        storage::HistoryRow row;
    };

    void startOver();
    qint64 storeCount() const { return m_count - m_ghosts.size() + m_hidden.size(); }
    const storage::HistoryRow *rowPointer(qint64 modelRow) const;
    const Page *loadPage(qint64 pageIndex) const;
    void evictPages() const;
    void dropFrom(qint64 dbIndex);
    void reportError(const storage::StorageError &error) const;
    bool keyBefore(const storage::HistoryKey &a, const storage::HistoryKey &b) const;
    std::optional<qint64> positionOf(const storage::HistoryKey &key, qint64 total);
    bool applyChangeOrFail(const services::HistoryChange &change);
    QVariant displayValue(const storage::HistoryRow &row, int column) const;

    storage::WalletDatabase &m_reader;
    storage::HistorySort m_sort = storage::HistorySort::Date;
    storage::SortOrder m_order = storage::SortOrder::Descending;
    storage::HistoryFilter m_filter;
    QLocale m_locale;
    int m_pageSize = kDefaultPageSize;
    int m_maxCachedPages = kDefaultMaxCachedPages;
    qint64 m_count = 0;
    // While a change is being announced: positions (in the store's new order) of rows the views have not
    // been told about yet, ascending. Empty otherwise.
    QVector<qint64> m_hidden;
    // While a change is being announced: rows still shown at their old model rows, ascending. Empty
    // otherwise.
    QVector<Ghost> m_ghosts;
    mutable QHash<qint64, Page> m_pages;                   // page index → rows
    mutable QMap<qint64, storage::HistoryKey> m_lastKeys;  // page index → key of its last row (full pages)
    mutable QMap<qint64, storage::HistoryKey> m_firstKeys; // page index → key of its first row
    mutable quint64 m_useClock = 0;
    mutable quint64 m_pageQueries = 0;
    mutable std::optional<storage::StorageError> m_lastError;
    QPointer<services::HistoryService> m_service;
    QMetaObject::Connection m_connection;
};

} // namespace bw::models
