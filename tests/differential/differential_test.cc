// Differential testing (after Soufflé and Cedar's DRT): seeded random cases, with facts present,
// absent and at their thresholds, decided with the JIT and with the reference interpreter. Every
// criterion of every guideline version, and every whole determination, must be identical.
#include <gtest/gtest.h>

#include <cstdlib>

#include "compiler/driver/ruleset.h"
#include "runtime/case/frame_builder.h"
#include "runtime/core/business_calendar.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tests/differential/case_generator.h"

namespace mskc {
namespace {

class Rules {
 public:
  static const Rules& Get() {
    static Rules rules;
    return rules;
  }
  const driver::Ruleset& jit() const { return *jit_; }
  const driver::Ruleset& interp() const { return *interp_; }

 private:
  Rules() {
    const char* root = std::getenv("MSKC_SOURCE_DIR");
    std::string dir = std::string(root ? root : ".") + "/guidelines";
    diag::DiagnosticEngine d1, d2;
    jit_ = driver::Ruleset::Compile({dir}, {driver::Backend::kJit, {}}, s1_, d1);
    interp_ = driver::Ruleset::Compile({dir}, {driver::Backend::kInterpreter, {}}, s2_, d2);
  }
  source::SourceManager s1_, s2_;
  std::unique_ptr<driver::Ruleset> jit_, interp_;
};

using differential::CaseGenerator;

uint32_t Seed() {
  const char* env = std::getenv("MSKC_PROPERTY_SEED");
  return env ? static_cast<uint32_t>(std::strtoul(env, nullptr, 10)) : 20201608u;
}

TEST(DifferentialTest, RulesCompileWithBothBackends) {
  ASSERT_NE(&Rules::Get().jit(), nullptr);
}

TEST(DifferentialTest, EveryCriterionAgreesOnRandomCases) {
  const Rules& rules = Rules::Get();
  const ir::Program& jp = rules.jit().program();
  const ir::Program& ip = rules.interp().program();
  CaseGenerator gen(jp, Seed());
  BusinessCalendar calendar;
  std::vector<const void*> jit_sets, interp_sets;
  for (const auto& s : jp.code_sets) jit_sets.push_back(&s);
  for (const auto& s : ip.code_sets) interp_sets.push_back(&s);
  abi::EvalContext jctx{&calendar, jit_sets.data()};
  abi::EvalContext ictx{&calendar, interp_sets.data()};
  size_t compared = 0, unknown = 0;
  for (int n = 0; n < 20000; ++n) {
    cases::Case c = gen.Next();
    cases::CaseFrame jframe(jp, c), iframe(ip, c);
    for (const auto& line : c.procedures) {
      jframe.SetLine(line);
      iframe.SetLine(line);
      for (size_t g = 0; g < jp.guidelines.size(); ++g) {
        for (size_t v = 0; v < jp.guidelines[g].versions.size(); ++v) {
          const auto& jv = jp.guidelines[g].versions[v];
          const auto& iv = ip.guidelines[g].versions[v];
          std::vector<uint8_t> jr(jv.criteria.size()), ir(iv.criteria.size());
          rules.jit().EvaluatorFor(jp.guidelines[g], jv).Evaluate(jframe.data(), jr.data(), jctx);
          rules.interp().EvaluatorFor(ip.guidelines[g], iv).Evaluate(iframe.data(), ir.data(), ictx);
          for (size_t k = 0; k < jr.size(); ++k) {
            ASSERT_EQ(jr[k], ir[k]) << "case " << n << " criterion " << jv.criteria[k].id
                                    << " of " << jp.guidelines[g].id << " " << jv.label
                                    << " (seed " << Seed() << ")";
            ++compared;
            unknown += jr[k] == 2;
          }
        }
      }
    }
  }
  // The generator must reach every outcome, not only one.
  EXPECT_GT(compared, 10000u);
  EXPECT_GT(unknown, 100u);
}

TEST(DifferentialTest, WholeDeterminationsAgreeOnRandomCases) {
  const Rules& rules = Rules::Get();
  CaseGenerator gen(rules.jit().program(), Seed() + 1);
  std::map<std::string, int> outcomes;
  for (int n = 0; n < 10000; ++n) {
    cases::Case c = gen.Next();
    auto a = rules::Decide(rules.jit(), c);
    auto b = rules::Decide(rules.interp(), c);
    ASSERT_EQ(a.index(), b.index());
    if (a.index() != 0) continue;
    std::string ja = determination::ToJson(std::get<0>(a));
    std::string jb = determination::ToJson(std::get<0>(b));
    ASSERT_EQ(ja, jb) << "case " << n;
    auto pos = ja.find("\"outcome\":");
    outcomes[ja.substr(pos, 40).substr(0, ja.substr(pos, 40).find(','))]++;
  }
  EXPECT_GE(outcomes.size(), 4u) << "the generator should reach several outcomes";
}

}  // namespace
}  // namespace mskc
