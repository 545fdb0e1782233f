// API-READY
// FieldMessage and ValidatedField — the ONE way to show inline validation under an input field.
// FieldMessage is the red sentence under a field (hidden while empty). ValidatedField binds a QLineEdit to
// a FieldMessage and a validator from bw::core: it checks as the person types but only shows the message
// once the field was edited and left (or reveal() is called, e.g. on submit), never before they typed.
#pragma once

#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace bw::ui {

class FieldMessage : public QLabel
{
    Q_OBJECT
public:
    explicit FieldMessage(QWidget *parent = nullptr);

    // Shows the (already translated) sentence; an empty message hides the label.
    void show(const QString &message);
    void showMessage(const QString &message) { show(message); }
    using QLabel::show;
    void clearMessage();
    QString message() const { return text(); }
    bool hasMessage() const { return !text().isEmpty(); }
};

// A validator: the translated sentence saying what is wrong, or an empty string when the text is valid.
using FieldValidator = std::function<QString(const QString &text)>;

// Validators built on bw::core (their messages are core's one translated table, looked up at call time so
// a language switch applies on the next check).
namespace validators {
FieldValidator phone(const QString &defaultCountryCode = {}); // core::PhoneValidator
FieldValidator email();                                       // core::EmailValidator
FieldValidator name();                                        // core::NameValidator
FieldValidator residentId();                                  // core::ResidentIdValidator, today's date
FieldValidator iban();                                        // core::IbanValidator::validate
FieldValidator accountNumberOrIban();          // IBAN when it starts with two letters, else a domestic number
FieldValidator optional(FieldValidator inner); // empty text is valid, otherwise inner
} // namespace validators

class ValidatedField : public QObject
{
    Q_OBJECT
public:
    // Neither edit nor message is owned; both must outlive this object or be its parent's children.
    ValidatedField(QLineEdit *edit, FieldMessage *message, FieldValidator validator,
                   QObject *parent = nullptr);

    void setValidator(FieldValidator validator);
    // Valid right now (whether or not the message is shown yet).
    bool isValid() const { return m_valid; }
    // The current problem ("" when valid), whether or not it is shown.
    QString problem() const { return m_problem; }
    // Show the message now even if the field was not touched (call on submit).
    void reveal();
    // Back to untouched: message hidden, re-checks the current text silently.
    void reset();
    // Re-runs the validator (e.g. after a language switch or when context changed).
    void revalidate();
    // Show an error that came from elsewhere (e.g. the gateway's answer) until the text changes.
    void setExternalError(const QString &message);

    QLineEdit *edit() const { return m_edit; }
    FieldMessage *message() const { return m_message; }

Q_SIGNALS:
    void validityChanged(bool valid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();

    QPointer<QLineEdit> m_edit;
    QPointer<FieldMessage> m_message;
    FieldValidator m_validator;
    QString m_problem;
    QString m_external;
    bool m_valid = false;
    bool m_touched = false;
    bool m_revealed = false;
};

} // namespace bw::ui
