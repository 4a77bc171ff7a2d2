// Shared pieces of the libFuzzer targets: the shipped library compiled once per process with the
// interpreter backend (fast to build, and the reference semantics), and a per-process temporary
// folder that is removed at exit.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/diag/renderer.h"
#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"

namespace mskc::fuzz {

struct ShippedRules {
  std::unique_ptr<source::SourceManager> sources;
  std::unique_ptr<driver::Ruleset> ruleset;
};

// Compiled on first use; aborts when the shipped library does not compile (then nothing can be
// fuzzed meaningfully, and the normal test suites already say why).
inline const ShippedRules& Shipped() {
  static const ShippedRules rules = [] {
    ShippedRules r;
    r.sources = std::make_unique<source::SourceManager>();
    diag::DiagnosticEngine diags;
    driver::CompileOptions options;
    options.backend = driver::Backend::kInterpreter;
    r.ruleset = driver::Ruleset::Compile({driver::DefaultRulesDir()}, options, *r.sources, diags);
    if (!r.ruleset) {
      fprintf(stderr, "%s\nfuzz: the shipped library does not compile\n",
              diag::RenderAll(diags, *r.sources).c_str());
      std::abort();
    }
    return r;
  }();
  return rules;
}

// A fresh folder under the system temp folder for this process, removed when the process exits
// normally (a crash leaves it for inspection).
class ProcessTempDir {
 public:
  ProcessTempDir() {
    namespace fs = std::filesystem;
    path_ = (fs::temp_directory_path() / ("mskc-fuzz-" + std::to_string(getpid()))).string();
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ProcessTempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace mskc::fuzz
