// P2 emergency presentations.
#include "runtime/rules/case_level.h"

namespace mskc::rules {

bool EmergencyExempt(const cases::Case& c) { return c.emergency; }

}  // namespace mskc::rules
