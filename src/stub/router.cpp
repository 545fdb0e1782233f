#include "stub/router.h"

#include <QUrl>

namespace bw::stub {

namespace {
bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}
} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    for (const Entry &entry : m_entries) {
        if (entry.info.method == method && entry.info.pattern == pattern)
            qFatal("bw::stub::Router: %s %s registered twice", method.constData(), qPrintable(pattern));
    }
    Entry entry{RouteInfo{method, pattern, access}, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                std::move(handler)};
    m_entries.push_back(std::move(entry));
}

int Router::fit(const Entry &entry, const QStringList &segments, QHash<QString, QString> *params)
{
    if (entry.segments.size() != segments.size())
        return -1;
    int score = 0;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = entry.segments.at(i);
        score <<= 1;
        if (isPlaceholder(want)) {
            const QString value = QUrl::fromPercentEncoding(segments.at(i).toUtf8());
            if (value.isEmpty())
                return -1;
            if (params)
                params->insert(want.mid(1, want.size() - 2), value);
        } else {
            if (want != segments.at(i))
                return -1;
            score |= 1;
        }
    }
    return score;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    // An empty segment ("/v1//banks", a trailing "/") never fits: paths are exact.
    const QStringList segments = path.split(QLatin1Char('/'));
    if (segments.isEmpty() || !segments.first().isEmpty())
        return result;
    QStringList parts = segments.mid(1);
    if (parts.contains(QString()))
        return result;

    int bestScore = -1;
    int bestAnyMethod = -1;
    for (const Entry &entry : m_entries) {
        const int score = fit(entry, parts, nullptr);
        if (score < 0)
            continue;
        bestAnyMethod = std::max(bestAnyMethod, score);
        if (entry.info.method == method && score > bestScore) {
            bestScore = score;
            result.route = &entry.info;
            result.handler = &entry.handler;
        }
    }
    if (result.route) {
        // A more literal pattern with another method wins over a placeholder one with this method:
        // "DELETE /v1/sessions/current" must not fall into a hypothetical "DELETE /v1/sessions/{id}" ...
        // but only when it is strictly better; equal scores keep this method's route.
        if (bestAnyMethod > bestScore) {
            result.route = nullptr;
            result.handler = nullptr;
            result.outcome = Outcome::MethodNotAllowed;
            return result;
        }
        result.outcome = Outcome::Found;
        for (const Entry &entry : m_entries) {
            if (&entry.info == result.route)
                fit(entry, parts, &result.params);
        }
        return result;
    }
    result.outcome = bestAnyMethod >= 0 ? Outcome::MethodNotAllowed : Outcome::NotFound;
    return result;
}

QList<RouteInfo> Router::routes() const
{
    QList<RouteInfo> list;
    for (const Entry &entry : m_entries)
        list.append(entry.info);
    return list;
}

} // namespace bw::stub
