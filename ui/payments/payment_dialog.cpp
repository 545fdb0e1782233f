#include "ui/payments/payment_dialog.h"

#include "core/phone_validator.h"
#include "models/merchants_model.h"
#include "models/model_labels.h"
#include "models/payment_methods_model.h"
#include "services/payment_method_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "services/wallet_service.h"
#include "ui/payments/payment_labels.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/money_edit.h"
#include "ui/widgets/pin_entry.h"
#include "ui/widgets/secret_field.h"
#include "ui/widgets/style.h"
#include "ui_payment_dialog.h"

#include <QCloseEvent>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QUrl>
#include <algorithm>

namespace bw::ui {

namespace {

using gateway::QuoteKind;
using services::PaymentPhase;
using services::QuoteState;

constexpr qint64 kQuoteLifeMs = 60'000;       // DESIGN.md: quotes are valid for 60 seconds
constexpr qint64 kOtpAboveMinorCny = 100'000; // gateway-api.md: OTP above CNY 1,000.00
constexpr int kSmsResendSecs = 60;            // the contract's cooldown of POST /v1/quotes/{id}/otp
constexpr int kNoteMax = 140;

const QString kStyle =
    QStringLiteral(
        "QLabel#stepLabel { color: palette(placeholder-text); }"
        "QLabel#dialogBanner { background: #fdecea; color: #8a1c12; border: 1px solid #f1b0aa;"
        " border-radius: 8px; padding: 8px 12px; }"
        "QLabel#dialogBanner[info=\"true\"] { background: #e8f1fb; color: #0b4f8a; border-color: #b5cde6; }"
        "QFrame#reviewCard, QFrame#resultCard { background: palette(base); border: 1px solid #d9e0e8;"
        " border-radius: 10px; }"
        "QLabel#blockersLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f1b0aa;"
        " border-radius: 8px; padding: 10px 14px; }"
        "QLabel#secondFactorLabel { background: #fff8e6; color: #5c4300; border: 1px solid #f0d58a;"
        " border-radius: 8px; padding: 10px 14px; }"
        "QLabel#quoteCountdownLabel, QLabel#balanceLabel, QLabel#sourceHint, QLabel#noteCounter,"
        " QLabel#linkHintLabel, QLabel#phoneHint, QLabel#accountHint, QLabel#backgroundNote,"
        " QLabel#reviewBusyLabel, QLabel#merchantStatusLabel, QLabel#payeeNameLabel"
        " { color: palette(placeholder-text); }"
        "QLabel#resultTitle[outcome=\"good\"] { color: #1e7b34; }"
        "QLabel#resultTitle[outcome=\"wait\"] { color: #8a5a00; }"
        "QLabel#resultTitle[outcome=\"bad\"] { color: #b3261e; }") +
    style::primaryButtonRules({"nextButton"});

core::Currency cny()
{
    return core::Currency::fromCode(u"CNY").value_or(core::Currency());
}

QString minutesSeconds(qint64 secs)
{
    secs = std::max<qint64>(0, secs);
    return QStringLiteral("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

bool isSpending(QuoteKind kind)
{
    return kind == QuoteKind::Payment || kind == QuoteKind::Transfer;
}

} // namespace

PaymentDialog::PaymentDialog(const ScreenServices &services, gateway::QuoteKind kind, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PaymentDialog>())
    , m_services(services)
    , m_kind(kind)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("paymentDialog"));
    setStyleSheet(kStyle);
    setAcceptDrops(true);
    m_ui->titleLabel->setFont(style::scaled(m_ui->titleLabel->font(), 1.6, true));
    m_ui->resultTitle->setFont(style::scaled(m_ui->resultTitle->font(), 1.5, true));
    m_ui->payeeSummaryLabel->setFont(style::scaled(m_ui->payeeSummaryLabel->font(), 1.1, true));
    m_ui->authSummaryLabel->setFont(style::scaled(m_ui->authSummaryLabel->font(), 1.1, true));
    m_ui->processingLabel->setFont(style::scaled(m_ui->processingLabel->font(), 1.15, true));
    m_ui->pinTitle->setFont(style::scaled(m_ui->pinTitle->font(), 1.0, true));
    m_ui->otpTitle->setFont(style::scaled(m_ui->otpTitle->font(), 1.0, true));
    m_ui->amountEdit->setFont(style::scaled(m_ui->amountEdit->font(), 1.4, true));
    m_ui->processingLabel->setAlignment(Qt::AlignCenter);
    m_ui->backgroundNote->setAlignment(Qt::AlignCenter);
    m_ui->dialogBanner->hide();
    m_ui->payeeNameLabel->hide();
    m_ui->pinEntry->setAccessibleLabel(tr("Payment PIN"));
    markSecret(m_ui->pinEntry);
    markSecret(m_ui->otpEdit);

    // ---- payee
    switch (m_kind) {
    case QuoteKind::Payment:
        m_ui->payeeStack->setCurrentWidget(m_ui->merchantPane);
        break;
    case QuoteKind::Transfer:
        m_ui->payeeStack->setCurrentWidget(m_ui->phonePane);
        break;
    case QuoteKind::Withdrawal:
    case QuoteKind::TopUp:
        m_ui->payeeStack->setCurrentWidget(m_ui->accountPane);
        m_ui->linkHintLabel->hide();
        break;
    }
    if (m_kind == QuoteKind::Payment) {
        m_merchants = new models::MerchantsModel(this);
        m_merchants->setLocale(QLocale());
        m_ui->merchantView->setModel(m_merchants);
        auto *header = m_ui->merchantView->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::ResizeToContents);
        header->setSectionResizeMode(models::MerchantsModel::NameColumn, QHeaderView::Stretch);
        m_ui->merchantView->verticalHeader()->hide();
        m_ui->merchantView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        connect(m_ui->merchantView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &PaymentDialog::onMerchantSelected);
        connect(m_ui->merchantView, &QAbstractItemView::doubleClicked, this, [this] {
            if (payeeComplete())
                next();
        });
        connect(m_ui->merchantSearchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (checkPasted(text))
                return;
            m_merchants->setFilterText(text.trimmed());
            onMerchantSelected();
        });
        connect(m_ui->categoryCombo, &QComboBox::currentIndexChanged, this, [this] {
            m_merchants->setCategoryFilter(m_ui->categoryCombo->currentData().toString());
            onMerchantSelected();
        });
        loadMerchants();
    }
    m_phoneField = new ValidatedField(m_ui->phoneEdit, m_ui->phoneMessage,
                                      validators::phone(QStringLiteral("86")), this);
    connect(m_phoneField, &ValidatedField::validityChanged, this, &PaymentDialog::updateButtons);
    connect(m_ui->phoneEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (checkPasted(text))
            return;
        // A name from a link vouches for the link's number only, never for one typed afterwards.
        clearLinkName();
        updateButtons();
    });
    connect(m_ui->accountCombo, &QComboBox::currentIndexChanged, this, &PaymentDialog::updateButtons);

    // ---- amount
    connect(m_ui->amountEdit, &MoneyEdit::valueChanged, this, &PaymentDialog::updateAmountState);
    connect(m_ui->amountEdit, &QLineEdit::textChanged, this, &PaymentDialog::updateAmountState);
    connect(m_ui->useAllButton, &QPushButton::clicked, this, [this] {
        if (const auto balance = availableBalance())
            m_ui->amountEdit->setValue(balance);
    });
    connect(m_ui->sourceCombo, &QComboBox::currentIndexChanged, this, &PaymentDialog::updateBalance);
    connect(m_ui->noteEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ui->noteCounter->setText(tr("%1/%2").arg(text.size()).arg(kNoteMax));
    });
    m_ui->noteEdit->setMaxLength(kNoteMax);

    // ---- review
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &PaymentDialog::tickCountdown);
    connect(m_ui->retryQuoteButton, &QPushButton::clicked, this, &PaymentDialog::requestQuote);

    // ---- authentication
    connect(m_ui->pinEntry, &PinEntry::changed, this, [this] {
        m_ui->pinMessage->clearMessage();
        updateButtons();
    });
    connect(m_ui->otpEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->otpMessage->clearMessage();
        updateButtons();
    });
    connect(m_ui->sendSmsButton, &QPushButton::clicked, this, &PaymentDialog::sendSms);
    m_resendTimer = new QTimer(this);
    m_resendTimer->setInterval(1000);
    connect(m_resendTimer, &QTimer::timeout, this, &PaymentDialog::tickResend);

    // ---- result
    connect(m_ui->viewReceiptButton, &QPushButton::clicked, this, [this] {
        if (m_result && m_result->payment)
            Q_EMIT receiptRequested(*m_result->payment);
    });
    connect(m_ui->changeSourceButton, &QPushButton::clicked, this, [this] {
        m_result.reset();
        m_submitted = false;
        setStep(Step::Amount);
    });

    // ---- buttons
    connect(m_ui->nextButton, &QPushButton::clicked, this, &PaymentDialog::next);
    connect(m_ui->backButton, &QPushButton::clicked, this, &PaymentDialog::back);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PaymentDialog::reject);

    // ---- services
    if (m_services.methods) {
        m_methods = m_services.methods->methods();
        connect(m_services.methods, &services::PaymentMethodService::methodsChanged, this,
                [this](const QList<gateway::PaymentMethod> &methods) {
                    m_methods = methods;
                    fillAccounts();
                    fillSources();
                });
        if (m_services.context && m_services.context->isSignedIn())
            m_services.methods->refresh();
    }
    if (m_services.wallet) {
        connect(m_services.wallet, &services::WalletService::walletChanged, this, [this] {
            updateBalance();
            fillSources();
            updateOtpPane();
        });
        if (m_services.context && m_services.context->isSignedIn())
            m_services.wallet->refresh();
    }
    if (m_services.payments) {
        connect(m_services.payments, &services::PaymentService::quoteStateChanged, this,
                &PaymentDialog::onQuoteState);
        connect(m_services.payments, &services::PaymentService::paymentStateChanged, this,
                &PaymentDialog::onPaymentState);
        connect(m_services.payments, &services::PaymentService::otpRequested, this,
                &PaymentDialog::onOtpRequested);
    }

    fillAccounts();
    fillSources();
    updateBalance();
    m_ui->noteCounter->setText(tr("%1/%2").arg(0).arg(kNoteMax));
    setStep(m_kind == QuoteKind::TopUp ? Step::Amount : Step::Payee);
    if (m_kind == QuoteKind::TopUp)
        enterAmountStep();
    retranslate();
}

PaymentDialog::~PaymentDialog()
{
    // The children outlive this part of the object (QWidget deletes them later): none of their signals
    // (a model emptied, a selection cleared) may reach a half-destroyed dialog.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    clearSecrets();
    // An action that never became a payment is of no further use; one in flight stays with the service.
    if (m_services.payments && m_actionId && !isPaymentInFlight())
        m_services.payments->forget(m_actionId);
}

PaymentDialog::Step PaymentDialog::step() const
{
    return static_cast<Step>(m_ui->stepStack->currentIndex());
}

bool PaymentDialog::isPaymentInFlight() const
{
    if (!m_services.payments || !m_actionId || !m_submitted)
        return false;
    const services::PaymentState state = m_services.payments->paymentState(m_actionId);
    return state.phase == PaymentPhase::Recording || state.phase == PaymentPhase::Sending ||
           state.phase == PaymentPhase::Unknown;
}

gateway::QuoteKind PaymentDialog::kindForLink(const core::PaymentLink &link)
{
    return link.phone.isEmpty() ? QuoteKind::Payment : QuoteKind::Transfer;
}

// ---- steps ---------------------------------------------------------------------------------------------

void PaymentDialog::setStep(Step step)
{
    const Step before = this->step();
    m_ui->stepStack->setCurrentIndex(static_cast<int>(step));
    if (before == Step::Authenticate && step != Step::Authenticate)
        clearSecrets();
    if (step == Step::Review || step == Step::Authenticate)
        m_countdown->start();
    else
        m_countdown->stop();
    if (step != Step::Review)
        m_requoteNotice.clear();
    retranslate();
    switch (step) {
    case Step::Payee:
        if (m_kind == QuoteKind::Payment)
            m_ui->merchantSearchEdit->setFocus();
        else if (m_kind == QuoteKind::Transfer)
            m_ui->phoneEdit->setFocus();
        else
            m_ui->accountCombo->setFocus();
        break;
    case Step::Amount:
        m_ui->amountEdit->setFocus();
        break;
    case Step::Authenticate:
        if (auto *first = m_ui->pinEntry->findChild<QLineEdit *>(QStringLiteral("pinBox0")))
            first->setFocus();
        break;
    default:
        m_ui->nextButton->setFocus();
        break;
    }
}

void PaymentDialog::next()
{
    if (!m_ui->nextButton->isEnabled() || !m_ui->nextButton->isVisible())
        return;
    switch (step()) {
    case Step::Payee:
        if (!payeeComplete()) {
            m_phoneField->reveal();
            return;
        }
        hideBanner();
        enterAmountStep();
        setStep(Step::Amount);
        break;
    case Step::Amount:
        if (!amountComplete())
            return;
        hideBanner();
        setStep(Step::Review);
        requestQuote();
        break;
    case Step::Review:
        if (m_quote && m_quote->canConfirm())
            enterAuthStep();
        break;
    case Step::Authenticate:
        confirm();
        break;
    case Step::Processing:
        break;
    case Step::Result:
        accept();
        break;
    }
}

void PaymentDialog::back()
{
    switch (step()) {
    case Step::Amount:
        if (m_kind != QuoteKind::TopUp)
            setStep(Step::Payee);
        break;
    case Step::Review:
        if (m_services.payments && m_actionId && !m_submitted)
            m_services.payments->forget(m_actionId);
        m_actionId = 0;
        m_quote.reset();
        setStep(Step::Amount);
        break;
    case Step::Authenticate:
        if (!m_submitted)
            setStep(Step::Review);
        break;
    default:
        break;
    }
}

void PaymentDialog::updateButtons()
{
    const Step current = step();
    bool backVisible = false;
    bool nextVisible = true;
    bool nextEnabled = false;
    QString nextText = tr("&Next");
    QString cancelText = tr("Cancel");
    switch (current) {
    case Step::Payee:
        nextEnabled = payeeComplete();
        break;
    case Step::Amount:
        backVisible = m_kind != QuoteKind::TopUp;
        nextEnabled = amountComplete();
        nextText = tr("&Review");
        break;
    case Step::Review:
        backVisible = true;
        nextEnabled = m_quote && m_quote->canConfirm() && !m_requoting;
        nextText = tr("&Confirm");
        break;
    case Step::Authenticate: {
        backVisible = !m_submitted;
        const bool otpOk = !m_quote || !m_quote->requiresOtp() || m_ui->otpEdit->text().trimmed().size() == 6;
        nextEnabled = !m_submitted && !m_requoting && m_quote && m_quote->canConfirm() &&
                      m_ui->pinEntry->isComplete() && otpOk;
        const QString total = m_quote ? m_quote->quote.debit.format(QLocale()) : QString();
        switch (m_kind) {
        case QuoteKind::Payment:
            nextText = tr("Pay %1").arg(total);
            break;
        case QuoteKind::Transfer:
            nextText = tr("Send %1").arg(total);
            break;
        case QuoteKind::TopUp:
            nextText = tr("Top up %1").arg(total);
            break;
        case QuoteKind::Withdrawal:
            nextText = tr("Withdraw %1").arg(total);
            break;
        }
        break;
    }
    case Step::Processing:
        nextVisible = false;
        cancelText = tr("Close");
        break;
    case Step::Result:
        nextEnabled = true;
        nextText = tr("Done");
        break;
    }
    m_ui->backButton->setVisible(backVisible);
    m_ui->nextButton->setVisible(nextVisible);
    m_ui->nextButton->setEnabled(nextEnabled);
    m_ui->nextButton->setText(nextText);
    m_ui->cancelButton->setText(cancelText);
    m_ui->cancelButton->setVisible(current != Step::Result);
}

void PaymentDialog::showBanner(const QString &text, bool error)
{
    m_ui->dialogBanner->setProperty("info", !error);
    m_ui->dialogBanner->style()->unpolish(m_ui->dialogBanner);
    m_ui->dialogBanner->style()->polish(m_ui->dialogBanner);
    m_ui->dialogBanner->setText(text);
    m_ui->dialogBanner->setVisible(!text.isEmpty());
}

void PaymentDialog::hideBanner()
{
    m_ui->dialogBanner->clear();
    m_ui->dialogBanner->hide();
}

void PaymentDialog::retranslate()
{
    setWindowTitle(PaymentLabels::kindTitle(m_kind));
    switch (m_kind) {
    case QuoteKind::Payment:
        m_ui->titleLabel->setText(tr("Pay a merchant"));
        break;
    case QuoteKind::Transfer:
        m_ui->titleLabel->setText(tr("Send money to a wallet"));
        break;
    case QuoteKind::TopUp:
        m_ui->titleLabel->setText(tr("Top up your balance"));
        break;
    case QuoteKind::Withdrawal:
        m_ui->titleLabel->setText(tr("Withdraw to your bank account"));
        break;
    }
    if (!m_linkName.isEmpty())
        m_ui->payeeNameLabel->setText(linkNameHint());
    const Step current = step();
    const bool topUp = m_kind == QuoteKind::TopUp;
    const int total = topUp ? 4 : 5;
    int number = 1;
    QString name;
    switch (current) {
    case Step::Payee:
        number = 1;
        name = m_kind == QuoteKind::Withdrawal ? tr("Bank account") : tr("Payee");
        break;
    case Step::Amount:
        number = topUp ? 1 : 2;
        name = tr("Amount");
        break;
    case Step::Review:
        number = topUp ? 2 : 3;
        name = tr("Review");
        break;
    case Step::Authenticate:
        number = topUp ? 3 : 4;
        name = tr("Confirm");
        break;
    case Step::Processing:
    case Step::Result:
        number = total;
        name = tr("Result");
        break;
    }
    //: Step indicator of the payment dialog, e.g. "Step 2 of 5 · Amount".
    m_ui->stepLabel->setText(tr("Step %1 of %2 · %3").arg(number).arg(total).arg(name));
    if (current == Step::Amount)
        enterAmountStep();
    if (current == Step::Review && m_quote)
        showQuote();
    if (current == Step::Authenticate)
        updateOtpPane();
    if (current == Step::Result && m_result)
        showResult(*m_result);
    updateButtons();
}

void PaymentDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (m_merchants)
            m_merchants->setLocale(QLocale());
        fillCategories();
        fillAccounts();
        fillSources();
        updateBalance();
        m_ui->noteCounter->setText(tr("%1/%2").arg(m_ui->noteEdit->text().size()).arg(kNoteMax));
        retranslate();
    }
}

// ---- closing -------------------------------------------------------------------------------------------

void PaymentDialog::closeEvent(QCloseEvent *event)
{
    clearSecrets();
    QDialog::closeEvent(event);
}

void PaymentDialog::reject()
{
    // Always allowed: a payment in flight belongs to PaymentService, which finishes it and the app's
    // notifier announces the result (the processing page says so).
    clearSecrets();
    QDialog::reject();
}

void PaymentDialog::clearSecrets()
{
    m_ui->pinEntry->clear();
    m_ui->otpEdit->clear();
}

// ---- links -----------------------------------------------------------------------------------------------

bool PaymentDialog::checkPasted(const QString &text)
{
    if (!text.trimmed().startsWith(QLatin1String("bankwallet:"), Qt::CaseInsensitive))
        return false;
    // Not from inside the line edit's own signal: prefill() rewrites the very field being edited.
    QTimer::singleShot(0, this, [this, text] {
        (void)prefillFromText(text);
        // A link that could not be used must not stay in the field as if it were a number or a search: the
        // banner says what was wrong with it.
        if (m_ui->phoneEdit->text() == text)
            m_ui->phoneEdit->clear();
        if (m_ui->merchantSearchEdit->text() == text)
            m_ui->merchantSearchEdit->clear();
    });
    return true;
}

bool PaymentDialog::prefillFromText(const QString &text)
{
    const auto parsed = core::parsePaymentLink(text);
    if (!parsed) {
        if (m_kind == QuoteKind::Payment && m_ui->merchantSearchEdit->text() == text)
            m_ui->merchantSearchEdit->clear();
        if (m_kind == QuoteKind::Transfer && m_ui->phoneEdit->text() == text)
            m_ui->phoneEdit->clear();
        showBanner(detail::joinSentences(tr("This payment link cannot be used."),
                                         core::paymentLinkMessage(parsed.error())));
        return false;
    }
    return prefill(parsed.value());
}

bool PaymentDialog::prefill(const core::PaymentLink &link)
{
    if (m_submitted || step() == Step::Processing || step() == Step::Result) {
        showBanner(tr("A payment is already under way in this window. Open a new one for this link."));
        return false;
    }
    if (!link.phone.isEmpty() && m_kind != QuoteKind::Transfer) {
        showBanner(tr("This link asks for a transfer to a BankWallet user. Use Transfer to send it."));
        return false;
    }
    if (!link.merchantId.isEmpty() && m_kind != QuoteKind::Payment) {
        showBanner(tr("This link asks for a payment to a merchant. Use Pay to pay it."));
        return false;
    }
    if (link.phone.isEmpty() && link.merchantId.isEmpty()) {
        showBanner(core::paymentLinkMessage(QStringLiteral("missing_payee")));
        return false;
    }
    core::Currency currency = cny();
    if (!link.merchantId.isEmpty()) {
        if (m_merchants->totalCount() == 0) {
            m_pendingLink = link; // applied once the directory has arrived
            showBanner(tr("Looking up the merchant of the payment link…"), false);
            return true;
        }
        m_ui->merchantSearchEdit->blockSignals(true);
        m_ui->merchantSearchEdit->clear();
        m_ui->merchantSearchEdit->blockSignals(false);
        m_merchants->setFilterText({});
        m_ui->categoryCombo->setCurrentIndex(0);
        m_merchants->setCategoryFilter({});
        int row = -1;
        for (int r = 0; r < m_merchants->rowCount(); ++r) {
            if (m_merchants->merchantAt(r).id == link.merchantId) {
                row = r;
                break;
            }
        }
        if (row < 0) {
            showBanner(
                tr("The merchant in this payment link is not one BankWallet knows. Check the link with "
                   "whoever gave it to you."));
            return false;
        }
        const gateway::Merchant merchant = m_merchants->merchantAt(row);
        if (link.amount && link.amount->currency() != merchant.currency) {
            showBanner(tr("The payment link asks for %1, but this merchant takes %2 only.")
                           .arg(link.amount->currency().code(), merchant.currency.code()));
            return false;
        }
        m_ui->merchantView->setCurrentIndex(m_merchants->index(row, 0));
        m_ui->merchantView->scrollTo(m_merchants->index(row, 0));
        m_merchant = merchant;
        currency = merchant.currency;
    } else {
        if (link.amount && link.amount->currency() != currency) {
            showBanner(tr("Transfers between wallets are in %1; the payment link asks for %2.")
                           .arg(currency.code(), link.amount->currency().code()));
            return false;
        }
        m_ui->phoneEdit->blockSignals(true);
        m_ui->phoneEdit->setText(link.phone);
        m_ui->phoneEdit->blockSignals(false);
        m_phoneField->revalidate();
        m_phoneField->reveal();
    }
    m_linkName = link.name;
    m_ui->payeeNameLabel->setVisible(!link.name.isEmpty());
    m_ui->payeeNameLabel->setText(linkNameHint());
    m_ui->amountEdit->setCurrency(currency);
    m_ui->amountEdit->setValue(link.amount);
    m_ui->noteEdit->setText(link.note.left(kNoteMax));
    hideBanner();
    if (payeeComplete()) {
        enterAmountStep();
        setStep(Step::Amount);
    } else {
        updateButtons();
    }
    return true;
}

void PaymentDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void PaymentDialog::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    QString text;
    if (data->hasUrls() && !data->urls().isEmpty())
        text = data->urls().constFirst().toString(QUrl::FullyEncoded);
    if (text.isEmpty())
        text = data->text().trimmed();
    event->acceptProposedAction();
    (void)prefillFromText(text);
}

// ---- payee -----------------------------------------------------------------------------------------------

void PaymentDialog::loadMerchants()
{
    if (!m_merchants || !m_services.wallet)
        return;
    m_ui->merchantStatusLabel->setText(tr("Loading merchants…"));
    QPointer<PaymentDialog> self(this);
    m_services.wallet->merchants({}, [self](services::ServiceResult<QList<gateway::Merchant>> merchants) {
        if (!self)
            return;
        if (!merchants) {
            const QString message = detail::joinSentences(
                merchants.error().userMessage(), tr("Close this window and open it again to retry."));
            self->m_ui->merchantStatusLabel->setText(message);
            if (self->m_pendingLink) {
                // The link waited for this directory: it cannot be opened now, and "looking up" must go.
                self->m_pendingLink.reset();
                self->showBanner(message);
            }
            return;
        }
        self->m_merchants->setMerchants(merchants.value());
        self->m_ui->merchantStatusLabel->clear();
        self->fillCategories();
        if (self->m_pendingLink) {
            const core::PaymentLink link = *self->m_pendingLink;
            self->m_pendingLink.reset();
            (void)self->prefill(link);
        }
    });
}

void PaymentDialog::fillCategories()
{
    if (!m_merchants)
        return;
    const QString current = m_ui->categoryCombo->currentData().toString();
    m_ui->categoryCombo->blockSignals(true);
    m_ui->categoryCombo->clear();
    m_ui->categoryCombo->addItem(tr("All categories"), QString());
    for (const QString &category : m_merchants->categories())
        m_ui->categoryCombo->addItem(models::ModelLabels::categoryName(category), category);
    m_ui->categoryCombo->setCurrentIndex(std::max(0, m_ui->categoryCombo->findData(current)));
    m_ui->categoryCombo->blockSignals(false);
}

void PaymentDialog::onMerchantSelected()
{
    if (!m_merchants)
        return;
    const QModelIndexList rows = m_ui->merchantView->selectionModel()->selectedRows();
    const QString before = m_merchant ? m_merchant->id : QString();
    if (!rows.isEmpty())
        m_merchant = m_merchants->merchantAt(rows.constFirst().row());
    else
        m_merchant.reset();
    if ((m_merchant ? m_merchant->id : QString()) != before)
        clearLinkName(); // the link's name was about the link's merchant only
    updateButtons();
}

void PaymentDialog::fillAccounts()
{
    const QString current = m_ui->accountCombo->currentData().toString();
    m_ui->accountCombo->blockSignals(true);
    m_ui->accountCombo->clear();
    models::PaymentMethodsModel labels;
    labels.setMethods(m_methods);
    for (int row = 0; row < labels.rowCount(); ++row) {
        if (m_methods.at(row).type != gateway::PaymentMethodType::BankAccount)
            continue;
        const QString text = labels.index(row, models::PaymentMethodsModel::MethodColumn).data().toString() +
                             QStringLiteral("  ") +
                             labels.index(row, models::PaymentMethodsModel::NumberColumn).data().toString();
        m_ui->accountCombo->addItem(text, m_methods.at(row).id);
        if (current.isEmpty() && m_methods.at(row).isDefault)
            m_ui->accountCombo->setCurrentIndex(m_ui->accountCombo->count() - 1);
    }
    if (!current.isEmpty())
        m_ui->accountCombo->setCurrentIndex(std::max(0, m_ui->accountCombo->findData(current)));
    m_ui->accountCombo->blockSignals(false);
    const bool none = m_ui->accountCombo->count() == 0;
    m_ui->accountCombo->setEnabled(!none);
    m_ui->accountEmptyLabel->setVisible(none);
    updateButtons();
}

bool PaymentDialog::payeeComplete() const
{
    switch (m_kind) {
    case QuoteKind::Payment:
        return m_merchant.has_value();
    case QuoteKind::Transfer:
        return m_phoneField && m_phoneField->isValid();
    case QuoteKind::Withdrawal:
        return !m_ui->accountCombo->currentData().toString().isEmpty();
    case QuoteKind::TopUp:
        return true;
    }
    return false;
}

QString PaymentDialog::linkNameHint() const
{
    return tr("The link names the payee “%1”. Check that this is who you mean to pay.").arg(m_linkName);
}

void PaymentDialog::clearLinkName()
{
    m_linkName.clear();
    m_ui->payeeNameLabel->clear();
    m_ui->payeeNameLabel->hide();
}

QString PaymentDialog::payeeDisplayName() const
{
    switch (m_kind) {
    case QuoteKind::Payment:
        return m_merchant
                   ? models::ModelLabels::localizedName(QLocale(), m_merchant->name, m_merchant->nameZh)
                   : QString();
    case QuoteKind::Transfer: {
        const auto phone = core::PhoneValidator::validate(m_ui->phoneEdit->text(), u"86");
        // The number only: a name from a link is unverified and shown as a hint on the payee steps only.
        return phone.ok() ? phone.value().e164() : m_ui->phoneEdit->text().trimmed();
    }
    case QuoteKind::Withdrawal:
        return m_ui->accountCombo->currentText();
    case QuoteKind::TopUp:
        return tr("your wallet balance");
    }
    return {};
}

// ---- amount ----------------------------------------------------------------------------------------------

void PaymentDialog::enterAmountStep()
{
    const core::Currency currency = m_merchant && m_kind == QuoteKind::Payment ? m_merchant->currency : cny();
    m_ui->amountEdit->setCurrency(currency);
    m_ui->currencyLabel->setText(QStringLiteral("%1 (%2)").arg(currency.code(), currency.symbol(QLocale())));
    switch (m_kind) {
    case QuoteKind::Payment: {
        QString text = tr("To %1").arg(payeeDisplayName());
        if (m_merchant) {
            const QString details = QStringLiteral("%1 · %2 · %3")
                                        .arg(models::ModelLabels::categoryName(m_merchant->category),
                                             m_merchant->country, m_merchant->currency.code());
            text += QStringLiteral("\n") + details;
            if (m_merchant->country != QLatin1String("CN"))
                text += QStringLiteral("\n") +
                        tr("This merchant is abroad: you pay in %1, converted from your CNY balance; the "
                           "review shows the rate and the fees.")
                            .arg(m_merchant->currency.code());
        }
        m_ui->payeeSummaryLabel->setText(text);
        m_ui->sourceLabel->setText(tr("Pay &from"));
        break;
    }
    case QuoteKind::Transfer: {
        QString text = tr("To %1").arg(payeeDisplayName());
        if (!m_linkName.isEmpty())
            text += QStringLiteral("\n") + linkNameHint();
        m_ui->payeeSummaryLabel->setText(text);
        m_ui->sourceLabel->setText(tr("Send &from"));
        break;
    }
    case QuoteKind::Withdrawal:
        m_ui->payeeSummaryLabel->setText(tr("To %1").arg(payeeDisplayName()));
        m_ui->sourceLabel->setText(tr("Withdraw &from"));
        m_ui->noteEdit->setPlaceholderText(tr("A reminder for yourself"));
        break;
    case QuoteKind::TopUp:
        m_ui->payeeSummaryLabel->setText(tr("Add money to your wallet balance"));
        m_ui->noteEdit->setPlaceholderText(tr("A reminder for yourself"));
        m_ui->sourceLabel->setText(tr("Top up &from"));
        break;
    }
    updateBalance();
    updateAmountState();
}

void PaymentDialog::fillSources()
{
    const QString current = m_ui->sourceCombo->currentData().toString();
    m_ui->sourceCombo->blockSignals(true);
    m_ui->sourceCombo->clear();
    const bool balanceAllowed = m_kind != QuoteKind::TopUp;
    const bool methodsAllowed = m_kind == QuoteKind::Payment || m_kind == QuoteKind::TopUp;
    if (balanceAllowed) {
        const auto balance = availableBalance();
        m_ui->sourceCombo->addItem(balance ? tr("Wallet balance (%1)").arg(balance->format(QLocale()))
                                           : tr("Wallet balance"),
                                   QStringLiteral("balance"));
    }
    QString preferred;
    if (methodsAllowed) {
        models::PaymentMethodsModel labels;
        labels.setMethods(m_methods);
        for (int row = 0; row < labels.rowCount(); ++row) {
            const gateway::PaymentMethod &method = m_methods.at(row);
            // Payments take a card; a top-up takes a card or a bank account. Expired cards cannot pay.
            if (m_kind == QuoteKind::Payment && method.type != gateway::PaymentMethodType::Card)
                continue;
            if (labels.index(row, 0).data(models::PaymentMethodsModel::IsExpiredRole).toBool())
                continue;
            const QString text =
                labels.index(row, models::PaymentMethodsModel::MethodColumn).data().toString() +
                QStringLiteral("  ") +
                labels.index(row, models::PaymentMethodsModel::NumberColumn).data().toString();
            m_ui->sourceCombo->addItem(text, method.id);
            if (method.isDefault)
                preferred = method.id;
        }
    }
    const QString wanted = !current.isEmpty() ? current : preferred;
    const int index = m_ui->sourceCombo->findData(wanted);
    m_ui->sourceCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_ui->sourceCombo->setEnabled(m_ui->sourceCombo->count() > 1);
    m_ui->sourceCombo->blockSignals(false);
    if (m_kind == QuoteKind::TopUp && m_ui->sourceCombo->count() == 0)
        m_ui->sourceHint->setText(
            tr("You have no linked card or bank account yet. Link one on the Payment methods page first."));
    else if (m_kind == QuoteKind::TopUp)
        m_ui->sourceHint->setText(
            tr("Top-ups from a debit card or bank account are free; from a credit card the bank charges a "
               "fee, shown before you confirm."));
    else if (m_kind == QuoteKind::Payment)
        m_ui->sourceHint->setText(tr("Pay from your balance or charge a linked card."));
    else
        m_ui->sourceHint->setText(tr("Transfers and withdrawals are paid from your wallet balance."));
    updateBalance();
}

std::optional<core::Money> PaymentDialog::availableBalance() const
{
    if (!m_services.wallet)
        return std::nullopt;
    const auto wallet = m_services.wallet->wallet();
    if (!wallet)
        return std::nullopt;
    for (const gateway::Balance &balance : wallet->balances) {
        if (balance.currency == cny())
            return balance.available;
    }
    return std::nullopt;
}

void PaymentDialog::updateBalance()
{
    const auto balance = availableBalance();
    const bool fromBalance = m_ui->sourceCombo->currentData().toString() == QLatin1String("balance");
    const bool sameCurrency = m_ui->amountEdit->currency() == cny();
    if (balance)
        m_ui->balanceLabel->setText(tr("Available balance: %1").arg(balance->format(QLocale())));
    else
        m_ui->balanceLabel->setText(tr("Checking your balance…"));
    // Not for a withdrawal: its fee comes on top of the amount, so the whole balance can never be withdrawn.
    m_ui->useAllButton->setVisible(fromBalance && sameCurrency && m_kind != QuoteKind::TopUp &&
                                   m_kind != QuoteKind::Withdrawal);
    m_ui->useAllButton->setEnabled(balance && balance->isPositive());
    m_ui->amountEdit->setMaximum(fromBalance && sameCurrency ? balance : std::nullopt);
    updateAmountState();
}

void PaymentDialog::updateAmountState()
{
    m_ui->amountMessage->showMessage(m_ui->amountEdit->problem());
    updateButtons();
}

bool PaymentDialog::amountComplete() const
{
    return m_ui->amountEdit->isAcceptable() && !m_ui->sourceCombo->currentData().toString().isEmpty() &&
           payeeComplete();
}

services::PaymentDraft PaymentDialog::draft() const
{
    services::PaymentDraft draft;
    draft.kind = m_kind;
    draft.amount = m_ui->amountEdit->value().value_or(core::Money());
    draft.source = m_ui->sourceCombo->currentData().toString();
    draft.note = m_ui->noteEdit->text().trimmed();
    switch (m_kind) {
    case QuoteKind::Payment:
        draft.merchantId = m_merchant ? m_merchant->id : QString();
        break;
    case QuoteKind::Transfer: {
        const auto phone = core::PhoneValidator::validate(m_ui->phoneEdit->text(), u"86");
        draft.phone = phone.ok() ? phone.value().e164() : m_ui->phoneEdit->text().trimmed();
        break;
    }
    case QuoteKind::Withdrawal:
        draft.paymentMethodId = m_ui->accountCombo->currentData().toString();
        break;
    case QuoteKind::TopUp:
        break;
    }
    return draft;
}

// ---- review ----------------------------------------------------------------------------------------------

void PaymentDialog::requestQuote()
{
    if (!m_services.payments)
        return;
    if (m_actionId && !m_submitted)
        m_services.payments->forget(m_actionId);
    if (!m_requoting)
        m_quote.reset();
    m_actionId = m_services.payments->requestQuote(draft());
    m_ui->retryQuoteButton->hide();
    if (!m_requoting) {
        clearForm(m_ui->reviewForm);
        m_ui->reviewCard->hide();
        m_ui->blockersLabel->hide();
        m_ui->secondFactorLabel->hide();
        m_ui->quoteCountdownLabel->clear();
        m_ui->reviewBusyLabel->setText(tr("Asking the bank for a price…"));
        m_ui->reviewBusyLabel->show();
    } else {
        m_ui->quoteCountdownLabel->setText(tr("The price expired. Getting a new one…"));
    }
    updateButtons();
}

void PaymentDialog::onQuoteState(services::PaymentActionId id, const services::QuoteState &state)
{
    if (id != m_actionId)
        return;
    switch (state.status) {
    case QuoteState::Status::Requesting:
        return;
    case QuoteState::Status::Ready: {
        const bool wasRequoting = m_requoting;
        const std::optional<QuoteState> before = m_quote;
        m_requoting = false;
        m_quote = state;
        // The bank's expiry, kept within 5..60 s from now: a clock far behind or ahead of the bank's must
        // neither re-quote at once nor show more than a quote's life (an answer of quote_expired re-quotes).
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        m_quoteDeadlineMs = nowMs + std::clamp<qint64>(state.quote.expiresAt.toMSecsSinceEpoch() - nowMs,
                                                       5'000, kQuoteLifeMs);
        if (wasRequoting && step() == Step::Authenticate && before) {
            const bool changed = before->quote.debit != state.quote.debit ||
                                 before->requiresOtp() != state.requiresOtp() || !state.canConfirm();
            if (changed) {
                m_requoteNotice =
                    tr("The price was renewed and has changed. Check it again before you confirm.");
                setStep(Step::Review);
            } else if (m_smsSent) {
                // An SMS code belongs to the quote it was sent for.
                m_smsSent = false;
                m_resendSecs = 0;
                m_resendTimer->stop();
                m_ui->otpEdit->clear();
                m_ui->otpMessage->showMessage(tr(
                    "The price was renewed, so the code sent earlier no longer applies. Send a new code."));
            }
        } else if (wasRequoting && step() == Step::Review) {
            m_requoteNotice = tr("The earlier price expired; this is the bank's new price.");
        }
        if (step() == Step::Review)
            showQuote();
        updateOtpPane();
        updateButtons();
        break;
    }
    case QuoteState::Status::Failed:
        m_requoting = false;
        m_quote.reset();
        if (step() == Step::Authenticate)
            setStep(Step::Review);
        clearForm(m_ui->reviewForm);
        m_ui->reviewCard->hide();
        m_ui->reviewBusyLabel->hide();
        m_ui->secondFactorLabel->hide();
        m_ui->quoteCountdownLabel->clear();
        m_ui->blockersLabel->setText(detail::joinSentences(
            state.error.userMessage(), tr("Go back to change the details, or try again.")));
        m_ui->blockersLabel->show();
        m_ui->retryQuoteButton->show();
        updateButtons();
        break;
    case QuoteState::Status::Expired:
        if (!m_submitted && (step() == Step::Review || step() == Step::Authenticate)) {
            m_requoting = true;
            requestQuote();
        }
        break;
    }
}

void PaymentDialog::addReviewRow(const QString &name, const QString &label, const QString &value, bool strong)
{
    auto *caption = new QLabel(label, m_ui->reviewCard);
    caption->setObjectName(name + QStringLiteral("Caption"));
    auto *text = new QLabel(value, m_ui->reviewCard);
    text->setObjectName(name);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (strong) {
        caption->setFont(style::scaled(caption->font(), 1.1, true));
        text->setFont(style::scaled(text->font(), 1.2, true));
    }
    m_ui->reviewForm->addRow(caption, text);
}

void PaymentDialog::showQuote()
{
    if (!m_quote)
        return;
    const QLocale locale;
    const gateway::Quote &quote = m_quote->quote;
    m_ui->reviewBusyLabel->setVisible(!m_requoteNotice.isEmpty());
    m_ui->reviewBusyLabel->setText(m_requoteNotice);
    clearForm(m_ui->reviewForm);
    m_ui->reviewCard->show();
    switch (m_kind) {
    case QuoteKind::Payment:
    case QuoteKind::Transfer:
    case QuoteKind::Withdrawal:
        addReviewRow(QStringLiteral("reviewPayeeValue"), tr("To"), payeeDisplayName());
        addReviewRow(QStringLiteral("reviewSourceValue"), tr("From"), m_ui->sourceCombo->currentText());
        break;
    case QuoteKind::TopUp:
        addReviewRow(QStringLiteral("reviewSourceValue"), tr("From"), m_ui->sourceCombo->currentText());
        addReviewRow(QStringLiteral("reviewPayeeValue"), tr("To"), tr("Your wallet balance"));
        break;
    }
    addReviewRow(QStringLiteral("reviewAmountValue"),
                 m_kind == QuoteKind::TopUp ? tr("Amount added") : tr("Payee receives"),
                 quote.credit.format(locale));
    if (quote.fxRate) {
        addReviewRow(QStringLiteral("reviewFxRateValue"), tr("Exchange rate (mid-market)"),
                     PaymentLabels::fxRateText(*quote.fxRate, quote.credit.currency(), locale));
        if (quote.principal)
            addReviewRow(QStringLiteral("reviewConvertedValue"), tr("Converted amount"),
                         quote.principal->format(locale));
    }
    if (quote.fees.isEmpty()) {
        addReviewRow(QStringLiteral("reviewFeesValue"), tr("Fees"), tr("None"));
    } else {
        for (const gateway::FeeLine &fee : quote.fees)
            addReviewRow(QStringLiteral("reviewFeeValue_") + fee.kind, PaymentLabels::feeKindName(fee.kind),
                         fee.amount.format(locale));
    }
    addReviewRow(QStringLiteral("reviewTotalValue"), tr("Total debited"), quote.debit.format(locale), true);
    if (isSpending(m_kind)) {
        addReviewRow(QStringLiteral("reviewRemainingValue"), tr("Daily limit left"),
                     quote.limits.remainingToday ? quote.limits.remainingToday->format(locale)
                                                 : tr("No daily limit"));
    }
    const QString note = m_ui->noteEdit->text().trimmed();
    if (!note.isEmpty())
        addReviewRow(QStringLiteral("reviewNoteValue"), tr("Note"), note);

    if (!m_quote->blockers.isEmpty()) {
        QStringList lines;
        for (const QString &blocker : m_quote->blockers)
            lines << QStringLiteral("• ") + blocker;
        m_ui->blockersLabel->setText(tr("This payment cannot go ahead:") + QLatin1Char('\n') +
                                     lines.join(QLatin1Char('\n')));
        m_ui->blockersLabel->show();
        m_ui->secondFactorLabel->hide();
    } else {
        m_ui->blockersLabel->hide();
        m_ui->secondFactorLabel->setText(secondFactorReason());
        m_ui->secondFactorLabel->show();
    }
    tickCountdown();
}

QString PaymentDialog::secondFactorReason() const
{
    if (!m_quote)
        return {};
    const QLocale locale;
    const gateway::Quote &quote = m_quote->quote;
    const core::Money threshold(kOtpAboveMinorCny, cny());
    std::optional<core::Money> principal = quote.principal;
    if (!principal && quote.credit.currency() == cny())
        principal = quote.credit;
    const auto order = principal ? principal->compare(threshold) : std::nullopt;
    const bool large = order && *order == std::strong_ordering::greater;
    const bool crossBorder = quote.fxRate.has_value();
    if (!m_quote->requiresOtp()) {
        if (isSpending(m_kind))
            return tr("Only your payment PIN is needed: the amount is %1 or less, the payee is in China and "
                      "you have paid them before.")
                .arg(threshold.format(locale));
        return tr("Only your payment PIN is needed.");
    }
    QStringList reasons;
    if (large)
        reasons << tr("the amount is over %1").arg(threshold.format(locale));
    if (crossBorder)
        reasons << tr("it is a cross-border payment");
    if ((!large && !crossBorder) || (isSpending(m_kind) && reasons.isEmpty()))
        reasons << (isSpending(m_kind) ? tr("it is your first payment to this payee")
                                       : tr("the bank asks for it on this payment"));
    QStringList bullets;
    for (const QString &reason : reasons)
        bullets << QStringLiteral("• ") + reason;
    return tr("For your safety the bank asks for a verification code as well as your PIN, because:") +
           QLatin1Char('\n') + bullets.join(QLatin1Char('\n'));
}

void PaymentDialog::tickCountdown()
{
    if (!m_quote || m_submitted || m_requoting)
        return;
    const qint64 remainingMs = m_quoteDeadlineMs - QDateTime::currentMSecsSinceEpoch();
    if (remainingMs <= 0) {
        // Automatic re-quote: the person keeps their place (review or PIN); a changed price sends them back
        // to the review.
        m_requoting = true;
        requestQuote();
        return;
    }
    m_ui->quoteCountdownLabel->setText(
        tr("The bank holds this price for %1. After that BankWallet asks for a new one.")
            .arg(minutesSeconds((remainingMs + 999) / 1000)));
}

// ---- authentication --------------------------------------------------------------------------------------

void PaymentDialog::enterAuthStep()
{
    m_ui->pinMessage->clearMessage();
    m_ui->otpMessage->clearMessage();
    m_ui->pinEntry->setError(false);
    setStep(Step::Authenticate);
}

void PaymentDialog::updateOtpPane()
{
    if (!m_quote)
        return;
    const QLocale locale;
    const gateway::Quote &quote = m_quote->quote;
    const QString payee = payeeDisplayName();
    QString summary;
    switch (m_kind) {
    case QuoteKind::Payment:
        summary = tr("Pay %1 to %2.").arg(quote.credit.format(locale), payee);
        break;
    case QuoteKind::Transfer:
        summary = tr("Send %1 to %2.").arg(quote.credit.format(locale), payee);
        break;
    case QuoteKind::TopUp:
        summary = tr("Add %1 to your balance from %2.")
                      .arg(quote.credit.format(locale), m_ui->sourceCombo->currentText());
        break;
    case QuoteKind::Withdrawal:
        summary = tr("Withdraw %1 to %2.").arg(quote.credit.format(locale), payee);
        break;
    }
    m_ui->authSummaryLabel->setText(
        detail::joinSentences(summary, tr("Total debited: %1.").arg(quote.debit.format(locale))));

    const bool otp = m_quote->requiresOtp();
    m_ui->otpPane->setVisible(otp);
    const auto wallet = m_services.wallet ? m_services.wallet->wallet() : std::nullopt;
    const bool totp = wallet && wallet->totpEnabled;
    m_ui->sendSmsButton->setVisible(otp && !totp);
    if (totp) {
        m_ui->otpPrompt->setText(tr("Enter the 6-digit code from your authenticator app."));
    } else {
        const QString phone = wallet ? wallet->phoneMasked : QString();
        m_ui->otpPrompt->setText(
            phone.isEmpty()
                ? tr("Press “Send SMS code” and enter the 6-digit code the bank texts to your phone.")
                : tr("Press “Send SMS code” and enter the 6-digit code the bank texts to %1.").arg(phone));
    }
    tickResend();
}

void PaymentDialog::sendSms()
{
    if (!m_services.payments || !m_actionId)
        return;
    if (m_services.payments->requestOtpSms(m_actionId)) {
        m_ui->sendSmsButton->setEnabled(false);
        m_ui->sendSmsButton->setText(tr("Sending…"));
    }
}

void PaymentDialog::onOtpRequested(services::PaymentActionId id, const gateway::GatewayError &error)
{
    if (id != m_actionId)
        return;
    if (error.isError()) {
        m_ui->otpMessage->showMessage(error.userMessage());
        m_resendSecs = error.retryAfterSecs.value_or(0);
    } else {
        m_smsSent = true;
        m_resendSecs = kSmsResendSecs;
        m_ui->otpMessage->clearMessage();
        m_ui->otpEdit->setFocus();
    }
    if (m_resendSecs > 0)
        m_resendTimer->start();
    tickResend();
}

void PaymentDialog::tickResend()
{
    if (m_resendSecs > 0 && m_resendTimer->isActive() && sender() == m_resendTimer)
        --m_resendSecs;
    if (m_resendSecs <= 0) {
        m_resendTimer->stop();
        m_ui->sendSmsButton->setEnabled(true);
        m_ui->sendSmsButton->setText(m_smsSent ? tr("Send a new code") : tr("Send SMS code"));
    } else {
        m_ui->sendSmsButton->setEnabled(false);
        m_ui->sendSmsButton->setText(tr("Send again in %1 s").arg(m_resendSecs));
    }
}

void PaymentDialog::confirm()
{
    if (m_submitted || !m_services.payments || !m_quote || !m_quote->canConfirm())
        return;
    QString pin = m_ui->pinEntry->pin();
    QString otp = m_quote->requiresOtp() ? m_ui->otpEdit->text().trimmed() : QString();
    const bool started = m_services.payments->confirm(m_actionId, pin, otp);
    pin.fill(QLatin1Char('0'));
    otp.fill(QLatin1Char('0'));
    clearSecrets(); // the service keeps its own wiped-after-use copies
    if (!started) {
        m_ui->pinMessage->showMessage(
            tr("The payment could not be started. Go back and check the price again."));
        return;
    }
    m_submitted = true; // Confirm stays disabled: one press, one payment
    m_ui->processingLabel->setText(tr("Sending the payment to the bank…"));
    setStep(Step::Processing);
}

void PaymentDialog::onPaymentState(services::PaymentActionId id, const services::PaymentState &state)
{
    if (id != m_actionId || !m_submitted)
        return;
    switch (state.phase) {
    case PaymentPhase::Idle:
        return;
    case PaymentPhase::Recording:
    case PaymentPhase::Sending:
    case PaymentPhase::Unknown:
        m_ui->processingLabel->setText(state.userMessage());
        if (step() != Step::Processing)
            setStep(Step::Processing);
        return;
    case PaymentPhase::Failed:
        if (state.error.is(u"quote_expired")) {
            m_submitted = false;
            m_requoteNotice =
                tr("The price expired before the bank received the payment, so nothing was paid. "
                   "Check the new price and confirm again.");
            m_requoting = false;
            setStep(Step::Review);
            requestQuote();
            m_ui->reviewBusyLabel->setText(m_requoteNotice);
            return;
        }
        if (state.mayRetry) {
            m_submitted = false;
            setStep(Step::Authenticate);
            const QString code = state.error.code;
            if (code.startsWith(QLatin1String("otp_"))) {
                m_ui->otpMessage->showMessage(state.userMessage());
                m_ui->otpEdit->setFocus();
            } else {
                m_ui->pinEntry->setError(true);
                m_ui->pinMessage->showMessage(state.userMessage());
            }
            updateButtons();
            return;
        }
        break;
    default:
        break;
    }
    m_result = state;
    setStep(Step::Result);
    Q_EMIT paymentFinished(state);
}

void PaymentDialog::addResultRow(const QString &name, const QString &label, const QString &value)
{
    auto *caption = new QLabel(label, m_ui->resultCard);
    caption->setObjectName(name + QStringLiteral("Caption"));
    auto *text = new QLabel(value, m_ui->resultCard);
    text->setObjectName(name);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui->resultForm->addRow(caption, text);
}

void PaymentDialog::showResult(const services::PaymentState &state)
{
    const QLocale locale;
    clearForm(m_ui->resultForm);
    QString title;
    QString next;
    QString outcome = QStringLiteral("bad");
    bool editable = false;
    const QString code = state.error.code;
    switch (state.phase) {
    case PaymentPhase::Succeeded:
        title = state.userMessage();
        outcome = QStringLiteral("good");
        next = tr("The receipt is in your history. You can open it now or later.");
        break;
    case PaymentPhase::Processing:
        title = tr("Processing");
        outcome = QStringLiteral("wait");
        next = tr("You will be notified when the bank has finished. You can close this window.");
        break;
    case PaymentPhase::PendingReview:
        title = tr("Held for review");
        outcome = QStringLiteral("wait");
        next =
            tr("You will be notified of the bank's decision. If it rejects the payment, the reserved money "
               "goes back to your balance.");
        break;
    case PaymentPhase::Rejected:
        title = tr("Payment rejected");
        next = tr("Nothing was paid. If you think this is a mistake, contact your bank.");
        break;
    case PaymentPhase::Declined:
        title = tr("Payment declined");
        next = tr("Nothing was charged. Choose another card, or pay from your wallet balance.");
        editable = true;
        break;
    case PaymentPhase::Abandoned:
        title = tr("Not sent");
        editable = true;
        break;
    case PaymentPhase::Unknown:
        title = tr("Still checking");
        outcome = QStringLiteral("wait");
        next = tr("You will be notified as soon as the bank confirms. The payment is never made twice.");
        break;
    default:
        if (code == QLatin1String("pin_locked")) {
            title = tr("Payments are frozen");
            next = tr("To unfreeze payments, change your payment PIN on the Security page (you will need a "
                      "verification code).");
        } else if (code == QLatin1String("limit_exceeded")) {
            title = tr("Limit reached");
            next =
                tr("Try a smaller amount, or wait until your daily limit renews. Verifying your identity or "
                   "linking a debit card raises your limits.");
            editable = true;
        } else if (code == QLatin1String("balance_insufficient")) {
            title = tr("Not enough money");
            next = tr("Top up your balance, or pay with a card.");
            editable = true;
        } else {
            title = tr("The payment was not made");
            next = tr("Nothing was charged. Check the details and try again.");
            editable = true;
        }
        break;
    }
    m_ui->resultTitle->setText(title);
    m_ui->resultTitle->setProperty("outcome", outcome);
    m_ui->resultTitle->style()->unpolish(m_ui->resultTitle);
    m_ui->resultTitle->style()->polish(m_ui->resultTitle);
    const QString message = state.userMessage();
    m_ui->resultMessage->setText(message == title ? QString() : message);
    m_ui->resultMessage->setVisible(message != title && !message.isEmpty());
    m_ui->resultNextLabel->setText(next);
    m_ui->resultNextLabel->setVisible(!next.isEmpty());
    if (state.payment) {
        const gateway::Payment &payment = *state.payment;
        if (!payment.receiptNo.isEmpty())
            addResultRow(QStringLiteral("resultReceiptValue"), tr("Receipt number"), payment.receiptNo);
        if (!payment.counterparty.name.isEmpty())
            addResultRow(QStringLiteral("resultPayeeValue"), tr("To"), payment.counterparty.name);
        addResultRow(QStringLiteral("resultAmountValue"),
                     m_kind == QuoteKind::TopUp ? tr("Amount added") : tr("Payee receives"),
                     payment.credit.format(locale));
        addResultRow(QStringLiteral("resultTotalValue"), tr("Total debited"), payment.debit.format(locale));
        if (payment.createdAt.isValid())
            addResultRow(QStringLiteral("resultTimeValue"), tr("Time"),
                         locale.toString(payment.createdAt.toLocalTime(), QLocale::ShortFormat));
    }
    m_ui->resultCard->setVisible(m_ui->resultForm->rowCount() > 0);
    m_ui->viewReceiptButton->setVisible(state.payment.has_value() && state.phase == PaymentPhase::Succeeded);
    m_ui->changeSourceButton->setVisible(editable);
    m_ui->changeSourceButton->setText(state.phase == PaymentPhase::Declined ? tr("Choose another &source")
                                                                            : tr("&Edit and try again"));
}

} // namespace bw::ui
