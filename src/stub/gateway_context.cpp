#include "stub/gateway_context.h"

#include "stub/directory.h"

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
    // The seeded data first: a broken seed is a bug of the build, and the server refuses to start on it
    // (before creating a key or database file) instead of answering 500 to every payment, or screening every
    // name as review, once customers are in. Checked in this order: the directory is a process-wide static
    // (Directory::seeded()), the others are loaded per server.
    const Directory &directory = Directory::seeded();
    if (!directory.isValid()) {
        *error = QStringLiteral("directory: ") + directory.errorString();
        return false;
    }
    // SanctionsList fails closed (every name screens as review), but a bank must not run on a broken list:
    // every enrollment and transfer would stall in review, and nobody would be screened against the list.
    auto sanctions = std::make_unique<SanctionsList>();
    if (!sanctions->isValid()) {
        *error = QStringLiteral("sanctions list: ") + sanctions->errorString();
        return false;
    }
    auto banks = std::make_unique<BankDirectory>();
    if (!banks->isValid()) {
        *error = QStringLiteral("banks list: %1").arg(banks->errorString());
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
    m_sanctions = std::move(sanctions);
    m_banks = std::move(banks);
    return true;
}

void GatewayContext::close()
{
    m_store.close();
}

} // namespace bw::stub
