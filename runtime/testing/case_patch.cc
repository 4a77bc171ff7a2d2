#include "runtime/testing/case_patch.h"

#include <charconv>

namespace mskc::testing {
namespace {

std::string Quote(std::string_view path) { return "`" + std::string(path) + "`"; }

// The text of `path` up to and including step `n` (for messages about an intermediate value).
std::string Prefix(const std::vector<PathStep>& steps, size_t n) {
  std::string out;
  for (size_t i = 0; i <= n && i < steps.size(); ++i) {
    if (steps[i].is_index) {
      out += "[" + std::to_string(steps[i].index) + "]";
    } else {
      if (!out.empty()) out += ".";
      out += steps[i].key;
    }
  }
  return out;
}

std::string Items(size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

}  // namespace

std::string_view KindName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "a list";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "a value";
  }
}

std::variant<std::vector<PathStep>, std::string> ParsePath(std::string_view path) {
  std::vector<PathStep> steps;
  if (path.empty()) return std::string("empty path");
  size_t i = 0;
  bool expect_key = true;  // at the start and after a dot
  while (i < path.size()) {
    char c = path[i];
    if (c == '[') {
      if (steps.empty()) return "path " + Quote(path) + " starts with an index";
      size_t close = path.find(']', i);
      if (close == std::string_view::npos) return "path " + Quote(path) + " has an unclosed `[`";
      std::string_view digits = path.substr(i + 1, close - i - 1);
      PathStep step;
      step.is_index = true;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), step.index);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
        return "path " + Quote(path) + ": expected a list index, found `[" + std::string(digits) +
               "]`";
      steps.push_back(step);
      i = close + 1;
      expect_key = false;
      continue;
    }
    if (c == '.') {
      if (expect_key) return "path " + Quote(path) + " has an empty key";
      expect_key = true;
      ++i;
      continue;
    }
    if (c == ']') return "path " + Quote(path) + " has a `]` without `[`";
    if (!expect_key) return "path " + Quote(path) + ": expected `.` or `[` after `]`";
    size_t end = path.find_first_of(".[]", i);
    if (end == std::string_view::npos) end = path.size();
    PathStep step;
    step.key = std::string(path.substr(i, end - i));
    steps.push_back(std::move(step));
    i = end;
    expect_key = false;
  }
  if (expect_key) return "path " + Quote(path) + " has an empty key";
  return steps;
}

std::optional<std::string> SetPath(Json& doc, std::string_view path, Json value) {
  auto parsed = ParsePath(path);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  const auto& steps = std::get<std::vector<PathStep>>(parsed);
  Json* at = &doc;
  for (size_t n = 0; n < steps.size(); ++n) {
    const PathStep& step = steps[n];
    std::string where = n == 0 ? "the case" : Quote(Prefix(steps, n - 1));
    if (step.is_index) {
      if (at->is_null() && step.index == 0) *at = Json::array();
      if (!at->is_array())
        return "cannot set " + Quote(path) + ": " + where + " is " + std::string(KindName(*at)) +
               ", not a list";
      if (step.index > at->size())
        return "cannot set " + Quote(path) + ": index " + std::to_string(step.index) +
               " is out of range (" + where + " has " + Items(at->size()) + ")";
      if (step.index == at->size()) at->push_back(nullptr);
      at = &(*at)[step.index];
    } else {
      if (at->is_null()) *at = Json::object();
      if (!at->is_object())
        return "cannot set " + Quote(path) + ": " + where + " is " + std::string(KindName(*at)) +
               ", not an object";
      at = &(*at)[step.key];
    }
  }
  *at = std::move(value);
  return std::nullopt;
}

std::optional<std::string> UnsetPath(Json& doc, std::string_view path) {
  auto parsed = ParsePath(path);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  const auto& steps = std::get<std::vector<PathStep>>(parsed);
  Json* at = &doc;
  for (size_t n = 0; n < steps.size(); ++n) {
    const PathStep& step = steps[n];
    bool last = n + 1 == steps.size();
    if (step.is_index) {
      if (!at->is_array() || step.index >= at->size())
        return "cannot unset " + Quote(path) + ": the case has no " + Quote(Prefix(steps, n));
      if (last) {
        at->erase(step.index);
        return std::nullopt;
      }
      at = &(*at)[step.index];
    } else {
      if (!at->is_object() || !at->contains(step.key))
        return "cannot unset " + Quote(path) + ": the case has no " + Quote(Prefix(steps, n));
      if (last) {
        at->erase(step.key);
        return std::nullopt;
      }
      at = &(*at)[step.key];
    }
  }
  return std::nullopt;
}

}  // namespace mskc::testing
