#include "ui/widgets/password_field.h"

#include "ui/widgets/secret_field.h"

#include "core/password_policy.h"
#include "ui/widgets/field_message.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

enum class RuleState { Pending, Pass, Fail };

// Appended to the password to look at the phone and name rules on their own: the policy reports only its
// first failure, and a short or common password would hide whether it also contains the phone or the name.
// U+2022 is neither a digit (so it cannot extend or break a run of phone digits) nor a character a name may
// hold (so it cannot create or hide the name), and eight of them make any password long enough and rare.
const QString kProbePadding = QString(8, QChar(0x2022));

RuleState probe(QStringView password, QStringView phone, QStringView name, core::ValidationReason failing)
{
    if (password.isEmpty()) {
        return RuleState::Pending;
    }
    const auto result = core::PasswordPolicy::check(password.toString() + kProbePadding, phone, name);
    if (result.ok()) {
        return RuleState::Pass;
    }
    if (result.reason() == failing) {
        return RuleState::Fail;
    }
    // Too long or invalid characters: those rules are shown by the length line; this one is not known.
    return result.reason() == core::ValidationReason::ContainsPhoneDigits ||
                   result.reason() == core::ValidationReason::ContainsName
               ? RuleState::Pass
               : RuleState::Pending;
}

qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

} // namespace

PasswordField::PasswordField(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto *editRow = new QHBoxLayout;
    editRow->setSpacing(6);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("passwordEdit"));
    markSecret(m_edit); // also while shown in clear
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setMaxLength(256);
    m_edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);
    editRow->addWidget(m_edit, 1);
    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("showPasswordButton"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toggle->setFocusPolicy(Qt::TabFocus);
    editRow->addWidget(m_toggle);
    layout->addLayout(editRow);

    auto *meterRow = new QHBoxLayout;
    meterRow->setSpacing(8);
    m_meter = new QProgressBar(this);
    m_meter->setObjectName(QStringLiteral("strengthMeter"));
    m_meter->setRange(0, 4);
    m_meter->setValue(0);
    m_meter->setTextVisible(false);
    m_meter->setMaximumHeight(8);
    meterRow->addWidget(m_meter, 1);
    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setObjectName(QStringLiteral("strengthLabel"));
    m_strengthLabel->setMinimumWidth(60);
    meterRow->addWidget(m_strengthLabel);
    layout->addLayout(meterRow);

    m_rules = new QWidget(this);
    m_rules->setObjectName(QStringLiteral("rulesList"));
    auto *rulesLayout = new QVBoxLayout(m_rules);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    rulesLayout->setSpacing(2);
    auto makeRule = [&](const char *name) {
        auto *label = new QLabel(m_rules);
        label->setObjectName(QLatin1String(name));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        rulesLayout->addWidget(label);
        return label;
    };
    m_ruleLength = makeRule("ruleLength");
    m_ruleCommon = makeRule("ruleCommon");
    m_rulePhone = makeRule("rulePhone");
    m_ruleName = makeRule("ruleName");
    layout->addWidget(m_rules);

    m_confirmLabel = new QLabel(this);
    m_confirmLabel->setObjectName(QStringLiteral("confirmLabel"));
    layout->addSpacing(6);
    layout->addWidget(m_confirmLabel);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    markSecret(m_confirm);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setMaxLength(256);
    m_confirm->setInputMethodHints(m_edit->inputMethodHints());
    m_confirmLabel->setBuddy(m_confirm);
    layout->addWidget(m_confirm);
    m_confirmMessage = new FieldMessage(this);
    m_confirmMessage->setObjectName(QStringLiteral("confirmMessage"));
    layout->addWidget(m_confirmMessage);
    m_confirmLabel->setVisible(false);
    m_confirm->setVisible(false);

    setFocusProxy(m_edit);
    setTabOrder(m_edit, m_toggle);
    setTabOrder(m_toggle, m_confirm);

    connect(m_edit, &QLineEdit::textChanged, this, &PasswordField::evaluate);
    connect(m_confirm, &QLineEdit::textChanged, this, &PasswordField::evaluate);
    connect(m_confirm, &QLineEdit::editingFinished, this, [this] {
        m_confirm->setProperty("finished", true);
        evaluate();
    });
    connect(m_toggle, &QToolButton::toggled, this, &PasswordField::updateToggle);

    retranslate();
    evaluate();
}

PasswordField::~PasswordField()
{
    // The children outlive this part of the object: their focus-out and text signals must not reach it.
    m_edit->disconnect(this);
    m_confirm->disconnect(this);
    m_toggle->disconnect(this);
    m_edit->clear();
    m_confirm->clear();
}

void PasswordField::setPersonalContext(const QString &fullName, const QString &phoneE164)
{
    m_fullName = fullName;
    m_phone = phoneE164;
    evaluate();
}

QString PasswordField::password() const
{
    return m_edit->text();
}

bool PasswordField::isAcceptable() const
{
    if (!m_policyOk) {
        return false;
    }
    return !isConfirmVisible() || m_confirm->text() == m_edit->text();
}

void PasswordField::clear()
{
    m_edit->clear();
    m_confirm->clear();
    m_confirm->setProperty("finished", false);
    m_toggle->setChecked(false);
    evaluate();
}

void PasswordField::setConfirmVisible(bool visible)
{
    m_confirmLabel->setVisible(visible);
    m_confirm->setVisible(visible);
    if (!visible) {
        m_confirm->clear();
    }
    evaluate();
}

bool PasswordField::isConfirmVisible() const
{
    return !m_confirm->isHidden();
}

void PasswordField::setRulesVisible(bool visible)
{
    m_rulesVisible = visible;
    m_rules->setVisible(visible);
    m_meter->setVisible(visible);
    m_strengthLabel->setVisible(visible);
}

void PasswordField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void PasswordField::updateToggle()
{
    const bool shown = m_toggle->isChecked();
    m_edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_confirm->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_toggle->setText(shown ? tr("Hide") : tr("Show"));
    m_toggle->setToolTip(shown ? tr("Hide the password") : tr("Show the password"));
    m_toggle->setAccessibleName(m_toggle->toolTip());
}

void PasswordField::evaluate()
{
    const QString pw = m_edit->text();
    const auto result = core::PasswordPolicy::check(pw, m_phone, m_fullName);
    m_policyOk = result.ok();

    RuleState length = RuleState::Pending;
    RuleState common = RuleState::Pending;
    if (!pw.isEmpty()) {
        const qsizetype n = codePoints(core::PasswordPolicy::normalize(pw));
        length = n >= core::PasswordPolicy::kMinLength && n <= core::PasswordPolicy::kMaxLength
                     ? RuleState::Pass
                     : RuleState::Fail;
        common = core::PasswordPolicy::isCommon(pw) ? RuleState::Fail : RuleState::Pass;
    }
    const RuleState phone = probe(pw, m_phone, {}, core::ValidationReason::ContainsPhoneDigits);
    const RuleState name = probe(pw, {}, m_fullName, core::ValidationReason::ContainsName);

    auto show = [](QLabel *label, RuleState state) {
        static const char *const names[] = {"pending", "pass", "fail"};
        label->setProperty("state", QLatin1String(names[int(state)]));
        // The text itself is set in retranslate(); only the mark and the colour follow the state.
        const QString rule = label->property("ruleText").toString();
        const QChar mark = state == RuleState::Pass   ? QChar(0x2713)
                           : state == RuleState::Fail ? QChar(0x2717)
                                                      : QChar(0x25CB);
        label->setText(mark + QLatin1Char(' ') + rule);
        const char *color = state == RuleState::Pass   ? "#067647"
                            : state == RuleState::Fail ? "#b42318"
                                                       : "#667085";
        label->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(color)));
    };
    show(m_ruleLength, length);
    show(m_ruleCommon, common);
    show(m_rulePhone, phone);
    show(m_ruleName, name);
    m_ruleState[0] = length == RuleState::Pass;
    m_ruleState[1] = common == RuleState::Pass;
    m_ruleState[2] = phone == RuleState::Pass;
    m_ruleState[3] = name == RuleState::Pass;

    // Strength: the policy is the floor; above it, length and variety of characters.
    if (pw.isEmpty()) {
        m_strength = Strength::Empty;
    } else if (!m_policyOk) {
        m_strength = Strength::Weak;
    } else {
        bool lower = false, upper = false, digit = false, other = false;
        for (const QChar c : pw) {
            lower |= c.isLower();
            upper |= c.isUpper();
            digit |= c.isDigit();
            other |= !c.isLetterOrNumber();
        }
        const int classes = int(lower) + int(upper) + int(digit) + int(other);
        const qsizetype n = codePoints(pw);
        const int score = int(n >= 12) + int(n >= 16) + int(classes >= 3) + int(classes >= 4);
        m_strength = score == 0 ? Strength::Fair : score <= 2 ? Strength::Good : Strength::Strong;
    }
    m_meter->setValue(int(m_strength));
    const char *barColor = m_strength == Strength::Weak   ? "#d92d20"
                           : m_strength == Strength::Fair ? "#f79009"
                           : m_strength == Strength::Good ? "#2e90fa"
                                                          : "#12b76a";
    m_meter->setStyleSheet(
        QStringLiteral("QProgressBar { border: none; background: #e4e7ec; border-radius: 3px; }"
                       "QProgressBar::chunk { background: %1; border-radius: 3px; }")
            .arg(QLatin1String(barColor)));
    switch (m_strength) {
    case Strength::Empty:
        m_strengthLabel->clear();
        break;
    case Strength::Weak:
        m_strengthLabel->setText(tr("Weak"));
        break;
    case Strength::Fair:
        m_strengthLabel->setText(tr("Fair"));
        break;
    case Strength::Good:
        m_strengthLabel->setText(tr("Good"));
        break;
    case Strength::Strong:
        m_strengthLabel->setText(tr("Strong"));
        break;
    }
    m_meter->setAccessibleDescription(m_strengthLabel->text());

    // Say "do not match" once the second entry cannot become the first any more, or was left.
    const QString confirm = m_confirm->text();
    const bool mismatch = isConfirmVisible() && !confirm.isEmpty() && confirm != pw &&
                          (!pw.startsWith(confirm) || m_confirm->property("finished").toBool());
    m_confirmMessage->show(mismatch ? tr("The passwords do not match") : QString());

    Q_EMIT changed();
}

void PasswordField::retranslate()
{
    m_edit->setAccessibleName(tr("Password"));
    m_confirm->setAccessibleName(tr("Confirm password"));
    m_confirmLabel->setText(tr("Confirm password"));
    m_meter->setAccessibleName(tr("Password strength"));
    m_ruleLength->setProperty("ruleText", tr("8 to 128 characters"));
    m_ruleCommon->setProperty("ruleText", tr("Not a commonly used password"));
    m_rulePhone->setProperty("ruleText", tr("Does not contain 7 or more digits of your phone number"));
    m_ruleName->setProperty("ruleText", tr("Does not contain your name"));
    updateToggle();
    evaluate();
}

} // namespace bw::ui
