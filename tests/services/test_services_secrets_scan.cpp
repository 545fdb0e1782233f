// The secrets scan (label "stub"): a whole session through the services with known secrets — enrollment
// with identity, password, PIN and TOTP, a debit card and an American Express card linked, money received,
// a payment with the PIN and a TOTP code, a payment with the PIN and an SMS code, the history synced,
// settings written — then every file the app left in its data folder (the wallet database, its WAL and
// shared-memory files, settings.ini, anything else) and everything logged during the session (every
// bw.* category at debug level, captured by a message handler) are searched for each secret, raw and in
// the encodings a careless program would use: UTF-8, UTF-16, base64, base64url, hex and (for the binary
// secrets) base32. None may appear.
//
// Short numeric secrets (the PIN, the CVC, one-time codes) are searched as whole numbers — not preceded or
// followed by another digit — because any 4-to-6-digit string turns up inside longer numbers (receipt
// numbers, timestamps) by chance. The stub's own database (the bank's side) is not part of the scan: it
// lives in another folder, as it would on another machine.
#include "payments_test_support.h"
#include "services/history_service.h"
#include "services/payment_method_service.h"
#include "services/settings_service.h"

#include "crypto/encoding.h"
#include "crypto/otp.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

QMutex g_logMutex;
QByteArray g_log; // every message of the session

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&g_logMutex);
    g_log += QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
}

struct Secret
{
    QString what;
    QByteArray bytes;
    bool shortNumber = false; // matched as a whole number only (see the file comment)
    bool binary = false;      // raw bytes: also searched as base32
};

// The forms a secret could take when written carelessly.
QList<QByteArray> encodings(const Secret &secret)
{
    QList<QByteArray> forms{secret.bytes};
    if (secret.shortNumber)
        return forms; // digits are digits in every text encoding searched below
    forms << secret.bytes.toBase64()
          << secret.bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
          << secret.bytes.toHex() << secret.bytes.toHex().toUpper();
    if (secret.binary) {
        forms << crypto::base32Encode(secret.bytes, crypto::Padding::Without).toUtf8();
    } else {
        const QString text = QString::fromUtf8(secret.bytes);
        forms << QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2); // UTF-16LE
    }
    return forms;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Where `form` occurs in `haystack` (as a whole number when `wholeNumber`), or -1.
qsizetype find(const QByteArray &haystack, const QByteArray &form, bool wholeNumber)
{
    for (qsizetype at = haystack.indexOf(form); at >= 0; at = haystack.indexOf(form, at + 1)) {
        if (!wholeNumber)
            return at;
        const bool digitBefore = at > 0 && isDigit(haystack.at(at - 1));
        const qsizetype end = at + form.size();
        const bool digitAfter = end < haystack.size() && isDigit(haystack.at(end));
        if (!digitBefore && !digitAfter)
            return at;
    }
    return -1;
}

// Also the UTF-16 form of a number (two bytes a digit), in case a file stores text as UTF-16.
QByteArray utf16(const QByteArray &ascii)
{
    QByteArray out;
    for (char c : ascii)
        out.append(c).append('\0');
    return out;
}

} // namespace

class TestServicesSecretsScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSecretInFilesOrLogs()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("bw.*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });

        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet wallet;
        wallet.password = QStringLiteral("Quiet-Lantern-Harbour-91");
        wallet.pin = QStringLiteral("583726");
        QVERIFY2(fx.enrollWallet(wallet, {.identity = true, .totp = true}), qPrintable(fx.error()));
        QVERIFY(!wallet.documentNumber.isEmpty());
        QVERIFY(!wallet.totpSecret.isEmpty());
        QVERIFY2(!fx.addCard(wallet, QStringLiteral("6212345678901232")).isEmpty(), qPrintable(fx.error()));

        // A second card typed into the app: full number and CVC pass through PaymentMethodService.
        const QString amexNumber = QStringLiteral("378282246310005");
        const QString amexCvc = QStringLiteral("8571");
        {
            PaymentMethodService methods(fx.context());
            auto added = awaitResult<gateway::PaymentMethod>([&](auto done) {
                methods.addCard({QStringLiteral("3782 822463 10005"), 12, 2031, amexCvc, wallet.fullName},
                                std::move(done));
            });
            QVERIFY2(added.ok(), qPrintable(added.error().summary()));
            QCOMPARE(added->last4, QStringLiteral("0005"));
        }

        QVERIFY2(fx.giveMoney(wallet, 2'000'00), qPrintable(fx.error()));
        {
            std::unique_ptr<PaymentService> payments = fx.makeService();
            // A new payee: the PIN and a TOTP code.
            PaymentActionId id =
                payments->requestQuote(merchantPayment(QStringLiteral("mer_lantern_coffee"), 18'00));
            QuoteState quote = awaitQuote(*payments, id);
            QVERIFY2(quote.status == QuoteState::Status::Ready, qPrintable(quote.error.summary()));
            QVERIFY(quote.requiresOtp());
            QVERIFY(payments->confirm(id, wallet.pin, fx.unusedTotp(wallet)));
            PaymentState paid = awaitPayment(*payments, id);
            QVERIFY2(paid.phase == PaymentPhase::Succeeded, qPrintable(describe(paid)));

            // Another new payee: the PIN and the SMS code the quote asked for.
            PaymentDraft draft = merchantPayment(QStringLiteral("mer_fresh_field_market"), 42'00);
            draft.note = QStringLiteral("Birthday cake for Wang Fang");
            id = payments->requestQuote(draft);
            quote = awaitQuote(*payments, id);
            QVERIFY2(quote.status == QuoteState::Status::Ready, qPrintable(quote.error.summary()));
            QSignalSpy sent(payments.get(), &PaymentService::otpRequested);
            QVERIFY(payments->requestOtpSms(id));
            QVERIFY(sent.wait(20000));
            const QString smsCode = fx.lastCode(wallet.phone, QStringLiteral("quote"));
            QVERIFY(!smsCode.isEmpty());
            QVERIFY(payments->confirm(id, wallet.pin, smsCode));
            paid = awaitPayment(*payments, id);
            QVERIFY2(paid.phase == PaymentPhase::Succeeded, qPrintable(describe(paid)));
        }
        // A transfer to another customer: a person's name and phone, which are sealed locally.
        const QString payeeName = QStringLiteral("Ouyang Xiaoxue");
        const QString payeePhone =
            fx.enrollRecipient(payeeName, QStringLiteral("ouyang.xiaoxue@example.com"));
        QVERIFY2(!payeePhone.isEmpty(), qPrintable(fx.error()));
        {
            std::unique_ptr<PaymentService> payments = fx.makeService();
            PaymentDraft transfer;
            transfer.kind = gateway::QuoteKind::Transfer;
            transfer.amount = ServicesFixture::cny(66'00);
            transfer.phone = payeePhone;
            const PaymentActionId id = payments->requestQuote(transfer);
            const QuoteState quote = awaitQuote(*payments, id);
            QVERIFY2(quote.status == QuoteState::Status::Ready, qPrintable(quote.error.summary()));
            QVERIFY(
                payments->confirm(id, wallet.pin, quote.requiresOtp() ? fx.unusedTotp(wallet) : QString()));
            const PaymentState sent = awaitPayment(*payments, id);
            QVERIFY2(sent.phase == PaymentPhase::Succeeded, qPrintable(describe(sent)));
        }
        {
            HistoryService history(fx.context());
            QSignalSpy finished(&history, &HistoryService::finished);
            QVERIFY(history.sync());
            QVERIFY(finished.wait(60000));
            QVERIFY(fx.localHistoryCount() >=
                    3); // received, two payments (and the first card top-up, if any)
        }
        {
            SettingsService settings(fx.context());
            QVERIFY(!settings.setLanguage(QStringLiteral("zh_CN")).isError());
            QVERIFY(!settings.setAutoLockMinutes(7).isError());
            QVERIFY(!settings.sync().isError());
        }

        // The device secret, as the keychain holds it (the only place it may be).
        auto credential = awaitGateway<std::optional<gateway::DeviceCredentials>>(
            [&](auto done) { fx.context().deviceCredentials().load(std::move(done)); });
        QVERIFY2(credential.ok() && credential.value().has_value(), qPrintable(credential.error().summary()));
        const QByteArray deviceSecret = credential.value()->deviceSecret.view().toByteArray();
        QVERIFY(deviceSecret.size() >= 16);

        // Every one-time code of the session: the outbox's (enrollment, the quote) and the TOTP codes used.
        auto outbox = awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { fx.devClient().devOutbox(wallet.phone, std::move(done)); });
        QVERIFY2(outbox.ok(), qPrintable(outbox.error().summary()));
        QStringList codes;
        for (const gateway::OutboxMessage &message : outbox.value())
            if (!message.code.isEmpty())
                codes << message.code;
        QVERIFY(codes.size() >= 2);
        for (quint64 step : std::as_const(wallet.usedTotpSteps)) {
            const auto code = crypto::hotp(wallet.totpSecret, step, 6);
            QVERIFY(code.ok());
            codes << code.value();
        }

        QList<Secret> secrets{
            {QStringLiteral("password"), wallet.password.toUtf8()},
            {QStringLiteral("PIN"), wallet.pin.toUtf8(), true},
            {QStringLiteral("debit card number"), QByteArrayLiteral("6212345678901232")},
            {QStringLiteral("debit card number, grouped"), QByteArrayLiteral("6212 3456 7890 1232")},
            {QStringLiteral("Amex card number"), amexNumber.toUtf8()},
            {QStringLiteral("Amex card number, grouped"), QByteArrayLiteral("3782 822463 10005")},
            {QStringLiteral("CVC"), amexCvc.toUtf8(), true},
            {QStringLiteral("document number"), wallet.documentNumber.toUtf8()},
            {QStringLiteral("TOTP secret"), wallet.totpSecret, false, true},
            {QStringLiteral("device secret"), deviceSecret, false, true},
            {QStringLiteral("note (sealed)"), QByteArrayLiteral("Birthday cake for Wang Fang")},
            {QStringLiteral("payee's phone (sealed)"), payeePhone.toUtf8()},
            {QStringLiteral("payee's phone digits"), payeePhone.mid(1).toUtf8()},
            {QStringLiteral("payee's name (sealed)"), payeeName.toUtf8()},
            {QStringLiteral("customer's phone (sealed)"), wallet.phone.toUtf8()},
            {QStringLiteral("customer's e-mail (sealed)"), wallet.email.toUtf8()},
        };
        for (const QString &code : std::as_const(codes))
            secrets.append({QStringLiteral("one-time code %1").arg(code), code.toUtf8(), true});

        // The files twice: while the wallet database is open (its -wal and -shm files exist, holding the
        // latest pages) and after everything is closed (checkpointed into the main file).
        const QString dataDir = fx.context().dataDir();
        QMap<QString, QByteArray> places; // what is searched: each file (open / closed), and the log
        const auto collect = [&](const QString &when) {
            QDirIterator files(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                if (file.open(QIODevice::ReadOnly))
                    places.insert(QDir(dataDir).relativeFilePath(file.fileName()) + when, file.readAll());
            }
        };
        collect(QStringLiteral(" (open)"));
        QVERIFY2(places.contains(QStringLiteral("wallet.sqlite-wal (open)")),
                 qPrintable(places.keys().join(u' ')));
        fx.destroyContext();
        qInstallMessageHandler(previous);
        collect(QString());
        QVERIFY2(places.contains(QStringLiteral("wallet.sqlite")), qPrintable(places.keys().join(u' ')));
        QVERIFY2(places.contains(QStringLiteral("settings.ini")), qPrintable(places.keys().join(u' ')));
        {
            const QMutexLocker lock(&g_logMutex);
            QVERIFY2(g_log.size() > 0, "nothing was logged: the capture is not working");
            places.insert(QStringLiteral("log output"), g_log);
        }
        // The scan can see what it looks for: the merchant's name is stored in the clear (it is indexed).
        bool merchantSeen = false;
        for (const QByteArray &content : std::as_const(places))
            merchantSeen = merchantSeen || content.contains("Lantern Coffee");
        QVERIFY2(merchantSeen, "the scan does not see the database's plain text");

        QStringList found;
        for (const Secret &secret : std::as_const(secrets)) {
            for (const QByteArray &form : encodings(secret)) {
                for (auto place = places.cbegin(); place != places.cend(); ++place) {
                    qsizetype at = find(place.value(), form, secret.shortNumber);
                    if (at < 0 && secret.shortNumber)
                        at = find(place.value(), utf16(form), false);
                    if (at >= 0)
                        found << QStringLiteral("%1 (%2 bytes) in %3 at %4")
                                     .arg(secret.what)
                                     .arg(form.size())
                                     .arg(place.key())
                                     .arg(at);
                }
            }
        }
        qInfo("secrets scan: %lld secrets x their encodings over %lld places (%s): %lld found",
              qlonglong(secrets.size()), qlonglong(places.size()), qPrintable(places.keys().join(u", ")),
              qlonglong(found.size()));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
};

QTEST_MAIN(TestServicesSecretsScan)
#include "test_services_secrets_scan.moc"
