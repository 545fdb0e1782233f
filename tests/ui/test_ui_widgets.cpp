// The reusable widgets of ui/widgets on their own, driven through their object names as a person would:
// typing, Backspace, paste, clicks, focus changes; asserting what the person sees.
#include "widget_driver.h"

#include "core/card_validator.h"
#include "core/currency.h"
#include "core/iban_validator.h"
#include "core/money.h"
#include "core/phone_validator.h"
#include "ui/language.h"
#include "ui/widgets/bank_account_form.h"
#include "ui/widgets/card_form.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/limit_meter.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/pin_entry.h"
#include "ui/widgets/qr_code_view.h"
#include "ui/widgets/tier_badge.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QTranslator>
#include <QVBoxLayout>
#include <QtTest>

#include <qrencode.h>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;

namespace {

// Shows the widget in its own active window, so focus moves as it does for a person.
void showActive(QWidget *widget)
{
    widget->resize(560, widget->sizeHint().height());
    widget->show();
    QApplication::setActiveWindow(widget);
    QVERIFY(QTest::qWaitForWindowActive(widget));
}

void typeKeys(const QString &text)
{
    for (const QChar c : text) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, c.toLatin1());
    }
}

// A translator that marks every string of bw::ui's widgets, so a test can see retranslation happen without
// depending on the shipped catalogue.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        // Code uses the class's context; a Designer form's retranslateUi() uses the form's class name.
        const QByteArray ctx(context);
        if (ctx.startsWith("bw::ui::") || ctx == "CardForm" || ctx == "BankAccountForm") {
            return QStringLiteral("[zz] ") + QString::fromUtf8(sourceText);
        }
        return {};
    }
    bool isEmpty() const override { return false; }
};

core::Money cny(qint64 minor)
{
    return core::Money(minor, *core::Currency::fromCode(u"CNY"));
}

} // namespace

class TestUiWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_US"))); }

    void pinTypingMovesFocusAndBackspaceGoesBack()
    {
        PinEntry pin;
        showActive(&pin);
        QLineEdit *boxes[PinEntry::kLength];
        for (int i = 0; i < PinEntry::kLength; ++i) {
            boxes[i] = find<QLineEdit>(&pin, QStringLiteral("pinBox%1").arg(i));
            QVERIFY(boxes[i]);
            QCOMPARE(boxes[i]->echoMode(), QLineEdit::Password);
            QCOMPARE(boxes[i]->maxLength(), 1);
        }
        QSignalSpy completed(&pin, &PinEntry::completed);
        QSignalSpy changed(&pin, &PinEntry::changed);
        boxes[0]->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), boxes[0]);

        // Letters are refused; digits move on to the next box.
        QTest::keyClick(boxes[0], Qt::Key_A);
        QCOMPARE(boxes[0]->text(), QString());
        QCOMPARE(QApplication::focusWidget(), boxes[0]);
        typeKeys(QStringLiteral("12"));
        QCOMPARE(QApplication::focusWidget(), boxes[2]);
        QVERIFY(!pin.isComplete());
        QCOMPARE(pin.pin(), QString());
        typeKeys(QStringLiteral("3456"));
        QCOMPARE(completed.count(), 1);
        QVERIFY(pin.isComplete());
        QCOMPARE(pin.pin(), QStringLiteral("123456"));
        QVERIFY(changed.count() >= 6);

        // Backspace in the full last box empties it; again, goes back and empties the previous box.
        QCOMPARE(QApplication::focusWidget(), boxes[5]);
        QTest::keyClick(boxes[5], Qt::Key_Backspace);
        QCOMPARE(boxes[5]->text(), QString());
        QCOMPARE(QApplication::focusWidget(), boxes[5]);
        QTest::keyClick(boxes[5], Qt::Key_Backspace);
        QCOMPARE(boxes[4]->text(), QString());
        QCOMPARE(QApplication::focusWidget(), boxes[4]);
        QVERIFY(!pin.isComplete());
        QCOMPARE(pin.pin(), QString());
        typeKeys(QStringLiteral("90"));
        QCOMPARE(pin.pin(), QStringLiteral("123490"));
        QCOMPARE(completed.count(), 2); // completed again after a digit was removed and retyped

        // Typing more into the full last box does not complete twice.
        typeKeys(QStringLiteral("7"));
        QCOMPARE(pin.pin(), QStringLiteral("123497"));
        QCOMPARE(completed.count(), 2);

        pin.setError(true);
        QVERIFY(pin.hasError());
        QVERIFY(boxes[0]->styleSheet().contains(QStringLiteral("#b42318")));
        pin.clear();
        for (QLineEdit *box : boxes) {
            QCOMPARE(box->text(), QString());
        }
        QCOMPARE(QApplication::focusWidget(), boxes[0]);

        // Keys sent to the first box after focus moved on (as typeInto does) fill the next boxes.
        typeInto(boxes[0], QStringLiteral("654321"));
        QCOMPARE(pin.pin(), QStringLiteral("654321"));
        QCOMPARE(completed.count(), 3);
    }

    void pinPasteIsRejected()
    {
        PinEntry pin;
        showActive(&pin);
        QApplication::clipboard()->setText(QStringLiteral("123456"));
        if (QApplication::clipboard()->text() != QStringLiteral("123456")) {
            QSKIP("this platform plugin has no clipboard");
        }
        auto *box0 = find<QLineEdit>(&pin, "pinBox0");
        box0->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), box0);
        QSignalSpy changed(&pin, &PinEntry::changed);
        QSignalSpy completed(&pin, &PinEntry::completed);

        QTest::keyClick(box0, Qt::Key_V, Qt::ControlModifier);
        QTest::keySequence(box0, QKeySequence::Paste);
        QTest::keyClick(box0, Qt::Key_Insert, Qt::ShiftModifier);
        // Middle click pastes the selection on X11.
        QTest::mouseClick(box0, Qt::MiddleButton);
        for (int i = 0; i < PinEntry::kLength; ++i) {
            QCOMPARE(find<QLineEdit>(&pin, QStringLiteral("pinBox%1").arg(i))->text(), QString());
        }
        QCOMPARE(pin.pin(), QString());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(completed.count(), 0);
        QCOMPARE(QApplication::focusWidget(), box0);
        // No context menu (with its Paste entry) and no drops.
        QCOMPARE(box0->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!box0->acceptDrops());
    }

    void passwordRulesTickLive()
    {
        PasswordField field;
        field.setPersonalContext(QStringLiteral("Li Wei"), QStringLiteral("+8613800138000"));
        showActive(&field);
        auto *edit = find<QLineEdit>(&field, "passwordEdit");
        auto *strength = find<QLabel>(&field, "strengthLabel");
        auto *meter = find<QProgressBar>(&field, "strengthMeter");
        QVERIFY(find<QWidget>(&field, "rulesList"));
        auto state = [&](const char *rule) {
            return find<QLabel>(&field, rule)->property("state").toString();
        };
        QSignalSpy changed(&field, &PasswordField::changed);

        QCOMPARE(state("ruleLength"), QStringLiteral("pending"));
        QVERIFY(find<QLabel>(&field, "ruleLength")->text().contains(QStringLiteral("8 to 128 characters")));

        typeInto(edit, QStringLiteral("abc"));
        QCOMPARE(state("ruleLength"), QStringLiteral("fail"));
        QCOMPARE(strength->text(), QStringLiteral("Weak"));
        QVERIFY(!field.isAcceptable());
        QVERIFY(changed.count() > 0);

        // A common password: long enough, but on the list.
        typeInto(edit, QStringLiteral("password123"));
        QCOMPARE(state("ruleLength"), QStringLiteral("pass"));
        QCOMPARE(state("ruleCommon"), QStringLiteral("fail"));
        QCOMPARE(state("rulePhone"), QStringLiteral("pass"));
        QCOMPARE(state("ruleName"), QStringLiteral("pass"));
        QCOMPARE(strength->text(), QStringLiteral("Weak"));
        QCOMPARE(field.strength(), PasswordField::Strength::Weak);
        QVERIFY(!field.isAcceptable());

        // Seven digits of the phone number; the name (spaces ignored, any case).
        typeInto(edit, QStringLiteral("Blue13800138Sky!"));
        QCOMPARE(state("rulePhone"), QStringLiteral("fail"));
        QVERIFY(!field.isAcceptable());
        typeInto(edit, QStringLiteral("Quiet-liwei-River"));
        QCOMPARE(state("ruleName"), QStringLiteral("fail"));
        QCOMPARE(state("rulePhone"), QStringLiteral("pass"));
        QVERIFY(!field.isAcceptable());
        // Too short hides nothing: the phone rule is still judged.
        typeInto(edit, QStringLiteral("1380013"));
        QCOMPARE(state("ruleLength"), QStringLiteral("fail"));
        QCOMPARE(state("rulePhone"), QStringLiteral("fail"));

        typeInto(edit, QStringLiteral("Xk9#mq2!vLp7-Tr"));
        for (const char *rule : {"ruleLength", "ruleCommon", "rulePhone", "ruleName"}) {
            QCOMPARE(state(rule), QStringLiteral("pass"));
        }
        QVERIFY(field.isAcceptable());
        QVERIFY(field.strength() >= PasswordField::Strength::Good);
        QVERIFY(strength->text() == QStringLiteral("Good") || strength->text() == QStringLiteral("Strong"));
        QCOMPARE(meter->value(), int(field.strength()));
        QCOMPARE(field.password(), QStringLiteral("Xk9#mq2!vLp7-Tr"));
    }

    void passwordShowHideAndConfirm()
    {
        PasswordField field;
        showActive(&field);
        auto *edit = find<QLineEdit>(&field, "passwordEdit");
        auto *toggle = find<QToolButton>(&field, "showPasswordButton");
        QVERIFY(toggle->isCheckable());
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QCOMPARE(toggle->text(), QStringLiteral("Show"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QCOMPARE(toggle->text(), QStringLiteral("Hide"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);

        auto *confirm = find<QLineEdit>(&field, "confirmEdit");
        auto *mismatch = find<QLabel>(&field, "confirmMessage");
        QVERIFY(!confirm->isVisible());
        field.setConfirmVisible(true);
        QVERIFY(confirm->isVisible());
        typeInto(edit, QStringLiteral("Xk9#mq2!vLp7-Tr"));
        QVERIFY(!field.isAcceptable());
        typeInto(confirm, QStringLiteral("Xk9#mq2!"));
        // Still a prefix of the password: no message yet.
        QVERIFY(!mismatch->isVisible());
        QTest::keyClicks(confirm, QStringLiteral("X"));
        QVERIFY(mismatch->isVisible());
        QCOMPARE(mismatch->text(), QStringLiteral("The passwords do not match"));
        QVERIFY(!field.isAcceptable());
        typeInto(confirm, QStringLiteral("Xk9#mq2!vLp7-Tr"));
        QVERIFY(!mismatch->isVisible());
        QVERIFY(field.isAcceptable());

        QTest::mouseClick(toggle, Qt::LeftButton);
        QCOMPARE(confirm->echoMode(), QLineEdit::Normal);
        field.clear();
        QCOMPARE(edit->text(), QString());
        QCOMPARE(confirm->text(), QString());
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!field.isAcceptable());
    }

    void cardFormDetectsAndGroupsBrands_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("grouped");
        QTest::addColumn<QString>("brand");
        QTest::newRow("visa") << "4242424242424242"
                              << "4242 4242 4242 4242"
                              << "visa";
        QTest::newRow("mastercard") << "5555555555554444"
                                    << "5555 5555 5555 4444"
                                    << "mastercard";
        QTest::newRow("unionpay") << "6212345678901232"
                                  << "6212 3456 7890 1232"
                                  << "unionpay";
        QTest::newRow("amex") << "378282246310005"
                              << "3782 822463 10005"
                              << "amex";
        QTest::newRow("jcb") << "3530111333300000"
                             << "3530 1113 3330 0000"
                             << "jcb";
    }

    void cardFormDetectsAndGroupsBrands()
    {
        QFETCH(QString, typed);
        QFETCH(QString, grouped);
        QFETCH(QString, brand);
        CardForm form;
        showActive(&form);
        auto *number = find<QLineEdit>(&form, "cardNumberEdit");
        auto *brandLabel = find<QLabel>(&form, "brandLabel");
        auto *brandIcon = find<QLabel>(&form, "brandIcon");
        QCOMPARE(brandLabel->text(), QString());
        typeInto(number, typed);
        QCOMPARE(number->text(), grouped);
        QCOMPARE(brandIcon->property("brand").toString(), brand);
        QVERIFY(!brandIcon->pixmap().isNull());
        const auto detected = core::CardValidator::detectBrand(typed);
        QVERIFY(detected);
        QCOMPARE(brandLabel->text(), core::cardBrandDisplayName(*detected));
        QCOMPARE(core::cardBrandCode(*form.detectedBrand()), brand);
        QCOMPARE(form.cardInput().number, typed);
        // The number is valid: leaving the field shows no message.
        QTest::keyClick(number, Qt::Key_Tab);
        QVERIFY(!find<QLabel>(&form, "cardNumberMessage")->isVisible());
        QCOMPARE(find<QLineEdit>(&form, "cvcEdit")->maxLength(), brand == QLatin1String("amex") ? 4 : 3);
    }

    void cardFormMessagesAndValidity()
    {
        CardForm form;
        form.setToday(QDate(2026, 6, 15));
        showActive(&form);
        auto *number = find<QLineEdit>(&form, "cardNumberEdit");
        auto *numberMessage = find<QLabel>(&form, "cardNumberMessage");
        auto *expiry = find<QLineEdit>(&form, "expiryEdit");
        auto *expiryMessage = find<QLabel>(&form, "expiryMessage");
        auto *cvc = find<QLineEdit>(&form, "cvcEdit");
        auto *cvcMessage = find<QLabel>(&form, "cvcMessage");
        auto *holder = find<QLineEdit>(&form, "holderEdit");
        QSignalSpy validity(&form, &CardForm::validityChanged);
        QCOMPARE(cvc->echoMode(), QLineEdit::Password);

        // Nothing is said before the person types.
        QVERIFY(!numberMessage->isVisible());
        typeInto(number, QStringLiteral("4242424242424241"));
        QVERIFY(!numberMessage->isVisible()); // not while typing the first time
        QTest::keyClick(number, Qt::Key_Tab);
        QVERIFY(numberMessage->isVisible());
        const QString luhnMessage = core::CardValidator::validateNumber(u"4242424242424241").message();
        QVERIFY(!luhnMessage.isEmpty());
        QCOMPARE(numberMessage->text(), luhnMessage);
        QCOMPARE(core::CardValidator::validateNumber(u"4242424242424241").codeString(),
                 QStringLiteral("invalid_card_number"));
        // Fixing the number takes the message away at once.
        QTest::keyClick(number, Qt::Key_Backspace);
        QTest::keyClicks(number, QStringLiteral("2"));
        QVERIFY(!numberMessage->isVisible());

        // The caret stays after the digit typed when a group space is inserted before it.
        typeInto(number, QStringLiteral("42424242"));
        number->setCursorPosition(2);
        QTest::keyClicks(number, QStringLiteral("1"));
        QCOMPARE(number->text(), QStringLiteral("4214 2424 2"));
        QCOMPARE(number->cursorPosition(), 3);
        typeInto(number, QStringLiteral("4242424242424242"));

        // Expiry MM/YY: the slash comes by itself; an expired month is refused.
        typeInto(expiry, QStringLiteral("0526"));
        QCOMPARE(expiry->text(), QStringLiteral("05/26"));
        QTest::keyClick(expiry, Qt::Key_Tab);
        QVERIFY(expiryMessage->isVisible());
        QCOMPARE(expiryMessage->text(),
                 core::validationMessage(core::ValidationCode::CardExpired, core::ValidationReason::Expired));
        typeInto(expiry, QStringLiteral("1230"));
        QCOMPARE(expiry->text(), QStringLiteral("12/30"));
        QVERIFY(!expiryMessage->isVisible());

        typeInto(cvc, QStringLiteral("12"));
        QTest::keyClick(cvc, Qt::Key_Tab);
        QVERIFY(cvcMessage->isVisible());
        QCOMPARE(cvcMessage->text(),
                 core::CardValidator::validateCvc(u"12", core::CardBrand::Visa).message());
        QVERIFY(!form.isValid());
        typeInto(cvc, QStringLiteral("123"));
        QVERIFY(!cvcMessage->isVisible());
        QVERIFY(!form.isValid()); // no holder yet
        typeInto(holder, QStringLiteral("Li Wei"));
        QVERIFY(form.isValid());
        QVERIFY(!validity.isEmpty());
        QCOMPARE(validity.last().at(0).toBool(), true);

        const services::CardInput input = form.cardInput();
        QCOMPARE(input.number, QStringLiteral("4242424242424242"));
        QCOMPARE(input.expMonth, 12);
        QVERIFY(input.expYear == 2030 || input.expYear == 30);
        QCOMPARE(input.cvc, QStringLiteral("123"));
        QCOMPARE(input.holderName, QStringLiteral("Li Wei"));

        form.clear();
        QCOMPARE(number->text(), QString());
        QCOMPARE(cvc->text(), QString());
        QCOMPARE(holder->text(), QStringLiteral("Li Wei"));
        QVERIFY(!form.isValid());
        QCOMPARE(validity.last().at(0).toBool(), false);
        QVERIFY(!numberMessage->isVisible()); // a cleared form starts quiet again
        QCOMPARE(find<QLabel>(&form, "brandLabel")->text(), QString());
    }

    void bankAccountFormGroupsIban()
    {
        BankAccountForm form;
        gateway::Bank supported{QStringLiteral("bnk_demo"), QStringLiteral("Demo Bank"),
                                QStringLiteral("演示银行"), true, QStringLiteral("CN")};
        gateway::Bank other{QStringLiteral("bnk_none"), QStringLiteral("Other Bank"),
                            QStringLiteral("其他银行"), false, QStringLiteral("CN")};
        gateway::Bank second{QStringLiteral("bnk_two"), QStringLiteral("Second Bank"),
                             QStringLiteral("第二银行"), true, QStringLiteral("GB")};
        form.setBanks({supported, other, second});
        showActive(&form);
        auto *combo = find<QComboBox>(&form, "bankCombo");
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(0), QStringLiteral("Demo Bank"));
        QCOMPARE(form.selectedBankId(), QStringLiteral("bnk_demo"));
        form.setSelectedBank(QStringLiteral("bnk_two"));
        QCOMPARE(combo->currentText(), QStringLiteral("Second Bank"));

        auto *account = find<QLineEdit>(&form, "accountEdit");
        auto *message = find<QLabel>(&form, "accountMessage");
        auto *holder = find<QLineEdit>(&form, "accountHolderEdit");
        typeInto(account, QStringLiteral("GB82WEST12345698765432"));
        QCOMPARE(account->text(), QStringLiteral("GB82 WEST 1234 5698 7654 32"));
        typeInto(holder, QStringLiteral("Li Wei"));
        QVERIFY(form.isValid());
        const services::BankAccountInput input = form.accountInput();
        QCOMPARE(input.bankId, QStringLiteral("bnk_two"));
        QCOMPARE(input.accountNumberOrIban, QStringLiteral("GB82WEST12345698765432"));
        QCOMPARE(input.holderName, QStringLiteral("Li Wei"));

        typeInto(account, QStringLiteral("de89 3704 0044 0532 0130 00"));
        QCOMPARE(account->text(), QStringLiteral("DE89 3704 0044 0532 0130 00"));
        QVERIFY(form.isValid());

        // A wrong check digit: refused, with core's message once the field is left.
        typeInto(account, QStringLiteral("GB82WEST12345698765433"));
        QVERIFY(!form.isValid());
        QTest::keyClick(account, Qt::Key_Tab);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), core::IbanValidator::validate(u"GB82WEST12345698765433").message());

        // A domestic account number is taken as typed.
        typeInto(account, QStringLiteral("6222020000001234"));
        QCOMPARE(account->text(), QStringLiteral("6222020000001234"));
        QVERIFY(form.isValid());
        QVERIFY(!message->isVisible());

        form.clear();
        QCOMPARE(account->text(), QString());
        QVERIFY(!form.isValid());
    }

    void qrCodeMatchesLibqrencode()
    {
        const QString uri =
            QStringLiteral("otpauth://totp/BankWallet:alice?secret=JBSWY3DPEHPK3PXP&issuer=BankWallet");
        QrCodeView view;
        QVERIFY(view.isEmpty());
        QCOMPARE(view.moduleCount(), 0);
        QVERIFY(view.image(4).isNull());
        view.setText(uri);
        QRcode *reference = QRcode_encodeString(uri.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        QVERIFY(reference);
        const int width = reference->width;
        QCOMPARE(view.moduleCount(), width);
        QCOMPARE(width, reference->version * 4 + 17);

        const int px = 4;
        const QImage img = view.image(px);
        const int quiet = QrCodeView::kQuietZoneModules;
        QCOMPARE(img.width(), (width + 2 * quiet) * px);
        QCOMPARE(img.height(), img.width());
        auto module = [&](int x, int y) {
            // The centre pixel of a module: black or white, nothing in between.
            const QRgb c = img.pixel((x + quiet) * px + px / 2, (y + quiet) * px + px / 2);
            if (c == qRgb(0, 0, 0)) {
                return 1;
            }
            if (c == qRgb(255, 255, 255)) {
                return 0;
            }
            return -1;
        };
        // Quiet zone white.
        QCOMPARE(img.pixel(0, 0), qRgb(255, 255, 255));
        QCOMPARE(img.pixel(img.width() - 1, img.height() - 1), qRgb(255, 255, 255));
        // The three finder patterns: dark outer ring, light ring, dark 3×3 centre.
        for (const QPoint corner : {QPoint(0, 0), QPoint(width - 7, 0), QPoint(0, width - 7)}) {
            QCOMPARE(module(corner.x(), corner.y()), 1);
            QCOMPARE(module(corner.x() + 6, corner.y() + 6), 1);
            QCOMPARE(module(corner.x() + 1, corner.y() + 1), 0);
            QCOMPARE(module(corner.x() + 5, corner.y() + 1), 0);
            QCOMPARE(module(corner.x() + 3, corner.y() + 3), 1);
            QCOMPARE(module(corner.x() + 2, corner.y() + 4), 1);
        }
        // Every module as libqrencode made it.
        for (int y = 0; y < width; ++y) {
            for (int x = 0; x < width; ++x) {
                QCOMPARE(module(x, y), int(reference->data[y * width + x] & 1));
            }
        }
        QRcode_free(reference);

        QCOMPARE(view.sizeHint(), QSize(220, 220));
        view.resize(220, 220);
        const QImage shown = view.grab().toImage();
        QVERIFY(!shown.isNull());

        view.clear();
        QCOMPARE(view.moduleCount(), 0);
        QVERIFY(view.image(4).isNull());
        view.setText(QString());
        QVERIFY(view.isEmpty());
    }

    void limitMeterText()
    {
        LimitMeter meter;
        const QLocale en(QStringLiteral("en_US"));
        meter.setUsage(cny(123400), cny(500000), en);
        const QString expected =
            QStringLiteral("%1 of %2 used today").arg(cny(123400).format(en), cny(500000).format(en));
        QCOMPARE(meter.usageText(), expected);
        QCOMPARE(find<QLabel>(&meter, "limitText")->text(), expected);
        QVERIFY(expected.contains(QStringLiteral("1,234.00")));
        QVERIFY(expected.contains(QStringLiteral("5,000.00")));
        QCOMPARE(find<QProgressBar>(&meter, "limitBar")->value(), 246);
        QCOMPARE(find<QLabel>(&meter, "limitTitle")->text(), QStringLiteral("Today's limit"));

        meter.setUsage(cny(123400), std::nullopt, en);
        QCOMPARE(meter.usageText(), QStringLiteral("No limit"));
        QCOMPARE(find<QProgressBar>(&meter, "limitBar")->value(), 0);

        meter.setPeriod(LimitMeter::Period::ThisYear);
        meter.setUsage(cny(900000), cny(500000), en);
        QVERIFY(meter.usageText().endsWith(QStringLiteral("used this year")));
        QCOMPARE(find<QProgressBar>(&meter, "limitBar")->value(), 1000);
    }

    void tierBadgeText()
    {
        TierBadge badge;
        badge.setTier(3);
        QCOMPARE(badge.text(), QStringLiteral("Tier 3 · Verified"));
        badge.setTier(4);
        QCOMPARE(badge.text(), QStringLiteral("Tier 4 · Anonymous"));
        badge.setTier(2);
        QCOMPARE(badge.text(), QStringLiteral("Tier 2 · Bank-linked"));
        badge.setTier(1);
        QCOMPARE(badge.text(), QStringLiteral("Tier 1 · Verified in branch"));
        badge.setTier(9);
        QCOMPARE(badge.text(), QString());
    }

    void fieldMessageHiddenWhenEmpty()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *edit = new QLineEdit(&window);
        auto *message = new FieldMessage(&window);
        auto *other = new QLineEdit(&window);
        layout->addWidget(edit);
        layout->addWidget(message);
        layout->addWidget(other);
        showActive(&window);
        QVERIFY(!message->isVisible());
        message->show(QStringLiteral("Wrong"));
        QVERIFY(message->isVisible());
        message->clearMessage();
        QVERIFY(!message->isVisible());

        ValidatedField field(edit, message, validators::phone());
        QSignalSpy validity(&field, &ValidatedField::validityChanged);
        QVERIFY(!field.isValid());
        QVERIFY(!message->isVisible()); // nothing typed yet: nothing said
        typeInto(edit, QStringLiteral("+86 138"));
        QVERIFY(!message->isVisible());
        other->setFocus();
        QTRY_VERIFY(message->isVisible());
        QCOMPARE(message->text(), core::PhoneValidator::validate(u"+86 138").message());
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("0013 8000"));
        QVERIFY(field.isValid());
        QVERIFY(!message->isVisible());
        QCOMPARE(validity.count(), 1);
        field.setExternalError(QStringLiteral("This number is already registered."));
        QVERIFY(!field.isValid());
        QCOMPARE(message->text(), QStringLiteral("This number is already registered."));
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, QStringLiteral("1"));
        QCOMPARE(message->text(), QString());
    }

    void languageChangeRetranslates()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *password = new PasswordField(&window);
        auto *card = new CardForm(&window);
        auto *badge = new TierBadge(&window);
        auto *meter = new LimitMeter(&window);
        auto *pin = new PinEntry(&window);
        auto *qr = new QrCodeView(&window);
        for (QWidget *w : std::initializer_list<QWidget *>{password, card, badge, meter, pin, qr}) {
            layout->addWidget(w);
        }
        badge->setTier(3);
        meter->setUsage(cny(100), cny(500000), QLocale(QStringLiteral("en_US")));
        showActive(&window);
        auto *rule = find<QLabel>(password, "ruleLength");
        auto *cardLabel = find<QLabel>(card, "cardNumberLabel");
        const QString ruleEnglish = rule->text();
        const QString cardEnglish = cardLabel->text();

        // The app's own switch (its catalogue may not be linked into this test: only no crash is asserted).
        Language language;
        QVERIFY(language.setCurrent(QStringLiteral("zh_CN")));
        QCoreApplication::processEvents();
        QVERIFY(language.setCurrent(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(rule->text(), ruleEnglish);
        QCOMPARE(cardLabel->text(), cardEnglish);

        // A translator that marks every string proves every visible text is set again on LanguageChange.
        MarkingTranslator marking;
        QCoreApplication::installTranslator(&marking);
        QCoreApplication::processEvents();
        QCOMPARE(rule->text(), ruleEnglish.left(2) + QStringLiteral("[zz] 8 to 128 characters"));
        QVERIFY(cardLabel->text().startsWith(QStringLiteral("[zz] ")));
        QVERIFY(badge->text().startsWith(QStringLiteral("[zz] ")));
        QVERIFY(find<QLabel>(meter, "limitText")->text().startsWith(QStringLiteral("[zz] ")));
        QVERIFY(
            find<QToolButton>(password, "showPasswordButton")->text().startsWith(QStringLiteral("[zz] ")));
        QCoreApplication::removeTranslator(&marking);
        QCoreApplication::processEvents();
        QCOMPARE(rule->text(), ruleEnglish);
        QCOMPARE(cardLabel->text(), cardEnglish);
        QCOMPARE(badge->text(), QStringLiteral("Tier 3 · Verified"));
    }
};

QTEST_MAIN(TestUiWidgets)
#include "test_ui_widgets.moc"
