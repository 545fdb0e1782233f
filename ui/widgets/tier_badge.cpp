#include "ui/widgets/tier_badge.h"

#include <QEvent>

namespace bw::ui {

TierBadge::TierBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("tierBadge"));
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    retranslate();
}

void TierBadge::setTier(int tier)
{
    m_tier = (tier >= 1 && tier <= 4) ? tier : 0;
    retranslate();
}

QString TierBadge::tierName(int tier)
{
    switch (tier) {
    case 4:
        return tr("Anonymous");
    case 3:
        return tr("Verified");
    case 2:
        return tr("Bank-linked");
    case 1:
        return tr("Verified in branch");
    default:
        return {};
    }
}

QString TierBadge::tierText(int tier)
{
    if (tier < 1 || tier > 4) {
        return {};
    }
    return tr("Tier %1 · %2").arg(tier).arg(tierName(tier));
}

void TierBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QLabel::changeEvent(event);
}

void TierBadge::retranslate()
{
    setText(tierText(m_tier));
    // Higher tiers (lower numbers) get the calmer, more trusted colours.
    const char *background = "#f2f4f7";
    const char *foreground = "#344054";
    switch (m_tier) {
    case 4:
        background = "#fef0c7";
        foreground = "#93370d";
        break;
    case 3:
        background = "#d1e9ff";
        foreground = "#194185";
        break;
    case 2:
        background = "#d1fadf";
        foreground = "#05603a";
        break;
    case 1:
        background = "#ebe9fe";
        foreground = "#3e1c96";
        break;
    default:
        break;
    }
    setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border-radius: 10px; padding: 3px 10px; "
                       "font-weight: 600; }")
            .arg(QLatin1String(background), QLatin1String(foreground)));
    setAccessibleName(tr("Wallet tier"));
    setAccessibleDescription(text());
}

} // namespace bw::ui
