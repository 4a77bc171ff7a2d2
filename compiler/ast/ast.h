// The .msk syntax tree: plain data with a span on every node, built by the frontend from the
// parse tree and read by sema. A construct that failed to parse becomes a kError node.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/span.h"

namespace mskc::ast {

using source::Span;

struct Name {
  std::string text;
  Span span;
};

// ---- expressions --------------------------------------------------------------------------------

enum class ExprKind : uint8_t {
  kNumber,     // number (+ optional duration unit)
  kDate,       // text = YYYY-MM-DD as written
  kString,     // text = unescaped
  kBool,       // bool_value
  kName,       // text
  kMember,     // args[0] . text
  kCall,       // text(args...)
  kNegate,     // - args[0]
  kNot,        // not args[0]
  kBinary,     // args[0] op args[1] (and/or are n-ary: args...)
  kIn,         // args[0] in set (set_items, or args[1] a named set); negated
  kContains,   // args[0] contains [any of] set (set_items or args[1])
  kGroup,      // all of / any of / none of (args...)
  kAtLeast,    // at least `count` of (args...)
  kIf,         // if args[0] then args[1] else args[2]
  kQuantifier, // quant binder in args[0] [where args[1]] (: args[2] | by args[2]); nulls allowed
  kError,
};

enum class BinaryOp : uint8_t { kAnd, kOr, kLt, kLe, kGt, kGe, kEq, kNe, kAdd, kSub, kMul, kDiv };
enum class DurationUnit : uint8_t { kNone, kDays, kWeeks, kMonths, kYears, kBusinessDays };
enum class GroupKind : uint8_t { kAll, kAny, kNone };
enum class QuantKind : uint8_t { kAny, kAll, kLatest, kCount };

// One element of a `{...}` set literal or a `codes` declaration.
struct SetItem {
  enum class Kind : uint8_t { kCode, kName } kind = Kind::kCode;
  std::string low;   // code text (pattern `M54.1*` allowed) or the name
  std::string high;  // range end, empty when not a range
  Span span;
};

struct Expr {
  ExprKind kind = ExprKind::kError;
  Span span;
  double number = 0;
  DurationUnit unit = DurationUnit::kNone;
  std::string text;
  Span text_span;  // span of `text` where it is a name (member, call, binder)
  bool bool_value = false;
  BinaryOp op = BinaryOp::kAnd;
  GroupKind group = GroupKind::kAll;
  QuantKind quant = QuantKind::kAny;
  bool negated = false;  // `not in`
  bool any_of = false;   // `contains any of`
  int64_t count = 0;     // at least N
  bool has_set_literal = false;
  std::vector<SetItem> set_items;
  std::vector<std::unique_ptr<Expr>> args;
};
using ExprPtr = std::unique_ptr<Expr>;

// ---- declarations -------------------------------------------------------------------------------

struct Import {
  std::string module;  // dotted, e.g. common.facts
  Span span;
};

struct FactType {
  enum class Kind : uint8_t { kBool, kNumber, kDate, kEnum, kList } kind = Kind::kBool;
  std::optional<double> min, max;
  std::vector<Name> members;
  Span span;
};

struct FactDecl {
  Name name;
  FactType type;
  std::string description;
  Span span;
};

struct CodesDecl {
  Name name;
  std::vector<SetItem> items;
  Span span;
};

enum class ParamType : uint8_t { kBool, kNumber, kDate, kCodes };

struct Param {
  Name name;
  ParamType type = ParamType::kNumber;
};

struct LetDecl {
  Name name;
  bool has_params = false;
  std::vector<Param> params;
  ExprPtr body;
  Span span;
};

struct DateText {
  std::string text;
  Span span;
};

struct VersionDecl {
  DateText start;
  std::optional<DateText> until;
  std::string description;
  Span span;
};

// One body of a criterion: applies to the versions starting in [from, before).
struct CriterionBody {
  std::optional<DateText> from;
  std::optional<DateText> before;
  std::optional<std::string> text;  // replaces the criterion text for these versions
  ExprPtr expr;
  Span span;
};

struct CriterionDecl {
  Name id;
  std::string text;
  std::string citation;
  std::optional<Name> unmet_reason;
  std::vector<CriterionBody> bodies;
  Span span;
};

enum class NoteKind : uint8_t { kNotice, kRecommendation, kEducation };

struct NoteDecl {
  NoteKind kind = NoteKind::kNotice;
  std::string text;
  std::optional<DateText> from, before;
  ExprPtr when;  // may be null
  Span span;
};

struct GuidelineDecl {
  Name id;  // dotted
  std::optional<std::string> title;
  std::optional<Name> kind;
  std::vector<SetItem> codes;
  bool has_codes = false;
  Span codes_span;
  std::optional<std::string> source;
  std::vector<VersionDecl> versions;
  std::vector<LetDecl> lets;
  std::vector<CriterionDecl> criteria;
  std::vector<NoteDecl> notes;
  Span span;
};

struct PlanItem {
  enum class Kind : uint8_t {
    kManagesAll, kManages, kProgramStart, kSoftLaunch, kGoalStay, kSiteOfCare, kManualReview,
    kPendDeadline, kStateOverride, kClosed,
  } kind = Kind::kManagesAll;
  std::vector<Name> names;        // families / soft-launch kinds / state + qualifiers
  std::vector<DateText> dates;    // program start, soft launch from/to, closures
  std::vector<SetItem> codes;     // site of care, manual review
  double number = 0;              // LOS, deadline, minimum days
  bool is_default = false;        // goal stay default
  Span span;
};

struct PlanDecl {
  Name code;
  std::optional<Name> extends;
  std::string title;
  std::vector<PlanItem> items;
  Span span;
};

struct File {
  source::FileId file = source::kNoFile;
  std::vector<Import> imports;
  std::vector<FactDecl> facts;
  std::vector<CodesDecl> codes;
  std::vector<LetDecl> lets;
  std::vector<GuidelineDecl> guidelines;
  std::vector<PlanDecl> plans;
};

}  // namespace mskc::ast
