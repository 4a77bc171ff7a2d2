// The runtime's entry point: applies the program rules (program-rules.md, "Order of rules") to one
// decoded case with a compiled rule set, producing its determination.
#pragma once
#include <variant>

#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"
#include "runtime/case/case.h"
#include "runtime/case/case_reader.h"
#include "runtime/determination/determination.h"

namespace mskc::rules {

struct DecideOptions {
  // Adds per-criterion traces (facts read, deciding sub-expression) to the determination.
  bool trace = false;
  // The rule set's sources, for the text of deciding sub-expressions; may be null (then the
  // trace's `decided_by` is empty).
  const source::SourceManager* sources = nullptr;
};

// A determination, or why the case is bad input (exit 2): an unknown `health_plan`, or
// `performed_on` after `submitted_on`. Same error shape as the case reader's.
using DecideResult = std::variant<determination::Determination, cases::CaseError>;

// Pure and thread-safe for a shared ruleset: every call builds its own frame.
DecideResult Decide(const driver::Ruleset& ruleset, const cases::Case& c,
                    const DecideOptions& options = {});

}  // namespace mskc::rules
