// API-READY
// DiagnosticsReport — the plain-text report Help → Copy diagnostics puts on the clipboard for the bank's
// support desk: versions (BankWallet, Qt built and running, OpenSSL, QtKeychain), the operating system and
// desktop, the Qt platform plugin, locale and interface language, the keychain backend, the gateway URL,
// the data folder, the wallet database's schema version, and the recent warnings from DiagnosticsLog.
//
// It is support's text, so it is English whatever the interface language. It holds no secret and no
// personal data: the gateway URL loses any user:password, query and fragment; the home folder becomes "~";
// in the warnings, e-mail addresses, wallet ids and runs of six or more digits (card, phone, document
// numbers, codes) are masked — defence in depth, the log never holds them in the first place. The wallet id
// is left out too: not a secret, but it ties the text to one customer, and support can ask for it.
//
//   DiagnosticsFacts facts;  facts.appVersion = ...;
//   facts.recentWarnings = DiagnosticsLog::recentWarnings();
//   clipboard->setText(diagnosticsReport(facts));
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace bw::services {

// What only the caller knows (the ui fills in the GUI facts; the report adds OS, locale and keychain).
struct DiagnosticsFacts
{
    QString appVersion;
    QString opensslVersion;
    QString keychainVersion;
    QString platformPlugin; // QGuiApplication::platformName(), e.g. "xcb", "wayland", "offscreen"
    QString language;       // the interface language code, e.g. "en", "zh_CN"
    QUrl gatewayUrl;
    bool embeddedGateway = false;
    bool demo = false;
    QString dataDir;
    QString logFile;
    QStringList recentWarnings; // oldest first
};

QString diagnosticsReport(const DiagnosticsFacts &facts);

// Which keychain BankWallet's secrets go to on this platform, e.g. "Secret Service (D-Bus
// org.freedesktop.secrets, QtKeychain's libsecret backend); session bus: yes".
QString keychainBackendDescription();

// The gateway URL as the report shows it: no user info, no query, no fragment.
QString safeUrl(const QUrl &url);
// A path with the home folder replaced by "~".
QString withoutHome(const QString &path);
// One warning line with e-mail addresses, wallet ids (wal_…) and 6+ digit runs (spaces or dashes between
// digits allowed) masked, and the home folder replaced by "~".
QString maskPersonalData(const QString &line);

} // namespace bw::services
