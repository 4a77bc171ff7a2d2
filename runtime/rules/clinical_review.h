// Step 7 of the order of rules for one line of a managed family: evaluate the guideline version
// in effect (P7–P8), apply the soft launch (P9) and the site-of-care check (P11), give approved
// lines their window (P12) and collect the version's notes.
#pragma once
#include <vector>

#include "compiler/driver/ruleset.h"
#include "runtime/case/case.h"
#include "runtime/core/abi.h"
#include "runtime/core/business_calendar.h"
#include "runtime/core/plan.h"
#include "runtime/determination/determination.h"
#include "runtime/rules/decide.h"
#include "runtime/rules/scope.h"

namespace mskc::rules {

// Everything a line review reads besides the line itself; shared by the lines of one case.
struct ReviewContext {
  const driver::Ruleset& ruleset;
  const Plan& plan;
  const cases::Case& c;
  const BusinessCalendar& calendar;  // the plan's
  const abi::EvalContext& eval;
  Date dos;                          // effective date of service
  const DecideOptions& options;
};

struct LineReview {
  determination::LineResult line;
  std::vector<determination::Note> notes;  // soft-launch education and version notes, `line` set
};

// `frame` must already hold the line's `line.*` slots; `line_number` is 1-based.
LineReview ReviewLine(const ReviewContext& ctx, const uint8_t* frame, int line_number,
                      const ScopedLine& scoped);

}  // namespace mskc::rules
