// The one way benchmarks time a piece of work and print it: `body` runs n times, each run timed on its
// own, then one JSON line {"name", "n", "median_ms", "p95_ms", "rss_mb"} (rss_mb: the process's peak
// resident memory so far). A body that returns false stops the benchmark: the line is not printed.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace bw::bench {

inline double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    return 0;
}

inline bool timeRuns(const char *name, int n, const std::function<bool(int run)> &body)
{
    std::vector<double> ms;
    ms.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!body(i)) {
            std::fprintf(stderr, "%s failed\n", name);
            return false;
        }
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const QJsonObject line{{QStringLiteral("name"), QString::fromLatin1(name)},
                           {QStringLiteral("n"), n},
                           {QStringLiteral("median_ms"), ms[ms.size() / 2]},
                           {QStringLiteral("p95_ms"), ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]},
                           {QStringLiteral("rss_mb"), peakRssMb()}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return true;
}

} // namespace bw::bench
