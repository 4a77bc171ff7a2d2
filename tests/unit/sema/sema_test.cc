// Sema: diagnostics (checked by the underlined source text, so edits elsewhere don't break them)
// and lowering (versions, criteria, lets).
#include <gtest/gtest.h>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/frontend/parse.h"
#include "compiler/sema/sema.h"

namespace mskc::sema {
namespace {

constexpr const char* kFacts = R"(
fact pain_score: number 0..10 "pain"
fact functional_impairment: bool "impairment"
fact imaging_type: one of {mri, ct, xray} "imaging"
fact findings: list of {disc_herniation, instability} "findings"
)";

struct Checked {
  source::SourceManager sources;
  diag::DiagnosticEngine diags;
  std::unique_ptr<ir::Program> program;

  // Underlined text of every diagnostic, in order, with its message.
  std::vector<std::pair<std::string, std::string>> Errors() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& d : diags.Sorted())
      out.push_back({std::string(sources.Text(d.span)), d.message});
    return out;
  }
};

std::unique_ptr<Checked> Check(const std::string& body) {
  auto c = std::make_unique<Checked>();
  source::FileId id = c->sources.Add("test.msk", std::string(kFacts) + body);
  auto parsed = frontend::Parse(id, c->sources, c->diags);
  std::vector<Module> modules(1);
  modules[0].file = std::move(parsed.file);
  if (!parsed.had_syntax_errors) c->program = sema::Check(modules, c->sources, c->diags);
  return c;
}

std::string Guideline(const std::string& criteria) {
  return "guideline t.g {\n title \"T\"\n kind spine\n codes \"11111\"\n version 2018-01-01\n"
         " version 2020-01-01\n" + criteria + "\n}\n";
}

TEST(SemaTest, CleanGuidelineLowersEveryVersion) {
  auto c = Check(Guideline(
      "criterion a \"A\" = pain_score >= 4\n"
      "criterion b \"B\" from 2020-01-01 = functional_impairment\n"
      "criterion c \"C\" { from 2018-01-01 = imaging_type == mri  from 2020-01-01 \"C2\" = true }\n"
      "notice \"N\" before 2020-01-01"));
  ASSERT_FALSE(c->diags.has_errors()) << c->Errors()[0].second;
  ASSERT_EQ(c->program->guidelines.size(), 1u);
  const ir::Guideline& g = c->program->guidelines[0];
  ASSERT_EQ(g.versions.size(), 2u);
  EXPECT_EQ(g.versions[0].criteria.size(), 2u);
  EXPECT_EQ(g.versions[1].criteria.size(), 3u);
  EXPECT_EQ(g.versions[0].criteria[1].text, "C");
  EXPECT_EQ(g.versions[1].criteria[2].text, "C2");
  EXPECT_EQ(g.versions[0].notes.size(), 1u);
  EXPECT_EQ(g.versions[1].notes.size(), 0u);
  // The first version also covers every earlier date of service.
  EXPECT_EQ(g.VersionFor(*Date::Parse("2001-01-01")), &g.versions[0]);
  EXPECT_EQ(g.VersionFor(*Date::Parse("2019-12-31")), &g.versions[0]);
  EXPECT_EQ(g.VersionFor(*Date::Parse("2020-01-01")), &g.versions[1]);
}

TEST(SemaTest, UnknownNameSuggestsTheClosest) {
  auto c = Check(Guideline("criterion a \"A\" = pain_scor >= 4"));
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, "pain_scor");
  EXPECT_EQ(errors[0].second, "unknown name `pain_scor`");
  auto sorted = c->diags.Sorted();
  ASSERT_EQ(sorted[0].notes.size(), 1u);
  EXPECT_EQ(sorted[0].notes[0].message, "did you mean `pain_score`?");
}

TEST(SemaTest, EveryErrorInOneRun) {
  auto c = Check(Guideline(
      "criterion a \"A\" = pain_score >= true\n"
      "criterion b \"B\" = imaging_type == mrii\n"
      "criterion a \"A again\" = findings contains any of {instabilty}\n"
      "criterion d \"D\" = pain_score + 1"));
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].first, "true");
  EXPECT_EQ(errors[1].first, "mrii");
  EXPECT_EQ(errors[2].first, "a");
  EXPECT_EQ(errors[2].second, "duplicate criterion id `a`");
  EXPECT_EQ(errors[3].first, "instabilty");
  EXPECT_EQ(errors[4].first, "pain_score + 1");
  EXPECT_EQ(errors[4].second, "expected a condition (bool), found a number");
}

TEST(SemaTest, VersionsMayNotOverlap) {
  auto c = Check(
      "guideline t.v {\n title \"T\"\n kind joint\n codes \"11111\"\n"
      " version 2018-01-01 until 2018-06-01\n version 2018-06-01\n}\n");
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, "2018-06-01");
  EXPECT_NE(errors[0].second.find("overlapping"), std::string::npos);
}

TEST(SemaTest, ImpossibleDatesAreReported) {
  auto c = Check(Guideline("criterion a \"A\" = date_of_service > 2021-02-30"));
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, "2021-02-30");
}

TEST(SemaTest, LetsMayNotReferToThemselves) {
  auto c = Check("let a = b\nlet b = a\n");
  ASSERT_TRUE(c->diags.has_errors());
  EXPECT_NE(c->Errors()[0].second.find("refers to itself"), std::string::npos);
}

TEST(SemaTest, ParameterisedLetsAreTypeChecked) {
  auto c = Check("let within(d: number) = pain_score <= d\n" +
                 Guideline("criterion a \"A\" = within(true)\ncriterion b \"B\" = within(1, 2)"));
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].second, "expected a number, found a condition (bool)");
  EXPECT_NE(errors[1].second.find("takes 1 argument"), std::string::npos);
}

TEST(SemaTest, DurationsNeedDates) {
  auto c = Check(Guideline("criterion a \"A\" = date_of_service - 14 > date_of_service"));
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, "-");
  auto c2 = Check(Guideline("criterion a \"A\" = date_of_service - 14 days < date_of_service"));
  EXPECT_FALSE(c2->diags.has_errors());
}

TEST(SemaTest, CodesBelongToOneGuideline) {
  auto c = Check(Guideline("criterion a \"A\" = true") +
                 "guideline t.h {\n title \"H\"\n kind joint\n codes \"11111\"\n version 2018-01-01\n}\n");
  ASSERT_TRUE(c->diags.has_errors());
  EXPECT_NE(c->Errors()[0].second.find("belongs to both"), std::string::npos);
}

TEST(SemaTest, PlansExtendAndValidate) {
  auto c = Check(Guideline("criterion a \"A\" = true") +
                 "plan BASE { goal stay t.g 3 days  pend deadline 10 days }\n"
                 "plan X-Y \"Child\" extends BASE { program start 2018-01-02 "
                 "soft launch from 2018-01-02 to 2018-01-16 for spine  state PA minimum 30 days for inpatient }\n"
                 "plan BAD extends NOPE { goal stay t.q 2 days }\n");
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].first, "NOPE");
  EXPECT_EQ(errors[1].first, "t.q");
  const Plan* child = c->program->FindPlan("X-Y");
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->GoalLosDays("t.g"), 3);
  EXPECT_EQ(child->pend_deadline_days, 10);
  ASSERT_EQ(child->state_overrides.size(), 1u);
  EXPECT_EQ(child->state_overrides[0].min_days, 30);
  EXPECT_EQ(child->state_overrides[0].setting, "inpatient");
  EXPECT_EQ(child->soft_launch_kinds.size(), 1u);
}

TEST(SemaTest, SyntaxErrorsSpeakMskc) {
  auto c = Check(Guideline("criterion a \"A\" = pain_score >= )"));
  auto errors = c->Errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].second, "expected an expression, found `)`");
}

TEST(SemaTest, DeepNestingIsRefusedNotCrashed) {
  auto c = Check("let x = " + std::string(100000, '(') + "true" + std::string(100000, ')'));
  ASSERT_TRUE(c->diags.has_errors());
  EXPECT_NE(c->Errors()[0].second.find("nested too deeply"), std::string::npos);
}

TEST(SemaTest, GarbageNeverCrashes) {
  std::string garbage;
  uint32_t seed = 12345;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245 + 12345;
    garbage += static_cast<char>((seed >> 16) & 0xFF);
  }
  auto c = Check(garbage);
  EXPECT_TRUE(c->diags.has_errors());
}

// Strings in .msk files must be well-formed UTF-8: encoded surrogates (CESU-8), overlong forms
// and code points above U+10FFFF are refused before the parser sees them.
TEST(SemaTest, RejectsMalformedUtf8InStrings) {
  for (std::string bad : {"\xED\xA0\x80", "\xED\xBF\xBF", "\xC0\xAF", "\xE0\x80\xAF",
                          "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"}) {
    auto c = Check(Guideline("criterion a \"A " + bad + "\" = pain_score >= 4"));
    ASSERT_TRUE(c->diags.has_errors()) << "accepted bytes of length " << bad.size();
    EXPECT_EQ(c->Errors()[0].second, "this file is not valid UTF-8 text");
  }
  for (std::string good : {"\xC3\xA9", "\xE2\x82\xAC", "\xEE\x80\x80", "\xF0\x9F\x98\x80",
                           "\xF4\x8F\xBF\xBF"}) {  // é, €, U+E000, U+1F600, U+10FFFF
    auto c = Check(Guideline("criterion a \"A " + good + "\" = pain_score >= 4"));
    EXPECT_FALSE(c->diags.has_errors()) << c->Errors()[0].second;
  }
}

}  // namespace
}  // namespace mskc::sema
