#include "runtime/testing/expectation_reader.h"

#include <set>

#include "runtime/determination/outcome.h"
#include "runtime/determination/reason_code.h"
#include "runtime/testing/yaml_read.h"

namespace mskc::testing::internal {
namespace {

using determination::CaseStatus;
using determination::NoteKind;
using determination::Outcome;
using determination::Review;

std::vector<std::string> OutcomeNames() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(Outcome::kRejected); ++i)
    out.emplace_back(determination::OutcomeName(static_cast<Outcome>(i)));
  return out;
}

std::vector<std::string> StatusNames() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(CaseStatus::kOtherImpact); ++i)
    out.emplace_back(determination::CaseStatusName(static_cast<CaseStatus>(i)));
  return out;
}

std::vector<std::string> ReviewNames() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(Review::kPhysician); ++i)
    out.emplace_back(determination::ReviewName(static_cast<Review>(i)));
  return out;
}

std::vector<std::string> NoteKindNames() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(NoteKind::kNotice); ++i)
    out.emplace_back(determination::NoteKindName(static_cast<NoteKind>(i)));
  return out;
}

std::vector<std::string> ReasonCodeNames() {
  std::vector<std::string> out;
  for (int i = 0; i < determination::kReasonCodeCount; ++i)
    out.emplace_back(determination::ReasonCodeName(static_cast<determination::ReasonCode>(i)));
  return out;
}

const std::vector<std::string>& CriterionResults() {
  static const std::vector<std::string> kResults = {"met", "unmet", "unknown", "absent"};
  return kResults;
}

std::vector<std::string> ReadChoiceList(const YAML::Node& node, std::string_view what,
                                        const std::vector<std::string>& allowed) {
  if (!node.IsSequence())
    Fail(node, "`" + std::string(what) + "`: expected a list, found " + Found(node));
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(ReadChoice(item, what, allowed));
  return out;
}

void ReadCriteria(const YAML::Node& node, LineExpectation& line) {
  RequireMap(node, "`criteria`");
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string id = ReadString(it->first, "criteria");
    if (!seen.insert(id).second) Fail(it->first, "duplicate criterion `" + id + "`");
    std::string result = ReadChoice(it->second, "criteria." + id, CriterionResults());
    if (id == "*") {
      line.others = result;
    } else {
      line.criteria.emplace_back(id, result);
    }
  }
}

// The parts that describe one line; `key` is one of them. Returns false for any other key.
bool ReadLinePart(const std::string& key, const YAML::Node& value, LineExpectation& line,
                  bool with_window) {
  if (key == "code") {
    line.code = ReadString(value, key);
  } else if (key == "guideline") {
    line.guideline = value.IsNull() || ScalarToJson(value).is_null() ? std::string(kAbsent)
                                                                     : ReadString(value, key);
  } else if (key == "version") {
    line.version = ReadString(value, key);
  } else if (key == "criteria") {
    ReadCriteria(value, line);
  } else if (key == "unmet") {
    line.unmet = ReadStringList(value, key);
  } else if (key == "missing") {
    line.missing = ReadStringList(value, key);
  } else if (with_window && key == "outcome") {
    line.outcome = ReadChoice(value, key, OutcomeNames());
  } else if (with_window && key == "valid_from") {
    line.valid_from = ReadDateOrAbsent(value, key);
  } else if (with_window && key == "expires_on") {
    line.expires_on = ReadDateOrAbsent(value, key);
  } else {
    return false;
  }
  return true;
}

NoteExpectation ReadNote(const YAML::Node& node) {
  NoteExpectation note;
  if (node.IsScalar()) {
    note.kind = ReadChoice(node, "notes", NoteKindNames());
    return note;
  }
  CheckKeys(node, "a note", {"kind", "line", "contains"});
  if (!node["kind"]) Fail(node, "a note needs a `kind`");
  note.kind = ReadChoice(node["kind"], "kind", NoteKindNames());
  if (node["line"]) note.line = ReadPositiveInt(node["line"], "line");
  if (node["contains"]) note.contains = ReadString(node["contains"], "contains");
  return note;
}

void ReadLines(const YAML::Node& node, Expectation& expect) {
  RequireMap(node, "`lines`");
  std::set<int> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    int number = ReadPositiveInt(it->first, "lines");
    if (!seen.insert(number).second) Fail(it->first, "duplicate line " + std::to_string(number));
    LineExpectation& line = expect.lines[number];
    const YAML::Node parts = it->second;
    CheckKeys(parts, "a line",
              {"code", "outcome", "guideline", "version", "criteria", "unmet", "missing",
               "valid_from", "expires_on"});
    for (auto part = parts.begin(); part != parts.end(); ++part)
      ReadLinePart(part->first.Scalar(), part->second, line, /*with_window=*/true);
  }
}

}  // namespace

Expectation ReadExpectation(const YAML::Node& node, int line) {
  CheckKeys(node, "`expect`",
            {"outcome", "status", "review", "reason_codes", "valid_from", "expires_on", "notes",
             "warnings", "error", "lines", "code", "guideline", "version", "criteria", "unmet",
             "missing"});
  Expectation expect;
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key = it->first.Scalar();
    const YAML::Node value = it->second;  // a copy: `it->` is a temporary proxy
    if (key == "outcome") {
      expect.outcome = ReadChoice(value, key, OutcomeNames());
    } else if (key == "status") {
      expect.status = ReadChoice(value, key, StatusNames());
    } else if (key == "review") {
      expect.review = ReadChoice(value, key, ReviewNames());
    } else if (key == "reason_codes") {
      expect.reason_codes = ReadChoiceList(value, key, ReasonCodeNames());
    } else if (key == "valid_from") {
      expect.valid_from = ReadDateOrAbsent(value, key);
    } else if (key == "expires_on") {
      expect.expires_on = ReadDateOrAbsent(value, key);
    } else if (key == "notes") {
      if (!value.IsSequence()) Fail(value, "`notes`: expected a list, found " + Found(value));
      expect.notes.emplace();
      for (const auto& item : value) expect.notes->push_back(ReadNote(item));
    } else if (key == "warnings") {
      expect.warnings = ReadStringList(value, key);
    } else if (key == "error") {
      expect.error_path = value.IsNull() ? std::string() : ReadString(value, key);
    } else if (key == "lines") {
      ReadLines(value, expect);
    } else {
      ReadLinePart(key, value, expect.lines[line], /*with_window=*/false);
    }
  }
  return expect;
}

}  // namespace mskc::testing::internal
