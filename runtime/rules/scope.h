// P1 managed procedures and the plan's program start: which lines the program reviews, and how.
#pragma once
#include <string_view>

#include "compiler/lower/rule_ir.h"
#include "runtime/core/date.h"
#include "runtime/core/plan.h"

namespace mskc::rules {

enum class LineScope : uint8_t {
  kGuideline,     // a shipped family the plan manages, with a version in effect: clinical review
  kManualReview,  // in the program's scope without an automated guideline: pended for a nurse
  kNotManaged,    // outside the program for this plan
};

struct ScopedLine {
  LineScope scope = LineScope::kNotManaged;
  const ir::Guideline* guideline = nullptr;  // kGuideline only
  const ir::Version* version = nullptr;      // kGuideline only
};

bool PlanManages(const Plan& plan, const ir::Guideline& guideline);

// Dates of service before the plan's program start make every line NOT_MANAGED (step 3).
bool BeforeProgramStart(const Plan& plan, Date dos);

// The scope of one procedure code on the (effective) date of service. A managed family whose
// explicit `until` dates leave `dos` uncovered has no automated guideline that day: manual review.
ScopedLine ScopeLine(const ir::Program& program, const Plan& plan, std::string_view code, Date dos);

}  // namespace mskc::rules
