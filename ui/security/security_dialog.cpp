#include "ui/security/security_dialog.h"

#include "services/service_context.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/style.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLineEdit>
#include <QPushButton>

namespace bw::ui {

void SecurityDialog::done(int result)
{
    // Nothing typed outlives the dialog (a request in flight holds its own copy, wiped when sent).
    clearSecrets();
    QDialog::done(result);
}

void SecurityDialog::setUpLook(const QString &objectName, int minimumWidth, QLabel *title, QLabel *intro,
                               QLabel *busy)
{
    setObjectName(objectName);
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(minimumWidth);
    style::title(title);
    style::muted(intro);
    style::muted(busy);
    busy->hide();
}

void SecurityDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

namespace security_dialog {

void setupButtons(QDialog *dialog, QDialogButtonBox *buttons, const QString &okName,
                  const QString &cancelName, services::ServiceContext *context)
{
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(okName);
    ok->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(cancelName);
    // accept() and reject() are virtual: the dialog's own overrides run.
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    if (context)
        QObject::connect(context, &services::ServiceContext::locked, dialog, &QDialog::reject);
}

bool showPasswordRefusal(const services::ServiceError &error, QLineEdit *passwordEdit, FieldMessage *message)
{
    if (!error.is(u"invalid_credentials") && !error.is(u"account_locked"))
        return false;
    passwordEdit->clear();
    message->showMessage(error.userMessage());
    passwordEdit->setFocus();
    return true;
}

QString failureText(const services::ServiceError &error)
{
    using gateway::ErrorKind;
    const ErrorKind kind = error.gateway.kind;
    const bool noAnswer = error.kind == services::ServiceErrorKind::Gateway &&
                          (kind == ErrorKind::Network || kind == ErrorKind::Timeout ||
                           kind == ErrorKind::Tls || kind == ErrorKind::Http);
    if (!noAnswer)
        return error.userMessage();
    return detail::joinSentences(
        error.userMessage(),
        QCoreApplication::translate("bw::ui::SecurityDialog", "Check your connection and try again."));
}

} // namespace security_dialog
} // namespace bw::ui
