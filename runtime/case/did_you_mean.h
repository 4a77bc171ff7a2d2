// "did you mean `pain_score`?" for clinical keys and vocabulary entries: the closest known name
// within an edit-distance budget of max(1, length / 3), as the compiler's diagnostics do.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mskc::cases::internal {

size_t EditDistance(std::string_view a, std::string_view b);
std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string_view>& candidates);

}  // namespace mskc::cases::internal
