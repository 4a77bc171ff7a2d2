// Differential testing (after Soufflé and Cedar's DRT): seeded random cases, with facts present,
// absent and at their thresholds, decided with the JIT and with the reference interpreter. Every
// criterion of every guideline version, and every whole determination, must be identical.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "compiler/driver/ruleset.h"
#include "runtime/case/frame_builder.h"
#include "runtime/core/business_calendar.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"

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

// Generates cases whose values cluster around the thresholds the guidelines use.
class CaseGenerator {
 public:
  CaseGenerator(const ir::Program& program, uint32_t seed) : program_(program), rng_(seed) {}

  cases::Case Next() {
    cases::Case c;
    c.case_id = "P-" + std::to_string(counter_++);
    c.health_plan = Pick<std::string>({"DEFAULT", "IBX", "ANTHEM-ME"});
    Date dos = Date::FromDays(Date::Parse("2017-12-01")->days() + Uniform(0, 1800));
    c.date_of_service = dos;
    c.submitted_on = dos.AddDays(-Uniform(0, 3));
    if (Chance(0.1)) c.performed_on = dos;
    c.emergency = Chance(0.05);
    c.setting = cases::Setting::kOutpatient;
    c.site_of_care = Pick<cases::SiteOfCare>({cases::SiteOfCare::kOffice,
                                              cases::SiteOfCare::kOutpatientHospital,
                                              cases::SiteOfCare::kAmbulatorySurgeryCenter});
    if (Chance(0.5)) c.site_of_care_reasons.push_back(cases::SiteOfCareReason::kBmiOver50);
    int lines = Uniform(1, 3);
    for (int i = 0; i < lines; ++i) {
      cases::ProcedureLine line;
      line.code = Pick<std::string>({"62320", "62321", "62322", "62323", "64479", "64483",
                                     "22532", "99213"});
      line.revision = Chance(0.2);
      c.procedures.push_back(line);
    }
    c.diagnoses = {Pick<std::string>({"M54.16", "M54.50", "M51.16", "G89.11", "M48.061"})};
    if (Chance(0.3)) c.diagnoses.push_back(Pick<std::string>({"G89.12", "M50.12", "Z00.00"}));
    c.member.id = "M" + std::to_string(Uniform(1, 50));
    c.member.birth_date = Chance(0.2) ? dos.AddYears(-18).AddDays(Uniform(-2, 2))
                                      : dos.AddYears(-Uniform(10, 90));
    c.member.enrolled = !Chance(0.05);
    c.member.benefit_covers_service = !Chance(0.05);
    c.ordering_provider.npi = "1";
    c.ordering_provider.role = Chance(0.03) ? cases::ProviderRole::kServicing
                                            : cases::ProviderRole::kOrdering;
    for (const auto& [key, info] : program_.facts.facts()) {
      if (Chance(0.25)) continue;  // absent: unknown
      switch (info.type) {
        case FactType::kBool: c.clinical[key] = Chance(0.7); break;
        case FactType::kNumber: {
          double lo = info.min.value_or(0), hi = info.max.value_or(30);
          double v = Chance(0.5) ? Pick<double>({3, 3.9, 4, 5, 6, 12, 26, 49, 50, 80})
                                 : lo + (hi - lo) * Uniform(0, 100) / 100.0;
          c.clinical[key] = std::clamp(v, lo, hi);
          break;
        }
        case FactType::kDate: c.clinical[key] = dos.AddDays(-Uniform(-5, 400)); break;
        case FactType::kEnum:
          c.clinical[key] = info.vocabulary[Uniform(0, info.vocabulary.size() - 1)];
          break;
        case FactType::kEnumList: {
          std::vector<std::string> items;
          int n = Uniform(0, 2);
          for (int i = 0; i < n; ++i) items.push_back(info.vocabulary[Uniform(0, info.vocabulary.size() - 1)]);
          if (Chance(0.1)) items.push_back("not_in_vocabulary");
          c.clinical[key] = items;
          break;
        }
      }
    }
    int history = Uniform(0, 5);
    for (int i = 0; i < history; ++i) {
      cases::HistoryRecord h;
      h.code = Pick<std::string>({"62323", "64483", "64490", "20610"});
      h.date = dos.AddDays(-Pick<int>({0, 1, 13, 14, 15, 100, 364, 365, 366, 700, -3}));
      if (Chance(0.85)) h.relief_percent = Pick<double>({30, 49, 50, 80});
      if (Chance(0.85)) h.relief_weeks = Pick<double>({2, 3, 12});
      c.history.push_back(h);
    }
    return c;
  }

 private:
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  T Pick(std::initializer_list<T> options) {
    auto it = options.begin();
    std::advance(it, Uniform(0, static_cast<int>(options.size()) - 1));
    return *it;
  }

  const ir::Program& program_;
  std::mt19937 rng_;
  int counter_ = 0;
};

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
