// One fixture for the case-store tests, run once per backend: "sqlite" (a fresh file in a
// temporary folder per test) and "postgres" (a fresh database per test on the throwaway server of
// the CTest fixture `postgres`). The tests go through the service API (case_service.h) and read
// its JSON output the way a user of `mskc case` would.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/lifecycle/lifecycle.h"
#include "runtime/store/case_service.h"

namespace mskc::store {

using Json = nlohmann::json;
using lifecycle::ReviewDecision;
using lifecycle::Role;

// The text of `cases/NAME.json` in this test folder.
std::string CaseFile(const std::string& name);
// `cases/NAME.json` with `edit` applied to its JSON.
std::string EditedCase(const std::string& name, const std::function<void(Json&)>& edit);
// `cases/NAME.json` for another member.
std::string ForMember(const std::string& name, const std::string& member_id);

// `--at`-style instants and dates; a malformed literal fails the test.
lifecycle::Timestamp At(std::string_view text);
Date Day(std::string_view text);

// The order id of order number `n` (SU and 9 digits).
std::string OrderId(int n);

// The reason codes of a determination as a list of strings.
std::vector<std::string> ReasonCodes(const Json& determination);

// The printed lists, read whether they come bare or wrapped in an object: the events of
// `history`, the cases of `list`, the closures of `tick`.
Json EventsOf(const Json& history);
Json CasesOf(const Json& list);
Json ClosedOf(const Json& tick);
// The command an audit event records (`submit`, `review`, `deadline`, ...).
std::string CommandOf(const Json& event);
// The commands of a history, oldest first.
std::vector<std::string> EventNames(const Json& events);

lifecycle::ReviewRequest Nurse(ReviewDecision decision, std::optional<int> line = std::nullopt);
lifecycle::ReviewRequest Physician(ReviewDecision decision, std::optional<int> line = std::nullopt);

std::string BackendName(const ::testing::TestParamInfo<std::string>& info);

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  bool IsSqlite() const { return GetParam() == "sqlite"; }
  const std::filesystem::path& TempDir() const { return temp_dir_; }

  // Runs a command and expects it done (exit 0); returns its JSON (null on failure).
  Json Ok(const CommandResult& result) const;
  // Expects a refusal (exit 1) naming `code` and the order id.
  void ExpectRefused(const CommandResult& result, std::string_view code) const;

  CommandResult SubmitText(const std::string& case_text, std::string_view at,
                           const std::string& rules_dir = {});
  // Submits and expects kDone: the determination with `order_id`.
  Json Submit(const std::string& case_text, std::string_view at, const std::string& rules_dir = {});
  Json SubmitFile(const std::string& name, std::string_view at) {
    return Submit(CaseFile(name), at);
  }
  Json Show(const std::string& id) { return Ok(store::Show(target_, id)); }
  // The audit events of a case, oldest first (an array).
  Json History(const std::string& id) { return EventsOf(Ok(store::History(target_, id))); }
  std::string Status(const std::string& id) { return Show(id).value("status", ""); }
  // Everything a user can see of a case: show and history output, verbatim.
  std::string Visible(const std::string& id);

  CommandResult Review(const std::string& id, const lifecycle::ReviewRequest& request,
                       std::string_view at) {
    return store::Review(target_, id, request, At(at));
  }
  CommandResult P2p(const std::string& id, std::string_view at,
                    lifecycle::PeerToPeer what = lifecycle::PeerToPeer::kOffered) {
    return store::PeerToPeer(target_, id, what, At(at));
  }
  CommandResult Cancel(const std::string& id, std::string_view at) {
    return store::Cancel(target_, id, At(at));
  }
  CommandResult Void(const std::string& id, std::string_view at) {
    return store::Void(target_, id, At(at));
  }
  CommandResult Reconsider(const std::string& id, std::string_view at) {
    return store::Reconsider(target_, id, At(at));
  }
  CommandResult ChangeDos(const std::string& id, std::string_view dos, std::string_view at) {
    return store::ChangeDateOfService(target_, id, Day(dos), At(at));
  }
  CommandResult Update(const std::string& id, const std::string& facts, std::string_view at) {
    return store::Update(target_, id, facts, At(at));
  }
  CommandResult Tick(std::string_view at) { return store::Tick(target_, At(at)); }
  CommandResult List(const ListFilter& filter = {}) { return store::List(target_, filter); }

  // A pended two-line case (`cases/two_lines_pended.json` unless given) submitted on 2021-03-01
  // and taken to Multiple Decisions Rendered on 2021-03-02: line 1 approved, line 2 denied after
  // a peer-to-peer offer. Returns its order id.
  std::string MakeMultipleDecisions(const std::string& case_text = CaseFile("two_lines_pended"));

  StoreTarget target_;
  std::string sqlite_path_;  // empty on PostgreSQL

 private:
  std::filesystem::path temp_dir_;
};

// Instantiates a StoreTest subclass for both backends.
#define MSKC_STORE_BACKENDS(Suite)                                                   \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values("sqlite", "postgres"), \
                           ::mskc::store::BackendName)

}  // namespace mskc::store
