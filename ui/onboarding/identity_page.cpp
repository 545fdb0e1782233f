#include "ui/onboarding/identity_page.h"

#include "core/resident_id_validator.h"
#include "gateway/gateway_error.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/secret_field.h"
#include "ui_identity_page.h"

namespace bw::ui {

namespace {
using gateway::DocumentType;

// Nationalities offered (ISO 3166-1 alpha-2); mainland China first.
const char *const kNationalities[] = {"CN", "HK", "MO", "TW", "SG", "MY", "JP", "KR",
                                      "US", "GB", "DE", "FR", "CA", "AU", "CH"};

QString nationalityName(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *name;
    } kNames[] = {
        {"CN", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "China (mainland)")},
        {"HK", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Hong Kong SAR, China")},
        {"MO", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Macao SAR, China")},
        {"TW", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Taiwan, China")},
        {"SG", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Singapore")},
        {"MY", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Malaysia")},
        {"JP", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Japan")},
        {"KR", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "South Korea")},
        {"US", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "United States")},
        {"GB", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "United Kingdom")},
        {"DE", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Germany")},
        {"FR", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "France")},
        {"CA", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Canada")},
        {"AU", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Australia")},
        {"CH", QT_TRANSLATE_NOOP("bw::ui::IdentityPage", "Switzerland")},
    };
    for (const auto &n : kNames) {
        if (code == QLatin1String(n.code))
            return QCoreApplication::translate("bw::ui::IdentityPage", n.name);
    }
    return code;
}
} // namespace

IdentityPage::IdentityPage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::IdentityPage>())
{
    setObjectName(QStringLiteral("identityPage"));
    m_ui->setupUi(body());
    markSecret(m_ui->documentNumberEdit);
    QFont bold = m_ui->skipTitle->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_ui->skipTitle->setFont(bold);
    m_ui->skipNote->setStyleSheet(QStringLiteral("color: #5a6370;"));
    m_ui->limitsTable->setTier(4);
    m_ui->startAgainButton->hide();
    m_ui->kycOutcome->hide();

    m_ui->birthDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_ui->birthDateEdit->setDateRange(QDate(1900, 1, 1), QDate::currentDate());
    m_ui->birthDateEdit->setDate(QDate(1990, 1, 1));
    fillCombos();

    // Before the ValidatedField connects: a valid resident ID fills the date of birth first.
    connect(m_ui->documentNumberEdit, &QLineEdit::textChanged, this, &IdentityPage::onNumberChanged);
    m_document =
        std::make_unique<ValidatedField>(m_ui->documentNumberEdit, m_ui->documentMessage,
                                         [this](const QString &text) { return checkDocument(text); });
    connect(m_document.get(), &ValidatedField::validityChanged, this, &IdentityPage::notifyComplete);
    connect(m_ui->birthDateEdit, &QDateEdit::dateChanged, this, [this] {
        if (!m_settingDate)
            m_birthTouched = true;
        m_document->revalidate();
        notifyComplete();
    });
    connect(m_ui->documentTypeCombo, &QComboBox::currentIndexChanged, this, &IdentityPage::onTypeChanged);
    connect(m_ui->skipIdentityButton, &QPushButton::clicked, this, &IdentityPage::skip);
    connect(m_ui->startAgainButton, &QPushButton::clicked, this, [this] {
        setBusy(true);
        onboarding().restart(guarded([this](services::ServiceError error) {
            if (error) {
                showError(error, tr("Try again."));
                return;
            }
            followService();
        }));
    });
    onTypeChanged();
    retranslate();
}

IdentityPage::~IdentityPage() = default;

void IdentityPage::fillCombos()
{
    const int type = m_ui->documentTypeCombo->currentIndex();
    const QString nationality = m_ui->nationalityCombo->currentData().toString();
    const QSignalBlocker b1(m_ui->documentTypeCombo);
    const QSignalBlocker b2(m_ui->nationalityCombo);
    m_ui->documentTypeCombo->clear();
    m_ui->documentTypeCombo->addItem(tr("Resident identity card (mainland China)"),
                                     int(DocumentType::CnResidentId));
    m_ui->documentTypeCombo->addItem(tr("Passport"), int(DocumentType::Passport));
    m_ui->documentTypeCombo->setCurrentIndex(qMax(0, type));
    m_ui->nationalityCombo->clear();
    for (const char *code : kNationalities) {
        const QString c = QString::fromLatin1(code);
        m_ui->nationalityCombo->addItem(nationalityName(c), c);
    }
    const int n = m_ui->nationalityCombo->findData(nationality);
    m_ui->nationalityCombo->setCurrentIndex(qMax(0, n));
}

void IdentityPage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Verify your identity"),
               tr("The bank checks your identity document once. A verified wallet has higher limits."));
    fillCombos();
    m_ui->documentNumberEdit->setPlaceholderText(documentType() == DocumentType::CnResidentId
                                                     ? tr("18 characters, e.g. 11010519491231002X")
                                                     : tr("As printed in your passport"));
    if (!m_outcome.isEmpty())
        showOutcome(m_outcome, m_reasons);
    m_document->revalidate();
}

DocumentType IdentityPage::documentType() const
{
    return DocumentType(m_ui->documentTypeCombo->currentData().toInt());
}

QString IdentityPage::checkDocument(const QString &text) const
{
    if (documentType() == DocumentType::CnResidentId) {
        auto id =
            core::ResidentIdValidator::validate(text, m_ui->birthDateEdit->date(), QDate::currentDate());
        return id ? QString() : id.message();
    }
    // A passport number: letters and digits, 5 to 20 of them (the bank checks the rest).
    const QString number = text.trimmed();
    if (number.isEmpty())
        return core::validationMessage(core::ValidationCode::InvalidDocumentNumber,
                                       core::ValidationReason::Empty);
    for (QChar c : number) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            return core::validationMessage(core::ValidationCode::InvalidDocumentNumber,
                                           core::ValidationReason::InvalidCharacters);
    }
    if (number.size() < 5 || number.size() > 20)
        return core::validationMessage(core::ValidationCode::InvalidDocumentNumber,
                                       core::ValidationReason::BadLength);
    return {};
}

void IdentityPage::onTypeChanged()
{
    const bool resident = documentType() == DocumentType::CnResidentId;
    if (resident)
        m_ui->nationalityCombo->setCurrentIndex(m_ui->nationalityCombo->findData(QStringLiteral("CN")));
    // A mainland resident ID is only held by Chinese nationals.
    m_ui->nationalityCombo->setEnabled(!resident);
    m_ui->documentNumberEdit->setPlaceholderText(resident ? tr("18 characters, e.g. 11010519491231002X")
                                                          : tr("As printed in your passport"));
    m_document->revalidate();
    notifyComplete();
}

void IdentityPage::onNumberChanged(const QString &text)
{
    if (documentType() != DocumentType::CnResidentId || m_birthTouched)
        return;
    // The number carries the birth date: fill it in unless the person set one themselves.
    auto id = core::ResidentIdValidator::validate(text, QDate::currentDate());
    if (id && id->birthDate.isValid()) {
        m_settingDate = true;
        m_ui->birthDateEdit->setDate(id->birthDate);
        m_settingDate = false;
    }
}

void IdentityPage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    if (state.step == services::OnboardingStep::Rejected) {
        showOutcome(QStringLiteral("rejected"), state.kycReasons);
    } else if (m_outcome == QLatin1String("rejected")) {
        m_outcome.clear();
        m_ui->kycOutcome->hide();
        m_ui->startAgainButton->hide();
        body()->setEnabled(true);
    }
    m_ui->documentNumberEdit->setFocus();
    notifyComplete();
}

void IdentityPage::leave()
{
    // The document number is personal data: not kept in the widget once the page is left.
    m_ui->documentNumberEdit->clear();
    m_document->reset();
}

void IdentityPage::reset()
{
    OnboardingPage::reset();
    leave();
    m_outcome.clear();
    m_reasons.clear();
    m_acceptedBirthDate = {};
    m_birthTouched = false;
    m_ui->kycOutcome->hide();
    m_ui->startAgainButton->hide();
    m_ui->documentTypeCombo->setCurrentIndex(0);
    m_settingDate = true;
    m_ui->birthDateEdit->setDate(QDate(1990, 1, 1));
    m_settingDate = false;
}

bool IdentityPage::canSubmit() const
{
    if (m_outcome == QLatin1String("rejected"))
        return false;
    // Under review: Next goes on (the service is at the password step already).
    if (m_outcome == QLatin1String("review") && m_ui->documentNumberEdit->text().isEmpty())
        return true;
    return m_document->isValid();
}

void IdentityPage::showOutcome(const QString &result, const QStringList &reasons)
{
    m_outcome = result;
    m_reasons = reasons;
    QStringList why;
    for (const QString &code : reasons) {
        const QString text = gateway::contractCodeMessage(code);
        if (!text.isEmpty())
            why << text;
    }
    QString text;
    if (result == QLatin1String("review")) {
        text = tr("The bank needs to look at your details before your identity counts as verified. You can "
                  "go on now: your wallet opens with the tier 4 limits until the review is done.");
        m_ui->kycOutcome->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    } else {
        text = tr("The bank could not verify your identity, so it cannot open a wallet for you with these "
                  "details. Press Start again to begin a new application, or visit a branch.");
        m_ui->kycOutcome->setStyleSheet(QStringLiteral("color: #b3261e;"));
    }
    for (const QString &reason : why)
        text = detail::joinSentences(text, reason);
    m_ui->kycOutcome->setText(text);
    m_ui->kycOutcome->show();
    const bool rejected = result == QLatin1String("rejected");
    m_ui->startAgainButton->setVisible(rejected);
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->documentTypeCombo), static_cast<QWidget *>(m_ui->documentNumberEdit),
          static_cast<QWidget *>(m_ui->birthDateEdit), static_cast<QWidget *>(m_ui->skipFrame)})
        w->setEnabled(!rejected);
    m_ui->nationalityCombo->setEnabled(!rejected && documentType() != DocumentType::CnResidentId);
    notifyComplete();
}

void IdentityPage::skip()
{
    if (isBusy())
        return;
    clearMessage();
    if (onboarding().step() == services::OnboardingStep::Credentials) {
        advance();
        return;
    }
    setBusy(true);
    onboarding().skipIdentity(guarded([this](services::ServiceError error) {
        if (error) {
            showError(error, tr("Try again."));
            return;
        }
        m_ui->documentNumberEdit->clear();
        m_document->reset();
        advance();
    }));
}

void IdentityPage::submit()
{
    if (m_outcome == QLatin1String("review") && m_ui->documentNumberEdit->text().isEmpty()) {
        advance();
        return;
    }
    services::IdentityInput input;
    input.documentType = documentType();
    input.documentNumber = m_ui->documentNumberEdit->text().trimmed();
    input.dateOfBirth = m_ui->birthDateEdit->date();
    input.nationality = m_ui->nationalityCombo->currentData().toString();
    const QDate birth = input.dateOfBirth;
    setBusy(true);
    onboarding().submitIdentity(
        std::move(input), guarded([this, birth](services::ServiceResult<gateway::KycOutcome> result) {
            setBusy(false);
            if (!result) {
                const services::ServiceError &error = result.error();
                const QString where = !error.field.isEmpty() ? error.field : error.gateway.param;
                if (where.contains(QLatin1String("document")) || error.is(u"document_mismatch") ||
                    error.is(u"invalid_document_number"))
                    m_document->setExternalError(error.userMessage());
                showError(error, tr("Check the document details and press Next again, or skip this step."));
                return;
            }
            // The number is not kept once the bank has it.
            m_ui->documentNumberEdit->clear();
            m_document->reset();
            switch (result->result) {
            case gateway::KycResult::Verified:
                m_acceptedBirthDate = birth;
                m_outcome.clear();
                m_ui->kycOutcome->hide();
                advance();
                break;
            case gateway::KycResult::Review:
                m_acceptedBirthDate = birth;
                showOutcome(QStringLiteral("review"), result->reasons);
                break;
            case gateway::KycResult::Rejected:
                showOutcome(QStringLiteral("rejected"), result->reasons);
                break;
            }
        }));
}

} // namespace bw::ui
