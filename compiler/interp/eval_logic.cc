// Kleene logic: not, n-ary and/or (short-circuit on a deciding operand unless explaining),
// at-least-N and if-then-else.
#include "compiler/interp/walker.h"

namespace mskc::interp::internal {

Value Walker::EvalNot(const ir::Node& n) { return Value::FromTri(Not(Eval(*n.a[0]).tri())); }

Value Walker::EvalAnd(const ir::Node& n) {
  bool saw_false = false, saw_unknown = false;
  for (const ir::Node* op : n.a) {
    Tri t = Eval(*op).tri();
    if (t == Tri::kFalse) {
      if (sink_ == nullptr) return Value::Bool(false);
      saw_false = true;
    } else if (t == Tri::kUnknown) {
      saw_unknown = true;
    }
  }
  if (saw_false) return Value::Bool(false);
  return saw_unknown ? Value::Unknown(ir::ValueType::kBool) : Value::Bool(true);
}

Value Walker::EvalOr(const ir::Node& n) {
  bool saw_true = false, saw_unknown = false;
  for (const ir::Node* op : n.a) {
    Tri t = Eval(*op).tri();
    if (t == Tri::kTrue) {
      if (sink_ == nullptr) return Value::Bool(true);
      saw_true = true;
    } else if (t == Tri::kUnknown) {
      saw_unknown = true;
    }
  }
  if (saw_true) return Value::Bool(true);
  return saw_unknown ? Value::Unknown(ir::ValueType::kBool) : Value::Bool(false);
}

Value Walker::EvalAtLeast(const ir::Node& n) {
  const int64_t need = n.int_value;
  const int64_t total = static_cast<int64_t>(n.a.size());
  int64_t yes = 0, unknown = 0;
  for (int64_t i = 0; i < total; ++i) {
    Tri t = Eval(*n.a[static_cast<size_t>(i)]).tri();
    if (t == Tri::kTrue) ++yes;
    else if (t == Tri::kUnknown) ++unknown;
    if (sink_ == nullptr) {
      if (yes >= need) return Value::Bool(true);
      // Even every remaining operand true cannot reach N.
      if (yes + unknown + (total - i - 1) < need) return Value::Bool(false);
    }
  }
  if (yes >= need) return Value::Bool(true);
  if (yes + unknown < need) return Value::Bool(false);
  return Value::Unknown(ir::ValueType::kBool);
}

Value Walker::EvalIf(const ir::Node& n) {
  Tri cond = Eval(*n.a[0]).tri();
  if (cond == Tri::kUnknown) return Value::Unknown(n.type);
  return Eval(*n.a[cond == Tri::kTrue ? 1 : 2]);
}

}  // namespace mskc::interp::internal
