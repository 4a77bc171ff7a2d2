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

// The schema version recorded in an opened store.
int StoredSchemaVersion(SqlConnection& db);

}  // namespace mskc::store
