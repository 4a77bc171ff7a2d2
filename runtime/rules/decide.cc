// The order of rules (program-rules.md, Settled details): case-level steps 2–6 decide every line
// at once; otherwise step 7 takes each line on its own.
#include "runtime/rules/decide.h"

#include <algorithm>
#include <optional>

#include "runtime/case/frame_builder.h"
#include "runtime/core/business_calendar.h"
#include "runtime/rules/case_level.h"
#include "runtime/rules/case_outcome.h"
#include "runtime/rules/clinical_review.h"
#include "runtime/rules/notification.h"
#include "runtime/rules/scope.h"
#include "runtime/rules/smoking.h"
#include "runtime/rules/validity.h"

namespace mskc::rules {
namespace {

using determination::Determination;
using determination::LineResult;
using determination::Note;
using determination::NoteKind;
using determination::Outcome;
using determination::ReasonCode;
using determination::ReasonCodeSet;
using determination::Review;

struct CaseLevelResult {
  Outcome outcome;
  ReasonCodeSet codes;
};

cases::CaseError UnknownPlan(const ir::Program& program, const std::string& name) {
  std::vector<std::string> known;
  for (const Plan& p : program.plans) known.push_back(p.code);
  std::sort(known.begin(), known.end());
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  return cases::CaseError{"health_plan", "expected one of the known plans (" + list +
                                             "), found \"" + name + "\""};
}

// Steps 2–6, in order; the first that applies decides the case with its own codes only.
std::optional<CaseLevelResult> DecideCaseLevel(const cases::Case& c, const Plan& plan,
                                               const BusinessCalendar& calendar, Date dos,
                                               const std::vector<ScopedLine>& scoped) {
  if (ServicingProviderOrdered(c))
    return CaseLevelResult{Outcome::kRejected, {ReasonCode::kServicingProviderCannotOrder}};
  bool none_managed = std::all_of(scoped.begin(), scoped.end(), [](const ScopedLine& s) {
    return s.scope == LineScope::kNotManaged;
  });
  if (BeforeProgramStart(plan, dos) || none_managed)
    return CaseLevelResult{Outcome::kNotRequired, {ReasonCode::kNotManaged}};
  if (EmergencyExempt(c))
    return CaseLevelResult{Outcome::kNotRequired, {ReasonCode::kEmergencyExempt}};
  if (RetroWindowExceeded(c, calendar))
    return CaseLevelResult{Outcome::kDeniedAdministrative, {ReasonCode::kRetroWindowExceeded}};
  if (ReasonCodeSet admin = AdministrativeDenials(c); !admin.empty())
    return CaseLevelResult{Outcome::kDeniedAdministrative, admin};
  return std::nullopt;
}

// A line decided without clinical review: no guideline applied, no criteria.
LineResult PlainLine(const std::string& code, Outcome outcome, ReasonCodeSet codes,
                     Review review = Review::kNone) {
  LineResult line;
  line.code = code;
  line.outcome = outcome;
  line.reason_codes = codes;
  line.review = review;
  return line;
}

// P3: recorded, not reviewed; valid as for pain management.
LineResult NotificationLine(const ReviewContext& ctx, const std::string& code,
                            const ScopedLine& scoped) {
  LineResult line = PlainLine(code, Outcome::kNotificationOnly, {ReasonCode::kNotificationOnly});
  line.guideline = determination::GuidelineRef{scoped.guideline->id, scoped.version->label};
  Window w = LineWindow(ctx.plan, ctx.calendar,
                        WindowRequest{ctx.dos, FamilyKind::kPainManagement, ctx.c.setting,
                                      scoped.guideline->id, ctx.c.state});
  line.valid_from = line.window_from = w.valid_from;
  line.expires_on = line.window_to = w.expires_on;
  return line;
}

// Step 7 for every line; the frame is built once, and only when some line needs it.
void DecideLines(const ReviewContext& ctx, const std::vector<ScopedLine>& scoped,
                 Determination& d) {
  const cases::Case& c = ctx.c;
  std::optional<cases::CaseFrame> frame;
  bool smoking_note = false;
  std::vector<Note> line_notes;
  for (size_t i = 0; i < c.procedures.size(); ++i) {
    const cases::ProcedureLine& proc = c.procedures[i];
    const ScopedLine& s = scoped[i];
    switch (s.scope) {
      case LineScope::kNotManaged:
        d.lines.push_back(PlainLine(proc.code, Outcome::kNotRequired, {ReasonCode::kNotManaged}));
        continue;
      case LineScope::kManualReview: {
        LineResult line =
            PlainLine(proc.code, Outcome::kPended, {ReasonCode::kManualReview}, Review::kNurse);
        // No guideline names the family: a reviewer's approval gets the surgery window.
        Window w = LineWindow(ctx.plan, ctx.calendar,
                              WindowRequest{ctx.dos, FamilyKind::kSpine, c.setting, "", c.state});
        line.window_from = w.valid_from;
        line.window_to = w.expires_on;
        d.lines.push_back(std::move(line));
        continue;
      }
      case LineScope::kGuideline:
        break;
    }
    if (IsNotificationOnly(proc.code, c.diagnoses)) {
      d.lines.push_back(NotificationLine(ctx, proc.code, s));
      continue;
    }
    if (!frame) frame.emplace(ctx.ruleset.program(), c);
    frame->SetLine(proc);
    LineReview review = ReviewLine(ctx, frame->data(), static_cast<int>(i) + 1, s);
    d.lines.push_back(std::move(review.line));
    line_notes.insert(line_notes.end(), std::make_move_iterator(review.notes.begin()),
                      std::make_move_iterator(review.notes.end()));
    if (s.guideline->kind != FamilyKind::kPainManagement) smoking_note = true;
  }
  d.notes = std::move(line_notes);
  // P10: one recommendation for the case, never adjudicating.
  if (smoking_note && IsSmoker(c))
    d.notes.push_back(Note{NoteKind::kRecommendation, std::nullopt,
                           std::string(kSmokingRecommendation)});
}

}  // namespace

DecideResult Decide(const driver::Ruleset& ruleset, const cases::Case& c,
                    const DecideOptions& options) {
  const ir::Program& program = ruleset.program();
  const Plan* plan = program.FindPlan(c.health_plan);
  if (plan == nullptr) return UnknownPlan(program, c.health_plan);
  if (c.performed_on && *c.performed_on > c.submitted_on) {
    return cases::CaseError{"performed_on", "expected a date on or before `submitted_on` (" +
                                                c.submitted_on.ToString() + "), found \"" +
                                                c.performed_on->ToString() + "\""};
  }

  // The plan's calendar: federal holidays plus its own closures (P5, P12 and guideline dates).
  std::optional<BusinessCalendar> own_calendar;
  if (!plan->closure_dates.empty()) own_calendar.emplace(plan->closure_dates);
  const BusinessCalendar& calendar = own_calendar ? *own_calendar : FederalCalendar();
  // No code-set table: both backends then use the program's own sets, so no per-case table.
  abi::EvalContext eval{&calendar, nullptr};

  // Retro dates: `performed_on` replaces the date of service before any rule reads it.
  const Date dos = c.EffectiveDateOfService();

  Determination d;
  d.case_id = c.case_id;
  d.warnings = c.warnings;

  std::vector<ScopedLine> scoped;
  scoped.reserve(c.procedures.size());
  for (const auto& proc : c.procedures) scoped.push_back(ScopeLine(program, *plan, proc.code, dos));

  if (auto level = DecideCaseLevel(c, *plan, calendar, dos, scoped)) {
    for (const auto& proc : c.procedures)
      d.lines.push_back(PlainLine(proc.code, level->outcome, level->codes));
    d.reason_codes.Add(level->codes);
  } else {
    ReviewContext ctx{ruleset, *plan, c, calendar, eval, dos, options};
    DecideLines(ctx, scoped, d);
  }
  SummarizeLines(d);
  return d;
}

}  // namespace mskc::rules
