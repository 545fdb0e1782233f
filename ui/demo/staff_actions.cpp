#include "ui/demo/staff_actions.h"

#include "core/currency.h"
#include "core/money.h"
#include "core/name_validator.h"
#include "services/demo_service.h"
#include "services/history_service.h"
#include "services/wallet_service.h"
#include "ui/language.h"
#include "ui_staff_actions.h"

#include <QEvent>
#include <QListWidgetItem>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>

namespace bw::ui {

namespace {

const core::Currency &cny()
{
    static const core::Currency currency = *core::Currency::fromCode(u"CNY");
    return currency;
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("incoming"))
        return StaffActions::tr("Incoming transfer");
    if (kind == QLatin1String("transfer"))
        return StaffActions::tr("Transfer");
    if (kind == QLatin1String("payment"))
        return StaffActions::tr("Payment");
    if (kind == QLatin1String("top_up"))
        return StaffActions::tr("Top-up");
    if (kind == QLatin1String("withdrawal"))
        return StaffActions::tr("Withdrawal");
    return kind;
}

} // namespace

StaffActions::StaffActions(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::StaffActions>())
    , m_services(services)
{
    ui->setupUi(this);
    QFont title = ui->staffTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    ui->staffTitle->setFont(title);
    setStyleSheet(QStringLiteral("#incomingAmountError, #incomingFromError { color: #c0392b; }"
                                 "#staffIntro, #tierHint, #incomingHint, #reviewHint, #resetHint, #heldEmpty "
                                 "{ color: #5a6370; }"
                                 "#resetDemoButton { color: #b03a2e; }"));
    ui->staffBusy->setMaximumHeight(6);
    ui->staffBusy->hide();
    ui->staffMessage->hide();
    ui->incomingAmountError->hide();
    ui->incomingFromError->hide();
    ui->incomingButton->setDefault(false);

    connect(ui->upgradeTierButton, &QPushButton::clicked, this, &StaffActions::upgradeTier);
    connect(ui->incomingButton, &QPushButton::clicked, this, &StaffActions::simulateIncoming);
    connect(ui->incomingAmountEdit, &QLineEdit::textChanged, this, &StaffActions::validateIncoming);
    connect(ui->incomingFromEdit, &QLineEdit::textChanged, this, &StaffActions::validateIncoming);
    // Enter in either field submits when the transfer can be made.
    connect(ui->incomingAmountEdit, &QLineEdit::returnPressed, this, [this] {
        if (ui->incomingButton->isEnabled())
            simulateIncoming();
    });
    connect(ui->incomingFromEdit, &QLineEdit::returnPressed, this, [this] {
        if (ui->incomingButton->isEnabled())
            simulateIncoming();
    });
    connect(ui->heldRefreshButton, &QPushButton::clicked, this, &StaffActions::refreshHeldPayments);
    connect(ui->heldPaymentsList, &QListWidget::currentRowChanged, this, &StaffActions::updateState);
    connect(ui->approveButton, &QPushButton::clicked, this,
            [this] { decide(gateway::ReviewDecision::Approve); });
    connect(ui->rejectButton, &QPushButton::clicked, this,
            [this] { decide(gateway::ReviewDecision::Reject); });
    connect(ui->resetDemoButton, &QPushButton::clicked, this, &StaffActions::resetDemo);

    if (m_services.context) {
        connect(m_services.context, &services::ServiceContext::sessionStateChanged, this, [this] {
            if (signedIn()) {
                refreshHeldPayments();
            } else {
                m_held.clear();
                fillHeldList();
            }
            updateTierLabel();
            updateState();
        });
    }
    if (m_services.wallet)
        connect(m_services.wallet, &services::WalletService::walletChanged, this,
                &StaffActions::updateTierLabel);
    if (m_services.language)
        connect(m_services.language, &Language::changed, this, &StaffActions::retranslate);

    // Wrapped labels need more height when the dock is narrow: see fitContentsHeight().
    ui->scrollArea->viewport()->installEventFilter(this);
    retranslate();
}

StaffActions::~StaffActions() = default;

bool StaffActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == ui->scrollArea->viewport() && event->type() == QEvent::Resize)
        fitContentsHeight();
    return QWidget::eventFilter(watched, event);
}

// QScrollArea sizes its widget by minimumSizeHint(), which ignores how tall word-wrapped labels get at the
// actual width: without this, a narrow dock squeezes the groups into each other instead of scrolling.
void StaffActions::fitContentsHeight()
{
    QLayout *layout = ui->scrollContents->layout();
    const int width = ui->scrollArea->viewport()->width();
    if (!layout || width <= 0 || !layout->hasHeightForWidth())
        return;
    ui->scrollContents->setMinimumHeight(layout->heightForWidth(width));
}

bool StaffActions::signedIn() const
{
    return m_services.context && m_services.context->isSignedIn();
}

void StaffActions::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (signedIn() && !m_busy)
        refreshHeldPayments();
}

void StaffActions::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StaffActions::retranslate()
{
    ui->retranslateUi(this);
    validateIncoming();
    fillHeldList();
    updateTierLabel();
    if (m_resultText)
        showResult(m_resultText(), m_resultIsError);
    updateState();
    // Buttons never clip their text (the Chinese and English lengths differ).
    for (QPushButton *button : {ui->upgradeTierButton, ui->incomingButton, ui->resetDemoButton}) {
        button->setMinimumWidth(0);
        button->setMinimumWidth(button->sizeHint().width());
    }
    // The scroll area never scrolls sideways: make the dock wide enough for the widest button or field.
    ui->scrollArea->setMinimumWidth(ui->scrollContents->minimumSizeHint().width() +
                                    ui->scrollArea->verticalScrollBar()->sizeHint().width());
    fitContentsHeight();
}

void StaffActions::updateTierLabel()
{
    const auto wallet = (m_services.wallet && signedIn()) ? m_services.wallet->wallet() : std::nullopt;
    if (!wallet) {
        ui->currentTierLabel->setText(signedIn() ? QString()
                                                 : tr("Sign in to the wallet to use these actions."));
        ui->currentTierLabel->setVisible(!ui->currentTierLabel->text().isEmpty());
        updateState();
        return;
    }
    ui->currentTierLabel->setText(tr("The wallet is at tier %1 now.").arg(wallet->tier));
    ui->currentTierLabel->show();
    updateState();
}

void StaffActions::validateIncoming()
{
    const QString amountText = ui->incomingAmountEdit->text();
    m_amount.reset();
    QString amountError;
    if (!amountText.trimmed().isEmpty()) {
        const core::MoneyParseResult parsed = core::Money::parse(amountText, cny(), QLocale());
        if (!parsed)
            amountError = core::moneyParseErrorMessage(parsed.error(), cny());
        else if (!parsed.value().isPositive())
            amountError = tr("Enter an amount above zero.");
        else
            m_amount = parsed.value();
    }
    ui->incomingAmountError->setText(amountError);
    ui->incomingAmountError->setVisible(!amountError.isEmpty());

    const QString fromText = ui->incomingFromEdit->text();
    m_fromValid = false;
    QString fromError;
    if (!fromText.trimmed().isEmpty()) {
        const auto name = core::NameValidator::validate(fromText);
        if (!name)
            fromError = name.message();
        else
            m_fromValid = true;
    }
    ui->incomingFromError->setText(fromError);
    ui->incomingFromError->setVisible(!fromError.isEmpty());
    updateState();
}

void StaffActions::updateState()
{
    const bool in = signedIn();
    const bool idle = !m_busy && m_services.demo;
    const auto wallet = m_services.wallet ? m_services.wallet->wallet() : std::nullopt;
    ui->upgradeTierButton->setEnabled(idle && in && !(wallet && wallet->tier == 1));
    ui->incomingAmountEdit->setEnabled(!m_busy);
    ui->incomingFromEdit->setEnabled(!m_busy);
    ui->incomingButton->setEnabled(idle && in && m_amount && m_fromValid);
    ui->heldRefreshButton->setEnabled(idle && in && !m_heldLoading);
    const bool selected =
        ui->heldPaymentsList->currentRow() >= 0 && ui->heldPaymentsList->currentRow() < m_held.size();
    ui->approveButton->setEnabled(idle && in && selected && !m_heldLoading);
    ui->rejectButton->setEnabled(idle && in && selected && !m_heldLoading);
    ui->resetDemoButton->setEnabled(idle);
}

void StaffActions::setBusy(bool busy)
{
    m_busy = busy;
    ui->staffBusy->setVisible(busy || m_heldLoading);
    if (busy)
        ui->staffMessage->hide();
    updateState();
}

void StaffActions::showResult(const QString &text, bool error)
{
    m_resultIsError = error;
    ui->staffMessage->setStyleSheet(error ? QStringLiteral("color: #c0392b;")
                                          : QStringLiteral("color: #1a7f4b;"));
    ui->staffMessage->setText(text);
    ui->staffMessage->setVisible(!text.isEmpty());
    fitContentsHeight();
}

void StaffActions::showError(const services::ServiceError &error)
{
    const QString message = error.userMessage();
    m_resultText = [message] { return message; };
    showResult(message, true);
}

// The dashboard shows the balance, tier and history: let it follow what staff just changed.
void StaffActions::afterChange()
{
    if (!signedIn())
        return;
    if (m_services.wallet)
        m_services.wallet->refresh();
    if (m_services.history && !m_services.history->isSyncing())
        m_services.history->sync();
}

void StaffActions::upgradeTier()
{
    if (!m_services.demo || m_busy)
        return;
    setBusy(true);
    m_services.demo->upgradeTier(1, [self = QPointer<StaffActions>(this)](services::ServiceError error) {
        if (!self)
            return;
        self->setBusy(false);
        if (error) {
            self->showError(error);
            return;
        }
        self->m_resultText = [] {
            return tr(
                "Done: the customer's identity was verified in the branch. The wallet is now at tier 1.");
        };
        self->showResult(self->m_resultText(), false);
        self->afterChange();
    });
}

void StaffActions::simulateIncoming()
{
    if (!m_services.demo || m_busy || !m_amount || !m_fromValid)
        return;
    const core::Money amount = *m_amount;
    const QString from = core::NameValidator::validate(ui->incomingFromEdit->text()).value();
    setBusy(true);
    m_services.demo->simulateIncoming(
        amount, from,
        [self = QPointer<StaffActions>(this), amount, from](services::ServiceResult<gateway::Payment> r) {
            if (!self)
                return;
            self->setBusy(false);
            if (!r) {
                self->showError(r.error());
                return;
            }
            const gateway::PaymentStatus status = r.value().status;
            const QString failure = r.value().failureCode;
            self->m_resultText = [amount, from, status, failure] {
                const QString money = amount.format(QLocale());
                switch (status) {
                case gateway::PaymentStatus::Succeeded:
                case gateway::PaymentStatus::Processing:
                    return tr("%1 from %2 arrived in the wallet.").arg(money, from);
                case gateway::PaymentStatus::PendingReview:
                    return tr("%1 from %2 is held for review: the sender's name is similar to a name on a "
                              "sanctions "
                              "list. Approve or reject it under Held payments.")
                        .arg(money, from);
                case gateway::PaymentStatus::Rejected:
                    break;
                }
                const QString why = failure.isEmpty() ? QString() : gateway::contractCodeMessage(failure);
                return tr("The bank refused %1 from %2. %3").arg(money, from, why).trimmed();
            };
            const bool refused = status == gateway::PaymentStatus::Rejected;
            self->showResult(self->m_resultText(), refused);
            self->ui->incomingAmountEdit->clear();
            self->afterChange();
            self->refreshHeldPayments();
        });
}

void StaffActions::refreshHeldPayments()
{
    if (!m_services.demo || !signedIn() || m_heldLoading)
        return;
    m_heldLoading = true;
    ui->staffBusy->show();
    updateState();
    m_services.demo->heldPayments(
        [self = QPointer<StaffActions>(this)](services::ServiceResult<QList<gateway::Payment>> r) {
            if (!self)
                return;
            self->m_heldLoading = false;
            self->ui->staffBusy->setVisible(self->m_busy);
            if (!r) {
                self->showError(r.error());
            } else {
                self->m_held = r.value();
                self->fillHeldList();
            }
            self->updateState();
        });
}

void StaffActions::fillHeldList()
{
    const QString current = ui->heldPaymentsList->currentItem()
                                ? ui->heldPaymentsList->currentItem()->data(Qt::UserRole).toString()
                                : QString();
    const QSignalBlocker block(ui->heldPaymentsList);
    ui->heldPaymentsList->clear();
    const QLocale locale;
    for (const gateway::Payment &p : std::as_const(m_held)) {
        const bool incoming = p.kind == QLatin1String("incoming");
        const core::Money amount = incoming ? p.credit : p.debit;
        const QString who = p.counterparty.name.isEmpty() ? tr("(no name)") : p.counterparty.name;
        const QString line1 = tr("%1 · %2").arg(kindText(p.kind), amount.format(locale));
        const QString line2 = incoming ? tr("from %1").arg(who) : tr("to %1").arg(who);
        const QString line3 = locale.toString(p.createdAt.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(line1 + QLatin1Char('\n') + line2 + QLatin1Char('\n') + line3,
                                         ui->heldPaymentsList);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(p.id);
        if (p.id == current)
            ui->heldPaymentsList->setCurrentItem(item);
    }
    ui->heldPaymentsList->setVisible(!m_held.isEmpty());
    ui->heldEmpty->setVisible(m_held.isEmpty());
    updateState();
    fitContentsHeight();
}

void StaffActions::decide(gateway::ReviewDecision decision)
{
    const int row = ui->heldPaymentsList->currentRow();
    if (!m_services.demo || m_busy || row < 0 || row >= m_held.size())
        return;
    const gateway::Payment payment = m_held.at(row);
    setBusy(true);
    m_services.demo->decideReview(
        payment.id, decision,
        [self = QPointer<StaffActions>(this), payment,
         decision](services::ServiceResult<gateway::Payment> r) {
            if (!self)
                return;
            self->setBusy(false);
            if (!r) {
                self->showError(r.error());
                self->refreshHeldPayments();
                return;
            }
            const bool incoming = payment.kind == QLatin1String("incoming");
            const core::Money amount = incoming ? payment.credit : payment.debit;
            const QString who = payment.counterparty.name;
            self->m_resultText = [decision, amount, who, incoming] {
                const QString money = amount.format(QLocale());
                if (decision == gateway::ReviewDecision::Approve)
                    return incoming ? tr("Approved: %1 from %2 is now in the wallet.").arg(money, who)
                                    : tr("Approved: %1 to %2 has been paid.").arg(money, who);
                return incoming ? tr("Rejected: %1 from %2 was sent back to the sender.").arg(money, who)
                                : tr("Rejected: %1 to %2 was not paid; the money is back in the wallet.")
                                      .arg(money, who);
            };
            self->showResult(self->m_resultText(), false);
            self->afterChange();
            self->refreshHeldPayments();
        });
}

void StaffActions::resetDemo()
{
    if (!m_services.demo || m_busy)
        return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Reset the demo bank?"),
                        tr("Reset the demo bank to its starting state?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("resetConfirmDialog"));
    box->setInformativeText(tr(
        "This erases, at the demo bank: every wallet opened since the demo started (this one too) with its "
        "balances, payments, held payments, linked cards and bank accounts, devices and sessions, and every "
        "message on the simulated phone.\n\nThis computer then forgets its wallet, and you start again by "
        "opening a new wallet. The list of banks and merchants stays. This cannot be undone."));
    QPushButton *confirm = box->addButton(tr("Reset demo"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmResetButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelResetButton"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        if (box->clickedButton() != confirm)
            return;
        setBusy(true);
        m_services.demo->resetDemo([self = QPointer<StaffActions>(this)](services::ServiceError error) {
            if (!self)
                return;
            self->setBusy(false);
            self->m_held.clear();
            self->fillHeldList();
            if (error) {
                self->showError(error);
                return;
            }
            self->m_resultText = [] {
                return tr("The demo bank was reset. Open a new wallet to start the demo again.");
            };
            self->showResult(self->m_resultText(), false);
        });
    });
    box->open();
}

} // namespace bw::ui
