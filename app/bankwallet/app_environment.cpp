#include "app/bankwallet/app_environment.h"

#include "services/diagnostics_log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace bw::app {

AppEnvironment::AppEnvironment(const QString &dataDir)
    : m_dataDir(dataDir)
{}

std::optional<AppEnvironment> AppEnvironment::open(const QString &dataDir, QString *error)
{
    QString dir = dataDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    dir = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());

    if (!QDir().mkpath(dir + QStringLiteral("/logs"))) {
        if (error)
            *error = QCoreApplication::translate(
                         "bw::app", "Cannot create the data folder %1. Check that the disk is not "
                                    "full and that you may write there, or choose another folder "
                                    "with --data-dir.")
                         .arg(QDir::toNativeSeparators(dir));
        return std::nullopt;
    }
    // The folder holds the wallet's database and logs: only its owner may read it.
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return AppEnvironment(dir);
}

QString AppEnvironment::settingsPath() const
{
    return m_dataDir + QStringLiteral("/settings.ini");
}

QString AppEnvironment::logPath() const
{
    return m_dataDir + QStringLiteral("/logs/bankwallet.log");
}

QString AppEnvironment::gatewayDbPath() const
{
    return m_dataDir + QStringLiteral("/gateway-stub.sqlite");
}

void AppEnvironment::installLogHandler() const
{
    services::LogConfig config;
    config.directory = QFileInfo(logPath()).absolutePath();
    config.fileName = QFileInfo(logPath()).fileName();
    services::DiagnosticsLog::install(config);
}

} // namespace bw::app
