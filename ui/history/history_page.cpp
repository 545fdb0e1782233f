#include "ui/history/history_page.h"

#include "core/currency.h"
#include "models/history_model.h"
#include "models/model_labels.h"
#include "models/payment_methods_model.h"
#include "services/history_service.h"
#include "services/insights_service.h"
#include "services/payment_method_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "storage/wallet_database.h"
#include "ui/history/export_dialog.h"
#include "ui/history/history_details_dialog.h"
#include "ui/history/history_item_delegate.h"
#include "ui/receipts/receipt_dialog.h"
#include "ui/widgets/style.h"
#include "ui_history_page.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>

namespace bw::ui {

namespace {

using HM = models::HistoryModel;

const QString kHeaderStateKey = QStringLiteral("history/headerState");
const QStringList kKinds = {QStringLiteral("payment"), QStringLiteral("transfer"), QStringLiteral("top_up"),
                            QStringLiteral("withdrawal"), QStringLiteral("incoming")};
const QStringList kStatuses = {QStringLiteral("succeeded"), QStringLiteral("processing"),
                               QStringLiteral("pending_review"), QStringLiteral("rejected")};
// The merchant categories of the contract (ModelLabels names them).
const QStringList kCategories = {QStringLiteral("coffee"),    QStringLiteral("dining"),
                                 QStringLiteral("groceries"), QStringLiteral("transport"),
                                 QStringLiteral("travel"),    QStringLiteral("electronics"),
                                 QStringLiteral("books"),     QStringLiteral("utilities")};

enum Direction { BothDirections, MoneyOut, MoneyIn };

const char *columnKey(int column)
{
    switch (column) {
    case HM::DateColumn:
        return "date";
    case HM::CounterpartyColumn:
        return "counterparty";
    case HM::KindColumn:
        return "kind";
    case HM::AmountColumn:
        return "amount";
    case HM::StatusColumn:
        return "status";
    case HM::BalanceAfterColumn:
        return "balance_after";
    default:
        return "other";
    }
}

// Refills a combo box with (text, data) pairs after "all", keeping the chosen data when it is still there.
void refill(QComboBox *combo, const QString &all, const QList<std::pair<QString, QString>> &items)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(all, QString());
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

HistoryPage::HistoryPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("historyPage"));
    style::title(m_ui->historyTitleLabel, 1.6);
    style::muted(m_ui->historyCountLabel);
    style::muted(m_ui->historyEmptyLabel);
    style::errorBanner(m_ui->historyErrorLabel);
    m_ui->historyErrorLabel->hide();
    m_ui->historyEmptyLabel->hide();
    m_ui->historyFilterFrame->setStyleSheet(
        QStringLiteral("QFrame#historyFilterFrame { background: palette(base); border: 1px solid #d9e0e8;"
                       " border-radius: 10px; }"));
    m_ui->historySearchEdit->setMinimumWidth(260);
    for (QWidget *edit : {static_cast<QWidget *>(m_ui->historyMinAmountEdit),
                          static_cast<QWidget *>(m_ui->historyMaxAmountEdit)})
        edit->setMaximumWidth(120);
    const QDate today = QDate::currentDate();
    m_ui->historyFromDateEdit->setDate(today.addMonths(-1));
    m_ui->historyToDateEdit->setDate(today);

    m_methodsModel = new models::PaymentMethodsModel(this);

    QTableView *table = m_ui->historyTable;
    m_delegate = new HistoryItemDelegate(this);
    table->setItemDelegate(m_delegate);
    table->setTabKeyNavigation(false);
    table->setIconSize(QSize(20, 20));
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    // Fixed row heights: the view never asks a million rows for their size.
    auto *rows = table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(std::max(30, table->fontMetrics().height() + 14));
    auto *header = table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setSortIndicatorShown(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    table->installEventFilter(this);
    table->viewport()->installEventFilter(this);

    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder) { applySort(section); });
    connect(header, &QWidget::customContextMenuRequested, this, &HistoryPage::showColumnsMenu);
    connect(header, &QHeaderView::sectionMoved, this, &HistoryPage::saveHeaderState);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (m_headerRestored)
            saveHeaderState();
    });
    connect(table, &QWidget::customContextMenuRequested, this, &HistoryPage::showRowMenu);
    connect(table, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { showDetails(index.row()); });

    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    find->setObjectName(QStringLiteral("historyFindShortcut"));
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->historySearchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->historySearchEdit->selectAll();
    });

    m_headerSaveTimer = new QTimer(this);
    m_headerSaveTimer->setSingleShot(true);
    m_headerSaveTimer->setInterval(500);
    connect(m_headerSaveTimer, &QTimer::timeout, this, &HistoryPage::writeHeaderState);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryPage::applyFilter);
    connect(m_ui->historySearchEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_filling)
            m_searchTimer->start();
    });
    connect(m_ui->historySearchEdit, &QLineEdit::returnPressed, this, [this] {
        // Enter does not wait for the pause in typing.
        if (m_searchTimer->isActive()) {
            m_searchTimer->stop();
            applyFilter();
        }
    });

    fillCombos();
    for (QComboBox *combo : {m_ui->historyKindCombo, m_ui->historyStatusCombo, m_ui->historyCategoryCombo,
                             m_ui->historyMethodCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                applyFilter();
        });
    connect(m_ui->historyDatePresetCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateDateEdits();
        if (!m_filling)
            applyFilter();
    });
    for (QDateEdit *edit : {m_ui->historyFromDateEdit, m_ui->historyToDateEdit})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_filling)
                applyFilter();
        });
    connect(m_ui->historyDirectionCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        // The amount range is on the size of money in OR out: "In and out" drops it.
        if (m_ui->historyDirectionCombo->currentData().toInt() == BothDirections) {
            const QScopedValueRollback<bool> filling(m_filling, true);
            m_ui->historyMinAmountEdit->clear();
            m_ui->historyMaxAmountEdit->clear();
        }
        applyFilter();
    });
    connect(m_ui->historyCurrencyCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        const auto currency = core::Currency::fromCode(m_ui->historyCurrencyCombo->currentData().toString());
        const QScopedValueRollback<bool> filling(m_filling, true);
        if (currency) {
            m_ui->historyMinAmountEdit->setCurrency(*currency);
            m_ui->historyMaxAmountEdit->setCurrency(*currency);
        } else {
            // "All currencies": an amount range has no currency to be read in; the next one typed is in
            // the home currency.
            m_ui->historyMinAmountEdit->clear();
            m_ui->historyMaxAmountEdit->clear();
            setAmountCurrency(QStringLiteral("CNY"));
        }
        m_filling = false;
        applyFilter();
    });
    for (MoneyEdit *edit : {m_ui->historyMinAmountEdit, m_ui->historyMaxAmountEdit})
        connect(edit, &MoneyEdit::valueChanged, this, [this] {
            if (m_filling)
                return;
            const bool any = m_ui->historyMinAmountEdit->value() || m_ui->historyMaxAmountEdit->value();
            if (any) {
                // An amount needs a direction and a currency: pick the usual ones, visibly.
                const QScopedValueRollback<bool> filling(m_filling, true);
                if (m_ui->historyDirectionCombo->currentData().toInt() == BothDirections)
                    m_ui->historyDirectionCombo->setCurrentIndex(
                        m_ui->historyDirectionCombo->findData(int(MoneyOut)));
                if (m_ui->historyCurrencyCombo->currentData().toString().isEmpty())
                    m_ui->historyCurrencyCombo->setCurrentIndex(
                        m_ui->historyCurrencyCombo->findData(m_ui->historyMinAmountEdit->currency().code()));
            }
            m_searchTimer->start(); // typing an amount is typing too
        });
    connect(m_ui->historyClearFiltersButton, &QPushButton::clicked, this, &HistoryPage::clearFilters);
    connect(m_ui->historyExportButton, &QPushButton::clicked, this, &HistoryPage::openExport);
    connect(m_ui->historyViewButton, &QPushButton::clicked, this, &HistoryPage::showViewMenu);
    connect(m_ui->historyBackButton, &QPushButton::clicked, this, &HistoryPage::backRequested);

    if (m_services.methods) {
        connect(m_services.methods, &services::PaymentMethodService::methodsChanged, this,
                [this](const QList<gateway::PaymentMethod> &methods) {
                    m_methodsModel->setMethods(methods);
                    fillMethods();
                });
    }
    if (m_services.context) {
        // Locked or signed out: the decrypted rows and the reader connection (which holds the data key) go.
        connect(m_services.context, &services::ServiceContext::locked, this, &HistoryPage::clear);
        connect(m_services.context, &services::ServiceContext::signedOut, this, &HistoryPage::clear);
    }
    retranslate();
    updateDateEdits();
    updateCount();
}

HistoryPage::~HistoryPage()
{
    dropModel();
}

QTableView *HistoryPage::table() const
{
    return m_ui->historyTable;
}

void HistoryPage::refresh()
{
    if (m_services.methods) {
        m_methodsModel->setMethods(m_services.methods->methods());
        fillMethods();
        m_services.methods->refresh();
    }
    openModel();
}

void HistoryPage::openModel()
{
    if (!m_services.context || !m_services.history)
        return;
    if (m_model) {
        m_services.history->sync();
        return;
    }
    if (m_openingReader)
        return;
    m_openingReader = true;
    m_ui->historyCountLabel->setText(tr("Loading…"));
    m_services.context->openReader(
        this, [this](services::ServiceResult<std::unique_ptr<storage::WalletDatabase>> reader) {
            m_openingReader = false;
            if (!reader) {
                showStorageError(reader.error().userMessage());
                updateCount();
                return;
            }
            if (!m_services.context->isSignedIn()) {
                updateCount();
                return; // locked while the reader opened: drop it (the unique_ptr closes it)
            }
            m_reader = std::move(reader).value();
            m_model = std::make_unique<models::HistoryModel>(*m_reader);
            m_model->setLocale(QLocale());
            auto *model = m_model.get();
            connect(model, &models::HistoryModel::storageError, this,
                    [this](const storage::StorageError &error) { showStorageError(error.userMessage()); });
            connect(model, &QAbstractItemModel::modelReset, this, &HistoryPage::updateCount);
            connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryPage::updateCount);
            connect(model, &QAbstractItemModel::rowsRemoved, this, &HistoryPage::updateCount);
            m_ui->historyTable->setModel(model);
            restoreHeaderState();
            model->setSort(m_sort, m_order);
            applyFilter();
            model->attach(m_services.history);
            // A payment made here is written to the store at once, before the sync brings it.
            if (m_services.payments)
                connect(m_services.payments, &services::PaymentService::historyChanged, model,
                        &models::HistoryModel::applyChange);
            m_services.history->sync();
        });
}

void HistoryPage::dropModel()
{
    m_searchTimer->stop();
    if (m_details)
        m_details->close();
    if (m_menu)
        m_menu->close();
    if (m_model) {
        writeHeaderState();
        m_headerRestored = false;
        QItemSelectionModel *selection = m_ui->historyTable->selectionModel();
        m_ui->historyTable->setModel(nullptr);
        delete selection;
        m_model->attach(nullptr);
    }
    m_model.reset();
    m_reader.reset();
}

void HistoryPage::clear()
{
    dropModel();
    {
        const QScopedValueRollback<bool> filling(m_filling, true);
        m_ui->historySearchEdit->clear();
    }
    m_ui->historyErrorLabel->hide();
    m_methodsModel->setMethods(QList<gateway::PaymentMethod>{});
    fillMethods();
    updateCount();
}

storage::HistoryFilter HistoryPage::currentFilter() const
{
    storage::HistoryFilter filter;
    filter.searchText = m_ui->historySearchEdit->text().trimmed();
    if (const QString kind = m_ui->historyKindCombo->currentData().toString(); !kind.isEmpty())
        filter.kinds = QStringList{kind};
    if (const QString status = m_ui->historyStatusCombo->currentData().toString(); !status.isEmpty())
        filter.statuses = QStringList{status};
    if (const QString category = m_ui->historyCategoryCombo->currentData().toString(); !category.isEmpty())
        filter.categories = QStringList{category};
    if (const QString method = m_ui->historyMethodCombo->currentData().toString(); !method.isEmpty())
        filter.paymentMethodIds = QStringList{method};
    filter.currency = m_ui->historyCurrencyCombo->currentData().toString();

    // Dates: whole local days, the same ranges the Insights page uses.
    using services::InsightsPeriod;
    using services::InsightsService;
    const QDate today = QDate::currentDate();
    std::optional<services::InsightsRange> range;
    switch (DatePreset(m_ui->historyDatePresetCombo->currentData().toInt())) {
    case DatePreset::AllTime:
        break;
    case DatePreset::Today:
        range = InsightsService::rangeFor(today, today);
        break;
    case DatePreset::Last7Days:
        range = InsightsService::rangeFor(today.addDays(-6), today);
        break;
    case DatePreset::ThisMonth:
        range = InsightsService::periodFor(InsightsPeriod::ThisMonth, today);
        break;
    case DatePreset::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        range = InsightsService::rangeFor(first, first.addDays(first.daysInMonth() - 1));
        break;
    }
    case DatePreset::Last3Months:
        range = InsightsService::periodFor(InsightsPeriod::LastThreeMonths, today);
        break;
    case DatePreset::ThisYear:
        range = InsightsService::periodFor(InsightsPeriod::ThisYear, today);
        break;
    case DatePreset::Custom:
        range = InsightsService::rangeFor(m_ui->historyFromDateEdit->date(), m_ui->historyToDateEdit->date());
        break;
    }
    if (range && range->isValid()) {
        filter.fromMs = range->fromMs;
        filter.toMs = range->toMs;
    }

    // The amount range is on the size of the amount; the direction gives its sign.
    const auto direction = Direction(m_ui->historyDirectionCombo->currentData().toInt());
    if (direction != BothDirections)
        filter.incoming = direction == MoneyIn;
    const auto low = m_ui->historyMinAmountEdit->value();
    const auto high = m_ui->historyMaxAmountEdit->value();
    if (direction == MoneyIn) {
        if (low)
            filter.minAmountMinor = low->minorUnits();
        if (high)
            filter.maxAmountMinor = high->minorUnits();
    } else {
        if (high)
            filter.minAmountMinor = -high->minorUnits();
        if (low)
            filter.maxAmountMinor = -low->minorUnits();
    }
    return filter;
}

void HistoryPage::applyFilter()
{
    m_searchTimer->stop();
    if (!m_model) {
        updateCount();
        return;
    }
    m_ui->historyErrorLabel->hide();
    m_model->setFilter(currentFilter());
    updateCount();
}

void HistoryPage::applySort(int column)
{
    auto *header = m_ui->historyTable->horizontalHeader();
    const int current = m_sort == storage::HistorySort::Amount ? HM::AmountColumn : HM::DateColumn;
    if (column != HM::DateColumn && column != HM::AmountColumn) {
        showSortIndicator(); // only Date and Amount sort (in SQL, on an index)
        return;
    }
    // A newly chosen column starts with the newest or largest first; clicking it again turns it over.
    const auto order = column != current                                    ? storage::SortOrder::Descending
                       : header->sortIndicatorOrder() == Qt::AscendingOrder ? storage::SortOrder::Ascending
                                                                            : storage::SortOrder::Descending;
    setSort(column == HM::AmountColumn ? storage::HistorySort::Amount : storage::HistorySort::Date, order);
}

void HistoryPage::setSort(storage::HistorySort sort, storage::SortOrder order)
{
    m_sort = sort;
    m_order = order;
    if (m_model)
        m_model->setSort(m_sort, m_order);
    updateCount();
    showSortIndicator();
    saveHeaderState();
}

void HistoryPage::showSortIndicator()
{
    // The header shows what the model does.
    auto *header = m_ui->historyTable->horizontalHeader();
    const QSignalBlocker blocker(header);
    header->setSortIndicator(m_sort == storage::HistorySort::Amount ? HM::AmountColumn : HM::DateColumn,
                             m_order == storage::SortOrder::Ascending ? Qt::AscendingOrder
                                                                      : Qt::DescendingOrder);
    header->viewport()->update();
}

void HistoryPage::updateCount()
{
    if (!m_model) {
        if (!m_openingReader)
            m_ui->historyCountLabel->clear();
        m_ui->historyEmptyLabel->hide();
        return;
    }
    const int count = m_model->rowCount();
    const QLocale locale;
    m_ui->historyCountLabel->setText(
        count == 1 ? tr("1 transaction") : tr("%1 transactions", nullptr, count).arg(locale.toString(count)));
    const bool filtered = !m_model->filter().isEmpty();
    m_ui->historyEmptyLabel->setText(
        filtered ? tr("No transactions match these filters")
                 : tr("No transactions yet — top up or receive money to get started."));
    m_ui->historyEmptyLabel->setVisible(count == 0);
}

void HistoryPage::updateDateEdits()
{
    const bool custom = DatePreset(m_ui->historyDatePresetCombo->currentData().toInt()) == DatePreset::Custom;
    m_ui->historyFromDateEdit->setVisible(custom);
    m_ui->historyDateDashLabel->setVisible(custom);
    m_ui->historyToDateEdit->setVisible(custom);
}

void HistoryPage::fillMethods()
{
    QList<std::pair<QString, QString>> items;
    QHash<QString, QString> names;
    for (int row = 0; row < m_methodsModel->rowCount(); ++row) {
        const QString id = m_methodsModel->index(row, 0).data(models::PaymentMethodsModel::IdRole).toString();
        items.append({methodName(id), id});
        names.insert(id, methodName(id));
    }
    m_delegate->setMethodNames(names);
    m_ui->historyTable->viewport()->update();
    const QScopedValueRollback<bool> filling(m_filling, true);
    const QString before = m_ui->historyMethodCombo->currentData().toString();
    refill(m_ui->historyMethodCombo, tr("All payment methods"), items);
    if (m_ui->historyMethodCombo->currentData().toString() != before) {
        m_filling = false;
        applyFilter(); // the chosen method is gone
    }
}

QString HistoryPage::methodName(const QString &paymentMethodId) const
{
    const int row = paymentMethodId.isEmpty() ? -1 : m_methodsModel->rowOf(paymentMethodId);
    if (row < 0)
        return QString();
    using PM = models::PaymentMethodsModel;
    return tr("%1 %2").arg(m_methodsModel->index(row, PM::MethodColumn).data().toString(),
                           m_methodsModel->index(row, PM::NumberColumn).data().toString());
}

void HistoryPage::fillCombos()
{
    const QScopedValueRollback<bool> filling(m_filling, true);
    using models::ModelLabels;
    QList<std::pair<QString, QString>> kinds;
    for (const QString &kind : kKinds)
        kinds.append({ModelLabels::kindName(kind), kind});
    refill(m_ui->historyKindCombo, tr("All types"), kinds);
    QList<std::pair<QString, QString>> statuses;
    for (const QString &status : kStatuses)
        statuses.append({ModelLabels::statusName(status), status});
    refill(m_ui->historyStatusCombo, tr("All statuses"), statuses);
    QList<std::pair<QString, QString>> categories;
    for (const QString &category : kCategories)
        categories.append({ModelLabels::categoryName(category), category});
    refill(m_ui->historyCategoryCombo, tr("All categories"), categories);
    // The home currency first, then the others by code.
    QList<std::pair<QString, QString>> currencies{{QStringLiteral("CNY"), QStringLiteral("CNY")}};
    for (const core::Currency &currency : core::Currency::all())
        if (currency.code() != QLatin1String("CNY"))
            currencies.append({currency.code(), currency.code()});
    refill(m_ui->historyCurrencyCombo, tr("All currencies"), currencies);
    refill(m_ui->historyMethodCombo, tr("All payment methods"), {});

    const auto fillInts = [](QComboBox *combo, const QList<std::pair<QString, int>> &items) {
        const QVariant current = combo->currentData();
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        const int index = current.isValid() ? combo->findData(current) : 0;
        combo->setCurrentIndex(index < 0 ? 0 : index);
    };
    fillInts(m_ui->historyDatePresetCombo, {{tr("All time"), int(DatePreset::AllTime)},
                                            {tr("Today"), int(DatePreset::Today)},
                                            {tr("Last 7 days"), int(DatePreset::Last7Days)},
                                            {tr("This month"), int(DatePreset::ThisMonth)},
                                            {tr("Last month"), int(DatePreset::LastMonth)},
                                            {tr("Last 3 months"), int(DatePreset::Last3Months)},
                                            {tr("This year"), int(DatePreset::ThisYear)},
                                            {tr("Custom range"), int(DatePreset::Custom)}});
    fillInts(m_ui->historyDirectionCombo, {{tr("In and out"), int(BothDirections)},
                                           {tr("Money out"), int(MoneyOut)},
                                           {tr("Money in"), int(MoneyIn)}});
}

void HistoryPage::setAmountCurrency(const QString &code)
{
    if (const auto currency = core::Currency::fromCode(code)) {
        m_ui->historyMinAmountEdit->setCurrency(*currency);
        m_ui->historyMaxAmountEdit->setCurrency(*currency);
    }
}

void HistoryPage::clearFilters()
{
    {
        const QScopedValueRollback<bool> filling(m_filling, true);
        m_ui->historySearchEdit->clear();
        for (QComboBox *combo : {m_ui->historyKindCombo, m_ui->historyStatusCombo, m_ui->historyCategoryCombo,
                                 m_ui->historyMethodCombo, m_ui->historyCurrencyCombo,
                                 m_ui->historyDirectionCombo, m_ui->historyDatePresetCombo})
            combo->setCurrentIndex(0);
        m_ui->historyMinAmountEdit->clear();
        m_ui->historyMaxAmountEdit->clear();
        setAmountCurrency(QStringLiteral("CNY"));
    }
    updateDateEdits();
    applyFilter();
}

void HistoryPage::showDetails(int row)
{
    if (!m_model)
        return;
    const auto value = m_model->rowAt(row);
    if (!value)
        return;
    if (m_details)
        m_details->close();
    auto *dialog = new HistoryDetailsDialog(m_services, *value, methodName(value->paymentMethodId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_details = dialog;
    dialog->open();
}

void HistoryPage::showRowMenu(const QPoint &viewportPos)
{
    QTableView *table = m_ui->historyTable;
    const QModelIndex index = table->indexAt(viewportPos);
    if (!m_model || !index.isValid())
        return;
    table->setCurrentIndex(index);
    const int row = index.row();
    QMenu *menu = newMenu(QStringLiteral("historyRowMenu"));
    const bool hasReceipt = !index.data(HM::PaymentIdRole).toString().isEmpty();
    QAction *copy = menu->addAction(tr("&Copy"), this, [this, row] { copyRow(row); });
    copy->setObjectName(QStringLiteral("historyCopyAction"));
    QAction *copyReceipt =
        menu->addAction(tr("Copy &receipt number"), this, [this, row] { copyReceiptNumber(row); });
    copyReceipt->setObjectName(QStringLiteral("historyCopyReceiptAction"));
    copyReceipt->setEnabled(!index.data(HM::ReceiptNoRole).toString().isEmpty());
    menu->addSeparator();
    QAction *details = menu->addAction(tr("&Details…"), this, [this, row] { showDetails(row); });
    details->setObjectName(QStringLiteral("historyDetailsAction"));
    QAction *pdf =
        menu->addAction(tr("Save receipt as &PDF…"), this, [this, row] { openReceipt(row, true); });
    pdf->setObjectName(QStringLiteral("historySavePdfAction"));
    pdf->setEnabled(hasReceipt);
    menu->setDefaultAction(details);
    menu->popup(table->viewport()->mapToGlobal(viewportPos));
}

void HistoryPage::showColumnsMenu(const QPoint &pos)
{
    if (!m_model)
        return;
    QMenu *menu = newMenu(QStringLiteral("historyColumnsMenu"));
    addColumnActions(menu);
    menu->popup(m_ui->historyTable->horizontalHeader()->mapToGlobal(pos));
}

void HistoryPage::showViewMenu()
{
    // The keyboard's way to what the header offers the mouse: the sort order and the columns shown.
    if (!m_model)
        return;
    QMenu *menu = newMenu(QStringLiteral("historyViewMenu"));
    menu->addSection(tr("Sort by"));
    auto *group = new QActionGroup(menu);
    const struct
    {
        const char *name;
        QString text;
        storage::HistorySort sort;
        storage::SortOrder order;
    } sorts[] = {
        {"historySortNewestAction", tr("Date, &newest first"), storage::HistorySort::Date,
         storage::SortOrder::Descending},
        {"historySortOldestAction", tr("Date, &oldest first"), storage::HistorySort::Date,
         storage::SortOrder::Ascending},
        {"historySortLargestAction", tr("Amount, &largest first"), storage::HistorySort::Amount,
         storage::SortOrder::Descending},
        {"historySortSmallestAction", tr("Amount, &smallest first"), storage::HistorySort::Amount,
         storage::SortOrder::Ascending},
    };
    for (const auto &item : sorts) {
        QAction *action = menu->addAction(item.text);
        action->setObjectName(QLatin1String(item.name));
        action->setCheckable(true);
        action->setChecked(m_sort == item.sort && m_order == item.order);
        group->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, sort = item.sort, order = item.order] { setSort(sort, order); });
    }
    menu->addSection(tr("Columns"));
    addColumnActions(menu);
    QPushButton *button = m_ui->historyViewButton;
    menu->popup(button->mapToGlobal(QPoint(0, button->height())));
}

QMenu *HistoryPage::newMenu(const QString &objectName)
{
    // One popup at a time, closed when the rows go (dropModel); deleted when closed. Shown with popup(),
    // never exec(): the table keeps painting, and tests find the menu by name.
    if (m_menu)
        m_menu->close();
    auto *menu = new QMenu(this);
    menu->setObjectName(objectName);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_menu = menu;
    return menu;
}

void HistoryPage::addColumnActions(QMenu *menu)
{
    auto *header = m_ui->historyTable->horizontalHeader();
    int visible = 0;
    for (int column = 0; column < HM::ColumnCount; ++column)
        visible += header->isSectionHidden(column) ? 0 : 1;
    for (int column = 0; column < HM::ColumnCount; ++column) {
        QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("historyColumnAction_") + QLatin1String(columnKey(column)));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: a table without columns cannot be brought back from its header.
        action->setEnabled(header->isSectionHidden(column) || visible > 1);
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            m_ui->historyTable->horizontalHeader()->setSectionHidden(column, !shown);
            saveHeaderState();
        });
    }
}

void HistoryPage::copyRow(int row)
{
    if (!m_model)
        return;
    // What the row shows, visible columns in their on-screen order, tab-separated (pastes into a sheet).
    auto *header = m_ui->historyTable->horizontalHeader();
    QStringList cells;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (header->isSectionHidden(column))
            continue;
        const QModelIndex index = m_model->index(row, column);
        cells << m_delegate->displayText(index);
    }
    const QString receipt = m_model->index(row, 0).data(HM::ReceiptNoRole).toString();
    if (!receipt.isEmpty())
        cells << receipt;
    QGuiApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
}

void HistoryPage::copyReceiptNumber(int row)
{
    if (!m_model)
        return;
    const QString receipt = m_model->index(row, 0).data(HM::ReceiptNoRole).toString();
    if (!receipt.isEmpty())
        QGuiApplication::clipboard()->setText(receipt);
}

void HistoryPage::openReceipt(int row, bool savePdf)
{
    if (!m_model)
        return;
    const QString paymentId = m_model->index(row, 0).data(HM::PaymentIdRole).toString();
    if (paymentId.isEmpty())
        return;
    auto *dialog = new ReceiptDialog(m_services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (savePdf) {
        // The receipt comes from the bank: once it is shown, its own "Save as PDF…" asks where.
        if (auto *stack = dialog->findChild<QStackedWidget *>(QStringLiteral("receiptStack"))) {
            QPointer<ReceiptDialog> guard(dialog);
            connect(stack, &QStackedWidget::currentChanged, dialog, [guard, stack] {
                if (!guard || stack->currentWidget()->objectName() != QLatin1String("receiptContentPage"))
                    return;
                if (auto *save = guard->findChild<QPushButton *>(QStringLiteral("savePdfButton")))
                    QTimer::singleShot(0, save, &QPushButton::click);
            });
        }
    }
    dialog->showTransaction(paymentId);
    dialog->open();
}

void HistoryPage::openExport()
{
    if (!m_model)
        return;
    auto *dialog = new ExportDialog(m_services, m_model->filter(), m_model->sort(), m_model->order(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HistoryPage::saveHeaderState()
{
    // Resizing a column reports every pixel: the file is written once the hand rests.
    if (m_model && m_headerRestored)
        m_headerSaveTimer->start();
}

void HistoryPage::writeHeaderState()
{
    m_headerSaveTimer->stop();
    if (!m_model || !m_headerRestored || !m_services.context)
        return;
    QSettings settings(m_services.context->settingsPath(), QSettings::IniFormat);
    settings.setValue(kHeaderStateKey, m_ui->historyTable->horizontalHeader()->saveState());
}

void HistoryPage::restoreHeaderState()
{
    auto *header = m_ui->historyTable->horizontalHeader();
    // Sensible first widths; the counterparty takes what is left. Never resize-to-contents (it would read
    // every row).
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(HM::CounterpartyColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = m_ui->historyTable->fontMetrics();
    header->resizeSection(HM::DateColumn, metrics.horizontalAdvance(QStringLiteral("0000/00/00 00:00")) + 40);
    header->resizeSection(HM::KindColumn, metrics.horizontalAdvance(QStringLiteral("Money received")) + 30);
    header->resizeSection(HM::AmountColumn,
                          metrics.horizontalAdvance(QStringLiteral("+US$ 000,000.00")) + 40);
    header->resizeSection(HM::StatusColumn, metrics.horizontalAdvance(QStringLiteral("Under review")) + 30);
    header->resizeSection(HM::BalanceAfterColumn,
                          metrics.horizontalAdvance(QStringLiteral("¥000,000.00")) + 40);
    if (m_services.context) {
        const QSettings settings(m_services.context->settingsPath(), QSettings::IniFormat);
        const QByteArray state = settings.value(kHeaderStateKey).toByteArray();
        if (!state.isEmpty() && header->restoreState(state)) {
            // The saved sort comes back with the layout (Date or Amount only).
            const int section = header->sortIndicatorSection();
            if (section == HM::DateColumn || section == HM::AmountColumn) {
                m_sort =
                    section == HM::AmountColumn ? storage::HistorySort::Amount : storage::HistorySort::Date;
                m_order = header->sortIndicatorOrder() == Qt::AscendingOrder ? storage::SortOrder::Ascending
                                                                             : storage::SortOrder::Descending;
            }
            for (int column = 0; column < HM::ColumnCount; ++column)
                if (header->sectionResizeMode(column) == QHeaderView::ResizeToContents)
                    header->setSectionResizeMode(column, QHeaderView::Interactive);
        }
    }
    showSortIndicator();
    m_headerRestored = true;
}

void HistoryPage::showStorageError(const QString &message)
{
    m_ui->historyErrorLabel->setText(
        tr("<b>Your history could not be read.</b> %1").arg(message.toHtmlEscaped()));
    m_ui->historyErrorLabel->show();
}

bool HistoryPage::eventFilter(QObject *watched, QEvent *event)
{
    QTableView *table = m_ui->historyTable;
    if (watched == table && event->type() == QEvent::KeyPress && m_model) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QModelIndex current = table->currentIndex();
        const int rows = m_model->rowCount();
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (current.isValid()) {
                showDetails(current.row());
                return true;
            }
            break;
        case Qt::Key_Menu:
            if (current.isValid()) {
                table->scrollTo(current);
                showRowMenu(table->visualRect(current).center());
                return true;
            }
            break;
        case Qt::Key_Home:
        case Qt::Key_End:
            // Rows are what this table is about: Home and End go to the first and last transaction.
            if (rows > 0 && key->modifiers() == Qt::NoModifier) {
                const int row = key->key() == Qt::Key_Home ? 0 : rows - 1;
                const QModelIndex target =
                    m_model->index(row, current.isValid() ? current.column() : HM::CounterpartyColumn);
                table->setCurrentIndex(target);
                table->scrollTo(target);
                return true;
            }
            break;
        default:
            break;
        }
    }
    if (watched == table->viewport() && event->type() == QEvent::ContextMenu) {
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        if (menuEvent->reason() == QContextMenuEvent::Keyboard) {
            // The Menu key: the menu of the current row, where that row is.
            if (!m_menu && table->currentIndex().isValid())
                showRowMenu(table->visualRect(table->currentIndex()).center());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void HistoryPage::retranslate()
{
    fillCombos();
    fillMethods();
    m_ui->historySearchEdit->setAccessibleName(tr("Search the history"));
    m_ui->historyDatePresetCombo->setAccessibleName(tr("Dates"));
    m_ui->historyFromDateEdit->setAccessibleName(tr("From"));
    m_ui->historyToDateEdit->setAccessibleName(tr("To"));
    m_ui->historyKindCombo->setAccessibleName(tr("Type"));
    m_ui->historyStatusCombo->setAccessibleName(tr("Status"));
    m_ui->historyCategoryCombo->setAccessibleName(tr("Category"));
    m_ui->historyMethodCombo->setAccessibleName(tr("Payment method"));
    m_ui->historyDirectionCombo->setAccessibleName(tr("Money in or out"));
    m_ui->historyMinAmountEdit->setAccessibleName(tr("Smallest amount"));
    m_ui->historyMaxAmountEdit->setAccessibleName(tr("Largest amount"));
    m_ui->historyMinAmountEdit->setToolTip(tr("Smallest amount"));
    m_ui->historyMaxAmountEdit->setToolTip(tr("Largest amount"));
    m_ui->historyCurrencyCombo->setAccessibleName(tr("Currency"));
    m_ui->historyTable->setAccessibleName(tr("Transactions"));
    m_ui->historyTable->setToolTip(
        tr("Enter or double-click: details. Right-click or the Menu key: copy, receipt. Ctrl+F: search."));
    m_ui->historyTable->horizontalHeader()->setToolTip(tr(
        "Click Date or Amount to sort; right-click to choose the columns. With the keyboard: View (Alt+V)."));
    m_delegate->clearIcons();
    if (m_model)
        m_model->setLocale(QLocale());
    updateCount();
}

} // namespace bw::ui
