#include "runtime/lifecycle/duplicates.h"

namespace mskc::lifecycle {

bool LateralitiesOverlap(cases::Laterality a, cases::Laterality b) {
  using cases::Laterality;
  if (a == Laterality::kBilateral || a == Laterality::kNone) return true;
  if (b == Laterality::kBilateral || b == Laterality::kNone) return true;
  return a == b;
}

bool ComparesForDuplicates(const LineRecord& line) {
  return line.state == LineState::kApproved || IsAwaiting(line.state);
}

bool IsActiveForDuplicates(CaseStatus status) {
  return status == CaseStatus::kInProgress || status == CaseStatus::kAuthorized ||
         status == CaseStatus::kMultipleDecisionsRendered;
}

std::optional<int64_t> FindDuplicate(const std::vector<LineRecord>& candidate,
                                     const std::vector<FiledLine>& filed) {
  for (const LineRecord& line : candidate) {
    if (!ComparesForDuplicates(line) || !line.window_from || !line.window_to) continue;
    for (const FiledLine& f : filed) {
      if (!IsActiveForDuplicates(f.status) || !ComparesForDuplicates(f.line)) continue;
      if (f.line.code != line.code || !f.line.window_from || !f.line.window_to) continue;
      if (!LateralitiesOverlap(line.laterality, f.line.laterality)) continue;
      if (*line.window_from <= *f.line.window_to && *f.line.window_from <= *line.window_to)
        return f.order_number;
    }
  }
  return std::nullopt;
}

}  // namespace mskc::lifecycle
