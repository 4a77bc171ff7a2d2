// Quantifiers over lists: any, all, count, count-distinct and latest. The element is bound as
// kVar depth 0 for the filter (a[1]) and the predicate / key (a[2]); either may be null (true).
#include <string_view>

#include "compiler/interp/walker.h"

namespace mskc::interp::internal {
namespace {

using ir::ValueType;

const ir::Node* Operand(const ir::Node& n, size_t k) { return k < n.a.size() ? n.a[k] : nullptr; }

bool IsList(ValueType t) {
  return t == ValueType::kEnumList || t == ValueType::kCodeList || t == ValueType::kHistoryList;
}

// Equality of count-distinct keys (number, date, enum, code; bool for completeness).
bool SameKey(const Value& a, const Value& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case ValueType::kNumber: return a.num == b.num;
    case ValueType::kDate:
    case ValueType::kEnum: return a.i == b.i;
    case ValueType::kBool: return a.b == b.b;
    case ValueType::kCode:
      return std::string_view(a.data, a.size) == std::string_view(b.data, b.size);
    case ValueType::kHistoryItem: return a.item == b.item;
    default: return false;
  }
}

}  // namespace

bool Walker::Bind(const Value& list, uint32_t i) {
  if (depth_ >= kMaxVarDepth) return false;
  Value v;
  switch (list.type) {
    case ValueType::kEnumList:
      v = Value::Int(ValueType::kEnum, static_cast<const int32_t*>(list.items)[i]);
      break;
    case ValueType::kCodeList: v = Value::Code(static_cast<const abi::StrRef*>(list.items)[i]); break;
    case ValueType::kHistoryList:
      v = Value::Item(static_cast<const abi::HistoryItem*>(list.items) + i);
      break;
    default: return false;
  }
  vars_[depth_++] = v;
  return true;
}

Value Walker::EvalAny(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (!l.known || !IsList(l.type) || depth_ >= kMaxVarDepth) return Value::Unknown(ValueType::kBool);
  bool saw_true = false, saw_unknown = false;
  for (uint32_t i = 0; i < l.size; ++i) {
    size_t mark = Mark();
    Bind(l, i);
    Tri r = EvalTri(Operand(n, 1));
    if (r != Tri::kFalse) r = And(r, EvalTri(Operand(n, 2)));
    Unbind();
    SettleElement(mark, r);  // the element's and(filter, pred) is an enclosing expression
    if (r == Tri::kTrue) {
      if (sink_ == nullptr) return Value::Bool(true);
      saw_true = true;
    } else if (r == Tri::kUnknown) {
      saw_unknown = true;
    }
  }
  if (saw_true) return Value::Bool(true);
  return saw_unknown ? Value::Unknown(ValueType::kBool) : Value::Bool(false);
}

Value Walker::EvalAll(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (!l.known || !IsList(l.type) || depth_ >= kMaxVarDepth) return Value::Unknown(ValueType::kBool);
  bool saw_false = false, saw_unknown = false;
  for (uint32_t i = 0; i < l.size; ++i) {
    size_t mark = Mark();
    Bind(l, i);
    Tri f = EvalTri(Operand(n, 1));
    Tri r = f == Tri::kFalse ? Tri::kTrue : Or(Not(f), EvalTri(Operand(n, 2)));
    Unbind();
    SettleElement(mark, r);  // the element's or(not filter, pred)
    if (r == Tri::kFalse) {
      if (sink_ == nullptr) return Value::Bool(false);
      saw_false = true;
    } else if (r == Tri::kUnknown) {
      saw_unknown = true;
    }
  }
  if (saw_false) return Value::Bool(false);
  return saw_unknown ? Value::Unknown(ValueType::kBool) : Value::Bool(true);
}

Value Walker::EvalCount(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (!l.known || !IsList(l.type) || depth_ >= kMaxVarDepth) return Value::Unknown(ValueType::kNumber);
  const ir::Node* filter = Operand(n, 1);
  if (filter == nullptr) return Value::Number(static_cast<double>(l.size));
  uint32_t count = 0;
  bool saw_unknown = false;
  for (uint32_t i = 0; i < l.size; ++i) {
    Bind(l, i);
    Tri f = EvalTri(filter);
    Unbind();
    if (f == Tri::kTrue) {
      ++count;
    } else if (f == Tri::kUnknown) {
      if (sink_ == nullptr) return Value::Unknown(ValueType::kNumber);
      saw_unknown = true;
    }
  }
  return saw_unknown ? Value::Unknown(ValueType::kNumber) : Value::Number(count);
}

Value Walker::EvalCountDistinct(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (!l.known || !IsList(l.type) || depth_ >= kMaxVarDepth) return Value::Unknown(ValueType::kNumber);
  const ir::Node* filter = Operand(n, 1);
  const ir::Node* key = Operand(n, 2);
  const bool inline_keys = l.size <= kDistinctInline;
  Value keys[kDistinctInline];  // uninitialised: only [0, distinct) is read
  uint32_t distinct = 0;
  bool saw_unknown = false;
  for (uint32_t i = 0; i < l.size; ++i) {
    Bind(l, i);
    Tri f = EvalTri(filter);
    Value k = Value::Bool(true);
    if (f == Tri::kTrue && key != nullptr) k = Eval(*key);
    Unbind();
    if (f == Tri::kUnknown || (f == Tri::kTrue && !k.known)) {
      if (sink_ == nullptr) return Value::Unknown(ValueType::kNumber);
      saw_unknown = true;
      continue;
    }
    if (f != Tri::kTrue || !inline_keys || saw_unknown) continue;
    bool seen = false;
    for (uint32_t j = 0; j < distinct && !seen; ++j) seen = SameKey(keys[j], k);
    if (!seen) keys[distinct++] = k;
  }
  if (saw_unknown) return Value::Unknown(ValueType::kNumber);
  if (inline_keys) return Value::Number(distinct);
  // Long list: every filter and key is known now; count first occurrences by rescanning.
  auto key_of = [&](uint32_t i, Value* out) {
    Bind(l, i);
    bool pass = EvalTri(filter) == Tri::kTrue;
    if (pass) *out = key != nullptr ? Eval(*key) : Value::Bool(true);
    Unbind();
    return pass;
  };
  for (uint32_t i = 0; i < l.size; ++i) {
    Value ki, kj;
    if (!key_of(i, &ki)) continue;
    bool seen = false;
    for (uint32_t j = 0; j < i && !seen; ++j) seen = key_of(j, &kj) && SameKey(kj, ki);
    if (!seen) ++distinct;
  }
  return Value::Number(distinct);
}

Value Walker::EvalLatest(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (!l.known || l.type != ValueType::kHistoryList || depth_ >= kMaxVarDepth)
    return Value::Unknown(ValueType::kBool);
  const auto* items = static_cast<const abi::HistoryItem*>(l.items);
  const ir::Node* filter = Operand(n, 1);
  const ir::Node* pred = Operand(n, 2);
  bool any = false, saw_unknown = false;
  int32_t latest = 0;
  for (uint32_t i = 0; i < l.size; ++i) {
    Bind(l, i);
    Tri f = EvalTri(filter);
    Unbind();
    if (f == Tri::kUnknown) {
      if (sink_ == nullptr) return Value::Unknown(ValueType::kBool);
      saw_unknown = true;
    } else if (f == Tri::kTrue && (!any || items[i].date > latest)) {
      any = true;
      latest = items[i].date;
    }
  }
  if (saw_unknown) return Value::Unknown(ValueType::kBool);
  if (!any) return Value::Bool(true);
  // Every selected item dated `latest` must satisfy the predicate (ties included).
  bool saw_false = false;
  saw_unknown = false;
  for (uint32_t i = 0; i < l.size; ++i) {
    if (items[i].date != latest) continue;
    Bind(l, i);
    Tri r = Tri::kFalse;
    bool selected = EvalTri(filter) == Tri::kTrue;
    if (selected) r = EvalTri(pred);
    Unbind();
    if (!selected) continue;
    if (r == Tri::kFalse) {
      if (sink_ == nullptr) return Value::Bool(false);
      saw_false = true;
    } else if (r == Tri::kUnknown) {
      saw_unknown = true;
    }
  }
  if (saw_false) return Value::Bool(false);
  return saw_unknown ? Value::Unknown(ValueType::kBool) : Value::Bool(true);
}

}  // namespace mskc::interp::internal
