#include "runtime/testing/yaml_read.h"

#include <charconv>
#include <set>

#include "runtime/core/date.h"
#include "runtime/core/did_you_mean.h"
#include "runtime/testing/test_file.h"

namespace mskc::testing::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// YAML 1.2 core schema: [-+]?[0-9]+
bool LooksInteger(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

// YAML 1.2 core schema: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool LooksDecimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void Fail(const YAML::Node& at, std::string message) {
  throw ReadError{LineOf(at), ColumnOf(at), std::move(message)};
}

int LineOf(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  int line = node.Mark().line;
  return line < 0 ? 0 : line + 1;
}

int ColumnOf(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  int column = node.Mark().column;
  return column < 0 ? 0 : column + 1;
}

std::string Found(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return "`" + node.Scalar() + "`";
}

Json ScalarToJson(const YAML::Node& node) {
  if (node.IsNull()) return nullptr;
  const std::string& s = node.Scalar();
  if (node.Tag() != "?") return s;  // quoted or explicitly tagged: a string as written
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  std::string_view digits = s;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  if (LooksInteger(s)) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc() && end == digits.data() + digits.size()) return value;
  }
  if (LooksDecimal(s)) {
    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc() && end == digits.data() + digits.size()) return value;
  }
  return s;
}

namespace {

// Aliases share nodes, so a few lines of YAML can expand to billions of values ("billion
// laughs"); a value larger than any case is refused instead of expanded.
constexpr size_t kMaxValueNodes = 100000;
// An alias inside its own anchor makes a cycle; cases are a few levels deep.
constexpr int kMaxValueDepth = 64;

Json ToJsonWithin(const YAML::Node& node, size_t& budget, int depth) {
  if (budget == 0) Fail(node, "the value is too large (more than 100000 items, aliases expanded)");
  if (depth > kMaxValueDepth) Fail(node, "the value is nested too deeply");
  --budget;
  if (node.IsMap()) {
    Json out = Json::object();
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar()) Fail(it->first, "expected a key, found " + Found(it->first));
      std::string key = it->first.Scalar();
      if (out.contains(key)) Fail(it->first, "duplicate key `" + key + "`");
      out[key] = ToJsonWithin(it->second, budget, depth + 1);
    }
    return out;
  }
  if (node.IsSequence()) {
    Json out = Json::array();
    for (const auto& item : node) out.push_back(ToJsonWithin(item, budget, depth + 1));
    return out;
  }
  return ScalarToJson(node);
}

}  // namespace

Json ToJson(const YAML::Node& node) {
  size_t budget = kMaxValueNodes;
  return ToJsonWithin(node, budget, 0);
}

std::string ReadString(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar())
    Fail(node, "`" + std::string(what) + "`: expected text, found " + Found(node));
  return node.Scalar();
}

int ReadPositiveInt(const YAML::Node& node, std::string_view what) {
  Json value = node.IsScalar() ? ScalarToJson(node) : Json();
  if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 1000000)
    Fail(node, "`" + std::string(what) + "`: expected a whole number from 1, found " + Found(node));
  return static_cast<int>(value.get<int64_t>());
}

std::vector<std::string> ReadStringList(const YAML::Node& node, std::string_view what) {
  if (!node.IsSequence())
    Fail(node, "`" + std::string(what) + "`: expected a list, found " + Found(node));
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(ReadString(item, what));
  return out;
}

std::string ReadChoice(const YAML::Node& node, std::string_view what,
                       const std::vector<std::string>& allowed) {
  std::string value = ReadString(node, what);
  for (const auto& a : allowed)
    if (a == value) return value;
  std::string message = "`" + std::string(what) + "`: expected one of " + JoinNames(allowed) +
                        "; found `" + value + "`";
  if (auto close = ClosestMatch(value, allowed)) message += "; did you mean `" + *close + "`?";
  Fail(node, std::move(message));
}

std::string ReadDateOrAbsent(const YAML::Node& node, std::string_view what) {
  if (node.IsNull() || (node.IsScalar() && ScalarToJson(node).is_null())) return kAbsent;
  std::string text = ReadString(node, what);
  if (!Date::Parse(text))
    Fail(node,
         "`" + std::string(what) + "`: expected a date YYYY-MM-DD or null, found `" + text + "`");
  return text;
}

void RequireMap(const YAML::Node& node, std::string_view what) {
  if (!node.IsMap()) Fail(node, std::string(what) + ": expected a map, found " + Found(node));
}

void CheckKeys(const YAML::Node& node, std::string_view what,
               std::initializer_list<std::string_view> allowed) {
  RequireMap(node, what);
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) Fail(it->first, "expected a key, found " + Found(it->first));
    std::string key = it->first.Scalar();
    if (!seen.insert(key).second) Fail(it->first, "duplicate key `" + key + "`");
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (known) continue;
    std::vector<std::string_view> candidates(allowed.begin(), allowed.end());
    std::string message = "unknown key `" + key + "` in " + std::string(what);
    if (auto close = ClosestMatch(key, candidates)) message += "; did you mean `" + *close + "`?";
    Fail(it->first, std::move(message));
  }
}

}  // namespace mskc::testing::internal
