// SecurityDialog — the base of the Security page's dialogs (password, PIN, authenticator), and the setup
// and answers they share (security_dialog::), so that they cannot drift apart on them.
#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace bw::services {
class ServiceContext;
class ServiceError;
} // namespace bw::services

namespace bw::ui {

class FieldMessage;

// SecurityDialog — the base of the dialogs that hold secrets: whatever closes one (OK, Cancel, Esc, the
// wallet locking) wipes them first, and a language switch re-translates it.
class SecurityDialog : public QDialog
{
    Q_OBJECT
public:
    using QDialog::QDialog;

    void done(int result) override;

protected:
    // What they look like alike: deleted when closed (they are opened non-blocking), the title, and the
    // muted intro and busy labels (the busy one hidden until a call runs).
    void setUpLook(const QString &objectName, int minimumWidth, QLabel *title, QLabel *intro, QLabel *busy);
    // Empties every widget holding a secret (also call it from the subclass's destructor).
    virtual void clearSecrets() = 0;
    // The Designer texts (retranslateUi) and the texts set in code.
    virtual void retranslate() = 0;
    void changeEvent(QEvent *event) override;
};

namespace security_dialog {

// Names the OK and Cancel buttons (tests find them), makes OK the default (Enter submits), routes them to
// the dialog's accept()/reject(), and closes the dialog when the wallet locks (its secrets go with it).
void setupButtons(QDialog *dialog, QDialogButtonBox *buttons, const QString &okName,
                  const QString &cancelName, services::ServiceContext *context);

// A refusal of the sign-in password (wrong, or the account locked by too many tries): the password is
// emptied, the bank's sentence goes under it and the focus there. False for any other error.
bool showPasswordRefusal(const services::ServiceError &error, QLineEdit *passwordEdit, FieldMessage *message);

// What to say about any other failure: the translated reason, and "check your connection" only when no
// answer came from the bank (a refusal's own sentence already says what to do).
QString failureText(const services::ServiceError &error);

} // namespace security_dialog
} // namespace bw::ui
