#include "runtime/rules/clinical_review.h"

#include <algorithm>
#include <string>

#include "compiler/interp/interpreter.h"
#include "runtime/rules/site_of_care.h"
#include "runtime/rules/smoking.h"
#include "runtime/rules/soft_launch.h"
#include "runtime/rules/validity.h"

namespace mskc::rules {
namespace {

using determination::CriterionResult;
using determination::CriterionTrace;
using determination::LineResult;
using determination::Note;
using determination::NoteKind;
using determination::Outcome;
using determination::ReasonCode;
using determination::Review;

Tri TriFromByte(uint8_t b) { return b <= 2 ? static_cast<Tri>(b) : Tri::kUnknown; }

NoteKind ToNoteKind(ir::NoteKind k) {
  switch (k) {
    case ir::NoteKind::kEducation: return NoteKind::kEducation;
    case ir::NoteKind::kRecommendation: return NoteKind::kRecommendation;
    case ir::NoteKind::kNotice: return NoteKind::kNotice;
  }
  return NoteKind::kNotice;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

// One `education` note per criterion the soft launch waived, naming it.
Note EducationNote(int line_number, const ir::Criterion& criterion, Tri result,
                   const std::vector<std::string>& missing) {
  std::string text = "Criterion " + criterion.id;
  if (result == Tri::kFalse) {
    text += " is not met";
  } else {
    text += " could not be assessed";
    if (!missing.empty()) text += " (missing: " + Join(missing) + ")";
  }
  text += "; approved during the plan's soft launch, it will be required afterwards: " +
          criterion.text;
  return Note{NoteKind::kEducation, line_number, std::move(text)};
}

CriterionTrace TraceOf(const interp::Explanation& e, const DecideOptions& options) {
  CriterionTrace trace;
  for (const auto& read : e.reads) trace.facts.emplace_back(read.key, read.value);
  if (options.sources != nullptr && e.deciding.valid())
    trace.decided_by = std::string(options.sources->Text(e.deciding));
  return trace;
}

}  // namespace

LineReview ReviewLine(const ReviewContext& ctx, const uint8_t* frame, int line_number,
                      const ScopedLine& scoped) {
  const ir::Program& program = ctx.ruleset.program();
  const ir::Guideline& guideline = *scoped.guideline;
  const ir::Version& version = *scoped.version;
  const cases::ProcedureLine& proc = ctx.c.procedures[line_number - 1];

  LineReview out;
  LineResult& line = out.line;
  line.code = proc.code;
  line.guideline = determination::GuidelineRef{guideline.id, version.label};

  // P7–P8: every criterion of the version in effect.
  std::vector<uint8_t> results(version.criteria.size(), static_cast<uint8_t>(Tri::kUnknown));
  if (!results.empty())
    ctx.ruleset.EvaluatorFor(guideline, version).Evaluate(frame, results.data(), ctx.eval);

  std::vector<Note> education;
  bool any_unmet = false, any_unknown = false;
  for (size_t i = 0; i < version.criteria.size(); ++i) {
    const ir::Criterion& criterion = version.criteria[i];
    Tri result = TriFromByte(results[i]);
    CriterionResult cr{criterion.id, result, criterion.text, std::nullopt};
    std::vector<std::string> missing;
    if (result == Tri::kUnknown || ctx.options.trace) {
      interp::Explanation e = interp::Explain(program, criterion, frame, ctx.eval);
      if (result == Tri::kUnknown) missing = e.missing;
      if (ctx.options.trace) cr.trace = TraceOf(e, ctx.options);
    }
    if (result == Tri::kFalse) {
      any_unmet = true;
      line.unmet.push_back(criterion.id);
      if (criterion.unmet_reason) line.reason_codes.Add(*criterion.unmet_reason);
    } else if (result == Tri::kUnknown) {
      any_unknown = true;
      line.missing.insert(line.missing.end(), missing.begin(), missing.end());
    }
    if (result != Tri::kTrue)
      education.push_back(EducationNote(line_number, criterion, result, missing));
    line.criteria.push_back(std::move(cr));
  }
  std::sort(line.missing.begin(), line.missing.end());
  line.missing.erase(std::unique(line.missing.begin(), line.missing.end()), line.missing.end());
  if (any_unmet) line.reason_codes.Add(ReasonCode::kCriteriaNotMet);
  if (any_unknown) line.reason_codes.Add(ReasonCode::kMissingInformation);

  // P11 is not waived by a soft launch; P9 approves only what P11 lets through.
  bool criteria_met = !any_unmet && !any_unknown;
  if (SiteOfCareReviewNeeded(ctx.plan, ctx.c, proc.code)) {
    line.outcome = Outcome::kPended;
    line.review = Review::kPhysician;
    line.reason_codes.Add(ReasonCode::kSiteOfCareReview);
  } else if (criteria_met) {
    line.outcome = Outcome::kApproved;
  } else if (SoftLaunchCovers(ctx.plan, ctx.dos, guideline.kind)) {
    line.outcome = Outcome::kApproved;
    line.reason_codes.Add(ReasonCode::kSoftLaunchEducation);
    out.notes = std::move(education);
  } else {
    line.outcome = Outcome::kPended;
    line.review = Review::kNurse;
  }

  Window w = LineWindow(ctx.plan, ctx.calendar,
                        WindowRequest{ctx.dos, guideline.kind, ctx.c.setting, guideline.id,
                                      ctx.c.state});
  line.window_from = w.valid_from;
  line.window_to = w.expires_on;
  if (line.outcome == Outcome::kApproved) {
    line.valid_from = w.valid_from;
    line.expires_on = w.expires_on;
  }

  // The version's notes whose condition holds (or that have none).
  for (const ir::Note& note : version.notes) {
    if (note.condition != nullptr &&
        interp::EvaluateCondition(program, *note.condition, frame, ctx.eval) != Tri::kTrue)
      continue;
    out.notes.push_back(Note{ToNoteKind(note.kind), line_number, note.text});
  }
  return out;
}

}  // namespace mskc::rules
