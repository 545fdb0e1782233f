// OtpService: one-time codes sent by SMS (or e-mail), the one component every flow that asks for a code
// uses — enrollment, new devices, password resets, wallet OTP (PIN change, TOTP disable), payment quotes.
// The rules (gateway-api.md, DESIGN.md):
// - 6 digits from the CSPRNG; only ServerKey::mac("otp", id ‖ code) is stored, the plaintext goes to the
//   DemoOutbox (the customer's simulated phone) and nowhere else;
// - a code lives 5 minutes and is accepted once;
// - resend: at most once per 60 s (429 otp_resend_too_soon, Retry-After), the new code replaces the old;
// - 5 wrong tries per purpose and subject kill the challenge for good (403 otp_attempts_exceeded, right or
//   wrong); a new code does not reset the count.
// One challenge row per (purpose, subject): e.g. ("enrollment", "enr_…"), ("quote", "quo_…").
// Call it inside the route's Transaction: issue/resend/verify write rows. verify() commits nothing itself,
// so a route that throws after a wrong code must commit first — verify() therefore returns the failure as
// an ApiError instead of throwing it (see the example in enrollment_routes.cpp).
#pragma once

#include "stub/api_error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace bw::stub {

class Clock;
class DemoOutbox;
class ServerKey;
class StubStore;

struct OtpChallenge
{
    QString channel; // "sms" or "email"
    QString toMasked;
    qint64 expiresAt = 0;
    qint64 resendAfter = 0;

    // The contract's "otp" object {"channel", "to_masked", "expires_at", "resend_after"}.
    QJsonObject toJson() const;
};

class OtpService
{
public:
    static constexpr int kDigits = 6;
    static constexpr qint64 kLifetimeSecs = 5 * 60;
    static constexpr qint64 kResendCooldownSecs = 60;
    static constexpr int kMaxAttempts = 5;

    OtpService(StubStore &store, const ServerKey &key, const Clock &clock, DemoOutbox &outbox);

    // Starts (or restarts, attempts kept) the challenge for (purpose, subject) and sends a new code to
    // destination (E.164 phone for "sms", address for "email"). deliver=false stores a code nobody
    // receives — for answers that must look the same whether or not an account exists (password reset of
    // an unknown phone): every later verify then fails like a wrong code.
    OtpChallenge issue(const QString &purpose, const QString &subjectId, const QString &destination,
                       const QString &channel = QStringLiteral("sms"), bool deliver = true);

    // A new code for an existing challenge. Throws 429 otp_resend_too_soon within the cooldown,
    // 403 otp_attempts_exceeded when the challenge is dead, 404 resource_missing when there is none.
    OtpChallenge resend(const QString &purpose, const QString &subjectId);

    // Checks a code. nullopt = accepted (and now used). Otherwise the error to answer: 403
    // otp_attempts_exceeded, 401 otp_expired, 401 otp_invalid with attempts_remaining. A wrong code has
    // already been counted in the open transaction: commit before throwing the error.
    std::optional<ApiError> verify(const QString &purpose, const QString &subjectId, const QString &code);

    // Drops the challenge (e.g. when the flow it belongs to ends).
    void discard(const QString &purpose, const QString &subjectId);

    // What a challenge looks like now, without changing it (nullopt when there is none). For flows that
    // accept another factor besides the SMS code (TOTP) and must decide which one a code can be.
    struct State
    {
        int attempts = 0;     // wrong tries so far (kMaxAttempts or more: dead)
        bool sent = false;    // a code was issued (false for a placeholder made by countFailure())
        bool used = false;    // the current code was accepted already
        qint64 expiresAt = 0; // of the current code
        qint64 sentAt = 0;
        bool dead() const { return attempts >= kMaxAttempts; }
    };
    std::optional<State> state(const QString &purpose, const QString &subjectId);

    // Counts one wrong try for (purpose, subject) when no SMS code could have matched (e.g. a wrong TOTP
    // code and no live SMS code), so every guess at a second factor uses up the same 5 tries. Creates a
    // placeholder challenge (no code, nothing sent, no resend cooldown) when there is none; a later issue()
    // keeps its count. Returns the error to answer (401 otp_invalid with attempts_remaining, or 403
    // otp_attempts_exceeded when already dead); commit before throwing it.
    ApiError countFailure(const QString &purpose, const QString &subjectId, const QString &destination);

private:
    OtpChallenge send(const QString &otpId, const QString &purpose, const QString &destination,
                      const QString &channel, bool deliver, qint64 now);

    StubStore &m_store;
    const ServerKey &m_key;
    const Clock &m_clock;
    DemoOutbox &m_outbox;
};

// "+86 138****1234" for an E.164 phone, "j***@example.com" for an e-mail address.
QString maskDestination(const QString &destination);

} // namespace bw::stub
