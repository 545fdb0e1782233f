// Every error code that the payment part of the contract names (payment methods, quotes, payments:
// docs/gateway-openapi.yaml, each operation's x-error-codes) reaches the customer as its own sentence — in
// English, and in Simplified Chinese once the app's translation is loaded (through ui/language, as the app
// switches). A code left untranslated in the catalogue shows up here as English text in the Chinese UI.
#include "gateway/gateway_error.h"
#include "services/payment_state.h"
#include "ui/language.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace bw;

namespace {

// The codes of the operations from `/v1/payment-methods` up to (not including) `/v1/transactions`.
QStringList paymentCodes()
{
    QFile file(QStringLiteral(BW_OPENAPI_PATH));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString yaml = QString::fromUtf8(file.readAll());
    const qsizetype from = yaml.indexOf(QStringLiteral("\n  /v1/payment-methods:"));
    const qsizetype to = yaml.indexOf(QStringLiteral("\n  /v1/transactions:"));
    if (from < 0 || to < from)
        return {};
    const QString part = yaml.mid(from, to - from);
    QStringList codes;
    static const QRegularExpression lists(QStringLiteral("x-error-codes:\\s*\\[([^\\]]*)\\]"));
    for (auto it = lists.globalMatch(part); it.hasNext();) {
        for (const QString &code : it.next().captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!codes.contains(code.trimmed()))
                codes.append(code.trimmed());
        }
    }
    codes.sort();
    return codes;
}

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return text.contains(han);
}

QString messageFor(const QString &code)
{
    return gateway::GatewayError::make(gateway::ErrorKind::Api, code).userMessage();
}

} // namespace

class PaymentMessagesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theContractNamesThePaymentCodes()
    {
        const QStringList codes = paymentCodes();
        // The ones a customer meets most: a sanity check that the slice of the contract is the right one.
        for (const char *code : {"quote_expired", "quote_used", "pin_invalid", "pin_locked", "otp_required",
                                 "otp_invalid", "limit_exceeded", "balance_insufficient", "card_declined",
                                 "insufficient_funds", "incorrect_cvc", "invalid_card_number",
                                 "idempotency_key_reused", "travel_rule_incomplete", "tier_not_allowed"})
            QVERIFY2(codes.contains(QLatin1String(code)), code);
    }

    void everyPaymentCodeHasItsOwnEnglishSentence()
    {
        const QString generic = gateway::genericApiErrorMessage();
        QStringList missing;
        for (const QString &code : paymentCodes()) {
            const QString message = messageFor(code);
            if (message.isEmpty() || message == generic || hasChinese(message))
                missing.append(code);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    }

    void everyPaymentCodeIsTranslatedIntoChinese()
    {
        QHash<QString, QString> english;
        for (const QString &code : paymentCodes())
            english.insert(code, messageFor(code));
        ui::Language language;
        QVERIFY(language.setCurrent(QStringLiteral("zh_CN")));
        QStringList untranslated;
        for (auto it = english.cbegin(); it != english.cend(); ++it) {
            const QString chinese = messageFor(it.key());
            if (chinese == it.value() || !hasChinese(chinese))
                untranslated.append(it.key());
        }
        untranslated.sort();
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char(' '))));
        // The wrong-PIN sentence keeps the attempts left in Chinese too.
        auto wrongPin = gateway::GatewayError::make(gateway::ErrorKind::Api, QStringLiteral("pin_invalid"));
        wrongPin.attemptsRemaining = 2;
        QVERIFY(hasChinese(wrongPin.userMessage()));
        QVERIFY(wrongPin.userMessage().contains(QLatin1Char('2')));
        QVERIFY(language.setCurrent(QStringLiteral("en")));
        QVERIFY(!hasChinese(messageFor(QStringLiteral("card_declined"))));
    }

    // What the payment dialog says about a finished payment (PaymentState::userMessage) for a decline, a
    // held and a rejected payment: translated as well.
    void paymentOutcomesAreTranslated()
    {
        services::PaymentState declined;
        declined.phase = services::PaymentPhase::Declined;
        declined.failureCode = QStringLiteral("card_declined");
        declined.error = gateway::GatewayError::make(gateway::ErrorKind::Api, declined.failureCode);
        services::PaymentState held;
        held.phase = services::PaymentPhase::PendingReview;
        services::PaymentState rejected;
        rejected.phase = services::PaymentPhase::Rejected;
        rejected.failureCode = QStringLiteral("sanctions_match");
        const QList<services::PaymentState> states{declined, held, rejected};
        QStringList inEnglish;
        for (const auto &state : states) {
            QVERIFY(!state.userMessage().isEmpty());
            QVERIFY(!hasChinese(state.userMessage()));
            inEnglish.append(state.userMessage());
        }
        QCOMPARE(QSet<QString>(inEnglish.cbegin(), inEnglish.cend()).size(), inEnglish.size());
        ui::Language language;
        QVERIFY(language.setCurrent(QStringLiteral("zh_CN")));
        for (const auto &state : states)
            QVERIFY2(hasChinese(state.userMessage()), qPrintable(state.userMessage()));
        QVERIFY(language.setCurrent(QStringLiteral("en")));
    }
};

QTEST_MAIN(PaymentMessagesTest)
#include "test_ui_payment_messages.moc"
