#include "runtime/rules/notification.h"

#include <algorithm>
#include <array>

namespace mskc::rules {
namespace {

constexpr std::array<std::string_view, 2> kCodes = {"62320", "62322"};
constexpr std::array<std::string_view, 3> kDiagnoses = {"G89.11", "G89.12", "G89.18"};

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

}  // namespace

bool IsNotificationOnly(std::string_view code, const std::vector<std::string>& diagnoses) {
  if (!In(kCodes, code)) return false;
  return std::any_of(diagnoses.begin(), diagnoses.end(),
                     [](const std::string& d) { return In(kDiagnoses, d); });
}

}  // namespace mskc::rules
