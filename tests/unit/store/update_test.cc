// `update ID FACTS.json`: information merged into an In Progress case and re-evaluated with the
// rules stored at submit (program rules, "Snapshot"), whatever the rules folder says later.
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCompleteFacts = R"({"clinical": {"pain_score": 7, "imaging_type": "mri"}})";
constexpr const char* kPartialFacts = R"({"clinical": {"pain_score": 7}})";

class UpdateTest : public StoreTest {
 protected:
  // A copy of the shipped library (`guidelines/`) in this test's temporary folder.
  std::string CopyOfShippedRules() {
    fs::path copy = TempDir() / "rules";
    std::error_code ec;
    fs::copy(driver::DefaultRulesDir(), copy, fs::copy_options::recursive, ec);
    EXPECT_FALSE(ec) << "cannot copy " << driver::DefaultRulesDir() << ": " << ec.message();
    return copy.string();
  }

  static void Rewrite(const fs::path& file, const std::string& from, const std::string& to) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    size_t at = s.find(from);
    ASSERT_NE(at, std::string::npos) << "`" << from << "` not in " << file;
    s.replace(at, from.size(), to);
    std::ofstream out(file, std::ios::trunc);
    out << s;
  }
};
MSKC_STORE_BACKENDS(UpdateTest);

TEST_P(UpdateTest, MissingFactsArriveAndEveryLineIsApproved) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Json updated = Ok(Update(id, kCompleteFacts, "2021-03-03T09:00:00Z"));
  EXPECT_EQ(updated.value("status", ""), "Authorized");
  EXPECT_EQ(updated.value("valid_from", ""), "2021-04-01");
  EXPECT_EQ(updated.value("expires_on", ""), "2021-04-14");
  EXPECT_TRUE(updated["deadline"].is_null());
  EXPECT_EQ(updated["lines"][0].value("decision", ""), "approved");

  Json shown = Show(id);
  EXPECT_EQ(shown["determination"].value("status", ""), "In Progress");  // as evaluated
  ASSERT_TRUE(shown.contains("latest_evaluation")) << shown.dump(2);
  EXPECT_EQ(shown["latest_evaluation"].value("outcome", ""), "approved");
  Json h = History(id);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(CommandOf(h[1]), "update");
  EXPECT_EQ(h[1].value("from", ""), "In Progress");
  EXPECT_EQ(h[1].value("to", ""), "Authorized");
  EXPECT_EQ(h[1].value("at", ""), "2021-03-03T09:00:00Z");
}

TEST_P(UpdateTest, PartialFactsLeaveTheCaseInProgress) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Json updated = Ok(Update(id, kPartialFacts, "2021-03-03T09:00:00Z"));
  EXPECT_EQ(updated.value("status", ""), "In Progress");
  EXPECT_EQ(updated.value("review", ""), "nurse");
  EXPECT_EQ(updated.value("deadline", ""), "2021-03-15T09:00:00Z");  // update keeps the deadline
  Json latest = Show(id)["latest_evaluation"];
  EXPECT_EQ(latest.value("outcome", ""), "pended");
  ASSERT_EQ(latest["lines"].size(), 1u);
  std::vector<std::string> missing = latest["lines"][0]["missing"];
  EXPECT_THAT(missing, ::testing::ElementsAre("imaging_type"));
  // The rest arrives later: merged with what came before.
  EXPECT_EQ(
      Ok(Update(id, R"({"imaging_type": "mri"})", "2021-03-04T09:00:00Z")).value("status", ""),
      "Authorized");
}

TEST_P(UpdateTest, UpdateOnAnAuthorizedCaseIsRefused) {
  std::string id = SubmitFile("approved", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string before = Visible(id);
  ExpectRefused(Update(id, kCompleteFacts, "2021-03-02T09:00:00Z"), "ILLEGAL_TRANSITION");
  EXPECT_EQ(Visible(id), before);
}

TEST_P(UpdateTest, FixedFieldsAndBadFactsAreBadInputAndChangeNothing) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string before = Visible(id);
  for (const char* facts :
       {R"({"member": {"id": "MBR-OTHER", "birth_date": "1970-01-01"}})",
        R"({"date_of_service": "2021-04-02"})", R"({"procedures": [{"code": "64484"}]})",
        R"({"urgent": true})", R"(["pain_score", 7])", "not json",
        R"({"clinical": {"pain_score": 11}})", R"({"clinical": {"pain_score": "high"}})"}) {
    CommandResult r = Update(id, facts, "2021-03-02T09:00:00Z");
    EXPECT_EQ(r.kind, ResultKind::kBadInput) << facts << " -> " << r.json;
    EXPECT_FALSE(Json::parse(r.json, nullptr, false).is_discarded()) << r.json;
  }
  EXPECT_EQ(Visible(id), before);
  // At the range's edge the same fact is accepted.
  EXPECT_EQ(Ok(Update(id, R"({"clinical": {"pain_score": 10}})", "2021-03-02T09:00:00Z"))
                .value("status", ""),
            "In Progress");
}

TEST_P(UpdateTest, ReevaluatesWithTheRulesStoredAtSubmitNotTheEditedFolder) {
  std::string rules = CopyOfShippedRules();
  std::string kept =
      Submit(CaseFile("pended_missing_info"), "2021-03-01T09:00:00Z", rules).value("order_id", "");
  // Now the folder's epidural guideline no longer asks for a pain score or function.
  Rewrite(fs::path(rules) / "ipm" / "epidural.msk", "= pain_score >= 4 or functional_impairment",
          "= pain_duration_weeks >= 4");
  // Control: a case submitted with the edited folder needs only the imaging now.
  std::string edited =
      Submit(ForMember("pended_missing_info", "MBR-ST-0002"), "2021-03-01T09:00:00Z", rules)
          .value("order_id", "");
  const char* imaging_only = R"({"clinical": {"imaging_type": "mri"}})";
  EXPECT_EQ(Ok(Update(edited, imaging_only, "2021-03-02T09:00:00Z")).value("status", ""),
            "Authorized");
  // The case filed before the edit still needs the pain score: its snapshot decides.
  Json kept_after = Ok(Update(kept, imaging_only, "2021-03-02T09:00:00Z"));
  EXPECT_EQ(kept_after.value("status", ""), "In Progress");
  std::vector<std::string> missing = Show(kept)["latest_evaluation"]["lines"][0]["missing"];
  EXPECT_THAT(missing, ::testing::Contains("pain_score"));
}

TEST_P(UpdateTest, UpdateNeedsNoRulesFolderOnceTheCaseIsFiled) {
  std::string rules = CopyOfShippedRules();
  std::string id =
      Submit(CaseFile("pended_missing_info"), "2021-03-01T09:00:00Z", rules).value("order_id", "");
  std::error_code ec;
  fs::remove_all(rules, ec);
  ASSERT_FALSE(fs::exists(rules));
  Json updated = Ok(Update(id, kCompleteFacts, "2021-03-02T09:00:00Z"));
  EXPECT_EQ(updated.value("status", ""), "Authorized");
  EXPECT_EQ(updated.value("expires_on", ""), "2021-04-14");
}

TEST_P(UpdateTest, RulesFolderThatDoesNotCompileIsBadInputAndConsumesNoNumber) {
  std::string rules = CopyOfShippedRules();
  std::ofstream(fs::path(rules) / "ipm" / "broken.msk") << "guideline ipm.broken {\n  title\n";
  CommandResult r = SubmitText(CaseFile("approved"), "2021-03-01T09:00:00Z", rules);
  EXPECT_EQ(r.kind, ResultKind::kBadInput) << r.json;
  EXPECT_FALSE(r.message.empty());
  EXPECT_EQ(SubmitFile("approved", "2021-03-01T09:01:00Z").value("order_id", ""), "SU000000001");
}

TEST_P(UpdateTest, ThePlansPendDeadlineIsKeptFromSubmit) {
  std::string rules = CopyOfShippedRules();
  fs::path program = fs::path(rules) / "program.msk";
  Rewrite(program, "pend deadline 14 days", "pend deadline 7 days");
  std::string id =
      Submit(CaseFile("pended_missing_info"), "2021-03-01T09:00:00Z", rules).value("order_id", "");
  EXPECT_EQ(Show(id).value("deadline", ""), "2021-03-08T09:00:00Z");
  // The folder's plan changes again; the case keeps the 7 days it was filed with.
  Rewrite(program, "pend deadline 7 days", "pend deadline 30 days");
  Ok(Tick("2021-03-08T09:00:00Z"));
  EXPECT_EQ(Status(id), "Non-Authorized");
  Json reopened = Ok(Reconsider(id, "2021-03-10T12:00:00Z"));
  EXPECT_EQ(reopened.value("deadline", ""), "2021-03-17T12:00:00Z");
  // The shipped plan's 14 days still apply to a case filed with the shipped library.
  std::string shipped =
      Submit(ForMember("pended_missing_info", "MBR-ST-0002"), "2021-03-01T09:00:00Z")
          .value("order_id", "");
  EXPECT_EQ(Show(shipped).value("deadline", ""), "2021-03-15T09:00:00Z");
}

}  // namespace
}  // namespace mskc::store
