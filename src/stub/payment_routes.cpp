// POST /v1/payments and GET /v1/payments/{id} (authenticated) — gateway-api.md, "Quotes and payments".
// A payment executes a quote: the rules are re-evaluated with the same functions the quote used
// (MoneyRules::evaluate, money_rules.h) — limits and balance may have changed — while the quote's price
// (fees, FX rate) is binding for its 60 seconds.
//
// Check order, first failure wins:
//   1. Idempotency-Key header (400 idempotency_key_missing when absent or empty; idempotency_key_invalid
//      over 255 characters), body shape (400 parameter_missing / 422 parameter_invalid: quote_id, pin
//      strings; otp, note optional strings; note at most 500 characters);
//   2. idempotency (see below);
//   3. the quote: unknown or another wallet's → 404 resource_missing (param quote_id); used → 409
//      quote_used; expired (60 s) → 409 quote_expired; its payment method deleted since → 422
//      parameter_invalid (param quote_id);
//   4. pin_locked (403) while payments are frozen; pin_invalid (401, attempts_remaining 4…1; the 5th wrong
//      PIN → 403 pin_locked and the wallet's payments are frozen until POST /v1/wallet/pin). A right PIN
//      clears the count. Any string is a PIN attempt (a malformed PIN is a wrong PIN, counted);
//   5. second factor when the rules require it now: otp_required (absent or empty), a TOTP code (±1 step,
//      each step once per wallet for any purpose; a reused step → otp_invalid, not counted) or the quote's
//      SMS code (POST /v1/quotes/{id}/otp: otp_invalid with attempts_remaining / otp_expired / 403
//      otp_attempts_exceeded after 5 wrong codes for that quote, TOTP guesses included). A wrong PIN never
//      reaches this step, so it does not use up the code; a payment that then fails (limits, decline)
//      does not use it up either (its transaction is rolled back);
//   6. tier_not_allowed, limit_exceeded (with "limit"), balance_insufficient, travel_rule_incomplete;
//   7. the card's answer (402 card_error): card_declined / insufficient_funds / incorrect_cvc (the
//      incorrect_cvc_once card declines only its first charge attempt). Every charge attempt is counted on
//      the method; a decline creates no payment and no feed entry and leaves the quote usable.
// Then the payment is created (201), with one of the contract's statuses:
//   - rejected / failure_code sanctions_match: a transfer whose recipient's wallet name is on the sanctions
//     list (no money moves); rejected / limit_exceeded: a transfer that would take the recipient over
//     their balance cap (available + pending; no money moves);
//   - pending_review: a transfer to a name similar to a listed one, or structuring (money_rules.h) — the
//     money is held (Ledger::hold: the wallet's `pending`) until POST /v1/dev/reviews/{id};
//   - succeeded otherwise.
// Money moves with Ledger::post in the same SQL transaction as the payment row, the feed entries, the usage
// counters and the quote's used_at. Accounts (ledger.h): payment from the balance: wallet → fees to
// bank:fee_income, principal to external:merchants (cross-border: principal CNY to bank:fx, which pays the
// merchant in the merchant's currency: bank:fx@XXX → external:merchants@XXX); from a card: the same with
// bank:card_clearing as the source (the balance does not change; the feed entry's amount is 0, the change
// to the available balance); transfer: wallet A → wallet B, and B gets its own payment (kind "incoming",
// counterparty {"name": A's name, "type": "wallet", "id": A's wallet id}) and feed entry once the money
// arrives (at once, or when staff approve the held transfer); top_up: bank:card_clearing (card) or
// external:bank_accounts (account) → wallet, fee → bank:fee_income; withdrawal: wallet →
// external:bank_accounts, fee → bank:fee_income.
// The payment object is paymentJson() (payment_records.h).
//
// Idempotency (per wallet and key, 24 h, idempotency_keys): the answer of the first request whose key and
// body pass step 1 — success or any error from step 3 on — is stored in the same transaction as
// everything the request changed. The same key with
// a JSON-equal body (canonical compact JSON, keys sorted) replays the stored status and body with header
// "Idempotent-Replayed: true"; a different body → 409 idempotency_key_reused (type idempotency_error).
// What is observable as 409 idempotency_in_progress: the server runs every handler to its end on one
// thread, so a second request can never see the row while the first handler runs (and a handler that dies
// rolls the row back with everything else). The first request is still "running" for its client until its
// answer is written: with --latency-ms the answer is held back that long after the handler (and the group
// commit) — a request with the same key that arrives in that window gets 409 idempotency_in_progress (an
// in-memory guard with that deadline; it does not survive a restart, the stored answer does). Without
// injected latency the window is the group commit's, well under a millisecond, and a second request that
// falls in the same batch gets the replay (whose answer is also held until the batch is durable).
#include "crypto/hash.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/credentials.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"
#include "stub/json_fields.h"
#include "stub/ledger.h"
#include "stub/money_rules.h"
#include "stub/payment_method.h"
#include "stub/payment_records.h"
#include "stub/router.h"
#include "stub/routes.h"
#include "stub/tier_limits.h"
#include "stub/transaction_feed.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <memory>

namespace bw::stub {

namespace {

constexpr qint64 kIdempotencyLifetimeSecs = 24 * 3600;
constexpr qsizetype kMaxKeyLength = 255;
constexpr qsizetype kMaxNoteLength = 500;
constexpr int kMaxPinFailures = 5;
const QString kBalance = QStringLiteral("balance");

// Answers written by a handler but not yet delivered (--latency-ms): see the file comment.
class InFlight
{
public:
    bool busy(const QString &key)
    {
        const auto it = m_until.constFind(key);
        return it != m_until.constEnd() && !it->hasExpired();
    }
    void hold(const QString &key, int milliseconds)
    {
        if (milliseconds <= 0)
            return;
        if (m_until.size() > 4096)
            m_until.removeIf([](const auto &entry) { return entry.value().hasExpired(); });
        m_until.insert(key, QDeadlineTimer(milliseconds));
    }
    // Old idempotency rows are purged at most once a minute.
    bool purgeDue(qint64 now)
    {
        if (now < m_nextPurge)
            return false;
        m_nextPurge = now + 60;
        return true;
    }

private:
    QHash<QString, QDeadlineTimer> m_until;
    qint64 m_nextPurge = 0;
};

struct PaymentInput
{
    QString quoteId;
    QString pin;
    std::optional<QString> otp;
    std::optional<QString> note;
};

ApiError idempotencyError(const QString &code, const QString &message)
{
    return ApiError(409, QStringLiteral("idempotency_error"), code, message);
}

ApiError cardError(const QString &code, const QString &message)
{
    return ApiError(402, QStringLiteral("card_error"), code, message);
}

ApiError pinLocked()
{
    return ApiError::authorization(QStringLiteral("pin_locked"),
                                   QStringLiteral("Payments are frozen after 5 wrong PINs; change the PIN."));
}

Response errorAnswer(const ApiError &error)
{
    Response response{error.status(), error.toJson(), {}, {}};
    for (const auto &header : error.headers())
        response.headers.append(header);
    return response;
}

QString readKey(const Request &req)
{
    const QString key = QString::fromUtf8(req.header("idempotency-key"));
    if (key.isEmpty())
        throw ApiError(400, QStringLiteral("invalid_request_error"),
                       QStringLiteral("idempotency_key_missing"),
                       QStringLiteral("Money-moving requests need an Idempotency-Key header."),
                       QStringLiteral("Idempotency-Key"));
    if (key.size() > kMaxKeyLength)
        throw ApiError(400, QStringLiteral("invalid_request_error"),
                       QStringLiteral("idempotency_key_invalid"),
                       QStringLiteral("An Idempotency-Key has at most 255 characters."),
                       QStringLiteral("Idempotency-Key"));
    return key;
}

PaymentInput readInput(const Request &req)
{
    const JsonFields body(req.json);
    PaymentInput input;
    input.quoteId = body.requireString(QStringLiteral("quote_id"));
    input.pin = body.requireString(QStringLiteral("pin"));
    input.otp = body.optionalString(QStringLiteral("otp"));
    input.note = body.optionalString(QStringLiteral("note"));
    if (input.note && input.note->size() > kMaxNoteLength)
        throw ApiError::parameterInvalid(QStringLiteral("note"),
                                         QStringLiteral("A note has at most 500 characters."));
    return input;
}

// Step 4: the PIN with the lockout, in its own (committed) savepoint so a wrong try is kept.
void checkPin(GatewayContext &ctx, const WalletFacts &wallet, const QString &pin)
{
    if (wallet.frozen)
        throw pinLocked();
    const bool right = pinMatches(ctx, pin, wallet.pinSalt, wallet.pinVerifier);
    if (right && wallet.pinFailures == 0)
        return; // the common case writes nothing
    StubStore &store = ctx.store();
    StubStore::Transaction tx(store);
    if (!right) {
        const int failures = wallet.pinFailures + 1;
        const bool freeze = failures >= kMaxPinFailures;
        store.run(QStringLiteral("UPDATE wallets SET pin_failures = ?, payments_frozen = ? WHERE id = ?"),
                  {failures, freeze ? 1 : 0, wallet.id});
        store.audit(ctx.nowSecs(),
                    freeze ? QStringLiteral("payment.pin_locked") : QStringLiteral("payment.pin_failed"),
                    wallet.id);
        tx.commit();
        if (freeze)
            throw pinLocked();
        throw ApiError::authentication(QStringLiteral("pin_invalid"), QStringLiteral("Wrong PIN."))
            .with(QStringLiteral("attempts_remaining"), kMaxPinFailures - failures);
    }
    store.run(QStringLiteral("UPDATE wallets SET pin_failures = 0 WHERE id = ?"), {wallet.id});
    tx.commit();
}

// Step 5: nullopt = accepted; otherwise the error to answer after committing (counted tries are kept).
std::optional<ApiError> checkSecondFactor(GatewayContext &ctx, const WalletFacts &wallet,
                                          const QString &quoteId, const std::optional<QString> &code)
{
    if (!code || code->isEmpty())
        return ApiError::authentication(QStringLiteral("otp_required"),
                                        QStringLiteral("This payment needs a one-time code."));
    OtpService &otp = ctx.otp();
    const auto state = otp.state(kQuoteOtpPurpose, quoteId);
    if (state && state->dead())
        return ApiError::authorization(
            QStringLiteral("otp_attempts_exceeded"),
            QStringLiteral("Too many wrong codes for this quote; ask for a new quote."));
    const qint64 now = ctx.nowSecs();
    if (wallet.totpEnabled && !wallet.totpSecretSealed.isEmpty()) {
        // The wallet's one replay guard (credentials.h): a TOTP code is accepted once for any purpose.
        const TotpVerdict verdict =
            verifyTotpOnce(ctx, wallet.id, wallet.totpSecretSealed, wallet.totpLastStep, *code);
        if (verdict == TotpVerdict::Accepted)
            return std::nullopt;
        if (verdict == TotpVerdict::Replayed)
            return ApiError::authentication(QStringLiteral("otp_invalid"),
                                            QStringLiteral("The code was already used."))
                .with(QStringLiteral("attempts_remaining"),
                      qMax(0, OtpService::kMaxAttempts - (state ? state->attempts : 0)));
    }
    // An SMS code was sent: OtpService decides. With TOTP on and the SMS code expired, the code can only
    // have been a TOTP guess: counted, never an uncounted otp_expired.
    if (state && state->sent && (!wallet.totpEnabled || now <= state->expiresAt))
        return otp.verify(kQuoteOtpPurpose, quoteId, *code);
    return otp.countFailure(kQuoteOtpPurpose, quoteId, wallet.phone);
}

// Step 7: what the test card answers to a charge (nullopt: approved). `charges` = attempts before this.
std::optional<ApiError> cardAnswer(const PaymentMethod &method)
{
    if (method.testBehaviour == QLatin1String(PaymentMethod::kDecline))
        return cardError(QStringLiteral("card_declined"), QStringLiteral("The card was declined."));
    if (method.testBehaviour == QLatin1String(PaymentMethod::kInsufficientFunds))
        return cardError(QStringLiteral("insufficient_funds"),
                         QStringLiteral("The card has insufficient funds."));
    if (method.testBehaviour == QLatin1String(PaymentMethod::kIncorrectCvcOnce) && method.charges == 0)
        return cardError(QStringLiteral("incorrect_cvc"),
                         QStringLiteral("The card's security code is incorrect."));
    return std::nullopt;
}

void countCharge(StubStore &store, const QString &methodId)
{
    store.run(QStringLiteral("UPDATE payment_methods SET charges = charges + 1 WHERE id = ?"), {methodId});
}

QString sourceAccount(const Terms &terms, const QString &walletId)
{
    if (terms.source == kBalance)
        return Ledger::walletAccount(walletId);
    return terms.sourceIsCard ? Ledger::kCardClearing : Ledger::kBankAccounts;
}

// Where the money goes (the journal's positive side, plus the FX legs that net to zero in the foreign
// currency). Sums to debit in CNY.
QList<Posting> destinationPostings(const Terms &terms, const QString &walletId)
{
    QList<Posting> postings;
    if (terms.kind == money_kind::kPayment) {
        if (terms.crossBorder) {
            const QString currency = terms.credit.currency().code();
            postings.append({Ledger::kFx, terms.principalCny});
            postings.append({Ledger::kFx, -terms.credit.minorUnits(), currency});
            postings.append({Ledger::kMerchants, terms.credit.minorUnits(), currency});
        } else {
            postings.append({Ledger::kMerchants, terms.principalCny});
        }
    } else if (terms.kind == money_kind::kTransfer) {
        postings.append({Ledger::walletAccount(terms.payee.id), terms.principalCny});
    } else if (terms.kind == money_kind::kTopUp) {
        postings.append({Ledger::walletAccount(walletId), terms.principalCny});
    } else {
        postings.append({Ledger::kBankAccounts, terms.principalCny});
    }
    const qint64 fees = terms.feeTotal();
    if (fees > 0)
        postings.append({Ledger::kFeeIncome, fees});
    return postings;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The recipient's side of a transfer once the money is in their wallet: a payment of kind "incoming" and
// its feed entry.
void creditRecipient(GatewayContext &ctx, const QString &transferId, const QString &senderId,
                     const QString &senderName, const QString &recipientId, qint64 amount, qint64 now)
{
    const QString id = newOrderedId(QStringLiteral("pay_"));
    const QJsonObject counterparty{{QStringLiteral("name"), senderName},
                                   {QStringLiteral("type"), QStringLiteral("wallet")},
                                   {QStringLiteral("id"), senderId}};
    ctx.store().run(
        QStringLiteral(
            "INSERT INTO payments (id, wallet_id, kind, status, debit_amount, debit_currency, "
            "credit_amount, credit_currency, principal_cny, fees_json, counterparty_json, receipt_no, "
            "created_at, updated_at) VALUES (?, ?, 'incoming', 'succeeded', ?, 'CNY', ?, 'CNY', ?, '[]', "
            "?, ?, ?, ?)"),
        {id, recipientId, amount, amount, amount, compactJson(counterparty), newReceiptNo(ctx.now()), now,
         now});
    TransactionFeed(ctx.store(), ctx.key()).appendForPayment(id, amount, now);
    ctx.store().audit(now, QStringLiteral("payment.transfer_received"), id,
                      {{QStringLiteral("wallet_id"), recipientId}, {QStringLiteral("transfer"), transferId}});
}

// Creates the payment of a quote that passed every check, inside the caller's transaction. Returns its id.
QString execute(GatewayContext &ctx, const WalletFacts &wallet, const Quote &quote, const Terms &terms,
                const Verdict &verdict, const std::optional<QString> &note, qint64 now)
{
    StubStore &store = ctx.store();
    Ledger ledger(store);
    MoneyRules rules(store);
    const QString paymentId = newOrderedId(QStringLiteral("pay_"));

    QString status = QStringLiteral("succeeded");
    QString failureCode;
    ScreeningResult screening;
    if (terms.kind == money_kind::kTransfer) {
        // The contract screens the recipient's wallet name; their balance cap is the recipient's limit.
        screening = ctx.sanctions().screen(terms.payee.name);
        const auto recipient = WalletFacts::load(store, terms.payee.id);
        const WalletBalance theirs = ledger.balance(terms.payee.id);
        const auto cap = recipient ? TierLimits::forTier(recipient->tier).balanceCap : std::nullopt;
        const ArrivalVerdict arrival = decideArrival(screening, theirs, cap, terms.principalCny);
        status = arrival.status;
        failureCode = arrival.failureCode;
    }
    if (status == QLatin1String("succeeded") && verdict.structuring)
        status = QStringLiteral("pending_review");

    const QString receiptNo = newReceiptNo(ctx.now());
    const QByteArray noteSealed =
        note && !note->isEmpty() ? TransactionFeed::sealNote(ctx.key(), paymentId, *note) : QByteArray();
    // Braces, not parentheses: clang reads nullText(QMetaType(QMetaType::QString)) as a function declaration.
    const QVariant nullText{QMetaType(QMetaType::QString)};
    store.run(
        QStringLiteral(
            "INSERT INTO payments (id, wallet_id, quote_id, kind, status, failure_code, debit_amount, "
            "debit_currency, credit_amount, credit_currency, principal_cny, fees_json, fx_rate, "
            "counterparty_json, note_sealed, travel_rule_json, large_value_flag, receipt_no, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {paymentId, wallet.id, quote.id, terms.kind, status,
         failureCode.isEmpty() ? nullText : QVariant(failureCode), terms.debitCny, terms.credit.minorUnits(),
         terms.credit.currency().code(), terms.principalCny, compactJson(terms.feesJson()),
         terms.fxRate ? QVariant(*terms.fxRate) : nullText, compactJson(terms.payee.counterpartyJson()),
         noteSealed.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(noteSealed),
         verdict.travelRule ? QVariant(compactJson(MoneyRules::travelRuleJson(wallet, terms))) : nullText,
         verdict.largeValue ? 1 : 0, receiptNo, now, now});

    const QList<Posting> funding{{sourceAccount(terms, wallet.id), -terms.debitCny}};
    const QList<Posting> release = destinationPostings(terms, wallet.id);
    // The feed's amount is the change to the available balance: the postings on the wallet's own account
    // (a hold moves the funding only; a rejected payment moves nothing).
    QList<Posting> moved;
    if (status == QLatin1String("succeeded")) {
        moved = funding + release;
        ledger.post(paymentId, moved, now);
    } else if (status == QLatin1String("pending_review")) {
        moved = funding;
        ledger.hold(paymentId, wallet.id, terms.debitCny, QStringLiteral("CNY"), funding, release, now);
    }
    qint64 delta = 0;
    for (const Posting &posting : std::as_const(moved))
        if (posting.account == Ledger::walletAccount(wallet.id) && posting.currency == QLatin1String("CNY"))
            delta += posting.amount;
    FeedEntry entry;
    entry.walletId = wallet.id;
    entry.paymentId = paymentId;
    entry.kind = terms.kind;
    entry.status = status;
    entry.amount = delta;
    entry.fees = terms.feesJson();
    entry.counterparty = terms.payee.counterpartyJson();
    entry.noteSealed = noteSealed;
    entry.receiptNo = receiptNo;
    entry.createdAt = now;
    entry.updatedAt = now;
    TransactionFeed(store, ctx.key()).append(entry);

    if (status != QLatin1String("rejected"))
        rules.recordUsage(wallet.id, terms.kind, terms.principalCny, terms.crossBorder, now);
    const bool spending = terms.kind == money_kind::kPayment || terms.kind == money_kind::kTransfer;
    if (status == QLatin1String("succeeded") && spending && !verdict.knownPayee)
        rules.recordPayee(wallet.id, terms.payee.id, now);
    if (status == QLatin1String("succeeded") && terms.kind == money_kind::kTransfer)
        creditRecipient(ctx, paymentId, wallet.id, wallet.fullName, terms.payee.id, terms.principalCny, now);
    store.run(QStringLiteral("UPDATE quotes SET used_at = ? WHERE id = ?"), {now, quote.id});
    QJsonObject details{{QStringLiteral("wallet_id"), wallet.id},
                        {QStringLiteral("kind"), terms.kind},
                        {QStringLiteral("status"), status}};
    if (verdict.structuring)
        details.insert(QStringLiteral("structuring"), true);
    if (!screening.entryId.isEmpty())
        details.insert(QStringLiteral("sanctions_entry"), screening.entryId);
    store.audit(now, QStringLiteral("payment.created"), paymentId, details);
    return paymentId;
}

// Steps 3–7 and the payment. Throws ApiError; changes that must stay (PIN and OTP tries, card charge
// attempts) are committed in their own savepoints before the throw.
Response pay(GatewayContext &ctx, const QString &walletId, const PaymentInput &input)
{
    StubStore &store = ctx.store();
    const qint64 now = ctx.nowSecs();
    const auto quote = Quote::find(store, input.quoteId);
    if (!quote || quote->walletId != walletId)
        throw ApiError::resourceMissing(QStringLiteral("No such quote."), QStringLiteral("quote_id"));
    if (quote->usedAt)
        throw ApiError::conflict(QStringLiteral("quote_used"), QStringLiteral("The quote was used."),
                                 QStringLiteral("quote_id"));
    if (quote->expired(now))
        throw ApiError::conflict(QStringLiteral("quote_expired"), QStringLiteral("The quote has expired."),
                                 QStringLiteral("quote_id"));
    Terms terms = quote->terms;
    std::optional<PaymentMethod> method;
    if (terms.source != kBalance) {
        method = PaymentMethod::find(store, walletId, terms.source);
        if (!method)
            throw ApiError::parameterInvalid(QStringLiteral("quote_id"),
                                             QStringLiteral("The quote's payment method was removed."));
        terms.sourceIsCard = method->isCard();
        terms.sourceFunding = method->feeFunding();
    }
    if (terms.kind == money_kind::kWithdrawal && !PaymentMethod::find(store, walletId, terms.payee.id))
        throw ApiError::parameterInvalid(QStringLiteral("quote_id"),
                                         QStringLiteral("The quote's bank account was removed."));
    const auto wallet = WalletFacts::load(store, walletId);
    if (!wallet)
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."));

    checkPin(ctx, *wallet, input.pin);

    std::optional<ApiError> declined;
    QString paymentId;
    {
        // Everything from here to the payment is one savepoint, so a refusal after the second factor (a
        // limit, a decline) rolls the code's use back. Nothing before the payment writes without a second
        // factor, so that common path needs no savepoint of its own: the request's idempotency savepoint
        // (createPayment) already holds it.
        std::optional<StubStore::Transaction> tx;
        MoneyRules rules(store);
        const Verdict verdict =
            rules.evaluate(*wallet, terms, rules.usage(walletId, now), Ledger(store).balance(walletId), now);
        if (verdict.requiresOtp) {
            tx.emplace(store);
            if (auto error = checkSecondFactor(ctx, *wallet, quote->id, input.otp)) {
                tx->commit(); // keep the counted wrong try
                throw *error;
            }
        }
        if (auto error = verdict.firstError())
            throw *error; // rolled back: the code is not used up
        if (method && method->isCard())
            declined = cardAnswer(*method);
        if (!declined) {
            if (method && method->isCard())
                countCharge(store, method->id);
            paymentId = execute(ctx, *wallet, *quote, terms, verdict, input.note, now);
            if (tx)
                tx->commit();
        }
    }
    if (declined) {
        // The charge attempt counts (incorrect_cvc_once), nothing else of the attempt stays.
        StubStore::Transaction tx(store);
        countCharge(store, method->id);
        store.audit(now, QStringLiteral("payment.card_declined"), quote->id,
                    {{QStringLiteral("wallet_id"), walletId}, {QStringLiteral("code"), declined->code()}});
        tx.commit();
        throw *declined;
    }
    return Response::jsonText(201, *paymentJsonText(ctx, paymentId, walletId));
}

Response createPayment(GatewayContext &ctx, InFlight &inFlight, const Request &req)
{
    const QString key = readKey(req);
    const PaymentInput input = readInput(req);
    const QByteArray canonical = QJsonDocument(req.json).toJson(QJsonDocument::Compact);
    const QString hash = QString::fromLatin1(crypto::sha256(canonical).value().toHex());
    const QString scoped = req.walletId + QChar(0x1f) + key;
    if (inFlight.busy(scoped))
        throw idempotencyError(QStringLiteral("idempotency_in_progress"),
                               QStringLiteral("A request with this Idempotency-Key is still running."));

    StubStore &store = ctx.store();
    const qint64 now = ctx.nowSecs();
    StubStore::Transaction tx(store);
    if (inFlight.purgeDue(now))
        store.run(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at <= ?"),
                  {now - kIdempotencyLifetimeSecs});
    StubStore::Query row =
        store.query(QStringLiteral("SELECT request_hash, status, response_body, created_at FROM "
                                   "idempotency_keys WHERE wallet_id = ? AND key = ?"),
                    {req.walletId, key});
    if (row.next()) {
        if (row.value(3).toLongLong() > now - kIdempotencyLifetimeSecs) {
            if (row.value(0).toString() != hash)
                throw idempotencyError(
                    QStringLiteral("idempotency_key_reused"),
                    QStringLiteral("This Idempotency-Key was used with another request body."));
            // The stored bytes are the first answer's body, written again as they are.
            Response replay = Response::jsonText(row.value(1).toInt(), row.value(2).toString().toUtf8());
            replay.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
            tx.commit(); // the purge above, if any
            return replay;
        }
        store.run(QStringLiteral("DELETE FROM idempotency_keys WHERE wallet_id = ? AND key = ?"),
                  {req.walletId, key});
    }
    Response response;
    try {
        response = pay(ctx, req.walletId, input);
    } catch (const ApiError &error) {
        response = errorAnswer(error);
    }
    // Written once, with the answer, in the same transaction as everything the request changed: no other
    // request runs while this handler does (see the file comment), so an "in progress" row written first
    // could never be seen by anyone.
    if (response.body.isEmpty() && response.json)
        response.body = QJsonDocument(*response.json).toJson(QJsonDocument::Compact);
    store.run(
        QStringLiteral("INSERT INTO idempotency_keys (wallet_id, key, request_hash, status, response_body, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {req.walletId, key, hash, response.status, QString::fromUtf8(response.body), now});
    tx.commit();
    inFlight.hold(scoped, ctx.config().latencyMs);
    return response;
}

} // namespace

void settleReviewedPayment(GatewayContext &ctx, const QString &paymentId, bool approved)
{
    StubStore &store = ctx.store();
    StubStore::Query row =
        store.query(QStringLiteral("SELECT wallet_id, kind, principal_cny, fx_rate, counterparty_json, "
                                   "created_at FROM payments WHERE id = ?"),
                    {paymentId});
    if (!row.next())
        return;
    const QString walletId = row.value(0).toString();
    const QString kind = row.value(1).toString();
    if (kind != money_kind::kPayment && kind != money_kind::kTransfer)
        return; // incoming transfers: nothing of the sender's side is kept here
    const qint64 principal = row.value(2).toLongLong();
    const bool crossBorder = kind == money_kind::kPayment && !row.value(3).isNull();
    const QString payeeId = QJsonDocument::fromJson(row.value(4).toString().toUtf8())
                                .object()
                                .value(QStringLiteral("id"))
                                .toString();
    const qint64 createdAt = row.value(5).toLongLong();
    const qint64 now = ctx.nowSecs();
    MoneyRules rules(store);
    if (!approved) {
        rules.recordUsage(walletId, kind, principal, crossBorder, createdAt, -1);
        return;
    }
    rules.recordPayee(walletId, payeeId, now);
    if (kind == money_kind::kTransfer) {
        const auto sender = WalletFacts::load(store, walletId);
        creditRecipient(ctx, paymentId, walletId, sender ? sender->fullName : QString(), payeeId, principal,
                        now);
    }
}

void addPaymentRoutes(Router &router, GatewayContext &ctx)
{
    auto inFlight = std::make_shared<InFlight>();
    router.add("POST", QStringLiteral("/v1/payments"), Access::Authenticated,
               [&ctx, inFlight](const Request &req) { return createPayment(ctx, *inFlight, req); });
    // Added to the contract: the payment a quote became, if any — how a client that lost the answer to
    // POST /v1/payments (a crash, a dropped connection) finds out whether its payment exists. A quote is
    // used at most once and expires after 60 s, so an empty answer after the quote's expiry is final.
    router.add("GET", QStringLiteral("/v1/payments"), Access::Authenticated, [&ctx](const Request &req) {
        const QString quoteId = req.query.queryItemValue(QStringLiteral("quote_id"));
        if (quoteId.isEmpty())
            throw ApiError::parameterMissing(QStringLiteral("quote_id"));
        QJsonArray data;
        const QVariant paymentId =
            ctx.store().scalar(QStringLiteral("SELECT id FROM payments WHERE quote_id = ? AND wallet_id = ?"),
                               {quoteId, req.walletId});
        if (paymentId.isValid())
            if (const auto payment = paymentJson(ctx, paymentId.toString(), req.walletId))
                data.append(*payment);
        return Response::ok(QJsonObject{{QStringLiteral("data"), data}});
    });
    router.add("GET", QStringLiteral("/v1/payments/{id}"), Access::Authenticated, [&ctx](const Request &req) {
        auto payment = paymentJsonText(ctx, req.param(QStringLiteral("id")), req.walletId);
        if (!payment)
            throw ApiError::resourceMissing(QStringLiteral("No such payment."), QStringLiteral("id"));
        return Response::jsonText(200, std::move(*payment));
    });
}

} // namespace bw::stub
