#include "ui/onboarding/contact_page.h"

#include "core/phone_validator.h"
#include "ui/widgets/field_message.h"
#include "ui_contact_page.h"

namespace bw::ui {

namespace {
// Numbers typed without a country code are mainland China numbers: the bank's customers mostly are.
constexpr QStringView kDefaultCountry = u"86";
} // namespace

ContactPage::ContactPage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::ContactPage>())
{
    setObjectName(QStringLiteral("contactPage"));
    m_ui->setupUi(body());
    m_ui->phoneHint->setStyleSheet(QStringLiteral("color: #5a6370;"));
    m_name = std::make_unique<ValidatedField>(m_ui->nameEdit, m_ui->nameMessage, validators::name());
    m_phone = std::make_unique<ValidatedField>(m_ui->phoneEdit, m_ui->phoneMessage,
                                               validators::phone(kDefaultCountry.toString()));
    m_email = std::make_unique<ValidatedField>(m_ui->emailEdit, m_ui->emailMessage, validators::email());
    for (ValidatedField *field : {m_name.get(), m_phone.get(), m_email.get()})
        connect(field, &ValidatedField::validityChanged, this, &ContactPage::notifyComplete);
    retranslate();
}

ContactPage::~ContactPage() = default;

void ContactPage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Your contact details"),
               tr("The bank uses them to identify you and to send you codes. Nothing is sent until you "
                  "press Next."));
    for (ValidatedField *field : {m_name.get(), m_phone.get(), m_email.get()})
        field->revalidate();
}

void ContactPage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    m_ui->nameEdit->setFocus();
}

void ContactPage::reset()
{
    OnboardingPage::reset();
    m_ui->nameEdit->clear();
    m_ui->phoneEdit->clear();
    m_ui->emailEdit->clear();
    for (ValidatedField *field : {m_name.get(), m_phone.get(), m_email.get()})
        field->reset();
    m_sent.clear();
}

QString ContactPage::fullName() const
{
    return m_ui->nameEdit->text().simplified();
}

QString ContactPage::phoneE164() const
{
    auto number = core::PhoneValidator::validate(m_ui->phoneEdit->text(), kDefaultCountry);
    return number ? number->e164() : m_ui->phoneEdit->text();
}

bool ContactPage::canSubmit() const
{
    return m_name->isValid() && m_phone->isValid() && m_email->isValid();
}

void ContactPage::submit()
{
    const QString name = fullName();
    const QString phone = phoneE164();
    const QString email = m_ui->emailEdit->text();
    const QString details = name + QChar(0) + phone + QChar(0) + email;
    if (details == m_sent && onboarding().step() == services::OnboardingStep::PhoneCode) {
        advance(); // back and forth without changes: the code already sent is still the one to enter
        return;
    }
    setBusy(true);
    onboarding().submitContactDetails(
        name, phone, email, guarded([this, details](services::ServiceError error) {
            if (!error) {
                m_sent = details;
                advance();
                return;
            }
            const QString where = !error.field.isEmpty() ? error.field : error.gateway.param;
            if (error.is(u"phone_already_registered") || where == QLatin1String("phone")) {
                m_phone->setExternalError(error.userMessage());
                showError(error, tr("Check the number, or use another mobile number."));
            } else if (where == QLatin1String("email")) {
                m_email->setExternalError(error.userMessage());
                showError(error, tr("Check the e-mail address."));
            } else if (where == QLatin1String("full_name")) {
                m_name->setExternalError(error.userMessage());
                showError(error, tr("Check your name."));
            } else if (error.is(u"bank_not_supported")) {
                followService(error, tr("Choose another bank."));
            } else {
                showError(error, tr("Press Next to try again."));
            }
        }));
}

} // namespace bw::ui
