// Expressions: names, members, calls, logic, if. Comparisons, arithmetic, sets and
// quantifiers are in checker_expr_ops.cc.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/diag/did_you_mean.h"
#include "compiler/sema/checker.h"

namespace mskc::sema {

using ast::ExprKind;

const ir::Node* Checker::ExpectBool(const ast::Expr& e, const Typed& t) {
  if (t.type.is_error()) return nullptr;
  if (t.type.kind == TypeKind::kBool) return t.node;
  Err(diag::DiagId::kTypeMismatch, e.span,
      fmt::format("expected a condition (bool), found {}", TypeName(t.type)));
  return nullptr;
}

std::optional<int32_t> Checker::EnumMember(int32_t enum_id, const std::string& name) const {
  if (enum_id < 0 || static_cast<size_t>(enum_id) >= program_->enums.size()) return std::nullopt;
  const auto& members = program_->enums[enum_id].members;
  auto it = std::find(members.begin(), members.end(), name);
  if (it == members.end()) return std::nullopt;
  return static_cast<int32_t>(it - members.begin());
}

std::vector<std::string> Checker::NamesInScope() const {
  std::vector<std::string> names;
  for (const auto& [n, _] : binders_) names.push_back(n);
  for (const auto& frame : bindings_)
    for (const auto& b : frame) names.push_back(b.name);
  for (const auto& l : lets_)
    if ((l.guideline.empty() || l.guideline == guideline_) && Visible(module_, l.module))
      names.push_back(l.decl->name.text);
  for (const auto& [n, f] : facts_)
    if (Visible(module_, f.module)) names.push_back(n);
  for (const auto& [n, _] : builtins_) names.push_back(n);
  names.push_back("member");
  names.push_back("line");
  return names;
}

void Checker::ReportUnknownName(const ast::Expr& e, const std::string& name) {
  // A fact or code set that exists but is not imported gets its own message.
  if (auto it = facts_.find(name); it != facts_.end()) {
    auto& d = Err(diag::DiagId::kUnknownFact, e.span,
                  fmt::format("fact `{}` is not imported here", name));
    diags_.AddNote(d, it->second.decl->name.span, "it is declared here; import its module");
    return;
  }
  if (codes_.count(name)) {
    Err(diag::DiagId::kTypeMismatch, e.span,
        fmt::format("code set `{}` can only be used after `in` or `contains`", name));
    return;
  }
  auto& d = Err(diag::DiagId::kUnknownName, e.span, fmt::format("unknown name `{}`", name));
  if (auto near = diag::ClosestMatch(name, NamesInScope()))
    diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
}

Typed Checker::LowerName(const ast::Expr& e) {
  const std::string& name = e.text;
  // Quantifier variables, innermost first.
  for (size_t i = binders_.size(); i-- > 0;) {
    if (binders_[i].first != name) continue;
    Type t = binders_[i].second;
    ir::Node* n = NewNode(ir::Op::kVar, ToValueType(t), e.span);
    n->var_depth = static_cast<uint32_t>(binders_.size() - 1 - i);
    n->enum_id = t.enum_id;
    return {t, n};
  }
  // Let parameters of the let being inlined.
  if (!bindings_.empty()) {
    for (const Binding& b : bindings_.back())
      if (b.name == name) return b.value;
  }
  // Lets: the current guideline's first, then top-level ones.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < lets_.size(); ++i) {
      const LetSym& l = lets_[i];
      if (l.decl->name.text != name || !Visible(module_, l.module)) continue;
      if (pass == 0 ? (l.guideline.empty() || l.guideline != guideline_) : !l.guideline.empty())
        continue;
      if (l.decl->has_params) {
        Err(diag::DiagId::kArity, e.span,
            fmt::format("`{}` takes {} argument{}; call it as `{}(...)`", name,
                        l.decl->params.size(), l.decl->params.size() == 1 ? "" : "s", name));
        return Error();
      }
      return LowerLet(e, i, {});
    }
  }
  if (auto it = facts_.find(name); it != facts_.end() && Visible(module_, it->second.module)) {
    return {it->second.type, SlotNode(name, e.span)};
  }
  if (auto it = builtins_.find(name); it != builtins_.end()) {
    return {it->second, SlotNode(name, e.span)};
  }
  if (name == "member" || name == "line") {
    Type t = Type::Of(TypeKind::kNamespace);
    t.ns = name;
    return {t, nullptr};
  }
  if (auto it = codes_.find(name); it != codes_.end() && Visible(module_, it->second.module)) {
    Typed t;
    t.type = Type::Of(TypeKind::kCodeSet);
    CodeSet set = BuildCodeSet(it->second.decl->items, it->second.module);
    program_->code_sets.push_back(std::move(set));
    t.code_set = static_cast<int32_t>(program_->code_sets.size() - 1);
    return t;
  }
  ReportUnknownName(e, name);
  return Error();
}

Typed Checker::LowerLet(const ast::Expr& use, size_t let_index, std::vector<Typed> args) {
  const LetSym& l = lets_[let_index];
  if (std::find(let_stack_.begin(), let_stack_.end(), let_index) != let_stack_.end()) {
    Err(diag::DiagId::kRecursion, use.span,
        fmt::format("`{}` refers to itself", l.decl->name.text));
    return Error();
  }
  bool parameterless = !l.decl->has_params;
  if (parameterless) {
    if (auto it = let_cache_.find(let_index); it != let_cache_.end()) return it->second;
  }
  // A let body sees its own module and guideline, never the caller's variables.
  auto saved_binders = std::move(binders_);
  binders_.clear();
  size_t saved_module = module_;
  std::string saved_guideline = guideline_;
  module_ = l.module;
  guideline_ = l.guideline;
  std::vector<Binding> frame;
  for (size_t i = 0; i < l.decl->params.size() && i < args.size(); ++i)
    frame.push_back({l.decl->params[i].name.text, args[i]});
  bindings_.push_back(std::move(frame));
  let_stack_.push_back(let_index);
  // Parameterless lets were checked where declared; calls re-lower quietly.
  if (!parameterless) ++suppress_;
  Typed result = l.decl->body ? Lower(*l.decl->body) : Error();
  if (!parameterless) --suppress_;
  let_stack_.pop_back();
  bindings_.pop_back();
  binders_ = std::move(saved_binders);
  module_ = saved_module;
  guideline_ = saved_guideline;
  if (parameterless) let_cache_[let_index] = result;
  return result;
}

Typed Checker::LowerMember(const ast::Expr& e) {
  Typed base = Lower(*e.args[0]);
  if (base.type.is_error()) return Error();
  const std::string& field = e.text;
  if (base.type.kind == TypeKind::kNamespace) {
    const auto& fields = base.type.ns == "member" ? member_fields_ : line_fields_;
    auto it = fields.find(field);
    if (it == fields.end()) {
      std::vector<std::string> names;
      for (const auto& [n, _] : fields) names.push_back(n);
      auto& d = Err(diag::DiagId::kUnknownField, e.text_span,
                    fmt::format("`{}` has no field `{}`", base.type.ns, field));
      if (auto near = diag::ClosestMatch(field, names))
        diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
      return Error();
    }
    return {it->second, SlotNode(base.type.ns + "." + field, e.span)};
  }
  if (base.type.kind == TypeKind::kHistoryItem) {
    static const std::vector<std::pair<std::string, std::pair<ir::HistoryField, TypeKind>>> kFields = {
        {"code", {ir::HistoryField::kCode, TypeKind::kCode}},
        {"date", {ir::HistoryField::kDate, TypeKind::kDate}},
        {"level", {ir::HistoryField::kLevel, TypeKind::kCode}},
        {"laterality", {ir::HistoryField::kLaterality, TypeKind::kCode}},
        {"relief_percent", {ir::HistoryField::kReliefPercent, TypeKind::kNumber}},
        {"relief_weeks", {ir::HistoryField::kReliefWeeks, TypeKind::kNumber}},
        {"functional_improvement", {ir::HistoryField::kFunctionalImprovement, TypeKind::kBool}},
    };
    for (const auto& [name, info] : kFields) {
      if (name != field) continue;
      Type t = Type::Of(info.second);
      ir::Node* n = NewNode(ir::Op::kField, ToValueType(t), e.span);
      n->field = info.first;
      n->a.push_back(base.node);
      return {t, n};
    }
    std::vector<std::string> names;
    for (const auto& [name, _] : kFields) names.push_back(name);
    auto& d = Err(diag::DiagId::kUnknownField, e.text_span,
                  fmt::format("a history item has no field `{}`", field));
    if (auto near = diag::ClosestMatch(field, names))
      diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
    return Error();
  }
  Err(diag::DiagId::kUnknownField, e.text_span,
      fmt::format("{} has no fields", TypeName(base.type)));
  return Error();
}

Typed Checker::LowerCall(const ast::Expr& e) {
  const std::string& name = e.text;
  auto arity = [&](size_t n) {
    if (e.args.size() == n) return true;
    Err(diag::DiagId::kArity, e.span,
        fmt::format("`{}` takes {} argument{}, found {}", name, n, n == 1 ? "" : "s",
                    e.args.size()));
    return false;
  };
  auto expect = [&](const ast::Expr& arg, const Typed& t, TypeKind kind, const char* what) {
    if (t.type.is_error()) return false;
    if (t.type.kind == kind) return true;
    Err(diag::DiagId::kTypeMismatch, arg.span,
        fmt::format("expected {}, found {}", what, TypeName(t.type)));
    return false;
  };
  // Builtin functions.
  if (name == "days_before" || name == "days_between" || name == "years_between" ||
      name == "size") {
    std::vector<Typed> args;
    for (const auto& a : e.args) args.push_back(Lower(*a));
    if (name == "size") {
      if (!arity(1) || args[0].type.is_error()) return Error();
      TypeKind k = args[0].type.kind;
      if (k != TypeKind::kEnumList && k != TypeKind::kCodeList && k != TypeKind::kHistoryList) {
        Err(diag::DiagId::kTypeMismatch, e.args[0]->span,
            fmt::format("expected a list, found {}", TypeName(args[0].type)));
        return Error();
      }
      ir::Node* n = NewNode(ir::Op::kListSize, ir::ValueType::kNumber, e.span);
      n->a.push_back(args[0].node);
      return {Type::Of(TypeKind::kNumber), n};
    }
    if (name == "days_before") {
      if (!arity(1) || !expect(*e.args[0], args[0], TypeKind::kDate, "a date")) return Error();
      ir::Node* n = NewNode(ir::Op::kDaysBetween, ir::ValueType::kNumber, e.span);
      n->a = {args[0].node, SlotNode("date_of_service", e.span)};
      return {Type::Of(TypeKind::kNumber), n};
    }
    if (!arity(2)) return Error();
    bool ok = expect(*e.args[0], args[0], TypeKind::kDate, "a date");
    ok = expect(*e.args[1], args[1], TypeKind::kDate, "a date") && ok;
    if (!ok) return Error();
    ir::Node* n = NewNode(name == "days_between" ? ir::Op::kDaysBetween : ir::Op::kAgeYears,
                          ir::ValueType::kNumber, e.span);
    n->a = {args[0].node, args[1].node};
    return {Type::Of(TypeKind::kNumber), n};
  }
  // User definitions with parameters.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < lets_.size(); ++i) {
      const LetSym& l = lets_[i];
      if (l.decl->name.text != name || !Visible(module_, l.module)) continue;
      if (pass == 0 ? (l.guideline.empty() || l.guideline != guideline_) : !l.guideline.empty())
        continue;
      if (!l.decl->has_params) {
        Err(diag::DiagId::kArity, e.span,
            fmt::format("`{}` takes no arguments; write it without `(...)`", name));
        return Error();
      }
      if (!arity(l.decl->params.size())) return Error();
      std::vector<Typed> args;
      bool ok = true;
      for (size_t k = 0; k < e.args.size(); ++k) {
        Typed a = Lower(*e.args[k]);
        const ast::Param& p = l.decl->params[k];
        TypeKind want = p.type == ast::ParamType::kBool     ? TypeKind::kBool
                        : p.type == ast::ParamType::kNumber ? TypeKind::kNumber
                        : p.type == ast::ParamType::kDate   ? TypeKind::kDate
                                                            : TypeKind::kCodeSet;
        const char* what = want == TypeKind::kBool     ? "a condition (bool)"
                           : want == TypeKind::kNumber ? "a number"
                           : want == TypeKind::kDate   ? "a date"
                                                       : "a code set";
        if (!expect(*e.args[k], a, want, what)) ok = false;
        if (a.node && want != TypeKind::kCodeSet && !binders_.empty()) {
          // Quantifier variables cannot cross into a let body (their depth would change).
          std::vector<const ir::Node*> stack{a.node};
          while (!stack.empty()) {
            const ir::Node* n = stack.back();
            stack.pop_back();
            if (!n) continue;
            if (n->op == ir::Op::kVar) {
              Err(diag::DiagId::kTypeMismatch, e.args[k]->span,
                  "a quantifier variable cannot be passed to a definition; write the "
                  "condition inline");
              ok = false;
              break;
            }
            for (const ir::Node* c : n->a) stack.push_back(c);
          }
        }
        args.push_back(a);
      }
      if (!ok) return Error();
      return LowerLet(e, i, std::move(args));
    }
  }
  std::vector<std::string> names = {"days_before", "days_between", "years_between", "size"};
  for (const auto& l : lets_)
    if (l.decl->has_params) names.push_back(l.decl->name.text);
  auto& d = Err(diag::DiagId::kUnknownName, e.text_span, fmt::format("unknown function `{}`", name));
  if (auto near = diag::ClosestMatch(name, names))
    diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
  return Error();
}

Typed Checker::Lower(const ast::Expr& e) {
  switch (e.kind) {
    case ExprKind::kError: return Error();
    case ExprKind::kNumber: {
      ir::Node* n = NewNode(ir::Op::kNumberConst, ir::ValueType::kNumber, e.span);
      n->number_value = e.number;
      if (e.unit == ast::DurationUnit::kNone) return {Type::Of(TypeKind::kNumber), n};
      Typed t;
      t.type = Type::Of(TypeKind::kDuration);
      t.type.unit = e.unit;
      t.amount = n;
      return t;
    }
    case ExprKind::kDate: {
      auto date = ParseDate({e.text, e.span});
      if (!date) return Error();
      ir::Node* n = NewNode(ir::Op::kDateConst, ir::ValueType::kDate, e.span);
      n->date_value = date->days();
      return {Type::Of(TypeKind::kDate), n};
    }
    case ExprKind::kString: {
      Typed t;
      t.type = Type::Of(TypeKind::kString);
      return t;
    }
    case ExprKind::kBool: {
      ir::Node* n = NewNode(ir::Op::kBoolConst, ir::ValueType::kBool, e.span);
      n->bool_value = e.bool_value;
      return {Type::Of(TypeKind::kBool), n};
    }
    case ExprKind::kName: return LowerName(e);
    case ExprKind::kMember: return LowerMember(e);
    case ExprKind::kCall: return LowerCall(e);
    case ExprKind::kNegate: {
      Typed a = Lower(*e.args[0]);
      if (a.type.is_error()) return Error();
      if (a.type.kind != TypeKind::kNumber) {
        Err(diag::DiagId::kTypeMismatch, e.args[0]->span,
            fmt::format("expected a number after `-`, found {}", TypeName(a.type)));
        return Error();
      }
      ir::Node* n = NewNode(ir::Op::kNeg, ir::ValueType::kNumber, e.span);
      n->a.push_back(a.node);
      return {Type::Of(TypeKind::kNumber), n};
    }
    case ExprKind::kNot: {
      Typed a = Lower(*e.args[0]);
      const ir::Node* operand = ExpectBool(*e.args[0], a);
      if (!operand) return Error();
      ir::Node* n = NewNode(ir::Op::kNot, ir::ValueType::kBool, e.span);
      n->a.push_back(operand);
      return {Type::Of(TypeKind::kBool), n};
    }
    case ExprKind::kBinary: return LowerBinary(e);
    case ExprKind::kIn: return LowerIn(e);
    case ExprKind::kContains: return LowerContains(e);
    case ExprKind::kGroup:
    case ExprKind::kAtLeast: {
      std::vector<const ir::Node*> operands;
      bool ok = true;
      for (const auto& a : e.args) {
        const ir::Node* n = ExpectBool(*a, Lower(*a));
        if (!n) ok = false;
        operands.push_back(n);
      }
      if (!ok) return Error();
      if (e.kind == ExprKind::kAtLeast) {
        if (e.count < 1 || static_cast<size_t>(e.count) > operands.size()) {
          Err(diag::DiagId::kInvalidValue, e.text_span.valid() ? e.text_span : e.span,
              fmt::format("`at least {} of` needs between 1 and {} conditions", e.count,
                          operands.size()));
          return Error();
        }
        ir::Node* n = NewNode(ir::Op::kAtLeast, ir::ValueType::kBool, e.span);
        n->int_value = e.count;
        n->a = operands;
        return {Type::Of(TypeKind::kBool), n};
      }
      ir::Node* n = NewNode(e.group == ast::GroupKind::kAll ? ir::Op::kAnd : ir::Op::kOr,
                            ir::ValueType::kBool, e.span);
      n->a = operands;
      if (e.group != ast::GroupKind::kNone) return {Type::Of(TypeKind::kBool), n};
      ir::Node* none = NewNode(ir::Op::kNot, ir::ValueType::kBool, e.span);
      none->a.push_back(n);
      return {Type::Of(TypeKind::kBool), none};
    }
    case ExprKind::kIf: {
      Typed c = Lower(*e.args[0]);
      Typed a = Lower(*e.args[1]);
      Typed b = Lower(*e.args[2]);
      const ir::Node* cond = ExpectBool(*e.args[0], c);
      if (!cond || a.type.is_error() || b.type.is_error()) return Error();
      auto plain = [](TypeKind k) {
        return k == TypeKind::kBool || k == TypeKind::kNumber || k == TypeKind::kDate ||
               k == TypeKind::kEnum;
      };
      if (!plain(a.type.kind) || a.type.kind != b.type.kind || a.type.enum_id != b.type.enum_id) {
        Err(diag::DiagId::kTypeMismatch, e.args[2]->span,
            fmt::format("expected {} in `else` (as in `then`), found {}", TypeName(a.type),
                        TypeName(b.type)));
        return Error();
      }
      ir::Node* n = NewNode(ir::Op::kIf, ToValueType(a.type), e.span);
      n->enum_id = a.type.enum_id;
      n->a = {cond, a.node, b.node};
      return {a.type, n};
    }
    case ExprKind::kQuantifier: return LowerQuantifier(e);
  }
  return Error();
}

}  // namespace mskc::sema
