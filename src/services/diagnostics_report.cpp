#include "services/diagnostics_report.h"

#include "storage/wallet_database.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QSysInfo>
#include <QtGlobal>

namespace bw::services {

namespace {

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString orUnknown(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("(unknown)") : value;
}

} // namespace

QString safeUrl(const QUrl &url)
{
    if (url.isEmpty())
        return QStringLiteral("(none)");
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

QString withoutHome(const QString &path)
{
    const QString home = QDir::cleanPath(QDir::homePath());
    if (home.isEmpty() || home == QLatin1String("/"))
        return path;
    QString out = path;
    // Whole path components only: /home/li must not turn /home/lilei into ~lei.
    const QRegularExpression homeAt(QRegularExpression::escape(home) +
                                    QStringLiteral("(?=[/\\s'\":,;)\\]]|$)"));
    out.replace(homeAt, QStringLiteral("~"));
    return out;
}

QString maskPersonalData(const QString &line)
{
    static const QRegularExpression email(QStringLiteral("[^\\s@<>\"']+@[^\\s@<>\"']+\\.[A-Za-z]{2,}"));
    // Six or more digits, possibly grouped by single spaces or dashes (a card "6212 3456 7890 1232", a phone
    // "+86 139-1234-5678", a resident id ending in X, a one-time code).
    static const QRegularExpression digits(QStringLiteral("\\d(?:[ -]?\\d){5,}[Xx]?"));
    // Stub and gateway ids ("wal_…", "pay_…", "tok_…", "ses_…"): not secrets, but they name one customer,
    // one payment or one session.
    static const QRegularExpression contractId(
        QStringLiteral("\\b(wal|pay|tok|ses|dev|enr|ext|otp|pm|quo|rst|txn|mer)_[A-Za-z0-9]+"));
    // A URL's user:password@ and its query or fragment (Qt's network error texts quote the request URL).
    static const QRegularExpression urlUser(QStringLiteral("(\\b[a-z][a-z0-9+.-]*://)[^/\\s@]*@"));
    static const QRegularExpression urlQuery(QStringLiteral("(\\b[a-z][a-z0-9+.-]*://[^\\s?#]*)[?#]\\S*"));
    // Anything that looks like a token, a key or a signature: a run of 20 or more base64url or hex
    // characters with a digit in it (long words and paths stay readable; "/" splits a base64 run, and each
    // piece of 20 or more is caught on its own).
    static const QRegularExpression token(
        QStringLiteral("(?<![A-Za-z0-9+=_-])(?=[A-Za-z0-9+=_-]*\\d)[A-Za-z0-9+=_-]{20,}"));
    QString out = withoutHome(line);
    out.replace(urlUser, QStringLiteral("\\1"));
    out.replace(urlQuery, QStringLiteral("\\1"));
    out.replace(email, QStringLiteral("<e-mail>"));
    out.replace(contractId, QStringLiteral("\\1_<id>"));
    out.replace(token, QStringLiteral("<token>"));
    out.replace(digits, QStringLiteral("<number>"));
    return out;
}

QString keychainBackendDescription()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const bool bus = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    return QStringLiteral("Secret Service (D-Bus org.freedesktop.secrets, QtKeychain's libsecret backend); "
                          "session bus: %1")
        .arg(yesNo(bus));
#elif defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain (QtKeychain)");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Store (QtKeychain)");
#else
    return QStringLiteral("QtKeychain default backend");
#endif
}

QString diagnosticsReport(const DiagnosticsFacts &facts)
{
    QStringList lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        lines << label + QStringLiteral(": ") + value;
    };
    lines << QStringLiteral("BankWallet diagnostics");
    add(QStringLiteral("Generated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    lines << QString();
    lines << QStringLiteral("[Versions]");
    add(QStringLiteral("BankWallet"), orUnknown(facts.appVersion));
    add(QStringLiteral("Qt"), QStringLiteral("%1 (built with %2)")
                                  .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)));
    add(QStringLiteral("OpenSSL"), orUnknown(facts.opensslVersion));
    add(QStringLiteral("QtKeychain"), orUnknown(facts.keychainVersion));
    lines << QString();
    lines << QStringLiteral("[Platform]");
    add(QStringLiteral("Operating system"), QSysInfo::prettyProductName());
    add(QStringLiteral("Kernel"), QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion());
    add(QStringLiteral("CPU"), QSysInfo::currentCpuArchitecture() + QStringLiteral(" (ABI ") +
                                   QSysInfo::buildAbi() + QLatin1Char(')'));
    add(QStringLiteral("Qt platform plugin"), orUnknown(facts.platformPlugin));
    add(QStringLiteral("Desktop"), orUnknown(qEnvironmentVariable("XDG_CURRENT_DESKTOP")) +
                                       QStringLiteral(", session ") +
                                       orUnknown(qEnvironmentVariable("XDG_SESSION_TYPE")));
    add(QStringLiteral("System locale"), QLocale::system().name());
    add(QStringLiteral("Interface language"), orUnknown(facts.language));
    add(QStringLiteral("Keychain"), keychainBackendDescription());
    lines << QString();
    lines << QStringLiteral("[Wallet]");
    add(QStringLiteral("Gateway"),
        safeUrl(facts.gatewayUrl) + (facts.embeddedGateway ? QStringLiteral(" (built-in demo bank)")
                                                           : QStringLiteral(" (external)")));
    add(QStringLiteral("Demo mode"), yesNo(facts.demo));
    add(QStringLiteral("Data folder"), orUnknown(withoutHome(QDir::toNativeSeparators(facts.dataDir))));
    add(QStringLiteral("Log file"), orUnknown(withoutHome(QDir::toNativeSeparators(facts.logFile))));
    add(QStringLiteral("Database schema"), QString::number(storage::WalletDatabase::kLatestVersion));
    lines << QString();
    lines << QStringLiteral("[Recent warnings] (%1)").arg(facts.recentWarnings.size());
    if (facts.recentWarnings.isEmpty())
        lines << QStringLiteral("(none)");
    // "<time> <level> <category>: <message>": the time stays as it is, the message is masked.
    static const QRegularExpression logLine(QStringLiteral("^(\\S+ \\S+ \\S+: )(.*)$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    for (const QString &warning : facts.recentWarnings) {
        const QRegularExpressionMatch parts = logLine.match(warning);
        lines << (parts.hasMatch() ? parts.captured(1) + maskPersonalData(parts.captured(2))
                                   : maskPersonalData(warning));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace bw::services
