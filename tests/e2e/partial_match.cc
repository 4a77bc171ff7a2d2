#include "tests/e2e/partial_match.h"

namespace mskc::e2e {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kAbsent = "$absent";
constexpr const char* kContains = "$contains";

std::string Join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

bool IsContainsMarker(const json& expected) {
  return expected.is_object() && expected.size() == 1 && expected.contains(kContains);
}

void Mismatch(const std::string& path, const json& expected, const json& actual,
              std::vector<std::string>& out) {
  out.push_back((path.empty() ? std::string("(document)") : path) + ": expected " +
                expected.dump() + ", found " + actual.dump());
}

void Match(const json& expected, const json& actual, const std::string& path,
           std::vector<std::string>& out);

void MatchContains(const json& expected, const json& actual, const std::string& path,
                   std::vector<std::string>& out) {
  if (!actual.is_string()) return Mismatch(path, expected, actual, out);
  const std::string& text = actual.get_ref<const std::string&>();
  for (const json& part : expected.at(kContains)) {
    if (!part.is_string() || text.find(part.get<std::string>()) == std::string::npos) {
      return Mismatch(path, expected, actual, out);
    }
  }
}

void MatchObject(const json& expected, const json& actual, const std::string& path,
                 std::vector<std::string>& out) {
  if (!actual.is_object()) return Mismatch(path, expected, actual, out);
  for (const auto& [key, value] : expected.items()) {
    std::string sub = Join(path, key);
    bool absent_wanted = value.is_string() && value.get<std::string>() == kAbsent;
    auto it = actual.find(key);
    if (absent_wanted) {
      if (it != actual.end()) out.push_back(sub + ": expected no such key, found " + it->dump());
      continue;
    }
    if (it == actual.end()) {
      out.push_back(sub + ": expected " + value.dump() + ", found no such key");
      continue;
    }
    Match(value, *it, sub, out);
  }
}

void MatchArray(const json& expected, const json& actual, const std::string& path,
                std::vector<std::string>& out) {
  if (!actual.is_array() || actual.size() != expected.size()) {
    return Mismatch(path, expected, actual, out);
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    Match(expected[i], actual[i], path + "[" + std::to_string(i) + "]", out);
  }
}

void Match(const json& expected, const json& actual, const std::string& path,
           std::vector<std::string>& out) {
  if (IsContainsMarker(expected)) return MatchContains(expected, actual, path, out);
  if (expected.is_object()) return MatchObject(expected, actual, path, out);
  if (expected.is_array()) return MatchArray(expected, actual, path, out);
  // Numbers compare by value (1 == 1.0); everything else by type and value.
  if (expected.is_number() && actual.is_number()) {
    if (expected.get<double>() != actual.get<double>()) Mismatch(path, expected, actual, out);
    return;
  }
  if (expected != actual) Mismatch(path, expected, actual, out);
}

}  // namespace

bool PartialMatch(const json& expected, const json& actual, std::vector<std::string>& mismatches) {
  size_t before = mismatches.size();
  Match(expected, actual, "", mismatches);
  return mismatches.size() == before;
}

}  // namespace mskc::e2e
