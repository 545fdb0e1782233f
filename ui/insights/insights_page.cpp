#include "ui/insights/insights_page.h"

#include "core/currency.h"
#include "core/money.h"
#include "models/model_labels.h"
#include "services/history_service.h"
#include "services/insights_service.h"
#include "ui/widgets/style.h"
#include "ui_insights_page.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QPointer>
#include <QTableWidgetItem>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace bw::ui {

namespace {

using services::InsightsPeriod;
using storage::InsightsStore;

// Period choices in the order of the combo box.
constexpr InsightsPeriod kPeriods[] = {InsightsPeriod::ThisMonth,        InsightsPeriod::LastThreeMonths,
                                       InsightsPeriod::LastTwelveMonths, InsightsPeriod::ThisYear,
                                       InsightsPeriod::LastYear,         InsightsPeriod::Custom};

// A custom range is loaded once the person stopped changing its dates for this long.
constexpr int kCustomDebounceMs = 300;

// Colours of the house palette: spending blue, income green, then distinct hues for categories.
const QColor kSpentColor(0x0b, 0x4f, 0x8a);
const QColor kReceivedColor(0x2e, 0x8b, 0x57);
const QColor kSliceColors[] = {QColor(0x0b, 0x4f, 0x8a), QColor(0xf0, 0xb4, 0x29), QColor(0x2e, 0x8b, 0x57),
                               QColor(0xc0, 0x39, 0x2b), QColor(0x6c, 0x5b, 0xb5), QColor(0x1a, 0xa3, 0xb8),
                               QColor(0xe6, 0x7e, 0x22), QColor(0x7f, 0x8c, 0x8d), QColor(0xa0, 0x4a, 0x8c),
                               QColor(0x5d, 0x9c, 0x3b)};

enum TotalsColumn {
    CurrencyColumn,
    SpentColumn,
    PaymentsColumn,
    ReceivedColumn,
    IncomingColumn,
    ColumnCount
};

QString money(qint64 minor, const QString &code, const QLocale &locale)
{
    const auto currency = core::Currency::fromCode(code);
    if (!currency)
        return locale.toString(minor) + QLatin1Char(' ') + code;
    return core::Money(minor, *currency).format(locale);
}

// For drawing only: minor units as a qreal in major units (the chart's axis scale).
qreal major(qint64 minor, const QString &code)
{
    const auto currency = core::Currency::fromCode(code);
    const qint64 per = currency ? currency->minorPerMajor() : 100;
    return qreal(minor) / qreal(per);
}

} // namespace

struct InsightsPage::Private
{
    InsightsPage *q = nullptr;
    ScreenServices services;
    Ui::InsightsPage ui;
    services::InsightsService *insights = nullptr;
    QChartView *categoryView = nullptr;
    QChartView *monthView = nullptr;
    QTimer *customDebounce = nullptr;

    std::optional<storage::InsightsSummary> summary;
    std::optional<services::ServiceError> error;
    QString chosenCurrency; // what the person picked (kept across reloads when still present)
    quint64 generation = 0;
    bool loading = false;
    bool stale = true; // the shown data (if any) may be out of date: reload when next shown

    InsightsPeriod currentPeriod() const
    {
        const int index = ui.insightsPeriodCombo->currentIndex();
        return index >= 0 && index < int(std::size(kPeriods)) ? kPeriods[index] : InsightsPeriod::ThisMonth;
    }

    services::InsightsRange currentRange() const
    {
        const InsightsPeriod period = currentPeriod();
        if (period == InsightsPeriod::Custom)
            return services::InsightsService::rangeFor(ui.insightsFromDateEdit->date(),
                                                       ui.insightsToDateEdit->date());
        return services::InsightsService::periodFor(period, QDate::currentDate());
    }

    void fillPeriodCombo()
    {
        const int index = std::max(0, ui.insightsPeriodCombo->currentIndex());
        const QSignalBlocker blocker(ui.insightsPeriodCombo);
        ui.insightsPeriodCombo->clear();
        ui.insightsPeriodCombo->addItems({InsightsPage::tr("This month"), InsightsPage::tr("Last 3 months"),
                                          InsightsPage::tr("Last 12 months"), InsightsPage::tr("This year"),
                                          InsightsPage::tr("Last year"), InsightsPage::tr("Custom range")});
        ui.insightsPeriodCombo->setCurrentIndex(index);
    }

    void updateRangeEditors()
    {
        const bool custom = currentPeriod() == InsightsPeriod::Custom;
        if (!custom) {
            // The editors show the preset's days, so that switching to Custom starts from them.
            const services::InsightsRange range = currentRange();
            const QSignalBlocker a(ui.insightsFromDateEdit);
            const QSignalBlocker b(ui.insightsToDateEdit);
            ui.insightsFromDateEdit->setDate(range.first);
            ui.insightsToDateEdit->setDate(range.last);
        }
        ui.insightsFromDateEdit->setVisible(custom);
        ui.insightsToDateEdit->setVisible(custom);
        ui.insightsRangeToLabel->setVisible(custom);
    }

    void reload()
    {
        if (!insights)
            return;
        const quint64 mine = ++generation;
        loading = true;
        stale = false;
        updateState();
        QPointer<InsightsPage> self(q);
        insights->load(currentRange(), q,
                       [self, mine](services::ServiceResult<storage::InsightsSummary> result) {
                           if (!self || self->d->generation != mine)
                               return;
                           self->d->answer(std::move(result));
                       });
    }

    void answer(services::ServiceResult<storage::InsightsSummary> result)
    {
        loading = false;
        if (result) {
            summary = std::move(result).value();
            error.reset();
        } else {
            error = result.error();
        }
        showSummary();
        Q_EMIT q->loaded();
    }

    void drop()
    {
        ++generation; // an answer on its way is for the wallet that was just closed
        loading = false;
        stale = true;
        summary.reset();
        error.reset();
        chosenCurrency.clear();
        showSummary();
    }

    void updateState()
    {
        const bool hasData = summary && !summary->isEmpty();
        ui.insightsBusyLabel->setVisible(loading);
        ui.insightsBanner->setVisible(!loading && error.has_value());
        ui.insightsEmptyLabel->setVisible(!loading && !error && summary && summary->isEmpty());
        ui.insightsContent->setVisible(hasData && !error);
        const bool manyCurrencies = hasData && summary->totals.size() > 1;
        ui.insightsCurrencyLabel->setVisible(manyCurrencies);
        ui.insightsCurrencyCombo->setVisible(manyCurrencies);
    }

    QString chartCurrency() const
    {
        if (!summary || summary->totals.isEmpty())
            return {};
        const QStringList codes = summary->currencies();
        if (codes.contains(chosenCurrency))
            return chosenCurrency;
        // The currency most used in the period.
        const auto most =
            std::max_element(summary->totals.cbegin(), summary->totals.cend(),
                             [](const storage::CurrencyTotal &a, const storage::CurrencyTotal &b) {
                                 return a.spentCount + a.receivedCount < b.spentCount + b.receivedCount;
                             });
        return most->currency;
    }

    void showSummary()
    {
        const QLocale locale;
        if (error)
            ui.insightsErrorLabel->setText(error->userMessage());
        const QString currency = chartCurrency();
        {
            const QSignalBlocker blocker(ui.insightsCurrencyCombo);
            ui.insightsCurrencyCombo->clear();
            if (summary) {
                for (const storage::CurrencyTotal &total : summary->totals) {
                    const auto known = core::Currency::fromCode(total.currency);
                    ui.insightsCurrencyCombo->addItem(
                        known ? QStringLiteral("%1 — %2").arg(total.currency, known->displayName())
                              : total.currency,
                        total.currency);
                }
            }
            ui.insightsCurrencyCombo->setCurrentIndex(ui.insightsCurrencyCombo->findData(currency));
        }
        showHeadline(currency, locale);
        showCategories(currency, locale);
        showMonths(currency, locale);
        showTotals(locale);
        updateState();
    }

    void showHeadline(const QString &currency, const QLocale &locale)
    {
        ui.insightsHeadlineLabel->clear();
        if (!summary)
            return;
        for (const storage::CurrencyTotal &total : summary->totals) {
            if (total.currency != currency)
                continue;
            // The days of the answer shown (the selector may already say something else while loading).
            const QDate first = QDateTime::fromMSecsSinceEpoch(summary->fromMs).date();
            const QDate last = QDateTime::fromMSecsSinceEpoch(summary->toMs - 1).date();
            const QString days = InsightsPage::tr("%1 – %2").arg(locale.toString(first, QLocale::ShortFormat),
                                                                 locale.toString(last, QLocale::ShortFormat));
            ui.insightsHeadlineLabel->setText(
                //: %1 = the period's days ("1/1/25 – 3/31/25"), %2 = money spent, %3 = money received.
                InsightsPage::tr("%1: spent %2, received %3")
                    .arg(days, money(total.spentMinor, currency, locale),
                         money(total.receivedMinor, currency, locale)));
        }
    }

    QString categoryLabel(const QString &category) const
    {
        if (category == InsightsStore::kTransferCategory)
            return InsightsPage::tr("Transfers to people");
        if (category == InsightsStore::kOtherCategory)
            return InsightsPage::tr("Other");
        return models::ModelLabels::categoryName(category);
    }

    void showCategories(const QString &currency, const QLocale &locale)
    {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setTitle(InsightsPage::tr("Spending by category"));
        chart->setTitleFont(style::scaled(chart->titleFont(), 1.2, true));
        chart->legend()->setAlignment(Qt::AlignRight);
        auto *series = new QPieSeries(chart);
        series->setObjectName(QStringLiteral("insightsCategorySeries"));
        series->setHoleSize(0.45);
        series->setPieSize(0.85);
        qint64 total = 0;
        if (summary) {
            for (const storage::CategoryTotal &c : summary->categories) {
                if (c.currency == currency)
                    total += c.spentMinor;
            }
            int colour = 0;
            for (const storage::CategoryTotal &c : summary->categories) {
                if (c.currency != currency)
                    continue;
                const int percent =
                    total > 0 ? int(std::lround(100.0 * qreal(c.spentMinor) / qreal(total))) : 0;
                auto *slice =
                    new QPieSlice(InsightsPage::tr("%1  %2 (%3%)")
                                      .arg(categoryLabel(c.category), money(c.spentMinor, currency, locale),
                                           locale.toString(percent)),
                                  major(c.spentMinor, currency));
                // What a test (or an accessibility tool) reads back: the exact amount, not the drawing value.
                slice->setProperty("category", c.category);
                slice->setProperty("spentMinor", c.spentMinor);
                slice->setProperty("count", c.count);
                slice->setColor(kSliceColors[colour++ % std::size(kSliceColors)]);
                slice->setBorderColor(Qt::white);
                series->append(slice);
            }
        }
        chart->addSeries(series);
        if (series->count() == 0 && summary && !summary->isEmpty())
            chart->setTitle(InsightsPage::tr("Spending by category: nothing spent in %1").arg(currency));
        setChart(categoryView, chart);
    }

    // Short month names in the UI language ("Jan", "1月"); the years go in the axis title, so that twelve
    // labels fit the chart's width without being cut.
    static QString monthLabel(const QDate &month, const QLocale &locale)
    {
        return locale.monthName(month.month(), QLocale::ShortFormat);
    }

    void showMonths(const QString &currency, const QLocale &locale)
    {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setTitle(InsightsPage::tr("Spending and income by month"));
        chart->setTitleFont(style::scaled(chart->titleFont(), 1.2, true));
        chart->setLocalizeNumbers(true);
        chart->setLocale(locale);
        chart->legend()->setAlignment(Qt::AlignBottom);
        auto *series = new QBarSeries(chart);
        series->setObjectName(QStringLiteral("insightsMonthSeries"));
        auto *spent = new QBarSet(InsightsPage::tr("Spent"), series);
        spent->setObjectName(QStringLiteral("insightsSpentSet"));
        spent->setColor(kSpentColor);
        auto *received = new QBarSet(InsightsPage::tr("Received"), series);
        received->setObjectName(QStringLiteral("insightsReceivedSet"));
        received->setColor(kReceivedColor);
        QStringList categories;
        QString yearsTitle;
        QVariantList spentMinor;
        QVariantList receivedMinor;
        qint64 top = 0;
        if (summary && !summary->months.isEmpty()) {
            const int firstYear = summary->months.first().year();
            const int lastYear = summary->months.last().year();
            yearsTitle = firstYear == lastYear ? QString::number(firstYear)
                                               : InsightsPage::tr("%1 – %2").arg(QString::number(firstYear),
                                                                                 QString::number(lastYear));
            for (const QDate &month : summary->months) {
                qint64 out = 0;
                qint64 in = 0;
                for (const storage::MonthTotal &m : summary->monthTotals) {
                    if (m.month == month && m.currency == currency) {
                        out = m.spentMinor;
                        in = m.receivedMinor;
                    }
                }
                categories.append(monthLabel(month, locale));
                spent->append(major(out, currency));
                received->append(major(in, currency));
                spentMinor.append(out);
                receivedMinor.append(in);
                top = std::max({top, out, in});
            }
        }
        spent->setProperty("minorUnits", spentMinor);
        received->setProperty("minorUnits", receivedMinor);
        series->append(spent);
        series->append(received);
        chart->addSeries(series);
        auto *axisX = new QBarCategoryAxis(chart);
        axisX->append(categories);
        axisX->setTitleText(yearsTitle);
        // Short month names always fit a slot; Qt's own margin would otherwise cut "12月" to "1…".
        axisX->setTruncateLabels(false);
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        auto *axisY = new QValueAxis(chart);
        axisY->setRange(0, std::max<qreal>(1, major(top, currency)) * 1.1);
        axisY->setLabelFormat(QStringLiteral("%.0f"));
        axisY->setTitleText(currency);
        axisY->applyNiceNumbers();
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        setChart(monthView, chart);
    }

    void showTotals(const QLocale &locale)
    {
        QTableWidget *table = ui.insightsTotalsTable;
        table->setColumnCount(ColumnCount);
        table->setHorizontalHeaderLabels({InsightsPage::tr("Currency"), InsightsPage::tr("Spent"),
                                          InsightsPage::tr("Payments"), InsightsPage::tr("Received"),
                                          InsightsPage::tr("Incoming payments")});
        const auto totals = summary ? summary->totals : QVector<storage::CurrencyTotal>{};
        table->setRowCount(int(totals.size()));
        for (int row = 0; row < totals.size(); ++row) {
            const storage::CurrencyTotal &t = totals[row];
            const auto known = core::Currency::fromCode(t.currency);
            const auto item = [&](int column, const QString &text, bool number) {
                auto *cell = new QTableWidgetItem(text);
                if (number)
                    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                table->setItem(row, column, cell);
                return cell;
            };
            item(CurrencyColumn,
                 known ? QStringLiteral("%1 — %2").arg(t.currency, known->displayName()) : t.currency, false)
                ->setData(Qt::UserRole, t.currency);
            item(SpentColumn, money(t.spentMinor, t.currency, locale), true)
                ->setData(Qt::UserRole, t.spentMinor);
            item(PaymentsColumn, locale.toString(t.spentCount), true)->setData(Qt::UserRole, t.spentCount);
            item(ReceivedColumn, money(t.receivedMinor, t.currency, locale), true)
                ->setData(Qt::UserRole, t.receivedMinor);
            item(IncomingColumn, locale.toString(t.receivedCount), true)
                ->setData(Qt::UserRole, t.receivedCount);
        }
        // As tall as its rows (a wallet has few currencies), so that the charts get the rest of the page.
        const int rows = std::clamp(int(totals.size()), 1, 4);
        table->setFixedHeight(table->horizontalHeader()->sizeHint().height() +
                              rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth() +
                              2);
    }

    void setChart(QChartView *view, QChart *chart)
    {
        QChart *old = view->chart();
        view->setChart(chart);
        view->setAccessibleName(chart->title());
        delete old;
    }
};

InsightsPage::InsightsPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->services = services;
    d->ui.setupUi(this);
    setObjectName(QStringLiteral("insightsPage"));
    setStyleSheet(style::errorFrameRules("insightsBanner"));
    style::title(d->ui.insightsTitleLabel, 1.8);
    style::muted(d->ui.insightsSubtitleLabel);
    style::muted(d->ui.insightsBusyLabel);
    style::muted(d->ui.insightsEmptyLabel);
    d->ui.insightsHeadlineLabel->setFont(style::scaled(d->ui.insightsHeadlineLabel->font(), 1.15, true));
    d->ui.insightsTotalsCaption->setFont(style::scaled(d->ui.insightsTotalsCaption->font(), 1.0, true));
    d->ui.insightsTotalsTable->verticalHeader()->hide();
    d->ui.insightsTotalsTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    d->ui.insightsTotalsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    d->ui.insightsTotalsTable->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // The donut and its legend of categories need more width than twelve short month names.
    d->ui.insightsChartsRow->setStretch(0, 6);
    d->ui.insightsChartsRow->setStretch(1, 5);

    for (auto [host, view, name] :
         {std::tuple{d->ui.insightsCategoryChartHost, &d->categoryView, "insightsCategoryChart"},
          std::tuple{d->ui.insightsMonthChartHost, &d->monthView, "insightsMonthChart"}}) {
        auto *layout = new QVBoxLayout(host);
        layout->setContentsMargins(0, 0, 0, 0);
        *view = new QChartView(host);
        (*view)->setObjectName(QLatin1String(name));
        (*view)->setRenderHint(QPainter::Antialiasing);
        (*view)->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(*view);
    }

    if (services.context)
        d->insights = new services::InsightsService(*services.context, this);

    d->customDebounce = new QTimer(this);
    d->customDebounce->setSingleShot(true);
    d->customDebounce->setInterval(kCustomDebounceMs);
    connect(d->customDebounce, &QTimer::timeout, this, &InsightsPage::reload);

    d->fillPeriodCombo();
    d->ui.insightsPeriodCombo->setCurrentIndex(1); // last 3 months: enough to see a trend at once
    d->updateRangeEditors();
    connect(d->ui.insightsPeriodCombo, &QComboBox::currentIndexChanged, this, [this] {
        d->updateRangeEditors();
        d->chosenCurrency.clear();
        reload();
    });
    for (QDateEdit *edit : {d->ui.insightsFromDateEdit, d->ui.insightsToDateEdit})
        connect(edit, &QDateEdit::dateChanged, d->customDebounce, qOverload<>(&QTimer::start));
    connect(d->ui.insightsCurrencyCombo, &QComboBox::currentIndexChanged, this, [this] {
        d->chosenCurrency = d->ui.insightsCurrencyCombo->currentData().toString();
        d->showSummary();
    });
    connect(d->ui.insightsRetryButton, &QPushButton::clicked, this, &InsightsPage::reload);

    if (services.context) {
        connect(services.context, &services::ServiceContext::locked, this, [this] { d->drop(); });
        connect(services.context, &services::ServiceContext::signedOut, this, [this] { d->drop(); });
        connect(services.context, &services::ServiceContext::signedIn, this, [this] {
            d->stale = true;
            if (isVisible())
                reload();
        });
    }
    if (services.history) {
        // New rows change the sums: reload now when seen, otherwise when next shown.
        connect(services.history, &services::HistoryService::finished, this, [this](qint64 synced) {
            if (synced == 0)
                return;
            d->stale = true;
            if (isVisible())
                reload();
        });
    }
    d->showSummary();
}

InsightsPage::~InsightsPage() = default;

void InsightsPage::reload()
{
    d->customDebounce->stop();
    if (d->services.context && !d->services.context->isSignedIn()) {
        d->drop();
        return;
    }
    d->reload();
}

bool InsightsPage::isLoading() const
{
    return d->loading;
}

void InsightsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        d->ui.retranslateUi(this);
        d->fillPeriodCombo();
        // Every label, month name and amount is rebuilt in the new language; an error message was
        // translated when it arrived, so it is asked again.
        if (d->error)
            reload();
        else
            d->showSummary();
    } else if (event->type() == QEvent::LocaleChange) {
        d->showSummary();
    }
    QWidget::changeEvent(event);
}

void InsightsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (d->stale && !d->loading)
        reload();
}

} // namespace bw::ui
