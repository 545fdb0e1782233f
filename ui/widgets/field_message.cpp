#include "ui/widgets/field_message.h"

#include "core/email_validator.h"
#include "core/iban_validator.h"
#include "core/name_validator.h"
#include "core/phone_validator.h"
#include "core/resident_id_validator.h"

#include <QEvent>
#include <QLineEdit>
#include <QSizePolicy>

namespace bw::ui {

FieldMessage::FieldMessage(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::NoTextInteraction);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    // Red that passes contrast on white; the palette keeps it in any style.
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, QColor(0xb4, 0x23, 0x18));
    setPalette(pal);
    setAccessibleName(tr("Error"));
    QLabel::setVisible(false);
}

void FieldMessage::show(const QString &message)
{
    setText(message);
    setAccessibleDescription(message);
    setVisible(!message.isEmpty());
}

void FieldMessage::clearMessage()
{
    show(QString());
}

namespace validators {

FieldValidator phone(const QString &defaultCountryCode)
{
    return [defaultCountryCode](const QString &text) {
        const auto result = core::PhoneValidator::validate(text, defaultCountryCode);
        return result.ok() ? QString() : result.message();
    };
}

FieldValidator email()
{
    return [](const QString &text) {
        const auto result = core::EmailValidator::validate(text);
        return result.ok() ? QString() : result.message();
    };
}

FieldValidator name()
{
    return [](const QString &text) {
        const auto result = core::NameValidator::validate(text);
        return result.ok() ? QString() : result.message();
    };
}

FieldValidator residentId()
{
    return [](const QString &text) {
        const auto result = core::ResidentIdValidator::validate(text, QDate::currentDate());
        return result.ok() ? QString() : result.message();
    };
}

FieldValidator iban()
{
    return [](const QString &text) {
        const auto result = core::IbanValidator::validate(text);
        return result.ok() ? QString() : result.message();
    };
}

FieldValidator accountNumberOrIban()
{
    return [](const QString &text) {
        const QString trimmed = text.trimmed();
        const bool looksLikeIban =
            trimmed.size() >= 2 && trimmed.at(0).isLetter() && trimmed.at(1).isLetter();
        if (looksLikeIban) {
            const auto result = core::IbanValidator::validate(trimmed);
            return result.ok() ? QString() : result.message();
        }
        const auto result = core::IbanValidator::validateAccountNumber(trimmed);
        return result.ok() ? QString() : result.message();
    };
}

FieldValidator optional(FieldValidator inner)
{
    return [inner = std::move(inner)](const QString &text) {
        return text.trimmed().isEmpty() ? QString() : inner(text);
    };
}

} // namespace validators

ValidatedField::ValidatedField(QLineEdit *edit, FieldMessage *message, FieldValidator validator,
                               QObject *parent)
    : QObject(parent)
    , m_edit(edit)
    , m_message(message)
    , m_validator(std::move(validator))
{
    Q_ASSERT(edit);
    connect(edit, &QLineEdit::textChanged, this, [this] {
        m_external.clear();
        update();
    });
    // Edited by the person (not set by code): from now on the message may show once they leave the field,
    // and a shown message follows every keystroke so it disappears as soon as the text is right.
    connect(edit, &QLineEdit::textEdited, this, [this] { m_touched = true; });
    connect(edit, &QLineEdit::editingFinished, this, [this] {
        if (m_touched) {
            m_revealed = true;
            update();
        }
    });
    edit->installEventFilter(this);
    if (message) {
        message->installEventFilter(this);
    }
    update();
}

void ValidatedField::setValidator(FieldValidator validator)
{
    m_validator = std::move(validator);
    update();
}

void ValidatedField::reveal()
{
    m_revealed = true;
    update();
}

void ValidatedField::reset()
{
    m_touched = false;
    m_revealed = false;
    m_external.clear();
    update();
}

void ValidatedField::revalidate()
{
    update();
}

void ValidatedField::setExternalError(const QString &message)
{
    m_external = message;
    m_revealed = true;
    update();
}

bool ValidatedField::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut && watched == m_edit && m_touched && !m_revealed) {
        m_revealed = true;
        update();
    } else if (event->type() == QEvent::LanguageChange && watched == m_message) {
        // The sentence comes from core's table at call time: look it up again in the new language.
        update();
    }
    return QObject::eventFilter(watched, event);
}

void ValidatedField::update()
{
    const QString text = m_edit ? m_edit->text() : QString();
    m_problem = m_validator ? m_validator(text) : QString();
    const bool valid = m_problem.isEmpty() && m_external.isEmpty();
    if (m_message) {
        const QString shown = !m_external.isEmpty() ? m_external : m_problem;
        m_message->show(m_revealed ? shown : QString());
    }
    if (m_edit) {
        m_edit->setProperty("invalid", m_revealed && !valid);
    }
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace bw::ui
