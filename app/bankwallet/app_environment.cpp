#include "app/bankwallet/app_environment.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>

#include <cstdio>

namespace bw::app {

namespace {

constexpr qint64 kMaxLogBytes = 1024 * 1024;

QMutex g_logMutex;
std::unique_ptr<QFile> g_logFile;

void writeLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const char *const levels[] = {"debug", "warning", "critical", "fatal", "info"};
    const QByteArray line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                 QString::fromLatin1(levels[type]),
                 QString::fromLatin1(context.category ? context.category : "default"), message)
            .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    QMutexLocker lock(&g_logMutex);
    if (g_logFile) {
        g_logFile->write(line);
        g_logFile->flush();
    }
}

} // namespace

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
    const QString path = logPath();
    if (QFileInfo(path).size() > kMaxLogBytes) {
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
    }
    QMutexLocker lock(&g_logMutex);
    g_logFile = std::make_unique<QFile>(path);
    if (!g_logFile->open(QIODevice::Append | QIODevice::Text)) {
        g_logFile.reset();
    } else {
        g_logFile->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    qInstallMessageHandler(writeLog);
}

} // namespace bw::app
