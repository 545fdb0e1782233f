#include "ui/main/settings_dialog.h"

#include "services/settings_service.h"
#include "services/wallet_service.h"
#include "ui/language.h"
#include "ui/widgets/field_message.h"
#include "ui_settings_dialog.h"

#include <QEvent>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

SettingsDialog::SettingsDialog(const ScreenServices &services, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->restartNote->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    m_gatewayMessage = new FieldMessage(this);
    m_gatewayMessage->setObjectName(QStringLiteral("gatewayMessage"));
    m_ui->gatewayMessageHolder->addWidget(m_gatewayMessage);
    m_gatewayField = new ValidatedField(
        m_ui->gatewayUrlEdit, m_gatewayMessage,
        [](const QString &text) {
            if (text.trimmed().isEmpty())
                return tr("Enter the address of your bank's gateway, e.g. https://wallet.yourbank.example");
            return services::SettingsService::validateGatewayUrl(QUrl(text.trimmed(), QUrl::StrictMode))
                .userMessage();
        },
        this);

    for (const QString &code : Language::available())
        m_ui->languageCombo->addItem(Language::nativeName(code), code);
    const QString language = m_services.language   ? m_services.language->current()
                             : m_services.settings ? m_services.settings->language()
                                                   : QStringLiteral("en");
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(language)));
    m_ui->autoLockSpin->setRange(services::SettingsService::kMinAutoLockMinutes,
                                 services::SettingsService::kMaxAutoLockMinutes);
    if (m_services.settings) {
        m_ui->autoLockSpin->setValue(m_services.settings->autoLockMinutes());
        m_ui->notificationsCheck->setChecked(m_services.settings->notificationsEnabled());
        const QUrl url = m_services.settings->gatewayUrl();
        m_ui->builtInRadio->setChecked(url.isEmpty());
        m_ui->customGatewayRadio->setChecked(!url.isEmpty());
        m_ui->gatewayUrlEdit->setText(url.toString());
    } else {
        m_ui->builtInRadio->setChecked(true);
    }
    m_gatewayField->reset();

    connect(m_ui->builtInRadio, &QRadioButton::toggled, this, &SettingsDialog::updateGatewayState);
    connect(m_ui->gatewayUrlEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->connectionResult->clear();
        updateGatewayState();
    });
    connect(m_gatewayField, &ValidatedField::validityChanged, this, &SettingsDialog::updateGatewayState);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true);
    retranslate();
    updateGatewayState();
}

SettingsDialog::~SettingsDialog() = default;

QUrl SettingsDialog::enteredUrl() const
{
    return QUrl(m_ui->gatewayUrlEdit->text().trimmed(), QUrl::StrictMode);
}

void SettingsDialog::updateGatewayState()
{
    const bool custom = m_ui->customGatewayRadio->isChecked();
    m_ui->gatewayUrlEdit->setEnabled(custom && !m_testing);
    if (!custom)
        m_gatewayMessage->clearMessage();
    else if (!m_gatewayField->isValid() && !m_ui->gatewayUrlEdit->text().trimmed().isEmpty())
        m_gatewayField->reveal(); // a wrong address is said at once: OK is disabled because of it
    const bool urlOk = !custom || m_gatewayField->isValid();
    const bool testable = custom ? m_gatewayField->isValid() : m_services.embeddedGateway;
    m_ui->testConnectionButton->setEnabled(testable && !m_testing);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(urlOk && !m_testing);
}

void SettingsDialog::testConnection()
{
    if (!m_services.wallet)
        return;
    const QUrl url = m_ui->customGatewayRadio->isChecked() ? enteredUrl() : m_services.gatewayUrl;
    m_testing = true;
    showConnectionResult(tr("Connecting to %1…").arg(url.toDisplayString()), true);
    m_ui->connectionResult->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    updateGatewayState();
    QPointer<SettingsDialog> self(this);
    m_services.wallet->testConnection(url, [self](services::ServiceError error) {
        if (!self)
            return;
        self->m_testing = false;
        if (error.isError())
            self->showConnectionResult(
                tr("Could not connect: %1 Check the address and your network.").arg(error.userMessage()),
                false);
        else
            self->showConnectionResult(tr("Connected — the bank gateway answered."), true);
        self->updateGatewayState();
    });
}

void SettingsDialog::showConnectionResult(const QString &text, bool ok)
{
    m_ui->connectionResult->setText(text);
    m_ui->connectionResult->setStyleSheet(ok ? QStringLiteral("color: #1a7f37;")
                                             : QStringLiteral("color: #c62828;"));
}

void SettingsDialog::accept()
{
    if (!m_services.settings) {
        QDialog::accept();
        return;
    }
    services::SettingsService &settings = *m_services.settings;
    // The gateway first: it is the only setting that can be refused, and a refusal must change nothing.
    const QUrl url = m_ui->customGatewayRadio->isChecked() ? enteredUrl() : QUrl();
    if (url != settings.gatewayUrl()) {
        const services::ServiceError error = settings.setGatewayUrl(url);
        if (error.isError()) {
            m_gatewayField->setExternalError(error.userMessage());
            m_ui->gatewayUrlEdit->setFocus();
            return;
        }
    }
    settings.setAutoLockMinutes(m_ui->autoLockSpin->value());
    settings.setNotificationsEnabled(m_ui->notificationsCheck->isChecked());
    const QString code = m_ui->languageCombo->currentData().toString();
    const bool languageChanged = m_services.language && code != m_services.language->current();
    settings.setLanguage(code);
    settings.sync();
    QDialog::accept();
    if (languageChanged && m_services.language->setCurrent(code))
        Q_EMIT languageChosen(code);
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        m_gatewayField->revalidate();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    m_ui->autoLockSpin->setAccessibleName(tr("Minutes without activity before the wallet locks"));
    m_ui->languageCombo->setAccessibleName(tr("Language"));
    m_ui->gatewayUrlEdit->setAccessibleName(tr("Bank gateway address"));
    m_ui->builtInRadio->setToolTip(tr("The demo bank that comes with BankWallet: simulated money, for trying "
                                      "the app and for demos"));
}

} // namespace bw::ui
