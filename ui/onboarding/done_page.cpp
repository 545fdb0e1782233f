#include "ui/onboarding/done_page.h"

#include "ui/onboarding/tier_limits_view.h"
#include "ui/widgets/tier_badge.h"
#include "ui_done_page.h"

namespace bw::ui {

DonePage::DonePage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::DonePage>())
{
    setObjectName(QStringLiteral("donePage"));
    setFinalPage(true);
    m_ui->setupUi(body());
    for (QLabel *title : {m_ui->limitsTitle, m_ui->nextStepsTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.1);
        title->setFont(bold);
    }
    m_ui->nextSteps->setTextInteractionFlags(Qt::TextBrowserInteraction);
    retranslate();
}

DonePage::~DonePage() = default;

void DonePage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    m_state = state;
    m_ui->tierBadge->setTier(state.tier);
    m_ui->limitsTable->setTier(state.tier);
    retranslate();
}

void DonePage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Your wallet is ready"), tr("Welcome to BankWallet. You can use your wallet right away."));
    m_ui->doneSummary->setText(m_state.totpEnabled ? tr("Your wallet is open and protected by your password, "
                                                        "your payment PIN and your authenticator "
                                                        "app.")
                                                   : tr("Your wallet is open and protected by your password, "
                                                        "your payment PIN and codes sent to your "
                                                        "phone."));
    QStringList steps;
    steps << tr("<b>Top up</b> your wallet from a linked card or bank account.");
    if (m_state.tier >= 3)
        steps << tr("<b>Link a debit card</b> or bank account in your name for higher limits (tier 2).");
    if (m_state.tier == 4)
        steps << tr("<b>Verify your identity</b> in Security to lift the tier 4 limits.");
    steps << tr("<b>Verify in a branch</b> with your identity document to remove the limits (tier 1).");
    m_ui->nextSteps->setText(QStringLiteral("<ul style=\"margin-left:0px; -qt-list-indent:1;\"><li>") +
                             steps.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>"));
}

} // namespace bw::ui
