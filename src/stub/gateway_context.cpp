#include "stub/gateway_context.h"

#include <QDir>
#include <QFileInfo>

namespace bw::stub {

GatewayContext::GatewayContext(StubConfig config, std::shared_ptr<Clock> clock)
    : m_config(std::move(config))
    , m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>())
    , m_otp(m_store, m_key, *m_clock, m_outbox)
    , m_auth(m_store, m_key, *m_clock)
{}

bool GatewayContext::open(QString *error)
{
    if (m_config.dbPath.isEmpty()) {
        *error = QStringLiteral("no database file given");
        return false;
    }
    const QFileInfo info(m_config.dbPath);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    if (!m_key.load(m_config.dbPath + QStringLiteral(".key"), error))
        return false;
    if (!m_store.open(m_config.dbPath, error))
        return false;
    m_sanctions = std::make_unique<SanctionsList>();
    if (!m_sanctions->isValid()) {
        // SanctionsList fails closed (every name → review); the server still starts, loudly.
        qWarning("bw.stub: sanctions list not loaded: %s", qPrintable(m_sanctions->errorString()));
    }
    m_banks = std::make_unique<BankDirectory>();
    if (!m_banks->isValid()) {
        *error = QStringLiteral("banks list: %1").arg(m_banks->errorString());
        m_store.close();
        return false;
    }
    return true;
}

void GatewayContext::close()
{
    m_store.close();
}

} // namespace bw::stub
