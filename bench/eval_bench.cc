// Evaluation speed, side by side in one run: the JIT, the reference interpreter and a hand-written
// C++ evaluator of the same epidural criteria (2020-08-16), all reading one decoded case; then the
// whole pipeline (JSON → case → determination JSON). Run: build with -DMSKC_BUILD_BENCH=ON, then
// `build/bench/mskc_bench`.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "compiler/driver/ruleset.h"
#include "runtime/case/case_reader.h"
#include "runtime/case/frame_builder.h"
#include "runtime/core/business_calendar.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"

namespace {

using namespace mskc;

struct Fixture {
  source::SourceManager sources_jit, sources_interp;
  std::unique_ptr<driver::Ruleset> jit, interp;
  std::string json;
  cases::Case c;
  const ir::Guideline* guideline = nullptr;
  const ir::Version* version = nullptr;
  std::vector<const void*> code_sets;

  Fixture() {
    std::string dir = std::string(MSKC_BENCH_SOURCE_DIR) + "/guidelines";
    diag::DiagnosticEngine d1, d2;
    jit = driver::Ruleset::Compile({dir}, {driver::Backend::kJit}, sources_jit, d1);
    interp = driver::Ruleset::Compile({dir}, {driver::Backend::kInterpreter}, sources_interp, d2);
    std::ifstream in(std::string(MSKC_BENCH_SOURCE_DIR) + "/examples/cases/approved.json");
    std::stringstream ss;
    ss << in.rdbuf();
    json = ss.str();
    c = std::get<cases::Case>(cases::ReadCase(json, jit->program().facts));
    guideline = jit->program().GuidelineForCode(c.procedures[0].code);
    version = guideline->VersionFor(c.EffectiveDateOfService());
    for (const auto& s : jit->program().code_sets) code_sets.push_back(&s);
  }
  static Fixture& Get() {
    static Fixture f;
    return f;
  }
};

void EvaluateWith(benchmark::State& state, const driver::Ruleset& rules) {
  Fixture& f = Fixture::Get();
  const ir::Guideline& g = *rules.program().GuidelineForCode(f.c.procedures[0].code);
  const ir::Version& v = *g.VersionFor(f.c.EffectiveDateOfService());
  cases::CaseFrame frame(rules.program(), f.c);
  frame.SetLine(f.c.procedures[0]);
  std::vector<const void*> sets;
  for (const auto& s : rules.program().code_sets) sets.push_back(&s);
  abi::EvalContext ctx{&FederalCalendar(), sets.data()};
  std::vector<uint8_t> results(v.criteria.size());
  const ir::VersionEvaluator& eval = rules.EvaluatorFor(g, v);
  for (auto _ : state) {
    eval.Evaluate(frame.data(), results.data(), ctx);
    benchmark::DoNotOptimize(results.data());
  }
}

void BM_CriteriaJit(benchmark::State& state) { EvaluateWith(state, *Fixture::Get().jit); }
void BM_CriteriaInterpreter(benchmark::State& state) { EvaluateWith(state, *Fixture::Get().interp); }

// The same twelve criteria, written by hand over the decoded case (three-valued where the
// guideline is). It is the yardstick the generated code is measured against.
uint8_t Tri3(std::optional<bool> b) { return b ? (*b ? 1 : 0) : 2; }

void BM_CriteriaHandWritten(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  const cases::Case& c = f.c;
  auto number = [&](const char* key) -> std::optional<double> {
    auto it = c.clinical.find(key);
    if (it == c.clinical.end()) return std::nullopt;
    return std::get<double>(it->second);
  };
  auto flag = [&](const char* key) -> std::optional<bool> {
    auto it = c.clinical.find(key);
    if (it == c.clinical.end()) return std::nullopt;
    return std::get<bool>(it->second);
  };
  uint8_t results[12];
  for (auto _ : state) {
    Date dos = c.EffectiveDateOfService();
    results[0] = AgeInYears(c.member.birth_date, dos) >= 18;
    bool dx = false;
    for (const auto& d : c.diagnoses)
      for (const char* p : {"M54.1", "M51.1", "M47.2", "M48.06", "M50.1"})
        dx |= d.rfind(p, 0) == 0;
    results[1] = dx;
    results[2] = Tri3(flag("radicular_pain"));
    auto weeks = number("pain_duration_weeks");
    results[3] = weeks ? *weeks >= 4 : 2;
    auto pain = number("pain_score");
    auto fi = flag("functional_impairment");
    results[4] = (pain && *pain >= 4) || (fi && *fi) ? 1 : (pain && fi ? 0 : 2);
    auto care = number("conservative_care_weeks");
    results[5] = care ? *care >= 4 : 2;
    auto pt = flag("physical_therapy");
    auto mods = c.clinical.find("complementary_modalities");
    results[6] = pt && mods != c.clinical.end()
                     ? (*pt && !std::get<std::vector<std::string>>(mods->second).empty())
                     : 2;
    auto inf = flag("active_infection");
    auto bleed = flag("bleeding_disorder_uncontrolled");
    results[7] = (inf && *inf) || (bleed && *bleed) ? 0 : (inf && bleed ? 1 : 2);
    int sessions = 0;
    bool interval = true;
    for (const auto& h : c.history) {
      int before = DaysBetween(h.date, dos);
      if (before <= 0) continue;
      if (before <= 365) ++sessions;
      interval &= before >= 14;
    }
    results[8] = sessions <= 3;
    results[9] = interval;
    results[10] = 1;
    auto imaging = c.clinical.find("imaging_type");
    results[11] = imaging == c.clinical.end() ? 2 : std::get<std::string>(imaging->second) != "xray";
    benchmark::DoNotOptimize(results);
  }
}

// End to end: JSON text → validated case → frame → JIT criteria → program rules → JSON text.
void BM_EndToEndJit(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  cases::CaseReader reader(f.jit->program().facts);
  for (auto _ : state) {
    auto c = reader.Read(f.json);
    auto d = rules::Decide(*f.jit, std::get<cases::Case>(c));
    std::string out = determination::ToJson(std::get<0>(d), {false});
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_DecodeOnly(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  cases::CaseReader reader(f.jit->program().facts);
  for (auto _ : state) {
    auto c = reader.Read(f.json);
    benchmark::DoNotOptimize(&c);
  }
}

BENCHMARK(BM_CriteriaJit);
BENCHMARK(BM_CriteriaInterpreter);
BENCHMARK(BM_CriteriaHandWritten);
BENCHMARK(BM_DecodeOnly);
BENCHMARK(BM_EndToEndJit);

}  // namespace

BENCHMARK_MAIN();
