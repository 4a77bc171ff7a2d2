#include "tools/mskc/repl/case_document.h"

#include <algorithm>
#include <cctype>

namespace mskc::tool::repl {
namespace {



bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// Fields whose values are strings even when they look like numbers or booleans (`64483`).
bool IsStringField(std::string_view key) {
  static const char* const kKeys[] = {
      "case_id", "health_plan", "line_of_business", "state", "submitted_on", "date_of_service",
      "performed_on", "setting", "site_of_care", "code", "level", "laterality", "id", "birth_date",
      "sex", "npi", "role", "date",
  };
  return std::any_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; });
}

// Fields holding lists of strings: `set diagnoses M54.16 G89.11` makes a list of both.
bool IsStringListField(std::string_view key) {
  return key == "diagnoses" || key == "modifiers" || key == "site_of_care_reasons";
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Bare words separated by spaces or commas.
Json Words(std::string_view text) {
  Json list = Json::array();
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      if (!word.empty()) list.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) list.push_back(word);
  return list;
}

}  // namespace

std::optional<std::vector<PathStep>> ParsePath(std::string_view text, std::string* error) {
  std::vector<PathStep> path;
  size_t i = 0;
  auto fail = [&](const std::string& message) {
    *error = "bad path '" + std::string(text) + "': " + message;
    return std::nullopt;
  };
  if (text.empty()) return fail("expected a name");
  while (i < text.size()) {
    if (text[i] == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos) return fail("missing ']'");
      std::string_view digits = text.substr(i + 1, close - i - 1);
      if (digits.empty() || digits.size() > 6 ||
          !std::all_of(digits.begin(), digits.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return fail("expected a list index such as [0]");
      if (path.empty()) return fail("an index needs a list name before it");
      path.push_back(PathStep{"", static_cast<size_t>(std::stoul(std::string(digits)))});
      i = close + 1;
      if (i < text.size() && text[i] != '.' && text[i] != '[') return fail("expected '.' after ']'");
      if (i < text.size() && text[i] == '.') ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && IsNameChar(text[i])) ++i;
    if (i == start) return fail("unexpected '" + std::string(1, text[i]) + "'");
    path.push_back(PathStep{std::string(text.substr(start, i - start)), std::nullopt});
    if (i < text.size() && text[i] == '.') {
      ++i;
      if (i == text.size()) return fail("expected a name after '.'");
    } else if (i < text.size() && text[i] != '[') {
      return fail("unexpected '" + std::string(1, text[i]) + "'");
    }
  }
  return path;
}

std::string FormatPath(const std::vector<PathStep>& path) {
  std::string out;
  for (const PathStep& step : path) {
    if (step.index) {
      out += "[" + std::to_string(*step.index) + "]";
    } else {
      if (!out.empty()) out += ".";
      out += step.key;
    }
  }
  return out;
}

const std::vector<std::string>& EnvelopeFields() {
  static const std::vector<std::string> kFields = {
      "case_id", "health_plan", "line_of_business", "state", "submitted_on", "date_of_service",
      "performed_on", "urgent", "emergency", "setting", "site_of_care", "site_of_care_reasons",
      "requested_los_days", "procedures", "diagnoses", "member", "ordering_provider",
      "servicing_facility", "clinical", "history",
  };
  return kFields;
}

Json ParseValue(std::string_view raw, std::string_view key, const FactInfo* fact) {
  std::string text = Trim(raw);
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  const bool is_json = !parsed.is_discarded();
  const bool list_field =
      IsStringListField(key) || (fact != nullptr && fact->type == FactType::kEnumList);
  if (list_field) {
    if (is_json && (parsed.is_array() || parsed.is_null())) return parsed;
    if (is_json && parsed.is_string()) return Json::array({parsed});
    return Words(text);  // `M54.16 G89.11`, `nsaids, cbt`
  }
  if (IsStringField(key) || (fact != nullptr && (fact->type == FactType::kEnum ||
                                                 fact->type == FactType::kDate))) {
    if (is_json && (parsed.is_string() || parsed.is_null() || parsed.is_object() ||
                    parsed.is_array()))
      return parsed;
    return text;  // `64483` stays the code "64483"
  }
  if (fact != nullptr && fact->type == FactType::kBool && !is_json) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "yes" || lower == "y") return true;
    if (lower == "no" || lower == "n") return false;
  }
  if (is_json) return parsed;
  return text;
}

Json CaseDocument::DefaultCase(Date today) {
  const std::string day = today.ToString();
  return Json{
      {"case_id", "REPL-1"},
      {"health_plan", "DEFAULT"},
      {"line_of_business", "commercial"},
      {"submitted_on", day},
      {"date_of_service", day},
      {"setting", "outpatient"},
      {"site_of_care", "ambulatory_surgery_center"},
      {"procedures",
       Json::array({Json{{"code", "62323"}, {"units", 1}, {"level", "L4-L5"},
                         {"laterality", "none"}}})},
      {"diagnoses", Json::array({"M54.16"})},
      {"member", Json{{"id", "MBR-1"}, {"birth_date", "1970-01-01"}, {"sex", "F"}}},
      {"ordering_provider", Json{{"npi", "1234567890"}, {"role", "ordering"}, {"in_network", true}}},
      {"clinical", Json::object()},
      {"history", Json::array()},
  };
}

std::optional<std::string> CaseDocument::Set(const std::vector<PathStep>& path, Json value) {
  if (path.empty()) return "expected a field name";
  Json copy = doc_;
  Json* cur = &copy;
  for (size_t i = 0; i < path.size(); ++i) {
    const PathStep& step = path[i];
    const bool last = i + 1 == path.size();
    Json* next = nullptr;
    if (step.index) {
      if (cur->is_null()) *cur = Json::array();
      if (!cur->is_array())
        return FormatPath({path.begin(), path.begin() + static_cast<long>(i)}) + " is not a list";
      if (*step.index > cur->size())
        return FormatPath({path.begin(), path.begin() + static_cast<long>(i)}) + " has " +
               std::to_string(cur->size()) + " item" + (cur->size() == 1 ? "" : "s") +
               ": use an index from 0 to " + std::to_string(cur->size()) + " (to append)";
      if (*step.index == cur->size()) cur->push_back(Json::object());
      next = &(*cur)[*step.index];
    } else {
      if (cur->is_null()) *cur = Json::object();
      if (!cur->is_object())
        return FormatPath({path.begin(), path.begin() + static_cast<long>(i)}) +
               " is not an object";
      next = &(*cur)[step.key];
    }
    if (last) {
      *next = std::move(value);
    }
    cur = next;
  }
  doc_ = std::move(copy);
  return std::nullopt;
}

std::optional<std::string> CaseDocument::Append(const std::vector<PathStep>& path, Json value) {
  const Json* list = Get(path);
  size_t size = 0;
  if (list != nullptr && !list->is_null()) {
    if (!list->is_array()) return FormatPath(path) + " is not a list";
    size = list->size();
  }
  std::vector<PathStep> item = path;
  item.push_back(PathStep{"", size});
  return Set(item, std::move(value));
}

std::optional<std::string> CaseDocument::Unset(const std::vector<PathStep>& path) {
  if (path.empty()) return "expected a field name";
  std::vector<PathStep> parent_path(path.begin(), path.end() - 1);
  Json* parent = &doc_;
  for (const PathStep& step : parent_path) {
    if (step.index) {
      if (!parent->is_array() || *step.index >= parent->size()) return FormatPath(path) + " is not set";
      parent = &(*parent)[*step.index];
    } else {
      if (!parent->is_object() || !parent->contains(step.key)) return FormatPath(path) + " is not set";
      parent = &(*parent)[step.key];
    }
  }
  const PathStep& last = path.back();
  if (last.index) {
    if (!parent->is_array() || *last.index >= parent->size()) return FormatPath(path) + " is not set";
    parent->erase(*last.index);
  } else {
    if (!parent->is_object() || !parent->contains(last.key)) return FormatPath(path) + " is not set";
    parent->erase(last.key);
  }
  return std::nullopt;
}

const Json* CaseDocument::Get(const std::vector<PathStep>& path) const {
  const Json* cur = &doc_;
  for (const PathStep& step : path) {
    if (step.index) {
      if (!cur->is_array() || *step.index >= cur->size()) return nullptr;
      cur = &(*cur)[*step.index];
    } else {
      if (!cur->is_object()) return nullptr;
      auto it = cur->find(step.key);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    }
  }
  return cur;
}

}  // namespace mskc::tool::repl
