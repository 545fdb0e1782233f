// Identifiers the stub hands out: a contract prefix ("wal_", "dev_", "enr_", ...) and 16 CSPRNG bytes in
// base32 (lower case, no padding), so they are unguessable and safe in a URL path.
#pragma once

#include <QString>

namespace bw::stub {

// Throws ApiError::internalError() if the CSPRNG fails.
QString newId(const QString &prefix);

// For the rows written on every payment (quotes, payments, feed entries): the prefix, then the time in
// milliseconds (10 characters of an order-preserving base32 alphabet, 0-9a-v), then 10 CSPRNG bytes (80 bits,
// 16 base32 characters) — as long as newId's, still unguessable (the creation time they reveal is in the
// row's own created_at anyway), and increasing, so
// a new row's primary key lands on the right-most page of its index instead of a random one (a random
// leaf per index per payment was most of the pages every group commit wrote to the WAL).
QString newOrderedId(const QString &prefix);

} // namespace bw::stub
