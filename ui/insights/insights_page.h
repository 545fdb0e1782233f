// API-READY
// InsightsPage: the Insights screen — spending by category (donut chart) and by month (bar chart, with
// income), and the totals per currency (spent, received, count) for a chosen period (this month, last 3 or
// 12 months, this or last year, a custom range of days). Aggregates come from services::InsightsService
// (SQL on the database worker), so the page never blocks; a busy text shows while they load and a
// translated banner when they fail. When the period has more than one currency, a currency selector picks
// the one the charts show. Retranslates (charts too) on a language switch; drops its data on lock and
// sign-out, and reloads when shown again after a sign-in or when a history sync brought rows.
//
//   auto *page = new InsightsPage(services, stack);   // loads when first shown
#pragma once

#include "ui/screen_services.h"

#include <QWidget>

#include <memory>

namespace bw::ui {

class InsightsPage : public QWidget
{
    Q_OBJECT

public:
    explicit InsightsPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~InsightsPage() override;

    // Loads (again) for the selected period. Called when the page is shown and after each sync.
    void reload();
    // Whether an answer is awaited (tests wait for this to turn false).
    bool isLoading() const;

Q_SIGNALS:
    // After each answer was shown (or its error).
    void loaded();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace bw::ui
