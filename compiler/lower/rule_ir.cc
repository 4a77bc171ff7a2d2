#include "compiler/lower/rule_ir.h"

namespace mskc::ir {

std::string_view HistoryFieldKey(HistoryField f) {
  switch (f) {
    case HistoryField::kCode: return "history.code";
    case HistoryField::kDate: return "history.date";
    case HistoryField::kLevel: return "history.level";
    case HistoryField::kLaterality: return "history.laterality";
    case HistoryField::kReliefPercent: return "history.relief_percent";
    case HistoryField::kReliefWeeks: return "history.relief_weeks";
    case HistoryField::kFunctionalImprovement: return "history.functional_improvement";
  }
  return "history";
}

std::string_view NoteKindName(NoteKind k) {
  switch (k) {
    case NoteKind::kEducation: return "education";
    case NoteKind::kRecommendation: return "recommendation";
    case NoteKind::kNotice: return "notice";
  }
  return "notice";
}

const Version* Guideline::VersionFor(Date dos) const {
  if (versions.empty()) return nullptr;
  const Version* chosen = nullptr;
  for (size_t i = 0; i < versions.size(); ++i) {
    const Version& v = versions[i];
    bool starts = (i == 0) || v.start <= dos;
    if (!starts) break;
    chosen = &v;
  }
  if (chosen && chosen->until && dos > *chosen->until) return nullptr;
  return chosen;
}

const Guideline* Program::GuidelineForCode(std::string_view code) const {
  for (const auto& g : guidelines)
    if (g.codes.Contains(code)) return &g;
  return nullptr;
}

const Plan* Program::FindPlan(std::string_view code) const {
  for (const auto& p : plans)
    if (p.code == code) return &p;
  return nullptr;
}

}  // namespace mskc::ir
