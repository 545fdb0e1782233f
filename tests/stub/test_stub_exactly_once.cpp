// Exactly-once money under injected faults (label "stub") — gateway-api.md, "Fault injection" and
// "Quotes and payments" (idempotency).
//
// Every faulty run talks to the server over raw TCP, one connection per request: QNetworkAccessManager
// silently re-sends a request whose connection was dropped, which would hide the very drops under test.
// The setup (enrollment, sign-in, TOTP, top-up) runs on a fault-free server; the server is then restarted
// on the same database file with the faults switched on.
//
// 1. --drop-after-commit-rate 0.3: several wallets pay merchants (quote → [SMS or TOTP code] → pay with
//    PIN); every non-GET call that gets no answer is retried — a quote is re-issued (a new quote), a payment
//    is re-sent with THE SAME Idempotency-Key and body (fresh nonce/timestamp). Asserted: a payment's first
//    answer is a replay (Idempotent-Replayed: true) exactly when an earlier attempt was dropped (in this
//    mode a dropped request was committed); every later retry replays the same payment; each key's payment
//    appears once in the feed; no other payment exists; every wallet ends at start − Σ debits, on GET
//    /v1/wallet and on the feed's last balance_after; the ledger is balanced and reconciled.
// 2. The same with a restart half-way: the server is stopped while some payments are unanswered, started
//    on the same file, and those keys are retried: their first answer is the stored one (a replay).
// 3. --fail-rate 0.3: each 503 injected_fault leaves no trace (ledger entries, feed unchanged); the key's
//    first 201 is never a replay (no earlier attempt existed for the server).
// 4. In progress: with --latency-ms 300 a second request with the key of one still unanswered gets 409
//    idempotency_in_progress (type idempotency_error) while another key goes through; afterwards the key
//    replays the first answer. Without latency, two requests written back to back with one key give one
//    payment and one replay (the server runs handlers one after the other; see payment_routes.cpp).
//
// The fault seed is printed; override it with the environment variable BW_FAULT_SEED.
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "stub_test_client.h"

#include <QHash>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <memory>
#include <random>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

// Domestic merchants (CNY) and one cross-border (HKD, two decimals) from the seeded directory.
const QStringList kDomestic = {QStringLiteral("mer_lantern_coffee"), QStringLiteral("mer_fresh_field_market"),
                               QStringLiteral("mer_swift_ride")};
const QString kCrossBorder = QStringLiteral("mer_harbour_beans");
constexpr qint64 kTopUp = 3'000'00; // CNY 3,000.00 per wallet
constexpr int kMaxAttempts = 60;    // per request; 0.3^60 makes running out a defect, not bad luck

quint64 faultSeed()
{
    bool ok = false;
    const quint64 fromEnv = qEnvironmentVariable("BW_FAULT_SEED").toULongLong(&ok);
    return ok ? fromEnv : 20250301;
}

QJsonObject money(qint64 amount, const QString &currency = QStringLiteral("CNY"))
{
    return {{QStringLiteral("amount"), amount}, {QStringLiteral("currency"), currency}};
}

qint64 amountOf(const QJsonValue &value)
{
    return qint64(value.toObject().value(QStringLiteral("amount")).toDouble());
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// One HTTP answer read off a raw socket; status 0 = the server closed the connection without an answer.
struct Answer
{
    int status = 0;
    bool transportError = false; // could not connect, or neither an answer nor a close within the timeout
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json;
    QByteArray body;

    bool dropped() const { return status == 0 && !transportError; }
    bool injectedFault() const { return status == 503 && errorCode() == QLatin1String("injected_fault"); }
    bool replayed() const { return headers.value("idempotent-replayed") == "true"; }
    QJsonObject error() const { return json.value(QStringLiteral("error")).toObject(); }
    QString errorCode() const { return error().value(QStringLiteral("code")).toString(); }
    QString errorType() const { return error().value(QStringLiteral("type")).toString(); }
    QString summary() const
    {
        if (transportError)
            return QStringLiteral("transport error");
        return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(300)));
    }
};

// A request written on its own connection, whose answer is read later (so two can be in flight).
class RawRequest
{
public:
    bool send(quint16 port, const QByteArray &bytes)
    {
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket->waitForConnected(5000))
            return false;
        m_socket->write(bytes);
        while (m_socket->bytesToWrite() > 0)
            if (!m_socket->waitForBytesWritten(5000))
                return false;
        return true;
    }
    // Reads until a complete answer (Content-Length) or the server closes the connection.
    Answer await(int timeoutMs = 20000)
    {
        Answer answer;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            m_received += m_socket->readAll();
            if (parse(answer))
                return answer;
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                break;
            m_socket->waitForReadyRead(20);
        }
        m_received += m_socket->readAll();
        if (parse(answer))
            return answer;
        // Closed without an answer = dropped; still open after the timeout = a hang (a defect).
        answer.transportError =
            m_socket->state() != QAbstractSocket::UnconnectedState || !m_received.isEmpty();
        return answer;
    }

private:
    bool parse(Answer &answer) const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        qsizetype length = 0;
        QHash<QByteArray, QByteArray> headers;
        const QList<QByteArray> lines = m_received.left(end).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        length = headers.value("content-length").toLongLong();
        if (m_received.size() < end + 4 + length)
            return false;
        answer.status = m_received.mid(9, 3).toInt();
        answer.headers = headers;
        answer.body = m_received.mid(end + 4, length);
        answer.json = QJsonDocument::fromJson(answer.body).object();
        return true;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
};

struct Stats
{
    int payments = 0;      // keys that ended in a payment
    int payAttempts = 0;   // POST /v1/payments sent
    int payDrops = 0;      // of those, closed without an answer
    int payFaults = 0;     // of those, 503 injected_fault
    int replays = 0;       // answers with Idempotent-Replayed: true
    int quoteAttempts = 0; // POST /v1/quotes sent
    int otherDrops = 0;    // quotes and SMS-code requests closed without an answer
    int otherFaults = 0;   // 503 on anything but payments (GETs included)
    int inFlightAtRestart = 0;

    QString line(quint64 seed) const
    {
        return QStringLiteral("seed %1: %2 payments, %3 payment attempts (%4 dropped, %5 injected 503), %6 "
                              "replays, %7 quote attempts, %8 other drops, %9 other 503s, %10 in flight at "
                              "restart")
            .arg(seed)
            .arg(payments)
            .arg(payAttempts)
            .arg(payDrops)
            .arg(payFaults)
            .arg(replays)
            .arg(quoteAttempts)
            .arg(otherDrops)
            .arg(otherFaults)
            .arg(inFlightAtRestart);
    }
};

// A payment request ready to be (re)sent.
struct PreparedPayment
{
    int wallet = 0;
    QString key;
    QByteArray body;
    qint64 quotedDebit = 0;
    QString merchant;
};

// A wallet taking part in a run, with what the test knows independently of the server.
struct RunWallet
{
    TestWallet wallet;
    QByteArray totpSecret; // empty: this wallet uses the quote's SMS code
    qint64 start = 0;      // available balance when the faults start
    QSet<QString> paidMerchants;
    QHash<QString, QString> paymentByKey; // Idempotency-Key → payment id
    QHash<QString, QJsonObject> firstAnswer;
    QHash<QString, PreparedPayment> settled; // to retry a settled key again
    qint64 debits = 0;                       // Σ debit of its succeeded payments
    int next = 0;
};

} // namespace

class TestStubExactlyOnce : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StubTestClient> m_client;
    QList<RunWallet> m_wallets;
    Stats m_stats;
    quint64 m_seed = 0;
    std::mt19937_64 m_rng;
    bool m_failMode = false; // --fail-rate run: check that every 503 left no trace

    // --- raw requests -----------------------------------------------------------------------------------
    QByteArray requestBytes(const TestWallet &wallet, const QByteArray &method, const QString &path,
                            const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        auto headers = m_client->signingHeaders(wallet.deviceId, wallet.deviceSecret, method, path, body);
        headers.append({"Authorization", "Bearer " + wallet.token.toLatin1()});
        headers += extra;
        QByteArray bytes = method + ' ' + path.toUtf8() +
                           " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_client->port()) + "\r\n";
        if (!body.isEmpty())
            bytes += "Content-Type: application/json\r\n";
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        for (const auto &header : headers)
            bytes += header.first + ": " + header.second + "\r\n";
        return bytes + "\r\n" + body;
    }
    Answer once(const TestWallet &wallet, const QByteArray &method, const QString &path,
                const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        RawRequest request;
        if (!request.send(m_client->port(), requestBytes(wallet, method, path, body, extra))) {
            Answer failed;
            failed.transportError = true;
            return failed;
        }
        return request.await();
    }
    // Retries until the server answers with something other than a drop or an injected 503. Not for
    // POST /v1/payments (see payOnce): a retry of anything else is either safe (GET) or a new object.
    Answer untilAnswered(const TestWallet &wallet, const QByteArray &method, const QString &path,
                         const QByteArray &body = {})
    {
        Answer answer;
        for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
            if (path == QLatin1String("/v1/quotes"))
                ++m_stats.quoteAttempts;
            answer = once(wallet, method, path, body);
            if (answer.dropped())
                ++m_stats.otherDrops;
            else if (answer.injectedFault())
                ++m_stats.otherFaults;
            else
                return answer;
        }
        return answer;
    }

    // --- observations -----------------------------------------------------------------------------------
    QJsonObject ledgerCheck() { return m_client->get(QStringLiteral("/v1/dev/ledger/check")).json; }
    qint64 available(const RunWallet &rw)
    {
        const Answer answer = untilAnswered(rw.wallet, "GET", QStringLiteral("/v1/wallet"));
        if (answer.status != 200)
            return -1;
        const QJsonObject cny = answer.json.value(QStringLiteral("balances")).toArray().first().toObject();
        return amountOf(cny.value(QStringLiteral("available")));
    }
    // Every feed entry of the wallet, oldest first; empty with *ok false when a page failed.
    QJsonArray wholeFeed(const TestWallet &wallet, bool *ok)
    {
        *ok = true;
        QJsonArray all;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("after"), cursor);
            const Answer answer = untilAnswered(
                wallet, "GET", QStringLiteral("/v1/transactions?") + query.toString(QUrl::FullyEncoded));
            if (answer.status != 200) {
                qWarning("feed: %s", qPrintable(answer.summary()));
                *ok = false;
                return {};
            }
            for (const QJsonValue &entry : answer.json.value(QStringLiteral("data")).toArray())
                all.append(entry);
            cursor = answer.json.value(QStringLiteral("next_cursor")).toString();
            if (!answer.json.value(QStringLiteral("has_more")).toBool())
                return all;
        }
        *ok = false;
        return all;
    }

    // --- setup ------------------------------------------------------------------------------------------
    // Enrols `count` wallets on a fault-free server (wallet 0 uses SMS codes, the others TOTP), tops each
    // up, then restarts the server on the same file with `faults`.
    void setUpRun(int count, StubTestOptions faults)
    {
        m_client = std::make_unique<StubTestClient>();
        m_wallets.clear();
        m_stats = {};
        m_seed = faults.seed;
        m_rng.seed(m_seed);
        QVERIFY2(m_client->start(), qPrintable(m_client->lastError()));
        for (int i = 0; i < count; ++i) {
            RunWallet rw;
            rw.wallet = m_client->enrollWallet(true, QStringLiteral("Li Lei"));
            QVERIFY2(!rw.wallet.walletId.isEmpty(), qPrintable(m_client->lastError()));
            QVERIFY2(m_client->signIn(rw.wallet), qPrintable(m_client->lastError()));
            const Reply topUp =
                m_client->post(QStringLiteral("/v1/dev/wallets/%1/incoming").arg(rw.wallet.walletId),
                               {{QStringLiteral("amount"), money(kTopUp)},
                                {QStringLiteral("from_name"), QStringLiteral("Zhang Wei")}});
            QVERIFY2(topUp.status == 201 || topUp.status == 200, qPrintable(topUp.summary()));
            if (i > 0) {
                const Reply started =
                    m_client->sendAuthed(rw.wallet, "POST", QStringLiteral("/v1/wallet/totp"));
                QCOMPARE(started.status, 200);
                rw.totpSecret =
                    bw::crypto::base32Decode(started.json.value(QStringLiteral("secret_base32")).toString())
                        .value();
                const Reply confirmed = m_client->sendAuthed(
                    rw.wallet, "POST", QStringLiteral("/v1/wallet/totp/confirm"),
                    QJsonObject{{QStringLiteral("code"),
                                 bw::crypto::totp(rw.totpSecret, m_client->clock->nowSecs()).value()}});
                QVERIFY2(confirmed.status == 200, qPrintable(confirmed.summary()));
            }
            m_wallets.append(rw);
        }
        faults.dbPath = m_client->dbPath();
        m_client->stop();
        QVERIFY2(m_client->start(faults), qPrintable(m_client->lastError()));
        for (RunWallet &rw : m_wallets) {
            rw.start = available(rw);
            QCOMPARE(rw.start, kTopUp);
        }
        qInfo("fault seed %llu (the base seed is %llu; override it with BW_FAULT_SEED)",
              static_cast<unsigned long long>(m_seed), static_cast<unsigned long long>(faultSeed()));
    }

    // --- one payment ------------------------------------------------------------------------------------
    // Quote (re-issued while dropped) and the second factor when the quote requires it.
    bool prepare(int index, PreparedPayment *out)
    {
        RunWallet &rw = m_wallets[index];
        const bool crossBorder = std::uniform_int_distribution<int>(0, 4)(m_rng) == 0;
        const QString merchant =
            crossBorder ? kCrossBorder
                        : kDomestic[std::uniform_int_distribution<int>(0, int(kDomestic.size()) - 1)(m_rng)];
        const qint64 amount = std::uniform_int_distribution<qint64>(1'00, crossBorder ? 50'00 : 80'00)(m_rng);
        const QByteArray quoteBody = compact(
            {{QStringLiteral("kind"), QStringLiteral("payment")},
             {QStringLiteral("amount"),
              money(amount, crossBorder ? QStringLiteral("HKD") : QStringLiteral("CNY"))},
             {QStringLiteral("source"), QStringLiteral("balance")},
             {QStringLiteral("destination"), QJsonObject{{QStringLiteral("merchant_id"), merchant}}}});
        const Answer quote = untilAnswered(rw.wallet, "POST", QStringLiteral("/v1/quotes"), quoteBody);
        if (quote.status != 201) {
            qWarning("quote: %s", qPrintable(quote.summary()));
            return false;
        }
        const QString quoteId = quote.json.value(QStringLiteral("quote_id")).toString();
        const bool needsOtp = quote.json.value(QStringLiteral("requires"))
                                  .toArray()
                                  .contains(QJsonValue(QStringLiteral("otp")));
        // The contract: a second factor for a new payee or cross-border; none for a small domestic payment
        // to a payee already paid.
        const bool expected = crossBorder || !rw.paidMerchants.contains(merchant);
        if (needsOtp != expected) {
            qWarning(
                "quote for %s requires %s, expected otp %d", qPrintable(merchant),
                compact({{QStringLiteral("r"), quote.json.value(QStringLiteral("requires"))}}).constData(),
                expected);
            return false;
        }
        QJsonObject body{{QStringLiteral("quote_id"), quoteId}, {QStringLiteral("pin"), rw.wallet.pin}};
        if (needsOtp) {
            QString code;
            if (!rw.totpSecret.isEmpty()) {
                code = bw::crypto::totp(rw.totpSecret, m_client->clock->nowSecs()).value();
            } else {
                bool droppedBefore = false;
                Answer sent;
                for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
                    sent = once(rw.wallet, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(quoteId));
                    if (sent.dropped()) {
                        ++m_stats.otherDrops;
                        droppedBefore = true; // committed: the code went out
                    } else if (sent.injectedFault()) {
                        ++m_stats.otherFaults;
                    } else {
                        break;
                    }
                }
                // A retry after a dropped (hence committed) send meets the resend cooldown; the code is out.
                const bool ok =
                    sent.status == 202 || (droppedBefore && sent.status == 429 &&
                                           sent.errorCode() == QLatin1String("otp_resend_too_soon"));
                if (!ok) {
                    qWarning("quote otp: %s", qPrintable(sent.summary()));
                    return false;
                }
                code = m_client->lastCode(rw.wallet.phone);
            }
            body.insert(QStringLiteral("otp"), code);
        }
        out->wallet = index;
        out->key = QStringLiteral("exactly-once-%1-%2").arg(index).arg(++rw.next);
        out->body = compact(body);
        out->quotedDebit = amountOf(quote.json.value(QStringLiteral("debit")));
        out->merchant = merchant;
        return true;
    }

    // One POST /v1/payments attempt. In the --fail-rate run, a 503 must leave no trace.
    Answer payOnce(const PreparedPayment &p, QString *problem)
    {
        const RunWallet &rw = m_wallets[p.wallet];
        qint64 entriesBefore = 0;
        qsizetype feedBefore = 0;
        bool ok = true;
        if (m_failMode) {
            entriesBefore = qint64(ledgerCheck().value(QStringLiteral("entries")).toDouble());
            feedBefore = wholeFeed(rw.wallet, &ok).size();
        }
        ++m_stats.payAttempts;
        const Answer answer = once(rw.wallet, "POST", QStringLiteral("/v1/payments"), p.body,
                                   {{"Idempotency-Key", p.key.toUtf8()}});
        if (answer.dropped())
            ++m_stats.payDrops;
        if (answer.injectedFault()) {
            ++m_stats.payFaults;
            if (answer.errorType() != QLatin1String("api_error"))
                *problem = QStringLiteral("503 injected_fault of type %1").arg(answer.errorType());
            const qint64 entriesAfter = qint64(ledgerCheck().value(QStringLiteral("entries")).toDouble());
            const qsizetype feedAfter = wholeFeed(rw.wallet, &ok).size();
            if (!ok || entriesAfter != entriesBefore || feedAfter != feedBefore)
                *problem = QStringLiteral("a 503 injected_fault for key %1 left a trace: ledger entries %2 → "
                                          "%3, feed entries %4 → %5")
                               .arg(p.key)
                               .arg(entriesBefore)
                               .arg(entriesAfter)
                               .arg(feedBefore)
                               .arg(feedAfter);
        }
        if (answer.replayed())
            ++m_stats.replays;
        return answer;
    }

    // Retries a prepared payment with its key until answered, then checks and records the answer.
    // `droppedBefore`: an attempt of this key was already dropped (before a restart).
    QString settle(const PreparedPayment &p, bool droppedBefore)
    {
        Answer answer;
        QString problem;
        bool dropped = droppedBefore;
        for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
            answer = payOnce(p, &problem);
            if (!problem.isEmpty())
                return problem;
            if (answer.dropped()) {
                dropped = true;
                continue;
            }
            if (!answer.injectedFault())
                break;
        }
        return record(p, answer, dropped);
    }

    // Checks a key's first answer, records its payment, and checks one more retry replays it.
    QString record(const PreparedPayment &p, const Answer &answer, bool dropped)
    {
        RunWallet &rw = m_wallets[p.wallet];
        const QString where = QStringLiteral("key %1 (wallet %2): ").arg(p.key).arg(p.wallet);
        if (answer.status != 201)
            return where + QStringLiteral("expected 201, got ") + answer.summary();
        if (answer.json.value(QStringLiteral("status")).toString() != QLatin1String("succeeded"))
            return where + QStringLiteral("not succeeded: ") + answer.summary();
        // Drop-after-commit commits before it drops, so the first answer after a drop is the stored one;
        // a 503 changes nothing, so without a drop the first answer is the original.
        if (answer.replayed() != dropped)
            return where +
                   QStringLiteral("Idempotent-Replayed is %1 after %2")
                       .arg(answer.replayed() ? QStringLiteral("true") : QStringLiteral("absent"),
                            dropped ? QStringLiteral("a dropped attempt") : QStringLiteral("no drop"));
        const QString id = answer.json.value(QStringLiteral("id")).toString();
        if (!id.startsWith(QLatin1String("pay_")))
            return where + QStringLiteral("no payment id: ") + answer.summary();
        const qint64 debit = amountOf(answer.json.value(QStringLiteral("debit")));
        if (debit != p.quotedDebit)
            return where +
                   QStringLiteral("debit %1 differs from the quote's %2").arg(debit).arg(p.quotedDebit);
        for (const RunWallet &other : std::as_const(m_wallets))
            for (auto it = other.paymentByKey.begin(); it != other.paymentByKey.end(); ++it)
                if (it.value() == id)
                    return where +
                           QStringLiteral("payment %1 was already the answer to key %2").arg(id, it.key());
        rw.paymentByKey.insert(p.key, id);
        rw.firstAnswer.insert(p.key, answer.json);
        rw.settled.insert(p.key, p);
        rw.debits += debit;
        rw.paidMerchants.insert(p.merchant);
        ++m_stats.payments;
        return confirmReplay(p);
    }

    // One more retry of a settled key: the same payment again, as a replay.
    QString confirmReplay(const PreparedPayment &p)
    {
        const RunWallet &rw = m_wallets[p.wallet];
        QString problem;
        Answer again;
        for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
            again = payOnce(p, &problem);
            if (!problem.isEmpty())
                return problem;
            if (!again.dropped() && !again.injectedFault())
                break;
        }
        if (again.status != 201 || !again.replayed() || again.json != rw.firstAnswer.value(p.key))
            return QStringLiteral("key %1: a retry after success answered %2 (replayed %3) instead of the "
                                  "stored payment %4")
                .arg(p.key, again.summary(), again.replayed() ? QStringLiteral("true") : QStringLiteral("no"),
                     rw.paymentByKey.value(p.key));
        return {};
    }

    // A round: time moves 30 s (a fresh TOTP step), every wallet makes one payment.
    QString round()
    {
        m_client->clock->advance(30);
        for (int i = 0; i < m_wallets.size(); ++i) {
            PreparedPayment p;
            if (!prepare(i, &p))
                return QStringLiteral("wallet %1: could not prepare a payment").arg(i);
            const QString problem = settle(p, false);
            if (!problem.isEmpty())
                return problem;
        }
        return {};
    }

    // --- final checks -----------------------------------------------------------------------------------
    void verifyEverything()
    {
        qsizetype keys = 0;
        for (int i = 0; i < m_wallets.size(); ++i) {
            const RunWallet &rw = m_wallets[i];
            keys += rw.paymentByKey.size();
            bool ok = false;
            const QJsonArray feed = wholeFeed(rw.wallet, &ok);
            QVERIFY(ok);
            QHash<QString, int> entriesByPayment;
            qint64 feedSum = 0;
            for (const QJsonValue &value : feed) {
                const QJsonObject entry = value.toObject();
                if (entry.value(QStringLiteral("kind")).toString() != QLatin1String("payment"))
                    continue;
                ++entriesByPayment[entry.value(QStringLiteral("payment_id")).toString()];
                QCOMPARE(entry.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
                feedSum += amountOf(entry.value(QStringLiteral("amount")));
            }
            // Exactly one payment per key, and no payment without a key.
            const QList<QString> ids = rw.paymentByKey.values();
            QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
            QCOMPARE(entriesByPayment.size(), ids.size());
            for (const QString &id : ids)
                QVERIFY2(entriesByPayment.value(id) == 1,
                         qPrintable(QStringLiteral("payment %1 has %2 feed entries")
                                        .arg(id)
                                        .arg(entriesByPayment.value(id))));
            QCOMPARE(feedSum, -rw.debits);
            const qint64 expected = rw.start - rw.debits;
            QCOMPARE(amountOf(feed.last().toObject().value(QStringLiteral("balance_after"))), expected);
            QCOMPARE(available(rw), expected);
            // Each payment as the server keeps it.
            for (const QString &id : ids) {
                const Answer payment = untilAnswered(rw.wallet, "GET", QStringLiteral("/v1/payments/") + id);
                QVERIFY2(payment.status == 200, qPrintable(payment.summary()));
                QCOMPARE(payment.json.value(QStringLiteral("status")).toString(),
                         QStringLiteral("succeeded"));
            }
        }
        QCOMPARE(keys, qsizetype(m_stats.payments));
        const QJsonObject check = ledgerCheck();
        QVERIFY2(check.value(QStringLiteral("balanced")).toBool() &&
                     check.value(QStringLiteral("reconciled")).toBool() &&
                     check.value(QStringLiteral("sum")).toDouble() == 0 &&
                     check.value(QStringLiteral("unbalanced_journals")).toDouble() == 0,
                 compact(check).constData());
        qInfo("%s", qPrintable(m_stats.line(m_seed)));
    }

private Q_SLOTS:
    void dropAfterCommitExactlyOncePerKey()
    {
        StubTestOptions faults;
        faults.dropAfterCommitRate = 0.3;
        faults.seed = faultSeed();
        setUpRun(6, faults);
        if (QTest::currentTestFailed())
            return;
        for (int r = 0; r < 18; ++r) {
            const QString problem = round();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        verifyEverything();
        // The run really met drops on every kind of call it retries, and saw them replayed.
        QVERIFY(m_stats.payDrops > 0);
        QVERIFY(m_stats.otherDrops > 0);
        QVERIFY(m_stats.replays > m_stats.payments); // one confirming replay per key, plus the drops'
    }

    void dropAfterCommitWithRestartInTheMiddle()
    {
        StubTestOptions faults;
        faults.dropAfterCommitRate = 0.3;
        faults.seed = faultSeed() + 1;
        setUpRun(5, faults);
        if (QTest::currentTestFailed())
            return;
        for (int r = 0; r < 7; ++r) {
            const QString problem = round();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        // Payments sent once each; those that got no answer stay in flight across the restart.
        QList<PreparedPayment> inFlight;
        for (int r = 0; r < 8 && inFlight.isEmpty(); ++r) {
            m_client->clock->advance(30);
            for (int i = 0; i < m_wallets.size(); ++i) {
                PreparedPayment p;
                QVERIFY(prepare(i, &p));
                QString problem;
                const Answer answer = payOnce(p, &problem);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                if (answer.dropped()) {
                    inFlight.append(p);
                    continue;
                }
                problem = record(p, answer, false);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        QVERIFY2(!inFlight.isEmpty(), "no payment was dropped before the restart");
        m_stats.inFlightAtRestart = int(inFlight.size());
        const QJsonObject before = ledgerCheck();

        QVERIFY2(m_client->restart(), qPrintable(m_client->lastError()));
        // The restart itself adds and loses nothing.
        QCOMPARE(ledgerCheck().value(QStringLiteral("entries")), before.value(QStringLiteral("entries")));
        // The keys in flight: their first answer now is the one committed before the restart (a replay).
        for (const PreparedPayment &p : std::as_const(inFlight)) {
            const QString problem = settle(p, true);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        // Keys answered before the restart still replay their payment after it.
        for (const RunWallet &rw : std::as_const(m_wallets)) {
            for (const PreparedPayment &p : rw.settled) {
                const QString problem = confirmReplay(p);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        for (int r = 0; r < 7; ++r) {
            const QString problem = round();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        verifyEverything();
        QVERIFY(m_stats.payDrops > 0);
    }

    void failRateLeavesNoTraceAndRetriesSucceedOnce()
    {
        StubTestOptions faults;
        faults.failRate = 0.3;
        faults.seed = faultSeed() + 2;
        setUpRun(4, faults);
        if (QTest::currentTestFailed())
            return;
        m_failMode = true;
        for (int r = 0; r < 10; ++r) {
            const QString problem = round();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        m_failMode = false;
        verifyEverything();
        QVERIFY(m_stats.payFaults > 0);
        QCOMPARE(m_stats.payDrops, 0);
        QCOMPARE(m_stats.replays, m_stats.payments); // only the confirming retries replay
    }

    void secondRequestWhileFirstInProgressGets409()
    {
        StubTestOptions faults;
        faults.latencyMs = 300;
        faults.seed = faultSeed() + 3;
        setUpRun(1, faults);
        if (QTest::currentTestFailed())
            return;
        m_client->clock->advance(30);
        // Wallet 0 confirms with SMS codes, one per quote, so two payments can both carry a valid code.
        PreparedPayment first;
        QVERIFY(prepare(0, &first));
        PreparedPayment other;
        QVERIFY(prepare(0, &other));
        const TestWallet &wallet = m_wallets[0].wallet;
        const auto bytesOf = [&](const PreparedPayment &p) {
            return requestBytes(wallet, "POST", QStringLiteral("/v1/payments"), p.body,
                                {{"Idempotency-Key", p.key.toUtf8()}});
        };

        QElapsedTimer timer;
        timer.start();
        RawRequest a;
        QVERIFY(a.send(m_client->port(), bytesOf(first)));
        QThread::msleep(60); // a's handler has run; its answer is held back 300 ms
        RawRequest b;
        QVERIFY(b.send(m_client->port(), bytesOf(first))); // same key, same body
        RawRequest c;
        QVERIFY(c.send(m_client->port(), bytesOf(other))); // another key of the same wallet
        const Answer second = b.await();
        const Answer third = c.await();
        const Answer original = a.await();
        const qint64 elapsed = timer.elapsed();

        QVERIFY2(original.status == 201 && !original.replayed(), qPrintable(original.summary()));
        QVERIFY2(second.status == 409 && second.errorType() == QLatin1String("idempotency_error") &&
                     second.errorCode() == QLatin1String("idempotency_in_progress"),
                 qPrintable(second.summary()));
        QVERIFY(!second.replayed());
        QVERIFY2(third.status == 201 && !third.replayed(), qPrintable(third.summary()));
        QVERIFY(third.json.value(QStringLiteral("id")) != original.json.value(QStringLiteral("id")));
        QVERIFY2(elapsed >= 300, "the latency did not hold the first answer back");

        // Once answered, the key replays the original (record() checks one more retry), never the 409.
        QString problem = record(first, original, false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = record(other, third, false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        verifyEverything();
    }

    void twoConcurrentRequestsWithoutLatencyMakeOnePayment()
    {
        StubTestOptions plain;
        plain.seed = faultSeed() + 4;
        setUpRun(2, plain);
        if (QTest::currentTestFailed())
            return;
        m_client->clock->advance(30);
        PreparedPayment p;
        QVERIFY(prepare(1, &p));
        // Written back to back before either is read (each signed with its own nonce): both may land in
        // one group-commit batch.
        const auto bytes = [&] {
            return requestBytes(m_wallets[1].wallet, "POST", QStringLiteral("/v1/payments"), p.body,
                                {{"Idempotency-Key", p.key.toUtf8()}});
        };
        RawRequest a;
        RawRequest b;
        QVERIFY(a.send(m_client->port(), bytes()));
        QVERIFY(b.send(m_client->port(), bytes()));
        const Answer first = a.await();
        const Answer second = b.await();
        QVERIFY2(first.status == 201, qPrintable(first.summary()));
        QVERIFY2(second.status == 201, qPrintable(second.summary()));
        QCOMPARE(first.json, second.json);
        QVERIFY2(first.replayed() != second.replayed(), "exactly one of the two answers is a replay");
        const QString problem = record(p, first.replayed() ? second : first, false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        verifyEverything();
    }
};

QTEST_GUILESS_MAIN(TestStubExactlyOnce)
#include "test_stub_exactly_once.moc"
