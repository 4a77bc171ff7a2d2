#include "runtime/rules/soft_launch.h"

#include <algorithm>

namespace mskc::rules {

bool SoftLaunchCovers(const Plan& plan, Date dos, FamilyKind kind) {
  if (!plan.soft_launch_from && !plan.soft_launch_to) return false;
  if (plan.soft_launch_from && dos < *plan.soft_launch_from) return false;
  if (plan.soft_launch_to && dos > *plan.soft_launch_to) return false;
  return std::find(plan.soft_launch_kinds.begin(), plan.soft_launch_kinds.end(), kind) !=
         plan.soft_launch_kinds.end();
}

}  // namespace mskc::rules
