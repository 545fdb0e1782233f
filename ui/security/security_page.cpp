#include "ui/security/security_page.h"

#include "services/security_service.h"
#include "services/service_context.h"
#include "services/settings_service.h"
#include "services/wallet_service.h"
#include "ui/security/change_password_dialog.h"
#include "ui/security/change_pin_dialog.h"
#include "ui/security/two_factor_dialog.h"
#include "ui/sentences.h"
#include "ui/widgets/style.h"
#include "ui_security_page.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>

namespace bw::ui {

using detail::joinSentences;

namespace {

const QString kPageStyle = QStringLiteral(
    "QFrame#passwordCard, QFrame#pinCard, QFrame#twoFactorCard, QFrame#autoLockCard, QFrame#devicesCard {"
    " background: palette(base); border: 1px solid #d9e0e8; border-radius: 10px; }"
    "QLabel#securityBanner { background: #fdecea; color: #8a1c12; border: 1px solid #f1b0aa;"
    " border-radius: 8px; padding: 10px 14px; }"
    "QLabel#securityNotice { background: #e6f4ea; color: #1a5e2e; border: 1px solid #a8d5b5;"
    " border-radius: 8px; padding: 10px 14px; }"
    "QLabel#frozenWarning { background: #fff4d6; color: #6b4700; border: 1px solid #f0d58a;"
    " border-radius: 8px; padding: 10px 14px; }");

constexpr int kIdRole = Qt::UserRole;
constexpr int kCurrentRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

SecurityPage::SecurityPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SecurityPage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("securityPage"));
    setStyleSheet(kPageStyle);
    style::title(m_ui->titleLabel, 1.8);
    for (QLabel *caption : {m_ui->passwordCaption, m_ui->pinCaption, m_ui->twoFactorCaption,
                            m_ui->autoLockCaption, m_ui->devicesCaption})
        style::title(caption, 1.15);
    for (QLabel *text : {m_ui->subtitleLabel, m_ui->passwordText, m_ui->pinText, m_ui->twoFactorText,
                         m_ui->autoLockText, m_ui->devicesText, m_ui->busyLabel, m_ui->devicesBusy})
        style::muted(text);
    m_ui->securityBanner->hide();
    m_ui->securityNotice->hide();
    m_ui->frozenWarning->hide();
    m_ui->busyLabel->hide();
    m_ui->pinStatus->hide();
    m_ui->disableTotpButton->hide();
    m_ui->devicesList->header()->setStretchLastSection(false);
    m_ui->devicesList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->devicesList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_ui->devicesList->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_ui->devicesList->setSelectionMode(QAbstractItemView::SingleSelection);

    m_ui->autoLockSpin->setRange(services::SettingsService::kMinAutoLockMinutes,
                                 services::SettingsService::kMaxAutoLockMinutes);
    if (m_services.settings) {
        m_ui->autoLockSpin->setValue(m_services.settings->autoLockMinutes());
        connect(m_services.settings, &services::SettingsService::autoLockMinutesChanged, this,
                [this](int minutes) {
                    const QSignalBlocker blocker(m_ui->autoLockSpin);
                    m_ui->autoLockSpin->setValue(minutes);
                });
        connect(m_ui->autoLockSpin, &QSpinBox::valueChanged, this, [this](int minutes) {
            m_services.settings->setAutoLockMinutes(minutes);
            m_services.settings->sync();
        });
    }

    connect(m_ui->backButton, &QPushButton::clicked, this, &SecurityPage::backRequested);
    connect(m_ui->changePasswordButton, &QPushButton::clicked, this, &SecurityPage::changePassword);
    connect(m_ui->changePinButton, &QPushButton::clicked, this, &SecurityPage::changePin);
    connect(m_ui->enableTotpButton, &QPushButton::clicked, this, &SecurityPage::enableTotp);
    connect(m_ui->disableTotpButton, &QPushButton::clicked, this, &SecurityPage::disableTotp);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &SecurityPage::revokeSelected);
    connect(m_ui->reloadDevicesButton, &QPushButton::clicked, this, &SecurityPage::loadDevices);
    connect(m_ui->devicesList, &QTreeWidget::itemSelectionChanged, this, &SecurityPage::updateRevokeButton);

    if (m_services.wallet) {
        connect(m_services.wallet, &services::WalletService::walletChanged, this, &SecurityPage::showWallet);
        connect(m_services.wallet, &services::WalletService::refreshFailed, this,
                [this](const services::ServiceError &error) {
                    if (isVisible())
                        showError(error, tr("Press Reload or come back later."));
                });
    }
    // The PIN or the second factor changed: the dashboard and this page follow the bank's new state.
    if (m_services.security && m_services.wallet)
        connect(m_services.security, &services::SecurityService::securityChanged, m_services.wallet,
                [wallet = m_services.wallet] { wallet->refresh(); });
    if (m_services.context) {
        connect(m_services.context, &services::ServiceContext::locked, this, &SecurityPage::clearAll);
        connect(m_services.context, &services::ServiceContext::signedOut, this, &SecurityPage::clearAll);
    }
    retranslate();
    showWallet();
    updateRevokeButton();
}

SecurityPage::~SecurityPage() = default;

void SecurityPage::refresh()
{
    m_ui->securityBanner->hide();
    if (m_services.wallet) {
        m_ui->busyLabel->show();
        QPointer<SecurityPage> self(this);
        m_services.wallet->refresh([self](services::ServiceResult<gateway::Wallet> wallet) {
            if (!self)
                return;
            self->m_ui->busyLabel->hide();
            if (!wallet)
                self->showError(wallet.error(), tr("Press Reload or come back later."));
        });
    }
    if (m_services.settings) {
        const QSignalBlocker blocker(m_ui->autoLockSpin);
        m_ui->autoLockSpin->setValue(m_services.settings->autoLockMinutes());
    }
    loadDevices();
}

void SecurityPage::showWallet()
{
    const auto wallet = m_services.wallet ? m_services.wallet->wallet() : std::nullopt;
    m_walletKnown = wallet.has_value();
    m_totpEnabled = wallet && wallet->totpEnabled;
    m_frozen = wallet && wallet->paymentsFrozen;
    m_ui->frozenWarning->setVisible(m_frozen);
    m_ui->pinStatus->setVisible(m_frozen);
    if (m_frozen)
        m_ui->pinStatus->setText(tr("Payments are frozen until you change the PIN."));
    m_ui->pinStatus->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: 600;"));
    if (!m_walletKnown) {
        m_ui->twoFactorStatus->setText(QString());
        m_ui->enableTotpButton->setVisible(false);
        m_ui->disableTotpButton->setVisible(false);
    } else if (m_totpEnabled) {
        m_ui->twoFactorStatus->setText(tr("On: codes come from your authenticator app."));
        m_ui->twoFactorStatus->setStyleSheet(QStringLiteral("color: #1a7f37; font-weight: 600;"));
        m_ui->enableTotpButton->setVisible(false);
        m_ui->disableTotpButton->setVisible(true);
    } else {
        m_ui->twoFactorStatus->setText(
            tr("Codes come by SMS to your phone. An authenticator app works without "
               "mobile signal."));
        m_ui->twoFactorStatus->setStyleSheet(QStringLiteral("color: palette(text); font-weight: 600;"));
        m_ui->enableTotpButton->setVisible(true);
        m_ui->disableTotpButton->setVisible(false);
    }
    m_ui->changePinButton->setEnabled(m_walletKnown);
}

void SecurityPage::loadDevices()
{
    if (!m_services.security)
        return;
    m_ui->devicesBusy->setText(tr("Loading…"));
    m_ui->reloadDevicesButton->setEnabled(false);
    QPointer<SecurityPage> self(this);
    m_services.security->listDevices([self](services::ServiceResult<QList<gateway::Device>> devices) {
        if (!self)
            return;
        self->m_ui->devicesBusy->clear();
        self->m_ui->reloadDevicesButton->setEnabled(true);
        if (!devices) {
            self->showError(devices.error(), tr("Press Reload to try again."));
            return;
        }
        self->showDevices(devices.value());
    });
}

void SecurityPage::showDevices(const QList<gateway::Device> &devices)
{
    m_ui->devicesList->clear();
    for (const gateway::Device &device : devices) {
        auto *item = new QTreeWidgetItem(m_ui->devicesList);
        item->setText(0, device.current ? tr("%1 · This computer").arg(device.name) : device.name);
        item->setText(1, when(device.createdAt));
        item->setText(2, device.current                ? tr("Now")
                         : device.lastSeenAt.isValid() ? when(device.lastSeenAt)
                                                       : tr("Never"));
        item->setData(0, kIdRole, device.id);
        item->setData(0, kCurrentRole, device.current);
        item->setData(0, kNameRole, device.name);
        if (device.current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
    }
    updateRevokeButton();
}

void SecurityPage::updateRevokeButton()
{
    const QTreeWidgetItem *item = m_ui->devicesList->currentItem();
    const bool other = item && item->isSelected() && !item->data(0, kCurrentRole).toBool();
    m_ui->revokeButton->setEnabled(other);
    m_ui->revokeButton->setToolTip(item && item->data(0, kCurrentRole).toBool()
                                       ? tr("This computer cannot remove itself. Sign out instead.")
                                       : QString());
}

void SecurityPage::showError(const services::ServiceError &error, const QString &next)
{
    m_ui->securityNotice->hide();
    m_ui->securityBanner->setText(joinSentences(error.userMessage(), next));
    m_ui->securityBanner->show();
}

void SecurityPage::showNotice(const QString &text)
{
    m_ui->securityBanner->hide();
    m_ui->securityNotice->setText(text);
    m_ui->securityNotice->show();
}

void SecurityPage::changePassword()
{
    auto *dialog = new ChangePasswordDialog(m_services, this);
    connect(dialog, &ChangePasswordDialog::passwordChanged, this, [this] {
        showNotice(tr("Your password was changed. Use the new one the next time you sign in."));
    });
    dialog->open();
}

void SecurityPage::changePin()
{
    auto *dialog = new ChangePinDialog(m_services, m_totpEnabled, m_frozen, this);
    connect(dialog, &ChangePinDialog::pinChanged, this, [this, wasFrozen = m_frozen] {
        showNotice(wasFrozen ? tr("Your payment PIN was changed and payments are unfrozen.")
                             : tr("Your payment PIN was changed. Use the new PIN for your next payment."));
    });
    dialog->open();
}

void SecurityPage::enableTotp()
{
    auto *dialog = new TwoFactorDialog(m_services, TwoFactorDialog::Mode::Enable, this);
    connect(dialog, &TwoFactorDialog::changed, this, [this] {
        showNotice(
            tr("The authenticator app is on. Larger payments and security changes now ask for its code."));
    });
    dialog->open();
}

void SecurityPage::disableTotp()
{
    auto *dialog = new TwoFactorDialog(m_services, TwoFactorDialog::Mode::Disable, this);
    connect(dialog, &TwoFactorDialog::changed, this,
            [this] { showNotice(tr("The authenticator app is off. Codes come by SMS again.")); });
    dialog->open();
}

void SecurityPage::revokeSelected()
{
    const QTreeWidgetItem *item = m_ui->devicesList->currentItem();
    if (!item || item->data(0, kCurrentRole).toBool() || !m_services.security)
        return;
    const QString id = item->data(0, kIdRole).toString();
    const QString name = item->data(0, kNameRole).toString();
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Remove device"),
                        tr("Remove \u201c%1\u201d from your wallet?").arg(name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revokeConfirm"));
    box->setInformativeText(
        tr("It is signed out at once and can no longer sign in or pay. To use it again, add it "
           "with your phone number, an SMS code and your password."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("revokeConfirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("revokeCancelButton"));
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id, name](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        m_ui->revokeButton->setEnabled(false);
        m_ui->devicesBusy->setText(tr("Removing…"));
        QPointer<SecurityPage> self(this);
        m_services.security->revokeDevice(id, [self, name](services::ServiceError error) {
            if (!self)
                return;
            self->m_ui->devicesBusy->clear();
            if (error.isError())
                self->showError(error, tr("Press Reload and try again."));
            else
                self->showNotice(tr("\u201c%1\u201d was removed from your wallet.").arg(name));
            self->loadDevices();
        });
    });
    box->open();
}

void SecurityPage::clearAll()
{
    m_ui->devicesList->clear();
    m_ui->securityNotice->hide();
    m_ui->securityBanner->hide();
    m_ui->frozenWarning->hide();
    m_walletKnown = m_totpEnabled = m_frozen = false;
    updateRevokeButton();
}

void SecurityPage::hideEvent(QHideEvent *event)
{
    // Leaving the page: a success note is for now, not for the next visit.
    m_ui->securityNotice->hide();
    QWidget::hideEvent(event);
}

void SecurityPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        showWallet();
        if (m_services.security && m_ui->devicesList->topLevelItemCount() > 0)
            loadDevices();
    }
    QWidget::changeEvent(event);
}

void SecurityPage::retranslate()
{
    m_ui->devicesList->setAccessibleName(tr("Devices that can sign in to your wallet"));
    m_ui->autoLockSpin->setAccessibleName(tr("Minutes without activity before the wallet locks"));
    m_ui->autoLockSpin->setSuffix(QString());
}

} // namespace bw::ui
