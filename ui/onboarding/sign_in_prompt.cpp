#include "ui/onboarding/sign_in_prompt.h"

#include "services/session_service.h"
#include "ui/widgets/field_message.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace bw::ui {

SignInPrompt::SignInPrompt(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("signInPrompt"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    auto *row = new QHBoxLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaximumWidth(320);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("signInButton"));
    m_button->setEnabled(false);
    row->addWidget(m_password);
    row->addWidget(m_button);
    row->addStretch();
    layout->addLayout(row);
    m_message = new FieldMessage(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    layout->addWidget(m_message);
    connect(m_password, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_button->setEnabled(!text.isEmpty()); });
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPrompt::signIn);
    connect(m_button, &QPushButton::clicked, this, &SignInPrompt::signIn);
    retranslate();
}

SignInPrompt::~SignInPrompt() = default;

void SignInPrompt::clear()
{
    m_password->clear();
    m_message->clearMessage();
}

void SignInPrompt::signIn()
{
    if (m_password->text().isEmpty() || !m_services.session)
        return;
    QString password = m_password->text();
    m_password->clear();
    setEnabled(false);
    m_message->clearMessage();
    QPointer<SignInPrompt> self(this);
    m_services.session->signIn(std::move(password), [self](services::ServiceError error) {
        if (!self)
            return;
        self->setEnabled(true);
        if (error) {
            self->m_message->showMessage(error.userMessage());
            self->m_password->setFocus();
            return;
        }
        Q_EMIT self->signedIn();
    });
}

void SignInPrompt::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SignInPrompt::retranslate()
{
    m_text->setText(tr("Your wallet is open. To finish setting it up, sign in with the password you chose."));
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    m_button->setText(tr("&Sign in"));
}

} // namespace bw::ui
