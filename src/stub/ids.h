// Identifiers the stub hands out: a contract prefix ("wal_", "dev_", "enr_", ...) and 16 CSPRNG bytes in
// base32 (lower case, no padding), so they are unguessable and safe in a URL path.
#pragma once

#include <QString>

namespace bw::stub {

// Throws ApiError::internalError() if the CSPRNG fails.
QString newId(const QString &prefix);

} // namespace bw::stub
