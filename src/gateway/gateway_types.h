// The typed form of every object of the gateway contract (gateway-api.md, docs/gateway-openapi.yaml):
// plain structs the rest of the app uses instead of JSON. Money is bw::core::Money (int64 minor units and
// a Currency), rates are bw::core::DecimalRate, times are QDateTime in UTC, ids are QString. Secrets the
// bank hands out (device secret, access token, TOTP secret) are crypto::SecretBytes, wiped when dropped,
// which makes the structs that hold them move-only. json_codec.h turns JSON into these structs (strictly)
// and requests into JSON.
#pragma once

#include "core/currency.h"
#include "core/money.h"
#include "crypto/secret_bytes.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw::gateway {

using core::DecimalRate;
using core::Money;

// ---- enums the contract fixes (an unknown value is a decode error) --------------------------------------
enum class Funding { Debit, Credit, BankAccount };   // fee rule funding; cards use Debit/Credit only
enum class KycResult { Verified, Review, Rejected }; // enrollment identity check
enum class PaymentMethodType { Card, BankAccount };  // "card" | "bank_account"
enum class CardBrand { Visa, Mastercard, UnionPay, Amex, Jcb };
enum class QuoteKind { Payment, Transfer, TopUp, Withdrawal };
enum class SecondFactor { Pin, Otp }; // a quote's "requires" entries
enum class LimitKind { PerPayment, Daily, Annual, BalanceCap };
enum class PaymentStatus { Succeeded, Processing, PendingReview, Rejected };
enum class WalletOtpPurpose { PinChange, TotpDisable };
enum class ReviewDecision { Approve, Reject };
enum class DocumentType { CnResidentId, Passport };

// Contract spellings ("unionpay", "top_up", "pending_review", ...). (Not named toString: QTest finds
// toString by ADL for QCOMPARE and expects a char *.)
QString contractString(Funding value);
QString contractString(KycResult value);
QString contractString(PaymentMethodType value);
QString contractString(CardBrand value);
QString contractString(QuoteKind value);
QString contractString(SecondFactor value);
QString contractString(LimitKind value);
QString contractString(PaymentStatus value);
QString contractString(WalletOtpPurpose value);
QString contractString(ReviewDecision value);
QString contractString(DocumentType value);

// ---- directory (public) -------------------------------------------------------------------------------
struct Health
{
    QString status; // "ok"
};

struct Bank
{
    QString id; // bnk_…
    QString name;
    QString nameZh;
    bool walletSupported = false;
    QString country; // ISO 3166-1 alpha-2
};

// One line of GET /v1/fees.
struct FeeRule
{
    QString kind;                   // top_up, withdrawal, cross_border, fx_margin, … (may gain values)
    std::optional<Funding> funding; // when the line depends on the funding
    DecimalRate rate;               // "0.006" = 0.6 %
    Money min;
    std::optional<Money> freeAllowance;
    QString description;
    QString descriptionZh;
};
using FeeSchedule = QList<FeeRule>;

// GET /v1/fx-rates: units of each currency per 1 CNY, mid-market.
struct FxRates
{
    QString base; // "CNY"
    QDateTime asOf;
    QMap<QString, DecimalRate> rates; // ISO 4217 code → rate
};

struct Merchant
{
    QString id; // mer_…
    QString name;
    QString nameZh;
    QString category;
    QString country;         // not CN → cross-border
    core::Currency currency; // the currency the merchant takes
};

// ---- enrollment ---------------------------------------------------------------------------------------
struct OtpInfo
{
    QString channel;  // "sms"
    QString toMasked; // "+86 138****1234"
    QDateTime expiresAt;
    QDateTime resendAfter;
};

struct EnrollmentRequest
{
    QString bankId;
    QString fullName;
    QString phone;
    QString email;
};

// POST /v1/enrollments → 201.
struct EnrollmentStart
{
    QString enrollmentId; // enr_…
    QString status;       // "phone_unverified"
    OtpInfo otp;
};

// POST /v1/enrollments/{id}/otp/verify → 200 (also the password reset's verify).
struct EnrollmentVerify
{
    QString status; // "phone_verified"
};

struct IdentityRequest
{
    DocumentType documentType = DocumentType::CnResidentId;
    QString documentNumber; // never logged or stored
    QDate dateOfBirth;
    QString nationality = QStringLiteral("CN");
};

struct KycOutcome
{
    KycResult result = KycResult::Rejected;
    int tier = 4;
    QStringList reasons; // underage, sanctions_match, sanctions_review (contractCodeMessage() has texts)
};

// POST /v1/enrollments/{id}/identity → 200.
struct EnrollmentIdentity
{
    QString status;
    KycOutcome kyc;
};

// A wallet's tier limits (CNY) and usage; nullopt = no limit.
struct Limits
{
    std::optional<Money> perPayment;
    std::optional<Money> daily;
    std::optional<Money> annual;
    std::optional<Money> balanceCap;
    Money usedToday;
    Money usedThisYear;
};

// What signs requests: returned once by enrollment and by adding a device. Move-only (SecretBytes).
struct DeviceCredentials
{
    QString walletId;                 // wal_…
    QString deviceId;                 // dev_…
    crypto::SecretBytes deviceSecret; // 32 decoded bytes
};

struct EnrollmentCompleteRequest
{
    QString password;   // the caller wipes its own copy
    QString paymentPin; // likewise
    QString deviceName;
};

// POST /v1/enrollments/{id}/complete → 201.
struct EnrollmentCredentials
{
    DeviceCredentials device;
    int tier = 4;
    Limits limits;
};

// ---- sessions and devices -----------------------------------------------------------------------------
// POST /v1/sessions → 201. GatewayClient has already adopted the token when the caller sees this.
struct Session
{
    crypto::SecretBytes accessToken; // memory only, wiped when dropped
    int expiresInSecs = 0;
    int idleTimeoutSecs = 0;
    QString walletId;
    QDateTime expiresAt; // computed on receipt: now + expires_in (UTC)
};

struct AddDeviceRequest
{
    QString phone;
    QString password;
    QString code;
    QString deviceName;
};

struct Device
{
    QString id; // dev_…
    QString name;
    QDateTime createdAt;
    QDateTime lastSeenAt; // invalid when never seen
    bool current = false;
};

// ---- wallet -------------------------------------------------------------------------------------------
struct Balance
{
    core::Currency currency;
    Money available;
    Money pending;
};

// GET /v1/wallet: the customer's profile and wallet.
struct Wallet
{
    QString walletId;
    QString fullName;
    QString phoneMasked;
    int tier = 4;
    QString kycStatus; // "verified", "unverified", "review", … (may gain values)
    QList<Balance> balances;
    Limits limits;
    bool totpEnabled = false;
    bool paymentsFrozen = false;
};
using Profile = Wallet;

// POST /v1/wallet/totp → the secret to show once (QR code). Both fields carry the secret: SecretBytes.
struct TotpEnrollment
{
    crypto::SecretBytes secretBase32; // ASCII base32 text
    crypto::SecretBytes otpauthUri;   // ASCII URI text
};

struct TotpStatus
{
    bool totpEnabled = false;
};

// ---- password reset -----------------------------------------------------------------------------------
struct PasswordReset
{
    QString resetId; // rst_…
    OtpInfo otp;
};

// ---- payment methods ----------------------------------------------------------------------------------
struct CardRequest
{
    QString number; // never logged; the caller wipes its own copy
    int expMonth = 0;
    int expYear = 0;
    QString cvc;
    QString holderName;
};

struct BankAccountRequest
{
    QString bankId;
    QString accountNumber; // give this or iban
    QString iban;
    QString holderName;
};

// A card (type Card: brand, funding, expiry) or a bank account (type BankAccount: bank, country).
struct PaymentMethod
{
    QString id; // pm_…
    PaymentMethodType type = PaymentMethodType::Card;
    QString last4;
    QString holderName;
    bool isDefault = false;
    // card
    std::optional<CardBrand> brand;
    std::optional<Funding> funding; // Debit or Credit
    int expMonth = 0;
    int expYear = 0;
    // bank account
    QString bankId;
    QString bankName;
    QString country;
};

// ---- quotes and payments ------------------------------------------------------------------------------
struct QuoteRequest
{
    QuoteKind kind = QuoteKind::Payment;
    Money amount;                               // what the payee receives
    QString source = QStringLiteral("balance"); // "balance" or a payment method id
    // Destination: set exactly the one the kind needs (none for top_up).
    QString merchantId;
    QString phone;
    QString paymentMethodId;
};

struct FeeLine
{
    QString kind; // fx_margin, cross_border, top_up, withdrawal, … (may gain values)
    Money amount;
};

struct QuoteLimits
{
    bool ok = true;
    std::optional<Money> remainingToday; // nullopt: the tier has no daily limit
    std::optional<LimitKind> limit;      // which limit the payment would exceed
};

struct Quote
{
    QString quoteId; // quo_…
    QDateTime expiresAt;
    Money debit;
    Money credit;
    QList<FeeLine> fees;
    std::optional<DecimalRate> fxRate; // cross-border only
    QList<SecondFactor> requirements;  // "requires"
    QuoteLimits limits;
    QStringList warnings; // pin_locked, tier_not_allowed, limit_exceeded, … (contractCodeMessage())
    std::optional<QuoteKind> kind;
    std::optional<Money> principal; // the CNY principal the limits count
    bool travelRule = false;
    bool largeValueReport = false;

    bool requiresOtp() const { return requirements.contains(SecondFactor::Otp); }
};

struct PaymentRequest
{
    QString quoteId;
    QString pin;  // the caller wipes its own copy
    QString otp;  // empty: not sent
    QString note; // empty: not sent
};

struct Counterparty
{
    QString name;
    QString type; // merchant, wallet, payment_method, … (may gain values)
    QString id;
};

struct TravelRule
{
    QString originatorName;
    QString originatorWalletId;
    QString originatorDocumentCountry;
    QString beneficiaryName;
    QString beneficiaryAccount;
    QString beneficiaryCountry;
};

struct Payment
{
    QString id;   // pay_…
    QString kind; // the quote's kind, or e.g. an incoming transfer's (may gain values)
    PaymentStatus status = PaymentStatus::Processing;
    QString failureCode; // e.g. sanctions_match; empty when none
    Money debit;
    Money credit;
    QList<FeeLine> fees;
    std::optional<DecimalRate> fxRate;
    Counterparty counterparty;
    QString note;
    QDateTime createdAt;
    QString receiptNo;
    std::optional<TravelRule> travelRule;
    bool largeValueReport = false;
    QString quoteId; // quo_…; empty when the gateway does not send it (incoming transfers)
    // Client-side, not in the JSON: the answer to POST /v1/payments was the gateway's stored one
    // (Idempotent-Replayed: true), i.e. this action had already been carried out.
    bool replayed = false;
};

// One feed entry: a payment's state at one moment. Upsert by paymentId.
struct Transaction
{
    QString id;        // txn_…
    QString paymentId; // pay_…
    QString kind;
    PaymentStatus status = PaymentStatus::Processing;
    Money amount; // signed: the change to the available balance
    QList<FeeLine> fees;
    Counterparty counterparty;
    QString note;
    QString receiptNo;
    QDateTime createdAt;
    QDateTime updatedAt;
    Money balanceAfter;
    QString quoteId; // empty when absent
    // The wallet's own outgoing payments: what the source was charged, fees included (a card-funded
    // payment leaves `amount` at 0), and the source ("balance" or a pm_… id). Absent otherwise.
    std::optional<Money> debit;
    QString source;
};

struct TransactionPage
{
    QList<Transaction> data;
    QString nextCursor; // empty when the feed is empty (null)
    bool hasMore = false;
};

// ---- demo endpoints -----------------------------------------------------------------------------------
struct OutboxMessage
{
    QString to;
    QString channel;
    QString text;
    QString textZh;
    QString code; // the one-time code (demo only)
    QString purpose;
    QDateTime sentAt;
};

struct DevTierResult
{
    QString walletId;
    int tier = 4;
};

struct LedgerCheck
{
    bool balanced = false;
    qint64 entries = 0;
    qint64 sum = 0;
    QMap<QString, qint64> sums; // per currency, when the gateway sends it
    std::optional<qint64> unbalancedJournals;
    bool overflow = false;
    std::optional<bool> reconciled;
    std::optional<qint64> walletRowsChecked;
    std::optional<qint64> openHolds;
    QStringList problems;
};

} // namespace bw::gateway
