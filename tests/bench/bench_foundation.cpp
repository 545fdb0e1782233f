// Foundation benchmarks: what a sign-in, a request signature, a sealed field and typed input cost on
// this machine. Prints one JSON object per line: name, n, median_ms, p95_ms, rss_mb.
#include "core/money.h"
#include "core/password_policy.h"
#include "crypto/aead.h"
#include "crypto/hash.h"
#include "crypto/kdf.h"
#include "crypto/otp.h"
#include "crypto/random.h"

#include "bench_timing.h"

#include <QCoreApplication>
#include <QLocale>

#include <cstdio>
#include <functional>

namespace {

// Runs `body` n times and prints its line (bench_timing.h).
void measure(const char *name, int n, const std::function<void()> &body)
{
    bw::bench::timeRuns(name, n, [&body](int) {
        body();
        return true;
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using namespace bw;

    const QByteArray key = crypto::randomBytes(32).value();
    const QByteArray kilobyte = crypto::randomBytes(1024).value();
    const QByteArray canonical = "POST\n/v1/payments\n1795000000\nq2Jx8l0u6tW4Yw9cD1aP3g\n"
                                 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const QByteArray sealed = crypto::sealEnvelope(key, kilobyte, "history.note.42").value();
    const QByteArray totpSecret = crypto::randomBytes(20).value();
    const QString code = crypto::totp(totpSecret, 1795000000).value();
    const crypto::ScryptParams scryptDefault;
    const QLocale chinese(QLocale::Chinese, QLocale::China);
    const core::Currency cny = *core::Currency::fromCode(u"CNY");

    measure("scrypt_n17_r8_p1", 5,
            [&] { (void)crypto::scrypt("correct horse battery", "16-byte-salt-abc", scryptDefault); });
    measure("hmac_sha256_request_signature", 20000, [&] { (void)crypto::hmacSha256(key, canonical); });
    measure("aes256gcm_seal_1KiB", 20000,
            [&] { (void)crypto::sealEnvelope(key, kilobyte, "history.note.42"); });
    measure("aes256gcm_open_1KiB", 20000,
            [&] { (void)crypto::openEnvelope(key, sealed, "history.note.42"); });
    measure("totp_verify_window1", 20000,
            [&] { (void)crypto::verifyTotp(totpSecret, code, 1795000000, std::nullopt); });
    measure("password_policy_check", 20000,
            [&] { (void)core::PasswordPolicy::check(u"Tr0ub4dor&3x", u"+8613800138000", u"Zhang San"); });
    measure("money_parse_zh_CN", 20000,
            [&] { (void)core::Money::parse(u"¥１２，３４５．６７", cny, chinese); });
    return 0;
}
