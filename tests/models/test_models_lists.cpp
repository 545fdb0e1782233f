// PaymentMethodsModel, MerchantsModel and BanksModel with typed data (no gateway needed), each under
// QAbstractItemModelTester, asserting what a view shows in English and Chinese; PaymentMethodsModel also
// from the local cache (PaymentMethodStore on a real DatabaseWorker).
#include "core/currency.h"
#include "crypto/secret_bytes.h"
#include "models/banks_model.h"
#include "models/merchants_model.h"
#include "models/payment_methods_model.h"
#include "storage/database_worker.h"
#include "storage/payment_method_store.h"
#include "storage/wallet_database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bw;

namespace {

gateway::Merchant merchant(const char *id, const QString &name, const QString &nameZh, const char *category,
                           const char *country, const char *currency)
{
    gateway::Merchant m;
    m.id = QString::fromLatin1(id);
    m.name = name;
    m.nameZh = nameZh;
    m.category = QString::fromLatin1(category);
    m.country = QString::fromLatin1(country);
    m.currency = *core::Currency::fromCode(QString::fromLatin1(currency));
    return m;
}

QList<gateway::Merchant> directory()
{
    return {
        merchant("mer_lantern", QStringLiteral("Lantern Coffee Roasters"), QStringLiteral("灯笼咖啡烘焙坊"),
                 "coffee", "CN", "CNY"),
        merchant("mer_jade", QStringLiteral("Jade Noodle House"), QStringLiteral("玉面馆"), "dining", "CN",
                 "CNY"),
        merchant("mer_tokyo", QStringLiteral("Tokyo Books"), QStringLiteral("东京书店"), "books", "JP",
                 "JPY"),
        merchant("mer_west", QStringLiteral("West Lake Cafe"), QStringLiteral("西湖咖啡店"), "coffee", "CN",
                 "CNY"),
        merchant("mer_metro", QStringLiteral("City Metro"), QStringLiteral("城市地铁"), "transport", "CN",
                 "CNY"),
    };
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList list;
    for (int r = 0; r < model.rowCount(); ++r)
        list.append(model.index(r, 0).data().toString());
    return list;
}

storage::PaymentMethodRow card(const char *id, const char *brand, const char *funding, const char *last4,
                               int month, int year, bool isDefault)
{
    storage::PaymentMethodRow row;
    row.id = QString::fromLatin1(id);
    row.type = QStringLiteral("card");
    row.brand = QString::fromLatin1(brand);
    row.funding = QString::fromLatin1(funding);
    row.last4 = QString::fromLatin1(last4);
    row.expMonth = month;
    row.expYear = year;
    row.holderName = QStringLiteral("Li Lei");
    row.isDefault = isDefault;
    return row;
}

storage::PaymentMethodRow account(const char *id, const char *bankName, const char *last4)
{
    storage::PaymentMethodRow row;
    row.id = QString::fromLatin1(id);
    row.type = QStringLiteral("bank_account");
    row.bankId = QStringLiteral("bnk_demo");
    row.bankName = QString::fromLatin1(bankName);
    row.country = QStringLiteral("CN");
    row.last4 = QString::fromLatin1(last4);
    row.holderName = QStringLiteral("Li Lei");
    return row;
}

} // namespace

class TestModelsLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merchantsShowNamesInTheLanguage()
    {
        models::MerchantsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        model.setMerchants(directory());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(models::MerchantsModel::ColumnCount));
        QCOMPARE(model.index(0, models::MerchantsModel::NameColumn).data().toString(),
                 QStringLiteral("Lantern Coffee Roasters"));
        QCOMPARE(model.index(0, models::MerchantsModel::CategoryColumn).data().toString(),
                 QStringLiteral("Coffee"));
        QCOMPARE(model.index(2, models::MerchantsModel::CountryColumn).data().toString(),
                 QStringLiteral("JP"));
        QCOMPARE(model.index(2, models::MerchantsModel::CurrencyColumn).data().toString(),
                 QStringLiteral("JPY"));
        QVERIFY(model.index(2, 0).data(models::MerchantsModel::IsCrossBorderRole).toBool());
        QVERIFY(!model.index(2, 0).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!model.index(0, 0).data(models::MerchantsModel::IsCrossBorderRole).toBool());
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Merchant"));
        QCOMPARE(model.categories(), QStringList({QStringLiteral("books"), QStringLiteral("coffee"),
                                                  QStringLiteral("dining"), QStringLiteral("transport")}));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLocale(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("灯笼咖啡烘焙坊"));
        QCOMPARE(model.index(0, 0).data(models::MerchantsModel::NameRole).toString(),
                 QStringLiteral("Lantern Coffee Roasters"));
        QCOMPARE(model.merchantAt(3).id, QStringLiteral("mer_west"));
    }

    void merchantFilterRemovesAndInsertsRows()
    {
        models::MerchantsModel model;
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        model.setMerchants(directory());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        model.setFilterText(QStringLiteral("  cafe "));
        QCOMPARE(names(model), QStringList({QStringLiteral("West Lake Cafe")}));
        model.setFilterText(QStringLiteral("coffee")); // category name and a merchant name
        QCOMPARE(names(model),
                 QStringList({QStringLiteral("Lantern Coffee Roasters"), QStringLiteral("West Lake Cafe")}));
        model.setFilterText(QStringLiteral("咖啡")); // the Chinese name
        QCOMPARE(model.rowCount(), 2);
        model.setFilterText(QString());
        model.setCategoryFilter(QStringLiteral("books"));
        QCOMPARE(names(model), QStringList({QStringLiteral("Tokyo Books")}));
        model.setFilterText(QStringLiteral("metro")); // category and text together: nothing
        QCOMPARE(model.rowCount(), 0);
        model.setCategoryFilter(QString());
        QCOMPARE(names(model), QStringList({QStringLiteral("City Metro")}));
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(4, 0).data(models::MerchantsModel::IdRole).toString(),
                 QStringLiteral("mer_metro"));

        QCOMPARE(reset.count(), 0);
        QVERIFY(removed.count() > 0);
        QVERIFY(inserted.count() > 0);
    }

    void banksShowNameSupportAndInitials()
    {
        models::BanksModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        gateway::Bank demo{QStringLiteral("bnk_demo"), QStringLiteral("Demo Commercial Bank"),
                           QStringLiteral("演示商业银行"), true, QStringLiteral("CN")};
        gateway::Bank old{QStringLiteral("bnk_old"), QStringLiteral("Bank of the Northern Hills"),
                          QStringLiteral("北山银行"), false, QStringLiteral("CN")};
        model.setBanks({demo, old});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Demo Commercial Bank"));
        QCOMPARE(model.index(0).data(models::BanksModel::InitialsRole).toString(), QStringLiteral("DCB"));
        QCOMPARE(model.index(1).data(models::BanksModel::InitialsRole).toString(), QStringLiteral("BNH"));
        QVERIFY(model.index(0).data(models::BanksModel::WalletSupportedRole).toBool());
        QVERIFY(!model.index(1).data(models::BanksModel::WalletSupportedRole).toBool());
        // A bank without wallets is listed but cannot be chosen, and says why.
        QVERIFY(model.flags(model.index(0)).testFlag(Qt::ItemIsEnabled));
        QVERIFY(!model.flags(model.index(1)).testFlag(Qt::ItemIsEnabled));
        QVERIFY(!model.flags(model.index(1)).testFlag(Qt::ItemIsSelectable));
        QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("This bank does not offer wallets yet."));
        QVERIFY(model.index(0).data(Qt::ToolTipRole).isNull());
        QCOMPARE(model.rowOf(QStringLiteral("bnk_old")), 1);

        model.setLocale(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("演示商业银行"));
        QCOMPARE(model.index(0).data(models::BanksModel::InitialsRole).toString(), QStringLiteral("演"));
        QCOMPARE(model.index(0).data(models::BanksModel::NameRole).toString(),
                 QStringLiteral("Demo Commercial Bank"));
    }

    void paymentMethodsShowBrandLast4ExpiryDefault()
    {
        models::PaymentMethodsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setToday(QDate(2026, 5, 10));
        model.setMethods(
            QVector<storage::PaymentMethodRow>{card("pm_1", "visa", "credit", "4242", 12, 2027, true),
                                               card("pm_2", "unionpay", "debit", "1232", 4, 2026, false),
                                               account("pm_3", "Demo Commercial Bank", "6789")});
        QCOMPARE(model.rowCount(), 3);
        using M = models::PaymentMethodsModel;
        QCOMPARE(model.index(0, M::MethodColumn).data().toString(), QStringLiteral("Visa credit card"));
        QCOMPARE(model.index(0, M::NumberColumn).data().toString(), QStringLiteral("•••• 4242"));
        QCOMPARE(model.index(0, M::ExpiresColumn).data().toString(), QStringLiteral("12/27"));
        QCOMPARE(model.index(0, M::DefaultColumn).data().toString(), QStringLiteral("Default"));
        QCOMPARE(model.index(0, M::DefaultColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(1, M::MethodColumn).data().toString(), QStringLiteral("UnionPay debit card"));
        QCOMPARE(model.index(1, M::ExpiresColumn).data().toString(), QStringLiteral("Expired 04/26"));
        QVERIFY(model.index(1, 0).data(M::IsExpiredRole).toBool());
        QCOMPARE(model.index(1, M::DefaultColumn).data().toString(), QString());
        QCOMPARE(model.index(2, M::MethodColumn).data().toString(),
                 QStringLiteral("Demo Commercial Bank account"));
        QCOMPARE(model.index(2, M::ExpiresColumn).data().toString(), QString());
        QCOMPARE(model.index(2, 0).data(M::TypeRole).toString(), QStringLiteral("bank_account"));
        QCOMPARE(model.headerData(M::ExpiresColumn, Qt::Horizontal).toString(), QStringLiteral("Expires"));

        // The default moves: the same methods in the same order update in place.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setMethods(
            QVector<storage::PaymentMethodRow>{card("pm_1", "visa", "credit", "4242", 12, 2027, false),
                                               card("pm_2", "unionpay", "debit", "1232", 4, 2026, true),
                                               account("pm_3", "Demo Commercial Bank", "6789")});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(1, M::DefaultColumn).data().toString(), QStringLiteral("Default"));
        // A method removed: a new list.
        model.setMethods(
            QVector<storage::PaymentMethodRow>{card("pm_1", "visa", "credit", "4242", 12, 2027, true)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("pm_1")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("pm_3")), -1);
    }

    void paymentMethodsFromTheGatewayShape()
    {
        gateway::PaymentMethod method;
        method.id = QStringLiteral("pm_9");
        method.type = gateway::PaymentMethodType::Card;
        method.brand = gateway::CardBrand::Mastercard;
        method.funding = gateway::Funding::Credit;
        method.last4 = QStringLiteral("4444");
        method.expMonth = 1;
        method.expYear = 2030;
        method.isDefault = true;
        models::PaymentMethodsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMethods(QList<gateway::PaymentMethod>{method});
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Mastercard credit card"));
        QCOMPARE(model.index(0, 0).data(models::PaymentMethodsModel::BrandRole).toString(),
                 QStringLiteral("mastercard"));
        QCOMPARE(model.index(0, 0).data(models::PaymentMethodsModel::FundingRole).toString(),
                 QStringLiteral("credit"));
        QCOMPARE(model.index(0, models::PaymentMethodsModel::ExpiresColumn).data().toString(),
                 QStringLiteral("01/30"));
    }

    void paymentMethodsFromTheLocalCache()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        crypto::SecretBytes key(32);
        for (qsizetype i = 0; i < key.size(); ++i)
            key.data()[i] = char(i * 3);
        storage::DatabaseWorker worker;
        QObject receiver;
        bool opened = false;
        worker.open(dir.filePath(QStringLiteral("wallet.sqlite")), key, &receiver, [&](storage::Status s) {
            QVERIFY2(s.ok(), qPrintable(s.error().detail));
            opened = true;
        });
        QTRY_VERIFY(opened);
        bool stored = false;
        worker.run<storage::Status>(
            [](storage::WalletDatabase &db) {
                return storage::PaymentMethodStore(db).replaceAll(
                    {card("pm_a", "jcb", "credit", "0005", 6, 2031, false),
                     account("pm_b", "Jade River Bank", "1234")});
            },
            &receiver, [&](storage::Status s) { stored = s.ok(); });
        QTRY_VERIFY(stored);

        models::PaymentMethodsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &models::PaymentMethodsModel::loaded);
        model.loadFromStore(worker);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("JCB credit card"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Jade River Bank account"));
        QCOMPARE(model.index(1, 0).data(models::PaymentMethodsModel::HolderNameRole).toString(),
                 QStringLiteral("Li Lei"));
    }
};

QTEST_GUILESS_MAIN(TestModelsLists)
#include "test_models_lists.moc"
