#include "services/diagnostics_log.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>

namespace bw::services {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr qsizetype kMaxRingLineChars = 1000;

struct LogState
{
    QMutex mutex;
    LogConfig config;
    std::unique_ptr<QFile> file;
    std::deque<QString> ring;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

// Never destroyed: messages logged by static destructors at exit still find it.
LogState &state()
{
    static LogState *s = new LogState;
    return *s;
}

// A message logged while the handler runs (e.g. by QFile) must not take the mutex again.
thread_local bool t_inHandler = false;

QString pathOf(const LogConfig &config, int index)
{
    const QString base = QDir(config.directory).filePath(config.fileName);
    return index == 0 ? base : base + QLatin1Char('.') + QString::number(index);
}

// Opens the current file for appending; owner-only even when an older build left it readable.
bool openCurrent(LogState &s)
{
    auto file = std::make_unique<QFile>(pathOf(s.config, 0));
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    file->setPermissions(kOwnerOnly);
    s.file = std::move(file);
    return true;
}

// bankwallet.log → .1 → .2 … → .N; the oldest falls off. Then a new, empty current file.
void rotate(LogState &s)
{
    s.file.reset();
    const int kept = std::max(0, s.config.rotatedFiles);
    QFile::remove(pathOf(s.config, kept));
    for (int i = kept - 1; i >= 0; --i) {
        if (QFile::exists(pathOf(s.config, i)))
            QFile::rename(pathOf(s.config, i), pathOf(s.config, i + 1));
    }
    if (kept == 0)
        QFile::remove(pathOf(s.config, 0));
    openCurrent(s);
}

void writeLine(LogState &s, QByteArray line)
{
    if (!s.file)
        return;
    if (line.size() > s.config.maxFileBytes)
        line = line.left(std::max<qint64>(1, s.config.maxFileBytes - 1)) + '\n';
    if (s.file->size() > 0 && s.file->size() + line.size() > s.config.maxFileBytes)
        rotate(s);
    if (!s.file)
        return;
    s.file->write(line);
    s.file->flush();
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const char *const levels[] = {"debug", "warning", "critical", "fatal", "info"};
    // One message, one line: a newline inside a message (a server's text, a path) cannot forge a line.
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\r'), QLatin1String("\\r"));
    const QString text =
        QStringLiteral("%1 %2 %3: %4")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QLatin1String(levels[type]),
                 QLatin1String(context.category ? context.category : "default"), oneLine);
    const QByteArray line = text.toUtf8() + '\n';

    LogState &s = state();
    if (t_inHandler) { // a message from inside the handler: stderr only
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        return;
    }
    t_inHandler = true;
    {
        QMutexLocker lock(&s.mutex);
        if (s.config.echoToStderr)
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        writeLine(s, line);
        if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
            s.ring.push_back(text.left(kMaxRingLineChars));
            while (s.ring.size() > size_t(std::max(0, s.config.recentWarnings)))
                s.ring.pop_front();
        }
    }
    t_inHandler = false;
}

} // namespace

bool DiagnosticsLog::install(const LogConfig &config)
{
    LogState &s = state();
    bool opened = false;
    {
        QMutexLocker lock(&s.mutex);
        s.config = config;
        s.file.reset();
        if (!config.directory.isEmpty() && QDir().mkpath(config.directory)) {
            QFile::setPermissions(config.directory,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            // A file left over the cap by an earlier run rotates now rather than at its first line.
            if (QFileInfo(pathOf(config, 0)).size() >= config.maxFileBytes)
                rotate(s);
            else
                openCurrent(s);
            opened = s.file != nullptr;
        }
    }
    // Installed again even when it was: someone may have replaced the handler in between.
    const QtMessageHandler previous = qInstallMessageHandler(handleMessage);
    QMutexLocker lock(&s.mutex);
    if (!s.installed)
        s.previous = previous == handleMessage ? nullptr : previous;
    s.installed = true;
    return opened;
}

void DiagnosticsLog::uninstall()
{
    LogState &s = state();
    QtMessageHandler previous = nullptr;
    {
        QMutexLocker lock(&s.mutex);
        if (!s.installed)
            return;
        s.installed = false;
        s.file.reset();
        previous = s.previous;
        s.previous = nullptr;
    }
    qInstallMessageHandler(previous);
}

bool DiagnosticsLog::isInstalled()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return s.installed;
}

QString DiagnosticsLog::filePath()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return s.file ? s.file->fileName() : QString();
}

QStringList DiagnosticsLog::filePaths()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    QStringList paths;
    if (s.config.directory.isEmpty())
        return paths;
    for (int i = 0; i <= std::max(0, s.config.rotatedFiles); ++i) {
        if (QFile::exists(pathOf(s.config, i)))
            paths << pathOf(s.config, i);
    }
    return paths;
}

QStringList DiagnosticsLog::recentWarnings()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return QStringList(s.ring.begin(), s.ring.end());
}

void DiagnosticsLog::clearRecentWarnings()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    s.ring.clear();
}

} // namespace bw::services
