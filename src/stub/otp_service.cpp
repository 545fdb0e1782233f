#include "stub/otp_service.h"

#include "core/phone_validator.h"
#include "crypto/constant_time.h"
#include "crypto/random.h"
#include "stub/clock.h"
#include "stub/demo_outbox.h"
#include "stub/ids.h"
#include "stub/server_key.h"
#include "stub/stub_store.h"

#include <QSqlQuery>

namespace bw::stub {

namespace {

QString randomCode()
{
    // Rejection sampling over 32-bit values keeps every code equally likely (no modulo bias).
    constexpr quint32 kSpace = 1'000'000;
    constexpr quint32 kLimit = (0xFFFFFFFFu / kSpace) * kSpace;
    for (;;) {
        const auto bytes = crypto::randomBytes(4);
        if (!bytes)
            throw ApiError::internalError();
        const auto *b = reinterpret_cast<const uchar *>(bytes.value().constData());
        const quint32 value = quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | quint32(b[3]);
        if (value < kLimit)
            return QStringLiteral("%1").arg(value % kSpace, OtpService::kDigits, 10, QLatin1Char('0'));
    }
}

QByteArray codeMac(const ServerKey &key, const QString &otpId, const QString &code)
{
    return key.mac(QStringLiteral("otp"), (otpId + QLatin1Char(':') + code).toUtf8());
}

struct Texts
{
    QString en;
    QString zh;
};

Texts textsFor(const QString &purpose, const QString &code)
{
    if (purpose == QLatin1String("enrollment"))
        return {
            QStringLiteral("BankWallet: %1 is your code to open your wallet. It expires in 5 minutes. "
                           "Never share it, not even with bank staff.")
                .arg(code),
            QStringLiteral(
                "【BankWallet】您正在开通钱包，验证码 %1，5 分钟内有效。请勿告诉任何人，包括银行工作人员。")
                .arg(code)};
    if (purpose == QLatin1String("device"))
        return {QStringLiteral("BankWallet: %1 is your code to add a new device. It expires in 5 minutes. "
                               "If this was not you, change your password.")
                    .arg(code),
                QStringLiteral(
                    "【BankWallet】您正在添加新设备，验证码 %1，5 分钟内有效。如非本人操作，请修改密码。")
                    .arg(code)};
    if (purpose == QLatin1String("password_reset"))
        return {QStringLiteral("BankWallet: %1 is your code to reset your password. It expires in 5 minutes.")
                    .arg(code),
                QStringLiteral("【BankWallet】您正在重置密码，验证码 %1，5 分钟内有效。").arg(code)};
    return {
        QStringLiteral("BankWallet: your verification code is %1. It expires in 5 minutes. Never share it.")
            .arg(code),
        QStringLiteral("【BankWallet】您的验证码是 %1，5 分钟内有效。请勿告诉任何人。").arg(code)};
}

} // namespace

QJsonObject OtpChallenge::toJson() const
{
    return QJsonObject{{QStringLiteral("channel"), channel},
                       {QStringLiteral("to_masked"), toMasked},
                       {QStringLiteral("expires_at"), toRfc3339(expiresAt)},
                       {QStringLiteral("resend_after"), toRfc3339(resendAfter)}};
}

QString maskDestination(const QString &destination)
{
    if (destination.contains(QLatin1Char('@'))) {
        const qsizetype at = destination.indexOf(QLatin1Char('@'));
        return destination.left(1) + QStringLiteral("***") + destination.mid(at);
    }
    const auto phone = core::PhoneValidator::validate(destination);
    if (phone)
        return phone->masked();
    return QStringLiteral("****");
}

OtpService::OtpService(StubStore &store, const ServerKey &key, const Clock &clock, DemoOutbox &outbox)
    : m_store(store)
    , m_key(key)
    , m_clock(clock)
    , m_outbox(outbox)
{}

OtpChallenge OtpService::send(const QString &otpId, const QString &purpose, const QString &destination,
                              const QString &channel, bool deliver, qint64 now)
{
    QString code = randomCode();
    m_store.exec(
        QStringLiteral("UPDATE otps SET code_mac = ?, expires_at = ?, sent_at = ?, used = 0 WHERE id = ?"),
        {codeMac(m_key, otpId, code), now + kLifetimeSecs, now, otpId});
    if (deliver) {
        const Texts texts = textsFor(purpose, code);
        m_outbox.add(OutboxMessage{destination, channel, texts.en, texts.zh, code, purpose, now});
    }
    return OtpChallenge{channel, maskDestination(destination), now + kLifetimeSecs,
                        now + kResendCooldownSecs};
}

OtpChallenge OtpService::issue(const QString &purpose, const QString &subjectId, const QString &destination,
                               const QString &channel, bool deliver)
{
    const qint64 now = m_clock.nowSecs();
    QString otpId = m_store
                        .scalar(QStringLiteral("SELECT id FROM otps WHERE purpose = ? AND subject_id = ?"),
                                {purpose, subjectId})
                        .toString();
    if (otpId.isEmpty()) {
        otpId = newId(QStringLiteral("otp_"));
        m_store.exec(
            QStringLiteral("INSERT INTO otps (id, purpose, subject_id, channel, destination, delivered, "
                           "code_mac, expires_at, attempts, sent_at, used) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)"),
            {otpId, purpose, subjectId, channel, destination, deliver ? 1 : 0, QByteArray(1, 0)});
    } else {
        m_store.exec(
            QStringLiteral("UPDATE otps SET channel = ?, destination = ?, delivered = ? WHERE id = ?"),
            {channel, destination, deliver ? 1 : 0, otpId});
    }
    return send(otpId, purpose, destination, channel, deliver, now);
}

OtpChallenge OtpService::resend(const QString &purpose, const QString &subjectId)
{
    const qint64 now = m_clock.nowSecs();
    QSqlQuery row =
        m_store.exec(QStringLiteral("SELECT id, channel, destination, delivered, attempts, sent_at "
                                    "FROM otps WHERE purpose = ? AND subject_id = ?"),
                     {purpose, subjectId});
    if (!row.next())
        throw ApiError::resourceMissing(QStringLiteral("No code was sent for this request."));
    const QString otpId = row.value(0).toString();
    const QString channel = row.value(1).toString();
    const QString destination = row.value(2).toString();
    const bool delivered = row.value(3).toInt() != 0;
    const int attempts = row.value(4).toInt();
    const qint64 sentAt = row.value(5).toLongLong();
    if (attempts >= kMaxAttempts)
        throw ApiError::authorization(QStringLiteral("otp_attempts_exceeded"),
                                      QStringLiteral("Too many wrong codes; start again."));
    if (now < sentAt + kResendCooldownSecs)
        throw ApiError::rateLimited(QStringLiteral("otp_resend_too_soon"),
                                    QStringLiteral("Wait before asking for another code."),
                                    sentAt + kResendCooldownSecs - now);
    return send(otpId, purpose, destination, channel, delivered, now);
}

std::optional<ApiError> OtpService::verify(const QString &purpose, const QString &subjectId,
                                           const QString &code)
{
    const qint64 now = m_clock.nowSecs();
    QSqlQuery row =
        m_store.exec(QStringLiteral("SELECT id, code_mac, expires_at, attempts, used, delivered FROM otps "
                                    "WHERE purpose = ? AND subject_id = ?"),
                     {purpose, subjectId});
    if (!row.next())
        return ApiError::authentication(QStringLiteral("otp_invalid"), QStringLiteral("The code is wrong."))
            .with(QStringLiteral("attempts_remaining"), 0);
    const QString otpId = row.value(0).toString();
    const QByteArray storedMac = row.value(1).toByteArray();
    const qint64 expiresAt = row.value(2).toLongLong();
    const int attempts = row.value(3).toInt();
    const bool used = row.value(4).toInt() != 0;
    const bool delivered = row.value(5).toInt() != 0;
    row.finish();

    if (attempts >= kMaxAttempts)
        return ApiError::authorization(QStringLiteral("otp_attempts_exceeded"),
                                       QStringLiteral("Too many wrong codes; start again."));
    if (now > expiresAt)
        return ApiError::authentication(QStringLiteral("otp_expired"),
                                        QStringLiteral("The code has expired; ask for a new one."));
    // The MAC is always computed and compared, so timing does not tell a used or undelivered code apart.
    const bool matches = crypto::constantTimeEquals(codeMac(m_key, otpId, code), storedMac);
    if (matches && !used && delivered) {
        m_store.exec(QStringLiteral("UPDATE otps SET used = 1 WHERE id = ?"), {otpId});
        return std::nullopt;
    }
    if (matches && used) {
        // Accepted once already: refused, but a replay by the rightful customer is not a guess.
        return ApiError::authentication(QStringLiteral("otp_invalid"),
                                        QStringLiteral("The code was already used."))
            .with(QStringLiteral("attempts_remaining"), kMaxAttempts - attempts);
    }
    m_store.exec(QStringLiteral("UPDATE otps SET attempts = attempts + 1 WHERE id = ?"), {otpId});
    return ApiError::authentication(QStringLiteral("otp_invalid"), QStringLiteral("The code is wrong."))
        .with(QStringLiteral("attempts_remaining"), kMaxAttempts - attempts - 1);
}

std::optional<OtpService::State> OtpService::state(const QString &purpose, const QString &subjectId)
{
    QSqlQuery row = m_store.exec(QStringLiteral("SELECT attempts, sent_at, used, expires_at FROM otps "
                                                "WHERE purpose = ? AND subject_id = ?"),
                                 {purpose, subjectId});
    if (!row.next())
        return std::nullopt;
    State state;
    state.attempts = row.value(0).toInt();
    state.sentAt = row.value(1).toLongLong();
    state.sent = state.sentAt > 0;
    state.used = row.value(2).toInt() != 0;
    state.expiresAt = row.value(3).toLongLong();
    return state;
}

ApiError OtpService::countFailure(const QString &purpose, const QString &subjectId,
                                  const QString &destination)
{
    const auto current = state(purpose, subjectId);
    if (current && current->dead())
        return ApiError::authorization(QStringLiteral("otp_attempts_exceeded"),
                                       QStringLiteral("Too many wrong codes; start again."));
    int attempts = 1;
    if (current) {
        attempts = current->attempts + 1;
        m_store.exec(
            QStringLiteral("UPDATE otps SET attempts = attempts + 1 WHERE purpose = ? AND subject_id = ?"),
            {purpose, subjectId});
    } else {
        // No code exists, so nothing can match it: code_mac is a single zero byte (as issue() starts with)
        // and the row is expired and undelivered.
        m_store.exec(
            QStringLiteral("INSERT INTO otps (id, purpose, subject_id, channel, destination, delivered, "
                           "code_mac, expires_at, attempts, sent_at, used) "
                           "VALUES (?, ?, ?, 'sms', ?, 0, ?, 0, 1, 0, 0)"),
            {newId(QStringLiteral("otp_")), purpose, subjectId, destination, QByteArray(1, 0)});
    }
    return ApiError::authentication(QStringLiteral("otp_invalid"), QStringLiteral("The code is wrong."))
        .with(QStringLiteral("attempts_remaining"), qMax(0, kMaxAttempts - attempts));
}

void OtpService::discard(const QString &purpose, const QString &subjectId)
{
    m_store.exec(QStringLiteral("DELETE FROM otps WHERE purpose = ? AND subject_id = ?"),
                 {purpose, subjectId});
}

} // namespace bw::stub
