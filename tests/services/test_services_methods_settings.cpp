// PaymentMethodService against the real stub with the local cache (PaymentMethodStore on the worker):
// local checks before anything is sent, add card / bank account, default, remove, the cache following every
// change and serving a fresh service. SettingsService on a real settings.ini: defaults, validation, change
// signals, round trip through a new instance, hand-edited values falling back to defaults.
#include "services_test_support.h"

#include "services/payment_method_service.h"
#include "services/session_service.h"
#include "services/settings_service.h"
#include "storage/payment_method_store.h"

#include <QSettings>
#include <QSignalSpy>

using namespace bw::services;
using namespace bw::services::test;
using bw::gateway::PaymentMethod;
using bw::storage::PaymentMethodRow;

namespace {

using MethodResult = ServiceResult<PaymentMethod>;

QVector<PaymentMethodRow> cachedRows(ServicesFixture &fx)
{
    auto rows = runOnDatabase<bw::storage::Result<QVector<PaymentMethodRow>>>(
        fx.context().database(),
        [](bw::storage::WalletDatabase &db) { return bw::storage::PaymentMethodStore(db).list(); });
    if (!rows || !rows->ok())
        return {};
    return rows->value();
}

const PaymentMethodRow *rowById(const QVector<PaymentMethodRow> &rows, const QString &id)
{
    for (const auto &row : rows) {
        if (row.id == id)
            return &row;
    }
    return nullptr;
}

} // namespace

class MethodsSettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paymentMethods()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        PaymentMethodService methods(fx.context());
        QSignalSpy changed(&methods, &PaymentMethodService::methodsChanged);

        auto empty = awaitResult<QList<PaymentMethod>>([&](auto done) { methods.refresh(done); });
        VERIFY_RESULT_OK(empty);
        QVERIFY(empty->isEmpty());
        QCOMPARE(changed.count(), 1);

        const int year = QDate::currentDate().year() + 2;
        // Refused locally, before anything is sent.
        auto shortCvc = awaitResult<PaymentMethod>([&](auto done) {
            methods.addCard({QStringLiteral("4242424242424242"), 11, year, QStringLiteral("12"), w.fullName},
                            done);
        });
        QCOMPARE(shortCvc.error().code, QStringLiteral("invalid_cvc"));
        QCOMPARE(shortCvc.error().field, QStringLiteral("cvc"));
        auto expired = awaitResult<PaymentMethod>([&](auto done) {
            methods.addCard({QStringLiteral("4242424242424242"), 1, 2020, QStringLiteral("123"), w.fullName},
                            done);
        });
        QCOMPARE(expired.error().code, QStringLiteral("card_expired"));
        auto badIban = awaitResult<PaymentMethod>([&](auto done) {
            methods.addBankAccount(
                {QStringLiteral("bnk_demo"), QStringLiteral("DE89 3704 0044 0532 0130 01"), w.fullName},
                done);
        });
        QCOMPARE(badIban.error().code, QStringLiteral("invalid_iban"));
        QCOMPARE(changed.count(), 1);

        auto debit = awaitResult<PaymentMethod>([&](auto done) {
            methods.addCard(
                {QStringLiteral("6212-3456-7890-1232"), 12, year, QStringLiteral("123"), w.fullName}, done);
        });
        VERIFY_RESULT_OK(debit);
        QCOMPARE(debit->last4, QStringLiteral("1232"));
        QCOMPARE(debit->brand, std::optional(bw::gateway::CardBrand::UnionPay));
        auto visa = awaitResult<PaymentMethod>([&](auto done) {
            methods.addCard(
                {QStringLiteral("4242 4242 4242 4242"), 11, year % 100, QStringLiteral("321"), w.fullName},
                done);
        });
        VERIFY_RESULT_OK(visa);
        QCOMPARE(visa->expYear, year);
        auto account = awaitResult<PaymentMethod>([&](auto done) {
            methods.addBankAccount(
                {QStringLiteral("bnk_demo"), QStringLiteral("6222 0202 0011 2233"), w.fullName}, done);
        });
        VERIFY_RESULT_OK(account);
        QCOMPARE(account->type, bw::gateway::PaymentMethodType::BankAccount);

        // The gateway's own rule: a verified wallet links only accounts in its holder's name.
        auto mismatch = awaitResult<PaymentMethod>([&](auto done) {
            methods.addCard({QStringLiteral("5555555555554444"), 10, year, QStringLiteral("999"),
                             QStringLiteral("Wang Fang")},
                            done);
        });
        QVERIFY2(mismatch.error().is(u"holder_name_mismatch"), qPrintable(mismatch.error().summary()));

        QCOMPARE(methods.methods().size(), 3);
        QVector<PaymentMethodRow> rows = cachedRows(fx);
        QCOMPARE(rows.size(), 3);
        QVERIFY(rowById(rows, debit->id));
        QCOMPARE(rowById(rows, debit->id)->last4, QStringLiteral("1232"));
        QCOMPARE(rowById(rows, debit->id)->holderName, w.fullName);
        QCOMPARE(rowById(rows, account->id)->type, QStringLiteral("bank_account"));

        auto made = awaitResult<PaymentMethod>([&](auto done) { methods.setDefault(visa->id, done); });
        VERIFY_RESULT_OK(made);
        QVERIFY(made->isDefault);
        rows = cachedRows(fx);
        QVERIFY(rowById(rows, visa->id)->isDefault);
        QVERIFY(!rowById(rows, debit->id)->isDefault);

        VERIFY_SERVICE_OK(awaitDone([&](auto done) { methods.remove(account->id, done); }));
        rows = cachedRows(fx);
        QCOMPARE(rows.size(), 2);
        QVERIFY(!rowById(rows, account->id));
        QCOMPARE(methods.methods().size(), 2);
        QVERIFY(changed.count() >= 6);

        // A new service (e.g. the next start, before the gateway answers) shows the cache.
        PaymentMethodService later(fx.context());
        auto cached = awaitResult<QList<PaymentMethod>>([&](auto done) { later.loadCached(done); });
        VERIFY_RESULT_OK(cached);
        QCOMPARE(cached->size(), 2);
        bool visaDefault = false;
        for (const auto &m : cached.value())
            visaDefault =
                visaDefault || (m.id == visa->id && m.isDefault && m.brand == bw::gateway::CardBrand::Visa);
        QVERIFY(visaDefault);

        // Locked: changes need a session.
        SessionService session(fx.context());
        session.lock();
        auto locked = awaitResult<PaymentMethod>([&](auto done) {
            methods.addCard({QStringLiteral("5555555555554444"), 10, year, QStringLiteral("999"), w.fullName},
                            done);
        });
        QCOMPARE(locked.error().code, QStringLiteral("not_signed_in"));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        {
            SettingsService settings(path);
            QCOMPARE(settings.autoLockMinutes(), 5);
            QVERIFY(settings.notificationsEnabled());
            QVERIFY(settings.gatewayUrl().isEmpty());
            QVERIFY(SettingsService::supportedLanguages().contains(settings.language()));

            QSignalSpy autoLock(&settings, &SettingsService::autoLockMinutesChanged);
            QSignalSpy url(&settings, &SettingsService::gatewayUrlChanged);
            QSignalSpy language(&settings, &SettingsService::languageChanged);
            QSignalSpy notifications(&settings, &SettingsService::notificationsEnabledChanged);

            for (int bad : {0, -3, 61}) {
                ServiceError refused = settings.setAutoLockMinutes(bad);
                QCOMPARE(refused.kind, ServiceErrorKind::Validation);
                QCOMPARE(refused.field, QStringLiteral("auto_lock_minutes"));
                QVERIFY(refused.userMessage().contains(QLatin1String("60")));
            }
            QCOMPARE(settings.autoLockMinutes(), 5);
            VERIFY_SERVICE_OK(settings.setAutoLockMinutes(10));
            VERIFY_SERVICE_OK(settings.setAutoLockMinutes(10));
            QCOMPARE(autoLock.count(), 1);
            QCOMPARE(autoLock.at(0).at(0).toInt(), 10);

            QCOMPARE(settings.setGatewayUrl(QUrl(QStringLiteral("http://bank.example.com"))).code,
                     QStringLiteral("insecure_url"));
            QCOMPARE(settings.setGatewayUrl(QUrl(QStringLiteral("ftp://bank.example.com"))).code,
                     QStringLiteral("invalid_url"));
            QCOMPARE(settings.setGatewayUrl(QUrl(QStringLiteral("https://user:pw@bank.example.com"))).code,
                     QStringLiteral("invalid_url"));
            QCOMPARE(url.count(), 0);
            VERIFY_SERVICE_OK(settings.setGatewayUrl(QUrl(QStringLiteral("http://127.0.0.1:8080"))));
            VERIFY_SERVICE_OK(settings.setGatewayUrl(QUrl(QStringLiteral("https://gw.bank.example:8443/"))));
            QCOMPARE(url.count(), 2);
            QCOMPARE(settings.gatewayUrl(), QUrl(QStringLiteral("https://gw.bank.example:8443")));

            QCOMPARE(settings.setLanguage(QStringLiteral("fr")).code, QStringLiteral("unsupported_language"));
            VERIFY_SERVICE_OK(settings.setLanguage(QStringLiteral("zh_CN")));
            QCOMPARE(language.count(), 1);
            settings.setNotificationsEnabled(false);
            settings.setNotificationsEnabled(false);
            QCOMPARE(notifications.count(), 1);
            VERIFY_SERVICE_OK(settings.sync());
        }
        {
            SettingsService again(path);
            QCOMPARE(again.autoLockMinutes(), 10);
            QCOMPARE(again.gatewayUrl(), QUrl(QStringLiteral("https://gw.bank.example:8443")));
            QCOMPARE(again.language(), QStringLiteral("zh_CN"));
            QVERIFY(!again.notificationsEnabled());
            VERIFY_SERVICE_OK(again.setGatewayUrl(QUrl()));
            QVERIFY(again.gatewayUrl().isEmpty());
        }
        {
            // Hand-edited nonsense falls back to the defaults instead of breaking the app.
            QSettings raw(path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("security/auto_lock_minutes"), 999);
            raw.setValue(QStringLiteral("general/language"), QStringLiteral("klingon"));
            raw.setValue(QStringLiteral("gateway/url"), QStringLiteral("http://evil.example.com"));
        }
        SettingsService edited(path);
        QCOMPARE(edited.autoLockMinutes(), SettingsService::kDefaultAutoLockMinutes);
        QVERIFY(SettingsService::supportedLanguages().contains(edited.language()));
        QVERIFY(edited.gatewayUrl().isEmpty());
    }

    // SettingsService on a context uses <dataDir>/settings.ini, and the session follows its auto-lock time.
    void settingsOnContext()
    {
        QTemporaryDir dir;
        ServiceContext context(dir.path(), QStringLiteral("unused-"));
        SettingsService settings(context);
        QCOMPARE(settings.filePath(), dir.filePath(QStringLiteral("settings.ini")));
        SessionService session(context);
        QObject::connect(&settings, &SettingsService::autoLockMinutesChanged, &session,
                         &SessionService::setAutoLockMinutes);
        VERIFY_SERVICE_OK(settings.setAutoLockMinutes(7));
        QCOMPARE(session.idleTimeout(), std::chrono::milliseconds(std::chrono::minutes(7)));
    }
};

QTEST_GUILESS_MAIN(MethodsSettingsTest)
#include "test_services_methods_settings.moc"
