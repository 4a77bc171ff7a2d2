// The rules a case was evaluated with, kept in the store (program rules, "Snapshot"): the text of
// every `.msk` file the compiler loaded, so `update` re-evaluates with the plan and guideline
// versions in force at submit, whatever the library says later.
#pragma once
#include <memory>
#include <string>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"

namespace mskc::store {

struct RulesSnapshot {
  std::string files;   // JSON: [{"path": "rules/ipm/epidural.msk", "text": "..."}, ...], sorted
  std::string digest;  // of `files`: equal snapshots share one row
};

// Every file in `sources`, named relative to the rules folder (`rules/…`) or the library folder
// that imports were resolved in (`library/…`).
RulesSnapshot CaptureSnapshot(const source::SourceManager& sources, const std::string& rules_dir,
                              const std::string& library_dir);

// Compiles a snapshot again (written to a temporary folder, removed afterwards). Null when it
// no longer compiles (diagnostics in `diags`) or cannot be written.
std::unique_ptr<driver::Ruleset> CompileSnapshot(const std::string& files, driver::Backend backend,
                                                 source::SourceManager& sources,
                                                 diag::DiagnosticEngine& diags);

}  // namespace mskc::store
