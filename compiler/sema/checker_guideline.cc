// Guidelines: header, versions and their overlap, criteria per version, notes, lets.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/diag/did_you_mean.h"
#include "compiler/sema/checker.h"

namespace mskc::sema {

void Checker::CheckGuidelines() {
  // Every definition is checked where it is declared, used or not.
  for (size_t i = 0; i < lets_.size(); ++i) {
    const LetSym& l = lets_[i];
    module_ = l.module;
    guideline_ = l.guideline;
    if (!l.decl->has_params) {
      ast::Expr use;
      use.span = l.decl->name.span;
      LowerLet(use, i, {});
      continue;
    }
    // Parameters stand for placeholders of their types while the body is checked.
    std::vector<Binding> frame;
    for (const ast::Param& p : l.decl->params) {
      Typed t;
      switch (p.type) {
        case ast::ParamType::kBool: {
          ir::Node* n = NewNode(ir::Op::kBoolConst, ir::ValueType::kBool, p.name.span);
          t = {Type::Of(TypeKind::kBool), n};
          break;
        }
        case ast::ParamType::kNumber: {
          ir::Node* n = NewNode(ir::Op::kNumberConst, ir::ValueType::kNumber, p.name.span);
          t = {Type::Of(TypeKind::kNumber), n};
          break;
        }
        case ast::ParamType::kDate: {
          ir::Node* n = NewNode(ir::Op::kDateConst, ir::ValueType::kDate, p.name.span);
          t = {Type::Of(TypeKind::kDate), n};
          break;
        }
        case ast::ParamType::kCodes:
          program_->code_sets.emplace_back();
          t.type = Type::Of(TypeKind::kCodeSet);
          t.code_set = static_cast<int32_t>(program_->code_sets.size() - 1);
          break;
      }
      frame.push_back({p.name.text, t});
    }
    bindings_.push_back(std::move(frame));
    let_stack_.push_back(i);
    if (l.decl->body) Lower(*l.decl->body);
    let_stack_.pop_back();
    bindings_.pop_back();
  }
  for (size_t m = 0; m < modules_.size(); ++m)
    for (const auto& g : modules_[m].file.guidelines) CheckGuideline(m, g);
  std::sort(program_->guidelines.begin(), program_->guidelines.end(),
            [](const ir::Guideline& a, const ir::Guideline& b) { return a.id < b.id; });
}

namespace {

// Versions [from, before) that a criterion body or note applies to.
bool InRange(Date start, const std::optional<Date>& from, const std::optional<Date>& before) {
  if (from && start < *from) return false;
  if (before && !(start < *before)) return false;
  return true;
}

}  // namespace

void Checker::CheckGuideline(size_t module, const ast::GuidelineDecl& g) {
  module_ = module;
  guideline_ = g.id.text;
  for (const ir::Guideline& other : program_->guidelines) {
    if (other.id != g.id.text) continue;
    auto& d = Err(diag::DiagId::kDuplicateGuideline, g.id.span,
                  fmt::format("guideline `{}` is defined twice", g.id.text));
    diags_.AddNote(d, other.span, "first defined here");
    return;
  }
  ir::Guideline out;
  out.id = g.id.text;
  out.span = g.id.span;
  auto missing = [&](const char* what, const char* example) {
    auto& d = Err(diag::DiagId::kMissingHeader, g.id.span,
                  fmt::format("guideline `{}` has no {}", g.id.text, what));
    diags_.AddNote(d, std::nullopt, fmt::format("add `{}`", example));
  };
  if (g.title) out.title = *g.title; else missing("title", "title \"...\"");
  if (g.source) out.citation = *g.source;
  if (!g.kind) {
    missing("kind", "kind pain_management");
  } else if (auto kind = ParseFamilyKind(g.kind->text)) {
    out.kind = *kind;
  } else {
    auto& d = Err(diag::DiagId::kInvalidValue, g.kind->span,
                  fmt::format("unknown kind `{}`", g.kind->text));
    diags_.AddNote(d, std::nullopt, "expected `pain_management`, `spine` or `joint`");
  }
  if (!g.has_codes) missing("procedure codes", "codes \"62323\", ...");
  else out.codes = BuildCodeSet(g.codes, module);
  if (g.versions.empty()) missing("version", "version 2018-01-01");

  // Versions: sorted by start, no two on one date, explicit ends before the next start.
  std::vector<std::pair<const ast::VersionDecl*, ir::Version>> versions;
  for (const ast::VersionDecl& v : g.versions) {
    auto start = ParseDate(v.start);
    if (!start) continue;
    ir::Version version;
    version.start = *start;
    version.label = v.start.text;
    if (v.until) {
      auto until = ParseDate(*v.until);
      if (until && *until < *start) {
        Err(diag::DiagId::kVersionOrder, v.until->span,
            fmt::format("version {} ends on {}, before it starts", v.start.text, v.until->text));
      }
      version.until = until;
    }
    versions.push_back({&v, std::move(version)});
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
  for (size_t i = 1; i < versions.size(); ++i) {
    const auto& prev = versions[i - 1];
    const auto& cur = versions[i];
    if (prev.second.start == cur.second.start) {
      auto& d = Err(diag::DiagId::kVersionOverlap, cur.first->start.span,
                    fmt::format("guideline `{}` has two versions starting on {}", g.id.text,
                                cur.first->start.text));
      diags_.AddNote(d, prev.first->start.span, "the other version is here");
    } else if (prev.second.until && !(*prev.second.until < cur.second.start)) {
      auto& d = Err(diag::DiagId::kVersionOverlap, prev.first->until->span,
                    fmt::format("version {} of `{}` runs until {}, overlapping version {}",
                                prev.first->start.text, g.id.text, prev.first->until->text,
                                cur.first->start.text));
      diags_.AddNote(d, cur.first->start.span,
                     fmt::format("version {} starts here; end the earlier one on the day before "
                                 "at the latest",
                                 cur.first->start.text));
    }
  }

  // Criteria: ids unique; each body lowered once and shared by the versions it covers.
  std::vector<const ast::CriterionDecl*> seen;
  struct LoweredBody {
    std::optional<Date> from, before;
    std::string text;
    const ir::Node* expr;
  };
  std::vector<std::pair<const ast::CriterionDecl*, std::vector<LoweredBody>>> criteria;
  for (const ast::CriterionDecl& c : g.criteria) {
    auto dup = std::find_if(seen.begin(), seen.end(),
                            [&](const ast::CriterionDecl* s) { return s->id.text == c.id.text; });
    if (dup != seen.end()) {
      auto& d = Err(diag::DiagId::kDuplicateCriterion, c.id.span,
                    fmt::format("duplicate criterion id `{}`", c.id.text));
      diags_.AddNote(d, (*dup)->id.span, fmt::format("`{}` first defined here", c.id.text));
      for (const ast::CriterionBody& b : c.bodies)  // still check its expressions
        if (b.expr) Lower(*b.expr);
      continue;
    }
    seen.push_back(&c);
    if (c.unmet_reason && !ParseReasonCode(c.unmet_reason->text)) {
      auto& d = Err(diag::DiagId::kUnknownName, c.unmet_reason->span,
                    fmt::format("unknown reason code `{}`", c.unmet_reason->text));
      std::vector<std::string> names;
      for (int i = 0; i < kReasonCodeCount; ++i)
        names.emplace_back(ReasonCodeName(static_cast<ReasonCode>(i)));
      if (auto near = diag::ClosestMatch(c.unmet_reason->text, names))
        diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
    }
    std::vector<LoweredBody> bodies;
    for (size_t i = 0; i < c.bodies.size(); ++i) {
      const ast::CriterionBody& b = c.bodies[i];
      LoweredBody lb;
      if (b.from) lb.from = ParseDate(*b.from);
      if (b.before) lb.before = ParseDate(*b.before);
      // In a `{ from A = ...  from B = ... }` block each body runs until the next one starts.
      if (c.bodies.size() > 1 && i + 1 < c.bodies.size() && c.bodies[i + 1].from)
        lb.before = Date::Parse(c.bodies[i + 1].from->text);
      if (c.bodies.size() > 1 && i > 0 && lb.from && bodies.back().from &&
          !(*bodies.back().from < *lb.from)) {
        Err(diag::DiagId::kVersionOrder, b.from->span,
            "criterion bodies must be listed in date order");
      }
      lb.text = b.text ? *b.text : c.text;
      lb.expr = nullptr;
      if (b.expr) {
        Typed t = Lower(*b.expr);
        lb.expr = ExpectBool(*b.expr, t);
      }
      bodies.push_back(std::move(lb));
    }
    criteria.push_back({&c, std::move(bodies)});
  }

  struct LoweredNote {
    const ast::NoteDecl* decl;
    std::optional<Date> from, before;
    const ir::Node* when;
  };
  std::vector<LoweredNote> notes;
  for (const ast::NoteDecl& n : g.notes) {
    LoweredNote ln{&n, std::nullopt, std::nullopt, nullptr};
    if (n.from) ln.from = ParseDate(*n.from);
    if (n.before) ln.before = ParseDate(*n.before);
    if (n.when) ln.when = ExpectBool(*n.when, Lower(*n.when));
    notes.push_back(ln);
  }

  for (auto& [decl, version] : versions) {
    for (const auto& [c, bodies] : criteria) {
      for (const LoweredBody& b : bodies) {
        if (!InRange(version.start, b.from, b.before)) continue;
        ir::Criterion crit;
        crit.id = c->id.text;
        crit.text = b.text;
        crit.citation = c->citation;
        if (c->unmet_reason) crit.unmet_reason = ParseReasonCode(c->unmet_reason->text);
        crit.expr = b.expr;
        crit.span = c->id.span;
        version.criteria.push_back(std::move(crit));
        break;
      }
    }
    for (const LoweredNote& n : notes) {
      if (!InRange(version.start, n.from, n.before)) continue;
      ir::Note note;
      note.kind = n.decl->kind == ast::NoteKind::kRecommendation ? ir::NoteKind::kRecommendation
                  : n.decl->kind == ast::NoteKind::kEducation    ? ir::NoteKind::kEducation
                                                                 : ir::NoteKind::kNotice;
      note.text = n.decl->text;
      note.condition = n.when;
      version.notes.push_back(std::move(note));
    }
    out.versions.push_back(std::move(version));
  }
  program_->guidelines.push_back(std::move(out));
}

void Checker::CheckCodeOverlaps() {
  // One family per code: an exact code of one guideline must not be claimed by another.
  const auto& gs = program_->guidelines;
  for (size_t i = 0; i < gs.size(); ++i) {
    for (size_t j = 0; j < gs.size(); ++j) {
      if (i == j) continue;
      for (const std::string& code : gs[i].codes.exact()) {
        if (!gs[j].codes.Contains(code) || i > j) continue;
        auto& d = Err(diag::DiagId::kCodeOverlap, gs[i].span,
                      fmt::format("code {} belongs to both `{}` and `{}`", code, gs[i].id,
                                  gs[j].id));
        diags_.AddNote(d, gs[j].span, "the other guideline is here; a code may belong to one "
                                      "family only");
        break;
      }
    }
  }
}

}  // namespace mskc::sema
