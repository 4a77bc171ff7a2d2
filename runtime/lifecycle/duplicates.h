// S4 duplicates, compared per line: same member, same code, overlapping lateralities
// (`bilateral` and `none` overlap every side) and overlapping windows, against the lines of
// active cases (In Progress: lines awaiting review or approved, by the window they would get;
// Authorized and Multiple Decisions Rendered: their approved lines).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "runtime/lifecycle/case_record.h"

namespace mskc::lifecycle {

// A line of a case already on file for the same member.
struct FiledLine {
  int64_t order_number = 0;
  CaseStatus status = CaseStatus::kInProgress;
  LineRecord line;
};

bool LateralitiesOverlap(cases::Laterality a, cases::Laterality b);

// Whether a line takes part in duplicate checks: on a new request, lines that are approved or
// await review; on file, the same lines of In Progress, Authorized and MDR cases.
bool ComparesForDuplicates(const LineRecord& line);
bool IsActiveForDuplicates(CaseStatus status);

// The order number of the first filed case that a line of `candidate` duplicates, if any.
std::optional<int64_t> FindDuplicate(const std::vector<LineRecord>& candidate,
                                     const std::vector<FiledLine>& filed);

}  // namespace mskc::lifecycle
