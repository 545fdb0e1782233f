// The version of the cryptography library BankWallet runs on, for Help → About and diagnostics.
#pragma once

#include <QString>

namespace bw::crypto {

// e.g. "OpenSSL 3.0.17 1 Jul 2025" — the library loaded at run time, not the headers built against.
QString libraryVersion();

} // namespace bw::crypto
