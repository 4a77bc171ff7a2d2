// The small SQL surface the case store is written against. Two real implementations: SQLite
// (embedded default, a file) and PostgreSQL (`postgresql://…`, many intake servers, one database).
// The store's statements are written once, in the SQL both dialects share.
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mskc::store {

// One SQL value in text form; nullopt is NULL. Integers travel as decimal text.
using SqlValue = std::optional<std::string>;
using SqlRow = std::vector<SqlValue>;

// An infrastructure failure of the store (never a rule's refusal). `kRetry` marks a transaction
// that lost a race (SQLite busy, PostgreSQL serialization failure or deadlock): the caller rolls
// back and runs the whole command again.
class StoreError : public std::runtime_error {
 public:
  enum class Kind : uint8_t {
    kRetry,        // transient conflict with another writer: roll back and retry
    kLocked,       // another process held the lock beyond the busy timeout: do not retry
    kBadRow,       // one stored row cannot be read: the rest of the store still can
    kNotAStore,    // the file or database is not an mskc case store (foreign or corrupted)
    kNewerSchema,  // written by a newer mskc
    kUnavailable,  // cannot open / connect / read / write
    kInternal,     // a statement failed for another reason (a bug)
  };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  // Runs one statement. Parameters are written `$1`, `$2`, … in `sql` (each number may appear
  // more than once) and bound as text; an integer column compares with a text parameter holding
  // its decimal digits. Returns every result row, each value as text (NULL as nullopt).
  // Throws StoreError (kRetry on a lost race).
  virtual std::vector<SqlRow> Exec(std::string_view sql,
                                   const std::vector<SqlValue>& params = {}) = 0;

  // Transactions. A write transaction takes the write lock up front (SQLite `BEGIN IMMEDIATE`,
  // PostgreSQL `SERIALIZABLE`), so a command sees and changes the store as if alone.
  virtual void BeginWrite() = 0;
  virtual void BeginRead() = 0;
  virtual void Commit() = 0;         // durable when it returns
  virtual void Rollback() noexcept = 0;

  virtual bool TableExists(std::string_view name) = 0;
  virtual std::string_view Dialect() const = 0;  // "sqlite" or "postgresql"
};

struct SqliteOptions {
  // A read-only connection never creates the file, writes nothing (`query_only`), takes no write
  // lock and works on a file or folder the user may not write (then opened SQLITE_OPEN_READONLY).
  bool read_only = false;
  // How long a statement waits for another process's lock before kLocked.
  int busy_timeout_ms = 30000;
};

// Opens (creating when absent, unless read-only) an SQLite file: WAL journal, full sync, a busy
// timeout. A file that exists but is not an SQLite database is refused (kNotAStore) and left
// untouched.
std::unique_ptr<SqlConnection> OpenSqlite(const std::string& path, SqliteOptions options = {});

// Connects to PostgreSQL with a libpq connection URI (`postgresql://…` or `postgres://…`).
std::unique_ptr<SqlConnection> OpenPostgres(const std::string& uri);

}  // namespace mskc::store
