#include "tests/unit/store/store_fixture.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/common/postgres_test_db.h"

namespace mskc::store {
namespace {

namespace fs = std::filesystem;

// A PostgreSQL database name for the running test: letters, digits and '_', at most 63
// characters, unique per test (a hash keeps long names apart).
std::string DatabaseName() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string full = std::string(info->test_suite_name()) + "_" + info->name();
  std::string name = "st_";
  for (char c : full) {
    auto u = static_cast<unsigned char>(c);
    name += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_';
  }
  if (name.size() > 63) {
    uint32_t h = 2166136261u;
    for (unsigned char c : full) h = (h ^ c) * 16777619u;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "_%08x", h);
    name = name.substr(0, 63 - 9) + suffix;
  }
  return name;
}

}  // namespace

std::string CaseFile(const std::string& name) {
  std::ifstream in(std::string(MSKC_STORE_TEST_CASES) + "/" + name + ".json", std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing test case cases/" << name << ".json";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string EditedCase(const std::string& name, const std::function<void(Json&)>& edit) {
  Json j = Json::parse(CaseFile(name));
  edit(j);
  return j.dump(2);
}

std::string ForMember(const std::string& name, const std::string& member_id) {
  return EditedCase(name, [&](Json& c) { c["member"]["id"] = member_id; });
}

lifecycle::Timestamp At(std::string_view text) {
  std::optional<lifecycle::Timestamp> t = lifecycle::Timestamp::Parse(text);
  EXPECT_TRUE(t.has_value()) << "bad instant in the test: " << text;
  return t.value_or(lifecycle::Timestamp());
}

Date Day(std::string_view text) {
  std::optional<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.has_value()) << "bad date in the test: " << text;
  return d.value_or(Date());
}

std::string OrderId(int n) { return lifecycle::FormatOrderId(n); }

std::vector<std::string> ReasonCodes(const Json& determination) {
  std::vector<std::string> codes;
  if (determination.contains("reason_codes"))
    for (const Json& c : determination["reason_codes"]) codes.push_back(c.get<std::string>());
  return codes;
}

namespace {
Json ListIn(const Json& printed, const char* key) {
  if (printed.is_array()) return printed;
  if (printed.is_object() && printed.contains(key) && printed[key].is_array()) return printed[key];
  ADD_FAILURE() << "expected a list (or an object with `" << key << "`): " << printed.dump();
  return Json::array();
}
}  // namespace

Json EventsOf(const Json& history) { return ListIn(history, "events"); }
Json CasesOf(const Json& list) { return ListIn(list, "cases"); }
Json ClosedOf(const Json& tick) { return ListIn(tick, "closed"); }

std::string CommandOf(const Json& event) {
  for (const char* key : {"command", "event"})
    if (event.contains(key) && event[key].is_string()) return event[key].get<std::string>();
  ADD_FAILURE() << "an audit event without its command: " << event.dump();
  return "";
}

std::vector<std::string> EventNames(const Json& events) {
  std::vector<std::string> names;
  for (const Json& e : events) names.push_back(CommandOf(e));
  return names;
}

lifecycle::ReviewRequest Nurse(ReviewDecision decision, std::optional<int> line) {
  return lifecycle::ReviewRequest{Role::kNurse, decision, line, "nurse review"};
}

lifecycle::ReviewRequest Physician(ReviewDecision decision, std::optional<int> line) {
  return lifecycle::ReviewRequest{Role::kPhysician, decision, line, "physician review"};
}

std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

void StoreTest::SetUp() {
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "mskc-store-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  ASSERT_NE(made, nullptr) << "cannot create a temporary folder";
  temp_dir_ = made;
  target_.backend = driver::Backend::kInterpreter;  // compiles faster; the JIT has its own tests
  if (IsSqlite()) {
    sqlite_path_ = (temp_dir_ / "cases.db").string();
    target_.db = sqlite_path_;
    return;
  }
  if (!pgtest::PostgresTestsEnabled())
    GTEST_SKIP() << "no PostgreSQL test server (run through ctest: fixture `postgres`)";
  std::string name = DatabaseName();
  std::optional<std::string> uri = pgtest::FreshPostgresDatabase(name);
  ASSERT_TRUE(uri.has_value()) << "could not create database " << name;
  target_.db = *uri;
}

void StoreTest::TearDown() {
  std::error_code ec;
  if (!temp_dir_.empty()) fs::remove_all(temp_dir_, ec);
}

Json StoreTest::Ok(const CommandResult& result) const {
  EXPECT_EQ(result.kind, ResultKind::kDone) << result.json << "\n" << result.message;
  Json j = Json::parse(result.json, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << result.json;
  return (result.kind == ResultKind::kDone && !j.is_discarded()) ? j : Json();
}

void StoreTest::ExpectRefused(const CommandResult& result, std::string_view code) const {
  EXPECT_EQ(result.kind, ResultKind::kRefused) << result.json << "\n" << result.message;
  Json j = Json::parse(result.json, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << "not JSON: " << result.json;
  EXPECT_EQ(j.value("reason_code", ""), code) << result.json;
  EXPECT_FALSE(j.value("error", "").empty()) << result.json;
}

CommandResult StoreTest::SubmitText(const std::string& case_text, std::string_view at,
                                    const std::string& rules_dir) {
  return store::Submit(target_, SubmitRequest{case_text, rules_dir, At(at)});
}

Json StoreTest::Submit(const std::string& case_text, std::string_view at,
                       const std::string& rules_dir) {
  return Ok(SubmitText(case_text, at, rules_dir));
}

std::string StoreTest::Visible(const std::string& id) {
  CommandResult show = store::Show(target_, id);
  CommandResult history = store::History(target_, id);
  EXPECT_EQ(show.kind, ResultKind::kDone) << show.json;
  EXPECT_EQ(history.kind, ResultKind::kDone) << history.json;
  return show.json + "\n" + history.json;
}

std::string StoreTest::MakeMultipleDecisions(const std::string& case_text) {
  Json d = Submit(case_text, "2021-03-01T09:00:00Z");
  std::string id = d.value("order_id", "");
  EXPECT_EQ(d.value("status", ""), "In Progress");
  Ok(P2p(id, "2021-03-02T10:00:00Z"));
  Ok(Review(id, Physician(ReviewDecision::kApprove, 1), "2021-03-02T11:00:00Z"));
  Ok(Review(id, Physician(ReviewDecision::kDeny, 2), "2021-03-02T12:00:00Z"));
  EXPECT_EQ(Status(id), "Multiple Decisions Rendered");
  return id;
}

}  // namespace mskc::store
