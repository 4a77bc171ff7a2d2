#include "runtime/case/json_checker.h"
#include "runtime/core/limits.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace mskc::cases::internal {

std::string Path::Render() const {
  std::string out = parent ? parent->Render() : std::string();
  if (index >= 0) {
    out += "[" + std::to_string(index) + "]";
  } else if (!key.empty()) {
    if (!out.empty()) out += ".";
    out += key;
  }
  return out;
}

std::string Quote(std::string_view text) {
  constexpr size_t kMaxShown = limits::kMaxQuotedChars;
  bool shortened = text.size() > kMaxShown;
  if (shortened) {
    text = text.substr(0, kMaxShown);
    // Do not cut a UTF-8 sequence in half.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
      text.remove_suffix(1);
    }
    if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.remove_suffix(1);
  }
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += shortened ? "...\"" : "\"";
  return out;
}

std::string FormatNumber(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return res.ec == std::errc() ? std::string(buf, res.ptr) : std::to_string(v);
}

std::string Describe(const element& e) {
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
  std::string_view s;
  bool b = false;
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY:
      return "a list";
    case simdjson::dom::element_type::OBJECT:
      return "an object";
    case simdjson::dom::element_type::INT64:
      if (e.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
      break;
    case simdjson::dom::element_type::UINT64:
      if (e.get_uint64().get(u) == simdjson::SUCCESS) return std::to_string(u);
      break;
    case simdjson::dom::element_type::DOUBLE:
      if (e.get_double().get(d) == simdjson::SUCCESS) return FormatNumber(d);
      break;
    case simdjson::dom::element_type::STRING:
      if (e.get_string().get(s) == simdjson::SUCCESS) return Quote(s);
      break;
    case simdjson::dom::element_type::BOOL:
      if (e.get_bool().get(b) == simdjson::SUCCESS) return b ? "true" : "false";
      break;
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

bool Lookup(const object& obj, std::string_view key, element* out) {
  element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) return false;
  if (e.is_null()) return false;
  *out = e;
  return true;
}

bool Checker::Fail(const Path& path, std::string message) {
  if (!error_) error_ = CaseError{path.Render(), std::move(message)};
  return false;
}

bool Checker::Expected(const Path& path, std::string_view what, const element& found) {
  return Fail(path, "expected " + std::string(what) + ", found " + Describe(found));
}

bool Checker::Require(const object& obj, std::string_view key, const Path& obj_path, element* out) {
  if (Lookup(obj, key, out)) return true;
  return Missing(obj_path.Field(key));
}

bool Checker::Object(const element& e, const Path& path, object* out) {
  if (e.get_object().get(*out) == simdjson::SUCCESS) return true;
  return Expected(path, "an object", e);
}

bool Checker::Array(const element& e, const Path& path, array* out) {
  if (e.get_array().get(*out) == simdjson::SUCCESS) return true;
  return Expected(path, "a list", e);
}

bool Checker::StringView(const element& e, const Path& path, std::string_view* out) {
  if (e.get_string().get(*out) == simdjson::SUCCESS) return true;
  return Expected(path, "a string", e);
}

bool Checker::String(const element& e, const Path& path, std::string* out) {
  std::string_view v;
  if (!StringView(e, path, &v)) return false;
  out->assign(v);
  return true;
}

bool Checker::Bool(const element& e, const Path& path, bool* out) {
  if (e.get_bool().get(*out) == simdjson::SUCCESS) return true;
  return Expected(path, "true or false", e);
}

namespace {

std::string RangeText(std::string_view noun, std::optional<double> min, std::optional<double> max) {
  std::string out(noun);
  if (min && max) return out + " from " + FormatNumber(*min) + " to " + FormatNumber(*max);
  if (min) return out + " of at least " + FormatNumber(*min);
  if (max) return out + " of at most " + FormatNumber(*max);
  return out;
}

}  // namespace

bool Checker::Number(const element& e, const Path& path, std::optional<double> min,
                     std::optional<double> max, double* out) {
  double v = 0;
  if (!e.is_number() || e.get_double().get(v) != simdjson::SUCCESS || !std::isfinite(v)) {
    return Expected(path, RangeText("a number", min, max), e);
  }
  if ((min && v < *min) || (max && v > *max)) {
    return Expected(path, RangeText("a number", min, max), e);
  }
  *out = v;
  return true;
}

bool Checker::WholeNumber(const element& e, const Path& path, int64_t min, int64_t max,
                          int64_t* out) {
  std::optional<double> lo = static_cast<double>(min), hi = static_cast<double>(max);
  std::string what = RangeText("a whole number", lo, hi);
  // A bound at the type's limit is not worth saying.
  if (max >= std::numeric_limits<int32_t>::max())
    what = RangeText("a whole number", lo, std::nullopt);
  double v = 0;
  if (!e.is_number() || e.get_double().get(v) != simdjson::SUCCESS || !std::isfinite(v) ||
      v != std::trunc(v) || v < static_cast<double>(min) || v > static_cast<double>(max)) {
    return Expected(path, what, e);
  }
  *out = static_cast<int64_t>(v);
  return true;
}

bool Checker::DateValue(const element& e, const Path& path, Date* out) {
  std::string_view text;
  if (e.get_string().get(text) == simdjson::SUCCESS) {
    if (auto d = Date::Parse(text)) {
      *out = *d;
      return true;
    }
  }
  return Expected(path, "a date YYYY-MM-DD", e);
}

bool Checker::OneOf(const element& e, const Path& path, std::span<const std::string_view> names,
                    size_t* index) {
  std::string_view text;
  if (e.get_string().get(text) == simdjson::SUCCESS) {
    auto it = std::find(names.begin(), names.end(), text);
    if (it != names.end()) {
      *index = static_cast<size_t>(it - names.begin());
      return true;
    }
  }
  std::string what = "one of ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) what += ", ";
    what += "`" + std::string(names[i]) + "`";
  }
  return Expected(path, what, e);
}

namespace {
bool IsDigitOrCapital(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }
}  // namespace

bool IsProcedureCode(std::string_view code) {
  return code.size() == 5 && std::all_of(code.begin(), code.end(), IsDigitOrCapital);
}

bool IsDiagnosisCode(std::string_view code) {
  if (code.size() < 3 || code[0] < 'A' || code[0] > 'Z') return false;
  if (!IsDigitOrCapital(code[1]) || !IsDigitOrCapital(code[2])) return false;
  if (code.size() == 3) return true;
  std::string_view rest = code.substr(4);
  return code[3] == '.' && !rest.empty() && rest.size() <= 4 &&
         std::all_of(rest.begin(), rest.end(), IsDigitOrCapital);
}

bool IsUsStateCode(std::string_view code) {
  static constexpr std::array<std::string_view, 56> kStates = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
      "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
      "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
      "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP"};
  return std::find(kStates.begin(), kStates.end(), code) != kStates.end();
}

}  // namespace mskc::cases::internal
