// Plans: configuration data written beside the guidelines, checked and compiled to mskc::Plan.
#include <fmt/format.h>

#include <cmath>
#include <functional>

#include "compiler/diag/did_you_mean.h"
#include "compiler/sema/checker.h"

namespace mskc::sema {

using Kind = ast::PlanItem::Kind;

void Checker::CheckPlans() {
  struct Entry { size_t module; const ast::PlanDecl* decl; };
  std::map<std::string, Entry> decls;
  for (size_t m = 0; m < modules_.size(); ++m) {
    for (const ast::PlanDecl& p : modules_[m].file.plans) {
      if (auto it = decls.find(p.code.text); it != decls.end()) {
        auto& d = Err(diag::DiagId::kDuplicateDefinition, p.code.span,
                      fmt::format("plan `{}` is defined twice", p.code.text));
        diags_.AddNote(d, it->second.decl->code.span, "first defined here");
        continue;
      }
      decls[p.code.text] = {m, &p};
    }
  }
  std::vector<std::string> guideline_ids;
  for (const auto& g : program_->guidelines) guideline_ids.push_back(g.id);
  auto check_guideline = [&](const ast::Name& n) {
    if (std::find(guideline_ids.begin(), guideline_ids.end(), n.text) != guideline_ids.end())
      return true;
    auto& d = Err(diag::DiagId::kUnknownName, n.span, fmt::format("unknown guideline `{}`", n.text));
    if (auto near = diag::ClosestMatch(n.text, guideline_ids))
      diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
    return false;
  };
  auto whole_days = [&](const ast::PlanItem& item, double min) -> std::optional<int> {
    if (item.number < min || std::floor(item.number) != item.number || item.number > 3650) {
      Err(diag::DiagId::kInvalidValue, item.span,
          fmt::format("expected a whole number of days from {} to 3650, found {}", min,
                      item.number));
      return std::nullopt;
    }
    return static_cast<int>(item.number);
  };

  std::map<std::string, Plan> built;
  std::set<std::string> building;
  std::function<const Plan*(const std::string&)> build = [&](const std::string& code) -> const Plan* {
    if (auto it = built.find(code); it != built.end()) return &it->second;
    auto it = decls.find(code);
    if (it == decls.end()) return nullptr;
    const ast::PlanDecl& p = *it->second.decl;
    if (!building.insert(code).second) {
      Err(diag::DiagId::kRecursion, p.code.span, fmt::format("plan `{}` extends itself", code));
      return nullptr;
    }
    Plan plan;
    if (p.extends) {
      const Plan* base = build(p.extends->text);
      if (!base) {
        if (!decls.count(p.extends->text)) {
          std::vector<std::string> names;
          for (const auto& [n, _] : decls) names.push_back(n);
          auto& d = Err(diag::DiagId::kUnknownName, p.extends->span,
                        fmt::format("unknown plan `{}`", p.extends->text));
          if (auto near = diag::ClosestMatch(p.extends->text, names))
            diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
        }
      } else {
        plan = *base;
      }
    }
    plan.code = code;
    plan.name = p.title.empty() ? plan.name : p.title;
    if (plan.name.empty()) plan.name = code;
    for (const ast::PlanItem& item : p.items) {
      switch (item.kind) {
        case Kind::kManagesAll:
          plan.manages_all = true;
          plan.families.clear();
          break;
        case Kind::kManages:
          plan.manages_all = false;
          plan.families.clear();
          for (const ast::Name& n : item.names)
            if (check_guideline(n)) plan.families.push_back(n.text);
          break;
        case Kind::kProgramStart:
          if (auto d = ParseDate(item.dates[0])) plan.program_start = *d;
          break;
        case Kind::kSoftLaunch: {
          auto from = ParseDate(item.dates[0]);
          auto to = item.dates.size() > 1 ? ParseDate(item.dates[1]) : std::nullopt;
          if (from && to && *to < *from)
            Err(diag::DiagId::kVersionOrder, item.dates[1].span,
                "the soft launch ends before it starts");
          plan.soft_launch_from = from;
          plan.soft_launch_to = to;
          plan.soft_launch_kinds.clear();
          for (const ast::Name& n : item.names) {
            if (auto k = ParseFamilyKind(n.text)) {
              plan.soft_launch_kinds.push_back(*k);
            } else {
              auto& d = Err(diag::DiagId::kInvalidValue, n.span,
                            fmt::format("unknown family kind `{}`", n.text));
              diags_.AddNote(d, std::nullopt, "expected `pain_management`, `spine` or `joint`");
            }
          }
          break;
        }
        case Kind::kGoalStay:
          if (auto days = whole_days(item, 1)) {
            if (item.is_default) plan.default_goal_los_days = *days;
            else if (!item.names.empty() && check_guideline(item.names[0]))
              plan.goal_los_days[item.names[0].text] = *days;
          }
          break;
        case Kind::kSiteOfCare:
          plan.site_of_care_codes = BuildCodeSet(item.codes, it->second.module);
          break;
        case Kind::kManualReview:
          plan.manual_review_codes = BuildCodeSet(item.codes, it->second.module);
          break;
        case Kind::kPendDeadline:
          if (auto days = whole_days(item, 1)) plan.pend_deadline_days = *days;
          break;
        case Kind::kStateOverride: {
          StateOverride o;
          const ast::Name& state = item.names[0];
          if (state.text.size() != 2 || !std::isupper(static_cast<unsigned char>(state.text[0])) ||
              !std::isupper(static_cast<unsigned char>(state.text[1]))) {
            Err(diag::DiagId::kInvalidValue, state.span,
                fmt::format("expected a two-letter state code like `PA`, found `{}`", state.text));
            break;
          }
          o.state = state.text;
          auto days = whole_days(item, 1);
          if (!days) break;
          o.min_days = *days;
          for (size_t i = 1; i < item.names.size(); ++i) {
            const ast::Name& q = item.names[i];
            if (q.text == "outpatient" || q.text == "inpatient") o.setting = q.text;
            else if (auto k = ParseFamilyKind(q.text)) o.kind = *k;
            else {
              auto& d = Err(diag::DiagId::kInvalidValue, q.span,
                            fmt::format("unknown qualifier `{}`", q.text));
              diags_.AddNote(d, std::nullopt,
                             "expected `outpatient`, `inpatient`, `pain_management`, `spine` or "
                             "`joint`");
            }
          }
          plan.state_overrides.push_back(o);
          break;
        }
        case Kind::kClosed:
          for (const ast::DateText& d : item.dates)
            if (auto date = ParseDate(d)) plan.closure_dates.push_back(*date);
          break;
      }
    }
    building.erase(code);
    return &(built[code] = std::move(plan));
  };
  for (const auto& [code, _] : decls) build(code);
  for (auto& [code, plan] : built) program_->plans.push_back(std::move(plan));
}

}  // namespace mskc::sema
