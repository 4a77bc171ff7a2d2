// Differential testing at scale: decides N generated cases (every family, every plan, seeded) with
// the JIT and with the reference interpreter and requires identical whole determinations (or the
// same input error). Prints what it covered; exits 1 at the first disagreement, naming the seed and
// case number that reproduce it.
//
//   mskc_differential [--cases N] [--seed S] [--threads T] [--rules DIR]
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "compiler/driver/ruleset.h"
#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tests/differential/case_generator.h"

namespace mskc::differential {
namespace {

struct Options {
  uint64_t cases = 1000000;
  uint32_t seed = 20201608u;
  int threads = 2;
  std::string rules = "guidelines";
};

struct Tally {
  uint64_t decided = 0, input_errors = 0;
  std::map<std::string, uint64_t> outcomes, guidelines, plans;
  void Merge(const Tally& o) {
    decided += o.decided;
    input_errors += o.input_errors;
    for (const auto& [k, n] : o.outcomes) outcomes[k] += n;
    for (const auto& [k, n] : o.guidelines) guidelines[k] += n;
    for (const auto& [k, n] : o.plans) plans[k] += n;
  }
};

// The outcome and the guideline of each line, read from the determination itself.
void Count(const determination::Determination& d, const std::string& plan, Tally& t) {
  ++t.decided;
  ++t.outcomes[std::string(determination::OutcomeName(d.outcome))];
  ++t.plans[plan];
  for (const auto& line : d.lines)
    ++t.guidelines[line.guideline ? line.guideline->id : std::string("(none)")];
}

struct Mismatch {
  uint32_t seed;
  uint64_t index;
  std::string jit, interp;
};

// Every family's base case in the rules folder (`*.base.json`: all criteria met).
std::vector<cases::Case> LoadBaseCases(const std::string& dir, const FactDictionary& facts) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().string().ends_with(".base.json")) files.push_back(e.path());
  std::sort(files.begin(), files.end());  // the same cases in the same order on every machine
  std::vector<cases::Case> bases;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    auto r = cases::ReadCase(text.str(), facts);
    if (auto* c = std::get_if<cases::Case>(&r)) bases.push_back(std::move(*c));
  }
  return bases;
}

class Run {
 public:
  Run(const Options& o, const driver::Ruleset& jit, const driver::Ruleset& interp)
      : options_(o), jit_(jit), interp_(interp),
        bases_(LoadBaseCases(o.rules, jit.program().facts)) {}

  // Worker w decides cases w, w + T, w + 2T, ... of its own generator (seed + w).
  void Worker(int w) {
    Tally tally;
    uint32_t seed = options_.seed + static_cast<uint32_t>(w);
    CaseGenerator gen(jit_.program(), seed, bases_);
    uint64_t share = options_.cases / options_.threads + (w < static_cast<int>(options_.cases % options_.threads));
    for (uint64_t i = 0; i < share && !failed_.load(std::memory_order_relaxed); ++i) {
      cases::Case c = gen.Next();
      auto a = rules::Decide(jit_, c);
      auto b = rules::Decide(interp_, c);
      std::string ja = Render(a), jb = Render(b);
      if (ja != jb) {
        Fail({seed, i, std::move(ja), std::move(jb)});
        break;
      }
      if (a.index() == 0) Count(std::get<0>(a), c.health_plan, tally);
      else ++tally.input_errors;
    }
    std::lock_guard lock(mu_);
    total_.Merge(tally);
  }

  const Tally& total() const { return total_; }
  size_t base_cases() const { return bases_.size(); }
  const std::optional<Mismatch>& mismatch() const { return mismatch_; }

 private:
  static std::string Render(const rules::DecideResult& r) {
    if (r.index() == 0) return determination::ToJson(std::get<0>(r));
    return "input error: " + cases::FormatCaseError(std::get<1>(r));
  }
  void Fail(Mismatch m) {
    std::lock_guard lock(mu_);
    if (!mismatch_) mismatch_ = std::move(m);
    failed_ = true;
  }

  const Options& options_;
  const driver::Ruleset& jit_;
  const driver::Ruleset& interp_;
  const std::vector<cases::Case> bases_;
  std::atomic<bool> failed_{false};
  std::mutex mu_;
  Tally total_;
  std::optional<Mismatch> mismatch_;
};

std::unique_ptr<driver::Ruleset> Compile(const std::string& dir, driver::Backend backend,
                                         source::SourceManager& sources) {
  diag::DiagnosticEngine diags;
  auto rules = driver::Ruleset::Compile({dir}, {backend, {}}, sources, diags);
  if (!rules || diags.has_errors()) {
    fmt::print(stderr, "mskc_differential: the rules in {} do not compile\n", dir);
    std::exit(2);
  }
  return rules;
}

void PrintCounts(std::string_view title, const std::map<std::string, uint64_t>& counts) {
  fmt::print("  {}:", title);
  for (const auto& [k, n] : counts) fmt::print(" {} {}", k, n);
  fmt::print("\n");
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        fmt::print(stderr, "mskc_differential: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--cases") o.cases = std::strtoull(value(), nullptr, 10);
    else if (a == "--seed") o.seed = static_cast<uint32_t>(std::strtoul(value(), nullptr, 10));
    else if (a == "--threads") o.threads = std::max(1, std::atoi(value()));
    else if (a == "--rules") o.rules = value();
    else {
      fmt::print(stderr, "usage: mskc_differential [--cases N] [--seed S] [--threads T] [--rules DIR]\n");
      std::exit(2);
    }
  }
  return o;
}

}  // namespace
}  // namespace mskc::differential

int main(int argc, char** argv) {
  using namespace mskc;
  using namespace mskc::differential;
  Options options = ParseArgs(argc, argv);
  source::SourceManager s1, s2;
  auto jit = Compile(options.rules, driver::Backend::kJit, s1);
  auto interp = Compile(options.rules, driver::Backend::kInterpreter, s2);
  auto start = std::chrono::steady_clock::now();
  Run run(options, *jit, *interp);
  std::vector<std::thread> workers;
  for (int w = 0; w < options.threads; ++w) workers.emplace_back([&run, w] { run.Worker(w); });
  for (auto& t : workers) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (const auto& m = run.mismatch()) {
    fmt::print("MISMATCH: generator seed {} case {}\n--- jit\n{}\n--- interpreter\n{}\n", m->seed,
               m->index, m->jit, m->interp);
    return 1;
  }
  const Tally& t = run.total();
  fmt::print("mskc_differential: {} cases, seed {}, {} threads, {:.1f} s: JIT and interpreter agree\n",
             t.decided + t.input_errors, options.seed, options.threads, seconds);
  fmt::print("  decided {}, input errors {}, {} family base cases varied\n", t.decided,
             t.input_errors, run.base_cases());
  PrintCounts("outcomes", t.outcomes);
  PrintCounts("plans", t.plans);
  PrintCounts("lines by guideline", t.guidelines);
  // A generator that stops reaching the program's families or outcomes proves nothing.
  bool covered = t.outcomes.size() >= 4 && t.guidelines.size() > jit->program().guidelines.size();
  if (!covered) {
    fmt::print("mskc_differential: the generated cases missed outcomes or families\n");
    return 1;
  }
  return 0;
}
