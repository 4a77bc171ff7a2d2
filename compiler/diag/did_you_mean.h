// "did you mean `pain_score`?": the closest candidate within an edit-distance budget.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mskc::diag {

size_t EditDistance(std::string_view a, std::string_view b);
// The candidate closest to `name`, if its distance is at most max(1, name.size() / 3).
std::optional<std::string> ClosestMatch(std::string_view name,
                                        const std::vector<std::string>& candidates);

}  // namespace mskc::diag
