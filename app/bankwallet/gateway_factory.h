// GatewayFactory — decides which bank gateway the app talks to: the embedded stub (default; its own
// thread, 127.0.0.1, an ephemeral port, its database in the data folder) or an external one (--gateway).
// This is the one place the app touches stub code (DESIGN.md: "the app starts the stub through a small
// factory in app/"); everything above it only sees a URL.
#pragma once

#include <QString>
#include <QUrl>
#include <memory>

namespace bw::stub {
class EmbeddedGateway;
}

namespace bw::app {

class GatewayFactory
{
public:
    GatewayFactory();
    ~GatewayFactory(); // stops the embedded stub, if any

    // Starts the embedded stub with its database at `dbPath`. Returns false with a translated `error`.
    bool startEmbedded(const QString &dbPath, bool demo, QString *error);
    // Uses an external gateway (already checked by the command line); nothing is started.
    void useExternal(const QUrl &url);

    QUrl url() const { return m_url; }
    bool isEmbedded() const { return m_embedded != nullptr; }

private:
    std::unique_ptr<stub::EmbeddedGateway> m_embedded;
    QUrl m_url;
};

} // namespace bw::app
