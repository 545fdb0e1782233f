#include "ui/onboarding/onboarding_page.h"

#include "ui/onboarding/onboarding_wizard.h"
#include "ui/sentences.h"

#include <QAbstractButton>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QWizard>

namespace bw::ui {

OnboardingPage::OnboardingPage(const ScreenServices &services, QWidget *parent)
    : QWizardPage(parent)
    , m_services(services)
{
    // One centred column of a readable width, whatever the window's width.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 16, 24, 8);
    auto *column = new QWidget(this);
    column->setMaximumWidth(1000);
    outer->addStretch(1);
    outer->addWidget(column, 100);
    outer->addStretch(1);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);

    m_body = new QWidget(this);
    m_body->setObjectName(QStringLiteral("pageBody"));
    layout->addWidget(m_body, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pageMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_busyRow = new QWidget(this);
    m_busyRow->setObjectName(QStringLiteral("busyIndicator"));
    auto *busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_busyBar = new QProgressBar(m_busyRow);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(160);
    m_busyBar->setMaximumHeight(10);
    m_busyLabel = new QLabel(m_busyRow);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    busyLayout->addWidget(m_busyBar);
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addStretch();
    m_busyRow->hide();
    layout->addWidget(m_busyRow);
    m_busyLabel->setText(tr("Working…"));
}

OnboardingPage::~OnboardingPage() = default;

void OnboardingPage::enter(const services::OnboardingState &)
{
    m_passed = false;
}

bool OnboardingPage::isComplete() const
{
    // Nothing can be sent before the service has read where the application stands.
    return !m_busy && m_services.onboarding && m_services.onboarding->isLoaded() && canSubmit();
}

bool OnboardingPage::validatePage()
{
    if (m_passed) {
        m_passed = false;
        return true;
    }
    if (m_busy || !canSubmit())
        return false;
    clearMessage();
    submit();
    return false;
}

void OnboardingPage::setHeading(const QString &title, const QString &subtitle)
{
    setTitle(QStringLiteral("<span style=\"font-size:15pt; font-weight:600;\">%1</span>")
                 .arg(title.toHtmlEscaped()));
    setSubTitle(subtitle);
}

void OnboardingPage::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_body->setEnabled(!busy);
    m_busyRow->setVisible(busy);
    if (QWizard *w = wizard()) {
        // Nothing else may start while the call runs.
        if (QAbstractButton *back = w->button(QWizard::BackButton))
            back->setEnabled(!busy);
        if (QAbstractButton *cancel = w->button(QWizard::CancelButton))
            cancel->setEnabled(!busy);
    }
    Q_EMIT completeChanged();
}

void OnboardingPage::advance()
{
    setBusy(false);
    QWizard *w = wizard();
    if (!w || w->currentPage() != this)
        return;
    m_passed = true;
    w->next();
    m_passed = false;
}

void OnboardingPage::showError(const services::ServiceError &error, const QString &nextStep)
{
    setBusy(false);
    QString text = error.userMessage();
    text = detail::joinSentences(text, nextStep);
    showMessage(text, true);
}

void OnboardingPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #1b5e20;"));
    m_message->setVisible(!text.isEmpty());
}

void OnboardingPage::clearMessage()
{
    m_message->clear();
    m_message->hide();
}

void OnboardingPage::followService(const services::ServiceError &error, const QString &nextStep)
{
    setBusy(false);
    auto *w = qobject_cast<OnboardingWizard *>(wizard());
    if (!w)
        return;
    w->showStep(onboarding().state());
    if (error) {
        if (auto *page = qobject_cast<OnboardingPage *>(w->currentPage()))
            page->showError(error, nextStep);
    }
}

void OnboardingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_busyLabel->setText(tr("Working…"));
        retranslate();
    }
    QWizardPage::changeEvent(event);
}

} // namespace bw::ui
