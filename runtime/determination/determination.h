// The result of applying the program rules to one case (determination-format.md), as typed data.
// The JSON writer (json_writer.h) is the only place that spells it out.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/core/date.h"
#include "runtime/core/tri.h"
#include "runtime/determination/outcome.h"
#include "runtime/determination/reason_code.h"

namespace mskc::determination {

// `--trace` only: the facts a criterion read and the sub-expression that decided it.
struct CriterionTrace {
  // (key, value rendered as JSON text; `unknown` for an absent fact), in first-read order.
  std::vector<std::pair<std::string, std::string>> facts;
  std::string decided_by;  // source text of the deciding sub-expression
};

struct CriterionResult {
  std::string id;
  Tri result = Tri::kUnknown;
  std::string text;
  std::optional<CriterionTrace> trace;
};

struct GuidelineRef {
  std::string id;       // "ipm.epidural"
  std::string version;  // "2020-08-16"
};

struct LineResult {
  std::string code;
  Outcome outcome = Outcome::kPended;
  std::optional<GuidelineRef> guideline;  // null when no guideline was applied
  std::optional<Date> valid_from, expires_on;
  std::vector<CriterionResult> criteria;
  std::vector<std::string> unmet;    // criterion ids, criterion order
  std::vector<std::string> missing;  // fact keys, sorted, unique
  // Not written out: who reviews this line next and the codes it contributed (case store).
  Review review = Review::kNone;
  ReasonCodeSet reason_codes;
  // The window the line has or would get if approved (pended lines too): S4 compares it.
  std::optional<Date> window_from, window_to;
};

struct Note {
  NoteKind kind = NoteKind::kNotice;
  std::optional<int> line;  // 1-based, when the note concerns one line
  std::string text;
};

struct Determination {
  std::string case_id;
  Outcome outcome = Outcome::kPended;
  CaseStatus status = CaseStatus::kInProgress;
  Review review = Review::kNone;
  ReasonCodeSet reason_codes;
  std::optional<Date> valid_from, expires_on;
  std::vector<LineResult> lines;
  std::vector<std::string> warnings;
  std::vector<Note> notes;
};

}  // namespace mskc::determination
