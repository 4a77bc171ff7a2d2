// P3 notification only: CPT 62320/62322 with a chronic-pain diagnosis G89.11, G89.12 or G89.18
// anywhere on the case is recorded, not reviewed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mskc::rules {

bool IsNotificationOnly(std::string_view code, const std::vector<std::string>& diagnoses);

}  // namespace mskc::rules
