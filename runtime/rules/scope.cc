#include "runtime/rules/scope.h"

#include <algorithm>

namespace mskc::rules {

bool PlanManages(const Plan& plan, const ir::Guideline& guideline) {
  if (plan.manages_all) return true;
  return std::find(plan.families.begin(), plan.families.end(), guideline.id) !=
         plan.families.end();
}

bool BeforeProgramStart(const Plan& plan, Date dos) {
  return plan.program_start.has_value() && dos < *plan.program_start;
}

ScopedLine ScopeLine(const ir::Program& program, const Plan& plan, std::string_view code,
                     Date dos) {
  ScopedLine out;
  const ir::Guideline* g = program.GuidelineForCode(code);
  if (g != nullptr && PlanManages(plan, *g)) {
    if (const ir::Version* v = g->VersionFor(dos)) {
      out.scope = LineScope::kGuideline;
      out.guideline = g;
      out.version = v;
      return out;
    }
    out.scope = LineScope::kManualReview;
    return out;
  }
  if (plan.manual_review_codes.Contains(code)) out.scope = LineScope::kManualReview;
  return out;
}

}  // namespace mskc::rules
