// API-READY
// PasswordField — the wallet password input: masked edit with a show/hide toggle, a strength meter and the
// policy's rules (core::PasswordPolicy) ticked live; optionally a confirmation edit.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;

namespace bw::ui {

class FieldMessage;

class PasswordField : public QWidget
{
    Q_OBJECT
public:
    enum class Strength { Empty, Weak, Fair, Good, Strong };
    Q_ENUM(Strength)

    explicit PasswordField(QWidget *parent = nullptr);
    ~PasswordField() override;

    // The person's name and phone, so the "not your phone / not your name" rules can be checked.
    void setPersonalContext(const QString &fullName, const QString &phoneE164);
    // As typed (the service normalizes it).
    QString password() const;
    // The policy passes (and, in confirm mode, both edits match).
    bool isAcceptable() const;
    Strength strength() const { return m_strength; }
    // Wipes both edits and hides the password again.
    void clear();

    // Adds a second edit "confirmEdit" and the "The passwords do not match" message ("confirmMessage").
    void setConfirmVisible(bool visible);
    bool isConfirmVisible() const;
    // Hide the rules checklist and meter (e.g. on a sign-in form); shown by default.
    void setRulesVisible(bool visible);

    QLineEdit *passwordEdit() const { return m_edit; }
    QLineEdit *confirmEdit() const { return m_confirm; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void evaluate();
    void retranslate();
    void updateToggle();

    QLineEdit *m_edit = nullptr;              // "passwordEdit"
    QToolButton *m_toggle = nullptr;          // "showPasswordButton"
    QProgressBar *m_meter = nullptr;          // "strengthMeter"
    QLabel *m_strengthLabel = nullptr;        // "strengthLabel"
    QWidget *m_rules = nullptr;               // "rulesList"
    QLabel *m_ruleLength = nullptr;           // "ruleLength"
    QLabel *m_ruleCommon = nullptr;           // "ruleCommon"
    QLabel *m_rulePhone = nullptr;            // "rulePhone"
    QLabel *m_ruleName = nullptr;             // "ruleName"
    QLabel *m_confirmLabel = nullptr;         // "confirmLabel"
    QLineEdit *m_confirm = nullptr;           // "confirmEdit"
    FieldMessage *m_confirmMessage = nullptr; // "confirmMessage"
    QString m_fullName;
    QString m_phone;
    Strength m_strength = Strength::Empty;
    bool m_policyOk = false;
    bool m_rulesVisible = true;
    bool m_ruleState[4] = {false, false, false, false};
};

} // namespace bw::ui
