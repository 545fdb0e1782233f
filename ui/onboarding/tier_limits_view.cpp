#include "ui/onboarding/tier_limits_view.h"

#include "core/currency.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace bw::ui {

namespace {
const char *const kRowNames[4] = {"limitPerPayment", "limitDaily", "limitAnnual", "limitBalanceCap"};

core::Money cny(qint64 yuan)
{
    return core::Money(yuan * 100, *core::Currency::fromCode(u"CNY"));
}
} // namespace

TierLimitsView::Limits TierLimitsView::publishedLimits(int tier)
{
    switch (tier) {
    case 1:
        return {};
    case 2:
        return {cny(50'000), cny(100'000), std::nullopt, cny(500'000)};
    case 3:
        return {cny(5'000), cny(10'000), cny(200'000), cny(20'000)};
    default:
        return {cny(2'000), cny(5'000), cny(50'000), cny(10'000)};
    }
}

TierLimitsView::TierLimitsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("limitsTable"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(6);
    for (int i = 0; i < 4; ++i) {
        m_names[i] = new QLabel(this);
        m_values[i] = new QLabel(this);
        m_values[i]->setObjectName(QString::fromLatin1(kRowNames[i]));
        m_values[i]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = m_values[i]->font();
        bold.setBold(true);
        m_values[i]->setFont(bold);
        grid->addWidget(m_names[i], i, 0);
        grid->addWidget(m_values[i], i, 1);
    }
    grid->setColumnStretch(2, 1);
    retranslate();
}

TierLimitsView::~TierLimitsView() = default;

void TierLimitsView::setTier(int tier)
{
    m_tier = tier;
    retranslate();
}

QString TierLimitsView::valueText(const QString &rowName) const
{
    for (int i = 0; i < 4; ++i) {
        if (rowName == QLatin1String(kRowNames[i]))
            return m_values[i]->text();
    }
    return {};
}

void TierLimitsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TierLimitsView::retranslate()
{
    m_names[0]->setText(tr("Per payment"));
    m_names[1]->setText(tr("Per day"));
    m_names[2]->setText(tr("Per year"));
    m_names[3]->setText(tr("Balance up to"));
    const Limits limits = publishedLimits(m_tier);
    const std::optional<core::Money> values[4] = {limits.perPayment, limits.daily, limits.annual,
                                                  limits.balanceCap};
    const QLocale locale;
    for (int i = 0; i < 4; ++i)
        m_values[i]->setText(values[i] ? values[i]->format(locale) : tr("No limit"));
}

} // namespace bw::ui
