// SQLite behind the store's SQL surface: a file in WAL mode with full sync (a commit that
// returned survives a killed process), a busy timeout, and `BEGIN IMMEDIATE` for writers so two
// processes never both read-then-write the same rows.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "runtime/store/sql_connection.h"
#include "runtime/store/sql_params.h"

namespace mskc::store {
namespace {

bool IsBusy(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool IsNotAStore(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// A file that exists, is not empty and does not start with SQLite's header is someone else's:
// refuse it before SQLite could touch it.
bool LooksForeign(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  char header[16] = {};
  in.read(header, sizeof header);
  std::streamsize n = in.gcount();
  if (n == 0) return false;
  return n < 16 || std::memcmp(header, "SQLite format 3", 16) != 0;
}

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  std::vector<SqlRow> Exec(std::string_view sql, const std::vector<SqlValue>& params) override {
    std::string text = ToQuestionParams(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, text.c_str(), static_cast<int>(text.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) Fail(rc, "prepare");
    std::vector<SqlRow> rows;
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      rc = v ? sqlite3_bind_text(stmt, static_cast<int>(i + 1), v->data(),
                                 static_cast<int>(v->size()), SQLITE_TRANSIENT)
             : sqlite3_bind_null(stmt, static_cast<int>(i + 1));
      if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        Fail(rc, "bind");
      }
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      int n = sqlite3_column_count(stmt);
      SqlRow row;
      row.reserve(n);
      for (int c = 0; c < n; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row.emplace_back(std::string(p, sqlite3_column_bytes(stmt, c)));
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) Fail(rc, "step");
    return rows;
  }

  void BeginWrite() override { Exec("BEGIN IMMEDIATE", {}); }
  void BeginRead() override { Exec("BEGIN", {}); }
  void Commit() override { Exec("COMMIT", {}); }
  void Rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  bool TableExists(std::string_view name) override {
    return !Exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1",
                 {std::string(name)})
                .empty();
  }
  std::string_view Dialect() const override { return "sqlite"; }

  [[noreturn]] void Fail(int rc, const char* what) {
    std::string message = std::string("the case store '") + path_ + "' failed (" + what + "): " +
                          sqlite3_errmsg(db_);
    // The busy timeout has already been waited out: the lock is held, not raced for. Only a
    // stale WAL snapshot is a lost race worth running again.
    if (rc == SQLITE_BUSY_SNAPSHOT) throw StoreError(StoreError::Kind::kRetry, message);
    if (IsBusy(rc))
      throw StoreError(StoreError::Kind::kLocked,
                       "the case store '" + path_ + "' is locked by another process; try again");
    if ((rc & 0xff) == SQLITE_CORRUPT)
      throw StoreError(StoreError::Kind::kNotAStore,
                       "the case store '" + path_ +
                           "' is damaged (SQLite reports a malformed database); restore it from a "
                           "backup");
    if (IsNotAStore(rc))
      throw StoreError(StoreError::Kind::kNotAStore,
                       "'" + path_ + "' is not an mskc case store (not an SQLite database)");
    int primary = rc & 0xff;
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_IOERR ||
        primary == SQLITE_FULL || primary == SQLITE_PERM)
      throw StoreError(StoreError::Kind::kUnavailable, message);
    throw StoreError(StoreError::Kind::kInternal, message);
  }

 private:
  sqlite3* db_;
  std::string path_;
};

}  // namespace

namespace {

// `file:` URI of `path` with `query`, for SQLite's URI filenames.
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  return uri + "?" + query;
}

sqlite3* OpenHandle(const std::string& name, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc == SQLITE_OK) return db;
  std::string message = db ? sqlite3_errmsg(db) : "out of memory";
  sqlite3_close_v2(db);
  throw StoreError(StoreError::Kind::kUnavailable,
                   "cannot open the case store '" + name + "': " + message);
}

// A WAL store read where its `-shm` file cannot be made (a read-only folder) is read as an
// immutable file: nobody can be writing it there.
bool NeedsImmutable(sqlite3* db) {
  int rc = sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr);
  int primary = rc & 0xff;
  return primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY;
}

// Whether this process may write the store file and make its WAL files beside it.
bool Writable(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  return access(path.c_str(), W_OK) == 0 && access(folder.c_str(), W_OK) == 0;
}

}  // namespace

std::unique_ptr<SqlConnection> OpenSqlite(const std::string& path, SqliteOptions options) {
  // A folder, a pipe or a device is never a store (reading a pipe would wait forever).
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
    throw StoreError(StoreError::Kind::kNotAStore,
                     "'" + path + "' is not an mskc case store (not a regular file)");
  if (LooksForeign(path))
    throw StoreError(StoreError::Kind::kNotAStore,
                     "'" + path + "' is not an mskc case store (not an SQLite database)");
  sqlite3* db = nullptr;
  if (options.read_only && Writable(path)) {
    // Read-write but never creating, and `query_only`: the connection cleans up the WAL files
    // on close as a writer's would (a read-only one leaves them behind), and a read in WAL mode
    // still takes no lock a writer holds.
    db = OpenHandle(path, SQLITE_OPEN_READWRITE);
    sqlite3_exec(db, "PRAGMA query_only = ON", nullptr, nullptr, nullptr);
  } else if (options.read_only) {
    db = OpenHandle(path, SQLITE_OPEN_READONLY);
    sqlite3_busy_timeout(db, options.busy_timeout_ms);
    if (NeedsImmutable(db)) {
      sqlite3_close_v2(db);
      db = OpenHandle(FileUri(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
  } else {
    db = OpenHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  }
  auto conn = std::make_unique<SqliteConnection>(db, path);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  if (options.read_only) return conn;
  // FULL sync makes a returned COMMIT durable. The WAL journal (persistent, in the file's header)
  // is switched on by the schema layer once the file is known to be an mskc store or empty.
  conn->Exec("PRAGMA synchronous = FULL", {});
  conn->Exec("PRAGMA foreign_keys = ON", {});
  return conn;
}

}  // namespace mskc::store
