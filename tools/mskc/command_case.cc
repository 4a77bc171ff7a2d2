#include "tools/mskc/command_case.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "runtime/lifecycle/date_range.h"
#include "runtime/store/case_service.h"
#include "runtime/store/case_views.h"
#include "tools/mskc/read_input.h"

namespace mskc::tool {
namespace {

using lifecycle::Timestamp;
using store::CommandResult;

constexpr const char* kDefaultDb = "mskc-cases.db";

ExitCode Print(const CommandResult& result) {
  std::cout << result.json << "\n";
  std::cout.flush();
  if (!result.message.empty()) std::cerr << result.message;
  switch (result.kind) {
    case store::ResultKind::kDone: return ExitCode::kOk;
    case store::ResultKind::kRefused: return ExitCode::kFailure;
    case store::ResultKind::kBadInput: return ExitCode::kUsage;
  }
  return ExitCode::kUsage;
}

ExitCode Usage(const std::string& message) {
  std::cout << store::ErrorJson(message) << "\n";
  std::cerr << "error: " << message << "\n";
  return ExitCode::kUsage;
}

}  // namespace

struct CaseCommand::Options {
  std::string db = kDefaultDb;
  std::string backend = "jit";
  std::string at;
  std::string rules;
  std::string id;
  std::string path;  // CASE.json or FACTS.json
  std::string date;
  std::string role;
  std::string decision;
  int line = 0;
  std::string reason;
  bool offered = false, held = false, declined = false;
  std::string member;
  std::string status;
  CLI::App *submit, *show, *review, *cancel, *void_cmd, *reconsider, *change_dos, *update, *p2p,
      *list, *tick, *history;
};

CaseCommand::CaseCommand(CLI::App& app) : options_(std::make_unique<Options>()) {
  Options& o = *options_;
  if (const char* env = std::getenv("MSKC_CASE_DB")) o.db = env;
  cmd_ = app.add_subcommand("case", "the case store: submit, review, reconsider, tick, ...");
  cmd_->require_subcommand(1);
  cmd_->add_option("--db", o.db,
                   "the store: an SQLite file (default mskc-cases.db) or a postgresql:// URI");
  auto sub = [&](const char* name, const char* help) {
    CLI::App* s = cmd_->add_subcommand(name, help);
    s->fallthrough();  // `--db` may come after the command too
    return s;
  };
  auto at = [&](CLI::App* s) {
    s->add_option("--at", o.at, "\"now\": an ISO date or date-time (UTC unless an offset is given)");
  };
  auto id = [&](CLI::App* s) {
    s->add_option("id", o.id, "order id (SU123456789) or its 9 digits")->required();
  };

  o.submit = sub("submit", "evaluate and store a case; prints the determination with its order id");
  o.submit->add_option("--rules", o.rules, "rules folder (default: the shipped library)");
  o.submit->add_option("--backend", o.backend, "evaluation backend: jit or interp")
      ->check(CLI::IsMember({"jit", "interp"}));
  at(o.submit);
  o.submit->add_option("case", o.path, "case JSON file, or - for stdin")->required();

  o.show = sub("show", "the case, its lines, status and the determination made at submit");
  id(o.show);
  at(o.show);
  o.history = sub("history", "the audit events of a case, oldest first");
  id(o.history);
  at(o.history);

  o.review = sub("review", "a nurse's or physician's decision on the case or one line");
  id(o.review);
  o.review->add_option("--as", o.role, "nurse or physician")
      ->required()
      ->check(CLI::IsMember({"nurse", "physician"}));
  o.review->add_option("--decision", o.decision, "approve, escalate or deny")
      ->required()
      ->check(CLI::IsMember({"approve", "escalate", "deny"}));
  o.review->add_option("--line", o.line, "the line (1-based); default: every line awaiting review")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            int n = 0;
            try {
              size_t used = 0;
              n = std::stoi(value, &used);
              if (used != value.size()) n = 0;
            } catch (const std::exception&) {
              n = 0;
            }
            return n >= 1 ? std::string() : "expected a line number (1 or more), found \"" + value + "\"";
          },
          "N"));
  o.review->add_option("--reason", o.reason, "the reviewer's reason, kept in the audit log");
  at(o.review);

  o.cancel = sub("cancel", "withdrawn by the provider: Voluntarily Cancelled");
  id(o.cancel);
  at(o.cancel);
  o.void_cmd = sub("void", "entered by mistake: Not Reviewed/Error Entry");
  id(o.void_cmd);
  at(o.void_cmd);
  o.reconsider = sub("reconsider", "ask for reconsideration within 10 days of a denial (S3)");
  id(o.reconsider);
  at(o.reconsider);
  o.change_dos = sub("change-dos", "move the date of service within the approved window (P13)");
  id(o.change_dos);
  o.change_dos->add_option("date", o.date, "the new date of service (YYYY-MM-DD)")->required();
  at(o.change_dos);
  o.update = sub("update", "information arrives for a pended case: merge and re-evaluate");
  id(o.update);
  o.update->add_option("facts", o.path, "facts JSON file, or - for stdin")->required();
  o.update->add_option("--backend", o.backend, "evaluation backend: jit or interp")
      ->check(CLI::IsMember({"jit", "interp"}));
  at(o.update);
  o.p2p = sub("p2p", "record a peer-to-peer offer or discussion");
  id(o.p2p);
  auto* offered = o.p2p->add_flag("--offered", o.offered, "a peer-to-peer was offered");
  auto* held = o.p2p->add_flag("--held", o.held, "the peer-to-peer took place");
  auto* declined = o.p2p->add_flag("--declined", o.declined, "the provider declined it");
  offered->excludes(held)->excludes(declined);
  held->excludes(declined);
  at(o.p2p);

  o.list = sub("list", "matching cases, newest first");
  o.list->add_option("--member", o.member, "member id");
  o.list->add_option("--status", o.status, "status, e.g. \"In Progress\"");
  at(o.list);
  o.tick = sub("tick", "apply pend deadlines (S5) to every pended case");
  at(o.tick);
}

CaseCommand::~CaseCommand() = default;

bool CaseCommand::parsed() const { return cmd_->parsed(); }

ExitCode CaseCommand::Run() {
  Options& o = *options_;
  Timestamp now = Timestamp::Now();
  std::optional<Timestamp> explicit_now;  // reads apply deadlines only when `--at` is given
  if (!o.at.empty()) {
    std::optional<Timestamp> parsed = Timestamp::Parse(o.at);
    if (!parsed)
      return Usage("--at: expected an ISO date or date-time (2021-03-01 or 2021-03-01T09:30:00Z), "
                   "found \"" + o.at + "\"");
    if (!lifecycle::InDateRange(*parsed))
      return Usage("--at: expected a date between 1900-01-01 and 9999-12-31");
    now = *parsed;
    explicit_now = now;
  }
  if (o.db.empty()) return Usage("--db: expected a file or a postgresql:// URI");
  if (store::IsInMemorySqlite(o.db))
    return Usage("--db: expected a file or a postgresql:// URI, found an in-memory database "
                 "(nothing would be kept)");
  store::StoreTarget target{o.db, o.backend == "interp" ? driver::Backend::kInterpreter
                                                        : driver::Backend::kJit};
  for (const CLI::App* chosen : cmd_->get_subcommands()) target.command = "case " + chosen->get_name();

  if (o.submit->parsed()) {
    store::SubmitRequest request;
    if (std::string problem = ReadInput(o.path, request.case_text); !problem.empty())
      return Usage(problem);
    request.rules_dir = o.rules;
    request.now = now;
    return Print(store::Submit(target, request));
  }
  if (o.show->parsed()) return Print(store::Show(target, o.id, explicit_now));
  if (o.history->parsed()) return Print(store::History(target, o.id, explicit_now));
  if (o.review->parsed()) {
    lifecycle::ReviewRequest request;
    request.role = o.role == "physician" ? lifecycle::Role::kPhysician : lifecycle::Role::kNurse;
    request.decision = o.decision == "deny"       ? lifecycle::ReviewDecision::kDeny
                       : o.decision == "escalate" ? lifecycle::ReviewDecision::kEscalate
                                                  : lifecycle::ReviewDecision::kApprove;
    if (o.line > 0) request.line = o.line;
    request.reason = o.reason;
    return Print(store::Review(target, o.id, request, now));
  }
  if (o.cancel->parsed()) return Print(store::Cancel(target, o.id, now));
  if (o.void_cmd->parsed()) return Print(store::Void(target, o.id, now));
  if (o.reconsider->parsed()) return Print(store::Reconsider(target, o.id, now));
  if (o.change_dos->parsed()) {
    std::optional<Date> date = Date::Parse(o.date);
    if (!date) return Usage("change-dos: expected a date YYYY-MM-DD, found \"" + o.date + "\"");
    return Print(store::ChangeDateOfService(target, o.id, *date, now));
  }
  if (o.update->parsed()) {
    std::string facts;
    if (std::string problem = ReadInput(o.path, facts); !problem.empty()) return Usage(problem);
    return Print(store::Update(target, o.id, facts, now));
  }
  if (o.p2p->parsed()) {
    if (!o.offered && !o.held && !o.declined)
      return Usage("p2p: expected one of --offered, --held or --declined");
    lifecycle::PeerToPeer what = o.held       ? lifecycle::PeerToPeer::kHeld
                                 : o.declined ? lifecycle::PeerToPeer::kDeclined
                                              : lifecycle::PeerToPeer::kOffered;
    return Print(store::PeerToPeer(target, o.id, what, now));
  }
  if (o.list->parsed()) {
    store::ListFilter filter;
    if (!o.member.empty()) filter.member_id = o.member;
    if (!o.status.empty()) {
      filter.status = lifecycle::ParseCaseStatus(o.status);
      if (!filter.status)
        return Usage("--status: expected one of Authorized, In Progress, Completed, "
                     "Non-Authorized, Multiple Decisions Rendered, Voluntarily Cancelled, "
                     "Not Reviewed/Error Entry, Other Impact; found \"" + o.status + "\"");
    }
    return Print(store::List(target, filter, explicit_now));
  }
  if (o.tick->parsed()) return Print(store::Tick(target, now));
  return Usage("expected a case command");
}

}  // namespace mskc::tool
