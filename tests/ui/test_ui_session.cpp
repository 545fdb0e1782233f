// The sign-in / lock screen, the forgot-password wizard and auto-lock, driven as a person would against the
// real embedded stub and keychain: the right password signs in; wrong passwords count the attempts down and
// then lock sign-in with a live countdown; "Forgot password?" resets the password end to end (and explains
// a wrong identity document); the idle time locks the wallet, closing dialogs and emptying password fields.
#include "widget_test_support.h"

#include "services/session_service.h"
#include "ui/session/auto_lock.h"
#include "ui/session/forgot_password_wizard.h"
#include "ui/session/sign_in_page.h"
#include "ui/widgets/card_form.h"
#include "ui/widgets/password_field.h"

#include <QDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QVBoxLayout>

#include <memory>

using namespace bw::ui;
using namespace bw::ui::test;
using bw::services::LockReason;

namespace {

// The sign-in page's own password edit (the wizard, a child window, has one of the same name).
QLineEdit *pagePassword(SignInPage &page)
{
    return page.findChild<QLineEdit *>(QStringLiteral("passwordEdit"), Qt::FindChildrenRecursively);
}

// Enrolls `w`, then shows the sign-in page of the app as it starts with that wallet, at 1280×800; nullptr
// when the fixture failed (fx.error() says why) or the page is not exposed.
std::unique_ptr<SignInPage> showSignIn(UiFixture &fx, TestWallet &w)
{
    if (!fx.ok() || !fx.enrollWallet(w))
        return nullptr;
    auto page = std::make_unique<SignInPage>(fx.ui());
    page->resize(1280, 800);
    page->show();
    return QTest::qWaitForWindowExposed(page.get()) ? std::move(page) : nullptr;
}

// What the gateway layer's message table adds to a wrong password or code: the attempts left.
QString attemptsLeft(const char *sentence, int left)
{
    return QCoreApplication::translate("bw::gateway::GatewayError", sentence).arg(left);
}

void signInWith(SignInPage &page, const QString &password)
{
    QLineEdit *edit = pagePassword(page);
    typeInto(edit, password);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class UiSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<bw::services::LockReason>(); }

    void signInWithTheRightPassword()
    {
        UiFixture fx;
        TestWallet w;
        const auto shown = showSignIn(fx, w);
        QVERIFY2(shown, qPrintable(fx.error()));
        SignInPage &page = *shown;
        auto *button = find<QPushButton>(&page, QStringLiteral("signInButton"));
        auto *edit = pagePassword(page);
        QVERIFY(button && edit && find<QPushButton>(&page, QStringLiteral("forgotPasswordButton")));
        QCOMPARE(find<QLabel>(&page, "titleLabel")->text(), QStringLiteral("Welcome back"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!button->isEnabled());

        QSignalSpy signedIn(&page, &SignInPage::signedIn);
        typeInto(edit, w.password);
        QVERIFY(button->isEnabled());
        click(button);
        QVERIFY(edit->text().isEmpty()); // not kept while the bank checks it
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
        QVERIFY(fx.ui().context->isSignedIn());
        QVERIFY(!find<QLabel>(&page, "signInMessage")->isVisible());

        // A language switch retranslates the page in place (to whatever the catalogue has).
        fx.language().setCurrent(QStringLiteral("zh_CN"));
        QTRY_COMPARE(find<QLabel>(&page, "titleLabel")->text(), QStringLiteral("欢迎回来"));
        page.setMode(SignInPage::Mode::Locked, LockReason::Manual);
        QCOMPARE(find<QPushButton>(&page, QStringLiteral("signInButton"))->text(), QStringLiteral("解锁"));
        fx.language().setCurrent(QStringLiteral("en"));
        QTRY_COMPARE(find<QLabel>(&page, "titleLabel")->text(), QStringLiteral("BankWallet is locked"));
    }

    void wrongPasswordsUntilLockout()
    {
        UiFixture fx;
        TestWallet w;
        const auto shown = showSignIn(fx, w);
        QVERIFY2(shown, qPrintable(fx.error()));
        SignInPage &page = *shown;
        auto *button = find<QPushButton>(&page, QStringLiteral("signInButton"));
        QLabel *message = find<QLabel>(&page, "signInMessage");
        QLabel *countdown = find<QLabel>(&page, "lockoutCountdown");
        QVERIFY(message && countdown);

        for (int left = 4; left >= 1; --left) {
            signInWith(page, QStringLiteral("Wrong-Password-1234"));
            QVERIFY(pagePassword(page)->text().isEmpty());
            // "The password is wrong. Attempts left before ...: 4." (the gateway layer's sentence).
            const QString expected =
                attemptsLeft("Attempts left before sign-in is locked for 15 minutes: %1.", left);
            QTRY_VERIFY2_WITH_TIMEOUT(showsMessage(message) && message->text().contains(expected),
                                      qPrintable(message->text()), 20000);
            QVERIFY(!countdown->isVisible());
            QVERIFY2(message->text().startsWith(QStringLiteral("The password is wrong.")),
                     qPrintable(message->text()));
        }

        signInWith(page, QStringLiteral("Wrong-Password-1234"));
        QTRY_VERIFY_WITH_TIMEOUT(countdown->isVisible(), 20000);
        {
            QVERIFY2(countdown->text().startsWith(QStringLiteral("Sign-in is locked until ")),
                     qPrintable(countdown->text()));
            // 15 minutes from the lock, less the seconds this test has taken so far on a loaded machine.
            QVERIFY2(QRegularExpression(QStringLiteral("\\((14:[0-5]\\d|15:00) left\\)\\.?$"))
                         .match(countdown->text())
                         .hasMatch(),
                     qPrintable(countdown->text()));
            QVERIFY(message->text().contains(QStringLiteral("Forgot password?")));
        }
        // Even the right password cannot be submitted while the lock lasts.
        typeInto(pagePassword(page), w.password);
        QVERIFY(!button->isEnabled());
        QTest::keyClick(pagePassword(page), Qt::Key_Return);
        QVERIFY(!fx.ui().context->isSignedIn());
        // The countdown is live.
        const QString before = countdown->text();
        QTRY_VERIFY_WITH_TIMEOUT(countdown->text() != before, 3000);
        QVERIFY(countdown->isVisible());

        page.setMode(SignInPage::Mode::Locked, LockReason::Idle);
        QVERIFY(countdown->isVisible()); // the lockout outlives a mode change
        QVERIFY(!button->isEnabled());
        {
            QCOMPARE(find<QLabel>(&page, "titleLabel")->text(), QStringLiteral("BankWallet is locked"));
            QCOMPARE(button->text(), QStringLiteral("Unlock"));
            QVERIFY2(find<QLabel>(&page, "subtitleLabel")
                         ->text()
                         .startsWith(QStringLiteral("Locked after 5 minutes "
                                                    "without activity.")),
                     qPrintable(find<QLabel>(&page, "subtitleLabel")->text()));
        }

        // The page never keeps the password once it is hidden.
        typeInto(pagePassword(page), QStringLiteral("typed-then-hidden"));
        page.hide();
        QVERIFY(pagePassword(page)->text().isEmpty());
    }

    void forgotPasswordEndToEnd()
    {
        UiFixture fx;
        TestWallet w;
        const auto shown = showSignIn(fx, w);
        QVERIFY2(shown, qPrintable(fx.error()));
        SignInPage &page = *shown;
        click(find<QPushButton>(&page, QStringLiteral("forgotPasswordButton")));
        ForgotPasswordWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = visibleTopLevel<ForgotPasswordWizard>()) != nullptr);
        // The offscreen platform leaves the page active after the click; a person's window manager would not.
        QApplication::setActiveWindow(wizard);
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        QCOMPARE(wizard->objectName(), QStringLiteral("forgotPasswordWizard"));
        QCOMPARE(wizard->currentId(), int(ForgotPasswordWizard::PhonePage));

        // Phone (checked as typed) + the identity document number.
        auto *phone = find<QLineEdit>(wizard, QStringLiteral("resetPhoneEdit"));
        auto *document = find<QLineEdit>(wizard, QStringLiteral("resetDocumentEdit"));
        QVERIFY(phone && document);
        QAbstractButton *next = wizard->button(QWizard::NextButton);
        QVERIFY(!next->isEnabled());
        typeInto(phone, QStringLiteral("12345"));
        QTest::keyClick(phone, Qt::Key_Tab);
        QVERIFY(!next->isEnabled());
        QTRY_VERIFY(showsMessage(wizard, QStringLiteral("resetPhoneMessage")));
        typeInto(phone, w.phone);
        typeInto(document, w.documentNumber);
        QVERIFY(next->isEnabled());
        click(next);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ForgotPasswordWizard::CodePage), 20000);
        QVERIFY(document->text().isEmpty()); // sent, not kept

        // The code; a wrong one first (attempts left), then the right one.
        auto *code = find<QLineEdit>(wizard, QStringLiteral("resetCodeEdit"));
        auto *resend = find<QPushButton>(wizard, QStringLiteral("resetResendButton"));
        QVERIFY(code && resend);
        QVERIFY(!resend->isEnabled()); // the resend countdown runs
        QAbstractButton *verify = wizard->button(QWizard::CommitButton);
        QVERIFY(!verify->isEnabled());
        const QString sent = fx.lastCode(w.phone);
        QCOMPARE(sent.size(), 6);
        typeInto(code, sent == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000"));
        click(verify);
        auto *codeMessage = find<QLabel>(wizard, QStringLiteral("resetCodeMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(codeMessage), 20000);
        QVERIFY2(codeMessage->text().contains(attemptsLeft("Attempts left: %1.", 4)),
                 qPrintable(codeMessage->text()));
        typeInto(code, sent);
        click(wizard->button(QWizard::CommitButton));
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ForgotPasswordWizard::PasswordPage), 20000);

        // The new password, with confirmation.
        auto *field = find<PasswordField>(wizard, QStringLiteral("resetPasswordField"));
        QVERIFY(field && field->isConfirmVisible());
        const QString newPassword = QStringLiteral("Brand-New-Secret-77");
        QAbstractButton *change = wizard->button(QWizard::CommitButton);
        typeInto(field->passwordEdit(), newPassword);
        QVERIFY(!change->isEnabled()); // not confirmed yet
        typeInto(field->confirmEdit(), newPassword);
        QTRY_VERIFY(change->isEnabled());
        QSignalSpy reset(wizard, &ForgotPasswordWizard::passwordReset);
        click(change);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ForgotPasswordWizard::DonePage), 20000);
        QCOMPARE(reset.count(), 1);
        QVERIFY(field->passwordEdit()->text().isEmpty());
        QVERIFY(find<QLabel>(wizard, QStringLiteral("resetDoneLabel"))
                    ->text()
                    .contains(QStringLiteral("Every other session was signed out.")));
        QPointer<ForgotPasswordWizard> guard(wizard);
        click(wizard->button(QWizard::FinishButton));
        QTRY_VERIFY(!guard || !guard->isVisible());
        QVERIFY(find<QLabel>(&page, "signInMessage")->isVisible()); // "Your password is changed..."

        // The old password is gone, the new one works.
        QLabel *message = find<QLabel>(&page, "signInMessage");
        signInWith(page, w.password);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(attemptsLeft(
                                     "Attempts left before sign-in is locked for 15 minutes: %1.", 4)),
                                 20000);
        QVERIFY(!fx.ui().context->isSignedIn());
        QSignalSpy signedIn(&page, &SignInPage::signedIn);
        signInWith(page, newPassword);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
    }

    void forgotPasswordWrongDocumentAndCancel()
    {
        UiFixture fx;
        TestWallet w;
        QVERIFY2(fx.ok() && fx.enrollWallet(w), qPrintable(fx.error()));
        SignInPage page(fx.ui());
        page.show();
        click(find<QPushButton>(&page, QStringLiteral("forgotPasswordButton")));
        ForgotPasswordWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = visibleTopLevel<ForgotPasswordWizard>()) != nullptr);

        // No document for a verified wallet: the bank says so after the code.
        typeInto(find<QLineEdit>(wizard, QStringLiteral("resetPhoneEdit")), w.phone);
        click(wizard->button(QWizard::NextButton));
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ForgotPasswordWizard::CodePage), 20000);
        typeInto(find<QLineEdit>(wizard, QStringLiteral("resetCodeEdit")), fx.lastCode(w.phone));
        click(wizard->button(QWizard::CommitButton));
        auto *codeMessage = find<QLabel>(wizard, QStringLiteral("resetCodeMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(codeMessage), 20000);
        QVERIFY2(codeMessage->text().contains(QStringLiteral("identity document number")),
                 qPrintable(codeMessage->text()));
        auto *startAgain = find<QPushButton>(wizard, QStringLiteral("resetStartAgainButton"));
        QVERIFY(startAgain->isVisible());
        click(startAgain);
        QCOMPARE(wizard->currentId(), int(ForgotPasswordWizard::PhonePage));

        // Esc closes the wizard and wipes what was typed.
        auto *document = find<QLineEdit>(wizard, QStringLiteral("resetDocumentEdit"));
        typeInto(document, w.documentNumber);
        QPointer<ForgotPasswordWizard> guard(wizard);
        QTest::keyClick(document, Qt::Key_Escape);
        QTRY_VERIFY(!guard || !guard->isVisible());
        QVERIFY(!guard || document->text().isEmpty());
        QCOMPARE(fx.ui().session->passwordResetStep(), bw::services::PasswordResetStep::None);
    }

    void autoLockClosesDialogsAndWipesPasswords()
    {
        UiFixture fx;
        TestWallet w;
        QVERIFY2(fx.ok() && fx.enrollWallet(w), qPrintable(fx.error()));
        AutoLock autoLock(fx.ui(), nullptr);
        QSignalSpy lockRequests(&autoLock, &AutoLock::lockScreenRequested);

        SignInPage page(fx.ui());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy signedIn(&page, &SignInPage::signedIn);
        fx.ui().session->setIdleTimeout(std::chrono::milliseconds(2000));
        signInWith(page, w.password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);

        // A dialog with a password field, and a popup menu, as a screen of the main window might show.
        QDialog dialog(&page);
        dialog.setWindowTitle(QStringLiteral("Change payment PIN"));
        auto *layout = new QVBoxLayout(&dialog);
        auto *secret = new QLineEdit(&dialog);
        secret->setEchoMode(QLineEdit::Password);
        auto *plain = new QLineEdit(&dialog);
        layout->addWidget(secret);
        layout->addWidget(plain);
        dialog.open();
        // Secrets shown in clear outside any dialog: a card number being typed, a password shown with
        // "Show" — the wallet window keeps these across a lock, so they must be emptied too.
        CardForm card;
        PasswordField shown;
        card.show();
        shown.show();
        typeInto(find<QLineEdit>(&card, QStringLiteral("cardNumberEdit")),
                 QStringLiteral("6212345678901232"));
        typeInto(shown.passwordEdit(), w.password);
        click(find<QAbstractButton>(&shown, QStringLiteral("showPasswordButton")));
        QCOMPARE(shown.passwordEdit()->echoMode(), QLineEdit::Normal);
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Typing keeps the wallet open past the idle time (activity is noted at most once a second).
        QElapsedTimer typing;
        typing.start();
        while (typing.elapsed() < 3500) {
            QTest::keyClick(plain, Qt::Key_A);
            QTest::qWait(250);
        }
        QVERIFY(fx.ui().context->isSignedIn());
        QCOMPARE(lockRequests.count(), 0);

        typeInto(secret, QStringLiteral("123456"));
        QMenu menu;
        menu.addAction(QStringLiteral("Copy"));
        menu.popup(QPoint(100, 100));
        QTRY_VERIFY(menu.isVisible());

        // Then nobody touches anything.
        QTRY_COMPARE_WITH_TIMEOUT(lockRequests.count(), 1, 10000);
        QCOMPARE(lockRequests.at(0).at(0).value<LockReason>(), LockReason::Idle);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!menu.isVisible());
        QVERIFY(secret->text().isEmpty());
        QCOMPARE(plain->text().isEmpty(), false); // only secrets are wiped
        QVERIFY(find<QLineEdit>(&card, QStringLiteral("cardNumberEdit"))->text().isEmpty());
        QVERIFY(shown.passwordEdit()->text().isEmpty());
        QCOMPARE(fx.ui().context->sessionState(), bw::services::SessionState::Locked);

        // The lead shows the page in Locked mode; the password unlocks.
        page.setMode(SignInPage::Mode::Locked, LockReason::Idle);
        QVERIFY2(find<QLabel>(&page, "subtitleLabel")
                     ->text()
                     .startsWith(QStringLiteral("Locked after 2 seconds without "
                                                "activity.")),
                 qPrintable(find<QLabel>(&page, "subtitleLabel")->text()));
        QCOMPARE(find<QPushButton>(&page, QStringLiteral("signInButton"))->text(), QStringLiteral("Unlock"));
        fx.ui().session->setIdleTimeout(std::chrono::minutes(5));
        signInWith(page, w.password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 2, 20000);
        QVERIFY(fx.ui().context->isSignedIn());
    }
};

QTEST_MAIN(UiSessionTest)
#include "test_ui_session.moc"
