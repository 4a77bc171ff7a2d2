#include "runtime/store/schema.h"

#include <string>
#include <vector>

#include "runtime/lifecycle/timestamp.h"

namespace mskc::store {
namespace {

constexpr const char* kApplication = "mskc-case-store";

// Migration N brings a store from version N-1 to N. Append only: never edit a shipped step.
const std::vector<std::vector<const char*>>& Migrations() {
  static const std::vector<std::vector<const char*>> kMigrations = {
      // 1: cases, their lines, the audit log, rules snapshots, the order-id sequence.
      {
          "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
          "INSERT INTO counters (name, value) VALUES ('order_number', 0)",
          "CREATE TABLE rulesets (ruleset_id BIGINT PRIMARY KEY, digest TEXT NOT NULL UNIQUE, "
          "files TEXT NOT NULL)",
          "CREATE TABLE cases ("
          " order_number BIGINT PRIMARY KEY, case_id TEXT NOT NULL, member_id TEXT NOT NULL,"
          " plan TEXT NOT NULL, urgent INTEGER NOT NULL, status TEXT NOT NULL,"
          " status_reason TEXT, received_at TEXT NOT NULL, deadline TEXT, pend_days INTEGER NOT NULL,"
          " date_of_service TEXT NOT NULL, valid_from TEXT, expires_on TEXT, p2p TEXT NOT NULL,"
          " denied_at TEXT, denial TEXT NOT NULL, duplicate_of BIGINT,"
          " ruleset_id BIGINT NOT NULL REFERENCES rulesets (ruleset_id),"
          " case_json TEXT NOT NULL, determination_json TEXT NOT NULL, latest_json TEXT,"
          " updated_at TEXT NOT NULL)",
          "CREATE TABLE case_lines ("
          " order_number BIGINT NOT NULL REFERENCES cases (order_number), line_no INTEGER NOT NULL,"
          " code TEXT NOT NULL, laterality TEXT NOT NULL, outcome TEXT NOT NULL, state TEXT NOT NULL,"
          " reason_code TEXT, window_from TEXT, window_to TEXT,"
          " PRIMARY KEY (order_number, line_no))",
          "CREATE TABLE audit_events ("
          " order_number BIGINT NOT NULL REFERENCES cases (order_number), seq INTEGER NOT NULL,"
          " at TEXT NOT NULL, actor TEXT NOT NULL, event TEXT NOT NULL, from_status TEXT,"
          " to_status TEXT, reason_code TEXT, line_no INTEGER, detail TEXT NOT NULL,"
          " PRIMARY KEY (order_number, seq))",
      },
      // 2: the lookups that run on every submit (S4) and tick (S5).
      {
          "CREATE INDEX cases_by_member ON cases (member_id, status)",
          "CREATE INDEX cases_by_deadline ON cases (status, deadline)",
      },
  };
  return kMigrations;
}

int ReadVersion(SqlConnection& db) {
  auto rows = db.Exec("SELECT MAX(version) FROM schema_version");
  if (rows.empty() || !rows[0][0]) return 0;
  return std::stoi(*rows[0][0]);
}

// A database with tables of its own but no mskc marker is someone else's (SQLite only: a
// PostgreSQL database may hold other applications' tables beside ours).
void RefuseForeign(SqlConnection& db) {
  if (db.TableExists("mskc_meta")) {
    auto rows = db.Exec("SELECT value FROM mskc_meta WHERE key = 'application'");
    if (rows.empty() || !rows[0][0] || *rows[0][0] != kApplication)
      throw StoreError(StoreError::Kind::kNotAStore, "the database is not an mskc case store");
    return;
  }
  if (db.Dialect() == "sqlite" &&
      !db.Exec("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') LIMIT 1").empty())
    throw StoreError(StoreError::Kind::kNotAStore,
                     "the database is not an mskc case store (it holds other tables)");
}

void UnlockQuietly(SqlConnection& db) {
  try {
    db.Exec("SELECT pg_advisory_unlock(7270001)");
  } catch (const StoreError&) {
    // The connection is going away with its session lock.
  }
}

void ThrowIfNewer(int version) {
  if (version > CurrentSchemaVersion())
    throw StoreError(StoreError::Kind::kNewerSchema,
                     "the case store has schema version " + std::to_string(version) +
                         ", written by a newer mskc (this one knows up to " +
                         std::to_string(CurrentSchemaVersion()) + ")");
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(Migrations().size()); }

int StoredSchemaVersion(SqlConnection& db) {
  if (!db.TableExists("schema_version")) return 0;
  return ReadVersion(db);
}

bool CheckReadable(SqlConnection& db) {
  RefuseForeign(db);
  if (!db.TableExists("mskc_meta") || !db.TableExists("schema_version")) return false;
  int version = ReadVersion(db);
  ThrowIfNewer(version);
  return version >= 1;
}

void PrepareSchema(SqlConnection& db, int target) {
  if (target <= 0) target = CurrentSchemaVersion();
  // Concurrent first opens of one PostgreSQL database create the schema once: the lock is taken
  // before the transaction begins, so its snapshot already sees what the previous holder made.
  bool postgres = db.Dialect() == "postgresql";
  if (postgres) db.Exec("SELECT pg_advisory_lock(7270001)");
  try {
    db.BeginWrite();
    RefuseForeign(db);
    bool fresh = !db.TableExists("mskc_meta");
    if (fresh) {
      db.Exec("CREATE TABLE mskc_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      db.Exec("INSERT INTO mskc_meta (key, value) VALUES ('application', $1)", {kApplication});
      db.Exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    }
    int version = ReadVersion(db);
    ThrowIfNewer(version);
    std::string now = lifecycle::Timestamp::Now().ToString();
    for (int v = version + 1; v <= target; ++v) {
      for (const char* statement : Migrations()[v - 1]) db.Exec(statement);
      db.Exec("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
              {std::to_string(v), now});
    }
    db.Commit();
  } catch (...) {
    db.Rollback();
    if (postgres) UnlockQuietly(db);
    throw;
  }
  if (postgres) db.Exec("SELECT pg_advisory_unlock(7270001)");
  // Readers go on while one process writes (SQLite; persistent once set).
  if (db.Dialect() == "sqlite") {
    auto mode = db.Exec("PRAGMA journal_mode");
    if (mode.empty() || mode[0][0] != "wal") db.Exec("PRAGMA journal_mode = WAL");
  }
}

}  // namespace mskc::store
