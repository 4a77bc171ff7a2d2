// Explain: one criterion evaluated with a recording walker — its value, the facts it read, the
// absent facts that left it unknown (`missing`) and the sub-expression that decided it.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "compiler/interp/walker.h"
#include "runtime/core/date.h"

namespace mskc::interp {
namespace internal {
namespace {

using ir::ValueType;

void AppendQuoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void AppendNumber(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  if (x == 0) x = 0;  // no "-0"
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, x);  // shortest round-trip: 6, 11.5
  out.append(buf, res.ptr);
}

void AppendDate(std::string& out, int32_t days) {
  out += '"';
  out += Date::FromDays(days).ToString();
  out += '"';
}

void AppendEnum(std::string& out, const ir::Program& program, int32_t enum_id, int32_t ordinal) {
  if (enum_id >= 0 && static_cast<size_t>(enum_id) < program.enums.size()) {
    const auto& members = program.enums[static_cast<size_t>(enum_id)].members;
    if (ordinal >= 0 && static_cast<size_t>(ordinal) < members.size()) {
      AppendQuoted(out, members[static_cast<size_t>(ordinal)]);
      return;
    }
  }
  out += "null";  // a value outside the vocabulary (ordinal -1)
}

void AppendStr(std::string& out, const abi::StrRef& s) { AppendQuoted(out, {s.data, s.size}); }

void AppendItem(std::string& out, const abi::HistoryItem& it) {
  out += "{\"code\":";
  AppendStr(out, it.code);
  out += ",\"date\":";
  AppendDate(out, it.date);
  if (it.level.size > 0) {
    out += ",\"level\":";
    AppendStr(out, it.level);
  }
  if (it.laterality.size > 0) {
    out += ",\"laterality\":";
    AppendStr(out, it.laterality);
  }
  if (it.relief_percent_known) {
    out += ",\"relief_percent\":";
    AppendNumber(out, it.relief_percent);
  }
  if (it.relief_weeks_known) {
    out += ",\"relief_weeks\":";
    AppendNumber(out, it.relief_weeks);
  }
  if (it.functional_improvement <= 1)
    out += it.functional_improvement ? ",\"functional_improvement\":true"
                                     : ",\"functional_improvement\":false";
  out += '}';
}

void AppendList(std::string& out, const ir::Program& program, ValueType t, const abi::List& l,
                int32_t enum_id) {
  out += '[';
  for (uint32_t i = 0; i < l.size; ++i) {
    if (i > 0) out += ',';
    if (t == ValueType::kEnumList) {
      AppendEnum(out, program, enum_id, static_cast<const int32_t*>(l.items)[i]);
    } else if (t == ValueType::kCodeList) {
      AppendStr(out, static_cast<const abi::StrRef*>(l.items)[i]);
    } else {
      AppendItem(out, static_cast<const abi::HistoryItem*>(l.items)[i]);
    }
  }
  out += ']';
}

// Follows and-false / or-true to the first operand with the same value, as far as it goes.
source::Span Deciding(const ir::Program& program, const ir::Criterion& criterion, Tri result,
                      const uint8_t* frame, const abi::EvalContext& ctx) {
  source::Span span = criterion.span;
  const ir::Node* cur = criterion.expr;
  while (cur != nullptr) {
    if (cur->span.valid()) span = cur->span;
    const bool descend = (cur->op == ir::Op::kAnd && result == Tri::kFalse) ||
                         (cur->op == ir::Op::kOr && result == Tri::kTrue);
    if (!descend) break;
    const ir::Node* next = nullptr;
    for (const ir::Node* op : cur->a) {
      Walker walker(program, frame, ctx);
      if (walker.Eval(*op).tri() == result) {
        next = op;
        break;
      }
    }
    cur = next;
  }
  return span;
}

}  // namespace

std::string RenderValue(const ir::Program& program, const Value& v, int32_t enum_id) {
  if (!v.known) return "unknown";
  std::string out;
  switch (v.type) {
    case ValueType::kBool: out = v.b ? "true" : "false"; break;
    case ValueType::kNumber: AppendNumber(out, v.num); break;
    case ValueType::kDate: AppendDate(out, v.i); break;
    case ValueType::kEnum: AppendEnum(out, program, enum_id, v.i); break;
    case ValueType::kCode: AppendStr(out, v.str()); break;
    case ValueType::kEnumList:
    case ValueType::kCodeList:
    case ValueType::kHistoryList: AppendList(out, program, v.type, v.list(), enum_id); break;
    case ValueType::kHistoryItem: AppendItem(out, *v.item); break;
  }
  return out;
}

void Walker::RecordRead(std::string_view key, const Value& v, int32_t enum_id, bool latest_wins) {
  for (FactRead& r : sink_->reads) {
    if (r.key != key) continue;
    if (latest_wins) r.value = RenderValue(program_, v, enum_id);
    return;
  }
  sink_->reads.push_back(FactRead{std::string(key), RenderValue(program_, v, enum_id)});
}

}  // namespace internal

Explanation Explain(const ir::Program& program, const ir::Criterion& criterion,
                    const uint8_t* frame, const abi::EvalContext& ctx) {
  Explanation e;
  internal::ExplainSink sink;
  if (criterion.expr != nullptr) {
    internal::Walker walker(program, frame, ctx, &sink);
    e.result = walker.Eval(*criterion.expr).tri();
  }
  if (e.result == Tri::kUnknown) {
    e.missing.assign(sink.candidates.begin(), sink.candidates.end());
    std::sort(e.missing.begin(), e.missing.end());
    e.missing.erase(std::unique(e.missing.begin(), e.missing.end()), e.missing.end());
  }
  e.reads = std::move(sink.reads);
  e.deciding = internal::Deciding(program, criterion, e.result, frame, ctx);
  return e;
}

}  // namespace mskc::interp
