// Operators: logic, comparison, arithmetic and date arithmetic, membership, quantifiers.
#include <fmt/format.h>

#include "compiler/diag/did_you_mean.h"
#include "compiler/sema/checker.h"

namespace mskc::sema {

using ast::BinaryOp;
using ast::ExprKind;

namespace {

const char* OpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAnd: return "and";
    case BinaryOp::kOr: return "or";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kEq: return "==";
    case BinaryOp::kNe: return "!=";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
  }
  return "?";
}

ir::Op CompareOp(BinaryOp op) {
  switch (op) {
    case BinaryOp::kLt: return ir::Op::kLt;
    case BinaryOp::kLe: return ir::Op::kLe;
    case BinaryOp::kGt: return ir::Op::kGt;
    case BinaryOp::kGe: return ir::Op::kGe;
    case BinaryOp::kNe: return ir::Op::kNe;
    default: return ir::Op::kEq;
  }
}

}  // namespace

Typed Checker::LowerBinary(const ast::Expr& e) {
  switch (e.op) {
    case BinaryOp::kAnd:
    case BinaryOp::kOr: {
      std::vector<const ir::Node*> operands;
      bool ok = true;
      for (const auto& a : e.args) {
        Typed t = Lower(*a);
        if (t.type.is_error()) { ok = false; continue; }
        const ir::Node* n = ExpectBool(*a, t);
        if (!n) ok = false;
        operands.push_back(n);
      }
      if (!ok) return Error();
      ir::Node* n = NewNode(e.op == BinaryOp::kAnd ? ir::Op::kAnd : ir::Op::kOr,
                            ir::ValueType::kBool, e.span);
      n->a = operands;
      return {Type::Of(TypeKind::kBool), n};
    }
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
      return LowerArith(e);
    default:
      return LowerCompare(e);
  }
}

Typed Checker::LowerCompare(const ast::Expr& e) {
  Typed a = Lower(*e.args[0]);
  Typed b;
  const ast::Expr& rhs = *e.args[1];
  // Type-directed enum values: `imaging_type == mri`.
  if (a.type.kind == TypeKind::kEnum && rhs.kind == ExprKind::kName) {
    if (auto ordinal = EnumMember(a.type.enum_id, rhs.text)) {
      ir::Node* c = NewNode(ir::Op::kEnumConst, ir::ValueType::kEnum, rhs.span);
      c->int_value = *ordinal;
      c->enum_id = a.type.enum_id;
      b = {a.type, c};
    } else if (!facts_.count(rhs.text) && !builtins_.count(rhs.text)) {
      const auto& members = program_->enums[a.type.enum_id].members;
      auto& d = Err(diag::DiagId::kUnknownEnumMember, rhs.span,
                    fmt::format("`{}` is not a value of `{}`", rhs.text,
                                program_->enums[a.type.enum_id].name));
      if (auto near = diag::ClosestMatch(rhs.text, members))
        diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
      return Error();
    }
  }
  if (!b.node) b = Lower(rhs);
  if (a.type.is_error() || b.type.is_error()) return Error();
  bool equality = e.op == BinaryOp::kEq || e.op == BinaryOp::kNe;
  ast::Span op_span = e.text_span.valid() ? e.text_span : e.span;
  // A code compared with a string literal: membership in a one-code set.
  if (a.type.kind == TypeKind::kCode && b.type.kind == TypeKind::kString && equality) {
    ast::SetItem item;
    item.low = rhs.text;
    item.span = rhs.span;
    CodeSet set = BuildCodeSet({item}, module_);
    program_->code_sets.push_back(std::move(set));
    ir::Node* n = NewNode(ir::Op::kInCodeSet, ir::ValueType::kBool, e.span);
    n->int_value = static_cast<int64_t>(program_->code_sets.size() - 1);
    n->a.push_back(a.node);
    if (e.op == BinaryOp::kEq) return {Type::Of(TypeKind::kBool), n};
    ir::Node* neg = NewNode(ir::Op::kNot, ir::ValueType::kBool, e.span);
    neg->a.push_back(n);
    return {Type::Of(TypeKind::kBool), neg};
  }
  bool same = a.type.kind == b.type.kind &&
              (a.type.kind != TypeKind::kEnum || a.type.enum_id == b.type.enum_id);
  bool ordered = a.type.kind == TypeKind::kNumber || a.type.kind == TypeKind::kDate;
  bool comparable = ordered || (equality && (a.type.kind == TypeKind::kEnum ||
                                             a.type.kind == TypeKind::kBool));
  if (!same) {
    auto& d = Err(diag::DiagId::kTypeMismatch, rhs.span,
                  fmt::format("expected {} to compare with `{}`, found {}", TypeName(a.type),
                              sources_.Text(e.args[0]->span), TypeName(b.type)));
    if (a.type.kind == TypeKind::kDate && b.type.kind == TypeKind::kDuration)
      diags_.AddNote(d, std::nullopt,
                     "a duration is not a date: write `date_of_service - 14 days` to get one");
    return Error();
  }
  if (!comparable) {
    Err(diag::DiagId::kTypeMismatch, op_span,
        fmt::format("`{}` cannot compare {}", OpText(e.op), TypeName(a.type)));
    return Error();
  }
  ir::Node* n = NewNode(CompareOp(e.op), ir::ValueType::kBool, e.span);
  n->a = {a.node, b.node};
  return {Type::Of(TypeKind::kBool), n};
}

Typed Checker::LowerArith(const ast::Expr& e) {
  Typed a = Lower(*e.args[0]);
  Typed b = Lower(*e.args[1]);
  if (a.type.is_error() || b.type.is_error()) return Error();
  TypeKind ka = a.type.kind, kb = b.type.kind;
  if (ka == TypeKind::kNumber && kb == TypeKind::kNumber) {
    ir::Op op = e.op == BinaryOp::kAdd   ? ir::Op::kAdd
                : e.op == BinaryOp::kSub ? ir::Op::kSub
                : e.op == BinaryOp::kMul ? ir::Op::kMul
                                         : ir::Op::kDiv;
    ir::Node* n = NewNode(op, ir::ValueType::kNumber, e.span);
    n->a = {a.node, b.node};
    return {Type::Of(TypeKind::kNumber), n};
  }
  // date ± duration → date
  if (ka == TypeKind::kDate && kb == TypeKind::kDuration &&
      (e.op == BinaryOp::kAdd || e.op == BinaryOp::kSub)) {
    const ir::Node* amount = b.amount;
    ir::Op op = ir::Op::kDateAddDays;
    double scale = 1;
    switch (b.type.unit) {
      case ast::DurationUnit::kWeeks: scale = 7; break;
      case ast::DurationUnit::kMonths: op = ir::Op::kDateAddMonths; break;
      case ast::DurationUnit::kYears: op = ir::Op::kDateAddMonths; scale = 12; break;
      case ast::DurationUnit::kBusinessDays: op = ir::Op::kDateAddBusinessDays; break;
      default: break;
    }
    if (scale != 1) {
      ir::Node* k = NewNode(ir::Op::kNumberConst, ir::ValueType::kNumber, e.args[1]->span);
      k->number_value = scale;
      ir::Node* m = NewNode(ir::Op::kMul, ir::ValueType::kNumber, e.args[1]->span);
      m->a = {amount, k};
      amount = m;
    }
    if (e.op == BinaryOp::kSub) {
      ir::Node* neg = NewNode(ir::Op::kNeg, ir::ValueType::kNumber, e.args[1]->span);
      neg->a = {amount};
      amount = neg;
    }
    ir::Node* n = NewNode(op, ir::ValueType::kDate, e.span);
    n->a = {a.node, amount};
    return {Type::Of(TypeKind::kDate), n};
  }
  // date − date → days
  if (ka == TypeKind::kDate && kb == TypeKind::kDate && e.op == BinaryOp::kSub) {
    ir::Node* n = NewNode(ir::Op::kDaysBetween, ir::ValueType::kNumber, e.span);
    n->a = {b.node, a.node};
    return {Type::Of(TypeKind::kNumber), n};
  }
  ast::Span op_span = e.text_span.valid() ? e.text_span : e.span;
  auto& d = Err(diag::DiagId::kTypeMismatch, op_span,
                fmt::format("`{}` cannot combine {} and {}", OpText(e.op), TypeName(a.type),
                            TypeName(b.type)));
  if (ka == TypeKind::kDate && kb == TypeKind::kNumber)
    diags_.AddNote(d, std::nullopt, "give the number a unit: `14 days`, `6 months`, `10 business days`");
  return Error();
}

bool Checker::LowerSetOperand(const ast::Expr& e, const Type& element, int32_t* code_set,
                              uint64_t* enum_set) {
  if (element.kind == TypeKind::kCode) {
    if (e.has_set_literal) {
      for (const ast::SetItem& item : e.set_items) {
        if (item.kind == ast::SetItem::Kind::kName && !codes_.count(item.low)) {
          Err(diag::DiagId::kTypeMismatch, item.span,
              fmt::format("expected a code in quotes (\"{}\") or a code-set name, found `{}`",
                          item.low, item.low));
          return false;
        }
      }
      size_t before = diags_.error_count();
      CodeSet set = BuildCodeSet(e.set_items, module_);
      if (diags_.error_count() != before) return false;
      program_->code_sets.push_back(std::move(set));
      *code_set = static_cast<int32_t>(program_->code_sets.size() - 1);
      return true;
    }
    Typed ref = Lower(*e.args.back());
    if (ref.type.is_error()) return false;
    if (ref.type.kind != TypeKind::kCodeSet) {
      Err(diag::DiagId::kTypeMismatch, e.args.back()->span,
          fmt::format("expected a code set, found {}", TypeName(ref.type)));
      return false;
    }
    *code_set = ref.code_set;
    return true;
  }
  if (element.kind == TypeKind::kEnum) {
    const ir::EnumType& en = program_->enums[element.enum_id];
    if (!e.has_set_literal) {
      const ast::Expr& rhs = *e.args.back();
      if (rhs.kind == ExprKind::kName) {
        if (auto ordinal = EnumMember(element.enum_id, rhs.text)) {
          *enum_set = uint64_t{1} << *ordinal;
          return true;
        }
      }
      Err(diag::DiagId::kTypeMismatch, rhs.span,
          fmt::format("expected values of `{}` in braces, like `{{{}}}`", en.name,
                      en.members.empty() ? "" : en.members[0]));
      return false;
    }
    bool ok = true;
    for (const ast::SetItem& item : e.set_items) {
      auto ordinal = item.kind == ast::SetItem::Kind::kName ? EnumMember(element.enum_id, item.low)
                                                            : std::nullopt;
      if (!ordinal) {
        auto& d = Err(diag::DiagId::kUnknownEnumMember, item.span,
                      fmt::format("`{}` is not a value of `{}`", item.low, en.name));
        if (auto near = diag::ClosestMatch(item.low, en.members))
          diags_.AddNote(d, std::nullopt, fmt::format("did you mean `{}`?", *near));
        ok = false;
        continue;
      }
      *enum_set |= uint64_t{1} << *ordinal;
    }
    return ok;
  }
  return false;
}

Typed Checker::LowerIn(const ast::Expr& e) {
  Typed x = Lower(*e.args[0]);
  if (x.type.is_error()) return Error();
  if (x.type.kind != TypeKind::kCode && x.type.kind != TypeKind::kEnum) {
    Err(diag::DiagId::kTypeMismatch, e.args[0]->span,
        fmt::format("expected a code or a value of a `one of` fact before `in`, found {}{}",
                    TypeName(x.type),
                    x.type.kind == TypeKind::kCodeList || x.type.kind == TypeKind::kEnumList
                        ? "; for a list use `contains`" : ""));
    return Error();
  }
  int32_t code_set = -1;
  uint64_t enum_set = 0;
  if (!LowerSetOperand(e, x.type, &code_set, &enum_set)) return Error();
  ir::Node* n;
  if (x.type.kind == TypeKind::kCode) {
    n = NewNode(ir::Op::kInCodeSet, ir::ValueType::kBool, e.span);
    n->int_value = code_set;
  } else {
    n = NewNode(ir::Op::kInEnumSet, ir::ValueType::kBool, e.span);
    n->enum_set = enum_set;
    n->enum_id = x.type.enum_id;
  }
  n->a.push_back(x.node);
  if (!e.negated) return {Type::Of(TypeKind::kBool), n};
  ir::Node* neg = NewNode(ir::Op::kNot, ir::ValueType::kBool, e.span);
  neg->a.push_back(n);
  return {Type::Of(TypeKind::kBool), neg};
}

Typed Checker::LowerContains(const ast::Expr& e) {
  Typed list = Lower(*e.args[0]);
  if (list.type.is_error()) return Error();
  if (list.type.kind == TypeKind::kEnumList) {
    Type element = list.type;
    element.kind = TypeKind::kEnum;
    uint64_t mask = 0;
    int32_t unused = -1;
    if (!LowerSetOperand(e, element, &unused, &mask)) return Error();
    ir::Node* n = NewNode(ir::Op::kListHasAny, ir::ValueType::kBool, e.span);
    n->enum_set = mask;
    n->enum_id = list.type.enum_id;
    n->a.push_back(list.node);
    return {Type::Of(TypeKind::kBool), n};
  }
  if (list.type.kind == TypeKind::kCodeList) {
    int32_t code_set = -1;
    uint64_t unused = 0;
    if (!LowerSetOperand(e, Type::Of(TypeKind::kCode), &code_set, &unused)) return Error();
    // any element of the list in the set
    ir::Node* var = NewNode(ir::Op::kVar, ir::ValueType::kCode, e.span);
    ir::Node* in = NewNode(ir::Op::kInCodeSet, ir::ValueType::kBool, e.span);
    in->int_value = code_set;
    in->a.push_back(var);
    ir::Node* any = NewNode(ir::Op::kAny, ir::ValueType::kBool, e.span);
    any->a = {list.node, nullptr, in};
    return {Type::Of(TypeKind::kBool), any};
  }
  Err(diag::DiagId::kTypeMismatch, e.args[0]->span,
      fmt::format("expected a list before `contains`, found {}", TypeName(list.type)));
  return Error();
}

Typed Checker::LowerQuantifier(const ast::Expr& e) {
  Typed list = Lower(*e.args[0]);
  if (list.type.is_error()) return Error();
  Type element;
  switch (list.type.kind) {
    case TypeKind::kEnumList: element = list.type; element.kind = TypeKind::kEnum; break;
    case TypeKind::kCodeList: element = Type::Of(TypeKind::kCode); break;
    case TypeKind::kHistoryList: element = Type::Of(TypeKind::kHistoryItem); break;
    default:
      Err(diag::DiagId::kTypeMismatch, e.args[0]->span,
          fmt::format("expected a list after `in`, found {}", TypeName(list.type)));
      return Error();
  }
  if (e.quant == ast::QuantKind::kLatest && element.kind != TypeKind::kHistoryItem) {
    Err(diag::DiagId::kTypeMismatch, e.args[0]->span,
        "`latest` needs the history list (its items have dates)");
    return Error();
  }
  binders_.push_back({e.text, element});
  bool ok = true;
  const ir::Node* filter = nullptr;
  const ir::Node* body = nullptr;
  if (e.args[1]) {
    filter = ExpectBool(*e.args[1], Lower(*e.args[1]));
    if (!filter) ok = false;
  }
  Type key_type;
  if (e.args[2]) {
    Typed t = Lower(*e.args[2]);
    if (e.quant == ast::QuantKind::kCount) {
      key_type = t.type;
      TypeKind k = t.type.kind;
      if (!t.type.is_error() && k != TypeKind::kNumber && k != TypeKind::kDate &&
          k != TypeKind::kEnum && k != TypeKind::kCode) {
        Err(diag::DiagId::kTypeMismatch, e.args[2]->span,
            fmt::format("expected a number, date, code or value after `by`, found {}",
                        TypeName(t.type)));
        ok = false;
      } else if (t.type.is_error()) {
        ok = false;
      }
      body = t.node;
    } else {
      body = ExpectBool(*e.args[2], t);
      if (!body) ok = false;
    }
  }
  binders_.pop_back();
  if (!ok) return Error();
  ir::Op op = ir::Op::kAny;
  ir::ValueType result = ir::ValueType::kBool;
  switch (e.quant) {
    case ast::QuantKind::kAny: op = ir::Op::kAny; break;
    case ast::QuantKind::kAll: op = ir::Op::kAll; break;
    case ast::QuantKind::kLatest: op = ir::Op::kLatest; break;
    case ast::QuantKind::kCount:
      op = body ? ir::Op::kCountDistinct : ir::Op::kCount;
      result = ir::ValueType::kNumber;
      break;
  }
  ir::Node* n = NewNode(op, result, e.span);
  n->a = {list.node, filter, body};
  return {result == ir::ValueType::kNumber ? Type::Of(TypeKind::kNumber) : Type::Of(TypeKind::kBool),
          n};
}

}  // namespace mskc::sema
