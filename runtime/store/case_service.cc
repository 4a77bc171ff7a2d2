#include "runtime/store/case_service.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <variant>

#include "compiler/diag/renderer.h"
#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/lifecycle/date_range.h"
#include "runtime/lifecycle/duplicates.h"
#include "runtime/rules/decide.h"
#include "runtime/store/case_views.h"
#include "runtime/store/case_update.h"
#include "runtime/store/rules_snapshot.h"
#include "runtime/store/schema.h"

namespace mskc::store {
namespace {

using lifecycle::CaseRecord;
using lifecycle::Events;
using lifecycle::Refusal;
using lifecycle::RefusalCode;
using lifecycle::Timestamp;
using Json = nlohmann::ordered_json;

constexpr int kMaxAttempts = 50;

// Bad input found inside a transaction: rolled back, exit 2.
struct BadInput {
  std::string message;
};

CommandResult Done(std::string json) { return CommandResult{ResultKind::kDone, std::move(json), {}}; }
// Done, with a `warning:` line on stderr for each row that was skipped.
CommandResult Done(std::string json, const std::vector<std::string>& warnings) {
  CommandResult result = Done(std::move(json));
  for (const std::string& w : warnings) result.message += "warning: " + w + "\n";
  return result;
}
CommandResult Refused(const Refusal& refusal, const std::string& id) {
  return CommandResult{ResultKind::kRefused, RefusalJson(refusal, id), {}};
}
CommandResult Bad(const std::string& message, std::string details = {}) {
  if (details.empty()) details = "error: " + message + "\n";
  return CommandResult{ResultKind::kBadInput, ErrorJson(message), std::move(details)};
}

bool IsPostgresUri(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

// No protected health information in messages: a case error names the field and what was
// expected, not the value found.
std::string WithoutValue(const cases::CaseError& error) {
  std::string text = cases::FormatCaseError(error);
  if (auto at = text.find(", found "); at != std::string::npos) text.erase(at);
  return text;
}

// Runs `body` in one transaction (a write transaction when `write`), again from the start when
// it loses a race. `body` clears `commit` to roll a write back.
CommandResult InTransaction(SqlConnection& db, bool write,
                            const std::function<CommandResult(bool& commit)>& body) {
  std::mt19937 jitter(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    try {
      if (write) {
        db.BeginWrite();
      } else {
        db.BeginRead();
      }
      bool commit = true;
      CommandResult result = body(commit);
      if (commit) {
        db.Commit();
      } else {
        db.Rollback();
      }
      return result;
    } catch (const StoreError& e) {
      db.Rollback();
      if (e.kind() != StoreError::Kind::kRetry || attempt >= kMaxAttempts) throw;
      std::uniform_int_distribution<int> wait_ms(1, 5 * attempt);
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms(jitter)));
    } catch (...) {
      db.Rollback();
      throw;
    }
  }
}

CommandResult InWriteTransaction(SqlConnection& db,
                                 const std::function<CommandResult(bool& commit)>& body) {
  return InTransaction(db, /*write=*/true, body);
}

// A store failure as the user reads it: a held lock names the command that could not run.
CommandResult StoreFailure(const StoreTarget& store, const StoreError& e) {
  if (e.kind() == StoreError::Kind::kLocked)
    return Bad("`mskc " + store.command +
               "` could not run: the case store is locked by another process; try again");
  return Bad(e.what());
}

// Runs `open` then `body`, turning store failures into a clear message (exit 2).
CommandResult Guarded(const StoreTarget& store, const std::function<CommandResult()>& run) {
  try {
    return run();
  } catch (const StoreError& e) {
    return StoreFailure(store, e);
  } catch (const BadInput& e) {
    return Bad(e.message);
  }
}

// Opens the store to write (creating or upgrading its schema) and runs `body`.
CommandResult WithStore(const StoreTarget& store,
                        const std::function<CommandResult(SqlConnection&)>& body) {
  return Guarded(store, [&] {
    std::unique_ptr<SqlConnection> db = OpenStore(store.db, 0, store.busy_timeout_ms);
    return body(*db);
  });
}

// Opens the store to read and runs `body`; `empty` answers for a store with nothing in it.
CommandResult WithStoreToRead(const StoreTarget& store,
                              const std::function<CommandResult(SqlConnection&)>& body,
                              const std::function<CommandResult()>& empty) {
  return Guarded(store, [&] {
    std::unique_ptr<SqlConnection> db = OpenStoreToRead(store.db, store.busy_timeout_ms);
    return db ? body(*db) : empty();
  });
}

// A change that would store a date outside 1900..9999 is bad input: rolled back, exit 2.
void RefuseOutOfRangeDates(const CaseRecord& r) {
  if (auto field = lifecycle::FieldOutOfDateRange(r)) throw BadInput{lifecycle::DateRangeMessage(*field)};
}

// A read on an SQLite file that does not exist finds nothing and creates nothing.
// A missing folder is more likely a typo: that one is reported when the store is opened.
bool MissingFile(const StoreTarget& store) {
  if (IsPostgresUri(store.db)) return false;
  std::error_code ec;
  std::filesystem::path path(store.db);
  std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
  return !std::filesystem::exists(path, ec) && !ec && std::filesystem::is_directory(folder, ec);
}

CommandResult NotFound(const std::string& id) {
  return Refused(Refusal{RefusalCode::kNotFound, "no case with order id `" + id + "`"}, id);
}

using CaseAction = std::function<lifecycle::Step(SqlConnection&, CaseRecord&, Events&)>;

// Loads one case, applies its due deadline, then `act`. A refusal rolls the command back but
// keeps a deadline closure that was due anyway.
CommandResult ActOnCase(const StoreTarget& store, const std::string& id, Timestamp now,
                        const CaseAction& act) {
  std::optional<int64_t> order = lifecycle::ParseOrderId(id);
  if (!order) return NotFound(id);
  return WithStore(store, [&](SqlConnection& db) {
    return InWriteTransaction(db, [&](bool& commit) {
      std::optional<CaseRecord> record = LoadCase(db, *order);
      if (!record) {
        commit = false;
        return NotFound(id);
      }
      CaseRecord& r = *record;
      Events events;
      bool closed = lifecycle::ApplyDueDeadline(r, now, events);
      if (lifecycle::Step refusal = act(db, r, events)) {
        if (closed) {
          SaveCase(db, r);
          AppendEvents(db, events);
        } else {
          commit = false;
        }
        return Refused(*refusal, lifecycle::FormatOrderId(*order));
      }
      RefuseOutOfRangeDates(r);
      SaveCase(db, r);
      AppendEvents(db, events);
      return Done(CaseJson(r, /*with_determination=*/false));
    });
  });
}

// Reads one case for show / history. With an explicit "now" (`--at`), a deadline that has come
// is applied first, as by any command on the case; without it, nothing is written.
CommandResult ReadCase(const StoreTarget& store, const std::string& id,
                       std::optional<Timestamp> now,
                       const std::function<std::string(SqlConnection&, const CaseRecord&,
                                                       std::vector<std::string>&)>& view) {
  std::optional<int64_t> order = lifecycle::ParseOrderId(id);
  if (!order || MissingFile(store)) return NotFound(id);
  auto body = [&](SqlConnection& db) {
    return InTransaction(db, /*write=*/now.has_value(), [&](bool& commit) {
      std::optional<CaseRecord> r = LoadCase(db, *order);
      if (!r) {
        commit = false;
        return NotFound(id);
      }
      Events events;
      if (now && lifecycle::ApplyDueDeadline(*r, *now, events)) {
        SaveCase(db, *r);
        AppendEvents(db, events);
      }
      std::vector<std::string> warnings;
      std::string json = view(db, *r, warnings);
      return Done(std::move(json), warnings);
    });
  };
  if (now) return WithStore(store, body);
  return WithStoreToRead(store, body, [&] { return NotFound(id); });
}

// A case that cannot be read, or nullopt when absent; a row that cannot be read is skipped
// with a warning.
std::optional<CaseRecord> LoadCaseOrSkip(SqlConnection& db, int64_t order,
                                         std::vector<std::string>& warnings) {
  try {
    return LoadCase(db, order);
  } catch (const StoreError& e) {
    if (e.kind() != StoreError::Kind::kBadRow) throw;
    warnings.push_back("skipped case `" + lifecycle::FormatOrderId(order) + "`: " + e.what());
    return std::nullopt;
  }
}

// Closes every case whose deadline has come by `now`, in the caller's transaction. A case that
// cannot be read is skipped (a warning) and every other due case still closes.
std::vector<ClosedByDeadline> CloseDueCases(SqlConnection& db, Timestamp now,
                                            std::vector<std::string>& warnings) {
  std::vector<ClosedByDeadline> closed;
  for (int64_t order : CasesDueAt(db, now)) {
    std::optional<CaseRecord> r = LoadCaseOrSkip(db, order, warnings);
    if (!r) continue;
    Timestamp deadline = *r->deadline;
    Events events;
    if (!lifecycle::ApplyDueDeadline(*r, now, events)) continue;
    SaveCase(db, *r);
    AppendEvents(db, events);
    closed.push_back(ClosedByDeadline{order, deadline});
  }
  return closed;
}

// The determination as printed by submit: `order_id` after `case_id`.
std::string WithOrderId(const std::string& determination_json, int64_t order_number,
                        std::optional<int64_t> duplicate_of) {
  Json d = Json::parse(determination_json);
  Json out = Json::object();
  for (auto it = d.begin(); it != d.end(); ++it) {
    out[it.key()] = it.value();
    if (it.key() == "case_id") {
      out["order_id"] = lifecycle::FormatOrderId(order_number);
      if (duplicate_of) out["duplicate_of"] = lifecycle::FormatOrderId(*duplicate_of);
    }
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool IsInMemorySqlite(const std::string& db) {
  if (db.empty() || db == ":memory:") return true;
  if (db.rfind("file:", 0) != 0) return false;
  std::string_view rest = std::string_view(db).substr(5);
  std::string_view path = rest.substr(0, rest.find_first_of("?#"));
  return path.empty() || path == ":memory:" || rest.find("mode=memory") != std::string_view::npos;
}

std::unique_ptr<SqlConnection> OpenStoreToRead(const std::string& db, int busy_timeout_ms) {
  std::unique_ptr<SqlConnection> conn =
      IsPostgresUri(db) ? OpenPostgres(db)
                        : OpenSqlite(db, SqliteOptions{.read_only = true,
                                                       .busy_timeout_ms = busy_timeout_ms});
  if (!CheckReadable(*conn)) return nullptr;
  return conn;
}

std::unique_ptr<SqlConnection> OpenStore(const std::string& db, int schema_target,
                                         int busy_timeout_ms) {
  std::unique_ptr<SqlConnection> conn =
      IsPostgresUri(db) ? OpenPostgres(db)
                        : OpenSqlite(db, SqliteOptions{.busy_timeout_ms = busy_timeout_ms});
  for (int attempt = 1;; ++attempt) {
    try {
      PrepareSchema(*conn, schema_target);
      return conn;
    } catch (const StoreError& e) {
      if (e.kind() != StoreError::Kind::kRetry || attempt >= kMaxAttempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
  }
}

CommandResult Submit(const StoreTarget& store, const SubmitRequest& request) {
  std::string rules_dir = request.rules_dir.empty() ? driver::DefaultRulesDir() : request.rules_dir;
  source::SourceManager sources;
  diag::DiagnosticEngine diags;
  driver::CompileOptions options;
  options.backend = store.backend;
  std::unique_ptr<driver::Ruleset> ruleset =
      driver::Ruleset::Compile({rules_dir}, options, sources, diags);
  if (!ruleset)
    return Bad("the rules in '" + rules_dir + "' do not compile",
               diag::RenderAll(diags, sources) + "error: the rules in '" + rules_dir +
                   "' do not compile\n");

  cases::CaseResult read = cases::ReadCase(request.case_text, ruleset->program().facts);
  if (auto* error = std::get_if<cases::CaseError>(&read)) return Bad(WithoutValue(*error));
  const cases::Case& c = std::get<cases::Case>(read);
  rules::DecideResult decided = rules::Decide(*ruleset, c);
  if (auto* error = std::get_if<cases::CaseError>(&decided)) return Bad(WithoutValue(*error));
  determination::Determination d = std::get<determination::Determination>(decided);
  const Plan* plan = ruleset->program().FindPlan(c.health_plan);
  int pend_days = plan ? plan->pend_deadline_days : 14;
  RulesSnapshot snapshot = CaptureSnapshot(sources, rules_dir, driver::DefaultRulesDir());

  return WithStore(store, [&](SqlConnection& db) {
    return InWriteTransaction(db, [&](bool&) {
      CaseRecord r = lifecycle::RecordFromDetermination(d, c, pend_days, request.now);
      r.ruleset_id = PutRuleset(db, snapshot.digest, snapshot.files);
      r.order_number = NextOrderNumber(db);
      r.case_json = request.case_text;
      determination::Determination printed = d;
      RefuseOutOfRangeDates(r);
      std::vector<std::string> warnings;
      std::optional<int64_t> duplicate =
          lifecycle::FindDuplicate(r.lines, ActiveLinesOfMember(db, r.member_id, warnings));
      if (duplicate) {
        r.status = lifecycle::CaseStatus::kOtherImpact;
        r.status_reason = lifecycle::ReasonCode::kDuplicateOrder;
        r.duplicate_of = duplicate;
        r.deadline.reset();
        r.valid_from.reset();
        r.expires_on.reset();
        printed.status = lifecycle::CaseStatus::kOtherImpact;
        printed.review = determination::Review::kNone;
        printed.reason_codes.Add(lifecycle::ReasonCode::kDuplicateOrder);
      }
      r.determination_json = WithOrderId(determination::ToJson(printed), r.order_number, duplicate);
      InsertCase(db, r);
      lifecycle::AuditEvent e;
      e.order_number = r.order_number;
      e.at = request.now;
      e.actor = lifecycle::Role::kProvider;
      e.event = "submit";
      e.to = r.status;
      e.reason = r.status_reason;
      e.detail = "automatic decision: " + std::string(determination::OutcomeName(d.outcome));
      if (duplicate) e.detail += "; duplicate of " + lifecycle::FormatOrderId(*duplicate);
      AppendEvents(db, {e});
      return Done(r.determination_json, warnings);
    });
  });
}

CommandResult Show(const StoreTarget& store, const std::string& id,
                   std::optional<Timestamp> now) {
  return ReadCase(store, id, now, [](SqlConnection&, const CaseRecord& r,
                                     std::vector<std::string>&) { return CaseJson(r); });
}

CommandResult History(const StoreTarget& store, const std::string& id,
                      std::optional<Timestamp> now) {
  return ReadCase(store, id, now,
                  [](SqlConnection& db, const CaseRecord& r, std::vector<std::string>& warnings) {
                    return HistoryJson(LoadEvents(db, r.order_number, warnings));
                  });
}

CommandResult List(const StoreTarget& store, const ListFilter& filter,
                   std::optional<Timestamp> now) {
  if (MissingFile(store)) return Done(ListJson({}));
  auto body = [&](SqlConnection& db) {
    return InTransaction(db, /*write=*/now.has_value(), [&](bool&) {
      std::vector<std::string> warnings;
      if (now) CloseDueCases(db, *now, warnings);
      std::string json = ListJson(ListCases(db, filter, warnings));
      return Done(std::move(json), warnings);
    });
  };
  if (now) return WithStore(store, body);
  return WithStoreToRead(store, body, [] { return Done(ListJson({})); });
}

CommandResult Tick(const StoreTarget& store, Timestamp now) {
  return WithStore(store, [&](SqlConnection& db) {
    return InWriteTransaction(db, [&](bool&) {
      std::vector<std::string> warnings;
      std::string json = TickJson(CloseDueCases(db, now, warnings));
      return Done(std::move(json), warnings);
    });
  });
}

CommandResult Review(const StoreTarget& store, const std::string& id,
                     const lifecycle::ReviewRequest& request, Timestamp now) {
  return ActOnCase(store, id, now, [&](SqlConnection&, CaseRecord& r, Events& events) {
    return lifecycle::Review(r, request, now, events);
  });
}

CommandResult Cancel(const StoreTarget& store, const std::string& id, Timestamp now) {
  return ActOnCase(store, id, now, [&](SqlConnection&, CaseRecord& r, Events& events) {
    return lifecycle::Cancel(r, now, events);
  });
}

CommandResult Void(const StoreTarget& store, const std::string& id, Timestamp now) {
  return ActOnCase(store, id, now, [&](SqlConnection&, CaseRecord& r, Events& events) {
    return lifecycle::Void(r, now, events);
  });
}

CommandResult Reconsider(const StoreTarget& store, const std::string& id, Timestamp now) {
  return ActOnCase(store, id, now, [&](SqlConnection&, CaseRecord& r, Events& events) {
    return lifecycle::Reconsider(r, now, events);
  });
}

CommandResult ChangeDateOfService(const StoreTarget& store, const std::string& id, Date new_dos,
                                  Timestamp now) {
  return ActOnCase(store, id, now, [&](SqlConnection&, CaseRecord& r, Events& events) {
    return lifecycle::ChangeDateOfService(r, new_dos, now, events);
  });
}

CommandResult PeerToPeer(const StoreTarget& store, const std::string& id,
                         lifecycle::PeerToPeer what, Timestamp now) {
  return ActOnCase(store, id, now, [&](SqlConnection&, CaseRecord& r, Events& events) {
    return lifecycle::RecordPeerToPeer(r, what, now, events);
  });
}

CommandResult Update(const StoreTarget& store, const std::string& id,
                     const std::string& facts_text, Timestamp now) {
  std::string merge_error;
  if (!ValidateFacts(facts_text, merge_error)) return Bad(merge_error);
  return ActOnCase(store, id, now, [&](SqlConnection& db, CaseRecord& r, Events& events) -> lifecycle::Step {
    if (lifecycle::Step refused = lifecycle::CheckUpdatable(r)) return refused;
    std::string merged;
    if (!MergeFacts(r.case_json, facts_text, merged, merge_error)) throw BadInput{merge_error};
    std::optional<std::string> files = LoadRulesetFiles(db, r.ruleset_id);
    if (!files) throw BadInput{"the rules snapshot of " + lifecycle::FormatOrderId(r.order_number) +
                               " is missing from the store"};
    source::SourceManager sources;
    diag::DiagnosticEngine diags;
    std::unique_ptr<driver::Ruleset> ruleset =
        CompileSnapshot(*files, store.backend, sources, diags);
    if (!ruleset)
      throw BadInput{"the rules snapshot of " + lifecycle::FormatOrderId(r.order_number) +
                     " no longer compiles"};
    cases::CaseResult read = cases::ReadCase(merged, ruleset->program().facts);
    if (auto* error = std::get_if<cases::CaseError>(&read)) throw BadInput{WithoutValue(*error)};
    rules::DecideResult decided = rules::Decide(*ruleset, std::get<cases::Case>(read));
    if (auto* error = std::get_if<cases::CaseError>(&decided)) throw BadInput{WithoutValue(*error)};
    const auto& d = std::get<determination::Determination>(decided);
    r.case_json = merged;
    r.latest_json = determination::ToJson(d);
    lifecycle::ApplyReevaluation(r, d, now, events);
    return std::nullopt;
  });
}

}  // namespace mskc::store
