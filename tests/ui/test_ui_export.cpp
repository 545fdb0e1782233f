// The History page's "Export to CSV" dialog (ui/history/export_dialog), driven as a person would, on a
// signed-in wallet whose local history holds a KNOWN data set: the dialog on a filtered view writes exactly
// the filtered rows, in the view's order (parsed back with the strict RFC 4180 reader and compared with the
// rows the test selects itself, and with what a HistoryModel on the same filter shows), with the byte-order
// mark when ticked; the result says how many; an existing file is replaced only after a second Export
// (Enter); Cancel (and Esc) during a long export stop it and leave no file; Esc closes the idle dialog.
#include "core/csv.h"
#include "models/history_model.h"
#include "services/service_context.h"
#include "storage/database_worker.h"
#include "storage/history_store.h"
#include "storage/wallet_database.h"
#include "ui/history/export_dialog.h"
#include "ui/widget_test_support.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>

#include <algorithm>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;

namespace {

constexpr qint64 kBaseMs = 1772323200000; // 2026-03-01 00:00:00 UTC

const QStringList kKinds = {"payment", "transfer", "top_up", "incoming"};
const QStringList kCategories = {"coffee", "groceries", "dining", ""};

// A few hundred varied rows: merchants (with Chinese names and hostile text), people, card payments shown
// by their debit (amount 0), rows in JPY.
QVector<storage::HistoryRow> knownRows(int n, const QString &prefix, qint64 startMs)
{
    QVector<storage::HistoryRow> rows;
    for (int i = 0; i < n; ++i) {
        storage::HistoryRow r;
        r.paymentId = QStringLiteral("%1_%2").arg(prefix).arg(i, 6, 10, QLatin1Char('0'));
        r.kind = kKinds.at(i % kKinds.size());
        r.status = i % 7 == 0 ? QStringLiteral("rejected") : QStringLiteral("succeeded");
        r.currency = i % 11 == 0 ? QStringLiteral("JPY") : QStringLiteral("CNY");
        const qint64 magnitude = 500 + qint64(i) * 53;
        if (r.kind == QLatin1String("payment") && i % 3 == 0) {
            r.amountMinor = 0;
            r.debitMinor = magnitude;
            r.debitCurrency = r.currency;
        } else {
            r.amountMinor = r.kind == QLatin1String("incoming") || r.kind == QLatin1String("top_up")
                                ? magnitude
                                : -magnitude;
        }
        if (r.kind == QLatin1String("payment")) {
            r.counterpartyType = QStringLiteral("merchant");
            r.counterpartyId = QStringLiteral("m_%1").arg(i % 3);
            r.merchantName = i % 2 ? QStringLiteral("Luckin Coffee, \"Guomao\"") : QStringLiteral("=Evil()");
            r.merchantNameZh = i % 2 ? QStringLiteral("瑞幸咖啡") : QString();
            r.category = kCategories.at(i % kCategories.size());
        } else {
            r.counterpartyType = QStringLiteral("wallet");
            r.counterpartyId = QStringLiteral("w_%1").arg(i % 5);
            r.counterpartyName = i % 2 ? QStringLiteral("Han Meimei") : QStringLiteral("-Li\nLei");
        }
        r.note = i % 4 == 0 ? QStringLiteral("@dinner, \"team\"") : QString();
        r.receiptNo = QStringLiteral("R%1").arg(i);
        r.createdAtMs = startMs + qint64(i) * 7'200'011 + (i % 2 ? 0 : 3'000'000'000LL);
        r.updatedAtMs = r.createdAtMs;
        if (i % 5 != 0) {
            r.balanceAfterMinor = 100000 + i;
            r.balanceAfterCurrency = QStringLiteral("CNY");
        }
        rows.append(r);
    }
    return rows;
}

qint64 shownMinor(const storage::HistoryRow &r)
{
    return r.amountMinor != 0 ? r.amountMinor : (r.debitMinor ? -*r.debitMinor : 0);
}

QString decimal(qint64 minor, const QString &code)
{
    const int digits = code == QLatin1String("JPY") ? 0 : 2;
    QString abs = QString::number(minor < 0 ? -minor : minor);
    if (digits > 0) {
        abs = abs.rightJustified(digits + 1, QLatin1Char('0'));
        abs.insert(abs.size() - digits, QLatin1Char('.'));
    }
    return minor < 0 ? QLatin1Char('-') + abs : abs;
}

QString guarded(const QString &text)
{
    return !text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()) ? QLatin1Char('\'') + text
                                                                                : text;
}

// What a person must find in the file for a row (English UI, times in UTC+8: see main()).
QStringList expectedRecord(const storage::HistoryRow &r)
{
    static const QHash<QString, QString> kinds = {{"payment", "Payment"},
                                                  {"transfer", "Transfer"},
                                                  {"top_up", "Top-up"},
                                                  {"incoming", "Money received"}};
    static const QHash<QString, QString> statuses = {{"succeeded", "Succeeded"}, {"rejected", "Rejected"}};
    static const QHash<QString, QString> categories = {
        {"coffee", "Coffee"}, {"groceries", "Groceries"}, {"dining", "Dining"}, {"", ""}};
    const QString counterparty = !r.merchantName.isEmpty() ? r.merchantName : r.counterpartyName;
    return {
        QDateTime::fromMSecsSinceEpoch(r.createdAtMs + 8 * 3600 * 1000, Qt::UTC)
                .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
            QStringLiteral("+08:00"),
        kinds.value(r.kind),
        statuses.value(r.status),
        guarded(counterparty),
        categories.value(r.category),
        decimal(shownMinor(r), r.currency),
        r.currency,
        decimal(0, r.currency),
        r.balanceAfterMinor ? decimal(*r.balanceAfterMinor, QStringLiteral("CNY")) +
                                  (r.currency == QLatin1String("CNY") ? QString() : QStringLiteral(" CNY"))
                            : QString(),
        r.receiptNo,
        guarded(r.note),
        r.paymentId,
    };
}

bool insert(services::ServiceContext &ctx, const QVector<storage::HistoryRow> &rows)
{
    const auto status = services::test::runOnDatabase<storage::Status>(
        ctx.database(),
        [rows](storage::WalletDatabase &db) { return storage::HistoryStore(db).upsertBatch(rows); }, 300000);
    return status && status->ok();
}

QStringList fileEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestUiExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<UiFixture> m_fx;
    QVector<storage::HistoryRow> m_rows;
    QTemporaryDir m_out;

    storage::HistoryFilter paymentsAndTransfersOut() const
    {
        // Money out of payments and transfers between 10 and 150 (shown amount), that went through.
        storage::HistoryFilter filter;
        filter.kinds = {QStringLiteral("payment"), QStringLiteral("transfer")};
        filter.statuses = {QStringLiteral("succeeded")};
        filter.minAmountMinor = -15000;
        filter.maxAmountMinor = -1000;
        return filter;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        m_fx = std::make_unique<UiFixture>();
        QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
        TestWallet w;
        QVERIFY2(m_fx->enrollWallet(w), qPrintable(m_fx->error()));
        const services::ServiceError signedIn = m_fx->signIn(w);
        QVERIFY2(!signedIn.isError(), qPrintable(signedIn.summary()));
        QTRY_VERIFY_WITH_TIMEOUT(m_fx->ui().context->isStorageOpen(), 30000);
        m_rows = knownRows(600, QStringLiteral("known"), kBaseMs);
        QVERIFY(insert(*m_fx->ui().context, m_rows));
    }
    void cleanupTestCase() { m_fx.reset(); }

    void exportsExactlyTheFilteredRowsInTheViewsOrder()
    {
        const storage::HistoryFilter filter = paymentsAndTransfersOut();
        QVector<storage::HistoryRow> expected;
        for (const auto &r : m_rows) {
            const qint64 shown = shownMinor(r);
            if ((r.kind == "payment" || r.kind == "transfer") && r.status == "succeeded" && shown >= -15000 &&
                shown <= -1000)
                expected.append(r);
        }
        std::sort(expected.begin(), expected.end(),
                  [](const auto &a, const auto &b) { return a.createdAtMs > b.createdAtMs; });
        QVERIFY2(expected.size() > 30 && expected.size() < 300, qPrintable(QString::number(expected.size())));

        ExportDialog dialog(m_fx->ui(), filter, storage::HistorySort::Date, storage::SortOrder::Descending);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *path = find<QLineEdit>(&dialog, QStringLiteral("exportPathEdit"));
        auto *bom = find<QCheckBox>(&dialog, QStringLiteral("exportBomCheck"));
        auto *exportButton = find<QPushButton>(&dialog, QStringLiteral("exportButton"));
        auto *result = find<QLabel>(&dialog, QStringLiteral("exportResultLabel"));
        auto *progress = find<QLabel>(&dialog, QStringLiteral("exportProgressLabel"));
        QVERIFY(path && bom && exportButton && result && progress);
        // The suggested file: bankwallet-history-<today>.csv in Documents.
        QVERIFY2(
            path->text().endsWith(
                QStringLiteral("bankwallet-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate))),
            qPrintable(path->text()));
        QVERIFY(!result->isVisible());

        const QString file = m_out.filePath(QStringLiteral("filtered.csv"));
        typeInto(path, QDir::toNativeSeparators(file));
        click(bom);
        QVERIFY(bom->isChecked());
        click(exportButton);
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(result), 60000);
        const QString count = QLocale().toString(qint64(expected.size()));
        QVERIFY2(result->text().contains(QStringLiteral("Exported %1 transactions").arg(count)),
                 qPrintable(result->text()));
        QCOMPARE(progress->text(), QStringLiteral("%1 of %1").arg(count));
        QVERIFY(find<QPushButton>(&dialog, QStringLiteral("exportCloseButton"))->isVisible());
        QVERIFY(!find<QPushButton>(&dialog, QStringLiteral("exportCancelButton"))->isVisible());

        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const core::CsvResult csv = core::parseCsv(f.readAll());
        QVERIFY2(csv.ok(), qPrintable(csv.error().summary()));
        QVERIFY(csv->hadByteOrderMark);
        QCOMPARE(csv->records.size(), expected.size() + 1);
        QCOMPARE(csv->records.front().first(), QStringLiteral("Date and time"));
        for (int i = 0; i < expected.size(); ++i) {
            const QStringList want = expectedRecord(expected.at(i));
            if (csv->records.at(i + 1) != want) {
                qWarning() << "row" << i << "got" << csv->records.at(i + 1) << "want" << want;
                QFAIL("a row differs");
            }
        }

        // The same rows, in the same order, as the History view on that filter shows them.
        std::unique_ptr<storage::WalletDatabase> reader;
        m_fx->ui().context->openReader(this, [&](auto opened) {
            if (opened.ok())
                reader = std::move(opened.value());
        });
        QTRY_VERIFY_WITH_TIMEOUT(reader != nullptr, 30000);
        {
            models::HistoryModel view(*reader);
            view.setFilter(filter);
            QCOMPARE(view.rowCount(), expected.size());
            for (int i = 0; i < view.rowCount(); ++i)
                QCOMPARE(view.index(i, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                         csv->records.at(i + 1).back());
        }

        // Again to the same file: it is replaced only after a second Export (here: Enter).
        f.close();
        click(bom);
        QVERIFY(!bom->isChecked());
        click(exportButton);
        QVERIFY(showsMessage(result));
        QVERIFY2(result->text().contains(QStringLiteral("already exists")), qPrintable(result->text()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("\xEF\xBB\xBF")); // untouched so far
        f.close();
        exportButton->setFocus();
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Exported")), 60000);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray again = f.readAll();
        QVERIFY(!again.startsWith("\xEF\xBB\xBF"));
        const core::CsvResult csv2 = core::parseCsv(again);
        QVERIFY(csv2.ok());
        QCOMPARE(csv2->records, csv->records);

        // Esc closes the idle dialog.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void cancelAndEscapeStopALongExport()
    {
        // Enough rows for many chunks (2,000 rows each).
        QVERIFY(insert(*m_fx->ui().context,
                       knownRows(60000, QStringLiteral("bulk"), kBaseMs - 10'000'000'000LL)));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("everything.csv"));

        ExportDialog dialog(m_fx->ui(), {}, storage::HistorySort::Amount, storage::SortOrder::Descending);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *path = find<QLineEdit>(&dialog, QStringLiteral("exportPathEdit"));
        auto *exportButton = find<QPushButton>(&dialog, QStringLiteral("exportButton"));
        auto *cancel = find<QPushButton>(&dialog, QStringLiteral("exportCancelButton"));
        auto *bar = find<QProgressBar>(&dialog, QStringLiteral("exportProgressBar"));
        auto *result = find<QLabel>(&dialog, QStringLiteral("exportResultLabel"));
        QVERIFY(path && exportButton && cancel && bar && result);
        QVERIFY(!cancel->isVisible());
        typeInto(path, file);

        // Cancel button, once some rows are written.
        click(exportButton);
        QVERIFY(cancel->isVisible());
        QVERIFY(!exportButton->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 60000);
        QVERIFY(bar->value() < bar->maximum());
        click(cancel);
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(result), 60000);
        QVERIFY2(result->text().contains(QStringLiteral("cancelled")), qPrintable(result->text()));
        QVERIFY(!QFile::exists(file));
        QCOMPARE(fileEntries(dir.path()), QStringList());
        QVERIFY(dialog.isVisible());
        QVERIFY(exportButton->isEnabled());

        // Esc during the export cancels it (and leaves the dialog open to say so).
        click(exportButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 && !result->isVisible(), 60000);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(showsMessage(result), 60000);
        QVERIFY2(result->text().contains(QStringLiteral("cancelled")), qPrintable(result->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(!QFile::exists(file));
        QCOMPARE(fileEntries(dir.path()), QStringList());
    }
};

int main(int argc, char **argv)
{
    // Local time with a fixed, known offset, so the expected ISO 8601 times can be written by hand.
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    QApplication app(argc, argv);
    TestUiExport test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_ui_export.moc"
