#include "runtime/rules/smoking.h"

#include <variant>

namespace mskc::rules {

bool IsSmoker(const cases::Case& c) {
  auto it = c.clinical.find("smoker");
  if (it == c.clinical.end()) return false;
  const bool* value = std::get_if<bool>(&it->second);
  return value != nullptr && *value;
}

}  // namespace mskc::rules
