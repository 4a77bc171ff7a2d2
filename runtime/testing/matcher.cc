#include "runtime/testing/matcher.h"

#include <algorithm>

#include "runtime/core/tri.h"

namespace mskc::testing {
namespace {

using determination::Determination;
using determination::LineResult;

std::string DateText(const std::optional<Date>& date) {
  return date ? date->ToString() : std::string(kAbsent);
}

void Compare(std::vector<Mismatch>& out, const std::string& part,
             const std::optional<std::string>& expected, const std::string& actual) {
  if (expected && *expected != actual) out.push_back({part, *expected, actual});
}

std::vector<std::string> Sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

// Lists compared as sets (the output's order is fixed by the contract, not by the test).
void CompareSet(std::vector<Mismatch>& out, const std::string& part,
                const std::optional<std::vector<std::string>>& expected,
                const std::vector<std::string>& actual) {
  if (!expected) return;
  if (Sorted(*expected) != Sorted(actual))
    out.push_back({part, RenderList(*expected), RenderList(actual)});
}

std::vector<std::string> ReasonCodeNames(const determination::ReasonCodeSet& codes) {
  std::vector<std::string> out;
  for (auto code : codes.ToVector()) out.emplace_back(determination::ReasonCodeName(code));
  return out;
}

std::string NoteText(const std::string& kind, std::optional<int> line,
                     const std::optional<std::string>& text) {
  std::string out = kind;
  if (line) out += " on line " + std::to_string(*line);
  if (text) out += " containing \"" + *text + "\"";
  return out;
}

void MatchNotes(std::vector<Mismatch>& out, const std::vector<NoteExpectation>& expected,
                const std::vector<determination::Note>& actual) {
  std::vector<std::string> expected_kinds, actual_kinds;
  for (const auto& n : expected) expected_kinds.push_back(n.kind);
  for (const auto& n : actual) actual_kinds.emplace_back(determination::NoteKindName(n.kind));
  if (expected_kinds != actual_kinds) {
    out.push_back({"notes", RenderList(expected_kinds), RenderList(actual_kinds)});
    return;
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    const NoteExpectation& want = expected[i];
    const determination::Note& got = actual[i];
    bool line_ok = !want.line || got.line == want.line;
    bool text_ok = !want.contains || got.text.find(*want.contains) != std::string::npos;
    if (line_ok && text_ok) continue;
    std::optional<std::string> got_text;
    if (want.contains) got_text = got.text;
    out.push_back({"notes[" + std::to_string(i) + "]",
                   NoteText(want.kind, want.line, want.contains),
                   NoteText(actual_kinds[i], want.line ? got.line : std::nullopt, got_text)});
  }
}

void MatchWarnings(std::vector<Mismatch>& out, const std::vector<std::string>& expected,
                   const std::vector<std::string>& actual) {
  bool ok = expected.size() == actual.size();
  for (size_t i = 0; ok && i < expected.size(); ++i)
    ok = actual[i].find(expected[i]) != std::string::npos;
  if (!ok) out.push_back({"warnings", RenderList(expected), RenderList(actual)});
}

std::string CriterionResult(const LineResult& line, const std::string& id) {
  for (const auto& c : line.criteria)
    if (c.id == id) return std::string(CriterionResultName(c.result));
  return "absent";
}

void MatchLine(std::vector<Mismatch>& out, const std::string& prefix, const LineExpectation& want,
               const LineResult& got) {
  Compare(out, prefix + "code", want.code, got.code);
  Compare(out, prefix + "outcome", want.outcome,
          std::string(determination::OutcomeName(got.outcome)));
  Compare(out, prefix + "guideline", want.guideline,
          got.guideline ? got.guideline->id : std::string(kAbsent));
  Compare(out, prefix + "version", want.version,
          got.guideline ? got.guideline->version : std::string(kAbsent));
  for (const auto& [id, result] : want.criteria)
    Compare(out, prefix + "criteria." + id, result, CriterionResult(got, id));
  if (want.others) {
    for (const auto& c : got.criteria) {
      bool listed = std::any_of(want.criteria.begin(), want.criteria.end(),
                                [&](const auto& entry) { return entry.first == c.id; });
      if (!listed)
        Compare(out, prefix + "criteria." + c.id, want.others,
                std::string(CriterionResultName(c.result)));
    }
  }
  CompareSet(out, prefix + "unmet", want.unmet, got.unmet);
  CompareSet(out, prefix + "missing", want.missing, got.missing);
  Compare(out, prefix + "valid_from", want.valid_from, DateText(got.valid_from));
  Compare(out, prefix + "expires_on", want.expires_on, DateText(got.expires_on));
}

}  // namespace

std::string RenderList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

std::string FormatMismatch(const Mismatch& m) {
  if (m.expected_label.empty() && m.actual_label.empty()) return m.part + ": " + m.actual;
  return m.part + ": " + m.expected_label + " " + m.expected + " / " + m.actual_label + " " +
         m.actual;
}

std::vector<Mismatch> Match(const Expectation& expect, const Determination& d) {
  std::vector<Mismatch> out;
  if (expect.error_path) {
    out.push_back({"case", "refused at `" + *expect.error_path + "`",
                   "a determination (" + std::string(determination::OutcomeName(d.outcome)) + ")"});
    return out;
  }
  Compare(out, "outcome", expect.outcome, std::string(determination::OutcomeName(d.outcome)));
  Compare(out, "status", expect.status, std::string(determination::CaseStatusName(d.status)));
  Compare(out, "review", expect.review, std::string(determination::ReviewName(d.review)));
  if (expect.reason_codes) {
    // Shown in table order on both sides, so only a real difference reads as one.
    determination::ReasonCodeSet want;
    for (const auto& name : *expect.reason_codes)
      if (auto code = determination::ParseReasonCode(name)) want.Add(*code);
    if (!(want == d.reason_codes))
      out.push_back({"reason_codes", RenderList(ReasonCodeNames(want)),
                     RenderList(ReasonCodeNames(d.reason_codes))});
  }
  Compare(out, "valid_from", expect.valid_from, DateText(d.valid_from));
  Compare(out, "expires_on", expect.expires_on, DateText(d.expires_on));
  if (expect.notes) MatchNotes(out, *expect.notes, d.notes);
  if (expect.warnings) MatchWarnings(out, *expect.warnings, d.warnings);
  for (const auto& [number, want] : expect.lines) {
    std::string prefix =
        d.lines.size() > 1 || number > 1 ? "line " + std::to_string(number) + " " : std::string();
    if (number < 1 || static_cast<size_t>(number) > d.lines.size()) {
      out.push_back({"line " + std::to_string(number), "a line",
                     std::to_string(d.lines.size()) + (d.lines.size() == 1 ? " line" : " lines")});
      continue;
    }
    MatchLine(out, prefix, want, d.lines[static_cast<size_t>(number) - 1]);
  }
  return out;
}

std::vector<Mismatch> MatchRefusal(const Expectation& expect, const cases::CaseError& error) {
  std::string actual = "refused: " + cases::FormatCaseError(error);
  if (!expect.error_path) return {{"case", "a determination", actual}};
  if (*expect.error_path != error.path)
    return {{"case", "refused at `" + *expect.error_path + "`", actual}};
  return {};
}

}  // namespace mskc::testing
