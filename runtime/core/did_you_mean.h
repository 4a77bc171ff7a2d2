// "did you mean `pain_score`?": the closest candidate within an edit-distance budget of
// max(1, length / 3). One rule for compiler diagnostics and case warnings alike.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mskc {

size_t EditDistance(std::string_view a, std::string_view b);
std::optional<std::string> ClosestMatch(std::string_view name,
                                        const std::vector<std::string_view>& candidates);
std::optional<std::string> ClosestMatch(std::string_view name,
                                        const std::vector<std::string>& candidates);

}  // namespace mskc
