// Unit tests for bw::core::parsePaymentLink / formatPaymentLink: round trips (Chinese notes and names
// included), every error code, and hostile input (huge, NUL, %00, duplicate keys, plus signs, case).

#include "core/payment_link.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>

using namespace bw::core;

namespace {

Currency cur(const char *code)
{
    const auto c = Currency::fromCode(QString::fromLatin1(code));
    if (!c)
        qFatal("unknown currency %s", code);
    return *c;
}

QString errorOf(const QString &text)
{
    const auto result = parsePaymentLink(text);
    return result.ok() ? QStringLiteral("<ok>") : result.error().code;
}

} // namespace

class TestPaymentLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheDocumentedExample()
    {
        const auto r = parsePaymentLink(QStringLiteral(
            "bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY&note=Lunch&name=Li%20Lei"));
        QVERIFY2(r.ok(), qPrintable(r.error().code));
        QCOMPARE(r->phone, QStringLiteral("+8613912345678"));
        QVERIFY(r->merchantId.isEmpty());
        QVERIFY(r->amount.has_value());
        QCOMPARE(r->amount->minorUnits(), 1250);
        QVERIFY(r->amount->currency() == cur("CNY"));
        QCOMPARE(r->note, QStringLiteral("Lunch"));
        QCOMPARE(r->name, QStringLiteral("Li Lei"));
    }

    void parsesAMerchantLinkWithoutAmount()
    {
        const auto r = parsePaymentLink(QStringLiteral("bankwallet:pay?merchant=mer_lantern_coffee"));
        QVERIFY(r.ok());
        QCOMPARE(r->merchantId, QStringLiteral("mer_lantern_coffee"));
        QVERIFY(r->phone.isEmpty());
        QVERIFY(!r->amount.has_value());
        QVERIFY(r->note.isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("merchant");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("name");
        QTest::newRow("phone only") << "+8613912345678"
                                    << "" << qint64(-1) << ""
                                    << ""
                                    << "";
        QTest::newRow("phone amount") << "+8613912345678"
                                      << "" << qint64(1250) << "CNY"
                                      << ""
                                      << "";
        QTest::newRow("chinese") << "+8613912345678"
                                 << "" << qint64(8800) << "CNY" << QStringLiteral("午饭 AA 制 🍜")
                                 << QStringLiteral("李雷");
        QTest::newRow("reserved chars") << "+14155550123"
                                        << "" << qint64(1) << "USD" << QStringLiteral("a&b=c?d#e%f+g h/i:j")
                                        << QStringLiteral("O'Brien & Co.");
        QTest::newRow("jpy") << ""
                             << "mer_morning_cup_tokyo" << qint64(1235) << "JPY"
                             << "coffee"
                             << "";
        QTest::newRow("kwd") << ""
                             << "mer_x-1_Y" << qint64(1000) << "KWD"
                             << ""
                             << "";
        QTest::newRow("max amount") << "+8613912345678"
                                    << "" << Money::kMaxAbsGatewayMinorUnits << "CNY"
                                    << ""
                                    << "";
        QTest::newRow("max note") << "+8613912345678"
                                  << "" << qint64(-1) << "" << QString(140, QChar(0x4E2D))
                                  << QString(70, QChar(u'n'));
    }

    void roundTrip()
    {
        QFETCH(QString, phone);
        QFETCH(QString, merchant);
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, note);
        QFETCH(QString, name);
        PaymentLink link;
        link.phone = phone;
        link.merchantId = merchant;
        if (minor >= 0)
            link.amount = Money(minor, *Currency::fromCode(currency));
        link.note = note;
        link.name = name;
        const QString text = formatPaymentLink(link);
        QVERIFY(text.startsWith(QLatin1String("bankwallet:pay?")));
        // Always plain ASCII, so it survives any QR mode, clipboard or command line.
        for (QChar c : text)
            QVERIFY2(c.unicode() > 0x20 && c.unicode() < 0x7F, qPrintable(text));
        QVERIFY(!text.contains(u' '));
        QVERIFY(!text.contains(u'+'));
        const auto back = parsePaymentLink(text);
        QVERIFY2(back.ok(), qPrintable(back.error().code + QLatin1Char(' ') + text));
        QVERIFY(*back == link);
        QCOMPARE(formatPaymentLink(*back), text);
    }

    void formatsTheCanonicalForm()
    {
        PaymentLink link;
        link.phone = QStringLiteral("+8613912345678");
        link.amount = Money(1250, cur("CNY"));
        link.note = QStringLiteral("Lunch");
        link.name = QStringLiteral("Li Lei");
        QCOMPARE(
            formatPaymentLink(link),
            QStringLiteral(
                "bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY&note=Lunch&name=Li%20Lei"));
        link.note = QStringLiteral("午饭");
        QVERIFY(formatPaymentLink(link).contains(QLatin1String("note=%E5%8D%88%E9%A5%AD")));
    }

    void acceptsLenientForms()
    {
        // Scheme and path in any case; a literal '+' (RFC 3986: not a space); a phone with spaces (%20) and
        // the 00 prefix is normalised; unencoded Chinese pasted as-is; unknown keys ignored; surrounding
        // space.
        const auto r = parsePaymentLink(
            QStringLiteral("  BANKWALLET:PAY?to=+86%20139%201234%205678&note=午饭&v=2&future=x&  \n"));
        QVERIFY2(r.ok(), qPrintable(r.error().code));
        QCOMPARE(r->phone, QStringLiteral("+8613912345678"));
        QCOMPARE(r->note, QStringLiteral("午饭"));
        QCOMPARE(errorOf(QStringLiteral("bankwallet:pay?to=0086%2013912345678")), QStringLiteral("<ok>"));
        // '+' is never a space: in a note it stays a plus sign.
        const auto plus = parsePaymentLink(QStringLiteral("bankwallet:pay?to=%2B8613912345678&note=1+1"));
        QVERIFY(plus.ok());
        QCOMPARE(plus->note, QStringLiteral("1+1"));
        // Trailing zeros and an integer amount are fine.
        const auto whole =
            parsePaymentLink(QStringLiteral("bankwallet:pay?to=%2B8613912345678&amount=12&currency=CNY"));
        QVERIFY(whole.ok());
        QCOMPARE(whole->amount->minorUnits(), 1200);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        const QString p = QStringLiteral("bankwallet:pay?to=%2B8613912345678");
        QTest::newRow("empty") << ""
                               << "link_empty";
        QTest::newRow("blank") << "  \t "
                               << "link_empty";
        QTest::newRow("huge") << p + QStringLiteral("&note=") + QString(3000, u'a') << "link_too_long";
        QTest::newRow("http") << "https://pay?to=%2B8613912345678"
                              << "invalid_scheme";
        QTest::newRow("no colon") << "pay?to=1"
                                  << "invalid_scheme";
        QTest::newRow("lookalike scheme") << "bankwallet2:pay?to=%2B8613912345678"
                                          << "invalid_scheme";
        QTest::newRow("path") << "bankwallet:send?to=%2B8613912345678"
                              << "invalid_path";
        QTest::newRow("authority") << "bankwallet://pay?to=%2B8613912345678"
                                   << "invalid_path";
        QTest::newRow("no query") << "bankwallet:pay"
                                  << "missing_payee";
        QTest::newRow("bad percent") << p + "&note=50%"
                                     << "malformed_encoding";
        QTest::newRow("bad hex") << p + "&note=%G1"
                                 << "malformed_encoding";
        QTest::newRow("short percent") << p + "&note=%4"
                                       << "malformed_encoding";
        QTest::newRow("bad utf8") << p + "&note=%C3%28"
                                  << "malformed_encoding";
        QTest::newRow("overlong utf8") << p + "&note=%C0%AF"
                                       << "malformed_encoding";
        QTest::newRow("raw nul") << p + QStringLiteral("&note=a") + QChar(0) + "b"
                                 << "malformed_encoding";
        QTest::newRow("raw newline") << p + "&note=a\nb"
                                     << "malformed_encoding";
        QTest::newRow("no equals") << p + "&note"
                                   << "malformed_query";
        QTest::newRow("empty key") << p + "&=x"
                                   << "malformed_query";
        QTest::newRow("fragment") << p + "#frag"
                                  << "malformed_query";
        QTest::newRow("double to") << p + "&to=%2B8613800138000"
                                   << "duplicate_key";
        QTest::newRow("double to encoded key") << p + "&%74o=%2B8613800138000"
                                               << "duplicate_key";
        QTest::newRow("double unknown") << p + "&x=1&x=2"
                                        << "duplicate_key";
        QTest::newRow("double note") << p + "&note=a&note=b"
                                     << "duplicate_key";
        QTest::newRow("no payee") << "bankwallet:pay?amount=1&currency=CNY"
                                  << "missing_payee";
        QTest::newRow("both payees") << p + "&merchant=mer_lantern_coffee"
                                     << "ambiguous_payee";
        QTest::newRow("phone no plus") << "bankwallet:pay?to=8613912345678"
                                       << "invalid_phone";
        QTest::newRow("phone empty") << "bankwallet:pay?to="
                                     << "invalid_phone";
        QTest::newRow("phone letters") << "bankwallet:pay?to=%2B86139abcd5678"
                                       << "invalid_phone";
        QTest::newRow("phone space plus") << "bankwallet:pay?to=%208613912345678"
                                          << "invalid_phone";
        QTest::newRow("merchant prefix") << "bankwallet:pay?merchant=m_lantern"
                                         << "invalid_merchant";
        QTest::newRow("merchant empty") << "bankwallet:pay?merchant=mer_"
                                        << "invalid_merchant";
        QTest::newRow("merchant slash") << "bankwallet:pay?merchant=mer_a%2F..%2Fb"
                                        << "invalid_merchant";
        QTest::newRow("merchant long")
            << "bankwallet:pay?merchant=mer_" + QString(61, u'a') << "invalid_merchant";
        QTest::newRow("amount letters") << p + "&amount=12a&currency=CNY"
                                        << "invalid_amount";
        QTest::newRow("amount empty") << p + "&amount=&currency=CNY"
                                      << "invalid_amount";
        QTest::newRow("amount grouping") << p + "&amount=1,234.50&currency=CNY"
                                         << "invalid_amount";
        QTest::newRow("amount plus") << p + "&amount=+12&currency=CNY"
                                     << "invalid_amount";
        QTest::newRow("amount exponent") << p + "&amount=1e3&currency=CNY"
                                         << "invalid_amount";
        QTest::newRow("amount trailing dot") << p + "&amount=12.&currency=CNY"
                                             << "invalid_amount";
        QTest::newRow("amount symbol") << p + "&amount=%C2%A512&currency=CNY"
                                       << "invalid_amount";
        QTest::newRow("amount fullwidth") << p + "&amount=%EF%BC%91%EF%BC%92&currency=CNY"
                                          << "invalid_amount";
        QTest::newRow("amount nul") << p + "&amount=12%00&currency=CNY"
                                    << "invalid_amount";
        QTest::newRow("amount zero") << p + "&amount=0.00&currency=CNY"
                                     << "amount_not_positive";
        QTest::newRow("amount negative") << p + "&amount=-5&currency=CNY"
                                         << "amount_not_positive";
        QTest::newRow("amount precise") << p + "&amount=1.234&currency=CNY"
                                        << "amount_too_precise";
        QTest::newRow("jpy decimals") << p + "&amount=1.5&currency=JPY"
                                      << "amount_too_precise";
        QTest::newRow("amount large") << p + "&amount=90000000000000.01&currency=CNY"
                                      << "amount_too_large";
        QTest::newRow("amount int64") << p + "&amount=99999999999999999999999&currency=CNY"
                                      << "amount_too_large";
        QTest::newRow("currency unknown") << p + "&amount=1&currency=XXX"
                                          << "invalid_currency";
        QTest::newRow("currency lower") << p + "&amount=1&currency=cny"
                                        << "invalid_currency";
        QTest::newRow("no currency") << p + "&amount=1"
                                     << "missing_currency";
        QTest::newRow("no amount") << p + "&currency=CNY"
                                   << "missing_amount";
        QTest::newRow("note long") << p + "&note=" + QString(141, u'a') << "note_too_long";
        QTest::newRow("note nul") << p + "&note=a%00b"
                                  << "invalid_note";
        QTest::newRow("note newline") << p + "&note=a%0Ab"
                                      << "invalid_note";
        QTest::newRow("note del") << p + "&note=a%7F"
                                  << "invalid_note";
        QTest::newRow("note bidi") << p + "&note=%E2%80%AEevil"
                                   << "invalid_note";
        QTest::newRow("name long") << p + "&name=" + QString(71, u'a') << "name_too_long";
        QTest::newRow("name c1") << p + "&name=a%C2%85"
                                 << "invalid_name";
        QTest::newRow("name tab") << p + "&name=a%09b"
                                  << "invalid_name";
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const auto r = parsePaymentLink(text);
        QVERIFY2(!r.ok(), qPrintable(text));
        QCOMPARE(r.error().code, code);
        QVERIFY(r.error() == code);
        QVERIFY(!paymentLinkMessage(r.error()).isEmpty());
    }

    void lengthCapIsOnTheWholeText()
    {
        // Exactly at the cap is fine when the content is valid; one more character is refused.
        const QString base = QStringLiteral("bankwallet:pay?to=%2B8613912345678&x=");
        QString atCap = base + QString(kMaxPaymentLinkLength - base.size(), u'a');
        QCOMPARE(atCap.size(), kMaxPaymentLinkLength);
        QCOMPARE(errorOf(atCap), QStringLiteral("<ok>"));
        QCOMPARE(errorOf(atCap + u'a'), QStringLiteral("link_too_long"));
        // A megabyte is refused quickly.
        QCOMPARE(errorOf(QString(1 << 20, u'%')), QStringLiteral("link_too_long"));
    }

    void everyCodeHasItsOwnMessage()
    {
        const QStringList codes = {
            "link_empty",          "link_too_long",      "invalid_scheme",   "invalid_path",
            "malformed_encoding",  "malformed_query",    "duplicate_key",    "missing_payee",
            "ambiguous_payee",     "invalid_phone",      "invalid_merchant", "invalid_amount",
            "amount_not_positive", "amount_too_precise", "amount_too_large", "invalid_currency",
            "missing_currency",    "missing_amount",     "note_too_long",    "invalid_note",
            "name_too_long",       "invalid_name"};
        const QString generic = paymentLinkMessage(QStringLiteral("no_such_code"));
        QVERIFY(!generic.isEmpty());
        QVERIFY(paymentLinkMessage(QString()).isEmpty());
        QSet<QString> seen;
        for (const QString &code : codes) {
            const QString message = paymentLinkMessage(code);
            QVERIFY2(!message.isEmpty() && message != generic, qPrintable(code));
            seen.insert(message);
        }
        // malformed_encoding and malformed_query deliberately share one sentence (the person's fix is the
        // same).
        QCOMPARE(seen.size(), codes.size() - 1);
    }

    void fuzzNeverCrashes()
    {
        // Deterministic mutations of a valid link: every result is either a valid link that formats and
        // parses back to itself, or an error with a known message.
        const QString seed = QStringLiteral(
            "bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY&note=%E5%8D%88&name=Li");
        const QString alphabet = QStringLiteral("%&=?+#:0aZ.-\x01 中");
        quint32 state = 12345;
        auto next = [&state] {
            state = state * 1103515245u + 12345u;
            return (state >> 16) & 0x7FFF;
        };
        for (int i = 0; i < 20000; ++i) {
            QString text = seed;
            const int edits = 1 + int(next() % 4);
            for (int e = 0; e < edits; ++e) {
                const int pos = int(next() % (text.size() + 1));
                switch (next() % 3) {
                case 0:
                    text.insert(pos, alphabet.at(next() % alphabet.size()));
                    break;
                case 1:
                    if (pos < text.size())
                        text.remove(pos, 1);
                    break;
                default:
                    if (pos < text.size())
                        text[pos] = alphabet.at(next() % alphabet.size());
                }
            }
            const auto r = parsePaymentLink(text);
            if (r.ok()) {
                const auto again = parsePaymentLink(formatPaymentLink(*r));
                QVERIFY2(again.ok() && *again == *r, qPrintable(text));
            } else {
                QVERIFY(!paymentLinkMessage(r.error()).isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPaymentLink)
#include "test_payment_link.moc"
