// Compares a determination (or a refused case) with a test's expected parts, part by part, in
// the output spelling: what a failing test prints as `part: expected X / actual Y`.
#pragma once
#include <string>
#include <vector>

#include "runtime/case/case_reader.h"
#include "runtime/determination/determination.h"
#include "runtime/testing/test_file.h"

namespace mskc::testing {

struct Mismatch {
  std::string part;  // `outcome`, `line 1 criteria.severity`, `reason_codes` ...
  std::string expected;
  std::string actual;
  // Labels of the two sides (backend comparisons say `jit` / `interp`).
  std::string expected_label = "expected";
  std::string actual_label = "actual";
};

// `part: expected X / actual Y`.
std::string FormatMismatch(const Mismatch& m);

// Every expected part that the determination does not have; empty when the test passes.
std::vector<Mismatch> Match(const Expectation& expect, const determination::Determination& d);

// For a case the runtime refused: passes only when the test expects that refusal's path.
std::vector<Mismatch> MatchRefusal(const Expectation& expect, const cases::CaseError& error);

// A list rendered as `[a, b]` (also used for sets, which are sorted first by the caller).
std::string RenderList(const std::vector<std::string>& items);

}  // namespace mskc::testing
