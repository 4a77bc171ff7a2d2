// The `mskc case` commands (cli.md, "The case store"): each opens the store, runs as one
// transaction (retried when it loses a race with another writer) and returns what to print.
// A refusal by a rule leaves the store as it was, except that a deadline already due when the
// command came is applied first (program rules, "Deadlines").
#pragma once
#include <optional>
#include <string>

#include "compiler/driver/ruleset.h"
#include "runtime/lifecycle/lifecycle.h"
#include "runtime/store/case_repository.h"

namespace mskc::store {

enum class ResultKind : uint8_t {
  kDone,      // exit 0
  kRefused,   // exit 1: a rule refused (JSON names the reason code)
  kBadInput,  // exit 2: bad case or facts, rules that do not compile, unusable store
};

struct CommandResult {
  ResultKind kind = ResultKind::kDone;
  std::string json;     // stdout: always one JSON document
  std::string message;  // stderr, for bad input (diagnostics, case errors); may be empty
};

struct StoreTarget {
  std::string db;  // an SQLite file, or a `postgresql://` / `postgres://` URI
  driver::Backend backend = driver::Backend::kJit;
  std::string command = "case";  // named when the store is locked: "`mskc case tick` ..."
  int busy_timeout_ms = 30000;   // SQLite: how long to wait for another process's lock
};

// An SQLite name that keeps the store in memory (`:memory:`, `file::memory:`, a `mode=memory`
// URI, the empty name): a case stored there is gone when the command ends, so it is refused.
bool IsInMemorySqlite(const std::string& db);

struct SubmitRequest {
  std::string case_text;  // the case JSON
  std::string rules_dir;  // empty: the shipped library
  lifecycle::Timestamp now;
};

CommandResult Submit(const StoreTarget& store, const SubmitRequest& request);
// An id that is not of the order-id shape names no order: NOT_FOUND. A row that cannot be read
// is skipped by list, tick, history and the duplicate check, with a `warning:` line on stderr
// (CommandResult::message). Reading commands never create a store: on a missing SQLite file, show and history answer NOT_FOUND, list `[]`.
// Given a "now" (`--at`), they first apply the deadlines that have come by then, as every
// command on a case does; without one they only read.
CommandResult Show(const StoreTarget& store, const std::string& id,
                   std::optional<lifecycle::Timestamp> now = std::nullopt);
CommandResult History(const StoreTarget& store, const std::string& id,
                      std::optional<lifecycle::Timestamp> now = std::nullopt);
CommandResult List(const StoreTarget& store, const ListFilter& filter,
                   std::optional<lifecycle::Timestamp> now = std::nullopt);
CommandResult Tick(const StoreTarget& store, lifecycle::Timestamp now);

CommandResult Review(const StoreTarget& store, const std::string& id,
                     const lifecycle::ReviewRequest& request, lifecycle::Timestamp now);
CommandResult Cancel(const StoreTarget& store, const std::string& id, lifecycle::Timestamp now);
CommandResult Void(const StoreTarget& store, const std::string& id, lifecycle::Timestamp now);
CommandResult Reconsider(const StoreTarget& store, const std::string& id,
                         lifecycle::Timestamp now);
CommandResult ChangeDateOfService(const StoreTarget& store, const std::string& id, Date new_dos,
                                  lifecycle::Timestamp now);
CommandResult PeerToPeer(const StoreTarget& store, const std::string& id,
                         lifecycle::PeerToPeer what, lifecycle::Timestamp now);
// `facts_text`: a JSON object; `clinical` is merged key by key (null removes a fact), `history`
// items are appended, `site_of_care_reasons`, `requested_los_days`, `diagnoses` and
// `servicing_facility` replace, and any other key is taken as a clinical fact.
CommandResult Update(const StoreTarget& store, const std::string& id,
                     const std::string& facts_text, lifecycle::Timestamp now);

// Opens a store (creating or upgrading its schema); for tests and tools. Throws StoreError.
std::unique_ptr<SqlConnection> OpenStore(const std::string& db, int schema_target = 0,
                                         int busy_timeout_ms = 30000);

// Opens a store to read: read-only, no schema preparation and no lock, so it never waits for a
// writer (SQLite WAL) and works on a store the user may not write. Nullptr when the store is
// empty (no mskc schema yet). Throws StoreError.
std::unique_ptr<SqlConnection> OpenStoreToRead(const std::string& db, int busy_timeout_ms = 30000);

}  // namespace mskc::store
