#include "runtime/testing/runner.h"

#include <nlohmann/json.hpp>
#include <variant>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"

namespace mskc::testing {
namespace {

using determination::Determination;
using Decided = std::variant<Determination, cases::CaseError>;

// Reads and decides the case exactly as `mskc eval` does; a refusal at either step comes back as
// the CaseError.
Decided Evaluate(const RunnerBackend& backend, const std::string& case_json, bool trace) {
  cases::CaseResult read = cases::ReadCase(case_json, backend.ruleset->program().facts);
  if (auto* error = std::get_if<cases::CaseError>(&read)) return *error;
  rules::DecideOptions options;
  options.trace = trace;
  options.sources = backend.sources;
  rules::DecideResult result =
      rules::Decide(*backend.ruleset, std::get<cases::Case>(read), options);
  if (auto* error = std::get_if<cases::CaseError>(&result)) return *error;
  return std::get<Determination>(std::move(result));
}

std::string Render(const Decided& decided) {
  if (auto* error = std::get_if<cases::CaseError>(&decided))
    return "refused: " + cases::FormatCaseError(*error);
  return determination::ToJson(std::get<Determination>(decided), {.pretty = false});
}

void Diff(const nlohmann::ordered_json& left, const nlohmann::ordered_json& right,
          const std::string& path, std::optional<JsonDifference>& out) {
  if (out) return;
  if (left.is_object() && right.is_object()) {
    for (auto it = left.begin(); it != left.end() && !out; ++it) {
      std::string sub = path.empty() ? it.key() : path + "." + it.key();
      if (!right.contains(it.key())) {
        out = JsonDifference{sub, it.value().dump(), "(absent)"};
        return;
      }
      Diff(it.value(), right.at(it.key()), sub, out);
    }
    for (auto it = right.begin(); it != right.end() && !out; ++it)
      if (!left.contains(it.key()))
        out = JsonDifference{path.empty() ? it.key() : path + "." + it.key(), "(absent)",
                             it.value().dump()};
    return;
  }
  if (left.is_array() && right.is_array()) {
    size_t n = std::min(left.size(), right.size());
    for (size_t i = 0; i < n && !out; ++i)
      Diff(left[i], right[i], path + "[" + std::to_string(i) + "]", out);
    if (!out && left.size() != right.size())
      out = JsonDifference{path, std::to_string(left.size()) + " items",
                           std::to_string(right.size()) + " items"};
    return;
  }
  if (left != right)
    out = JsonDifference{path.empty() ? "(document)" : path, left.dump(), right.dump()};
}

}  // namespace

std::optional<JsonDifference> FirstDifference(const std::string& left_json,
                                              const std::string& right_json) {
  if (left_json == right_json) return std::nullopt;
  nlohmann::ordered_json left = nlohmann::ordered_json::parse(left_json, nullptr, false);
  nlohmann::ordered_json right = nlohmann::ordered_json::parse(right_json, nullptr, false);
  if (left.is_discarded() || right.is_discarded())
    return JsonDifference{"(document)", left_json, right_json};
  std::optional<JsonDifference> out;
  Diff(left, right, "", out);
  if (!out) out = JsonDifference{"(document)", left_json, right_json};
  return out;
}

Runner::Runner(RunnerBackend reported, RunnerBackend check)
    : reported_(std::move(reported)), check_(std::move(check)) {}

TestResult Runner::Run(const TestCase& test, bool trace_failures) const {
  TestResult result;
  if (!test.error.empty()) {
    Mismatch m;
    m.part = "malformed test (line " + std::to_string(test.error_line) + ")";
    m.expected_label.clear();
    m.actual_label.clear();
    m.actual = test.error;
    result.mismatches.push_back(std::move(m));
    return result;
  }
  Decided decided = Evaluate(reported_, test.case_json, false);
  if (auto* error = std::get_if<cases::CaseError>(&decided)) {
    result.mismatches = MatchRefusal(test.expect, *error);
  } else {
    result.mismatches = Match(test.expect, std::get<Determination>(decided));
    result.determination = std::get<Determination>(decided);
  }
  if (check_.ruleset != nullptr) {
    std::string reported_text = Render(decided);
    std::string check_text = Render(Evaluate(check_, test.case_json, false));
    if (auto diff = FirstDifference(reported_text, check_text)) {
      Mismatch m;
      m.part = "backends differ at " + diff->path;
      m.expected_label = reported_.name;
      m.expected = diff->left;
      m.actual_label = check_.name;
      m.actual = diff->right;
      result.mismatches.push_back(std::move(m));
    }
  }
  result.passed = result.mismatches.empty();
  if (!result.passed && trace_failures && result.determination) {
    Decided traced = Evaluate(reported_, test.case_json, true);
    if (auto* d = std::get_if<Determination>(&traced)) result.determination = std::move(*d);
  }
  return result;
}

}  // namespace mskc::testing
