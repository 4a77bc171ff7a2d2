// The case store's schema and its migrations. A store records which migrations it has had in
// `schema_version`; opening an older store applies the missing ones in one transaction, and a
// store written by a newer mskc, or a database that is not an mskc store, is refused untouched.
#pragma once
#include "runtime/store/sql_connection.h"

namespace mskc::store {

// The schema version this mskc writes.
int CurrentSchemaVersion();

// Creates or upgrades the schema (up to `target`, default current: tests stop early to make an
// old store). Throws StoreError (kNotAStore, kNewerSchema, ...).
void PrepareSchema(SqlConnection& db, int target = 0);

// For a read, which prepares nothing and takes no lock: true when the store can be read as it
// is, false when it is empty (no mskc schema yet: nothing to find). Every schema version up to
// the current one has the tables a read uses (later versions only add indexes), so an older
// store is read as it is; a newer or foreign one throws StoreError as PrepareSchema would.
bool CheckReadable(SqlConnection& db);

// The schema version recorded in an opened store.
int StoredSchemaVersion(SqlConnection& db);

}  // namespace mskc::store
