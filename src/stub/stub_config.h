// StubConfig: how a gateway stub instance runs — database, demo mode, fault injection and the cost of
// password hashing. Filled from the command line (app/gateway) or by the embedding app and tests.
#pragma once

#include "crypto/kdf.h"

#include <QString>

#include <optional>

namespace bw::stub {

struct StubConfig
{
    QString dbPath;      // SQLite file; the server key lives beside it as "<dbPath>.key"
    bool demo = false;   // enables /v1/dev/... (404 resource_missing otherwise)
    int latencyMs = 0;   // every answer is delayed this long (without blocking the server thread)
    double failRate = 0; // probability of 503 injected_fault before any change (/v1 except /v1/dev)
    double dropAfterCommitRate = 0; // probability of closing the connection unanswered after a non-GET
    std::optional<quint64> seed;    // makes fault injection repeatable; random when absent
    // Password verifiers. DESIGN.md: N=2^17, r=8, p=1. Tests pass a cheap N (2^10): every record keeps its
    // own parameters, so a database written with one setting verifies under another.
    crypto::ScryptParams scrypt;
    // Serve HTTPS with this PEM certificate and private key when both are set (tests of the client's TLS
    // and certificate pinning; a branch demo across machines). Plain HTTP otherwise.
    QString tlsCertificatePath, tlsKeyPath;

    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;
};

} // namespace bw::stub
