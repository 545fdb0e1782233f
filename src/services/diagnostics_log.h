// API-READY
// DiagnosticsLog — the app's one Qt message handler. Every qDebug/qInfo/qWarning/qCritical line (after the
// logging-category filter rules) goes to stderr and to a size-capped, rotating log file in the data folder:
// logs/bankwallet.log, then bankwallet.log.1 .. .N (newest first), each at most maxFileBytes, owner-only
// (0600). The file rotates while the app runs, not only at start. Warnings and criticals are also kept in a
// bounded in-memory ring, which Help → Copy diagnostics shows (DiagnosticsReport).
//
// Qt has one message handler per process, so this is process-wide state behind static functions:
//   services::DiagnosticsLog::install({.directory = dataDir + "/logs"});   // once, in main()
//   services::DiagnosticsLog::recentWarnings();                            // from any thread
// Tests may install it on a temporary folder and uninstall() it (the previous handler comes back).
// Never log a secret (CONVENTIONS.md): this sink writes what it is given.
#pragma once

#include <QString>
#include <QStringList>

namespace bw::services {

struct LogConfig
{
    QString directory; // created when missing, owner-only
    QString fileName = QStringLiteral("bankwallet.log");
    qint64 maxFileBytes = 1024 * 1024; // per file; a line longer than this is cut
    int rotatedFiles = 3;              // fileName.1 .. fileName.3 are kept, older ones removed
    int recentWarnings = 50;           // size of the in-memory ring of warnings and criticals
    bool echoToStderr = true;
};

class DiagnosticsLog
{
public:
    // Installs the handler. False when the log file cannot be opened: stderr and the ring still work.
    static bool install(const LogConfig &config);
    // Restores the handler that was installed before install(), closes the file, keeps the ring.
    static void uninstall();
    static bool isInstalled();

    // The file written now (empty when none) and every log file that exists, current first.
    static QString filePath();
    static QStringList filePaths();

    // The last warnings and criticals (at most LogConfig::recentWarnings), oldest first, one line each,
    // as written to the file: "2026-11-27T07:41:48.123Z warning bw.gateway: ...".
    static QStringList recentWarnings();
    static void clearRecentWarnings();
};

} // namespace bw::services
