// The History page as a signed-in customer meets it, on a KNOWN data set (300 rows built here and stored
// through the app's DatabaseWorker): each filter and the search narrow the table to exactly the rows the
// test computes from its own list (kind, status, a date preset and a custom range, amount range, currency,
// payment method, category; 咖啡, 店, a Latin prefix, an exact receipt number; a person's name and a note
// find nothing), sorting by amount from the header, a hidden column that stays hidden when the page is made
// again, Copy from the row menu, Enter → details, keyboard navigation, a card payment showing what the
// card paid, and screenshots at 1280×800 in English and Chinese (saved when BW_SHOTS_DIR is set).
#include "widget_test_support.h"

#include "../services/payments_test_support.h"

#include "models/history_model.h"
#include "services/history_service.h"
#include "services/service_context.h"
#include "services/session_service.h"
#include "storage/database_worker.h"
#include "storage/history_store.h"
#include "ui/history/export_dialog.h"
#include "ui/history/history_item_delegate.h"
#include "ui/history/history_page.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTableView>
#include <QTranslator>

#include <algorithm>
#include <functional>
#include <memory>

using namespace bw;
using namespace bw::ui;
using namespace bw::ui::test;
using HM = models::HistoryModel;

namespace {

struct Merchant
{
    const char *id;
    QString en;
    QString zh;
    const char *category;
};

const QList<Merchant> &merchants()
{
    static const QList<Merchant> list = {
        {"m_starbucks", QStringLiteral("Starbucks Coffee"), QStringLiteral("星巴克咖啡"), "coffee"},
        {"m_luckin", QStringLiteral("Luckin Coffee"), QStringLiteral("瑞幸咖啡"), "coffee"},
        {"m_familymart", QStringLiteral("FamilyMart"), QStringLiteral("全家便利店"), "groceries"},
        {"m_hema", QStringLiteral("Hema Fresh"), QStringLiteral("盒马鲜生"), "groceries"},
        {"m_xinhua", QStringLiteral("Xinhua Bookstore"), QStringLiteral("新华书店"), "books"},
        {"m_mcd", QStringLiteral("McDonald's"), QStringLiteral("麦当劳"), "dining"},
        {"m_metro", QStringLiteral("Shanghai Metro"), QStringLiteral("上海地铁"), "transport"},
    };
    return list;
}

const QString kTrip = QStringLiteral("Trip.com");
const QString kTripZh = QStringLiteral("携程旅行");

constexpr qint64 kHourMs = 3600 * 1000;

// The data set: ten patterns repeated (wallet and card payments to merchants, transfers to and from
// people with sealed names and notes, top-ups and withdrawals, USD payments), statuses sprinkled in,
// one row every 37 hours back from now (about 15 months).
QVector<storage::HistoryRow> makeRows(const QString &cardId, qint64 nowMs)
{
    QVector<storage::HistoryRow> rows;
    const QStringList people = {QStringLiteral("Zhang Wei"), QStringLiteral("王芳")};
    const QStringList notes = {QStringLiteral("rent for June 房租"),
                               QStringLiteral("birthday gift 生日礼物")};
    for (int i = 0; i < 300; ++i) {
        storage::HistoryRow r;
        r.paymentId = QStringLiteral("pay_test_%1").arg(i, 4, 10, QLatin1Char('0'));
        r.lastTxnId = QStringLiteral("txn_test_%1").arg(i);
        r.receiptNo = QStringLiteral("BW%1").arg(i, 8, 10, QLatin1Char('0'));
        r.createdAtMs = nowMs - qint64(i) * 37 * kHourMs - 90 * 1000;
        r.updatedAtMs = r.createdAtMs;
        r.currency = QStringLiteral("CNY");
        r.status = i % 23 == 4   ? QStringLiteral("processing")
                   : i % 29 == 5 ? QStringLiteral("pending_review")
                   : i % 31 == 6 ? QStringLiteral("rejected")
                                 : QStringLiteral("succeeded");
        if (r.status == QLatin1String("rejected"))
            r.failureCode = QStringLiteral("insufficient_funds");
        const Merchant &m = merchants().at((i / 10 + i) % merchants().size());
        switch (i % 10) {
        case 0:
        case 1:
        case 2:
        case 4:
            r.kind = QStringLiteral("payment");
            r.counterpartyType = QStringLiteral("merchant");
            r.counterpartyId = QLatin1String(m.id);
            r.merchantName = m.en;
            r.merchantNameZh = m.zh;
            r.category = QLatin1String(m.category);
            r.amountMinor = -(500 + (qint64(i) * 7919) % 40000);
            break;
        case 3: // paid with the debit card: the balance did not change, the card paid
            r.kind = QStringLiteral("payment");
            r.counterpartyType = QStringLiteral("merchant");
            r.counterpartyId = QLatin1String(m.id);
            r.merchantName = m.en;
            r.merchantNameZh = m.zh;
            r.category = QLatin1String(m.category);
            r.amountMinor = 0;
            r.debitMinor = 1000 + (qint64(i) * 31) % 9000;
            r.debitCurrency = QStringLiteral("CNY");
            r.paymentMethodId = cardId;
            break;
        case 5:
            r.kind = QStringLiteral("transfer");
            r.counterpartyType = QStringLiteral("wallet");
            r.counterpartyId = QStringLiteral("w_person_%1").arg(i % 2);
            r.counterpartyName = people.at(i % 2);
            r.counterpartyPhone = QStringLiteral("+8613900000%1").arg(i % 2);
            r.note = notes.at(i % 2);
            r.amountMinor = -(10000 + qint64(i) * 13);
            break;
        case 6:
            r.kind = QStringLiteral("incoming");
            r.counterpartyType = QStringLiteral("wallet");
            r.counterpartyId = QStringLiteral("w_person_%1").arg(i % 2);
            r.counterpartyName = people.at(i % 2);
            r.note = notes.at((i + 1) % 2);
            r.amountMinor = 5000 + qint64(i) * 17;
            break;
        case 7:
            r.kind = QStringLiteral("top_up");
            r.counterpartyType = QStringLiteral("card"); // as the feed names the customer's own card
            r.counterpartyId = cardId;
            r.paymentMethodId = cardId;
            r.amountMinor = 20000 + i;
            break;
        case 8:
            r.kind = QStringLiteral("payment");
            r.counterpartyType = QStringLiteral("merchant");
            r.counterpartyId = QStringLiteral("m_trip");
            r.merchantName = kTrip;
            r.merchantNameZh = kTripZh;
            r.category = QStringLiteral("travel");
            r.currency = QStringLiteral("USD");
            r.amountMinor = -(1000 + qint64(i) * 3);
            break;
        default:
            r.kind = QStringLiteral("withdrawal");
            r.counterpartyType = QStringLiteral("bank_account");
            r.counterpartyId = QStringLiteral("pm_bank_account");
            r.paymentMethodId = QStringLiteral("pm_bank_account");
            r.amountMinor = -(3000 + i);
            break;
        }
        if (r.currency == QLatin1String("CNY")) {
            r.balanceAfterMinor = 1'000'000 + qint64(i) * 101;
            r.balanceAfterCurrency = QStringLiteral("CNY");
        }
        rows.append(r);
    }
    return rows;
}

// The signed amount the history shows, computed here from the row (not by the code under test).
qint64 shown(const storage::HistoryRow &r)
{
    if (r.amountMinor != 0)
        return r.amountMinor;
    return r.debitMinor ? -*r.debitMinor : 0;
}

// The shown amounts of the table's rows, top to bottom.
QVector<qint64> shownAmounts(const QAbstractItemModel *model)
{
    QVector<qint64> values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, 0).data(HM::ShownAmountMinorRole).toLongLong());
    return values;
}

bool isCjk(QChar c)
{
    return c.script() == QChar::Script_Han;
}

// What the search should find, by the documented rule: a CJK term of one or two characters is found in a
// merchant name; a Latin term is the prefix of a word of the merchant name, category, receipt number or
// kind. People's names, phones and notes are never searched.
bool matchesSearch(const storage::HistoryRow &r, const QString &term)
{
    if (std::any_of(term.begin(), term.end(), isCjk))
        return r.merchantName.contains(term) || r.merchantNameZh.contains(term);
    const QString haystack =
        QStringList{r.merchantName, r.category, r.receiptNo, r.kind}.join(QLatin1Char(' '));
    static const QRegularExpression split(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = haystack.toLower().split(split, Qt::SkipEmptyParts);
    return std::any_of(words.begin(), words.end(),
                       [&](const QString &w) { return w.startsWith(term.toLower()); });
}

qint64 startOfDayMs(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
}

QSet<QString> idsWhere(const QVector<storage::HistoryRow> &rows,
                       const std::function<bool(const storage::HistoryRow &)> &keep)
{
    QSet<QString> ids;
    for (const auto &r : rows)
        if (keep(r))
            ids.insert(r.paymentId);
    return ids;
}

QSet<QString> shownIds(HistoryPage &page)
{
    QSet<QString> ids;
    QAbstractItemModel *model = page.table()->model();
    if (!model)
        return ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->index(row, 0).data(HM::PaymentIdRole).toString());
    return ids;
}

QString describe(const QSet<QString> &got, const QSet<QString> &want)
{
    return QStringLiteral("shown %1 rows, expected %2 (missing %3, extra %4)")
        .arg(got.size())
        .arg(want.size())
        .arg(QStringList((want - got).values()).mid(0, 5).join(QLatin1Char(',')),
             QStringList((got - want).values()).mid(0, 5).join(QLatin1Char(',')));
}

// Types as a person would: Latin text key by key, Chinese text committed by the input method (QTest cannot
// send keys for characters outside ASCII).
void typeText(QLineEdit *edit, const QString &text)
{
    QVERIFY2(edit, "no line edit");
    typeInto(edit, QString());
    QString run;
    const auto flush = [&](bool cjk) {
        if (run.isEmpty())
            return;
        if (cjk) {
            QInputMethodEvent event;
            event.setCommitString(run);
            QApplication::sendEvent(edit, &event);
        } else {
            QTest::keyClicks(edit, run);
        }
        run.clear();
    };
    bool cjk = false;
    for (const QChar c : text) {
        const bool isWide = c.unicode() > 0x7f;
        if (isWide != cjk)
            flush(cjk);
        cjk = isWide;
        run.append(c);
    }
    flush(cjk);
    QCOMPARE(edit->text(), text);
}

void chooseData(QComboBox *combo, const QVariant &data)
{
    QVERIFY2(combo, "no combo box");
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setFocus();
    combo->setCurrentIndex(index);
}

} // namespace

class TestUiHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void showsEveryRowWithCount();
    void searchFindsMerchantsAndReceiptsOnly_data();
    void searchFindsMerchantsAndReceiptsOnly();
    void kindStatusCategoryCurrencyMethodFilters();
    void dateFilters();
    void amountRange();
    void sortByAmountFromHeader();
    void cardPaymentShowsWhatTheCardPaid();
    void topUpShowsTheCardByName();
    void copyFromRowMenuAndDetailsOnEnter();
    void keyboardNavigation();
    void hiddenColumnStaysHidden();
    void sortAndColumnsFromTheKeyboard();
    void screenshots();
    void exportOpensWithThePageFilter();
    void paymentMadeHereJoinsAFilteredView();
    void lockDropsTheRows();

private:
    std::unique_ptr<HistoryPage> makePage();
    void showDetailsOfFirstRow();
    // Filters the page to CNY (one currency, so sizes compare); *largestFirst: those rows' shown amounts.
    void showOnlyCny(QVector<qint64> *largestFirst);
    bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000);
    void expectRows(const QSet<QString> &want);

    std::unique_ptr<UiFixture> m_fx;
    TestWallet m_wallet;
    QVector<storage::HistoryRow> m_rows;
    std::unique_ptr<HistoryPage> m_page;
};

bool TestUiHistory::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

void TestUiHistory::initTestCase()
{
    m_fx = std::make_unique<UiFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    EnrollOptions options;
    options.debitCard = true;
    QVERIFY2(m_fx->enrollWallet(m_wallet, options), qPrintable(m_fx->error()));
    QVERIFY(!m_wallet.debitCardId.isEmpty());
    const auto error = m_fx->signIn(m_wallet);
    QVERIFY2(!error.isError(), qPrintable(error.summary()));
    QVERIFY(m_fx->ui().context->isSignedIn());

    m_rows = makeRows(m_wallet.debitCardId, QDateTime::currentMSecsSinceEpoch());
    std::optional<storage::Status> stored;
    const QVector<storage::HistoryRow> rows = m_rows;
    QObject context;
    m_fx->ui().context->database().run<storage::Status>(
        [rows](storage::WalletDatabase &db) { return storage::HistoryStore(db).upsertBatch(rows); }, &context,
        [&](storage::Status status) { stored = std::move(status); });
    QVERIFY(waitFor([&] { return stored.has_value(); }, 30000));
    QVERIFY2(stored->ok(), qPrintable(stored->error().codeName()));
}

void TestUiHistory::cleanupTestCase()
{
    m_page.reset();
    m_fx.reset();
}

std::unique_ptr<HistoryPage> TestUiHistory::makePage()
{
    auto page = std::make_unique<HistoryPage>(m_fx->ui());
    page->resize(1280, 800);
    page->show();
    page->activateWindow();
    (void)QTest::qWaitForWindowActive(page.get());
    page->refresh();
    return page;
}

void TestUiHistory::init()
{
    if (!m_page) {
        m_page = makePage();
        QVERIFY(waitFor([&] { return m_page->model() != nullptr; }));
        // The sync with the bank finishes; the store holds the data set and nothing else.
        QVERIFY(waitFor([&] { return !m_fx->ui().history->isSyncing(); }));
    }
    click(find<QPushButton>(m_page.get(), QStringLiteral("historyClearFiltersButton")));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->table()->model()->rowCount(), int(m_rows.size()), 5000);
}

void TestUiHistory::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible())
            dialog->reject();
        if (auto *menu = qobject_cast<QMenu *>(w); menu && menu->isVisible())
            menu->close();
    }
    m_fx->language().setCurrent(QStringLiteral("en"));
}

void TestUiHistory::expectRows(const QSet<QString> &want)
{
    QTRY_VERIFY2_WITH_TIMEOUT(shownIds(*m_page) == want, qPrintable(describe(shownIds(*m_page), want)), 5000);
    auto *count = find<QLabel>(m_page.get(), QStringLiteral("historyCountLabel"));
    QVERIFY(count);
    const QString expected = want.size() == 1
                                 ? QStringLiteral("1 transaction")
                                 : QStringLiteral("%1 transactions").arg(QLocale().toString(want.size()));
    QCOMPARE(count->text(), expected);
    auto *empty = find<QLabel>(m_page.get(), QStringLiteral("historyEmptyLabel"));
    QCOMPARE(empty->isVisible(), want.isEmpty());
    if (want.isEmpty())
        QCOMPARE(empty->text(), QStringLiteral("No transactions match these filters"));
}

void TestUiHistory::showsEveryRowWithCount()
{
    expectRows(idsWhere(m_rows, [](const auto &) { return true; }));
    // Newest first by default.
    QCOMPARE(m_page->table()->model()->index(0, 0).data(HM::PaymentIdRole).toString(),
             m_rows.first().paymentId);
    // Fixed row heights: no row is sized to its contents.
    QCOMPARE(m_page->table()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
}

void TestUiHistory::searchFindsMerchantsAndReceiptsOnly_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("findsSomething");
    QTest::newRow("two Chinese characters") << QStringLiteral("咖啡") << true;
    QTest::newRow("one Chinese character") << QStringLiteral("店") << true;
    QTest::newRow("Latin prefix") << QStringLiteral("star") << true;
    QTest::newRow("Latin prefix, other case") << QStringLiteral("LUCK") << true;
    QTest::newRow("exact receipt number") << QStringLiteral("BW00000042") << true;
    QTest::newRow("a person's name") << QStringLiteral("Zhang") << false;
    QTest::newRow("a person's Chinese name") << QStringLiteral("王芳") << false;
    QTest::newRow("a note") << QStringLiteral("birthday") << false;
    QTest::newRow("a Chinese note") << QStringLiteral("生日") << false;
}

void TestUiHistory::searchFindsMerchantsAndReceiptsOnly()
{
    QFETCH(QString, term);
    QFETCH(bool, findsSomething);
    const QSet<QString> want = idsWhere(m_rows, [&](const auto &r) { return matchesSearch(r, term); });
    QCOMPARE(!want.isEmpty(), findsSomething); // the data set is what the case says it is
    auto *search = find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit"));
    QVERIFY(search);
    QCOMPARE(search->placeholderText(), QStringLiteral("Merchant, category or receipt number"));
    typeText(search, term);
    expectRows(want);
    if (term == QLatin1String("BW00000042"))
        QCOMPARE(want.size(), 1);
}

void TestUiHistory::kindStatusCategoryCurrencyMethodFilters()
{
    HistoryPage *page = m_page.get();
    auto *clear = find<QPushButton>(page, QStringLiteral("historyClearFiltersButton"));

    chooseData(find<QComboBox>(page, QStringLiteral("historyKindCombo")), QStringLiteral("transfer"));
    expectRows(idsWhere(m_rows, [](const auto &r) { return r.kind == QLatin1String("transfer"); }));
    // Filters add up: transfers under review.
    chooseData(find<QComboBox>(page, QStringLiteral("historyStatusCombo")), QStringLiteral("pending_review"));
    expectRows(idsWhere(m_rows, [](const auto &r) {
        return r.kind == QLatin1String("transfer") && r.status == QLatin1String("pending_review");
    }));
    click(clear);

    chooseData(find<QComboBox>(page, QStringLiteral("historyStatusCombo")), QStringLiteral("rejected"));
    expectRows(idsWhere(m_rows, [](const auto &r) { return r.status == QLatin1String("rejected"); }));
    click(clear);

    chooseData(find<QComboBox>(page, QStringLiteral("historyCategoryCombo")), QStringLiteral("coffee"));
    expectRows(idsWhere(m_rows, [](const auto &r) { return r.category == QLatin1String("coffee"); }));
    click(clear);

    chooseData(find<QComboBox>(page, QStringLiteral("historyCurrencyCombo")), QStringLiteral("USD"));
    expectRows(idsWhere(m_rows, [](const auto &r) { return r.currency == QLatin1String("USD"); }));
    click(clear);

    // The payment methods come from the wallet's linked cards and accounts.
    auto *methods = find<QComboBox>(page, QStringLiteral("historyMethodCombo"));
    QTRY_VERIFY_WITH_TIMEOUT(methods->findData(m_wallet.debitCardId) >= 0, 10000);
    QVERIFY(!methods->itemText(methods->findData(m_wallet.debitCardId)).isEmpty());
    chooseData(methods, m_wallet.debitCardId);
    expectRows(idsWhere(m_rows, [&](const auto &r) { return r.paymentMethodId == m_wallet.debitCardId; }));
    // With a search on top: coffee paid with the card.
    typeText(find<QLineEdit>(page, QStringLiteral("historySearchEdit")), QStringLiteral("咖啡"));
    expectRows(idsWhere(m_rows, [&](const auto &r) {
        return r.paymentMethodId == m_wallet.debitCardId && matchesSearch(r, QStringLiteral("咖啡"));
    }));
    click(clear);
    expectRows(idsWhere(m_rows, [](const auto &) { return true; }));
}

void TestUiHistory::dateFilters()
{
    HistoryPage *page = m_page.get();
    auto *preset = find<QComboBox>(page, QStringLiteral("historyDatePresetCombo"));
    auto *from = find<QDateEdit>(page, QStringLiteral("historyFromDateEdit"));
    auto *to = find<QDateEdit>(page, QStringLiteral("historyToDateEdit"));
    QVERIFY(preset && from && to);
    QVERIFY(!from->isVisible()); // only for a custom range
    const QDate today = QDate::currentDate();

    chooseData(preset, int(HistoryPage::DatePreset::Last7Days));
    const qint64 weekFrom = startOfDayMs(today.addDays(-6));
    const qint64 weekTo = startOfDayMs(today.addDays(1));
    const auto week =
        idsWhere(m_rows, [&](const auto &r) { return r.createdAtMs >= weekFrom && r.createdAtMs < weekTo; });
    QVERIFY(week.size() >= 4);
    expectRows(week);

    chooseData(preset, int(HistoryPage::DatePreset::LastMonth));
    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    const qint64 monthFrom = startOfDayMs(lastMonth);
    const qint64 monthTo = startOfDayMs(lastMonth.addMonths(1));
    expectRows(idsWhere(
        m_rows, [&](const auto &r) { return r.createdAtMs >= monthFrom && r.createdAtMs < monthTo; }));

    chooseData(preset, int(HistoryPage::DatePreset::Custom));
    QVERIFY(from->isVisible() && to->isVisible());
    const QDate first = today.addDays(-200);
    const QDate last = today.addDays(-150);
    from->setDate(first);
    to->setDate(last);
    const qint64 customFrom = startOfDayMs(first);
    const qint64 customTo = startOfDayMs(last.addDays(1));
    const auto custom = idsWhere(
        m_rows, [&](const auto &r) { return r.createdAtMs >= customFrom && r.createdAtMs < customTo; });
    QVERIFY(custom.size() >= 30);
    expectRows(custom);
    // And a kind within the range.
    chooseData(find<QComboBox>(page, QStringLiteral("historyKindCombo")), QStringLiteral("top_up"));
    expectRows(idsWhere(m_rows, [&](const auto &r) {
        return r.createdAtMs >= customFrom && r.createdAtMs < customTo && r.kind == QLatin1String("top_up");
    }));
}

void TestUiHistory::amountRange()
{
    HistoryPage *page = m_page.get();
    auto *low = find<QLineEdit>(page, QStringLiteral("historyMinAmountEdit"));
    auto *high = find<QLineEdit>(page, QStringLiteral("historyMaxAmountEdit"));
    auto *direction = find<QComboBox>(page, QStringLiteral("historyDirectionCombo"));
    auto *currency = find<QComboBox>(page, QStringLiteral("historyCurrencyCombo"));
    QVERIFY(low && high && direction && currency);
    typeInto(low, QStringLiteral("20"));
    typeInto(high, QStringLiteral("100"));
    // An amount is money out in yuan unless the person says otherwise, and the bar shows it.
    QCOMPARE(direction->currentText(), QStringLiteral("Money out"));
    QCOMPARE(currency->currentData().toString(), QStringLiteral("CNY"));
    const auto out = idsWhere(m_rows, [](const auto &r) {
        return r.currency == QLatin1String("CNY") && shown(r) <= -2000 && shown(r) >= -10000;
    });
    QVERIFY(out.size() >= 10);
    expectRows(out);

    chooseData(direction, 2); // Money in
    const auto in = idsWhere(m_rows, [](const auto &r) {
        return r.currency == QLatin1String("CNY") && shown(r) >= 2000 && shown(r) <= 10000;
    });
    QVERIFY(!in.isEmpty());
    expectRows(in);
}

void TestUiHistory::sortByAmountFromHeader()
{
    QTableView *table = m_page->table();
    QHeaderView *header = table->horizontalHeader();
    const auto clickHeader = [&](int column) {
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    QVector<qint64> amounts;
    showOnlyCny(&amounts);
    if (QTest::currentTestFailed())
        return;
    clickHeader(HM::AmountColumn);
    QCOMPARE(header->sortIndicatorSection(), int(HM::AmountColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(shownAmounts(table->model()), amounts);
    clickHeader(HM::AmountColumn);
    std::reverse(amounts.begin(), amounts.end());
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(shownAmounts(table->model()), amounts);
    // Status does not sort: the order stays by amount.
    clickHeader(HM::StatusColumn);
    QCOMPARE(header->sortIndicatorSection(), int(HM::AmountColumn));
    QCOMPARE(shownAmounts(table->model()), amounts);
    // Back to the newest first.
    clickHeader(HM::DateColumn);
    QCOMPARE(header->sortIndicatorSection(), int(HM::DateColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, 0).data(HM::PaymentIdRole).toString(), m_rows.first().paymentId);
}

void TestUiHistory::cardPaymentShowsWhatTheCardPaid()
{
    const auto card =
        std::find_if(m_rows.begin(), m_rows.end(), [](const auto &r) { return r.debitMinor.has_value(); });
    QVERIFY(card != m_rows.end());
    typeInto(find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit")), card->receiptNo);
    expectRows({card->paymentId});
    QTableView *table = m_page->table();
    const qint64 debit = *card->debitMinor;
    const QString want = QString(QChar(0x2212)) +
                         QStringLiteral("¥%1.%2").arg(debit / 100).arg(debit % 100, 2, 10, QLatin1Char('0'));
    // What the amount cell draws (the delegate's text), not ¥0.00.
    QCOMPARE(HistoryItemDelegate::amountText(table->model()->index(0, HM::AmountColumn)), want);
    QCOMPARE(table->model()->index(0, 0).data(HM::ShownAmountMinorRole).toLongLong(), -debit);
}

void TestUiHistory::topUpShowsTheCardByName()
{
    const auto topUp = std::find_if(m_rows.begin(), m_rows.end(),
                                    [](const auto &r) { return r.kind == QLatin1String("top_up"); });
    QVERIFY(topUp != m_rows.end());
    typeInto(find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit")), topUp->receiptNo);
    expectRows({topUp->paymentId});
    auto *delegate = qobject_cast<HistoryItemDelegate *>(m_page->table()->itemDelegate());
    QVERIFY(delegate);
    // The linked test card ends in 1232 (services_test_support); never the method's raw id.
    QTRY_VERIFY_WITH_TIMEOUT(delegate->displayText(m_page->table()->model()->index(0, HM::CounterpartyColumn))
                                 .contains(QStringLiteral("1232")),
                             10000);
    QVERIFY(!delegate->displayText(m_page->table()->model()->index(0, HM::CounterpartyColumn))
                 .contains(topUp->counterpartyId));
}

void TestUiHistory::copyFromRowMenuAndDetailsOnEnter()
{
    const storage::HistoryRow &row = m_rows.at(45); // a transfer to a person, with a sealed note
    QCOMPARE(row.kind, QStringLiteral("transfer"));
    typeInto(find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit")), row.receiptNo);
    expectRows({row.paymentId});
    QTableView *table = m_page->table();
    const QRect cell = table->visualRect(table->model()->index(0, HM::CounterpartyColumn));
    QContextMenuEvent event(QContextMenuEvent::Mouse, cell.center(),
                            table->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(table->viewport(), &event);
    QMenu *menu = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (menu = m_page->findChild<QMenu *>(QStringLiteral("historyRowMenu"))) && menu->isVisible(), 3000);
    auto *copy = menu->findChild<QAction *>(QStringLiteral("historyCopyAction"));
    if (!copy) {
        for (QAction *action : menu->actions())
            if (action->objectName() == QLatin1String("historyCopyAction"))
                copy = action;
    }
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    copy->trigger();
    menu->close();
    const QString copied = QGuiApplication::clipboard()->text();
    const QStringList cells = copied.split(QLatin1Char('\t'));
    QVERIFY2(cells.contains(row.counterpartyName), qPrintable(copied));
    QVERIFY2(cells.contains(QStringLiteral("Transfer")), qPrintable(copied));
    QVERIFY2(cells.contains(row.receiptNo), qPrintable(copied));
    QVERIFY2(copied.contains(QString(QChar(0x2212)) + QStringLiteral("¥")), qPrintable(copied));

    // Enter on the row opens its details: every field, the sealed note opened for its owner.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, HM::CounterpartyColumn));
    QTest::keyClick(table, Qt::Key_Return);
    QDialog *details = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (details = m_page->findChild<QDialog *>(QStringLiteral("historyDetailsDialog"))) &&
            details->isVisible(),
        3000);
    QCOMPARE(find<QLabel>(details, QStringLiteral("historyDetailsValue_receipt_no"))->text(), row.receiptNo);
    QCOMPARE(find<QLabel>(details, QStringLiteral("historyDetailsValue_note"))->text(), row.note);
    QCOMPARE(find<QLabel>(details, QStringLiteral("historyDetailsValue_counterparty"))->text(),
             row.counterpartyName);
    QCOMPARE(find<QLabel>(details, QStringLiteral("historyDetailsValue_kind"))->text(),
             QStringLiteral("Transfer"));
    QVERIFY(find<QPushButton>(details, QStringLiteral("historyDetailsReceiptButton")));
    details->reject();
}

void TestUiHistory::keyboardNavigation()
{
    QTableView *table = m_page->table();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, HM::CounterpartyColumn));
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(table, Qt::Key_End);
    QCOMPARE(table->currentIndex().row(), int(m_rows.size()) - 1);
    QTest::keyClick(table, Qt::Key_PageUp);
    QVERIFY(table->currentIndex().row() < int(m_rows.size()) - 1);
    QTest::keyClick(table, Qt::Key_Home);
    QCOMPARE(table->currentIndex().row(), 0);
    // The Menu key opens the row's menu.
    QTest::keyClick(table, Qt::Key_Menu);
    QMenu *menu = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (menu = m_page->findChild<QMenu *>(QStringLiteral("historyRowMenu"))) && menu->isVisible(), 3000);
    menu->close();
    // Ctrl+F goes to the search field.
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit"))->hasFocus());
}

void TestUiHistory::hiddenColumnStaysHidden()
{
    QHeaderView *header = m_page->table()->horizontalHeader();
    QVERIFY(!header->isSectionHidden(HM::BalanceAfterColumn));
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(10, header->height() / 2),
                            header->viewport()->mapToGlobal(QPoint(10, header->height() / 2)));
    QApplication::sendEvent(header->viewport(), &event);
    QMenu *menu = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (menu = m_page->findChild<QMenu *>(QStringLiteral("historyColumnsMenu"))) && menu->isVisible(), 3000);
    QAction *balance = nullptr;
    for (QAction *action : menu->actions())
        if (action->objectName() == QLatin1String("historyColumnAction_balance_after"))
            balance = action;
    QVERIFY(balance && balance->isChecked());
    balance->trigger();
    menu->close();
    QVERIFY(header->isSectionHidden(HM::BalanceAfterColumn));

    // The page made again (as after a restart) remembers it.
    m_page.reset();
    m_page = makePage();
    QVERIFY(waitFor([&] { return m_page->model() != nullptr; }));
    header = m_page->table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(HM::BalanceAfterColumn));
    QVERIFY(!header->isSectionHidden(HM::AmountColumn));
    header->setSectionHidden(HM::BalanceAfterColumn, false);
}

void TestUiHistory::sortAndColumnsFromTheKeyboard()
{
    // What the header offers the mouse, with keys only: Alt+V opens the View menu; its mnemonics sort; the
    // arrows and Enter reach the columns.
    QTableView *table = m_page->table();
    QHeaderView *header = table->horizontalHeader();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QVector<qint64> amounts;
    showOnlyCny(&amounts);
    if (QTest::currentTestFailed())
        return;
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    const auto openViewMenu = [&]() -> QMenu * {
        // The offscreen platform leaves no window active when a popup closes (a desktop gives the
        // activation back), and a mnemonic works only in the active window.
        m_page->activateWindow();
        if (!QTest::qWaitForWindowActive(m_page.get()))
            return nullptr;
        QTest::keyClick(table, Qt::Key_V, Qt::AltModifier);
        QMenu *menu = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    return (menu = m_page->findChild<QMenu *>(QStringLiteral("historyViewMenu"))) &&
                           menu->isVisible();
                },
                3000))
            return nullptr;
        return menu;
    };

    QPointer<QMenu> menu = openViewMenu();
    QVERIFY(menu);
    auto *newest = menu->findChild<QAction *>(QStringLiteral("historySortNewestAction"));
    QVERIFY(newest && newest->isChecked()); // the menu shows the order in force
    QTest::keyClick(menu, Qt::Key_L);       // "Amount, largest first"
    QTRY_VERIFY(!menu);
    QCOMPARE(header->sortIndicatorSection(), int(HM::AmountColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(shownAmounts(table->model()), amounts);

    QVERIFY((menu = openViewMenu()));
    QTest::keyClick(menu, Qt::Key_S); // "Amount, smallest first"
    QTRY_VERIFY(!menu);
    std::reverse(amounts.begin(), amounts.end());
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(shownAmounts(table->model()), amounts);

    QVERIFY((menu = openViewMenu()));
    QTest::keyClick(menu, Qt::Key_N); // "Date, newest first"
    QTRY_VERIFY(!menu);
    QCOMPARE(header->sortIndicatorSection(), int(HM::DateColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(m_page->currentSort(), storage::HistorySort::Date);

    // The last entry of the menu is the last column, Balance after: with nothing selected, Up selects it.
    QVERIFY(!header->isSectionHidden(HM::BalanceAfterColumn));
    QVERIFY((menu = openViewMenu()));
    QTest::keyClick(menu, Qt::Key_Up);
    QVERIFY(menu->activeAction());
    QCOMPARE(menu->activeAction()->objectName(), QStringLiteral("historyColumnAction_balance_after"));
    QTest::keyClick(menu, Qt::Key_Return);
    QTRY_VERIFY(!menu);
    QVERIFY(header->isSectionHidden(HM::BalanceAfterColumn));
    // And back.
    QVERIFY((menu = openViewMenu()));
    QTest::keyClick(menu, Qt::Key_Up);
    QTest::keyClick(menu, Qt::Key_Return);
    QTRY_VERIFY(!menu);
    QVERIFY(!header->isSectionHidden(HM::BalanceAfterColumn));
}

void TestUiHistory::screenshots()
{
    const QString dir = qEnvironmentVariable("BW_SHOTS_DIR");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        m_fx->language().setCurrent(language);
        // A translation not yet merged into the app's (BW_EXTRA_QM, for looking at a new page in Chinese).
        QTranslator extra;
        const QString extraQm = qEnvironmentVariable("BW_EXTRA_QM");
        if (language != QLatin1String("en") && !extraQm.isEmpty() && extra.load(extraQm))
            QCoreApplication::installTranslator(&extra);
        QTRY_VERIFY(m_page->table()->model()->rowCount() > 0);
        if (language == QLatin1String("zh_CN"))
            QVERIFY(m_page->table()->model()->index(0, HM::CounterpartyColumn).data().toString() !=
                    QString());
        m_page->table()->setCurrentIndex(m_page->table()->model()->index(2, 1));
        QApplication::processEvents();
        const QImage shot = m_page->grab().toImage();
        QCOMPARE(shot.size(), QSize(1280, 800));
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("history-%1.png").arg(language))));
        }
        QCoreApplication::removeTranslator(&extra);
    }
}

void TestUiHistory::exportOpensWithThePageFilter()
{
    chooseData(find<QComboBox>(m_page.get(), QStringLiteral("historyKindCombo")), QStringLiteral("incoming"));
    expectRows(idsWhere(m_rows, [](const auto &r) { return r.kind == QLatin1String("incoming"); }));
    click(find<QPushButton>(m_page.get(), QStringLiteral("historyExportButton")));
    ExportDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_page->findChild<ExportDialog *>()) && dialog->isVisible(), 3000);
    static_cast<QDialog *>(dialog)->reject();
}

// A payment made in the app is written to the store at once (before any sync): a filtered view shows it
// at once with the right count, and when the sync then brings the same payment it stays one row.
void TestUiHistory::paymentMadeHereJoinsAFilteredView()
{
    chooseData(find<QComboBox>(m_page.get(), QStringLiteral("historyKindCombo")), QStringLiteral("top_up"));
    QSet<QString> want = idsWhere(m_rows, [](const auto &r) { return r.kind == QLatin1String("top_up"); });
    expectRows(want);

    services::PaymentService &payments = *m_fx->ui().payments;
    const services::PaymentActionId id =
        payments.requestQuote(services::test::topUpFrom(m_wallet.debitCardId, 12'34));
    const services::QuoteState quote = services::test::awaitQuote(payments, id);
    QVERIFY2(quote.status == services::QuoteState::Status::Ready, qPrintable(quote.error.summary()));
    QVERIFY(!quote.requiresOtp());
    QVERIFY(payments.confirm(id, m_wallet.pin));
    const services::PaymentState paid = services::test::awaitPayment(payments, id);
    QVERIFY2(paid.payment.has_value(), qPrintable(services::test::describe(paid)));
    want.insert(paid.payment->id);
    expectRows(want);

    QVERIFY(m_fx->ui().history->sync());
    QVERIFY(waitFor([&] { return !m_fx->ui().history->isSyncing(); }, 30000));
    expectRows(want);
    QCOMPARE(m_page->table()->model()->rowCount(), int(want.size()));

    // The tests after this one expect the data set plus this top-up.
    storage::HistoryRow added;
    added.paymentId = paid.payment->id;
    added.kind = QStringLiteral("top_up");
    added.merchantName.clear();
    m_rows.append(added);
}

void TestUiHistory::lockDropsTheRows()
{
    typeInto(find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit")), QStringLiteral("star"));
    expectRows(idsWhere(m_rows, [](const auto &r) { return matchesSearch(r, QStringLiteral("star")); }));
    showDetailsOfFirstRow();
    m_fx->ui().session->lock();
    // Nothing of the wallet stays: no rows, no reader, no search text, no details dialog.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model() == nullptr, 5000);
    QVERIFY(m_page->table()->model() == nullptr);
    QVERIFY(find<QLineEdit>(m_page.get(), QStringLiteral("historySearchEdit"))->text().isEmpty());
    QTRY_VERIFY(!m_page->findChild<QDialog *>(QStringLiteral("historyDetailsDialog")));
    m_page.reset();
}

void TestUiHistory::showOnlyCny(QVector<qint64> *largestFirst)
{
    chooseData(find<QComboBox>(m_page.get(), QStringLiteral("historyCurrencyCombo")), QStringLiteral("CNY"));
    largestFirst->clear();
    for (const auto &r : m_rows)
        if (r.currency == QLatin1String("CNY"))
            largestFirst->append(shown(r));
    std::sort(largestFirst->begin(), largestFirst->end(), std::greater<>());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->table()->model()->rowCount(), int(largestFirst->size()), 5000);
}

void TestUiHistory::showDetailsOfFirstRow()
{
    m_page->showDetails(0);
    QTRY_VERIFY(m_page->findChild<QDialog *>(QStringLiteral("historyDetailsDialog")));
}

QTEST_MAIN(TestUiHistory)
#include "test_ui_history.moc"
