#include "ui/receipts/receipt_dialog.h"

#include "models/model_labels.h"
#include "services/onboarding_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "services/wallet_service.h"
#include "ui/receipts/receipt_pdf.h"
#include "ui/sentences.h"
#include "ui/widgets/style.h"
#include "ui_receipt_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

const QString kStyle =
    QStringLiteral("QFrame#receiptHeader { border-radius: 10px;"
                   " background: qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #0b4f8a, stop:1 #1670b8); }"
                   "QFrame#receiptHeader QLabel { color: white; }"
                   "QLabel#receiptBankLabel { color: #cfe0f1; }"
                   "QLabel#receiptStatusLabel { border-radius: 9px; padding: 2px 10px; font-weight: 600; }"
                   "QLabel[receiptSection=\"true\"] { color: #0b4f8a; font-weight: 600; padding-top: 8px; }"
                   "QLabel[receiptCaption=\"true\"] { color: palette(placeholder-text); }"
                   "QFrame[receiptRule=\"true\"] { color: #d9e0e8; }") +
    style::errorFrameRules("receiptErrorBanner");

// The status pill's colours: green done, amber waiting, red refused.
QString statusStyle(gateway::PaymentStatus status)
{
    switch (status) {
    case gateway::PaymentStatus::Succeeded:
        return QStringLiteral("QLabel#receiptStatusLabel { background: #e3f4e8; color: #1b7f3b; }");
    case gateway::PaymentStatus::Processing:
    case gateway::PaymentStatus::PendingReview:
        return QStringLiteral("QLabel#receiptStatusLabel { background: #fff4d6; color: #6b4700; }");
    case gateway::PaymentStatus::Rejected:
        return QStringLiteral("QLabel#receiptStatusLabel { background: #fdecea; color: #8a1c12; }");
    }
    return {};
}

QString objectNameFor(const QString &key)
{
    QString name = key;
    name.replace(QLatin1Char('.'), QLatin1Char('_'));
    return QStringLiteral("receiptValue_") + name;
}

} // namespace

ReceiptDialog::ReceiptDialog(const ScreenServices &services, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReceiptDialog>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("receiptDialog"));
    setStyleSheet(kStyle);
    m_ui->receiptTitleLabel->setFont(style::scaled(m_ui->receiptTitleLabel->font(), 1.5, true));
    m_ui->receiptAmountLabel->setFont(style::scaled(m_ui->receiptAmountLabel->font(), 1.7, true));
    style::muted(m_ui->receiptBusyLabel);
    m_ui->receiptSavedLabel->setStyleSheet(QStringLiteral("color: #1b7f3b;"));
    m_ui->receiptSavedLabel->hide();
    m_ui->receiptAmountLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resize(620, 720); // the whole receipt of a domestic payment without scrolling, on a 1280×800 screen

    connect(m_ui->receiptRetryButton, &QPushButton::clicked, this, &ReceiptDialog::load);
    connect(m_ui->savePdfButton, &QPushButton::clicked, this, &ReceiptDialog::askPdfPath);
    connect(m_ui->copyReceiptNoButton, &QPushButton::clicked, this, &ReceiptDialog::copyReceiptNumber);
    if (m_services.context) {
        // Nothing of the wallet stays on screen once it is locked or signed out.
        connect(m_services.context, &services::ServiceContext::locked, this, &QDialog::reject);
        connect(m_services.context, &services::ServiceContext::signedOut, this, &QDialog::reject);
    }
    retranslate();
    showBusy();
    lookUpBank();
}

ReceiptDialog::~ReceiptDialog() = default;

void ReceiptDialog::showPayment(const gateway::Payment &payment)
{
    ++m_loadSerial; // an answer still on its way for an earlier showTransaction() is dropped
    m_paymentId = payment.id;
    m_receipt = Receipt{payment, {}};
    render();
}

void ReceiptDialog::showTransaction(const QString &paymentId)
{
    m_paymentId = paymentId;
    load();
}

void ReceiptDialog::load()
{
    m_receipt.reset();
    showBusy();
    if (!m_services.payments) {
        showError(services::ServiceError::state(QStringLiteral("no_payment_service"),
                                                tr("Receipts cannot be loaded right now.")));
        return;
    }
    const quint64 serial = ++m_loadSerial;
    QPointer<ReceiptDialog> self(this);
    m_services.payments->loadPayment(m_paymentId,
                                     [self, serial](services::ServiceResult<gateway::Payment> payment) {
                                         if (!self || serial != self->m_loadSerial)
                                             return;
                                         if (!payment) {
                                             self->showError(payment.error());
                                             return;
                                         }
                                         self->m_receipt = Receipt{payment.value(), {}};
                                         self->render();
                                     });
}

void ReceiptDialog::showBusy()
{
    m_ui->receiptStack->setCurrentWidget(m_ui->receiptBusyPage);
    m_ui->savePdfButton->setEnabled(false);
    m_ui->copyReceiptNoButton->setEnabled(false);
    m_ui->receiptSavedLabel->hide();
}

void ReceiptDialog::showError(const services::ServiceError &error)
{
    m_ui->receiptErrorLabel->setText(detail::joinSentences(
        detail::joinSentences(tr("The receipt could not be loaded."), error.userMessage()),
        tr("Check your connection, then try again.")));
    m_ui->receiptStack->setCurrentWidget(m_ui->receiptErrorPage);
    m_ui->savePdfButton->setEnabled(false);
    m_ui->copyReceiptNoButton->setEnabled(false);
    m_ui->receiptRetryButton->setFocus();
}

void ReceiptDialog::lookUpBank()
{
    if (!m_services.onboarding || !m_services.wallet)
        return;
    const QString bankId = m_services.onboarding->state().bankId;
    if (bankId.isEmpty())
        return;
    QPointer<ReceiptDialog> self(this);
    m_services.wallet->banks([self, bankId](services::ServiceResult<QList<gateway::Bank>> banks) {
        if (!self || !banks)
            return; // the receipt keeps the product's name
        for (const gateway::Bank &bank : banks.value()) {
            if (bank.id == bankId) {
                self->m_bank = bank;
                if (self->m_receipt)
                    self->render();
                return;
            }
        }
    });
}

void ReceiptDialog::render()
{
    if (!m_receipt)
        return;
    const QLocale locale;
    m_receipt->bankName = m_bank ? models::ModelLabels::localizedName(locale, m_bank->name, m_bank->nameZh)
                                 : ReceiptText::fallbackBankName();
    const gateway::Payment &p = m_receipt->payment;

    m_ui->receiptBankLabel->setText(m_receipt->bankName);
    m_ui->receiptTitleLabel->setText(ReceiptText::title(p));
    m_ui->receiptAmountLabel->setText(
        ReceiptText::money(p.kind == QLatin1String("incoming") ? p.credit : p.debit, locale));
    m_ui->receiptStatusLabel->setText(ReceiptText::statusName(p));
    m_ui->receiptStatusLabel->setStyleSheet(statusStyle(p.status));
    m_ui->receiptStatusMeaningLabel->setText(ReceiptText::statusMeaning(p));

    // A new page of fields each time (a new receipt, another language): the scroll area deletes the old one
    // and shows the new one from the top.
    auto *host = new QWidget;
    host->setObjectName(QStringLiteral("receiptFields"));
    auto *fieldsLayout = new QVBoxLayout(host);
    fieldsLayout->setSpacing(6);
    fieldsLayout->setContentsMargins(2, 0, 8, 0);
    for (const ReceiptSection &section : ReceiptText::sections(*m_receipt, locale)) {
        auto *title = new QLabel(section.title, host);
        title->setObjectName(QStringLiteral("receiptSection_") + section.key);
        title->setProperty("receiptSection", true);
        fieldsLayout->addWidget(title);
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(16);
        grid->setVerticalSpacing(6);
        grid->setColumnStretch(1, 1);
        grid->setColumnMinimumWidth(0, 150);
        int row = 0;
        for (const ReceiptField &field : section.fields) {
            auto *caption = new QLabel(field.label, host);
            caption->setProperty("receiptCaption", true);
            caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            auto *value = new QLabel(field.value, host);
            value->setObjectName(objectNameFor(field.key));
            value->setWordWrap(true);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
            value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            value->setAccessibleName(field.label);
            caption->setBuddy(value);
            if (field.key == QLatin1String("debit") || field.key == QLatin1String("credit"))
                value->setFont(style::scaled(value->font(), 1.0, true));
            grid->addWidget(caption, row, 0);
            grid->addWidget(value, row, 1);
            ++row;
        }
        fieldsLayout->addLayout(grid);
    }
    fieldsLayout->addStretch(1);
    m_ui->receiptScroll->setWidget(host);

    m_ui->receiptStack->setCurrentWidget(m_ui->receiptContentPage);
    m_ui->savePdfButton->setEnabled(true);
    m_ui->copyReceiptNoButton->setEnabled(!p.receiptNo.isEmpty());
    setWindowTitle(tr("Receipt %1").arg(p.receiptNo.isEmpty() ? p.id : p.receiptNo));
}

QString ReceiptDialog::defaultPdfPath() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QDir(folder).filePath(m_receipt ? ReceiptText::defaultFileName(*m_receipt)
                                           : QStringLiteral("receipt.pdf"));
}

void ReceiptDialog::askPdfPath()
{
    if (!m_receipt)
        return;
    if (m_fileDialog) {
        m_fileDialog->raise();
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Save receipt as PDF"));
    dialog->setObjectName(QStringLiteral("receiptSaveDialog"));
    // Qt's own dialog: the same on every desktop, and reachable by tests through its object name.
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("PDF documents (*.pdf)"));
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    const QString path = defaultPdfPath();
    dialog->setDirectory(QFileInfo(path).absolutePath());
    dialog->selectFile(QFileInfo(path).fileName());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_fileDialog = dialog;
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { (void)savePdf(file); });
    dialog->open();
}

QString ReceiptDialog::savePdf(const QString &path)
{
    if (!m_receipt)
        return tr("There is no receipt to save yet.");
    const QString error = ReceiptPdf::write(*m_receipt, path, QLocale());
    m_ui->receiptSavedLabel->setStyleSheet(error.isEmpty() ? QStringLiteral("color: #1b7f3b;")
                                                           : QStringLiteral("color: #b3261e;"));
    m_ui->receiptSavedLabel->setText(error.isEmpty() ? tr("Saved to %1").arg(QDir::toNativeSeparators(path))
                                                     : error);
    m_ui->receiptSavedLabel->show();
    if (error.isEmpty())
        Q_EMIT pdfSaved(path);
    return error;
}

void ReceiptDialog::copyReceiptNumber()
{
    if (!m_receipt || m_receipt->payment.receiptNo.isEmpty())
        return;
    QApplication::clipboard()->setText(m_receipt->payment.receiptNo);
    m_ui->receiptSavedLabel->setStyleSheet(QStringLiteral("color: #1b7f3b;"));
    m_ui->receiptSavedLabel->setText(tr("Receipt number copied."));
    m_ui->receiptSavedLabel->show();
}

void ReceiptDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        render();
    }
    QDialog::changeEvent(event);
}

void ReceiptDialog::retranslate()
{
    m_ui->copyReceiptNoButton->setAccessibleName(tr("Copy receipt number"));
    m_ui->savePdfButton->setAccessibleName(tr("Save receipt as PDF"));
    m_ui->receiptRetryButton->setAccessibleName(tr("Load the receipt again"));
}

} // namespace bw::ui
