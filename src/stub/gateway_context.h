// GatewayContext: everything a route handler may use — configuration, clock, database, server key, OTPs,
// outbox, sanctions list, bank directory, auth — owned by one GatewayServer and living on its thread.
// Route modules receive it when they register and call its accessors at request time.
#pragma once

#include "stub/bank_directory.h"
#include "stub/clock.h"
#include "stub/demo_outbox.h"
#include "stub/otp_service.h"
#include "stub/request_auth.h"
#include "stub/sanctions.h"
#include "stub/server_key.h"
#include "stub/stub_config.h"
#include "stub/stub_store.h"

#include <memory>

namespace bw::stub {

class GatewayContext
{
public:
    GatewayContext(StubConfig config, std::shared_ptr<Clock> clock);

    // Checks the seeded data, then opens the server key and the database. False with *error on failure,
    // with nothing opened: "directory: …" (merchants, FX rates, fees), "sanctions list: …", "banks list: …"
    // when a seed file is missing or invalid — the server refuses to start rather than run without its
    // reference data or screening (a SanctionsList that failed to load would screen every name as review).
    bool open(QString *error);
    void close();

    const StubConfig &config() const { return m_config; }
    const Clock &clock() const { return *m_clock; }
    qint64 nowSecs() const { return m_clock->nowSecs(); }
    QDateTime now() const { return m_clock->now(); }
    StubStore &store() { return m_store; }
    const ServerKey &key() const { return m_key; }
    OtpService &otp() { return m_otp; }
    DemoOutbox &outbox() { return m_outbox; }
    const SanctionsList &sanctions() const { return *m_sanctions; }
    const BankDirectory &banks() const { return *m_banks; }
    RequestAuth &auth() { return m_auth; }

private:
    StubConfig m_config;
    std::shared_ptr<Clock> m_clock;
    StubStore m_store;
    ServerKey m_key;
    DemoOutbox m_outbox;
    OtpService m_otp;
    RequestAuth m_auth;
    std::unique_ptr<SanctionsList> m_sanctions;
    std::unique_ptr<BankDirectory> m_banks;
};

} // namespace bw::stub
