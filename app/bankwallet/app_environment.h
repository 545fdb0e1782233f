// AppEnvironment — where BankWallet keeps what it writes: one data folder (the platform's standard
// location, or --data-dir) holding settings.ini, the wallet database, the embedded stub's database and logs/.
#pragma once

#include <QString>
#include <optional>

namespace bw::app {

class AppEnvironment
{
public:
    // Creates the folder (owner-only permissions) when missing. `dataDir` empty = standard location.
    // On failure returns nullopt and a translated reason in `error`.
    static std::optional<AppEnvironment> open(const QString &dataDir, QString *error);

    QString dataDir() const { return m_dataDir; }
    QString settingsPath() const;
    QString logPath() const;
    QString gatewayDbPath() const; // the embedded gateway stub's own database

    // Sends qDebug/qWarning/... to logs/bankwallet.log as well as stderr, through services::DiagnosticsLog:
    // rotated while running (bankwallet.log.1 .. .3, each at most 1 MiB, owner-only), warnings kept in
    // memory for Help → Copy diagnostics.
    void installLogHandler() const;

private:
    explicit AppEnvironment(const QString &dataDir);

    QString m_dataDir;
};

} // namespace bw::app
