// API-READY
// LimitMeter — how much of a limit is used: a title, a bar and "¥1,234.00 of ¥5,000.00 used today"
// (or "No limit"). Used by the dashboard for the wallet tier's daily (and yearly) limits.
#pragma once

#include "core/money.h"

#include <QLocale>
#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;

namespace bw::ui {

class LimitMeter : public QWidget
{
    Q_OBJECT
public:
    enum class Period { Today, ThisYear };

    explicit LimitMeter(QWidget *parent = nullptr);
    ~LimitMeter() override;

    // Default title: "Today's limit" (Period::Today) / "This year's limit" (Period::ThisYear).
    void setPeriod(Period period);
    // A title of the caller's own (already translated; re-set it on LanguageChange). Empty = default.
    void setTitle(const QString &title);
    // nullopt limit: "No limit" and an empty bar.
    void setUsage(const core::Money &used, const std::optional<core::Money> &limit, const QLocale &locale);
    // The sentence shown under the bar ("limitText"), for tests.
    QString usageText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title = nullptr;     // "limitTitle"
    QProgressBar *m_bar = nullptr; // "limitBar"
    QLabel *m_text = nullptr;      // "limitText"
    QString m_customTitle;
    Period m_period = Period::Today;
    core::Money m_used;
    std::optional<core::Money> m_limit;
    QLocale m_locale;
    bool m_hasUsage = false;
};

} // namespace bw::ui
