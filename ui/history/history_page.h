// API-READY
// HistoryPage — the wallet's complete transaction history (Go → History, Ctrl+H): a keyset-paged table
// (models::HistoryModel over a reader connection this page opens on the GUI thread) with a filter bar
// (search, date presets or a custom range, kind, status, amount range, currency, payment method,
// category), the number of matching transactions, sorting by date or amount from the header, a header
// menu to show or hide columns (the layout is remembered), a row context menu (Copy, Copy receipt number,
// Details…, Save receipt as PDF…), a details dialog and Export… of the current filter and sort.
// The amount range is on the size of the amount in the chosen currency and direction (typing one when
// "In and out" or "All currencies" is chosen picks Money out and CNY, visibly).
// Every filter and the sort are pushed into the model (SQL), never applied in the view. The model and its
// reader (which holds the data key) are dropped when the wallet locks or signs out; refresh() opens them
// again. Esc is the main window's (back to the dashboard); this page adds no Esc shortcut.
//
// Object names: historyPage; historyTable; historySearchEdit; historyDatePresetCombo, historyFromDateEdit,
// historyToDateEdit; historyKindCombo, historyStatusCombo; historyDirectionCombo (money in / out),
// historyMinAmountEdit, historyMaxAmountEdit; historyCurrencyCombo, historyMethodCombo, historyCategoryCombo;
// historyClearFiltersButton; historyCountLabel; historyEmptyLabel; historyErrorLabel; historyExportButton;
// historyBackButton; the row menu historyRowMenu (actions historyCopyAction, historyCopyReceiptAction,
// historyDetailsAction, historySavePdfAction); the header menu historyColumnsMenu (one checkable action per
// column, historyColumnAction_<column>); the details dialog historyDetailsDialog.
#pragma once

#include "storage/history_store.h"
#include "ui/screen_services.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QDialog;
class QMenu;
class QTableView;
class QTimer;

namespace Ui {
class HistoryPage;
}
namespace bw::models {
class HistoryModel;
class PaymentMethodsModel;
} // namespace bw::models
namespace bw::storage {
class WalletDatabase;
}

namespace bw::ui {

class HistoryItemDelegate;

class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    // The date presets of the filter bar, in the order the combo box lists them.
    enum class DatePreset { AllTime, Today, Last7Days, ThisMonth, LastMonth, Last3Months, ThisYear, Custom };
    Q_ENUM(DatePreset)

    // Milliseconds the search field waits after the last key before it filters.
    static constexpr int kSearchDebounceMs = 250;

    explicit HistoryPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~HistoryPage() override;

    // Opens the reader and the model (once per sign-in), refreshes the payment methods of the filter bar
    // and syncs the history with the bank. Call when the page is shown.
    void refresh();
    // Forgets everything shown (locked, signed out): the model, its reader and the filter bar's texts.
    void clear();

    // The model the table shows (nullptr until refresh() has opened it, and after clear()).
    models::HistoryModel *model() const { return m_model.get(); }
    QTableView *table() const;
    // What the filter bar says now (what the model is given, also while the search is debouncing).
    storage::HistoryFilter currentFilter() const;
    storage::HistorySort currentSort() const { return m_sort; }
    storage::SortOrder currentOrder() const { return m_order; }

    // Opens the details dialog of a row of the table (what Enter and "Details…" do).
    void showDetails(int row);

Q_SIGNALS:
    // The Back button (Esc is the main window's).
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openModel();
    void dropModel();
    void applyFilter();
    void applySort(int column);
    void setSort(storage::HistorySort sort, storage::SortOrder order);
    void showSortIndicator();
    void updateCount();
    void updateDateEdits();
    void fillMethods();
    QString methodName(const QString &paymentMethodId) const;
    void fillCombos();
    void clearFilters();
    void setAmountCurrency(const QString &code);
    void showRowMenu(const QPoint &viewportPos);
    void showColumnsMenu(const QPoint &pos);
    void showViewMenu();
    QMenu *newMenu(const QString &objectName);
    void addColumnActions(QMenu *menu);
    void copyRow(int row);
    void copyReceiptNumber(int row);
    void openReceipt(int row, bool savePdf);
    void openExport();
    void saveHeaderState();
    void writeHeaderState();
    void restoreHeaderState();
    void showStorageError(const QString &message);
    void retranslate();

    std::unique_ptr<Ui::HistoryPage> m_ui;
    ScreenServices m_services;
    // The model reads through the reader: declared after it, so destroyed first.
    std::unique_ptr<storage::WalletDatabase> m_reader;
    std::unique_ptr<models::HistoryModel> m_model;
    HistoryItemDelegate *m_delegate = nullptr;
    models::PaymentMethodsModel *m_methodsModel = nullptr;
    QPointer<QDialog> m_details;
    QPointer<QMenu> m_menu; // the open popup: a row's, the header's or View's
    QTimer *m_searchTimer = nullptr;
    QTimer *m_headerSaveTimer = nullptr;
    storage::HistorySort m_sort = storage::HistorySort::Date;
    storage::SortOrder m_order = storage::SortOrder::Descending;
    bool m_openingReader = false;
    bool m_filling = false;
    bool m_headerRestored = false;
};

} // namespace bw::ui
