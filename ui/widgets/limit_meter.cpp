#include "ui/widgets/limit_meter.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace bw::ui {

LimitMeter::LimitMeter(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("limitTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("limitBar"));
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_bar->setFixedHeight(10);
    layout->addWidget(m_bar);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("limitText"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    retranslate();
}

LimitMeter::~LimitMeter() = default;

void LimitMeter::setPeriod(Period period)
{
    m_period = period;
    retranslate();
}

void LimitMeter::setTitle(const QString &title)
{
    m_customTitle = title;
    retranslate();
}

void LimitMeter::setUsage(const core::Money &used, const std::optional<core::Money> &limit,
                          const QLocale &locale)
{
    m_used = used;
    m_limit = limit;
    m_locale = locale;
    m_hasUsage = true;
    retranslate();
}

QString LimitMeter::usageText() const
{
    return m_text->text();
}

void LimitMeter::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void LimitMeter::retranslate()
{
    if (!m_customTitle.isEmpty()) {
        m_title->setText(m_customTitle);
    } else {
        m_title->setText(m_period == Period::Today ? tr("Today's limit") : tr("This year's limit"));
    }
    m_bar->setAccessibleName(m_title->text());

    int permille = 0;
    QString text;
    const char *color = "#2e90fa";
    if (!m_hasUsage) {
        text.clear();
    } else if (!m_limit) {
        text = tr("No limit");
    } else {
        const qint64 limitMinor = m_limit->minorUnits();
        const qint64 usedMinor = qMax<qint64>(0, m_used.minorUnits());
        if (limitMinor > 0) {
            // In double: per-mille only; the amounts themselves are formatted exactly by Money.
            permille = int(qBound(0.0, double(usedMinor) / double(limitMinor) * 1000.0, 1000.0));
        } else {
            permille = 1000;
        }
        const QString usedText = m_used.format(m_locale);
        const QString limitText = m_limit->format(m_locale);
        text = m_period == Period::Today ? tr("%1 of %2 used today").arg(usedText, limitText)
                                         : tr("%1 of %2 used this year").arg(usedText, limitText);
        color = permille >= 1000 ? "#d92d20" : permille >= 800 ? "#f79009" : "#2e90fa";
    }
    m_bar->setValue(permille);
    m_bar->setStyleSheet(
        QStringLiteral("QProgressBar { border: none; background: #e4e7ec; border-radius: 5px; }"
                       "QProgressBar::chunk { background: %1; border-radius: 5px; }")
            .arg(QLatin1String(color)));
    m_text->setText(text);
    m_bar->setAccessibleDescription(text);
}

} // namespace bw::ui
