#include "ui/session/sign_in_page.h"

#include "ui/sentences.h"
#include "ui/session/forgot_password_wizard.h"
#include "ui_sign_in_page.h"

#include "services/session_service.h"

#include <QEvent>
#include <QLocale>
#include <QTimer>

namespace bw::ui {

namespace {

const QString kErrorStyle = QStringLiteral("color: #c0392b;");
const QString kInfoStyle = QStringLiteral("color: #1e7d32;");

// "12:41" or "1:02:05": minutes and seconds left, hours only when needed.
QString formatLeft(qint64 seconds)
{
    const qint64 h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

SignInPage::SignInPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_ui(std::make_unique<Ui::SignInPage>())
    , m_countdown(new QTimer(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("signInPage"));

    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.9);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    QFont brand = m_ui->brandLabel->font();
    brand.setPointSizeF(brand.pointSizeF() * 1.1);
    brand.setBold(true);
    m_ui->brandLabel->setFont(brand);
    m_ui->brandLabel->setStyleSheet(QStringLiteral("color: #1a5fb4;"));
    m_ui->subtitleLabel->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_ui->lockoutCountdown->setStyleSheet(kErrorStyle + QStringLiteral(" font-weight: bold;"));
    m_ui->forgotPasswordButton->setStyleSheet(
        QStringLiteral("QPushButton { color: #1a5fb4; border: none; padding: 4px 8px; }"
                       "QPushButton:hover { text-decoration: underline; }"
                       "QPushButton:disabled { color: #9aa0a6; }"));
    // A white card on the window's background, as the rest of the app's pages.
    m_ui->signInCard->setStyleSheet(QStringLiteral(
        "QFrame#signInCard { background: palette(base); border: 1px solid #d5d9de; border-radius: 10px; }"));
    m_ui->signInMessage->hide();
    m_ui->lockoutCountdown->hide();
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();

    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &SignInPage::updateLockout);
    connect(m_ui->passwordEdit, &QLineEdit::textChanged, this, &SignInPage::updateButton);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_ui->forgotPasswordButton, &QPushButton::clicked, this, &SignInPage::openForgotPassword);
    if (m_services.session)
        connect(m_services.session, &services::SessionService::lockoutChanged, this,
                &SignInPage::updateLockout);

    retranslate();
    updateLockout();
}

SignInPage::~SignInPage() = default;

ForgotPasswordWizard *SignInPage::forgotPasswordWizard() const
{
    return m_wizard.data();
}

void SignInPage::setMode(Mode mode, services::LockReason reason)
{
    m_mode = mode;
    m_reason = reason;
    m_ui->passwordEdit->clear();
    m_lastError = {};
    m_resetDone = false;
    m_lockoutOver = false;
    retranslate();
    updateLockout();
}

void SignInPage::openForgotPassword()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new ForgotPasswordWizard(m_services, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &ForgotPasswordWizard::passwordReset, this, [this] {
        m_lastError = {};
        m_resetDone = true;
        m_lockoutOver = false;
        updateLockout();
    });
    connect(m_wizard, &QDialog::finished, this, [this] { m_ui->passwordEdit->setFocus(); });
    m_wizard->open();
}

void SignInPage::submit()
{
    if (m_busy || !m_services.session || !m_ui->signInButton->isEnabled())
        return;
    QString password = m_ui->passwordEdit->text();
    // The field does not keep the password while the bank checks it, whatever the answer.
    m_ui->passwordEdit->clear();
    if (password.isEmpty())
        return;
    m_lastError = {};
    m_resetDone = false;
    m_lockoutOver = false;
    refreshMessage();
    setBusy(true);
    QPointer<SignInPage> self(this);
    m_services.session->signIn(std::move(password), [self](services::ServiceError error) {
        if (!self)
            return;
        self->setBusy(false);
        self->m_ui->passwordEdit->clear();
        if (!error.isError()) {
            Q_EMIT self->signedIn();
            return;
        }
        self->m_lastError = error;
        self->updateLockout();
        self->m_ui->passwordEdit->setFocus();
    });
}

void SignInPage::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->forgotPasswordButton->setEnabled(!busy);
    m_ui->busyBar->setVisible(busy);
    m_ui->busyLabel->setVisible(busy);
    updateButton();
}

void SignInPage::updateButton()
{
    const bool lockedOut = m_services.session && m_services.session->lockout().secondsLeft() > 0;
    m_ui->signInButton->setEnabled(!m_busy && !lockedOut && !m_ui->passwordEdit->text().isEmpty());
}

void SignInPage::updateLockout()
{
    const services::Lockout lockout =
        m_services.session ? m_services.session->lockout() : services::Lockout{};
    const qint64 left = lockout.secondsLeft();
    if (left > 0) {
        const QString until = QLocale().toString(lockout.until.toLocalTime().time(), QLocale::ShortFormat);
        m_ui->lockoutCountdown->setText(
            tr("Sign-in is locked until %1 (%2 left).").arg(until, formatLeft(left)));
        m_ui->lockoutCountdown->show();
        m_lockoutOver = false;
        if (!m_countdown->isActive())
            m_countdown->start();
    } else {
        m_countdown->stop();
        if (!m_ui->lockoutCountdown->isHidden()) {
            // The lockout just ended while the page was showing it.
            m_ui->lockoutCountdown->hide();
            m_lastError = {};
            m_lockoutOver = true;
        }
    }
    refreshMessage();
    updateButton();
}

void SignInPage::refreshMessage()
{
    const bool lockedOut = m_services.session && m_services.session->lockout().secondsLeft() > 0;
    if (lockedOut) {
        showMessage(tr("Too many wrong passwords. Wait until then, or choose \"Forgot password?\" to set a "
                       "new password now."),
                    true);
    } else if (m_resetDone) {
        showMessage(tr("Your password is changed. Sign in with your new password."), false);
    } else if (m_lockoutOver) {
        showMessage(tr("The lock has ended. You can sign in again."), false);
    } else if (m_lastError.isError()) {
        // A gateway error is translated again, in the current language.
        showMessage(m_lastError.kind == services::ServiceErrorKind::Gateway
                        ? m_lastError.gateway.userMessage()
                        : m_lastError.userMessage(),
                    true);
    } else {
        showMessage({}, false);
    }
}

void SignInPage::showMessage(const QString &text, bool error)
{
    m_ui->signInMessage->setText(text);
    m_ui->signInMessage->setStyleSheet(error ? kErrorStyle : kInfoStyle);
    m_ui->signInMessage->setVisible(!text.isEmpty());
}

void SignInPage::retranslate()
{
    const bool locked = m_mode == Mode::Locked;
    m_ui->titleLabel->setText(locked ? tr("BankWallet is locked") : tr("Welcome back"));
    QString subtitle = tr("Enter your password to open your wallet.");
    if (locked) {
        switch (m_reason) {
        case services::LockReason::Idle: {
            const auto timeout = m_services.session ? m_services.session->idleTimeout()
                                                    : services::SessionService::kDefaultIdleTimeout;
            const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
            // No "%n minute(s)": English plurals are not translated, so each form is spelled out.
            const qint64 minutes = seconds / 60;
            if (seconds < 60)
                subtitle = seconds == 1 ? tr("Locked after 1 second without activity.")
                                        : tr("Locked after %1 seconds without activity.").arg(seconds);
            else
                subtitle = minutes == 1 ? tr("Locked after 1 minute without activity.")
                                        : tr("Locked after %1 minutes without activity.").arg(minutes);
            break;
        }
        case services::LockReason::Manual:
            subtitle = tr("You locked BankWallet.");
            break;
        case services::LockReason::SessionEnded:
            subtitle = tr("The bank ended your session.");
            break;
        case services::LockReason::ScreenLocked:
            subtitle = tr("Locked because your computer's screen was locked.");
            break;
        }
        subtitle = detail::joinSentences(subtitle, tr("Enter your password to unlock it."));
    }
    m_ui->subtitleLabel->setText(subtitle);
    m_ui->signInButton->setText(locked ? tr("Unlock") : tr("Sign in"));
    m_ui->busyLabel->setText(locked ? tr("Unlocking…") : tr("Signing in…"));
}

void SignInPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updateLockout();
    }
    QWidget::changeEvent(event);
}

void SignInPage::hideEvent(QHideEvent *event)
{
    m_ui->passwordEdit->clear();
    QWidget::hideEvent(event);
}

void SignInPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateLockout();
    m_ui->passwordEdit->setFocus();
}

} // namespace bw::ui
