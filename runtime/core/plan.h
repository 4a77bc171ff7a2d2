// A health plan's configuration, written as data beside the guidelines (`plan` declarations in
// .msk files) and compiled into this struct: which families it manages from which date, its soft
// launch, goal lengths of stay, site-of-care list, pend deadline, state overrides and closures.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runtime/core/code_set.h"
#include "runtime/core/date.h"
#include "runtime/core/family_kind.h"

namespace mskc {

// A state law's minimum validity window, in calendar days, for a setting and/or family kind.
struct StateOverride {
  std::string state;                      // two letters, e.g. "PA"
  std::optional<std::string> setting;     // "outpatient" / "inpatient"; absent = any
  std::optional<FamilyKind> kind;         // absent = any
  int min_days = 0;
};

struct Plan {
  std::string code;                        // "IBX"
  std::string name;
  // Families managed and from which date of service (absent date = every date of service).
  // An empty `families` list with `manages_all` true means every shipped family.
  bool manages_all = true;
  std::vector<std::string> families;       // guideline ids when !manages_all
  std::optional<Date> program_start;       // dates of service before it: every line NOT_MANAGED
  // Soft launch: window (inclusive) and the family kinds it covers.
  std::optional<Date> soft_launch_from, soft_launch_to;
  std::vector<FamilyKind> soft_launch_kinds;
  // Goal lengths of stay in days per guideline id, and the default for others.
  std::map<std::string, int> goal_los_days;
  int default_goal_los_days = 1;
  CodeSet site_of_care_codes;              // P11 list
  CodeSet manual_review_codes;             // P1 scope without an automated guideline
  int pend_deadline_days = 14;             // S5, non-urgent
  std::vector<StateOverride> state_overrides;
  std::vector<Date> closure_dates;         // extra non-business days

  int GoalLosDays(const std::string& guideline_id) const {
    auto it = goal_los_days.find(guideline_id);
    return it == goal_los_days.end() ? default_goal_los_days : it->second;
  }
};

}  // namespace mskc
