// Diagnostics as the bank's support desk and a customer meet them: the log in the data folder rotates and
// stays small and private; --log / --verbose switch categories; Help → Copy diagnostics puts versions,
// platform, keychain, gateway and the recent warnings on the clipboard — and after a whole session with
// known secrets (enrollment with identity, password, PIN and TOTP, a card typed in with its CVC, a payment
// with the PIN and a TOTP code, SMS codes), neither that text nor the log files hold any of them.
#include "../services/payments_test_support.h"
#include "widget_test_support.h"

#include "app/bankwallet/app_environment.h"
#include "app/bankwallet/command_line.h"
#include "bw_config.h"
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "services/diagnostics_log.h"
#include "services/diagnostics_report.h"
#include "services/payment_method_service.h"
#include "ui/main/main_window.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;
using bw::services::DiagnosticsLog;
using bw::services::LogConfig;

namespace {

Q_LOGGING_CATEGORY(lcTest, "bw.test")

const ComponentVersions kVersions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                  QStringLiteral("OpenSSL 3.0.test"), QStringLiteral("0.13.2")};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Secret
{
    QString what;
    QByteArray bytes;
    bool shortNumber = false; // matched as a whole number (not inside a longer one)
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool containsSecret(const QByteArray &haystack, const Secret &secret)
{
    for (qsizetype at = haystack.indexOf(secret.bytes); at >= 0;
         at = haystack.indexOf(secret.bytes, at + 1)) {
        if (!secret.shortNumber)
            return true;
        const qsizetype end = at + secret.bytes.size();
        if ((at == 0 || !isDigit(haystack.at(at - 1))) &&
            (end >= haystack.size() || !isDigit(haystack.at(end))))
            return true;
    }
    return false;
}

} // namespace

class TestUiDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        DiagnosticsLog::uninstall();
        DiagnosticsLog::clearRecentWarnings();
        QLoggingCategory::setFilterRules(QString());
    }

    // The log rotates while running: at most rotatedFiles + 1 files, each within the cap, owner-only, the
    // newest lines in bankwallet.log; warnings (only) in the ring, the newest kept.
    void logRotatesAndKeepsRecentWarnings()
    {
        QTemporaryDir dir;
        LogConfig config;
        config.directory = dir.filePath(QStringLiteral("logs"));
        config.maxFileBytes = 4000;
        config.rotatedFiles = 3;
        config.recentWarnings = 5;
        config.echoToStderr = false;
        QVERIFY(DiagnosticsLog::install(config));
        for (int i = 0; i < 400; ++i)
            qCInfo(lcTest, "line %03d %s", i, QByteArray(60, 'x').constData());
        for (int i = 0; i < 8; ++i)
            qCWarning(lcTest, "warning %d", i);
        qCDebug(lcTest, "a debug line after the warnings");
        qCInfo(lcTest, "a server said: ok\n2026-01-01T00:00:00.000Z warning bw.test: forged");

        const QStringList files = DiagnosticsLog::filePaths();
        const QString base = config.directory + QStringLiteral("/bankwallet.log");
        QCOMPARE(files, (QStringList{base, base + QStringLiteral(".1"), base + QStringLiteral(".2"),
                                     base + QStringLiteral(".3")}));
        QVERIFY(!QFile::exists(base + QStringLiteral(".4")));
        for (const QString &file : files) {
            QVERIFY2(QFileInfo(file).size() <= config.maxFileBytes, qPrintable(file));
            QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const QByteArray current = readFile(base);
        QVERIFY(current.contains("a debug line after the warnings"));
        QVERIFY(current.contains("warning 7"));
        // A newline inside a message cannot forge a line of its own.
        QVERIFY(current.contains("a server said: ok\\n2026-01-01T00:00:00.000Z warning bw.test: forged\n"));
        QVERIFY(!current.contains("\n2026-01-01T00:00:00.000Z"));
        QVERIFY(readFile(base + QStringLiteral(".3")).contains("line 3")); // older lines further down
        QVERIFY(!readFile(base + QStringLiteral(".3")).contains("warning"));
        QVERIFY(!readFile(base + QStringLiteral(".3")).contains("line 000")); // the oldest fell off

        const QStringList ring = DiagnosticsLog::recentWarnings();
        QCOMPARE(ring.size(), 5);
        QVERIFY(ring.first().endsWith(QStringLiteral("warning bw.test: warning 3")));
        QVERIFY(ring.last().endsWith(QStringLiteral("warning bw.test: warning 7")));

        // A file left over the cap by an earlier run rotates at start; a very long line is cut to the cap.
        DiagnosticsLog::uninstall();
        QFile big(base);
        QVERIFY(big.open(QIODevice::Append));
        big.write(QByteArray(5000, 'y'));
        big.close();
        QVERIFY(DiagnosticsLog::install(config));
        QVERIFY(QFileInfo(base).size() == 0);
        qCInfo(lcTest, "%s", QByteArray(10000, 'z').constData());
        QVERIFY(QFileInfo(base).size() <= config.maxFileBytes);
        QVERIFY(QFileInfo(base).size() > 0);
    }

    void commandLineLogRules()
    {
        using bw::app::ParseResult;
        const auto parse = [](QStringList args) {
            args.prepend(QStringLiteral("bankwallet"));
            return bw::app::parseCommandLine(args);
        };
        ParseResult plain = parse({});
        QVERIFY(plain.options.logRules.isEmpty());

        ParseResult verbose = parse({QStringLiteral("--verbose")});
        QCOMPARE(verbose.action, ParseResult::Action::Run);
        QCOMPARE(verbose.options.logRules, QStringLiteral("bw.*.debug=true"));

        ParseResult rules = parse({QStringLiteral("--verbose"), QStringLiteral("--log"),
                                   QStringLiteral("bw.gateway.debug=true; bw.stub.*=false;*.info = false")});
        QCOMPARE(rules.action, ParseResult::Action::Run);
        QCOMPARE(rules.options.logRules,
                 QStringLiteral("bw.*.debug=true\nbw.gateway.debug=true\nbw.stub.*=false\n*.info = false"));

        for (const QString &bad : {QStringLiteral("bw.gateway"), QStringLiteral("bw.gateway.debug=yes"),
                                   QStringLiteral("bw.g*y.debug=true"), QStringLiteral(";"),
                                   QStringLiteral("bw gateway=true"), QStringLiteral("bw..ui=true")}) {
            ParseResult refused = parse({QStringLiteral("--log"), bad});
            QCOMPARE(refused.action, ParseResult::Action::Exit);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.errorOutput.contains(QStringLiteral("log rule")),
                     qPrintable(refused.errorOutput));
        }

        ParseResult help = parse({QStringLiteral("--help")});
        QVERIFY(help.output.contains(QStringLiteral("--log <rules>")));
        QVERIFY(help.output.contains(QStringLiteral("--verbose")));

        // The rules, applied as main() does, switch a category the log handler then writes.
        QTemporaryDir dir;
        LogConfig config;
        config.directory = dir.path();
        config.echoToStderr = false;
        QVERIFY(DiagnosticsLog::install(config));
        QLoggingCategory::setFilterRules(bw::app::effectiveLogRules(plain.options));
        qCDebug(lcTest, "hidden by default");
        qCInfo(lcTest, "info shown by default");
        QLoggingCategory::setFilterRules(bw::app::effectiveLogRules(
            parse({QStringLiteral("--log"), QStringLiteral("bw.test.debug=true")}).options));
        qCDebug(lcTest, "shown after the rules");
        const QByteArray log = readFile(DiagnosticsLog::filePath());
        QVERIFY(log.contains("shown after the rules"));
        QVERIFY(log.contains("info shown by default"));
        QVERIFY(!log.contains("hidden by default"));
    }

    void reportMasksWhatIsPersonal()
    {
        QCOMPARE(
            bw::services::safeUrl(QUrl(QStringLiteral("https://li:s3cret@bank.example:8443/api?t=abc#x"))),
            QStringLiteral("https://bank.example:8443/api"));
        QCOMPARE(bw::services::withoutHome(QDir::homePath() + QStringLiteral("/wallet")),
                 QStringLiteral("~/wallet"));
        const QString masked = bw::services::maskPersonalData(
            QStringLiteral("card 6212 3456 7890 1232, phone +86 139-1234-5678, id 11010519900307123X, "
                           "code 123456, mail li.lei@example.com, wallet wal_a4miiicfk463h2b5, amount 1234"));
        QVERIFY2(!masked.contains(QStringLiteral("6212")) && !masked.contains(QStringLiteral("5678")) &&
                     !masked.contains(QStringLiteral("123X")) && !masked.contains(QStringLiteral("123456")) &&
                     !masked.contains(QStringLiteral("li.lei")) &&
                     !masked.contains(QStringLiteral("a4miiicfk")),
                 qPrintable(masked));
        QVERIFY(masked.contains(QStringLiteral("amount 1234"))); // short numbers stay readable

        // Qt's network errors quote the request URL; payment, session and token ids; tokens and signatures.
        const QString network = bw::services::maskPersonalData(QStringLiteral(
            "Error transferring https://li:s3cret@bank.example/v1/payments/pay_8Fq2Lx0aZ?session="
            "ses_Zq81kLm0 - server replied: Unauthorized; token tok_9d8f7a6b5c4d, signature "
            "q3J5dGhpbmdfc2lnbmF0dXJlXzEyMzQ1Njc4OTA, QNetworkReplyHttpImpl at "
            "/share/BankWallet/BankWallet"));
        for (const char *secret : {"s3cret", "li:", "8Fq2Lx0aZ", "Zq81kLm0", "9d8f7a6b5c4d",
                                   "session=", "q3J5dGhpbmdfc2lnbmF0dXJl"})
            QVERIFY2(!network.contains(QLatin1String(secret)), qPrintable(network));
        // Words and paths stay readable.
        QVERIFY2(network.contains(QStringLiteral("https://bank.example/v1/payments/pay_<id>")),
                 qPrintable(network));
        QVERIFY2(network.contains(QStringLiteral("QNetworkReplyHttpImpl at /share/BankWallet/BankWallet")),
                 qPrintable(network));
    }

    // The whole session with known secrets, then Help → Copy diagnostics.
    void copyDiagnosticsHoldsNoSecret()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        auto env = bw::app::AppEnvironment::open(fx.dataDir(), nullptr);
        QVERIFY(env);
        env->installLogHandler(); // as main() does: logs/ in the data folder
        // Everything BankWallet logs, at debug level: the most a customer could switch on with --verbose.
        QLoggingCategory::setFilterRules(QStringLiteral("bw.*.debug=true"));

        TestWallet wallet;
        wallet.fullName = QStringLiteral("Zhuge Mingyue");
        wallet.email = QStringLiteral("zhuge.mingyue@example.com");
        wallet.password = QStringLiteral("Amber-Kettle-Orchard-73");
        wallet.pin = QStringLiteral("481529");
        QVERIFY2(fx.enrollWallet(wallet, {.identity = true, .totp = true}), qPrintable(fx.error()));
        QVERIFY(!wallet.documentNumber.isEmpty());
        QVERIFY(!wallet.totpSecret.isEmpty());
        const services::ServiceError signedIn = fx.signIn(wallet);
        QVERIFY2(!signedIn.isError(), qPrintable(signedIn.summary()));

        // A card typed into the app: the full number and the CVC pass through PaymentMethodService.
        const QString cardNumber = QStringLiteral("378282246310005");
        const QString cvc = QStringLiteral("8264");
        auto added = services::test::awaitResult<gateway::PaymentMethod>([&](auto done) {
            fx.ui().methods->addCard({QStringLiteral("3782 822463 10005"), 12, 2031, cvc, wallet.fullName},
                                     std::move(done));
        });
        QVERIFY2(added.ok(), qPrintable(added.error().summary()));

        // A payment with the PIN and a TOTP code.
        QVERIFY2(fx.services().giveMoney(wallet, 500'00), qPrintable(fx.error()));
        services::PaymentService &payments = *fx.ui().payments;
        const auto id = payments.requestQuote(
            services::test::merchantPayment(QStringLiteral("mer_lantern_coffee"), 23'00));
        const services::QuoteState quote = services::test::awaitQuote(payments, id);
        QVERIFY2(quote.status == services::QuoteState::Status::Ready, qPrintable(quote.error.summary()));
        const QString totpCode = fx.services().unusedTotp(wallet);
        QVERIFY(payments.confirm(id, wallet.pin, quote.requiresOtp() ? totpCode : QString()));
        const services::PaymentState paid = services::test::awaitPayment(payments, id);
        QVERIFY2(paid.phase == services::PaymentPhase::Succeeded, qPrintable(services::test::describe(paid)));

        // The device secret, as the keychain holds it.
        auto credential = services::test::awaitGateway<std::optional<gateway::DeviceCredentials>>(
            [&](auto done) { fx.app().context().deviceCredentials().load(std::move(done)); });
        QVERIFY(credential.ok() && credential.value().has_value());
        const QByteArray deviceSecret = credential.value()->deviceSecret.view().toByteArray();

        // Every one-time code of the session: the outbox's (enrollment) and the TOTP codes used.
        auto outbox = services::test::awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { fx.services().devClient().devOutbox(wallet.phone, std::move(done)); });
        QVERIFY(outbox.ok());
        QStringList codes;
        for (const gateway::OutboxMessage &message : outbox.value())
            if (!message.code.isEmpty())
                codes << message.code;
        QVERIFY(!codes.isEmpty());
        for (quint64 step : std::as_const(wallet.usedTotpSteps))
            codes << crypto::hotp(wallet.totpSecret, step, 6).value();

        // A gateway error the customer would not see: the bank is gone when signing out.
        const QUrl gatewayUrl = fx.gatewayUrl();
        fx.services().stopStub();
        (void)services::test::awaitDone([&](auto done) { fx.ui().session->signOut(std::move(done)); });
        QTRY_VERIFY_WITH_TIMEOUT(
            !DiagnosticsLog::recentWarnings().filter(QStringLiteral("sign-out")).isEmpty(), 20000);

        MainWindow window(fx.ui(), kVersions);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QGuiApplication::clipboard()->clear();
        auto *action = find<QAction>(&window, QStringLiteral("actionCopyDiagnostics"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        const QString text = QGuiApplication::clipboard()->text();
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Diagnostics copied to the clipboard"));

        // What support needs.
        QVERIFY2(text.contains(QStringLiteral("BankWallet: " BW_VERSION)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("OpenSSL: OpenSSL 3.0.test")));
        QVERIFY(text.contains(QStringLiteral("QtKeychain: 0.13.2")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("Keychain: Secret Service")));
        QVERIFY(text.contains(QStringLiteral("Qt platform plugin: ") + QGuiApplication::platformName()));
        QVERIFY2(text.contains(bw::services::safeUrl(gatewayUrl)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("sign-out not confirmed by the gateway")));
        QVERIFY(text.contains(QStringLiteral("Database schema: ")));

        // What it must not hold; the same for every log file on disk.
        QList<Secret> secrets{
            {QStringLiteral("password"), wallet.password.toUtf8()},
            {QStringLiteral("PIN"), wallet.pin.toUtf8(), true},
            {QStringLiteral("card number"), cardNumber.toUtf8()},
            {QStringLiteral("card number, grouped"), QByteArrayLiteral("3782 822463 10005")},
            {QStringLiteral("CVC"), cvc.toUtf8(), true},
            {QStringLiteral("TOTP secret (base32)"),
             crypto::base32Encode(wallet.totpSecret, crypto::Padding::Without).toUtf8()},
            {QStringLiteral("TOTP secret (hex)"), wallet.totpSecret.toHex()},
            {QStringLiteral("device secret (base64)"), deviceSecret.toBase64()},
            {QStringLiteral("device secret (hex)"), deviceSecret.toHex()},
            {QStringLiteral("document number"), wallet.documentNumber.toUtf8()},
            {QStringLiteral("name"), wallet.fullName.toUtf8()},
            {QStringLiteral("phone"), wallet.phone.toUtf8()},
            {QStringLiteral("phone digits"), wallet.phone.mid(3).toUtf8()},
            {QStringLiteral("e-mail"), wallet.email.toUtf8()},
        };
        for (const QString &code : std::as_const(codes))
            secrets.append({QStringLiteral("one-time code %1").arg(code), code.toUtf8(), true});

        QMap<QString, QByteArray> places{{QStringLiteral("clipboard"), text.toUtf8()}};
        const QStringList logFiles = DiagnosticsLog::filePaths();
        QVERIFY(!logFiles.isEmpty());
        for (const QString &file : logFiles)
            places.insert(file, readFile(file));
        // The scan sees what it looks for: the log holds the session's lines.
        QVERIFY(places.value(logFiles.first()).contains("sign-out not confirmed"));
        QStringList found;
        // The wallet id is no secret (the built-in bank's debug log names it in request paths), but it ties
        // the text to one customer: kept out of the clipboard.
        QVERIFY(!wallet.walletId.isEmpty());
        if (text.contains(wallet.walletId))
            found << QStringLiteral("wallet id in the clipboard");
        for (const Secret &secret : std::as_const(secrets)) {
            QVERIFY2(!secret.bytes.isEmpty(), qPrintable(secret.what));
            for (auto place = places.cbegin(); place != places.cend(); ++place)
                if (containsSecret(place.value(), secret))
                    found << secret.what + QStringLiteral(" in ") + place.key();
        }
        qInfo().noquote() << "the diagnostics text:\n" + text;
        qInfo("diagnostics scan: %lld secrets over %lld places: %lld found", qlonglong(secrets.size()),
              qlonglong(places.size()), qlonglong(found.size()));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n') + QStringLiteral("\n---\n") + text));
    }
};

QTEST_MAIN(TestUiDiagnostics)
#include "test_ui_diagnostics.moc"
