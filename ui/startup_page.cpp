#include "ui/startup_page.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace bw::ui {

StartupPage::StartupPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startupPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->setSpacing(14);
    layout->addStretch(2);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("startupTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_title->setFont(title);
    layout->addWidget(m_title);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("startupMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    m_advice = new QLabel(this);
    m_advice->setObjectName(QStringLiteral("startupAdvice"));
    m_advice->setAlignment(Qt::AlignCenter);
    m_advice->setWordWrap(true);
    layout->addWidget(m_advice);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("startupBusy"));
    m_busy->setRange(0, 0); // busy indicator: how long the keychain takes is unknown
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(320);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);

    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("startupRetryButton"));
    m_retry->setDefault(true);
    layout->addWidget(m_retry, 0, Qt::AlignHCenter);
    connect(m_retry, &QPushButton::clicked, this, &StartupPage::retryRequested);

    layout->addStretch(3);
    showBusy();
}

void StartupPage::showBusy()
{
    m_error = false;
    m_advice->clear();
    m_busy->show();
    m_retry->hide();
    retranslate();
}

void StartupPage::showError(const QString &message, const QString &advice)
{
    m_error = true;
    m_message->setText(message);
    m_advice->setText(advice);
    m_busy->hide();
    m_retry->show();
    m_retry->setFocus();
    retranslate();
}

void StartupPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StartupPage::retranslate()
{
    m_title->setText(m_error ? tr("BankWallet cannot open your wallet") : tr("Opening BankWallet…"));
    if (!m_error)
        m_message->setText(tr("Looking for your wallet in this computer's keychain."));
    m_retry->setText(tr("&Retry"));
}

} // namespace bw::ui
