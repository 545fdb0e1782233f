// Receipts and notifications as a customer meets them, against the real stub: a real payment made through
// PaymentService, then its receipt (ReceiptDialog::showTransaction) shows exactly the bank's record —
// receipt number, amounts, fees, the wallet's bank — and "Save as PDF…" through the file dialog writes a
// real PDF whose text (pdftotext) holds the receipt number, in English and in Chinese (CJK glyphs, not
// boxes); a cross-border payment's receipt states the FX rate, the rounding rule and the travel-rule data.
// The Notifier puts in the status bar (offscreen: no system tray) a payment's result after no dialog is
// left to show it, money received, a held payment approved by the bank's staff — and nothing when
// notifications are switched off in Settings.
#include "widget_test_support.h"

#include "../services/payments_test_support.h"
#include "services/history_service.h"
#include "services/onboarding_service.h"
#include "services/payment_service.h"
#include "services/settings_service.h"
#include "ui/notifications/notifier.h"
#include "ui/receipts/receipt_dialog.h"
#include "ui/receipts/receipt_pdf.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;
using services::PaymentDraft;
using services::PaymentPhase;
using services::test::awaitGateway;
using services::test::awaitResult;

namespace {

constexpr int kWaitMs = 30000;

core::Money money(qint64 minor, const char *code)
{
    return core::Money(minor, *core::Currency::fromCode(QString::fromLatin1(code)));
}

// What pdftotext reads from a PDF (UTF-8), or a null string when it could not run.
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Text as a person reads it: the no-break space Money puts between code and amount read as a space.
QString plain(QString text)
{
    return text.replace(QChar(0x00A0), QLatin1Char(' '));
}

QString valueOf(QWidget *root, const QString &key)
{
    auto *label = find<QLabel>(root, QStringLiteral("receiptValue_") + key);
    return label && label->isVisible() ? plain(label->text())
                                       : QStringLiteral("<no visible receiptValue_%1>").arg(key);
}

QString formatted(const core::Money &amount)
{
    return plain(amount.formatWithCode(QLocale()));
}

// For people, not for the assertions: with BW_RECEIPT_SHOTS=<folder> the test saves what it shows (the
// dialog as PNG, the PDFs) there to be looked at; BW_RECEIPT_SHOTS_QM=<file.qm> adds a translator (strings
// not merged into the app's .ts yet).
void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BW_RECEIPT_SHOTS");
    if (dir.isEmpty())
        return;
    QApplication::processEvents();
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void keepPdf(const QString &path, const QString &name)
{
    const QString dir = qEnvironmentVariable("BW_RECEIPT_SHOTS");
    if (dir.isEmpty())
        return;
    const QString target = QDir(dir).filePath(name + QStringLiteral(".pdf"));
    QFile::remove(target);
    QFile::copy(path, target);
}

} // namespace

class TestUiReceipts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void receiptShowsTheBanksPaymentAndSavesPdf();
    void crossBorderReceiptShowsFxRoundingAndTravelRule();
    void receiptLoadErrorOffersRetry();
    void notifiesPaymentFinishedWithNoDialogLeft();
    void notifiesMoneyReceived();
    void notifiesHeldPaymentApproved();
    void notificationsOffShowNothing();

private:
    // Quote → confirm with the PIN and a fresh TOTP code → the final state.
    services::PaymentState pay(const PaymentDraft &draft, bool waitForFinal = true);
    services::PaymentActionId startPayment(const PaymentDraft &draft);
    // Runs a history sync of the app to its end (so the next one brings only what happens after).
    bool syncHistory();
    // Drives "Save as PDF…": the button, then the file dialog's name field and Enter.
    void saveThroughDialog(ReceiptDialog &dialog, const QString &path);

    std::unique_ptr<UiFixture> m_fx;
    TestWallet m_wallet;
    QTemporaryDir m_files;
};

void TestUiReceipts::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
             "pdftotext is missing: run tools/deps (poppler-utils)");
    m_fx = std::make_unique<UiFixture>();
    if (const QString qm = qEnvironmentVariable("BW_RECEIPT_SHOTS_QM"); !qm.isEmpty()) {
        auto *extra = new QTranslator(this);
        if (extra->load(qm)) {
            connect(&m_fx->language(), &Language::changed, extra, [extra](const QString &code) {
                if (code == QLatin1String("zh_CN"))
                    QCoreApplication::installTranslator(extra);
                else
                    QCoreApplication::removeTranslator(extra);
            });
        }
    }
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    QVERIFY2(m_fx->enrollWallet(m_wallet, {.identity = true, .totp = true}), qPrintable(m_fx->error()));
    VERIFY_SERVICE_OK(m_fx->signIn(m_wallet));
    // What the app does at start: the onboarding state says which bank issued the wallet.
    auto state = awaitResult<services::OnboardingState>(
        [&](auto done) { m_fx->ui().onboarding->resume(std::move(done)); });
    QVERIFY2(state, qPrintable(state ? QString() : state.error().summary()));
    QCOMPARE(state->bankId, QStringLiteral("bnk_demo"));
    QVERIFY2(m_fx->services().setTier(m_wallet, 1), qPrintable(m_fx->error())); // no limits
    QVERIFY2(m_fx->services().giveMoney(m_wallet, 2'000'000), qPrintable(m_fx->error()));
}

void TestUiReceipts::cleanupTestCase()
{
    m_fx.reset();
}

void TestUiReceipts::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible())
            dialog->reject();
    }
    m_fx->language().setCurrent(QStringLiteral("en"));
    m_fx->ui().settings->setNotificationsEnabled(true);
}

services::PaymentActionId TestUiReceipts::startPayment(const PaymentDraft &draft)
{
    services::PaymentService &payments = *m_fx->ui().payments;
    const services::PaymentActionId id = payments.requestQuote(draft);
    const services::QuoteState quote = services::test::awaitQuote(payments, id);
    if (!quote.canConfirm()) {
        qWarning("quote not confirmable: %s %s", qPrintable(quote.error.summary()),
                 qPrintable(quote.blockers.join(QLatin1Char('|'))));
        return 0;
    }
    const QString otp = quote.requiresOtp() ? m_fx->services().unusedTotp(m_wallet) : QString();
    return payments.confirm(id, m_wallet.pin, otp) ? id : 0;
}

services::PaymentState TestUiReceipts::pay(const PaymentDraft &draft, bool waitForFinal)
{
    const services::PaymentActionId id = startPayment(draft);
    if (id == 0)
        return {};
    return waitForFinal ? services::test::awaitPayment(*m_fx->ui().payments, id, kWaitMs)
                        : m_fx->ui().payments->paymentState(id);
}

bool TestUiReceipts::syncHistory()
{
    services::HistoryService &history = *m_fx->ui().history;
    QSignalSpy finished(&history, &services::HistoryService::finished);
    QSignalSpy failed(&history, &services::HistoryService::failed);
    if (!history.sync())
        return false;
    return QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs) &&
           failed.isEmpty();
}

void TestUiReceipts::saveThroughDialog(ReceiptDialog &dialog, const QString &path)
{
    auto *save = find<QPushButton>(&dialog, QStringLiteral("savePdfButton"));
    QVERIFY2(save && save->isEnabled(), "Save as PDF is not enabled");
    click(save);
    QPointer<QFileDialog> files;
    QTRY_VERIFY_WITH_TIMEOUT((files = find<QFileDialog>(&dialog, QStringLiteral("receiptSaveDialog"))) &&
                                 files->isVisible(),
                             kWaitMs);
    auto *name = find<QLineEdit>(files, QStringLiteral("fileNameEdit"));
    QVERIFY2(name, "no file name field in the file dialog");
    // The proposal: receipt-<receipt no>.pdf.
    QVERIFY2(name->text().startsWith(QStringLiteral("receipt-")) &&
                 name->text().endsWith(QStringLiteral(".pdf")),
             qPrintable(name->text()));
    // Offscreen, typing into Qt's file dialog races its asynchronous directory listing and completer; the
    // dialog's own API fills in the name and accepts, as the Save button does.
    files->selectFile(path);
    QCOMPARE(files->selectedFiles(), QStringList{path});
    QMetaObject::invokeMethod(files, "accept");
    QTRY_VERIFY_WITH_TIMEOUT(!files, kWaitMs); // closed and deleted
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), kWaitMs);
}

void TestUiReceipts::receiptShowsTheBanksPaymentAndSavesPdf()
{
    const services::PaymentState paid =
        pay(services::test::merchantPayment(QStringLiteral("mer_lantern_coffee"), 2550));
    QVERIFY2(paid.phase == PaymentPhase::Succeeded, qPrintable(services::test::describe(paid)));
    const gateway::Payment &bank = *paid.payment;
    QVERIFY(!bank.receiptNo.isEmpty());

    ReceiptDialog dialog(m_fx->ui());
    dialog.show();
    dialog.showTransaction(bank.id);
    auto *stack = find<QStackedWidget>(&dialog, QStringLiteral("receiptStack"));
    QVERIFY(stack);
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget()->objectName(), QStringLiteral("receiptContentPage"),
                              kWaitMs);

    QCOMPARE(valueOf(&dialog, QStringLiteral("receipt_no")), bank.receiptNo);
    QCOMPARE(valueOf(&dialog, QStringLiteral("payment_id")), bank.id);
    QCOMPARE(valueOf(&dialog, QStringLiteral("credit")), formatted(bank.credit));
    QCOMPARE(valueOf(&dialog, QStringLiteral("debit")), formatted(bank.debit));
    QCOMPARE(valueOf(&dialog, QStringLiteral("debit")), QStringLiteral("CNY 25.50"));
    QCOMPARE(valueOf(&dialog, QStringLiteral("counterparty")), QStringLiteral("Lantern Coffee Roasters"));
    QCOMPARE(valueOf(&dialog, QStringLiteral("status")), QStringLiteral("Succeeded"));
    QVERIFY(bank.fees.isEmpty()); // domestic merchant payments are free
    QCOMPARE(valueOf(&dialog, QStringLiteral("fees_total")), QStringLiteral("None"));
    QCOMPARE(find<QLabel>(&dialog, QStringLiteral("receiptBankLabel"))->text(),
             QStringLiteral("Demo Commercial Bank"));
    QVERIFY(!find<QLabel>(&dialog, QStringLiteral("receiptValue_fx_rate"))); // domestic: no conversion

    click(find<QPushButton>(&dialog, QStringLiteral("copyReceiptNoButton")));
    QCOMPARE(QApplication::clipboard()->text(), bank.receiptNo);

    const QString path = m_files.filePath(QStringLiteral("coffee receipt.pdf"));
    saveThroughDialog(dialog, path);
    if (QTest::currentTestFailed())
        return;
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    const QString text = pdfText(path);
    QVERIFY2(text.contains(bank.receiptNo), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Demo Commercial Bank")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Lantern Coffee Roasters")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("25.50")), qPrintable(text));
    QTRY_VERIFY(showsMessage(&dialog, QStringLiteral("receiptSavedLabel")));
    shoot(&dialog, QStringLiteral("receipt-en"));
    keepPdf(path, QStringLiteral("receipt-en"));

    // In Chinese: the dialog follows the language; the PDF is set in a CJK font and holds Chinese text.
    QVERIFY(m_fx->language().setCurrent(QStringLiteral("zh_CN")));
    QTRY_COMPARE(find<QLabel>(&dialog, QStringLiteral("receiptBankLabel"))->text(),
                 QStringLiteral("演示商业银行"));
    const QString zhPath = m_files.filePath(QStringLiteral("receipt-zh.pdf"));
    saveThroughDialog(dialog, zhPath);
    if (QTest::currentTestFailed())
        return;
    shoot(&dialog, QStringLiteral("receipt-zh"));
    keepPdf(zhPath, QStringLiteral("receipt-zh"));
    const QString zhText = pdfText(zhPath);
    QVERIFY2(zhText.contains(bank.receiptNo), qPrintable(zhText));
    QVERIFY2(zhText.contains(QStringLiteral("演示商业银行")), qPrintable(zhText));
    QVERIFY2(zhText.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]{2}"))),
             qPrintable(zhText));

    // Esc closes it.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
}

void TestUiReceipts::crossBorderReceiptShowsFxRoundingAndTravelRule()
{
    // USD 1,000.00 to a US merchant: cross-border (FX + two fees) and over the travel-rule threshold.
    PaymentDraft draft = services::test::merchantPayment(QStringLiteral("mer_bluebird_coffee_sf"), 0);
    draft.amount = money(100000, "USD");
    const services::PaymentState paid = pay(draft);
    QVERIFY2(paid.phase == PaymentPhase::Succeeded, qPrintable(services::test::describe(paid)));
    const gateway::Payment &bank = *paid.payment;
    QVERIFY(bank.fxRate.has_value());
    QCOMPARE(bank.fees.size(), 2);

    ReceiptDialog dialog(m_fx->ui());
    dialog.show();
    dialog.showTransaction(bank.id);
    auto *stack = find<QStackedWidget>(&dialog, QStringLiteral("receiptStack"));
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget()->objectName(), QStringLiteral("receiptContentPage"),
                              kWaitMs);

    QCOMPARE(valueOf(&dialog, QStringLiteral("credit")), QStringLiteral("USD 1,000.00"));
    QCOMPARE(valueOf(&dialog, QStringLiteral("debit")), formatted(bank.debit));
    for (const gateway::FeeLine &fee : bank.fees)
        QCOMPARE(valueOf(&dialog, QStringLiteral("fee_") + fee.kind), formatted(fee.amount));
    const QString rate = valueOf(&dialog, QStringLiteral("fx_rate"));
    QCOMPARE(rate, QStringLiteral("1 CNY = %1 USD").arg(bank.fxRate->toString()));
    const QString rule = valueOf(&dialog, QStringLiteral("rounding"));
    QVERIFY2(rule.contains(QStringLiteral("mid-market rate")) &&
                 rule.contains(QStringLiteral("half-to-even")) && rule.contains(QStringLiteral("fen")) &&
                 rule.contains(bank.fxRate->toString()),
             qPrintable(rule));
    QVERIFY(bank.travelRule.has_value());
    QCOMPARE(valueOf(&dialog, QStringLiteral("travel_originator_name")), m_wallet.fullName);
    QCOMPARE(valueOf(&dialog, QStringLiteral("travel_beneficiary_name")), bank.travelRule->beneficiaryName);

    shoot(&dialog, QStringLiteral("receipt-cross-border-en"));
    // The PDF says the same (written through the function the dialog uses).
    const auto receipt = dialog.receipt();
    QVERIFY(receipt);
    const QString path = m_files.filePath(QStringLiteral("cross-border.pdf"));
    QCOMPARE(ReceiptPdf::write(*receipt, path, QLocale()), QString());
    const QString text = pdfText(path).simplified();
    QVERIFY2(text.contains(bank.receiptNo), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("rounded")) && text.contains(QStringLiteral("fen (CNY 0.01)")),
             qPrintable(text));
    QVERIFY2(text.contains(bank.fxRate->toString()), qPrintable(text));
    keepPdf(path, QStringLiteral("receipt-cross-border-en"));
    if (!qEnvironmentVariable("BW_RECEIPT_SHOTS").isEmpty()) {
        QVERIFY(m_fx->language().setCurrent(QStringLiteral("zh_CN")));
        shoot(&dialog, QStringLiteral("receipt-cross-border-zh"));
        const QString zh = m_files.filePath(QStringLiteral("cross-border-zh.pdf"));
        QCOMPARE(ReceiptPdf::write(*dialog.receipt(), zh, QLocale()), QString());
        keepPdf(zh, QStringLiteral("receipt-cross-border-zh"));
        QVERIFY(m_fx->language().setCurrent(QStringLiteral("en")));
    }
    // A folder that cannot be written: a sentence, no crash.
    QVERIFY(!ReceiptPdf::write(*receipt, m_files.filePath(QStringLiteral("missing/dir/x.pdf")), QLocale())
                 .isEmpty());
}

void TestUiReceipts::receiptLoadErrorOffersRetry()
{
    ReceiptDialog dialog(m_fx->ui());
    dialog.show();
    dialog.showTransaction(QStringLiteral("pay_does_not_exist"));
    auto *stack = find<QStackedWidget>(&dialog, QStringLiteral("receiptStack"));
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget()->objectName(), QStringLiteral("receiptErrorPage"),
                              kWaitMs);
    QVERIFY(showsMessage(&dialog, QStringLiteral("receiptErrorLabel")));
    shoot(&dialog, QStringLiteral("receipt-error-en"));
    QVERIFY(!find<QPushButton>(&dialog, QStringLiteral("savePdfButton"))->isEnabled());
    auto *retry = find<QPushButton>(&dialog, QStringLiteral("receiptRetryButton"));
    QVERIFY(retry && retry->isVisible());
    click(retry);
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget()->objectName(), QStringLiteral("receiptErrorPage"),
                              kWaitMs);
}

void TestUiReceipts::notifiesPaymentFinishedWithNoDialogLeft()
{
    QVERIFY(syncHistory()); // what happened before is not news
    QStatusBar bar;
    bar.show();
    Notifier notifier(m_fx->ui(), &bar);
    QVERIFY(!notifier.usesTray()); // offscreen: the status bar
    // The payment is confirmed and whoever asked for it is gone at once: the service finishes it alone.
    const services::PaymentActionId id =
        startPayment(services::test::merchantPayment(QStringLiteral("mer_swift_ride"), 4200));
    QVERIFY(id != 0);
    QVERIFY(!m_fx->ui().payments->paymentState(id).isFinal());
    const services::PaymentState done = services::test::awaitPayment(*m_fx->ui().payments, id, kWaitMs);
    QVERIFY2(done.phase == PaymentPhase::Succeeded, qPrintable(services::test::describe(done)));
    const QString message = plain(bar.currentMessage());
    QVERIFY2(message.contains(QStringLiteral("Payment successful")) &&
                 message.contains(done.payment->receiptNo) && message.contains(QStringLiteral("CNY 42.00")) &&
                 message.contains(QStringLiteral("Swift Ride Taxi")),
             qPrintable(message));

    // The history sync brings the same payment again: no second notification.
    QSignalSpy notified(&notifier, &Notifier::notified);
    QVERIFY(syncHistory());
    QCOMPARE(notified.count(), 0);
}

void TestUiReceipts::notifiesMoneyReceived()
{
    QVERIFY(syncHistory()); // what happened before is not news
    QStatusBar bar;
    bar.show();
    Notifier notifier(m_fx->ui(), &bar);
    QVERIFY2(m_fx->services().giveMoney(m_wallet, 12345, QStringLiteral("Wang Fang")),
             qPrintable(m_fx->error()));
    QVERIFY(bar.currentMessage().isEmpty()); // not before the app has heard of it
    QVERIFY(syncHistory());
    QTRY_VERIFY_WITH_TIMEOUT(
        plain(bar.currentMessage()).contains(QStringLiteral("You received CNY 123.45 from Wang Fang")),
        kWaitMs);
    QSignalSpy notified(&notifier, &Notifier::notified);
    QVERIFY(syncHistory());
    QCOMPARE(notified.count(), 0);
}

void TestUiReceipts::notifiesHeldPaymentApproved()
{
    // A transfer to a wallet whose name is similar to a sanctioned one is held for review.
    const QString phone = m_fx->services().enrollRecipient(QStringLiteral("Ivan Petrovich Sidorow"),
                                                           QStringLiteral("ivan.s@example.com"));
    QVERIFY2(!phone.isEmpty(), qPrintable(m_fx->error()));
    QVERIFY(syncHistory());
    QStatusBar bar;
    bar.show();
    Notifier notifier(m_fx->ui(), &bar);
    PaymentDraft draft = services::test::draftOf(gateway::QuoteKind::Transfer, 30000);
    draft.phone = phone;
    const services::PaymentState held = pay(draft);
    QVERIFY2(held.phase == PaymentPhase::PendingReview, qPrintable(services::test::describe(held)));
    QVERIFY2(plain(bar.currentMessage()).contains(QStringLiteral("held")), qPrintable(bar.currentMessage()));

    auto decided = awaitGateway<gateway::Payment>([&](auto done) {
        m_fx->services().devClient().devDecideReview(held.payment->id, gateway::ReviewDecision::Approve,
                                                     std::move(done));
    });
    QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().summary()));
    QVERIFY(syncHistory());
    QTRY_VERIFY_WITH_TIMEOUT(
        plain(bar.currentMessage())
            .contains(QStringLiteral("Your payment to Ivan Petrovich Sidorow was approved")),
        kWaitMs);
    QVERIFY2(plain(bar.currentMessage()).contains(held.payment->receiptNo), qPrintable(bar.currentMessage()));
}

void TestUiReceipts::notificationsOffShowNothing()
{
    QVERIFY(syncHistory());
    QStatusBar bar;
    bar.show();
    Notifier notifier(m_fx->ui(), &bar);
    QSignalSpy notified(&notifier, &Notifier::notified);
    m_fx->ui().settings->setNotificationsEnabled(false);

    QVERIFY2(m_fx->services().giveMoney(m_wallet, 777, QStringLiteral("Zhao Min")),
             qPrintable(m_fx->error()));
    QVERIFY(syncHistory());
    const services::PaymentState paid =
        pay(services::test::merchantPayment(QStringLiteral("mer_swift_ride"), 1500));
    QVERIFY2(paid.phase == PaymentPhase::Succeeded, qPrintable(services::test::describe(paid)));
    QCOMPARE(notified.count(), 0);
    QVERIFY2(bar.currentMessage().isEmpty(), qPrintable(bar.currentMessage()));
    QVERIFY(notifier.lastMessage().isEmpty());

    // Switched on again: the next event is announced (the earlier ones are not replayed).
    m_fx->ui().settings->setNotificationsEnabled(true);
    QVERIFY2(m_fx->services().giveMoney(m_wallet, 888, QStringLiteral("Zhao Min")),
             qPrintable(m_fx->error()));
    QVERIFY(syncHistory());
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kWaitMs);
    QVERIFY2(plain(bar.currentMessage()).contains(QStringLiteral("CNY 8.88")),
             qPrintable(bar.currentMessage()));
}

QTEST_MAIN(TestUiReceipts)
#include "test_ui_receipts.moc"
