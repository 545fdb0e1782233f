// Receiving money by QR code, as two customers meet it on one real stub. Wallet B (its own AppServices,
// data folder and keychain entries, enrolled through the real OnboardingService) opens the Receive page:
// the QR code encodes exactly the link shown, and that link parses back to B's full phone, the amount and
// the note typed; bad input shows the inline message and no code; "Copy link" puts the link on the
// clipboard; "Save as image…" writes a PNG holding the same code; locking B empties the page and signing in
// again brings it back. Wallet A (the fixture's app) then opens the Pay dialog with B's link: payee phone,
// amount and note are prefilled, and paying it moves the money to B (B's balance at the bank says so).
#include "widget_test_support.h"

#include "core/payment_link.h"
#include "core/phone_validator.h"
#include "services/onboarding_service.h"
#include "services/payment_state.h"
#include "services/service_context.h"
#include "services/session_service.h"
#include "services/wallet_service.h"
#include "ui/payments/payment_dialog.h"
#include "ui/receive/receive_page.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/money_edit.h"
#include "ui/widgets/pin_entry.h"
#include "ui/widgets/qr_code_view.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;
using services::test::awaitDone;
using services::test::awaitResult;

namespace {

constexpr int kWaitMs = 30000;

core::Money cny(qint64 minor)
{
    return core::Money(minor, *core::Currency::fromCode(u"CNY"));
}

// Types any text as a person with an input method would: ASCII key by key, anything else (Chinese) as the
// IME's commit string (QTest::keyClicks only takes Latin-1).
void typeText(QLineEdit *edit, const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        typeInto(edit, text);
        return;
    }
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(edit, &commit);
}

// The QR code a QrCodeView draws for `text` (libqrencode is deterministic).
QImage qrImageOf(const QString &text)
{
    QrCodeView reference;
    reference.setText(text);
    return reference.image(4);
}

} // namespace

class TestUiReceive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void linkCarriesThePayeeAmountAndNote();
    void invalidInputShowsNoCode();
    void copyAndSaveAsImage();
    void screenshots();
    void lockEmptiesThePage();
    void linkPrefillsThePayDialogAndPaysB();

private:
    // Wallet B: a second app on the same stub, enrolled through its own OnboardingService and signed in.
    bool enrollPayee();
    ReceivePage *openReceivePage();
    QString typeRequest(ReceivePage *page, const QString &amount, const QString &note);

    std::unique_ptr<UiFixture> m_fx;
    TestWallet m_payer; // A: the fixture's app wallet
    TestWallet m_payee; // B
    QTemporaryDir m_payeeDir;
    QTemporaryDir m_files;
    QString m_payeeKeyPrefix;
    std::unique_ptr<app::AppServices> m_payeeApp;
    std::unique_ptr<ReceivePage> m_page;
};

void TestUiReceive::initTestCase()
{
    m_fx = std::make_unique<UiFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    QVERIFY(m_payeeDir.isValid() && m_files.isValid());
    m_payee.fullName = QStringLiteral("Han Meimei");
    m_payee.email = QStringLiteral("han.meimei@example.com");
    m_payee.password = QStringLiteral("Payee-Strong-Passw0rd-7");
    m_payee.pin = QStringLiteral("581346");
    m_payee.phone = ServicesFixture::randomPhone();
    QVERIFY(enrollPayee());
}

void TestUiReceive::cleanupTestCase()
{
    m_page.reset();
    if (m_payeeApp) {
        (void)awaitDone([&](services::ServiceDone done) {
            m_payeeApp->context().forgetDeviceCredential(nullptr, std::move(done));
        });
    }
    m_payeeApp.reset();
    m_fx.reset();
}

bool TestUiReceive::enrollPayee()
{
    m_payeeKeyPrefix = QStringLiteral("test-payee-%1-")
                           .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    app::AppServicesOptions options;
    options.dataDir = m_payeeDir.path();
    options.gatewayUrl = m_fx->gatewayUrl();
    options.embeddedGateway = true;
    options.demo = true;
    options.keyPrefix = m_payeeKeyPrefix;
    m_payeeApp = std::make_unique<app::AppServices>(options, m_fx->language());
    services::OnboardingService &onboarding = *m_payeeApp->screenServices().onboarding;

    auto step = [](const char *what, services::ServiceError error) {
        if (error.isError())
            qWarning("payee enrollment: %s: %s", what, qPrintable(error.summary()));
        return !error.isError();
    };
    auto resumed =
        awaitResult<services::OnboardingState>([&](auto done) { onboarding.resume(std::move(done)); });
    if (!resumed) {
        qWarning("payee enrollment: resume: %s", qPrintable(resumed.error().summary()));
        return false;
    }
    if (!step("chooseBank", awaitDone([&](services::ServiceDone done) {
                  onboarding.chooseBank(QStringLiteral("bnk_demo"), std::move(done));
              })))
        return false;
    if (!step("contact", awaitDone([&](services::ServiceDone done) {
                  onboarding.submitContactDetails(m_payee.fullName, m_payee.phone, m_payee.email,
                                                  std::move(done));
              })))
        return false;
    if (!step("code", awaitDone([&](services::ServiceDone done) {
                  onboarding.verifyCode(m_fx->lastCode(m_payee.phone), std::move(done));
              })))
        return false;
    m_payee.documentNumber = ServicesFixture::residentId(m_payee.birthDate);
    services::IdentityInput identity;
    identity.documentNumber = m_payee.documentNumber;
    identity.dateOfBirth = m_payee.birthDate;
    auto kyc = awaitResult<gateway::KycOutcome>(
        [&](auto done) { onboarding.submitIdentity(identity, std::move(done)); });
    if (!kyc) {
        qWarning("payee enrollment: identity: %s", qPrintable(kyc.error().summary()));
        return false;
    }
    if (!step("credentials", awaitDone([&](services::ServiceDone done) {
                  onboarding.submitCredentials(m_payee.password, m_payee.pin, QStringLiteral("Payee desktop"),
                                               std::move(done));
              })))
        return false;
    if (!step("sms",
              awaitDone([&](services::ServiceDone done) { onboarding.useSmsTwoFactor(std::move(done)); })))
        return false;
    m_payee.walletId = onboarding.state().walletId;
    if (!m_payeeApp->context().isSignedIn()) {
        qWarning("payee enrollment: not signed in afterwards");
        return false;
    }
    return !m_payee.walletId.isEmpty();
}

ReceivePage *TestUiReceive::openReceivePage()
{
    if (!m_page) {
        m_page = std::make_unique<ReceivePage>(m_payeeApp->screenServices());
        m_page->resize(1280, 800);
        m_page->show();
    }
    return m_page.get();
}

// Types the amount and the note as a person would; the link the page shows afterwards.
QString TestUiReceive::typeRequest(ReceivePage *page, const QString &amount, const QString &note)
{
    auto *amountEdit = find<MoneyEdit>(page, QStringLiteral("receiveAmountEdit"));
    auto *noteEdit = find<QLineEdit>(page, QStringLiteral("receiveNoteEdit"));
    if (!amountEdit || !noteEdit)
        return QStringLiteral("<no amount or note field>");
    if (amount.isEmpty())
        amountEdit->clear();
    else
        typeInto(amountEdit, amount);
    if (note.isEmpty())
        noteEdit->clear();
    else
        typeText(noteEdit, note);
    return find<QLineEdit>(page, QStringLiteral("receiveLinkEdit"))->text();
}

void TestUiReceive::linkCarriesThePayeeAmountAndNote()
{
    ReceivePage *page = openReceivePage();
    auto *linkEdit = find<QLineEdit>(page, QStringLiteral("receiveLinkEdit"));
    auto *qr = find<QrCodeView>(page, QStringLiteral("receiveQrView"));
    QVERIFY(linkEdit && qr);

    // Without an amount: a link to B's phone and name only, shown as the QR code.
    QTRY_VERIFY_WITH_TIMEOUT(!linkEdit->text().isEmpty(), kWaitMs);
    const auto plain = core::parsePaymentLink(linkEdit->text());
    QVERIFY2(plain.ok(), qPrintable(plain.error().code));
    QCOMPARE(plain->phone, core::PhoneValidator::validate(m_payee.phone)->e164());
    QCOMPARE(plain->name, m_payee.fullName);
    QVERIFY(!plain->amount);
    QVERIFY(qr->isVisible() && !qr->isEmpty());
    QCOMPARE(qr->image(4), qrImageOf(linkEdit->text()));
    QCOMPARE(find<QLabel>(page, QStringLiteral("receivePayeeName"))->text(), m_payee.fullName);
    // The page shows the masked phone; the full one is only inside the link.
    const QString masked = find<QLabel>(page, QStringLiteral("receivePayeePhone"))->text();
    QVERIFY2(masked.contains(u'*') && !masked.contains(m_payee.phone.mid(6, 4)), qPrintable(masked));

    // An amount and a Chinese note: the QR code follows as they are typed.
    const QString link = typeRequest(page, QStringLiteral("88.50"), QStringLiteral("午饭 AA"));
    QCOMPARE(page->link(), link);
    const auto parsed = core::parsePaymentLink(link);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().code + u' ' + link));
    QCOMPARE(parsed->phone, core::PhoneValidator::validate(m_payee.phone)->e164());
    QVERIFY(parsed->amount.has_value());
    QCOMPARE(parsed->amount->minorUnits(), 8850);
    QVERIFY(parsed->amount->currency() == cny(0).currency());
    QCOMPARE(parsed->note, QStringLiteral("午饭 AA"));
    QCOMPARE(parsed->name, m_payee.fullName);
    QCOMPARE(qr->image(4), qrImageOf(link));
    QVERIFY(qr->image(4) != qrImageOf(plain.ok() ? formatPaymentLink(*plain) : QString()));
    QCOMPARE(find<QLabel>(page, QStringLiteral("receiveQrAmount"))->text(), cny(8850).format(QLocale()));
    QCOMPARE(find<QLabel>(page, QStringLiteral("receiveQrName"))->text(), m_payee.fullName);
    QCOMPARE(find<QLabel>(page, QStringLiteral("receiveQrNote"))->text(), QStringLiteral("午饭 AA"));

    // In Chinese the same request shows Chinese captions and the same link.
    QVERIFY(m_fx->language().setCurrent(QStringLiteral("zh_CN")));
    QTRY_COMPARE(find<QLabel>(page, QStringLiteral("receiveTitleLabel"))->text(), QStringLiteral("收款"));
    QCOMPARE(page->link(), link);
    QVERIFY(m_fx->language().setCurrent(QStringLiteral("en")));
    QTRY_COMPARE(find<QLabel>(page, QStringLiteral("receiveTitleLabel"))->text(),
                 QStringLiteral("Receive money"));
}

void TestUiReceive::invalidInputShowsNoCode()
{
    ReceivePage *page = openReceivePage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->link().isEmpty(), kWaitMs);
    auto *qr = find<QrCodeView>(page, QStringLiteral("receiveQrView"));
    auto *amountMessage = find<FieldMessage>(page, QStringLiteral("receiveAmountMessage"));
    auto *copy = find<QPushButton>(page, QStringLiteral("receiveCopyButton"));
    auto *save = find<QPushButton>(page, QStringLiteral("receiveSaveButton"));
    auto *linkEdit = find<QLineEdit>(page, QStringLiteral("receiveLinkEdit"));

    // The field takes no more digits than CNY has: "12.345" is 12.34.
    typeRequest(page, QStringLiteral("12.345"), QString());
    QCOMPARE(core::parsePaymentLink(page->link())->amount, std::optional<core::Money>(cny(1234)));

    for (const QString &bad : {QStringLiteral("0"), QStringLiteral("0.00"), QStringLiteral("12abc")}) {
        typeRequest(page, bad, QStringLiteral("Rent"));
        QVERIFY2(showsMessage(amountMessage), qPrintable(bad));
        QVERIFY2(qr->isEmpty() && !qr->isVisible(), qPrintable(bad));
        QVERIFY(linkEdit->text().isEmpty());
        QVERIFY(page->link().isEmpty());
        QVERIFY(!copy->isEnabled() && !save->isEnabled());
        QVERIFY(find<QLabel>(page, QStringLiteral("receiveQrPlaceholder"))->isVisible());
    }
    // A control character pasted into the note: the note's message, no code.
    typeRequest(page, QStringLiteral("10"), QString());
    find<QLineEdit>(page, QStringLiteral("receiveNoteEdit"))->setText(QStringLiteral("a\tb"));
    QVERIFY(showsMessage(find<FieldMessage>(page, QStringLiteral("receiveNoteMessage"))));
    QVERIFY(page->link().isEmpty() && qr->isEmpty());

    // Fixed: the code is back, the messages gone.
    const QString link = typeRequest(page, QStringLiteral("10"), QStringLiteral("Rent"));
    QVERIFY(!link.isEmpty());
    QVERIFY(!showsMessage(amountMessage));
    QVERIFY(!showsMessage(find<FieldMessage>(page, QStringLiteral("receiveNoteMessage"))));
    QVERIFY(!qr->isEmpty() && qr->isVisible() && copy->isEnabled() && save->isEnabled());
    QCOMPARE(qr->image(4), qrImageOf(link));
}

void TestUiReceive::copyAndSaveAsImage()
{
    ReceivePage *page = openReceivePage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->link().isEmpty(), kWaitMs);
    const QString link = typeRequest(page, QStringLiteral("23.40"), QStringLiteral("Tickets"));
    QVERIFY(!link.isEmpty());

    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    click(find<QPushButton>(page, QStringLiteral("receiveCopyButton")));
    QCOMPARE(QGuiApplication::clipboard()->text(), link);
    QVERIFY(showsMessage(find<QLabel>(page, QStringLiteral("receiveStatusLabel"))));

    const QString path = m_files.filePath(QStringLiteral("request.png"));
    click(find<QPushButton>(page, QStringLiteral("receiveSaveButton")));
    QFileDialog *files = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((files = find<QFileDialog>(page, QStringLiteral("receiveSaveDialog"))) &&
                                 files->isVisible(),
                             kWaitMs);
    auto *name = find<QLineEdit>(files, QStringLiteral("fileNameEdit"));
    QVERIFY2(name, "no file name field in the file dialog");
    QVERIFY2(name->text().endsWith(QStringLiteral(".png")), qPrintable(name->text()));
    typeInto(name, path);
    // The file name completer opens its list for the typed folder once the folder is read (asynchronously):
    // close it, then press Save (until the folder is read, Save may not take the typed path yet).
    QPointer<QFileDialog> dialog(files);
    QPointer<QLineEdit> nameEdit(name);
    const bool written = QTest::qWaitFor(
        [&] {
            if (dialog && nameEdit) {
                QAbstractItemView *popup = nameEdit->completer() ? nameEdit->completer()->popup() : nullptr;
                if (popup && popup->isVisible()) {
                    popup->hide();
                } else if (auto *buttons = dialog->findChild<QDialogButtonBox *>()) {
                    if (QPushButton *save = buttons->button(QDialogButtonBox::Save);
                        save && save->isEnabled())
                        click(save);
                }
            }
            return QFile::exists(path);
        },
        kWaitMs);
    QVERIFY2(written, qPrintable(find<QLabel>(page, QStringLiteral("receiveStatusLabel"))->text()));
    QTRY_VERIFY(!dialog);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
    file.close();
    QImage saved(path, "PNG");
    QVERIFY(!saved.isNull());
    // The code in the image is the code of the link (8 px per module, centred at the top).
    const QImage code = find<QrCodeView>(page, QStringLiteral("receiveQrView"))->image(8);
    QVERIFY(!code.isNull());
    QVERIFY(saved.width() > code.width() && saved.height() > code.height() + 40);
    const QImage region = saved.copy((saved.width() - code.width()) / 2, 32, code.width(), code.height());
    QCOMPARE(region.convertToFormat(QImage::Format_RGB32), code.convertToFormat(QImage::Format_RGB32));
    // Something (the amount and the name) is written under the code.
    const QImage below =
        saved.copy(0, 32 + code.height(), saved.width(), saved.height() - 32 - code.height());
    bool ink = false;
    for (int y = 0; y < below.height() && !ink; ++y)
        for (int x = 0; x < below.width() && !ink; ++x)
            ink = below.pixelColor(x, y).lightness() < 128;
    QVERIFY(ink);
    QVERIFY(showsMessage(find<QLabel>(page, QStringLiteral("receiveStatusLabel"))));
}

// Not a check: with BW_RECEIVE_SHOTS=<folder> set, saves the page in English and Chinese for a person to look
// at (BW_RECEIVE_QM: an extra .qm to load before the translations are merged into the app's .ts).
void TestUiReceive::screenshots()
{
    const QString folder = qEnvironmentVariable("BW_RECEIVE_SHOTS");
    if (folder.isEmpty())
        QSKIP("set BW_RECEIVE_SHOTS=<folder> to save screenshots");
    QTranslator extra;
    if (const QString qm = qEnvironmentVariable("BW_RECEIVE_QM"); !qm.isEmpty() && extra.load(qm))
        QCoreApplication::installTranslator(&extra);
    ReceivePage *page = openReceivePage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->link().isEmpty(), kWaitMs);
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_fx->language().setCurrent(language));
        QCoreApplication::removeTranslator(&extra);
        if (language != QLatin1String("en"))
            QCoreApplication::installTranslator(&extra);
        typeRequest(page, QString(), QString());
        QTest::qWait(50);
        page->grab().save(folder + QStringLiteral("/receive-empty-%1.png").arg(language));
        typeRequest(page, QStringLiteral("88.50"),
                    language == QLatin1String("en") ? QStringLiteral("Dinner on Friday")
                                                    : QStringLiteral("周五聚餐 AA"));
        click(find<QPushButton>(page, QStringLiteral("receiveCopyButton")));
        QTest::qWait(50);
        page->grab().save(folder + QStringLiteral("/receive-request-%1.png").arg(language));
        page->requestImage().save(folder + QStringLiteral("/receive-image-%1.png").arg(language));
        typeRequest(page, QStringLiteral("0"), QString());
        QTest::qWait(50);
        page->grab().save(folder + QStringLiteral("/receive-invalid-%1.png").arg(language));
    }
    QCoreApplication::removeTranslator(&extra);
    QVERIFY(m_fx->language().setCurrent(QStringLiteral("en")));
    typeRequest(page, QString(), QString());
}

void TestUiReceive::lockEmptiesThePage()
{
    ReceivePage *page = openReceivePage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->link().isEmpty(), kWaitMs);
    typeRequest(page, QStringLiteral("5"), QStringLiteral("Coffee"));
    QVERIFY(!page->link().isEmpty());

    m_payeeApp->context().markLocked(services::LockReason::Manual);
    QTRY_VERIFY(page->link().isEmpty());
    QVERIFY(find<QrCodeView>(page, QStringLiteral("receiveQrView"))->isEmpty());
    QVERIFY(find<QLineEdit>(page, QStringLiteral("receiveLinkEdit"))->text().isEmpty());
    QVERIFY(find<QLineEdit>(page, QStringLiteral("receiveNoteEdit"))->text().isEmpty());
    QVERIFY(!find<QLabel>(page, QStringLiteral("receivePayeeName"))->text().contains(m_payee.fullName));
    QVERIFY(!find<QPushButton>(page, QStringLiteral("receiveCopyButton"))->isEnabled());
    // While locked a reload refuses: personal data only while signed in.
    page->reload();
    QTest::qWait(200);
    QVERIFY(page->link().isEmpty());
    QVERIFY(find<QLabel>(page, QStringLiteral("receiveBannerLabel"))->isVisible());

    const services::ServiceError signedIn = awaitDone([&](services::ServiceDone done) {
        m_payeeApp->screenServices().session->signIn(m_payee.password, std::move(done));
    });
    QVERIFY2(!signedIn.isError(), qPrintable(signedIn.summary()));
    QTRY_VERIFY_WITH_TIMEOUT(!page->link().isEmpty(), kWaitMs);
    QVERIFY(!find<QLabel>(page, QStringLiteral("receiveBannerLabel"))->isVisible());
}

void TestUiReceive::linkPrefillsThePayDialogAndPaysB()
{
    ReceivePage *page = openReceivePage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->link().isEmpty(), kWaitMs);
    const QString link = typeRequest(page, QStringLiteral("88.50"), QStringLiteral("午饭 AA"));
    QVERIFY(!link.isEmpty());

    // B's balance before, at the bank.
    auto before =
        awaitResult<gateway::Wallet>([&](auto done) { m_payeeApp->screenServices().wallet->refresh(done); });
    QVERIFY2(before.ok(), qPrintable(before.error().summary()));
    auto cnyAvailable = [](const gateway::Wallet &w) -> qint64 {
        for (const gateway::Balance &b : w.balances)
            if (b.currency == cny(0).currency())
                return b.available.minorUnits();
        return 0;
    };
    const qint64 payeeBefore = cnyAvailable(before.value());

    // A: the fixture's wallet, signed in with money and TOTP for the second factor.
    EnrollOptions options;
    options.totp = true;
    QVERIFY2(m_fx->enrollWallet(m_payer, options), qPrintable(m_fx->error()));
    const services::ServiceError signedIn = m_fx->signIn(m_payer);
    QVERIFY2(!signedIn.isError(), qPrintable(signedIn.summary()));
    QVERIFY2(m_fx->services().giveMoney(m_payer, 50000), qPrintable(m_fx->error()));

    PaymentDialog dialog(m_fx->ui(), gateway::QuoteKind::Transfer);
    dialog.show();
    const auto parsed = core::parsePaymentLink(link);
    QVERIFY(parsed.ok());
    QVERIFY(dialog.prefill(*parsed));
    QTRY_COMPARE(dialog.step(), PaymentDialog::Step::Amount);

    // Prefilled as the link says.
    auto *phoneEdit = find<QLineEdit>(&dialog, QStringLiteral("phoneEdit"));
    QVERIFY(phoneEdit);
    const auto phone = core::PhoneValidator::validate(phoneEdit->text());
    QVERIFY2(phone.ok(), qPrintable(phoneEdit->text()));
    QCOMPARE(phone->e164(), core::PhoneValidator::validate(m_payee.phone)->e164());
    auto *amountEdit = find<MoneyEdit>(&dialog, QStringLiteral("amountEdit"));
    QVERIFY(amountEdit && amountEdit->value().has_value());
    QCOMPARE(*amountEdit->value(), cny(8850));
    QCOMPARE(find<QLineEdit>(&dialog, QStringLiteral("noteEdit"))->text(), QStringLiteral("午饭 AA"));

    // Pay it: review the quote, PIN and the authenticator code, as a person would.
    auto *next = find<QPushButton>(&dialog, QStringLiteral("nextButton"));
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kWaitMs);
    click(next);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), PaymentDialog::Step::Review, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kWaitMs);
    click(next);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), PaymentDialog::Step::Authenticate, kWaitMs);
    typePin(find<QWidget>(&dialog, QStringLiteral("pinEntry")), m_payer.pin);
    auto *otp = find<QLineEdit>(&dialog, QStringLiteral("otpEdit"));
    if (otp && otp->isVisible())
        typeInto(otp, m_fx->services().unusedTotp(m_payer));
    QSignalSpy finished(&dialog, &PaymentDialog::paymentFinished);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kWaitMs);
    click(next);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), PaymentDialog::Step::Result, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    const auto state = finished.at(0).at(0).value<services::PaymentState>();
    QVERIFY2(state.phase == services::PaymentPhase::Succeeded,
             qPrintable(find<QLabel>(&dialog, QStringLiteral("resultMessage"))->text()));
    QVERIFY(state.payment.has_value());
    QCOMPARE(state.payment->credit, cny(8850));
    QCOMPARE(state.payment->note, QStringLiteral("午饭 AA"));

    // The bank says B received it.
    auto after =
        awaitResult<gateway::Wallet>([&](auto done) { m_payeeApp->screenServices().wallet->refresh(done); });
    QVERIFY2(after.ok(), qPrintable(after.error().summary()));
    QCOMPARE(cnyAvailable(after.value()) - payeeBefore, qint64(8850));
}

QTEST_MAIN(TestUiReceive)
#include "test_ui_receive.moc"
