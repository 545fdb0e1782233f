#include "app/bankwallet/gateway_factory.h"

#include "stub/embedded_gateway.h"

#include <QCoreApplication>

namespace bw::app {

GatewayFactory::GatewayFactory() = default;

GatewayFactory::~GatewayFactory() = default;

bool GatewayFactory::startEmbedded(const QString &dbPath, bool demo, QString *error)
{
    stub::StubConfig config;
    config.dbPath = dbPath;
    config.demo = demo;
    auto gateway = std::make_unique<stub::EmbeddedGateway>(config);
    QString detail;
    if (gateway->start(&detail) == 0) {
        qWarning("embedded gateway did not start: %s", qPrintable(detail));
        if (error)
            *error = QCoreApplication::translate(
                         "bw::app", "The built-in demo bank could not start (%1). Check that the "
                                    "data folder is writable, or connect to a bank with --gateway.")
                         .arg(detail);
        return false;
    }
    m_url = gateway->baseUrl();
    m_embedded = std::move(gateway);
    return true;
}

void GatewayFactory::useExternal(const QUrl &url)
{
    m_embedded.reset();
    m_url = url;
}

} // namespace bw::app
