#include "ui/main/coming_soon_page.h"

#include "ui_coming_soon_page.h"

#include <QEvent>

namespace bw::ui {

ComingSoonPage::ComingSoonPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ComingSoonPage>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("comingSoonPage"));
    m_ui->comingSoonCard->setStyleSheet(QStringLiteral("QFrame#comingSoonCard { background: palette(base); "
                                                       "border: 1px solid #d5dce6; border-radius: 12px; }"));
    m_ui->comingSoonBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; color: #7a5200; border: 1px solid #f0d58a;"
                       " border-radius: 10px; padding: 4px 14px; font-weight: 600; }"));
    QFont title = m_ui->comingSoonTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setBold(true);
    m_ui->comingSoonTitle->setFont(title);
    QFont text = m_ui->comingSoonText->font();
    text.setPointSizeF(text.pointSizeF() * 1.1);
    m_ui->comingSoonText->setFont(text);
    m_ui->comingSoonMeanwhile->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    connect(m_ui->backButton, &QPushButton::clicked, this, &ComingSoonPage::backRequested);
    retranslate();
}

ComingSoonPage::~ComingSoonPage() = default;

void ComingSoonPage::setFeature(QuickAction feature)
{
    m_feature = feature;
    retranslate();
}

void ComingSoonPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void ComingSoonPage::retranslate()
{
    QString title;
    QString text;
    switch (m_feature) {
    case QuickAction::Pay:
        title = tr("Pay a merchant");
        text =
            tr("Pick a shop or service, choose the card, account or wallet balance to pay from, see the fee "
               "before you confirm, and approve with your payment PIN. You get a receipt at once.");
        break;
    case QuickAction::Transfer:
        title = tr("Send money to another wallet");
        text = tr("Send money to a friend's wallet by phone number. Transfers between wallets are free and "
                  "arrive in seconds; you confirm each one with your payment PIN.");
        break;
    case QuickAction::TopUp:
        title = tr("Top up your wallet");
        text = tr("Move money into your wallet from a linked debit card or bank account (free) or a credit "
                  "card (a small fee, shown before you confirm).");
        break;
    case QuickAction::Withdraw:
        title = tr("Withdraw to your bank");
        text = tr("Move money from your wallet back to a linked bank account. The first CNY 1,000 each month "
                  "is free; the fee above that is shown before you confirm.");
        break;
    case QuickAction::Receive:
        title = tr("Receive money");
        text = tr("Show a QR code with an amount and a note; whoever scans it with their wallet pays you "
                  "directly, and the money appears on your dashboard.");
        break;
    }
    m_ui->comingSoonTitle->setText(title);
    m_ui->comingSoonText->setText(text);
    m_ui->comingSoonMeanwhile->setText(
        tr("This screen arrives in the next release of BankWallet. Until then your balance, limits, linked "
           "cards and history are on the dashboard."));
    m_ui->backButton->setAccessibleName(tr("Back to the dashboard"));
}

} // namespace bw::ui
