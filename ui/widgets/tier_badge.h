// API-READY
// TierBadge — the wallet tier as a small coloured pill: "Tier 3 · Verified". Tiers as in DESIGN.md:
// 4 anonymous, 3 verified, 2 bank-linked, 1 in-branch.
#pragma once

#include <QLabel>
#include <QString>

namespace bw::ui {

class TierBadge : public QLabel
{
    Q_OBJECT
public:
    explicit TierBadge(QWidget *parent = nullptr);

    // 1..4; anything else shows nothing.
    void setTier(int tier);
    int tier() const { return m_tier; }

    // "Anonymous", "Verified", "Bank-linked", "Verified in branch" (translated); empty for an unknown tier.
    static QString tierName(int tier);
    // "Tier 3 · Verified" (translated).
    static QString tierText(int tier);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    int m_tier = 0;
};

} // namespace bw::ui
