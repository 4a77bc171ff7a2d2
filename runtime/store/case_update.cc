#include "runtime/store/case_update.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace mskc::store {
namespace {

using Json = nlohmann::ordered_json;

// Fields a filed request keeps: changing them is a new request (or `change-dos`).
constexpr std::array<std::string_view, 14> kFixed = {
    "case_id",  "health_plan",     "line_of_business", "state",   "submitted_on",
    "date_of_service", "performed_on", "urgent",        "emergency", "setting",
    "site_of_care",    "procedures",   "member",        "ordering_provider"};

constexpr std::array<std::string_view, 4> kReplaced = {
    "site_of_care_reasons", "requested_los_days", "diagnoses", "servicing_facility"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, const std::string& key) {
  for (std::string_view k : list)
    if (k == key) return true;
  return false;
}

bool ParseObject(const std::string& text, Json& out, std::string& error) {
  out = Json::parse(text, nullptr, false);
  if (out.is_discarded()) {
    error = "the facts file is not valid JSON";
    return false;
  }
  if (!out.is_object()) {
    error = "expected the facts file to be a JSON object";
    return false;
  }
  return true;
}

// FACTS, parsed: no field that identifies or schedules the request, lists and objects where
// the case has them.
bool CheckFacts(const Json& facts, std::string& error) {
  for (auto it = facts.begin(); it != facts.end(); ++it) {
    if (In(kFixed, it.key())) {
      error = "`" + it.key() + "` cannot change on a filed case (update merges clinical facts " +
              "and history)";
      return false;
    }
    if (it.key() == "clinical" && !it.value().is_object() && !it.value().is_null()) {
      error = "clinical: expected an object";
      return false;
    }
    if (it.key() == "history" && !it.value().is_array() && !it.value().is_null()) {
      error = "history: expected a list";
      return false;
    }
  }
  return true;
}

}  // namespace

bool ValidateFacts(const std::string& facts_text, std::string& error) {
  Json facts;
  return ParseObject(facts_text, facts, error) && CheckFacts(facts, error);
}

bool MergeFacts(const std::string& case_text, const std::string& facts_text, std::string& merged,
                std::string& error) {
  Json c, facts;
  if (!ParseObject(facts_text, facts, error) || !CheckFacts(facts, error)) return false;
  if (!ParseObject(case_text, c, error)) {
    error = "the filed case cannot be read again";
    return false;
  }
  if (!c.contains("clinical") || !c["clinical"].is_object()) c["clinical"] = Json::object();
  Json& clinical = c["clinical"];
  auto set_fact = [&](const std::string& key, const Json& value) {
    if (value.is_null()) {
      clinical.erase(key);
    } else {
      clinical[key] = value;
    }
  };
  for (auto it = facts.begin(); it != facts.end(); ++it) {
    const std::string& key = it.key();
    if (key == "clinical") {
      if (it.value().is_null()) continue;
      for (auto f = it.value().begin(); f != it.value().end(); ++f) set_fact(f.key(), f.value());
    } else if (key == "history") {
      if (it.value().is_null()) continue;
      if (!c.contains("history") || !c["history"].is_array()) c["history"] = Json::array();
      for (const Json& item : it.value()) c["history"].push_back(item);
    } else if (In(kReplaced, key)) {
      c[key] = it.value();
    } else {
      set_fact(key, it.value());
    }
  }
  merged = c.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return true;
}

}  // namespace mskc::store
