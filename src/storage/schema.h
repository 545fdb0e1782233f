// The wallet database schema and its migrations. Versions (PRAGMA user_version):
//   1 — profile, payment_methods, history (the feed cache with keyset indexes), sync_state,
//       wallet_settings, storage_meta (the data-key check value).
//   2 — history search: history.search_text (non-personal tokens, SearchTokens::forHistory), the FTS5
//       external-content table history_fts and the triggers that keep it in step; existing rows are
//       back-filled.
//   3 — payments_in_flight (idempotency keys recorded before a payment is sent) and
//       history.payment_method_id.
//   4 — history rebuilt: debit_minor/debit_currency and the stored shown_minor (the amount shown, sorted
//       and filtered by); row ids renumbered to follow time (created_at * 2^20 + tiebreak) so the date
//       order is the rowid order; a trigger-kept row count (history_count); an index per filter column;
//       history_fts rebuilt with detail=none and prefix indexes of 2..8 characters.
// Each step is its own function; to change the schema APPEND a version, never edit a shipped one.
#pragma once

#include "storage/storage_error.h"

namespace bw::storage {

class WalletDatabase;

namespace schema {

// Migrates from the file's current version up to targetVersion (<= WalletDatabase::kLatestVersion) in ONE
// transaction: either every step applies or none. A file already at or above targetVersion is left alone.
Status migrateTo(WalletDatabase &db, int targetVersion);

// The individual steps (each expects the previous version; run inside migrateTo's transaction).
Status migrateToV1(WalletDatabase &db);
Status migrateToV2(WalletDatabase &db);
Status migrateToV3(WalletDatabase &db);
Status migrateToV4(WalletDatabase &db);

} // namespace schema
} // namespace bw::storage
